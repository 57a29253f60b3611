"""Reading an HTML document: parsing that never raises, selector text, meta tags, JSON-LD, paragraphs."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import lxml.html
from lxml import etree
from lxml.cssselect import CSSSelector

from crawler.extract.clean import normalise

_BLOCKS = {"p", "h2", "h3", "h4", "h5", "blockquote", "li", "pre"}
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
_selectors: dict[str, CSSSelector | None] = {}
_unions: dict[tuple[str, ...], str | None] = {}
_ORDER_SENSITIVE = re.compile(r"[+~:]")


def parse(html: str) -> lxml.html.HtmlElement | None:
    """The document tree, or None for empty or unparsable input."""
    text = _XML_DECL.sub("", html or "")
    if not text.strip():
        return None
    try:
        root = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError, etree.XMLSyntaxError):
        return None
    return root


def _compiled(selector: str) -> CSSSelector | None:
    if selector not in _selectors:
        try:
            _selectors[selector] = CSSSelector(selector, translator="html")
        except Exception:  # cssselect raises several error types
            _selectors[selector] = None
    return _selectors[selector]


def css(root: Any, selector: str) -> list[Any]:
    """Elements matching a CSS selector; an invalid selector matches nothing."""
    compiled = _compiled(selector)
    if compiled is None or root is None:
        return []
    try:
        return list(compiled(root))
    except Exception:
        return []


def _union(selectors: tuple[str, ...]) -> str | None:
    """One selector group for `selectors` when matching them at once finds what one after the other would.

    Removing an element cannot change whether another element matches a selector without sibling
    combinators or pseudo-classes (`+`, `~`, `:`), so such lists are matched in one pass over the tree.
    """
    if selectors not in _unions:
        valid = [s for s in selectors if _compiled(s) is not None]
        ordered = any(_ORDER_SENSITIVE.search(s) for s in valid)
        _unions[selectors] = None if ordered or not valid else ", ".join(valid)
    return _unions[selectors]


def text_of(element: Any) -> str:
    """Visible text of an element, <br> read as a space."""
    if element is None:
        return ""
    try:
        pieces = list(element.itertext())
    except (TypeError, ValueError):
        return ""
    joined = " ".join(pieces)
    if joined.isascii():  # what normalising each piece and then the whole gives for ASCII text
        return " ".join(joined.split())
    parts = [normalise(piece) for piece in pieces]
    return normalise(" ".join(p for p in parts if p))


def value_of(element: Any) -> str:
    """A date-ish value: the datetime/title/content attribute, else the element's text."""
    for attr in ("datetime", "content", "title"):
        value = element.get(attr) if hasattr(element, "get") else None
        if value and value.strip():
            return normalise(value)
    return text_of(element)


def meta(root: Any, *names: str) -> str:
    """Content of the first <meta> whose property/name/itemprop is one of `names`."""
    if root is None:
        return ""
    wanted = {n.lower() for n in names}
    for element in root.iter("meta"):
        key = (element.get("property") or element.get("name") or element.get("itemprop") or "").lower()
        if key in wanted and (element.get("content") or "").strip():
            return normalise(element.get("content"))
    return ""


def meta_all(root: Any, name: str) -> list[str]:
    if root is None:
        return []
    return [
        normalise(e.get("content"))
        for e in root.iter("meta")
        if (e.get("property") or e.get("name") or "").lower() == name and (e.get("content") or "").strip()
    ]


def _walk_ld(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, list):
        for item in node:
            yield from _walk_ld(item)
    elif isinstance(node, dict):
        yield node
        if "@graph" in node:
            yield from _walk_ld(node["@graph"])


def json_ld_article(root: Any) -> dict[str, Any]:
    """The first JSON-LD object typed Article/NewsArticle/BlogPosting/ReportageNewsArticle."""
    if root is None:
        return {}
    for script in root.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text.strip())
        except ValueError:
            continue
        for node in _walk_ld(data):
            kind = node.get("@type")
            kinds = kind if isinstance(kind, list) else [kind]
            if any(isinstance(k, str) and k.endswith(("Article", "BlogPosting")) for k in kinds):
                return node
    return {}


