"""Sanction reports (labeling.md §2): has a neutrality sanction against civil servants been imposed?"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from monitor.text.names import mentions
from monitor.text.people import is_headline as _is_headline
from monitor.text.relevance import judge_relevance
from monitor.text.sanction_rules import OLD_CASE, judge_sentence
from monitor.text.sentences import sentences

MAX_CHARS = 60_000
_READ_ALSO = re.compile(r"^[ \t]*(?:baca(?:an)? (?:juga|lainnya|selanjutnya)|baca ?:)[^\n]*", re.I | re.M)
_WEIGHTS = {"imposed": 1.0, "recommended": 0.8, "finding": 0.7}

_TYPES = re.compile(
    r"(?:hukuman disiplin|sanksi)(?: (?:ringan|sedang|berat|moral|disiplin))? berupa [^.,;]{3,90}?"
    r"(?=\s+(?:kepada|bagi|terhadap|karena|akibat|oleh|untuk|yang)\b|[.,;]|$)|sanksi moral(?: berupa [^.,;]{3,80})?|sanksi (?:disiplin|hukuman)?\s*(?:ringan|sedang|berat)|"
    r"hukuman disiplin(?: etik| (?:ringan|sedang|berat))?|teguran (?:lisan|tertulis)|"
    r"pernyataan tidak puas(?: secara tertulis)?|penundaan kenaikan (?:gaji berkala|pangkat)|"
    r"ditunda kenaikan (?:gaji berkala|pangkat)|penurunan (?:pangkat|jabatan)[^.,;]{0,40}|turun jabatan|"
    r"pembebasan dari jabatan|dibebaskan dari jabatan|pemotongan tunjangan(?: kinerja)?[^.,;]{0,30}|"
    r"pemberhentian (?:dengan|tidak dengan) hormat[^.,;]{0,40}|diberhentikan(?: (?:dengan|tidak dengan) hormat)?|"
    r"dipecat|dicopot(?: dari jabatan(?:nya)?)?|dinonjobkan|divonis [^.;]{3,80}|"
    r"(?:sanksi|hukuman) (?:disiplin )?etik|pernyataan (?:permohonan )?maaf secara terbuka|peringatan|pembinaan",
    0,
)
_VIOLATION = re.compile(
    r"(?:karena|akibat|lantaran)\s+(?:terbukti\s+)?(?P<v>[^.;]{8,140})"
    r"|(?P<w>(?:hadir|menghadiri|mengikuti|ikut|terlibat)\s+(?:dalam\s+)?(?:kampanye|deklarasi|acara|kegiatan)"
    r"[^.;,]{0,100}|(?:memberi(?:kan)?\s+)?(?:like|komentar|share)[^.;]{0,80}|"
    r"(?:foto bersama|berfoto|berpose)[^.;]{0,80}|(?:menjadi|jadi)\s+(?:tim sukses|timses|caleg|anggota partai)[^.;]{0,60}|"
    r"membuat video[^.;]{0,80}|mengumpulkan ktp[^.;]{0,80}|mengarahkan[^.;]{0,100}|"
    r"mengampanyekan[^.;]{0,100}|mendukung[^.;]{0,80}|memasang[^.;]{0,80})",
    0,
)
_AUTHORITY = re.compile(
    r"\b(?:(?i:kasn|komisi (?:asn|aparatur sipil negara)|bkn|badan kepegawaian negara|panwaslu\w*|inspektorat"
    r"(?: daerah)?|bkpp|majelis kode etik|ppk|pejabat pembina kepegawaian|majelis hakim)|"
    r"(?i:bawaslu(?: (?:ri|provinsi|kabupaten|kota|kab\.?))?|bkpsdm|bkd|(?:pjs |pj |plt )?(?:bupati|wali ?kota|"
    r"gubernur|menteri|sekda)|pengadilan(?: negeri)?)(?: [A-Z][a-z]+)?)\b"
)
_REGION = re.compile(
    r"\b(?:Kabupaten|Kota|Provinsi|Kab\.)\s+[A-Z][a-z]+(?:\s+(?:Utara|Selatan|Timur|Barat|Tengah|Raya)"
    # a second name word ("Kutai Kartanegara") only when no third follows: that would be a person's name
    r"|\s+[A-Z][a-z]+\b(?!\s+[A-Z]))?"
)
# "kepada Fransiskus Saputra, Camat Tenggarong" when the article gives no counted subject
_NAMED_SUBJECT = re.compile(
    r"\b(?:kepada|terhadap|bagi)\s+(?P<s>(?:[A-Z][\w.'-]*\s*){1,5}(?:,\s*(?:[A-Z][\w.'-]*\s*){1,6})?)"
    r"(?=[.;,]|\s+(?:karena|yang|atas|setelah|akibat|di|dari|dan)\b|$)"
)
_DATELINE = re.compile(r"^\s*([A-Z][A-Z ]{2,30})\s*[,(|]")
_NUMWORDS = {
    "seorang": 1, "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7,
    "delapan": 8, "sembilan": 9, "sepuluh": 10, "sebelas": 11, "dua belas": 12, "tiga belas": 13,
    "empat belas": 14, "lima belas": 15, "kedua": 2, "ketiga": 3, "kelima": 5, "kelima belas": 15,
}
_SUBJECT = re.compile(
    r"\b(?P<n>\d{1,5}(?:\.\d{3})?|seorang|satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|"
    r"sebelas|(?:dua|tiga|empat|lima) belas|kelima belas|kedua|ketiga|kelima)\s+(?:orang\s+)?"
    r"(?P<who>(?:oknum\s+)?(?:asn|pns|pppk|aparatur sipil negara|pegawai[\w ]{0,30}?|pejabat[\w ]{0,30}?|"
    r"kepala (?:sekolah|sd|smp|sma|desa|dinas|bidang|bagian|seksi|puskesmas|sub\w*)[\w ]{0,30}?|"
    r"sekretaris (?:kecamatan|desa|dinas|daerah|camat)|sekcam|sekdes|tenaga honorer|honorer|"
    r"camat|lurah|guru[\w ]{0,20}?|kades|perangkat desa|"
    r"bidan|kepsek)(?:\s*\([A-Z]+\))?(?:\s+(?:pelanggar netralitas|pemkab \w+|pemkot \w+|pemprov \w+|"
    r"(?:di|kabupaten|kota) [A-Z]\w+))?)",
    re.I,
)
_AGGREGATE = re.compile(
    r"\b(?:sepanjang|selama (?:tahapan|tahun|masa|pilkada|pemilu|pileg|pilpres|\d)|sejak|total|tercatat(?!\s+sebagai)|mencatat|dari jumlah|dari total|"
    r"rekapitulasi|data\s+\w+\s+(?:mencatat|menunjukkan)|hingga (?:saat ini|kini)|dari \d[\d.]* (?:aduan|kasus|laporan)|"
    r"dari \d[\d.]* (?:orang )?(?:asn|pns|pegawai) yang (?:dilaporkan|diadukan|diperiksa)|"
    r"\d[\d.]* (?:orang )?(?:asn|pns) pelanggar netralitas|rinciannya|dengan rincian)\b",
    re.I,
)


# figures presented as a tally of a period's outcomes ("Data itu diungkap ... dalam paparan kinerja 2025")
_TALLY = re.compile(r"\b(?:data (?:itu|tersebut|ini)|paparan|rekap(?:itulasi)?|laporan (?:kinerja|tahunan)|"
                    r"evaluasi (?:tahunan|akhir tahun)|akhir tahun)\b", re.I)
_LEAD = 8  # details are looked for in the evidence and the article's first sentences
_CASES = re.compile(r"\b(\d{1,5})\s+(?:kasus|pelanggaran|pelanggar|orang)\b", re.I)


@dataclass(frozen=True, slots=True)
class SanctionFinding:
    """Whether an article reports a sanction, and what it says about it."""

    report: bool
    kind: str | None = None  # case | aggregate
    subjects: str | None = None
    count: int | None = None
    sanction_type: str | None = None
    violation: str | None = None
    authority: str | None = None
    region: str | None = None
    evidence: str | None = None
    score: float = 0.0


def _number(raw: str) -> int | None:
    raw = raw.lower().replace(".", "")
    if raw.isdigit():
        return int(raw)
    return _NUMWORDS.get(raw)


def _first(pattern: re.Pattern[str], texts: list[str], group: str | None = None) -> str | None:
    for t in texts:
        m = pattern.search(t)
        if m:
            val = m.group(group) if group and m.group(group) else m.group(0)
            return " ".join(val.split()).strip(" ,") or None
    return None


def _subjects(texts: list[str]) -> tuple[str | None, int | None]:
    for t in texts:
        for m in _SUBJECT.finditer(t):
            n = _number(m.group("n"))
            if n is not None and not (1900 <= n <= 2100):
                return " ".join(m.group(0).split()), n
    return None, None


_TYPE_KEYS = ("sanksi", "hukuman", "teguran", "pernyataan", "penundaan", "ditunda", "penurunan", "turun",
              "pembebasan", "dibebaskan", "pemotongan", "pemberhentian", "diberhentikan", "dipecat", "dicopot",
              "dinonjobkan", "divonis", "peringatan", "pembinaan")
_VIOLATION_KEYS = ("karena", "akibat", "lantaran", "hadir", "ikut", "terlibat", "like", "komentar", "share",
                   "foto", "pose", "tim sukses", "timses", "caleg", "video", "ktp", "mengarahkan",
                   "mengampanyekan", "mendukung", "memasang", "mengikuti", "anggota partai")


def _keyed(texts: list[str], keys: tuple[str, ...]) -> list[tuple[str, str]]:
    """(text, lower-cased text) for texts containing one of `keys` (a cheap filter before costly patterns)."""
    out: list[tuple[str, str]] = []
    for t in texts:
        low = t.lower()
        if any(k in low for k in keys):
            out.append((t, low))
    return out


def _search_lower(pattern: re.Pattern[str], texts: list[tuple[str, str]], groups: tuple[str, ...] = ()) -> str | None:
    """Match on the lower-cased text, return the words as written."""
    for orig, low in texts:
        m = pattern.search(low)
        if not m:
            continue
        name = next((g for g in groups if m.group(g)), None)
        a, b = m.span(name) if name else m.span()
        val = orig[a:b] if len(orig) == len(low) else low[a:b]
        val = " ".join(val.split()).strip(" ,")
        if val:
            return val[:160]
    return None


_ACTING = re.compile(r"^(?:bupati|wali|walikota|wakil|gubernur|menteri|penjabat|pj|plt|ketua|komisioner|anggota|"
                     r"koordinator|kordiv|inspektur|hakim|majelis|kepala (?:bkpsdm|bkd|bkpp|bkn|badan|kantor regional)|"
                     r"kanreg|deputi|direktur|asisten)\b", re.I)


_ACTING_BEFORE = re.compile(r"\b(?:Bupati|Wali ?[Kk]ota|Gubernur|Menteri|Penjabat|Ketua|Inspektur|Kepala (?:BKPSDM|BKD|BKPP|"
                            r"Badan Kepegawaian)|oleh)\b(?:\s+[A-Z][\w.]*){0,4},?\s*(?:[A-Z][\w.]*\.?,?\s*){0,3}$")


def _named_people(evidence: list[str]) -> list[str]:
    """The people a report's evidence names who are not the ones acting ("Camat Cikaroya, Deden Suparman")."""
    out: list[str] = []
    for sent in evidence:
        if _is_headline(sent):
            continue
        sent = sent[:600]
        for name, role in mentions(sent):
            at = sent.find(name.split()[0])
            before = sent[max(0, at - 45) : at]
            place_in_role = bool(role) and len((role or "").split()) == 1 and sent.startswith(", ", at + len(name))
            acting = bool(role and _ACTING.match(role)) or bool(_ACTING.match(name) or _ACTING_BEFORE.search(before))
            if len(name.split()) < 2 or acting or place_in_role:
                continue  # the acting official, or a place inside a role ("Camat Tegalrejo Wetan, Drs. ...")
            out.append(f"{name}, {role}" if role else name)
        if out:
            break
    return out[:5]


