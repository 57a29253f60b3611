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
_WORD = re.compile(r"[a-z0-9-]+")
_SINGLE: dict[str, str] = {}
for _kind, _words in (
    ("civil", "asn pns pppk p3k honorer non-asn nonasn kades lurah camat kepsek sekda kadis birokrat birokrasi "
              "eselon guru bidan nakes penyuluh kabag kabid kasubag kasubbag kasi sekdes bkpsdm bkd bkpp bkn kasn"),
    ("neutral", "ketidaknetralan"),
    ("election", "pilkada pileg pilpres pilbup pilgub pilwakot kampanye mengkampanyekan mengampanyekan paslon "
                 "berkampanye mencalonkan pencalonan tps "
                 "caleg capres cawapres cabup cawabup timses parpol deklarasi bawaslu panwaslu gakkumdu kpu"),
    ("security", "tni polri prajurit personel kodim dandim koramil danramil propam kapolres kapolda polres polda "
                 "babinsa kodam korem polisi"),
    ("nonpol", "bolos membolos mangkir korupsi koruptor tipikor narkoba narkotika asusila selingkuh perselingkuhan "
               "pungli gratifikasi poligami perceraian"),
):
    for _w in _words.split():
        _SINGLE[_w] = _kind
_PREFIX_KIND = {"netral": "neutral", "pemilu": "election", "pilwal": "election", "panwas": "election"}
_PHRASES = (
    ("civil", ("aparatur sipil", "aparatur negara", "aparatur pemerintah", "pegawai negeri", "pegawai pemerintah",
               "tenaga honorer", "kepala desa", "perangkat desa", "aparat desa", "kepala sekolah",
               "sekretaris daerah", "kepala dinas", "pejabat eselon", "pejabat pemkab", "pejabat pemkot",
               "pejabat pemprov", "pejabat daerah", "pejabat dinas", "pejabat disdik", "pejabat struktural",
               "pejabat pemda", "tenaga kesehatan", "kepala bagian", "kepala bidang", "kepala seksi",
               "kepala badan", "kepala kantor", "sekretaris dinas", "sekretaris camat", "sekretaris desa")),
    ("neutral", ("tidak netral", "tak netral")),
    ("election", ("pasangan calon", "bakal calon", "calon bupati", "calon wali", "calon walikota",
                  "calon gubernur", "calon presiden", "calon legislatif", "calon anggota", "tim sukses",
                  "tim pemenangan", "politik praktis", "partai politik")),
    ("security", ("anggota polisi",)),
    ("nonpol", ("tidak masuk kerja",)),
)


@dataclass(frozen=True, slots=True)
class Relevance:
    """`relevant` keeps borderline pages (the crawler cannot fetch them again); `strong` asks for a clear
    neutrality angle (a neutrality word, or two election words) before a sanction may be reported."""

    relevant: bool
    score: float
    reasons: tuple[str, ...] = ()
    strong: bool = False


def _counts(text: str, weight: int, acc: dict[str, int]) -> None:
    low = text.lower()
    get = _SINGLE.get
    words = _WORD.findall(low)
    for word in words:
        kind = get(word) or _PREFIX_KIND.get(word[:6])
        if kind is not None:
            acc[kind] = acc.get(kind, 0) + weight
    present = set(words)
    for kind, phrases in _PHRASES:
        n = sum(low.count(p) for p in phrases if p.partition(" ")[0] in present)
        if n:
            acc[kind] = acc.get(kind, 0) + n * weight


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
    if politics == 0:
        reasons.append("no neutrality or election angle")
    if security >= 3 and civil <= 1:
        reasons.append("TNI/Polri only")
    if nonpol >= 1 and nonpol >= politics:
        reasons.append("non-political discipline")
    score = min(civil, 4) / 4 * min(politics, 4) / 4
    if reasons:
        return Relevance(False, round(score * 0.5, 3), tuple(reasons))
    strong = neutral >= 1 or election >= 2
    why = ("civil servants", "neutrality/election" if strong else "one election word only")
    return Relevance(True, round(0.5 + score * 0.5, 3), why, strong)


def is_relevant(title: str | None, body: str) -> bool:
    """True when the article is about ASN political neutrality (the crawler's topic filter)."""
    return judge_relevance(title, body).relevant
