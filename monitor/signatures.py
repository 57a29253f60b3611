"""Dedup keys and story signatures: normalised text, content hash, MinHash and LSH band keys, quote keys.

Pure functions (no database); `monitor.stories` stores these keys in PostgreSQL and groups articles by them.
"""

from __future__ import annotations

import hashlib
import importlib
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from types import ModuleType

import numpy as np

BANDS = 32  # LSH: 32 bands x 4 rows of the 128 MinHash values; candidate at Jaccard ~0.42 (50 %)
ROWS = 4
QUOTE_BAND_BASE = 1000  # band numbers >= this hold quote keys (a shared direct quotation)
QUOTE_BAND_SLOTS = 16384
QUOTE_MIN_WORDS = 8
MAX_QUOTE_KEYS = 12
MIN_SIGNED_WORDS = 8  # shorter texts get no LSH bands (see story_keys)
SCHEME_MAX = 64  # article_signatures.scheme is varchar(64)


def normalise_text(body: str) -> str:
    """Fold case, Unicode forms, punctuation and whitespace: the text two copies of one article share."""
    text_ = unicodedata.normalize("NFKC", body or "").casefold()
    # one category look-up per distinct character, then a C-level translate (hot on the crawl's write path)
    table: dict[int, str | None] = {}
    for ch in set(text_):
        category = unicodedata.category(ch)
        if category == "Cf":  # zero-width and other format characters vanish
            table[ord(ch)] = None
        elif category[0] in "PSZC":
            table[ord(ch)] = " "
    # only " " is left as whitespace after the translation, so split/join is the regex's collapse, faster
    return " ".join(text_.translate(table).split())


def content_hash(body: str) -> str:
    """sha256 (hex) of the normalised body: the key of `articles.content_hash` (same text = same article)."""
    return hashlib.sha256(normalise_text(body).encode("utf-8")).hexdigest()


def _hash64(data: bytes) -> int:
    """A signed 64-bit hash (PostgreSQL bigint)."""
    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "little", signed=True)


@dataclass(frozen=True, slots=True)
class StoryKeys:
    """What an article stores to be found: its MinHash and its (band, band_hash) keys."""

    minhash: bytes
    bands: tuple[tuple[int, int], ...]  # LSH bands, then quote keys

    def lock_keys(self) -> list[int]:
        """int4 advisory-lock keys, sorted so that every worker takes them in the same order."""
        return sorted({_hash64(b"%d:%d" % key) & 0x7FFFFFFF for key in self.bands})


def minhash_bytes(values: Iterable[int]) -> bytes:
    return np.asarray(list(values), dtype="<u8").tobytes()


def band_hashes(minhash: bytes) -> list[tuple[int, int]]:
    """(band, hash) of each LSH band of a stored MinHash."""
    width = ROWS * 8
    return [(band, _hash64(minhash[band * width : (band + 1) * width])) for band in range(BANDS)]


def quote_keys(quotes: Iterable[str]) -> list[tuple[int, int]]:
    """Keys of long direct quotations; the band number is derived from the hash, so lookups need no order."""
    keys: dict[int, int] = {}
    for quote in quotes:
        norm = normalise_text(quote)
        if len(norm.split()) < QUOTE_MIN_WORDS:
            continue
        value = _hash64(norm.encode("utf-8"))
        band = QUOTE_BAND_BASE + (value % QUOTE_BAND_SLOTS)
        keys.setdefault(band, value)
        if len(keys) >= MAX_QUOTE_KEYS:
            break
    return sorted(keys.items())


def _similarity() -> ModuleType:
    """monitor.text.similarity, imported on first use so that the dedup keys work without it."""
    return importlib.import_module("monitor.text.similarity")


def scheme() -> str:
    """Names how signatures are made; stored with each one, so a change of scheme is never mixed."""
    full = f"{_similarity().SCHEME};lsh={BANDS}x{ROWS}"
    if len(full) <= SCHEME_MAX:
        return full
    return f"{full[: SCHEME_MAX - 17]}~{hashlib.sha1(full.encode()).hexdigest()[:16]}"  # fits the column


def signature_text(title: str | None, body: str) -> str:
    """The text an article is signed on: its body, or its title when the body is (nearly) empty."""
    return body if len(body.split()) >= 20 else f"{title or ''}\n{body}"


def story_keys(title: str | None, body: str, quotes: Iterable[str] = ()) -> StoryKeys:
    """Signature and keys of an article. A text too short to sign gets no band keys: empty or
    near-empty articles (a video page, a photo caption) would otherwise all look alike."""
    signed = signature_text(title, body)
    sig = _similarity().signature(signed)
    data = minhash_bytes(int(v) for v in sig.hashvalues)
    bands = band_hashes(data) if len(normalise_text(signed).split()) >= MIN_SIGNED_WORDS else []
    return StoryKeys(data, tuple(bands + quote_keys(quotes)))


def jaccard_estimate(a: bytes, b: bytes) -> float:
    """Share of equal MinHash values: an unbiased estimate of the shingle sets' Jaccard similarity."""
    x = np.frombuffer(a, dtype="<u8")
    y = np.frombuffer(b, dtype="<u8")
    if x.size == 0 or x.size != y.size:
        return 0.0
    return float(np.count_nonzero(x == y)) / x.size
