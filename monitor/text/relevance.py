"""Topic relevance (labeling.md §1): is this article about the political neutrality of civil servants?

Shared by the crawler's topic filter (called on every page, so it is a handful of regex scans) and the
monitor. In scope: ASN/PNS/PPPK, honorary staff and village officials under the neutrality rules around
elections. Out of scope: TNI/Polri neutrality alone, election news without civil servants, and civil
servant discipline for non-political reasons (truancy, corruption).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_CHARS = 30_000

_READ_ALSO = re.compile(r"^[ \t]*(?:baca(?:an)? (?:juga|lainnya|selanjutnya)|baca ?:)[^\n]*", re.I | re.M)
_TERMS = re.compile(
    r"(?P<civil>\b(?:asn|pns|pppk|p3k|aparatur sipil(?: negara)?|aparatur negara|aparatur pemerintah|"
    r"pegawai negeri(?: sipil)?|pegawai pemerintah|tenaga honorer|honorer|non[- ]?asn|kepala desa|kades|"
    r"perangkat desa|aparat desa|lurah|camat|kepala sekolah|kepsek|sekda|sekretaris daerah|kepala dinas|"
    r"kadis|birokrat|birokrasi|pejabat (?:eselon|pemkab|pemkot|pemprov|daerah|dinas|disdik|struktural|pemda)|"
    r"eselon|guru|bidan|tenaga kesehatan|nakes|penyuluh)\b)"
    r"|(?P<neutral>\b(?:netral\w*|ketidaknetralan|tidak netral|tak netral)\b)"
    r"|(?P<election>\b(?:pemilu\w*|pilkada|pileg|pilpres|pilwal\w*|pilbup|pilgub|pilwakot|kampanye|"
    r"mengkampanyekan|mengampanyekan|paslon|pasangan calon|bakal calon|calon (?:bupati|wali ?kota|gubernur|"
    r"presiden|legislatif|anggota)|caleg|capres|cawapres|cabup|cawabup|timses|tim sukses|tim pemenangan|"
    r"politik praktis|partai politik|parpol|deklarasi|bawaslu|panwaslu|panwas\w*|gakkumdu|kpu)\b)"
    r"|(?P<security>\b(?:tni|polri|prajurit|personel|kodim|dandim|koramil|danramil|propam|kapolres|"
    r"kapolda|polres|polda|babinsa|kodam|korem|anggota polisi|polisi)\b)"
    r"|(?P<nonpol>\b(?:bolos|membolos|mangkir|tidak masuk kerja|korupsi|koruptor|tipikor|narkoba|narkotika|"
    r"asusila|selingkuh|perselingkuhan|pungli|gratifikasi|poligami|perceraian)\b)",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Relevance:
    relevant: bool
    score: float
    reasons: tuple[str, ...] = ()


def _counts(text: str, weight: int, acc: dict[str, int]) -> None:
    for m in _TERMS.finditer(text):
        kind = m.lastgroup
        if kind is not None:
            acc[kind] = acc.get(kind, 0) + weight


def judge_relevance(title: str | None, body: str) -> Relevance:
    """Judge topic relevance from the headline and body text."""
    body = _READ_ALSO.sub(" ", (body or "")[:MAX_CHARS])
    acc: dict[str, int] = {}
    _counts(title or "", 2, acc)
    _counts(body, 1, acc)
    civil = acc.get("civil", 0)
    neutral = acc.get("neutral", 0)
    election = acc.get("election", 0)
    security = acc.get("security", 0)
    nonpol = acc.get("nonpol", 0)
    politics = neutral + election
    reasons: list[str] = []
    if civil == 0:
        reasons.append("no civil servants")
    if politics == 0 or (neutral == 0 and election < 2):
        reasons.append("no neutrality or election angle")
    if security >= 3 and civil <= 1:
        reasons.append("TNI/Polri only")
    if nonpol >= 1 and nonpol >= politics:
        reasons.append("non-political discipline")
    score = min(civil, 4) / 4 * min(politics, 4) / 4
    if reasons:
        return Relevance(False, round(score * 0.5, 3), tuple(reasons))
    return Relevance(True, round(0.5 + score * 0.5, 3), ("civil servants", "neutrality/election"))


def is_relevant(title: str | None, body: str) -> bool:
    """True when the article is about ASN political neutrality (the crawler's topic filter)."""
    return judge_relevance(title, body).relevant
