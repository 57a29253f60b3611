"""More templates for bulk and fresh articles: quotes before, around and after their attribution.

Kept apart from the default-set templates so that adding variety here never changes the saved fixtures.
"""

from __future__ import annotations

from crawler.testing.article import ReplicaQuote, ReplicaSanction
from crawler.testing.drafting import Ctx, Draft, Person, quote


def split_quote(st: list[ReplicaQuote], first: str, attribution: str, second: str, speaker: Person,
                role: str | None, verb: str) -> str:
    """A quotation broken by its attribution: one statement, parts joined by a space (comma dropped)."""
    st.append(ReplicaQuote(quote=f"{first.rstrip(',')} {second}".rstrip("."), speaker=speaker.name, role=role,
                           verb=verb))
    return f"“{first}” {attribution}, “{second}”"


def village_dismissal(c: Ctx) -> Draft:
    r = c.region
    st: list[ReplicaQuote] = []
    head, kades = c.person(), c.person(styled=False)
    district = c.district()
    village = c.pick(("Sukamaju", "Mekarsari", "Tegalrejo", "Karanganyar", "Sidomulyo", "Wae Lengga"))
    title = f"Terbukti Kampanyekan Calon, Kepala Desa {village} Diberhentikan Sementara"
    paras = [
        f"{r.head_title} {head.styled} memberhentikan sementara Kepala Desa {village}, Kecamatan {district}, "
        f"{kades.name}, karena terbukti melanggar netralitas dengan ikut berkampanye untuk salah satu calon pada "
        f"{c.election}.",
        "Keputusan itu diambil setelah Bawaslu meneruskan hasil kajian pelanggaran kepada pemerintah daerah. "
        "Selama masa pemberhentian, tugas kepala desa dijalankan sekretaris desa.",
        f"{head.short} mengatakan, "
        + quote(st, "Kepala desa itu digaji dari uang negara dan wajib netral. Aturannya sama untuk semua.",
                head, r.head_title, "mengatakan"),
        split_quote(st, "Kami sudah mempelajari rekomendasi Bawaslu,", f"kata {head.short}",
                    "dan buktinya cukup kuat sehingga sanksi harus dijatuhkan.", head, r.head_title, "kata"),
        "Menurut dia, pemberhentian sementara berlaku sampai ada keputusan lebih lanjut dari inspektorat yang "
        "masih menghitung kerugian akibat penggunaan fasilitas desa untuk kegiatan kampanye.",
        f"Warga Desa {village} menyambut keputusan itu. Mereka berharap pelayanan administrasi di kantor desa tetap "
        "berjalan seperti biasa.",
    ]
    truth = ReplicaSanction(
        subjects=(kades.name, f"Kepala Desa {village}"), count=1, sanction_type="pemberhentian sementara",
        violation="ikut berkampanye untuk calon", authority=r.head_title, region=r.name,
    )
    return Draft("village_dismissal", title, paras, "pemerintahan", "Pemerintahan",
                 ["Netralitas ASN", "Kepala Desa", "Bawaslu"], True, True, st, truth)


def teacher_forwarded(c: Ctx) -> Draft:
    r = c.region
    st: list[ReplicaQuote] = []
    kordiv = c.person()
    short_ob, long_ob = c.oversight
    title = f"Bawaslu {r.short} Teruskan Pelanggaran Netralitas Guru PPPK ke {short_ob}"
    paras = [
        f"Bawaslu {r.name} meneruskan rekomendasi pelanggaran netralitas seorang guru berstatus PPPK kepada "
        f"{long_ob}. Guru tersebut dinyatakan terbukti mengunggah video dukungan untuk salah satu calon.",
        "Video berdurasi satu menit itu direkam di ruang kelas dan sempat beredar di media sosial sebelum "
        "akhirnya dihapus.",
        quote(st, f"Hasil kajian kami menyatakan ada pelanggaran. Berkasnya sudah kami kirim ke {short_ob} pekan "
              "lalu.", kordiv, f"Koordinator Divisi Penanganan Pelanggaran Bawaslu {r.short}", "jelas")
        + f" Demikian dijelaskan Koordinator Divisi Penanganan Pelanggaran Bawaslu {r.short} {kordiv.styled}, "
        f"{c.day()}.",
        f"{kordiv.short} menyebut, guru tersebut mengakui perbuatannya saat klarifikasi dan mengaku tidak tahu "
        "bahwa aturan netralitas juga berlaku bagi PPPK.",
        quote(st, "Tidak tahu aturan bukan alasan. PPPK juga ASN,", kordiv,
              f"Koordinator Divisi Penanganan Pelanggaran Bawaslu {r.short}", "tegas")
        + " tegasnya.",
    ]
    truth = ReplicaSanction(
        subjects=("seorang guru PPPK",), count=1, sanction_type="rekomendasi sanksi",
        violation="mengunggah video dukungan calon", authority="Bawaslu", region=r.name,
    )
    return Draft("teacher_forwarded", title, paras, "politik", "Politik", ["Netralitas ASN", "Bawaslu", "PPPK"],
                 True, True, st, truth)


