"""Sentence boundaries in Indonesian news text, aware of initials and common abbreviations."""

from __future__ import annotations

import re

_BOUNDARY = re.compile(r"[.!?]+[\"”’)]*\s+|\n+")
_ABBREV = frozenset(
    "a b c d e f g h i j k l m n o p q r s t u v w x y z inf plt plh kol pol dr drs prof no jl kab prov hj st "
    "sdr bpk yth tgl dkk dll dsb spd mpd si sh mh se mm ir kh".split()
)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of `text`, in order; offsets index `text` itself."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        if m.group(0)[0] == "." and m.group(0).strip() == ".":
            j = m.start()
            k = max(text.rfind(" ", start, j), text.rfind("\n", start, j), text.rfind("(", start, j)) + 1
            if j - k <= 4 and text[k:j].lower() in _ABBREV:
                continue
        end = m.end()
        if text[start:end].strip():
            spans.append((start, end))
        start = end
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


def sentences(text: str) -> list[str]:
    """The sentences of `text`, stripped."""
    return [text[s:e].strip() for s, e in sentence_spans(text)]
