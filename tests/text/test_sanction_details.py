"""Sanction details an alert's subject line is built from: named subjects and two-word regions."""

from __future__ import annotations

from monitor.text.sanctions import detect_sanction

TITLE = "BKN Rekomendasikan Sanksi Moral untuk Camat yang Tidak Netral di Pilkada"
NAMED = (
    "Badan Kepegawaian Negara (BKN) merekomendasikan sanksi moral berupa pernyataan secara terbuka kepada "
    "Fransiskus Saputra, Camat Tenggarong Seberang, Kabupaten Kutai Kartanegara.\n"
    "Camat itu terbukti membagikan unggahan kampanye salah satu calon pilkada di media sosial sehingga "
    "melanggar netralitas ASN."
)


def test_named_subject_and_two_word_region() -> None:
    finding = detect_sanction(TITLE, NAMED)
    assert finding.report
    assert finding.subjects == "Fransiskus Saputra, Camat Tenggarong Seberang"
    assert finding.region == "Kabupaten Kutai Kartanegara"


def test_region_stops_before_a_persons_name() -> None:
    text = (
        "Bupati Kabupaten Magelang Zaenal Arifin menjatuhkan hukuman disiplin berupa teguran tertulis kepada "
        "dua camat yang terbukti hadir dalam deklarasi calon bupati pada pilkada."
    )
    finding = detect_sanction("Dua Camat Dijatuhi Teguran Tertulis", text)
    assert finding.report
    assert (finding.subjects, finding.count) == ("dua camat", 2)
    assert finding.region == "Kabupaten Magelang"


def test_a_named_official_is_one_subject_and_the_acting_regent_is_not() -> None:
    text = (
        "KOTA LESTARI - Bupati Lestari, H. Bambang Wijaya, menjatuhkan hukuman disiplin berat berupa pembebasan dari "
        "jabatan kepada Camat Sukamaju, Dedi Kurniawan, karena terbukti berorasi di kampanye pasangan calon Pilkada 2024."
    )
    finding = detect_sanction("Camat Sukamaju Dibebaskan dari Jabatan", text)
    assert finding.report
    assert finding.count == 1
    assert finding.subjects is not None and "Dedi Kurniawan" in finding.subjects
    assert "Bambang" not in finding.subjects


def test_registered_as_a_campaigner_is_not_a_tally() -> None:
    text = (
        "HALTIM - Dua tenaga honorer di Dinas Kesehatan diberhentikan karena tercatat sebagai anggota tim kampanye "
        "pasangan calon bupati pada Pilkada 2024, kata Kepala BKD."
    )
    finding = detect_sanction(None, text)
    assert (finding.report, finding.kind, finding.count) == (True, "case", 2)
