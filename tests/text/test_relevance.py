"""Topic filter (labeling.md §1)."""

from __future__ import annotations

import pytest

from monitor.text.relevance import is_relevant, judge_relevance


@pytest.mark.parametrize(
    ("title", "body", "expected"),
    [
        ("ASN Diminta Netral", "Sekda mengingatkan ASN agar netral dalam Pilkada 2024.", True),
        (None, "Kepala desa dilarang ikut kampanye pasangan calon bupati, kata Bawaslu.", True),
        ("Dandim: Prajurit TNI Netral", "Prajurit TNI dan personel Polri wajib netral dalam pemilu. Kodim "
         "membuka posko. Dandim meminta prajurit tidak memihak.", False),
        (None, "KPU menetapkan daftar pemilih tetap untuk pilkada dan kampanye dimulai pekan depan.", False),
        (None, "Dua PNS dipecat karena bolos dan mangkir kerja, kata Kepala BKD.", False),
        ("", "", False),
    ],
)
def test_relevance(title: str | None, body: str, expected: bool) -> None:
    assert is_relevant(title, body) is expected
    assert 0.0 <= judge_relevance(title, body).score <= 1.0


def test_read_also_links_do_not_make_an_article_relevant() -> None:
    body = "Prajurit TNI wajib netral, kata Dandim.\nBACA JUGA: Netralitas ASN Jelang Pilkada Dipantau Bawaslu\n"
    assert not is_relevant(None, body)


def test_one_election_word_keeps_the_page_but_is_not_enough_for_a_sanction() -> None:
    from monitor.text.sanctions import detect_sanction

    body = "Seorang PNS dipecat karena mencuri sepeda motor dinas menjelang pemilu, kata Kepala BKD."
    rel = judge_relevance(None, body)
    assert rel.relevant and not rel.strong
    assert not detect_sanction(None, body).report
    assert judge_relevance("Kades Diberhentikan karena Dukung Paslon", "Bupati memberhentikan kades itu.").relevant
