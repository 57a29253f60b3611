"""Per-article wording for generated reports: invented places and offices, quotes assembled from parts.

Used by the varied templates (bulk and fresh articles) so that two generated reports never share their
sentences or quotations: each is a different event to the monitor's story grouping. Every choice is drawn
from the article's own seeded random stream, so the same seed writes the same text.
"""

from __future__ import annotations

import random

from crawler.testing.drafting import Ctx

_ONSET = ("Su", "Ka", "Te", "Ma", "Wa", "Ja", "Ba", "Pa", "Ra", "Se", "Ta", "Ngu", "Gu", "Lo", "Pu", "Ci")
_MIDDLE = ("ka", "ra", "wa", "ngi", "ma", "lo", "di", "ju", "to", "se", "ba", "ri", "pa", "nda")
_CODA = ("jaya", "rejo", "mulyo", "sari", "makmur", "harjo", "asri", "luhur", "agung", "indah", "tani", "wangi")

OFFICES = (
    ("BKPSDM", "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia"),
    ("BKD", "Badan Kepegawaian Daerah"),
    ("BKPP", "Badan Kepegawaian, Pendidikan dan Pelatihan"),
    ("BKPSDMD", "Badan Kepegawaian dan Pengembangan SDM Daerah"),
)
POSTS = (
    "seorang kepala seksi", "seorang lurah", "seorang sekretaris camat", "seorang kepala puskesmas",
    "seorang pengawas sekolah", "seorang kepala bidang", "seorang staf dinas sosial", "seorang bendahara desa",
)
SCHOOLS = ("SD Negeri", "SMP Negeri", "SMA Negeri", "SMK Negeri", "MTs Negeri")


def place_name(rng: random.Random) -> str:
    """An invented village name: 'Kalorejo', 'Ngumawangi'."""
    return rng.choice(_ONSET) + rng.choice(_MIDDLE) + rng.choice(_CODA)


def village(c: Ctx) -> str:
    return place_name(c.rng)


def office(c: Ctx) -> tuple[str, str]:
    """(short, long) name of the regency's personnel office."""
    short, long = c.rng.choice(OFFICES)
    return short, long


def school(c: Ctx) -> str:
    return f"{c.pick(SCHOOLS)} {c.number(1, 14)} {c.region.short}"


def sentence(c: Ctx, *parts: tuple[str, ...]) -> str:
    """One sentence: a choice from each group of parts, joined by spaces (parts may hold {slots})."""
    return " ".join(c.pick(group) for group in parts if group)


def fill(text: str, **slots: object) -> str:
    return text.format(**slots)


# Quote parts by speaker. Each quote = lead + body + close, each drawn on its own, with numbers and places
# filled in: thousands of combinations, so two generated reports rarely share even most of a quotation.

