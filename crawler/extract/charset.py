"""Bytes to text for pages whose declared charset may be wrong: pick the decoding with fewest errors."""

from __future__ import annotations

import codecs
import re

_META = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_MOJIBAKE = re.compile("[ÃÂâ][\u0080-\u00bf€™œž]")


def _valid(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_page(body: bytes, declared: str | None = None) -> tuple[str, str]:
    """(text, encoding used). Tries the header charset, the <meta> charset, UTF-8, then cp1252."""
    meta = _META.search(body[:4096])
    candidates: list[str] = []
    for name in (declared, meta.group(1).decode("ascii", "ignore") if meta else None, "utf-8", "cp1252"):
        valid = _valid(name)
        if valid and valid not in candidates:
            candidates.append(valid)
    best: tuple[int, str, str] | None = None
    for name in candidates:
        text = body.decode(name, errors="replace")
        errors = text.count("\ufffd") * 10 + len(_MOJIBAKE.findall(text))
        if best is None or errors < best[0]:
            best = (errors, text, name)
        if errors == 0:
            break
    assert best is not None
    return best[1], best[2]
