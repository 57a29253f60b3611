"""Author names: "Reporter :"/"Editor :" lines in the page header and cleaning of name lists."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from lxml import etree

from crawler.extract.clean import normalise

_LABELLED = re.compile(
    r"\b(reporter|penulis|pewarta|wartawan|editor|redaktur|penyunting)\s*:\s*"
    r"([A-Za-z][A-Za-z .,'’-]{1,60}?)(?=\s*(?:\||\b(?:reporter|penulis|editor|redaktur)\b\s*:|$))",
    re.IGNORECASE,
)
_PREFIX = re.compile(r"^(?:oleh|by|penulis|reporter|pewarta|wartawan|editor|posted by|diposting oleh)\s*:?\s*", re.I)
_JUNK = {"admin", "administrator", "redaksi", "tim redaksi", "webmaster", "unknown", "anonymous", "-"}
_EDITOR_LABELS = ("editor", "redaktur", "penyunting")
# The elements a label line may sit in whose text (`text_content()`, the XPath string value) holds a colon
# and is at most 1,000 characters. A colon lies in one text node, so they are the ancestors of the text
# nodes with a colon: found from those few nodes instead of from every element's whole text. That path
# also reaches above `root`, so it is used for a document's root only.
_TAGS = "self::span or self::div or self::p or self::li or self::strong or self::b or self::small"
_CANDIDATES = etree.XPath(f"descendant-or-self::*[{_TAGS}][contains(., ':') and string-length(.) <= 1000]")
_CANDIDATES_IN_DOCUMENT = etree.XPath(
    f"descendant-or-self::text()[contains(., ':')]/ancestor::*[{_TAGS}][string-length(.) <= 1000]"
)


def clean_names(names: Iterable[Any]) -> list[str]:
    """Stripped, de-duplicated names without labels or placeholder accounts."""
    out: list[str] = []
    for name in names:
        text = _PREFIX.sub("", normalise(str(name or ""))).strip(" ,;|-")
        if not text or text.lower() in _JUNK or len(text) > 80:
            continue
        if text not in out:
            out.append(text)
    return out


def authors_from_text(root: Any) -> tuple[list[str], list[str]]:
    """(reporters, editors) named in short "Reporter : X" / "Editor : X" texts outside scripts."""
    reporters: list[str] = []
    editors: list[str] = []
    if root is None:
        return reporters, editors
    candidates = _CANDIDATES_IN_DOCUMENT if root.getparent() is None else _CANDIDATES
    for element in candidates(root):
        if not hasattr(element, "text_content"):
            continue
        own = normalise(" ".join(t for t in element.itertext() if t))
        if not own or len(own) > 160 or ":" not in own:
            continue
        for label, name in _LABELLED.findall(own):
            target = editors if label.lower() in _EDITOR_LABELS else reporters
            name = name.strip(" ,.")
            if name and name not in target:
                target.append(name)
    return reporters, editors
