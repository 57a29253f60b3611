"""Sentence boundaries in Indonesian news text, aware of initials and common abbreviations."""

from __future__ import annotations

import re

# a boundary is terminal punctuation (with closing marks) plus whitespace, or a line break; the short word
# before a lone full stop is captured so that "Letkol Inf. Suryanto" or "A. Musakkir" is not split
_BOUNDARY = re.compile(r"(?:(?<![\w.])(?P<w>\w{1,4})(?=\.\s))?(?P<p>[.!?]+)[\"”’)]*\s+|\n+")
_ABBREV = frozenset(
    "a b c d e f g h i j k l m n o p q r s t u v w x y z inf plt plh kol pol dr drs prof no jl kab prov hj st "
    "sdr bpk yth tgl dkk dll dsb spd mpd si sh mh se mm ir kh".split()
)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of `text`, in order; offsets index `text` itself."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        word = m.group("w")
        if word is not None and m.group("p") == "." and word.lower() in _ABBREV:
            continue
        end = m.end()
        if end > start:
            spans.append((start, end))
        start = end
    if start < len(text):
        spans.append((start, len(text)))
    return [(s, e) for s, e in spans if not text[s:e].isspace()]


def sentences(text: str) -> list[str]:
    """The sentences of `text`, stripped."""
    return [text[s:e].strip() for s, e in sentence_spans(text)]
