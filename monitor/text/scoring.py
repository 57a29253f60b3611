"""Scoring helpers for the accuracy benchmark and tests: quote matching, speaker equality, pair F1."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from monitor.text.names import normalise_name

_WORD = re.compile(r"\w+", re.UNICODE)


def quote_words(text: str) -> set[str]:
    return set(_WORD.findall(text.lower()))


def quotes_match(a: str, b: str) -> bool:
    """Two quotes match when at least half of the words of each occur in the other."""
    x, y = quote_words(a), quote_words(b)
    if not x or not y:
        return False
    common = len(x & y)
    return common / len(x) >= 0.5 and common / len(y) >= 0.5


def same_speaker(predicted: str | None, gold: str | None) -> bool:
    return normalise_name(predicted or "") == normalise_name(gold or "")


@dataclass(frozen=True, slots=True)
class QuoteScore:
    tp: int
    fp: int
    fn: int
    speaker_ok: int
    pairs: tuple[tuple[int, int], ...]  # (gold index, predicted index)


def match_quotes(gold: Sequence[tuple[str, str | None]], pred: Sequence[tuple[str, str | None]]) -> QuoteScore:
    """Greedy one-to-one matching of (quote, speaker) lists in reading order."""
    used: set[int] = set()
    pairs: list[tuple[int, int]] = []
    ok = 0
    for gi, (gq, gs) in enumerate(gold):
        for pi, (pq, ps) in enumerate(pred):
            if pi not in used and quotes_match(gq, pq):
                used.add(pi)
                pairs.append((gi, pi))
                ok += same_speaker(ps, gs)
                break
    tp = len(pairs)
    return QuoteScore(tp, len(pred) - tp, len(gold) - tp, ok, tuple(pairs))


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def group(items: Sequence[str], same: Callable[[str, str], bool]) -> list[int]:
    """Group texts by pairwise `same` (transitively): a group id per item."""
    parent = list(range(len(items)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in itertools.combinations(range(len(items)), 2):
        if find(i) != find(j) and same(items[i], items[j]):
            parent[find(i)] = find(j)
    return [find(i) for i in range(len(items))]


def pairwise(gold: Sequence[str], predicted: Sequence[int]) -> tuple[int, int, int]:
    """(tp, fp, fn) over all item pairs: same gold key vs same predicted group."""
    tp = fp = fn = 0
    for i, j in itertools.combinations(range(len(gold)), 2):
        g = gold[i] == gold[j]
        p = predicted[i] == predicted[j]
        tp += g and p
        fp += p and not g
        fn += g and not p
    return tp, fp, fn