def inspection(c: Ctx) -> Draft:
    r = c.region
    st: list[ReplicaQuote] = []
    irban = c.person()
    n = c.number(3, 6)
    title = f"Inspektorat {r.short} Periksa {n} ASN yang Diduga Hadiri Kampanye"
    paras = [
        f"Inspektorat {r.name} memeriksa {n} aparatur sipil negara (ASN) yang diduga menghadiri kampanye "
        f"terbuka salah satu calon pada {c.election}.",
        f"Pemeriksaan berlangsung tertutup di kantor inspektorat, {c.day()}. Para pegawai datang secara "
        "bergantian sejak pagi.",
        f"Inspektur Pembantu Wilayah II {irban.styled} menyatakan, "
        + quote(st, "Kami belum sampai pada kesimpulan. Semua keterangan masih kami cocokkan dengan foto dan "
                "video yang dilaporkan.", irban, "Inspektur Pembantu Wilayah II", "menyatakan"),
        split_quote(st, "Kalau nanti terbukti,", f"ujar {irban.short}",
                    f"rekomendasinya kami serahkan ke {r.head_title} sebagai pejabat pembina kepegawaian.", irban,
                    "Inspektur Pembantu Wilayah II", "ujar"),
        "Hasil pemeriksaan diperkirakan keluar dalam dua pekan. Sampai saat itu para pegawai tetap bekerja "
        "seperti biasa.",
    ]
    return Draft("inspection", title, paras, "pemerintahan", "Pemerintahan", ["Netralitas ASN", "Inspektorat"],
                 True, False, st)


def debate(c: Ctx) -> Draft:
    r = c.region
    st: list[ReplicaQuote] = []
    kpu = c.person()
    title = f"Debat Publik Calon di {r.short} Bahas Banjir dan Lapangan Kerja"
    paras = [
        f"KPU {r.name} menggelar debat publik pertama para calon kepala daerah pada {c.election}, {c.day()} "
        "malam.",
        "Tema debat meliputi penanganan banjir, lapangan kerja bagi anak muda, dan perbaikan jalan desa. "
        "Setiap calon mendapat waktu dua menit untuk menjawab.",
        f"Ketua KPU {r.short} {kpu.styled} mengatakan, "
        + quote(st, "Debat ini supaya pemilih mengenal program, bukan sekadar wajah di baliho.", kpu,
                f"Ketua KPU {r.short}", "mengatakan"),
        "Pendukung masing-masing calon memadati halaman gedung sejak sore. Aparat kepolisian mengatur arus "
        "kendaraan di sekitar lokasi.",
        quote(st, "Debat kedua kami jadwalkan dua pekan lagi dengan tema pendidikan dan kesehatan.", kpu,
              f"Ketua KPU {r.short}", "kata")
        + f" Begitu kata {kpu.short} menutup acara.",
    ]
    return Draft("debate", title, paras, "politik", "Politik", ["KPU", "Debat"], False, False, st)


def budget(c: Ctx) -> Draft:
    """Off-topic, with characters that break naive code: &, <, >, NBSP, zero-width space, emoji, „quotes“."""
    r = c.region
    st: list[ReplicaQuote] = []
    kadis = c.person()
    amount = c.number(12, 95)
    title = f"Anggaran Jalan & Jembatan {r.short} Naik, Serapan <50 Persen Jadi Sorotan"
    paras = [
        f"DPRD {r.name} menyetujui tambahan anggaran jalan & jembatan sebesar Rp{amount},5\u00a0miliar dalam "
        f"rapat paripurna, {c.day()}.",
        "Meski begitu, serapan anggaran tahun lalu masih <50 persen. Fraksi-fraksi meminta dinas "
        "mempercepat lelang agar proyek tidak menumpuk di akhir tahun\u200b.",
        f"Kepala Dinas PUPR {r.short} {kadis.styled} berjanji memperbaiki jadwal pekerjaan. "
        + quote(st, "Lelang kami mulai bulan depan, jadi pekerjaan fisik bisa jalan sebelum musim hujan,", kadis,
                f"Kepala Dinas PUPR {r.short}", "ujar")
        + f" ujar {kadis.short} 🙏.",
        "Warga di sejumlah kecamatan berharap jalan rusak yang disebut „jalan seribu lubang“ segera "
        "diperbaiki.",
    ]
    return Draft("budget", title, paras, "pemerintahan", "Pemerintahan", ["Anggaran", "Infrastruktur"], False,
                 False, st)


MORE_TOPIC = {"village_dismissal": village_dismissal, "teacher_forwarded": teacher_forwarded,
              "inspection": inspection}
MORE_OTHER = {"debate": debate, "budget": budget}
