"""Sanction-report templates whose wording and quotations vary per article (bulk and fresh articles).

The default set keeps its fixed templates (the saved fixtures are rendered from them); generated reports
use these, so that distinct reports are distinct events to the monitor's story grouping.
"""

from __future__ import annotations

from crawler.testing.article import ReplicaQuote, ReplicaSanction
from crawler.testing.drafting import Ctx, Draft, quote
from crawler.testing.templates_topic import _SANCTIONS, _VIOLATIONS
from crawler.testing.wording import (
    OFFICIAL_BODY,
    OFFICIAL_CLOSE,
    OFFICIAL_LEAD,
    POSTS,
    WATCHDOG_BODY,
    WATCHDOG_CLOSE,
    WATCHDOG_LEAD,
    compose_quote,
    office,
    school,
    sentence,
    slots,
    village,
)


def _members(c: Ctx, count: int) -> str:
    posts = [c.pick(POSTS) for _ in range(2)]
    if count <= 2:
        return f"Mereka adalah {posts[0]} dan {posts[1]}."
    return c.pick((
        f"Di antara mereka terdapat {posts[0]}, {posts[1]}, dan {count - 2} pegawai lain.",
        f"Mereka terdiri atas {posts[0]}, {posts[1]}, serta {count - 2} staf dari beberapa kecamatan.",
        f"Selain {posts[0]} dan {posts[1]}, sanksi juga mengenai {count - 2} pegawai kelurahan.",
    ))


def sanction_case(c: Ctx) -> Draft:
    r = c.region
    st: list[ReplicaQuote] = []
    head, bk, baw = c.person(), c.person(), c.person()
    count = c.number(2, 12)
    sanction = c.pick(_SANCTIONS)
    violation, violation_text = c.rng.choice(_VIOLATIONS)
    short_ob, long_ob = c.oversight
    off, off_long = office(c)
    district = c.district()
    title = c.pick((
        f"{count} ASN {r.short} Dijatuhi Sanksi Disiplin karena Langgar Netralitas",
        f"Terbukti Tak Netral, {count} ASN di {r.short} Kena Hukuman Disiplin",
        f"Langgar Netralitas di {district}, {count} ASN {r.short} Dijatuhi Hukuman Disiplin",
        f"{r.head_title} Jatuhkan Hukuman Disiplin kepada {count} ASN yang Tak Netral",
    ))
    bk_role = f"Kepala {off} {r.short}"
    baw_role = f"Ketua Bawaslu {r.short}"
    paras = [
        sentence(c, (f"Pemerintah {r.name} menjatuhkan hukuman disiplin kepada {count} aparatur sipil negara "
                     "(ASN) yang", f"Sebanyak {count} aparatur sipil negara (ASN) di {r.name} dijatuhi hukuman "
                     "disiplin karena"),
                 (f"terbukti melanggar netralitas dengan {violation_text} pada {c.election}.",
                  f"dinyatakan melanggar netralitas, yakni {violation_text} menjelang {c.election}.")),
        sentence(c, (f"Hukuman berupa {sanction} itu ditetapkan lewat surat keputusan {r.head_title} "
                     f"{head.styled}.", f"{r.head_title} {head.styled} menandatangani keputusan {sanction} "
                     "untuk mereka.", f"Surat keputusan {r.head_title} {head.styled} menetapkan {sanction} "
                     "bagi para pegawai itu.")) + " " + _members(c, count),
        sentence(c, (f"{bk_role} {bk.styled} membenarkan keputusan tersebut.",
                     f"Hal itu dibenarkan {bk_role} {bk.styled}.",
                     f"{bk_role} {bk.styled} memastikan keputusan sudah berlaku.")) + " "
        + quote(st, compose_quote(c, OFFICIAL_LEAD, OFFICIAL_BODY, OFFICIAL_CLOSE, **slots(c)), bk, bk_role,
                "kata")
        + f" kata {bk.short}, {c.day()}.",
        c.pick((
            f"Menurut dia, {off_long} memeriksa para pegawai bersama Inspektorat setelah Bawaslu meneruskan "
            f"temuan kepada {long_ob}.",
            f"Ia menjelaskan, temuan awal datang dari Bawaslu dan diteruskan ke {long_ob} sebelum diperiksa "
            f"Inspektorat {r.short}.",
            f"Pemeriksaan, kata dia, melibatkan Inspektorat dan atasan langsung para pegawai di {district}.",
        )),
        sentence(c, (f"{r.head_title} {head.name} meminta", f"Dalam keterangannya, {r.head_title} {head.name} "
                     "meminta", f"{head.name} juga meminta"),
                 ("kepala perangkat daerah memperketat pengawasan hingga pelantikan kepala daerah terpilih.",
                  f"para camat di {r.short} rutin mengingatkan pegawai soal larangan berpolitik praktis.",
                  f"kepala dinas melaporkan setiap kegiatan pegawai yang mencurigakan kepada {off}.")),
        sentence(c, (f"{baw_role} {baw.styled} menyebut pihaknya", f"Adapun {baw_role} {baw.styled} mencatat "
                     "pihaknya"),
                 (f"menerima {c.number(5, 40)} laporan dugaan pelanggaran netralitas ASN selama tahapan.",
                  f"telah memproses {c.number(5, 40)} laporan serupa sejak awal tahapan kampanye.")),
        quote(st, compose_quote(c, WATCHDOG_LEAD, WATCHDOG_BODY, WATCHDOG_CLOSE, **slots(c)), baw, baw_role, "ujar")
        + f" ujar {baw.short}.",
    ]
    truth = ReplicaSanction(
        subjects=(f"{count} ASN",), count=count, sanction_type=sanction, violation=violation,
        authority=f"{r.head_title}", region=r.name, kind="case",
    )
    return Draft("sanction_case", title, paras, "pemerintahan", "Pemerintahan",
                 ["Netralitas ASN", "Sanksi ASN", short_ob], True, True, st, truth,
                 caption=f"Kantor {off} {r.short}")


