"""On-topic article templates (ASN neutrality): warnings, sanctions, cases under examination."""

from __future__ import annotations

from crawler.testing.article import ReplicaQuote, ReplicaSanction
from crawler.testing.drafting import Ctx, Draft, quote

_SANCTIONS = (
    "penundaan kenaikan pangkat selama satu tahun",
    "penundaan kenaikan gaji berkala",
    "pemotongan tunjangan kinerja 25 persen selama enam bulan",
    "teguran tertulis",
    "penurunan jabatan setingkat lebih rendah selama 12 bulan",
)
_VIOLATIONS = (
    ("hadir dalam deklarasi pasangan calon", "menghadiri deklarasi salah satu pasangan calon"),
    ("berfoto dengan pose simbol pasangan calon", "berfoto dengan pose jari yang menjadi simbol pasangan calon"),
    ("membagikan unggahan kampanye di media sosial", "membagikan dan menyukai unggahan kampanye di media sosial"),
    ("menjadi tim sukses", "terlibat sebagai anggota tim pemenangan salah satu calon"),
)


def warning(c: Ctx) -> Draft:
    r = c.region
    st: list[ReplicaQuote] = []
    head, baw = c.person(), c.person()
    title = c.pick((
        f"{r.head_title} Ingatkan ASN Jaga Netralitas Jelang {c.election}",
        f"ASN {r.short} Diminta Tak Ikut Kampanye, {r.head_title}: Bukan Tim Sukses",
    ))
    paras = [
        f"{r.head_title} {head.styled} mengingatkan seluruh aparatur sipil negara (ASN) di lingkungan "
        f"Pemerintah {r.name} untuk menjaga netralitas menjelang {c.election}.",
        f"Pesan itu disampaikan saat apel pagi di halaman kantor pemerintah daerah, {c.day()}. Apel diikuti "
        "kepala organisasi perangkat daerah, camat, lurah, serta pegawai honorer.",
        quote(st, "ASN itu pelayan masyarakat, bukan tim sukses. Jangan ada yang ikut membagikan atau menyukai "
              "unggahan kampanye di media sosial,", head, r.head_title, "kata")
        + f" kata {head.short}.",
        f"Menurut {head.short}, pelanggaran netralitas dapat berujung pada hukuman disiplin sesuai ketentuan "
        "PP 94/2021 tentang Disiplin Pegawai Negeri Sipil.",
        "Ia meminta para kepala dinas mengawasi bawahannya. "
        + quote(st, "Kalau ada laporan, pasti kami tindak lanjuti. Sanksinya bisa sampai penundaan kenaikan "
                "pangkat,", head, r.head_title, "tegas")
        + " tegasnya.",
        f"Sementara itu, Ketua Bawaslu {r.short} {baw.styled} mengatakan pihaknya membuka posko pengaduan. "
        + quote(st, "Masyarakat yang melihat ASN berpihak silakan melapor dengan bukti foto atau tangkapan "
                "layar,", baw, f"Ketua Bawaslu {r.short}", "ujar")
        + f" ujar {baw.short}.",
        f"{baw.short} menambahkan, pengawasan tahun ini juga menyasar kepala desa dan perangkat desa yang kerap "
        "diundang dalam kegiatan pasangan calon.",
        f"Hingga kini, menurut dia, belum ada laporan dugaan pelanggaran netralitas ASN yang masuk ke Bawaslu "
        f"{r.short}.",
    ]
    return Draft("warning", title, paras, "pemerintahan", "Pemerintahan",
                 ["Netralitas ASN", c.election, "Bawaslu"], True, False, st,
                 caption=f"{r.head_title} memimpin apel pagi pegawai")


