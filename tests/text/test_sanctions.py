"""Sanction reports: imposed, recommended or formally found versus threatened, explained or pending."""

from __future__ import annotations

import pytest

from monitor.text.sanctions import detect_sanction

LEAD = "MAGELANG - Kasus netralitas ASN dalam Pilkada 2024 kembali mencuat. "


@pytest.mark.parametrize(
    "text",
    [
        "Bupati menjatuhkan hukuman disiplin berupa penundaan kenaikan pangkat kepada dua camat yang terbukti "
        "hadir dalam deklarasi calon.",
        "KASN merekomendasikan sanksi moral bagi tujuh ASN kepada pejabat pembina kepegawaian karena ikut kampanye.",
        "Bawaslu meneruskan rekomendasi pelanggaran netralitas seorang guru ke KASN setelah rapat pleno.",
        "Sepanjang 2024 sebanyak 120 ASN telah dijatuhi sanksi karena melanggar netralitas pemilu.",
        # wider outcome wording: suspension, signed decrees, what is lost named first, contracts, demotion
        "Wali kota menonaktifkan seorang lurah yang terbukti mengarahkan warga memilih pasangan calon.",
        "Bupati meneken SK penjatuhan hukuman disiplin bagi dua lurah yang ikut kampanye.",
        "Tunjangan kinerja kedua camat itu dipotong 25 persen selama enam bulan karena hadir di deklarasi paslon.",
        "Kenaikan pangkat tiga guru yang berfoto dengan calon bupati ditunda satu tahun.",
        "Guru honorer itu diputus kontraknya karena menjadi tim sukses pasangan calon.",
        "Kepala sekolah yang berkampanye itu dikembalikan menjadi guru biasa oleh bupati.",
        "Sanksi moral bagi kedua ASN pelanggar netralitas itu dibacakan dalam apel pagi.",
        "Bupati memberhentikannya tidak dengan hormat karena menjadi caleg tanpa mundur sebagai PNS.",
        "Atas rekomendasi KASN, wali kota menurunkan jabatan kepala bidang yang ikut kampanye satu tingkat.",
        "Bupati meneken surat keputusan yang memberhentikan seorang PNS yang mendaftar sebagai caleg.",
        "Sebanyak 14 ASN dijatuhi hukuman disiplin karena kampanye. Dua ASN lain dinyatakan tidak terbukti "
        "sehingga nama baiknya dipulihkan.",
    ],
)
def test_reports(text: str) -> None:
    finding = detect_sanction(None, LEAD + text)
    assert finding.report, text
    assert finding.evidence and finding.score > 0


@pytest.mark.parametrize(
    "text",
    [
        "ASN yang melanggar netralitas akan disanksi tegas oleh pejabat pembina kepegawaian.",
        "Sanksinya berat, ASN bisa diberhentikan jika terbukti ikut kampanye pasangan calon.",
        "Bawaslu memanggil kepala sekolah untuk klarifikasi dugaan kampanye di grup guru.",
        "Laporan terhadap camat itu masih didalami dan Bawaslu masih menunggu keterangan saksi.",
        "Hukuman disiplin sedang berupa penundaan kenaikan gaji berkala, sedangkan hukuman disiplin berat "
        "berupa pemberhentian, jelas Kepala BKD dalam sosialisasi netralitas ASN.",
        # demands, suspensions pending examination, cancelled sanctions, cleared staff, passing past mentions
        "Bawaslu meminta bupati segera menjatuhkan sanksi kepada camat yang diduga berkampanye.",
        "Warga mendesak bupati mencopot kepala dinas yang hadir di deklarasi paslon.",
        "Kepala desa itu dinonaktifkan sementara selama pemeriksaan dugaan kampanye oleh Inspektorat.",
        "Bupati mencabut SK pemberhentian guru itu setelah banding, karena bukti kampanye dinilai lemah.",
        "Hasil pemeriksaan Inspektorat, camat tersebut dinyatakan tidak melanggar netralitas.",
        "Ketua Bawaslu mengingatkan ASN soal kampanye; tahun lalu pihaknya meneruskan beberapa temuan ke KASN.",
        "Sanksi itu baru akan diumumkan setelah pleno Bawaslu pekan depan, kata Ketua Bawaslu soal kasus ASN.",
        "Sebelum menjatuhkan sanksi kepada camat yang ikut kampanye, bupati menunggu rekomendasi BKN.",
        "Fraksi DPRD merekomendasikan bupati mencopot kepala dinas yang hadir di kampanye paslon.",
        "Kepala BKPSDM mengatakan pihaknya menunggu hasil kajian Bawaslu dan rekomendasi BKN soal camat itu.",
        "Kalau camat yang melanggar dampaknya besar. Rekomendasi ke BKN bisa saja meminta sanksi berat bagi ASN.",
        "Ketua Bawaslu menjelaskan Bawaslu hanya berwenang memberikan rekomendasi soal netralitas ASN.",
        "BKN bisa langsung menandai data ASN yang direkomendasikan bermasalah dalam pilkada.",
        "Empat tahun lalu dua kepala sekolah sempat disanksi karena kampanye; bupati minta ASN tidak mengulanginya.",
    ],
)
def test_non_reports(text: str) -> None:
    finding = detect_sanction(None, LEAD + text)
    assert not finding.report, finding.evidence


def test_unproven_case_cancels_the_forwarded_recommendation() -> None:
    text = (
        LEAD + "Bawaslu sudah meneruskan laporan dugaan pelanggaran netralitas guru itu ke KASN. "
        "Namun hasil pemeriksaan KASN menyatakan dugaan pelanggaran tersebut tidak terbukti."
    )
    assert not detect_sanction(None, text).report


def test_off_topic_discipline_is_not_a_report() -> None:
    text = "Dua PNS dipecat karena bolos kerja lebih dari 28 hari. Keduanya dijatuhi hukuman disiplin berat."
    assert not detect_sanction("PNS Bolos Dipecat", text).report


def test_fields_of_an_aggregate_report() -> None:
    text = (
        "BKN mencatat sepanjang 2024 sebanyak 212 ASN telah dijatuhi sanksi karena melanggar netralitas "
        "dalam pilkada, mulai dari teguran tertulis hingga penurunan jabatan."
    )
    finding = detect_sanction("212 ASN Disanksi", text)
    assert finding.report
    assert (finding.kind, finding.count) == ("aggregate", 212)
    assert finding.authority == "BKN"
