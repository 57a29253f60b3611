"""Text similarity for dedup and story grouping: word shingles, MinHash signatures, same-story test.

`signature()` gives a datasketch MinHash (num_perm=128) whose bytes and LSH band hashes are stored in
PostgreSQL (`article_signatures`, `signature_bands`); `SCHEME` names how it was made, so signatures made
differently are never compared. `same_story()` is the pure decision on two texts.
"""

from __future__ import annotations

import hashlib
import re
import struct
from datetime import date
from functools import lru_cache

import datasketch
import numpy as np
from datasketch import MinHash

from monitor.text.names import name_runs
from monitor.text.quotes import scan_quotes

NUM_PERM = 128
SHINGLE_WORDS = 3
SEED = 1
BANDS = 32  # 32 bands x 4 rows: pairs above ~0.5 Jaccard become LSH candidates
ROWS = NUM_PERM // BANDS
MINHASH_SCHEME = "affine32"  # datasketch's permutation scheme (explicit: its default may change)
SCHEME = (
    f"datasketch-{datasketch.__version__}/{MINHASH_SCHEME}/sha1-32/words{SHINGLE_WORDS}"
    f"/num_perm={NUM_PERM}/seed={SEED}"
)

REPUBLISH_JACCARD = 0.45
CONTAINMENT = 0.6
QUOTE_OVERLAP = 0.6
KEY_JACCARD = 0.3
MAX_DAYS_APART = 2
QUOTE_DAYS_APART = 3  # similar quotes weeks apart are two officials' stock phrases, not one statement
SHARED_PEOPLE = 2
SHARED_FIGURES = 1  # with the same three-word name on the same day
_FIGURE = re.compile(r"(?<![\d./-])(?!(?:19|20)\d\d\b)\d{2,}(?:[.,]\d+)?(?![\d/-])")

_WORD = re.compile(r"\w+", re.UNICODE)
_BOILER = re.compile(r"^[ \t]*(?:baca(?:an)? (?:juga|lainnya|selanjutnya)|baca ?:|cek berita|sumber ?:|"
                     r"posting komentar|\d+ komentar)[^\n]*", re.I | re.M)
_KEY = re.compile(r"\b(?:[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+|\d[\d.,]*\d)\b")
_DATE_NUM = re.compile(r"\((\d{1,2})/(\d{1,2})(?:/(\d{2,4}))?\)")
_MONTHS = {m: i + 1 for i, m in enumerate(
    "januari februari maret april mei juni juli agustus september oktober november desember".split())}
_DATE_TXT = re.compile(r"\b(\d{1,2})\s+(" + "|".join(_MONTHS) + r")\s+(\d{4})\b", re.I)
_YEAR = re.compile(r"^(?:19[5-9]\d|20[0-4]\d)$")


def _words(text: str) -> list[str]:
    return _WORD.findall(_BOILER.sub(" ", text).lower())


def shingles(text: str, k: int = SHINGLE_WORDS) -> set[str]:
    """Word k-grams of the normalised text (lower case, punctuation and boilerplate lines dropped)."""
    words = _words(text)
    if len(words) < k:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + k]) for i in range(len(words) - k + 1)}


def _sha1_32(data: bytes) -> int:
    return int(struct.unpack("<I", hashlib.sha1(data).digest()[:4])[0])


def signature(text: str) -> MinHash:
    """MinHash (num_perm=128) of the text's shingles."""
    mh = MinHash(num_perm=NUM_PERM, seed=SEED, hashfunc=_sha1_32, scheme=MINHASH_SCHEME)
    sh = shingles(text)
    if sh:
        mh.update_batch([s.encode("utf-8") for s in sh])
    return mh


def signature_bytes(mh: MinHash) -> bytes:
    """The signature's hash values as bytes (for `article_signatures.minhash`)."""
    return np.asarray(mh.hashvalues, dtype=np.uint64).tobytes()


def signature_from_bytes(data: bytes) -> MinHash:
    """Rebuild a MinHash from `signature_bytes` output."""
    values = np.frombuffer(data, dtype=np.uint64).copy()
    return MinHash(num_perm=len(values), seed=SEED, hashvalues=values, scheme=MINHASH_SCHEME)