def _violation(texts: list[str]) -> str | None:
    return _search_lower(_VIOLATION, _keyed(texts, _VIOLATION_KEYS), ("v", "w"))


def detect_sanction(
    title: str | None, text: str, published: date | None = None, *, relevant: bool | None = None
) -> SanctionFinding:
    """Judge whether the article reports an imposed, decided or formally recommended sanction.

    `relevant` may carry an earlier judgement (`Relevance.relevant and Relevance.strong`) to save
    recomputing it: a sanction is only reported for articles with a clear neutrality angle.
    """
    del published  # the judgement is on the text; kept for callers that pass it
    text = _READ_ALSO.sub(" ", (text or "")[:MAX_CHARS])
    if relevant is None:
        rel = judge_relevance(title, text)
        relevant = rel.relevant and rel.strong
    if not relevant:
        return SanctionFinding(False)
    heading = title.strip() if title else ""
    sents = ([heading] if heading else []) + [x for x in sentences(text) if x != heading]
    hits: list[tuple[str, str, float]] = []
    unproven = 0
    for sent in sents:
        if len(sent) > 2000:
            sent = sent[:2000]
        label, weight = judge_sentence(sent)
        if label == "cancelled":
            return SanctionFinding(False, score=0.0)
        if label == "unproven":
            unproven += 1
        elif label is not None:
            hits.append((label, sent, weight))
    if hits and all(OLD_CASE.search(h[1]) for h in hits):
        return SanctionFinding(False, score=0.0)  # only old cases recalled as background
    strong = [h for h in hits if h[0] == "imposed"]
    if not hits or (unproven and not strong):
        return SanctionFinding(False, score=0.0)
    ranked = sorted(hits, key=lambda h: -_WEIGHTS.get(h[0], 0.5) * h[2])
    evidence = [h[1] for h in ranked[:2]]
    score = min(1.0, max(_WEIGHTS.get(h[0], 0.5) * h[2] for h in hits) + 0.05 * (len(hits) - 1))
    body_first = [e for e in evidence if e != heading] + [e for e in evidence if e == heading]
    context = body_first + [s for s in sents[:_LEAD] if s not in evidence]
    subjects, count = _subjects(context)
    if subjects is None:
        subjects = _first(_NAMED_SUBJECT, evidence, "s")  # "kepada Fransiskus Saputra, Camat Tenggarong"
        if subjects is not None and _ACTING.match(subjects):
            subjects = None  # "kepada Bupati ...": the one asked to act
        named = [subjects] if subjects else (
            _named_people(body_first) or _named_people([s for s in sents[:3] if s not in evidence])[:1]
        )
        if named:
            subjects = "; ".join(named)
            count = len(named) if count is None and " dan " not in subjects else count
    if count is None:
        m = _CASES.search(" ".join(evidence))
        count = _number(m.group(1)) if m else None
    aggregate = (count or 0) >= 2 and (
        any(_AGGREGATE.search(s) for s in sents if s in evidence or re.search(rf"\b{count}\b", s))
        or any(_TALLY.search(s) for s in sents[:_LEAD])
    )
    region = _first(_REGION, context) if _REGION.search(text) else None
    if region is None:
        for line in text.lstrip().split("\n")[:4]:
            m = _DATELINE.match(line)
            if m:
                region = m.group(1).strip().title()
                break
    return SanctionFinding(
        report=True,
        kind="aggregate" if aggregate else "case",
        subjects=subjects,
        count=count,
        sanction_type=_search_lower(_TYPES, _keyed(context, _TYPE_KEYS)),
        violation=_violation(context),
        authority=_first(_AUTHORITY, evidence) or _first(_AUTHORITY, context),
        region=region,
        evidence=" … ".join(evidence),
        score=round(score, 3),
    )