def sanction_case(c: Ctx) -> Draft:
    r = c.region
    st: list[ReplicaQuote] = []
    head, bk, baw = c.person(), c.person(), c.person()
    count = c.number(2, 9)
    sanction = c.pick(_SANCTIONS)
    violation, violation_text = c.rng.choice(_VIOLATIONS)
    short_ob, long_ob = c.oversight
    title = c.pick((
        f"{count} ASN {r.short} Dijatuhi Sanksi Disiplin karena Langgar Netralitas",
        f"Terbukti Tak Netral, {count} ASN di {r.short} Kena Hukuman Disiplin",
    ))
    paras = [
        f"Pemerintah {r.name} menjatuhkan hukuman disiplin kepada {count} aparatur sipil negara (ASN) yang "
        f"terbukti melanggar netralitas dengan {violation_text} pada {c.election}.",
        f"Sanksi berupa {sanction} itu tertuang dalam surat keputusan {r.head_title} {head.styled} selaku "
        "pejabat pembina kepegawaian. "
        + (f"Mereka terdiri atas seorang camat, dua kepala sekolah, dan {count - 3} staf kelurahan."
           if count > 3 else f"Mereka terdiri atas seorang camat dan {count - 1} kepala sekolah."),
        f"Kepala BKPSDM {r.short} {bk.styled} membenarkan keputusan tersebut. "
        + quote(st, "Pemeriksaan sudah selesai dan hasilnya jelas, mereka terbukti melanggar. Keputusan sudah "
                "kami serahkan kepada yang bersangkutan,", bk, f"Kepala BKPSDM {r.short}", "kata")
        + f" kata {bk.short}, {c.day()}.",
        f"Menurut dia, pemeriksaan dilakukan bersama Inspektorat setelah Bawaslu meneruskan temuan pelanggaran "
        f"kepada {long_ob}.",
        quote(st, "Ini pelajaran bagi semua pegawai. Netralitas itu kewajiban, bukan sekadar imbauan,", bk,
              f"Kepala BKPSDM {r.short}", "imbuh")
        + " imbuhnya.",
        f"{r.head_title} {head.name} meminta kepala perangkat daerah memperketat pengawasan hingga pelantikan "
        "kepala daerah terpilih.",
        f"Ketua Bawaslu {r.short} {baw.styled} mengapresiasi langkah pemerintah daerah. Selama tahapan kampanye "
        f"pihaknya menerima {c.number(5, 30)} laporan dugaan pelanggaran netralitas ASN.",
        quote(st, "Tidak semua laporan terbukti, tetapi yang terbukti harus diberi sanksi supaya ada efek jera,",
              baw, f"Ketua Bawaslu {r.short}", "ujar")
        + f" ujar {baw.short}.",
    ]
    truth = ReplicaSanction(
        subjects=(f"{count} ASN",), count=count, sanction_type=sanction, violation=violation,
        authority=f"{r.head_title}", region=r.name, kind="case",
    )
    return Draft("sanction_case", title, paras, "pemerintahan", "Pemerintahan",
                 ["Netralitas ASN", "Sanksi ASN", short_ob], True, True, st, truth,
                 caption=f"Kantor BKPSDM {r.short}")


def sanction_recommendation(c: Ctx) -> Draft:
    r = c.region
    st: list[ReplicaQuote] = []
    camat, baw, sekda = c.person(styled=False), c.person(), c.person()
    district = c.district()
    short_ob, long_ob = c.oversight
    title = f"{short_ob} Rekomendasikan Sanksi Moral untuk Camat {district} yang Bagikan Unggahan Kampanye"
    paras = [
        f"{long_ob} merekomendasikan sanksi moral berupa pernyataan secara terbuka kepada {camat.name}, Camat "
        f"{district}, {r.name}. Ia dinyatakan terbukti melanggar netralitas karena membagikan unggahan "
        "kampanye salah satu calon di media sosial.",
        f"Rekomendasi itu dikirim kepada {r.head_title} selaku pejabat pembina kepegawaian (PPK) dan wajib "
        "ditindaklanjuti paling lambat 14 hari kerja.",
        f"Ketua Bawaslu {r.short} {baw.styled} menjelaskan, kasus berawal dari patroli siber pengawas "
        "kecamatan. "
        + quote(st, f"Setelah kami kaji dan klarifikasi, temuan itu kami teruskan ke {short_ob}. Hasilnya "
                "sekarang sudah keluar,", baw, f"Ketua Bawaslu {r.short}", "ujar")
        + f" ujar {baw.short}, {c.day()}.",
        f"Sekretaris Daerah {r.short} {sekda.styled} memastikan pemerintah daerah akan menjalankan rekomendasi "
        "tersebut.",
        quote(st, "Kami tidak akan menunda. Pernyataan terbuka akan dibacakan di depan pegawai kecamatan,",
              sekda, f"Sekretaris Daerah {r.short}", "tutur")
        + " tuturnya.",
        f"{sekda.short} menambahkan, kasus ini menjadi pengingat bahwa aktivitas di media sosial pun diawasi. "
        "Satu tanda suka pada unggahan kampanye sudah bisa diperiksa.",
        f"Camat {district} belum memberikan tanggapan saat dihubungi hingga berita ini diturunkan.",
    ]
    truth = ReplicaSanction(
        subjects=(camat.name, f"Camat {district}"), count=1, sanction_type="sanksi moral",
        violation="membagikan unggahan kampanye di media sosial", authority=short_ob, region=r.name,
    )
    return Draft("sanction_recommendation", title, paras, "politik", "Politik",
                 ["Netralitas ASN", short_ob, "Bawaslu"], True, True, st, truth)


