"""Topic relevance (labeling.md §1): is this article about ASN political neutrality?

Shared by the crawler's topic filter and the monitor. PLACEHOLDER: being rewritten.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Relevance:
    relevant: bool
    score: float
    reasons: tuple[str, ...] = ()


def judge_relevance(title: str | None, body: str) -> Relevance:
    text = f"{title or ''}\n{body}".lower()
    civil = any(w in text for w in ("asn", "pns", "pppk", "aparatur sipil", "pegawai negeri", "kepala desa"))
    neutral = any(w in text for w in ("netral", "politik", "kampanye", "pilkada", "pemilu"))
    ok = civil and neutral
    return Relevance(ok, 1.0 if ok else 0.0, ())


def is_relevant(title: str | None, body: str) -> bool:
    return judge_relevance(title, body).relevant