def sanction_recommendation(c: Ctx) -> Draft:
    r = c.region
    st: list[ReplicaQuote] = []
    camat, baw, sekda = c.person(styled=False), c.person(), c.person()
    district = c.district()
    short_ob, long_ob = c.oversight
    what = c.pick(("membagikan unggahan kampanye salah satu calon di media sosial",
                   "menyukai dan mengomentari unggahan kampanye di media sosial",
                   "mengunggah foto bersama tim kampanye di akun media sosialnya"))
    title = c.pick((
        f"{short_ob} Rekomendasikan Sanksi Moral untuk Camat {district} yang Bagikan Unggahan Kampanye",
        f"Camat {district} Dinilai Tak Netral, {short_ob} Rekomendasikan Sanksi Moral",
        f"Unggahan Kampanye Berbuntut Sanksi Moral bagi Camat {district}",
    ))
    baw_role = f"Ketua Bawaslu {r.short}"
    sekda_role = f"Sekretaris Daerah {r.short}"
    paras = [
        c.pick((
            f"{long_ob} merekomendasikan sanksi moral berupa pernyataan secara terbuka kepada {camat.name}, "
            f"Camat {district}, {r.name}.",
            f"Camat {district}, {r.name}, {camat.name}, direkomendasikan {long_ob} menerima sanksi moral "
            "berupa pernyataan terbuka.",
            f"Sanksi moral pernyataan terbuka direkomendasikan {long_ob} bagi {camat.name}, Camat {district} "
            f"di {r.name}.",
        )) + " "
        + c.pick((f"Ia dinyatakan terbukti melanggar netralitas karena {what}.",
                  f"Camat itu terbukti melanggar netralitas ASN setelah {what}.")),
        c.pick((
            f"Rekomendasi dikirim kepada {r.head_title} selaku pejabat pembina kepegawaian (PPK) dan harus "
            f"dijalankan dalam {c.number(7, 14)} hari kerja.",
            f"Surat rekomendasi ditujukan kepada {r.head_title} sebagai pejabat pembina kepegawaian dengan "
            f"batas waktu {c.number(7, 14)} hari kerja.",
        )),
        sentence(c, (f"{baw_role} {baw.styled} menjelaskan, kasus itu", f"Menurut {baw_role} {baw.styled}, "
                     "perkara tersebut"),
                 ("bermula dari patroli siber pengawas kecamatan.",
                  f"berawal dari laporan warga Desa {village(c)}.",
                  "terungkap saat pengawas memantau akun pejabat daerah.")) + " "
        + quote(st, compose_quote(c, WATCHDOG_LEAD, WATCHDOG_BODY, WATCHDOG_CLOSE, **slots(c, district=district)),
                baw, baw_role, "ujar")
        + f" ujar {baw.short}, {c.day()}.",
        c.pick((f"{sekda_role} {sekda.styled} memastikan pemerintah daerah akan menjalankan rekomendasi tersebut.",
                f"Pemerintah daerah, kata {sekda_role} {sekda.styled}, siap menindaklanjuti rekomendasi itu.")),
        quote(st, compose_quote(c, OFFICIAL_LEAD, OFFICIAL_BODY, OFFICIAL_CLOSE,
                                **slots(c, district=district, who="camat itu")), sekda, sekda_role, "tutur")
        + " tuturnya.",
        c.pick((
            f"Sepanjang tahapan, Bawaslu {r.short} menangani {c.number(3, 30)} perkara netralitas pejabat.",
            f"Kasus serupa pernah terjadi di Kecamatan {c.district()} {c.number(2, 5)} tahun lalu.",
            f"Pegawai kecamatan {district} mengaku baru mengetahui kabar itu dari pemberitaan.",
        )),
        c.pick((f"Camat {district} belum memberikan tanggapan saat dihubungi hingga berita ini diturunkan.",
                f"{camat.name} tidak menjawab pesan yang dikirim ke nomor telepon selulernya.",
                f"Saat didatangi di kantor kecamatan {district}, camat tersebut sedang berada di luar kota.")),
    ]
    truth = ReplicaSanction(
        subjects=(camat.name, f"Camat {district}"), count=1, sanction_type="sanksi moral",
        violation="membagikan unggahan kampanye di media sosial", authority=short_ob, region=r.name,
    )
    return Draft("sanction_recommendation", title, paras, "politik", "Politik",
                 ["Netralitas ASN", short_ob, "Bawaslu"], True, True, st, truth)


