"""Sentence boundaries in Indonesian news text, aware of initials and common abbreviations."""

from __future__ import annotations

import re

from monitor.text.lexicon import NAME_ABBREVIATIONS

# a boundary is terminal punctuation (with closing marks) plus whitespace, or a line break; a lone full stop
# after a known short abbreviation or an initial ("Letkol Inf. Suryanto", "A. Musakkir") is not a boundary
_BOUNDARY = re.compile(r"[.!?]+[\"”’)]*\s+|\n+")
_ABBREV = frozenset(
    "a b c d e f g h i j k l m n o p q r s t u v w x y z inf plt plh kol pol dr drs prof no jl kab prov hj st "
    "sdr bpk yth tgl dkk dll dsb spd mpd si sh mh se mm ir kh "
    "ak".split()  # the accountant's title "Ak."
) | NAME_ABBREVIATIONS  # "Muh. Yusran", "Moch. Syaiful"


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of `text`, in order; offsets index `text` itself."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        j = m.start()
        if text[j] == "." and (j + 1 == len(text) or text[j + 1].isspace()):
            k = j
            while k > start and j - k <= 4 and text[k - 1].isalnum():
                k -= 1
            if 0 < j - k <= 4 and (k == 0 or not text[k - 1].isalnum()) and text[k:j].lower() in _ABBREV:
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
