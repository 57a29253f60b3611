"""Dedup keys, MinHash/LSH signatures in PostgreSQL, and grouping articles into stories."""

from __future__ import annotations

import hashlib
import re
import unicodedata

_SPACE = re.compile(r"\s+")


def normalise_text(body: str) -> str:
    """Fold case, Unicode forms, punctuation and whitespace: the text two copies of one article share."""
    text = unicodedata.normalize("NFKC", body or "").casefold()
    kept = []
    for ch in text:
        category = unicodedata.category(ch)
        if category == "Cf":  # zero-width and other format characters vanish
            continue
        kept.append(" " if category[0] in "PSZC" else ch)
    return _SPACE.sub(" ", "".join(kept)).strip()


def content_hash(body: str) -> str:
    """sha256 (hex) of the normalised body: the key of `articles.content_hash` (same text = same article)."""
    return hashlib.sha256(normalise_text(body).encode("utf-8")).hexdigest()