def aggregate(c: Ctx) -> Draft:
    r = c.region
    st: list[ReplicaQuote] = []
    head_office = c.person()
    total, year = c.number(40, 180), c.when.year if c.when.month > 2 else c.when.year - 1
    short_ob, _ = c.oversight
    title = f"Sepanjang {year}, {total} ASN di {r.province} Dijatuhi Sanksi Netralitas"
    paras = [
        f"Sebanyak {total} aparatur sipil negara (ASN) di {r.province} telah dijatuhi sanksi karena melanggar "
        f"netralitas sepanjang {year}. Angka itu tercatat dalam rekapitulasi {short_ob}.",
        "Sebagian besar pelanggaran berupa unggahan dan komentar di media sosial yang mendukung calon tertentu. "
        "Sisanya hadir dalam kegiatan kampanye dan deklarasi.",
        f"Kepala Kantor Regional {short_ob} {head_office.styled} mengatakan sanksi yang dijatuhkan beragam, mulai "
        "dari sanksi moral hingga hukuman disiplin berat.",
        quote(st, "Jumlahnya turun dibanding periode sebelumnya, tetapi masih ada daerah yang lambat "
              "menindaklanjuti rekomendasi,", head_office, f"Kepala Kantor Regional {short_ob}", "kata")
        + f" kata {head_office.short} di {r.short}, {c.day()}.",
        f"Ia menyebut {r.name} termasuk daerah yang cepat menuntaskan rekomendasi.",
        quote(st, "Kami minta para PPK tidak ragu. Aturannya sudah jelas,", head_office,
              f"Kepala Kantor Regional {short_ob}", "tegas")
        + " tegasnya.",
    ]
    truth = ReplicaSanction(
        subjects=(f"{total} ASN",), count=total, sanction_type="sanksi moral hingga hukuman disiplin berat",
        violation="pelanggaran netralitas", authority=short_ob, region=r.province, kind="aggregate",
    )
    return Draft("aggregate", title, paras, "pemerintahan", "Pemerintahan", ["Netralitas ASN", short_ob],
                 True, True, st, truth)


def examination(c: Ctx) -> Draft:
    r = c.region
    st: list[ReplicaQuote] = []
    baw = c.person()
    district = c.district()
    title = f"Bawaslu {r.short} Panggil Kepala Sekolah soal Ajakan Pilih Calon di Grup Guru"
    paras = [
        f"Bawaslu {r.name} memanggil seorang kepala sekolah dasar di Kecamatan {district} untuk klarifikasi "
        "terkait dugaan ajakan memilih salah satu calon di grup percakapan guru.",
        f"Pemanggilan dilakukan {c.day()} setelah tangkapan layar percakapan itu beredar luas.",
        f"Ketua Bawaslu {r.short} {baw.styled} mengatakan kasus tersebut masih didalami. "
        + quote(st, "Kami belum bisa menyimpulkan apa pun. Yang bersangkutan baru kami mintai keterangan,",
                baw, f"Ketua Bawaslu {r.short}", "kata")
        + f" kata {baw.short}.",
        "Menurut dia, Bawaslu juga akan memanggil dua guru yang berada dalam grup tersebut sebagai saksi.",
        quote(st, "Jika nanti terbukti, tentu kami teruskan ke instansi yang berwenang untuk diberi sanksi,",
              baw, f"Ketua Bawaslu {r.short}", "jelas")
        + " jelasnya.",
        "Kepala sekolah yang dipanggil datang didampingi pengawas dari dinas pendidikan. Ia menolak "
        "berkomentar kepada wartawan seusai pemeriksaan.",
    ]
    return Draft("examination", title, paras, "politik", "Politik", ["Netralitas ASN", "Bawaslu"],
                 True, False, st)


def socialisation(c: Ctx) -> Draft:
    r = c.region
    st: list[ReplicaQuote] = []
    kaban = c.person()
    n = c.number(120, 400)
    title = f"{n} Kepala Desa dan Perangkat di {r.short} Ikuti Sosialisasi Netralitas"
    paras = [
        f"Sebanyak {n} kepala desa dan perangkat desa di {r.name} mengikuti sosialisasi netralitas menjelang "
        f"{c.election} di gedung serbaguna pemerintah daerah, {c.day()}.",
        f"Kepala Dinas Pemberdayaan Masyarakat dan Desa {r.short} {kaban.styled} menegaskan aturan larangan "
        "berpolitik praktis berlaku bagi kepala desa, perangkat desa, dan anggota BPD.",
        quote(st, "Kepala desa yang ikut kampanye bisa diberhentikan sementara. Itu bukan ancaman, itu aturan "
              "undang-undang,", kaban, f"Kepala Dinas Pemberdayaan Masyarakat dan Desa {r.short}", "tegas")
        + f" tegas {kaban.short}.",
        "Dalam sosialisasi itu, peserta juga diminta tidak memfasilitasi kegiatan calon di balai desa dan tidak "
        "menggunakan dana desa untuk kepentingan politik.",
        quote(st, "Kalau ragu, tanyakan dulu kepada kami atau Bawaslu sebelum menghadiri undangan,", kaban,
              f"Kepala Dinas Pemberdayaan Masyarakat dan Desa {r.short}", "pesan")
        + " pesannya.",
        "Kegiatan ditutup dengan penandatanganan pakta integritas netralitas oleh perwakilan kepala desa dari "
        "setiap kecamatan.",
    ]
    return Draft("socialisation", title, paras, "pemerintahan", "Pemerintahan",
                 ["Netralitas ASN", "Kepala Desa"], True, False, st)


TOPIC_TEMPLATES = {
    "warning": warning,
    "sanction_case": sanction_case,
    "sanction_recommendation": sanction_recommendation,
    "aggregate": aggregate,
    "examination": examination,
    "socialisation": socialisation,
}
