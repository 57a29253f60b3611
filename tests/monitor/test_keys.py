"""Pure dedup keys: content hash folding, quote keys, band hashes, MinHash estimates."""

from __future__ import annotations

import random

from monitor.stories import (
    BANDS,
    QUOTE_BAND_BASE,
    content_hash,
    jaccard_estimate,
    normalise_text,
    quote_keys,
    story_keys,
)
from tests.monitor.factory import news_text, republished


def test_content_hash_folds_case_punctuation_and_whitespace() -> None:
    a = "Bupati Magelang menegaskan, ASN wajib netral.\n\nHal itu disampaikan Senin (3/11)."
    b = "  bupati magelang menegaskan ASN wajib netral —  hal itu disampaikan senin 3 11  "
    assert content_hash(a) == content_hash(b)
    assert content_hash(a) != content_hash(a.replace("netral", "bebas"))
    assert len(content_hash(a)) == 64


def test_normalise_text_drops_format_characters_and_folds_unicode() -> None:
    assert normalise_text("ne\u200btral\u00a0ＡＳＮ") == "netral asn"
    assert normalise_text("") == ""


def test_quote_keys_skip_short_quotes_and_ignore_punctuation() -> None:
    long_quote = "Kami sudah memanggil tiga camat yang hadir dalam deklarasi calon bupati"
    keys = quote_keys(["Netral itu wajib", long_quote, long_quote.upper() + "!"])
    assert len(keys) == 1
    band, _ = keys[0]
    assert band >= QUOTE_BAND_BASE


def test_copies_share_bands_and_unrelated_texts_do_not() -> None:
    rng = random.Random(3)
    body = news_text(rng)
    mine = story_keys("Judul", body)
    copy = story_keys("Judul lain", republished(rng, body))
    other = story_keys("Judul", news_text(rng))
    assert len([b for b in mine.bands if b[0] < QUOTE_BAND_BASE]) == BANDS
    assert set(mine.bands) & set(copy.bands)
    assert not set(mine.bands) & set(other.bands)
    assert jaccard_estimate(mine.minhash, copy.minhash) > 0.8
    assert jaccard_estimate(mine.minhash, other.minhash) < 0.3
    assert jaccard_estimate(mine.minhash, b"") == 0.0


def test_lock_keys_are_sorted_int4() -> None:
    keys = story_keys("Judul", news_text(random.Random(5))).lock_keys()
    assert keys == sorted(keys)
    assert all(0 <= k < 2**31 for k in keys)
