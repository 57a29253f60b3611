"""Hostile input never crashes the judgements; analyze_file reads .txt and .html files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from monitor.analyze import analyze_file, analyze_text

KEYS = {"title", "published", "relevant", "statements", "sanction"}
SANCTION_KEYS = {"report", "kind", "subjects", "count", "sanction_type", "violation", "authority", "region", "evidence"}

HOSTILE = [
    "",
    '"',
    '"""""“”“”„',
    "“ASN harus netral” kata" * 20_000,
    ('"Kami sudah menjatuhkan sanksi, ' * 5000) + "ujarnya",
    "ASN\x00 dijatuhi\x07 sanksi\x1b[31m \ufeff\u202e kata Budi \x7f",
    "\n" * 10_000 + '"x," kata',
    "A. B. C. " * 30_000,
    "Bupati " * 50_000 + '"Netral," kata Bupati.',
]


@pytest.mark.parametrize("text", HOSTILE, ids=[f"h{i}" for i in range(len(HOSTILE))])
def test_hostile_text_does_not_crash(text: str) -> None:
    out = analyze_text(text[:50], text)
    assert set(out) == KEYS and set(out["sanction"]) == SANCTION_KEYS
    json.dumps(out)


def test_analyze_text_shape() -> None:
    out = analyze_text(
        "Dua Camat Disanksi",
        "Bupati Temanggung menjatuhkan hukuman disiplin kepada dua camat yang hadir deklarasi calon pilkada.\n"
        '"Surat keputusannya sudah terbit," kata Kepala BKPSDM Temanggung, Rina Wulandari.',
        "2024-11-04",
    )
    assert out["published"] == "2024-11-04" and out["relevant"] is True
    assert out["sanction"]["report"] is True and out["sanction"]["count"] == 2
    assert out["statements"] == [
        {"quote": "Surat keputusannya sudah terbit", "speaker": "Rina Wulandari",
         "role": "Kepala BKPSDM Temanggung", "verb": "kata", "kind": "direct"}
    ]


def test_analyze_txt_file(tmp_path: Path) -> None:
    path = tmp_path / "artikel.txt"
    path.write_text(
        "ASN Diingatkan Netral\nSekda mengingatkan ASN agar netral dalam pilkada.\n"
        '"Jangan ikut kampanye," kata Sekda Wonosobo One Andang Wardoyo.\n',
        encoding="utf-8",
    )
    out = analyze_file(path)
    assert out["file"] == str(path) and set(out) == KEYS | {"file"}
    assert out["title"] == "ASN Diingatkan Netral" and out["relevant"] is True
    assert out["statements"][0]["speaker"] == "One Andang Wardoyo"
    assert out["sanction"]["report"] is False


def test_analyze_txt_with_empty_title_and_bad_bytes(tmp_path: Path) -> None:
    path = tmp_path / "kosong.txt"
    path.write_bytes(b"\nASN dilarang ikut kampanye pilkada \xff\xfe kata Bawaslu.\n")
    out = analyze_file(path)
    assert out["title"] is None and out["relevant"] is True


def test_analyze_html_file(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(
        "<html><head><title>KASN Rekomendasikan Sanksi</title>"
        '<meta property="article:published_time" content="2024-10-01T09:00:00+07:00"></head><body>'
        "<article><h1>KASN Rekomendasikan Sanksi Moral untuk Tiga Lurah</h1>"
        "<p>SAMARINDA - Komisi ASN merekomendasikan sanksi moral kepada tiga lurah yang berfoto dengan pose "
        "jari mendukung pasangan calon wali kota dalam Pilkada 2024.</p>"
        "<p>Rekomendasi itu dikirim kepada Wali Kota Samarinda selaku pejabat pembina kepegawaian.</p>"
        "<p>&ldquo;Rekomendasinya sudah kami terima dan segera kami tindak lanjuti,&rdquo; kata Sekretaris "
        "Daerah Kota Samarinda, Hendra Saputra.</p>"
        "<p>Para lurah akan membacakan pernyataan di depan apel pagi sesuai aturan netralitas ASN.</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    out = analyze_file(path)
    assert out["file"] == str(path)
    assert out["sanction"]["report"] is True
    assert [s["speaker"] for s in out["statements"]] == ["Hendra Saputra"]


def test_missing_file_is_reported_not_raised(tmp_path: Path) -> None:
    out = analyze_file(tmp_path / "nope.txt")
    assert "error" in out and out["file"].endswith("nope.txt")
