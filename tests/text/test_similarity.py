"""Shingles, MinHash signatures and the same-story decision."""

from __future__ import annotations

from monitor.text.similarity import (
    NUM_PERM,
    SCHEME,
    band_hashes,
    same_story,
    shingles,
    signature,
    signature_bytes,
    signature_from_bytes,
)
from tests.text.helpers import labelled


def test_scheme_names_library_hash_and_permutations() -> None:
    assert NUM_PERM == 128
    assert SCHEME.startswith("datasketch-") and "num_perm=128" in SCHEME and "sha1" in SCHEME


def test_shingles_ignore_case_punctuation_and_read_also_lines() -> None:
    a = shingles("ASN harus netral, kata Budi.\nBACA JUGA: Harga cabai naik")
    b = shingles("asn harus NETRAL kata budi")
    assert a == b and "asn harus netral" in a


def test_signature_round_trips_and_bands_are_stable() -> None:
    sig = signature("Bupati menjatuhkan hukuman disiplin kepada dua camat yang hadir deklarasi calon.")
    back = signature_from_bytes(signature_bytes(sig))
    assert back.jaccard(sig) == 1.0
    bands = band_hashes(sig)
    assert len(bands) == 32 and bands == band_hashes(back)
    assert all(-(2**63) <= b < 2**63 for b in bands)


def test_republished_article_is_the_same_story_and_other_stories_are_not() -> None:
    items = {it["id"]: it["text"] for it in labelled("dev")}
    assert same_story(items["L13"], items["L14"])  # republished under a new headline
    assert same_story(items["L1"], items["L25"])  # same statement, another outlet
    assert not same_story(items["L6"], items["L27"])  # same case, a later stage
    assert not same_story(items["L1"], items["L13"])


def test_one_officials_statement_written_up_twice_the_same_day_is_one_story() -> None:
    a = (
        "WONOSARI - Sekretaris Daerah Wonosari, Bambang Hermawan Widodo, menyampaikan sebanyak 14 ASN telah "
        "dijatuhi hukuman disiplin pada rapat evaluasi, Selasa (11/3/2025). Tiga di antaranya dipotong tunjangan 25 persen."
    )
    b = (
        "WONOSARI, suarawonosari.com - Empat belas ASN disanksi. Data itu dipaparkan Sekda Bambang Hermawan Widodo "
        "dalam rapat, Selasa (11/3/2025). Sebanyak 14 pegawai dinilai tidak netral; tiga kena potongan tunjangan."
    )
    other_day = b.replace("(11/3/2025)", "(19/3/2025)")
    assert same_story(a, b)
    assert not same_story(a, other_day)