def ld_names(value: Any) -> list[str]:
    """Author names from a JSON-LD author value (string, object or list)."""
    if isinstance(value, str):
        return [normalise(value)] if value.strip() else []
    if isinstance(value, dict):
        return ld_names(value.get("name"))
    if isinstance(value, list):
        return [name for item in value for name in ld_names(item)]
    return []


def remove(root: Any, selectors: tuple[str, ...]) -> None:
    """Delete matching elements, keeping the text that follows each one."""
    union = _union(selectors)
    if union is not None:
        for element in css(root, union):
            _drop(element)
        return
    for selector in selectors:
        for element in css(root, selector):
            _drop(element)


def _drop(element: Any) -> None:
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail
    previous = element.getprevious()
    if tail and tail.strip():
        if previous is not None:
            previous.tail = (previous.tail or "") + " " + tail
        else:
            parent.text = (parent.text or "") + " " + tail
    parent.remove(element)


def paragraphs(container: Any) -> list[str]:
    """Block texts of a body container: <p>/<h*>/<li> blocks, else leaf <div>s, else <br>-split text."""
    blocks = [
        el
        for el in container.iter(*_BLOCKS)
        if not any(anc.tag in _BLOCKS for anc in el.iterancestors()) and el is not container
    ]
    if blocks:
        texts: list[str] = []
        loose = normalise(container.text)
        if loose and len(loose) > 40:
            texts.append(loose)
        for el in blocks:
            texts.append(text_of(el))
            tail = normalise(el.tail)
            if tail and len(tail) > 40 and el.getparent() is container:
                texts.append(tail)
        return texts
    leaves = [el for el in container.iter("div") if el is not container and not list(el.iter("div", "p"))[1:]]
    if len(leaves) >= 2:
        return [t for el in leaves for t in _split_br(el)]
    return _split_br(container)


def _split_br(element: Any) -> list[str]:
    """Text of an element split at <br> (two or one), each part normalised."""
    pieces: list[str] = []
    current: list[str] = []
    for event, node in etree.iterwalk(element, events=("start", "end")):
        if event == "start":
            if node.tag == "br":
                pieces.append(" ".join(current))
                current = []
            elif node.text and isinstance(node.tag, str):
                current.append(node.text)
        elif node is not element and node.tail:
            current.append(node.tail)
    pieces.append(" ".join(current))
    return [text for text in (normalise(p) for p in pieces) if text]


CURRENT_PAGE = ".pagination li.active, .pagination .active, .page-links .current, .post-page-numbers.current"
_ACTIVE_OR_CURRENT = etree.XPath(
    "descendant-or-self::*[@class and (contains(@class, 'active') or contains(@class, 'current'))]"
)
# class tokens as cssselect matches them: split at the whitespace normalize-space() knows
_XML_SPACE = str.maketrans("\t\r\n", "   ")


def _classes(element: Any) -> set[str]:
    return set((element.get("class") or "").translate(_XML_SPACE).split(" "))


def current_page_markers(root: Any) -> list[Any]:
    """What css(root, CURRENT_PAGE) finds (in document order), from one pass over the tree instead of four."""
    if root is None:
        return []
    found = []
    for element in _ACTIVE_OR_CURRENT(root):
        own = _classes(element)
        if "post-page-numbers" in own and "current" in own:
            found.append(element)
            continue
        wanted = {"pagination"} if "active" in own else set()
        if "current" in own:
            wanted.add("page-links")
        if not wanted or element is root:
            continue
        for ancestor in element.iterancestors():
            if wanted & _classes(ancestor):
                found.append(element)
                break
            if ancestor is root:
                break
    return found