def teacher_forwarded(c: Ctx) -> Draft:
    r = c.region
    st: list[ReplicaQuote] = []
    kordiv = c.person()
    short_ob, long_ob = c.oversight
    where = school(c)
    role = f"Koordinator Divisi Penanganan Pelanggaran Bawaslu {r.short}"
    minutes = c.number(1, 4)
    title = c.pick((
        f"Bawaslu {r.short} Teruskan Pelanggaran Netralitas Guru PPPK ke {short_ob}",
        f"Guru PPPK {where} Terbukti Tak Netral, Berkas Dikirim ke {short_ob}",
        f"Langgar Netralitas, Guru PPPK di {r.short} Diteruskan Bawaslu ke {short_ob}",
    ))
    paras = [
        c.pick((
            f"Bawaslu {r.name} meneruskan rekomendasi pelanggaran netralitas seorang guru PPPK {where} kepada "
            f"{long_ob}.",
            f"Rekomendasi pelanggaran netralitas atas seorang guru PPPK {where} diteruskan Bawaslu {r.name} ke "
            f"{long_ob}.",
            f"Bawaslu {r.name} mengirim berkas pelanggaran netralitas guru PPPK dari {where} kepada {long_ob}.",
        )) + " "
        + c.pick(("Guru tersebut dinyatakan terbukti mengunggah video dukungan untuk salah satu calon.",
                  "Ia terbukti merekam dan menyebarkan video dukungan bagi salah satu calon.",
                  f"Video dukungan untuk calon yang ia unggah pertama kali dilaporkan warga {village(c)}.")),
        c.pick((
            f"Video berdurasi {minutes} menit itu direkam di ruang kelas dan sempat beredar di media sosial.",
            f"Rekaman sepanjang {minutes} menit tersebut dibuat di halaman sekolah lalu diunggah ke grup warga.",
            f"Video {minutes} menit itu ditonton ribuan kali sebelum dihapus pemilik akun.",
        )),
        quote(st, compose_quote(c, WATCHDOG_LEAD, WATCHDOG_BODY, WATCHDOG_CLOSE, **slots(c)).rstrip(",") + ".",
              kordiv, role, "jelas")
        + f" Demikian dijelaskan {role} {kordiv.styled}, {c.day()}.",
        c.pick((
            f"{kordiv.short} menyebut, guru tersebut mengakui perbuatannya saat klarifikasi.",
            f"Dalam klarifikasi, menurut {kordiv.short}, guru itu mengaku tidak tahu aturan netralitas.",
            f"{kordiv.short} mengatakan kepala sekolah ikut mendampingi guru itu saat klarifikasi.",
        )),
        quote(st, compose_quote(c, OFFICIAL_LEAD, OFFICIAL_BODY, WATCHDOG_CLOSE, **slots(c, who="guru itu")),
              kordiv, role, "tegas")
        + " tegasnya.",
        c.pick((
            f"Dinas pendidikan {r.short} menyatakan akan menunggu keputusan {short_ob} sebelum mengambil langkah.",
            f"Sekolah tempat guru itu mengajar tetap menggelar kegiatan belajar seperti biasa, {c.day()}.",
            f"Bawaslu mencatat {c.number(3, 25)} laporan lain tentang guru dan tenaga kependidikan tahun ini.",
            f"Orang tua murid di {c.district()} meminta sekolah tidak dijadikan tempat kampanye.",
        )),
    ]
    truth = ReplicaSanction(
        subjects=("seorang guru PPPK",), count=1, sanction_type="rekomendasi sanksi",
        violation="mengunggah video dukungan calon", authority="Bawaslu", region=r.name,
    )
    return Draft("teacher_forwarded", title, paras, "politik", "Politik", ["Netralitas ASN", "Bawaslu", "PPPK"],
                 True, True, st, truth)


VARIED_TEMPLATES = {
    "sanction_case": sanction_case,
    "sanction_recommendation": sanction_recommendation,
    "teacher_forwarded": teacher_forwarded,
}
