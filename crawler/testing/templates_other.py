"""Off-topic article templates: sports, traffic, TNI/Polri-only neutrality, logistics, absence discipline."""

from __future__ import annotations

from crawler.testing.article import ReplicaQuote
from crawler.testing.drafting import Ctx, Draft, quote


def sports(c: Ctx) -> Draft:
    r = c.region
    st: list[ReplicaQuote] = []
    coach = c.person(styled=False)
    sport = c.pick(("bola voli", "sepak bola", "pencak silat", "bulu tangkis"))
    score = f"{c.number(2, 3)}-{c.number(0, 1)}"
    title = f"Tim {sport.title()} {r.short} Melaju ke Final Usai Menang {score}"
    paras = [
        f"Tim {sport} {r.short} memastikan tempat di partai final turnamen antarkabupaten setelah menang "
        f"{score} atas tuan rumah pada laga semifinal, {c.day()}.",
        "Pertandingan berlangsung ketat sejak awal. Ratusan suporter memadati tribun dan terus memberi dukungan "
        "hingga laga berakhir.",
        f"Pelatih {coach.name} mengaku puas dengan penampilan anak asuhnya. "
        + quote(st, "Anak-anak bermain disiplin. Kami tinggal menjaga kondisi fisik untuk final,", coach,
                "Pelatih", "kata")
        + f" kata {coach.short}.",
        "Di final, tim akan menghadapi juara bertahan yang belum terkalahkan sepanjang turnamen.",
        quote(st, "Lawan kuat, tetapi kami tidak datang untuk kalah,", coach, "Pelatih", "ujar")
        + " ujarnya.",
        "Panitia memastikan laga final digelar di stadion utama dengan tiket yang dapat dibeli secara daring.",
    ]
    return Draft("sports", title, paras, "olahraga", "Olahraga", [sport.title(), "Turnamen"], False, False, st)


def traffic(c: Ctx) -> Draft:
    r = c.region
    st: list[ReplicaQuote] = []
    kasat = c.person()
    district = c.district()
    title = f"Kecelakaan Truk dan Sepeda Motor di {district}, Satu Orang Luka Berat"
    paras = [
        f"Kecelakaan lalu lintas melibatkan truk bermuatan pasir dan sepeda motor terjadi di jalan raya "
        f"Kecamatan {district}, {r.name}, {c.day()} sore.",
        "Pengendara sepeda motor mengalami luka berat di bagian kaki dan langsung dibawa ke rumah sakit daerah "
        "oleh warga sekitar.",
        f"Kasat Lantas Polres {r.short} AKP {kasat.name} mengatakan kecelakaan diduga dipicu truk yang "
        "mendahului kendaraan lain di tikungan.",
        quote(st, "Sopir truk sudah kami amankan untuk dimintai keterangan. Kendaraan juga kami tahan,", kasat,
              f"Kasat Lantas Polres {r.short}", "jelas")
        + f" jelas {kasat.short}.",
        "Arus lalu lintas sempat tersendat hampir satu jam sebelum kedua kendaraan dievakuasi dari badan jalan.",
        quote(st, "Kami imbau pengendara mengurangi kecepatan di jalur ini, apalagi saat hujan,", kasat,
              f"Kasat Lantas Polres {r.short}", "imbuh")
        + " imbuhnya.",
    ]
    return Draft("traffic", title, paras, "peristiwa", "Peristiwa", ["Kecelakaan", "Lalu Lintas"], False,
                 False, st)


def tni_polri(c: Ctx) -> Draft:
    r = c.region
    st: list[ReplicaQuote] = []
    kapolres = c.person(styled=False)
    title = f"Kapolres {r.short} Ingatkan Personel Tidak Berpihak pada {c.election}"
    paras = [
        f"Kapolres {r.short} AKBP {kapolres.name} mengingatkan seluruh personel Polri di jajarannya untuk "
        f"bersikap netral selama {c.election}.",
        f"Pesan itu disampaikan dalam apel gelar pasukan pengamanan di lapangan Mapolres {r.short}, {c.day()}, "
        "yang juga diikuti unsur TNI dari Kodim setempat.",
        quote(st, "Polri dan TNI tidak punya hak pilih. Tugas kita memastikan semua tahapan aman dan tertib,",
              kapolres, f"Kapolres {r.short}", "tegas")
        + f" tegas {kapolres.short}.",
        f"Sebanyak {c.number(300, 700)} personel gabungan disiagakan untuk mengamankan tempat pemungutan suara "
        "dan gudang logistik.",
        quote(st, "Anggota yang terbukti berpihak akan kami proses sesuai kode etik profesi,", kapolres,
              f"Kapolres {r.short}", "ujar")
        + " ujarnya.",
    ]
    return Draft("tni_polri", title, paras, "peristiwa", "Peristiwa", ["Polri", "Pengamanan"], False, False, st)


def logistics(c: Ctx) -> Draft:
    r = c.region
    st: list[ReplicaQuote] = []
    kpu = c.person()
    title = f"KPU {r.short} Mulai Distribusikan Logistik ke {len(r.districts)} Kecamatan"
    paras = [
        f"Komisi Pemilihan Umum (KPU) {r.name} mulai mendistribusikan logistik {c.election} ke "
        f"{len(r.districts)} kecamatan, {c.day()}.",
        "Logistik yang dikirim meliputi surat suara, kotak suara, bilik, tinta, dan formulir. Pengiriman "
        "dikawal aparat keamanan.",
        f"Ketua KPU {r.short} {kpu.styled} mengatakan distribusi ditargetkan rampung tiga hari sebelum "
        "pemungutan suara.",
        quote(st, "Wilayah yang aksesnya paling sulit kami dahulukan supaya tidak terlambat,", kpu,
              f"Ketua KPU {r.short}", "kata")
        + f" kata {kpu.short}.",
        f"Menurut {kpu.short}, sejumlah surat suara rusak sudah diganti setelah proses sortir dan lipat pekan lalu.",
    ]
    return Draft("logistics", title, paras, "politik", "Politik", ["KPU", "Logistik"], False, False, st)


def absence(c: Ctx) -> Draft:
    r = c.region
    st: list[ReplicaQuote] = []
    kepala = c.person()
    n = c.number(6, 25)
    title = f"{n} ASN {r.short} Bolos Usai Libur Panjang, Tunjangan Dipotong"
    paras = [
        f"Sebanyak {n} aparatur sipil negara (ASN) di lingkungan Pemerintah {r.name} tidak masuk kerja tanpa "
        "keterangan pada hari pertama setelah libur panjang.",
        f"Temuan itu didapat dari inspeksi mendadak di sejumlah kantor dinas, {c.day()}.",
        f"Kepala BKPSDM {r.short} {kepala.styled} menyatakan tunjangan kinerja pegawai yang bolos langsung "
        "dipotong sesuai aturan kehadiran.",
        quote(st, "Tidak ada toleransi. Pegawai yang berulang kali bolos akan kami proses disiplinnya,", kepala,
              f"Kepala BKPSDM {r.short}", "ujar")
        + f" ujar {kepala.short}.",
        "Ia meminta kepala perangkat daerah memeriksa rekap presensi elektronik setiap pekan.",
    ]
    return Draft("absence", title, paras, "pemerintahan", "Pemerintahan", ["ASN", "Disiplin Pegawai"], False,
                 False, st)


OTHER_TEMPLATES = {
    "sports": sports,
    "traffic": traffic,
    "tni_polri": tni_polri,
    "logistics": logistics,
    "absence": absence,
}