OFFICIAL_LEAD = (
    "Pemeriksaan {who} sudah kami tuntaskan",
    "Berkas pemeriksaan {who} sudah lengkap sejak {weekday} lalu",
    "Tim gabungan bekerja hampir {weeks} pekan untuk perkara ini",
    "Kami memanggil para pegawai itu {times} kali sebelum memutuskan",
    "Semua keterangan saksi dari {district} sudah kami cocokkan",
    "Rapat penjatuhan hukuman digelar tertutup di lantai {floor}",
    "Perkara ini kami bahas bersama inspektur sejak {weekday} pagi",
    "Catatan kehadiran dan percakapan grup sudah kami periksa satu per satu",
    "Sebelum sanksi keluar, atasan mereka di {district} ikut dimintai keterangan",
    "Ada {times} lapis pemeriksaan yang harus dilewati",
)
OFFICIAL_BODY = (
    "dan foto yang dilaporkan warga ternyata asli",
    "dan para terperiksa akhirnya mengakui perbuatannya",
    "dan rekaman video dari {district} menjadi bukti utama",
    "dan tidak ada satu pun yang membantah temuan pengawas",
    "dan dua di antaranya bahkan sudah pernah ditegur lisan",
    "dan keterangan mereka saling menguatkan",
    "dan semua prosedur sudah kami tempuh sesuai aturan",
    "lalu hasilnya kami laporkan kepada pimpinan",
    "sementara pembelaan yang diajukan tidak mengubah kesimpulan",
    "meski ada yang sempat menyangkal di awal",
)
OFFICIAL_CLOSE = (
    "Salinan keputusan sudah diterima masing-masing pegawai",
    "Mereka masih boleh mengajukan keberatan dalam {days} hari",
    "Kami ingin kasus ini yang terakhir di {short}",
    "Tunjangan mereka mulai dipotong bulan depan",
    "Atasan langsung mereka juga kami minta membuat laporan",
    "Pengawasan di {district} akan kami tambah sampai akhir tahun",
    "Nama baik korps pegawai harus dijaga bersama",
    "Kami tidak mau ada kesan pembiaran",
    "Catatan ini juga masuk ke penilaian kinerja tahunan",
    "Pintu pembinaan tetap terbuka bagi yang mau berubah",
)
WATCHDOG_LEAD = (
    "Laporan dari {district} kami terima lewat posko pengaduan",
    "Patroli siber kami menemukan unggahan itu pada hari ke-{day_n} kampanye",
    "Warga {place} mengirim tangkapan layar beserta tautannya",
    "Temuan pengawas kelurahan kami kaji selama {days} hari",
    "Ada {reports} laporan serupa yang masuk sepanjang tahapan",
    "Klarifikasi kami lakukan dua kali di kantor {short}",
    "Pengawas desa di {place} yang pertama kali mencatat kejadian itu",
    "Seorang relawan pemantau menyerahkan rekaman ke meja piket kami",
    "Unggahan itu sempat dihapus tetapi arsipnya sudah kami simpan",
    "Pemeriksaan saksi berlangsung hingga larut malam di {district}",
)
WATCHDOG_BODY = (
    "dan unsur pelanggarannya terpenuhi",
    "dan bukti yang dikirim pelapor cukup kuat",
    "dan yang bersangkutan tidak bisa menunjukkan alasan lain",
    "sehingga berkasnya layak kami teruskan",
    "tanpa ada keberatan dari pihak terlapor",
    "dengan dua saksi yang melihat langsung",
    "dan terlapor hadir memenuhi undangan klarifikasi",
    "walaupun terlapor sempat meminta penundaan",
    "karena tanggal dan lokasinya cocok dengan laporan",
    "setelah rapat pleno memutuskannya",
)
WATCHDOG_CLOSE = (
    "Sekarang tinggal menunggu langkah pejabat pembina kepegawaian",
    "Kami akan memantau apakah rekomendasinya dijalankan",
    "Pintu pengaduan tetap terbuka sampai pemungutan suara",
    "Efek jera itu penting supaya tidak ditiru pegawai lain",
    "Kami berterima kasih kepada warga yang berani melapor",
    "Hasilnya akan kami umumkan di papan pengumuman kantor",
    "Siapa pun yang melanggar akan kami proses dengan cara yang sama",
    "Jangan sampai pelayanan warga terganggu oleh urusan politik",
    "Pengawasan media sosial tetap berjalan setiap hari",
    "Semua tahapan itu bisa dipertanggungjawabkan",
)


TAIL = (
    "Di {place} saja ada {reports} pegawai yang kami pantau",
    "Catatannya sudah kami bagikan kepada {times} kepala dinas",
    "Warga {district} juga ikut mengawasi",
    "Pekan depan kami mengundang {reports} kepala sekolah untuk sosialisasi",
    "Pelaporan bisa lewat telepon, pesan singkat, atau datang langsung",
    "Rekap lengkapnya kami serahkan ke pimpinan {weekday} nanti",
    "Ini juga berlaku bagi tenaga honorer",
    "Jangan menunggu ada korban baru kita bergerak",
    "Arsip perkara ini tersimpan di kantor kami selama {days} tahun",
    "Kami sudah berkoordinasi dengan camat di {district}",
)


def compose_quote(c: Ctx, lead: tuple[str, ...], body: tuple[str, ...], close: tuple[str, ...],
                  **slots: object) -> str:
    """A three-sentence quotation: lead and body, a close, a tail; ends with a comma for its attribution."""
    first = fill(c.pick(lead), **slots) + " " + fill(c.pick(body), **slots)
    return f"{first}. {fill(c.pick(close), **slots)}. {fill(c.pick(TAIL), **slots)},"


def slots(c: Ctx, **extra: object) -> dict[str, object]:
    """The usual fillers for quote parts: numbers, a district, a place and the region's short name."""
    days = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat")
    values: dict[str, object] = {
        "weekday": c.pick(days), "weeks": c.number(2, 6), "times": c.number(2, 4), "floor": c.number(2, 4),
        "days": c.number(3, 14), "day_n": c.number(3, 40), "reports": c.number(4, 30),
        "district": c.district(), "place": village(c), "short": c.region.short, "who": "mereka",
    }
    values.update(extra)
    return values