def band_hashes(mh: MinHash) -> list[int]:
    """One signed 64-bit hash per LSH band (for `signature_bands.band_hash`)."""
    values = np.asarray(mh.hashvalues, dtype=np.uint64)
    out: list[int] = []
    for b in range(BANDS):
        chunk = values[b * ROWS : (b + 1) * ROWS].tobytes()
        digest = hashlib.blake2b(chunk, digest_size=8, person=b"pantau-lsh").digest()
        out.append(struct.unpack("<q", digest)[0])
    return out


def estimated_jaccard(a: MinHash, b: MinHash) -> float:
    return float(a.jaccard(b))


@lru_cache(maxsize=512)
def _names(text: str) -> tuple[tuple[str, ...], ...]:
    """The multi-word person names in the text, lower-cased and split into words."""
    found = (tuple(name.lower().split()) for _s, _e, name in name_runs(_BOILER.sub(" ", text)[:20_000]))
    return tuple(words for words in found if len(words) >= 2)


def _people(text: str) -> frozenset[str]:
    """Last words of the multi-word person names in the text ("syahputra" for Fachril Syahputra)."""
    return frozenset(words[-1] for words in _names(text) if len(words[-1]) >= 4)


@lru_cache(maxsize=512)  # keyed by whole texts: kept small for long-running workers
def _features(text: str) -> tuple[frozenset[str], frozenset[str], tuple[frozenset[str], ...], tuple[date, ...]]:
    sh = frozenset(shingles(text))
    keys = frozenset(k.lower() for k in _KEY.findall(_BOILER.sub(" ", text)) if not _YEAR.match(k))
    quotes = tuple(
        frozenset(_WORD.findall(q.text.lower())) for q in scan_quotes(text) if len(q.text.split()) >= 8
    )
    return sh, keys, quotes, tuple(_dates(text))


def _dates(text: str) -> list[date]:
    out: list[date] = []
    for m in _DATE_NUM.finditer(text):
        d, mo, y = int(m.group(1)), int(m.group(2)), m.group(3)
        year = int(y) + (2000 if y and len(y) == 2 else 0) if y else 0
        if 1 <= mo <= 12 and 1 <= d <= 31 and year:
            try:
                out.append(date(year, mo, d))
            except ValueError:
                continue
    for m in _DATE_TXT.finditer(text):
        try:
            out.append(date(int(m.group(3)), _MONTHS[m.group(2).lower()], int(m.group(1))))
        except ValueError:
            continue
    return out


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _dates_compatible(a: tuple[date, ...], b: tuple[date, ...], days: int = MAX_DAYS_APART) -> bool:
    if not a or not b:
        return True
    return any(abs((x - y).days) <= days for x in a for y in b)


def same_story(a: str, b: str) -> bool:
    """True when two article texts report the same event (republished text or the same statements)."""
    sa, ka, qa, da = _features(a)
    sb, kb, qb, db = _features(b)
    if sa and sb:
        inter = len(sa & sb)
        if inter / len(sa | sb) >= REPUBLISH_JACCARD or inter / min(len(sa), len(sb)) >= CONTAINMENT:
            return True
    for x in qa:
        for y in qb:
            common = len(x & y)
            if common / len(x) >= QUOTE_OVERLAP and common / len(y) >= QUOTE_OVERLAP \
                    and _dates_compatible(da, db, QUOTE_DAYS_APART):
                return True  # the same words quoted (a republished or rewritten report, days apart at most)
    if _jaccard(ka, kb) >= KEY_JACCARD and _dates_compatible(da, db):
        return True
    if not (da and db and _dates_compatible(da, db)):
        return False
    # the same people named in reports of the same day: two outlets' own write-ups of one event
    if len(_people(a) & _people(b)) >= SHARED_PEOPLE:
        return True
    # one official's statement the same day, written up twice: the same full name and the same figures
    return _dates_compatible(da, db, 0) and bool(_full_names(a) & _full_names(b)) \
        and len(_figures(a) & _figures(b)) >= SHARED_FIGURES


def _full_names(text: str) -> frozenset[str]:
    """Person names of three words or more ("bambang hermawan widodo"): rare enough to identify someone."""
    return frozenset(" ".join(words) for words in _names(text) if len(words) >= 3)


@lru_cache(maxsize=512)
def _figures(text: str) -> frozenset[str]:
    """Numbers outside dates ("14 ASN", "25 persen"): the figures a report gives."""
    return frozenset(_FIGURE.findall(_DATE_NUM.sub(" ", _DATE_TXT.sub(" ", text))))
