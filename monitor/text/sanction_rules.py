"""Sentence-level rules for sanction reports: outcome verbs, recommendations, findings, and blockers."""

from __future__ import annotations

import re

_I = 0  # patterns are matched against lower-cased text

# A sanction imposed or decided ("dijatuhi sanksi", "diberhentikan", "telah diberi hukuman").
IMPOSED = re.compile(
    r"\b(?:dijatuhi|dijatuhkan|menjatuhkan|dikenai|dikenakan|mengenakan|diberi|diberikan|memberikan|memberi|"
    r"mendapat|mendapatkan|menerima|diganjar|dapat(?!\s+(?:di|me|ber|ter)\w)|terkena|kena|menjalani|dijatuhkannya)\s+(?:\w+\s+){0,3}?"
    r"(?:sanksi|hukuman|teguran|peringatan tertulis|vonis|penundaan|penurunan|pemotongan|pemberhentian|"
    r"pembebasan|pernyataan tidak puas)\b"
    r"|\b(?:disanksi|dihukum|diberhentikan|dipecat|dicopot|dinonjobkan|dinonaktifkan|didemosi|divonis|"
    r"dibebastugaskan|ditegur|memberhentikan(?:nya)?|memecat(?:nya)?|mencopot(?:nya)?|"
    r"menonjobkan(?:nya)?|menonaktifkan(?:nya)?|menjatuhi|membebastugaskan(?:nya)?|"
    r"menurunkan\s+(?:\w+\s+){0,2}?(?:jabatan|pangkat)\w*|"
    r"turun\s+(?:jabatan|pangkat)|"
    r"(?:di|mem)?bebaskan\s+(?:\w+\s+)?dari\s+jabatan(?:nya)?|"
    r"ditunda\s+kenaikan\s+(?:gaji|pangkat)|dipotong\s+tunjangan(?:nya)?|"
    r"diturunkan\s+(?:\w+\s+){0,2}?(?:pangkat|jabatan|setingkat|satu tingkat)\w*)\b"
    # demoted to plain staff ("dikembalikan menjadi guru biasa", "dimutasi sebagai sanksi")
    r"|\bdikembalikan\s+(?:\w+\s+){0,2}?(?:menjadi|sebagai)\s+(?:staf|guru|pelaksana|jabatan pelaksana|fungsional)\b"
    r"|\b(?:dimutasi|dirotasi|dipindahtugaskan|dipindah)\s+(?:\w+\s+){0,4}?sebagai\s+(?:bentuk\s+)?(?:sanksi|hukuman)\b"
    r"|\bditindaklanjuti\s+(?:\w+\s+){0,3}?(?:dengan\s+)?(?:sanksi|hukuman|penjatuhan)\b"
    # a signed decree ("menandatangani SK pemberhentian", "menerbitkan surat keputusan hukuman disiplin")
    r"|\b(?:menandatangani|meneken|diteken|ditandatangani|menerbitkan|diterbitkan|mengeluarkan|dikeluarkan)\s+"
    r"(?:\w+\s+){0,2}?(?:sk|surat keputusan)\s+(?:\w+\s+){0,2}?(?:pemberhentian|penjatuhan|hukuman|sanksi|"
    r"penurunan|pembebasan|penundaan|pemotongan)\b"
    r"|\b(?:diputus|memutus|diakhiri|mengakhiri)\s+(?:\w+\s+){0,2}?kontrak(?:nya|kerja(?:nya)?)?\b"
    r"|\b(?:tidak|tak)\s+diperpanjang\s+kontrak(?:nya|kerja(?:nya)?)?\b",
    _I,
)
# The same, with what is lost or the sanction named first and the outcome verb (group v) after it:
# "tunjangan kinerjanya dipotong", "kenaikan pangkatnya ditunda", "sanksi itu telah dijatuhkan Bupati".
IMPOSED_LATE = re.compile(
    r"\b(?:tunjangan|tpp|tukin|kenaikan\s+(?:gaji\s+berkala|gaji|pangkat)|pangkat|jabatan|kontrak)\w*\s+"
    r"(?:\w+\s+){0,8}?(?P<v>dipotong|ditunda|diturunkan|dicopot|dicabut|diputus|diakhiri|tidak diperpanjang)\b"
    r"|\b(?:sanksi|hukuman|putusan|keputusan|sk)\s+(?:\w+\s+){0,7}?"
    r"(?P<w>(?:telah |sudah |resmi )?(?:dijatuhkan|diberikan|dikenakan|diterapkan|dibacakan|diumumkan|diserahkan|"
    r"dijalani|dijalankan))\b",
    _I,
)
# A formal recommendation or a formal finding forwarded for sanction.
RECOMMENDED = re.compile(
    r"\b(?:merekomendasikan|direkomendasikan|rekomendasikan)\b"
    r"|\b(?:mengeluarkan|menerbitkan|diterbitkan|diterbitkanlah|dikeluarkan|mengirim|mengirimkan|melayangkan|"
    r"meneruskan|memberikan|menyampaikan|membuat|turun|turunnya)\s+(?:\w+\s+){0,2}?rekomendasi\b"
    r"|\brekomendasi\s+(?:\w+\s+){0,2}?(?:kasn|komisi asn|komisi aparatur|bkn|bawaslu|panwas\w*)\b"
    r"|\b(?:sesuai|berdasarkan|menindaklanjuti|sebagai tindak lanjut|atas|menanggapi|melaksanakan)\s+(?:surat\s+)?"
    r"rekomendasi\b"
    r"|\b(?:meneruskan|diteruskan|teruskan|melimpahkan|dilimpahkan)\s+(?:\w+\s+){0,5}?(?:ke|kepada)\s+"
    r"(?:kasn|komisi asn|komisi aparatur|bkn|badan kepegawaian|ppk|pejabat pembina|bupati|wali ?kota|gubernur)\b",
    _I,
)
FINDING = re.compile(
    r"\b(?:menetapkan|memutuskan|diputuskan|dinyatakan|ditetapkan|terbukti|memenuhi unsur|putusan|"
    r"(?:bawaslu|panwaslu|kasn|bkn|inspektorat|majelis|hakim)(?:\s+[\w.]+){0,3}?\s+menyatakan)\b"
    r"(?:\s+[\w,()-]+){0,10}?\s+(?:melanggar|langgar|pelanggaran|tidak netral|tak netral)\b",
    _I,
)
# Modal, conditional and negating words that make an outcome hypothetical or denied.
_MODAL = re.compile(
    r"\b(?:akan|bakal|bisa|dapat(?=\s+(?:di|me|ber|ter)\w+)|terancam|ancaman|harus|wajib|mungkin|kemungkinan|"
    r"hendak|berpotensi|jangan|nantinya|siap|rencana|berencana|usulan|mengusulkan|diusulkan|"
    r"meminta|minta|mendesak|desak|menuntut|mendorong|memohon|berharap|diharapkan|"
    r"sedang(?=\s+(?:di|me)\w+)|masih|agar|supaya|untuk|apakah|layak|pantas|patut|sebelum|menunggu|tunggu|"
    r"menanti)\b",
    _I,
)
_NEGATION = re.compile(r"\b(?:tidak|tak|belum|bukan|tanpa)\b", _I)
_CONDITIONAL = re.compile(
    r"\b(?:jika|jikalau|apabila|bila|bilamana|kalau|manakala|seandainya|andai|misalkan|misalnya|"
    r"barang\s?siapa|siapapun|siapa pun|setiap)\b",
    _I,
)
_GENERIC = re.compile(
    r"\b(?:asn|pns|pppk|pegawai|aparatur|pejabat|kepala desa|kades|perangkat desa|camat|lurah|kepsek|"
    r"kepala sekolah|honorer|guru|mereka|bagi|pelanggar|siapa pun|siapapun)\s+yang\s+"
    r"(?:\w+\s+){0,2}?(?:melanggar|terlibat|terbukti|tidak netral|tak netral|ketahuan|kedapatan|berpolitik|"
    r"ikut|mendukung|tidak menjaga)\b"
    r"|\bbagi\s+(?:yang|pelanggar)\b|\bsanksi(?:nya)?\s+(?:yang\s+)?(?:bisa|dapat|akan|menanti|mengancam)\b",
    _I,
)
_EXPLAIN = re.compile(
    r"\b(?:mulai dari|antara lain|meliputi|terdiri|jenis sanksi|jenis hukuman|tingkat(?:an)? sanksi|"
    r"tingkat (?:ringan|sedang|berat)|mekanisme(?:nya)?|prosedur(?:nya)?|umumnya|biasanya|lazimnya|tergantung|"
    r"petunjuk teknis|juknis|batas waktu|tenggat|berwenang|kewenangan|wewenang|(?:ringan|sedang|berat) hingga (?:ringan|sedang|berat)|"
    r"diatur dalam|sesuai (?:dengan )?(?:pp|peraturan|ketentuan|undang)|berdasarkan (?:pp|peraturan))\b",
    _I,
)
_LEVELS = re.compile(r"\b(?:sanksi|hukuman(?: disiplin)?)\s+(ringan|sedang|berat)\b", _I)
UNPROVEN = re.compile(
    r"\b(?:tidak|tak|belum)\s+(?:\w+\s+)?terbukti\b|\btidak ditemukan (?:bukti|adanya|unsur|pelanggaran)\b|"
    r"\btidak memenuhi unsur\b|\b(?:rekomendasi|laporan)\s+(?:\w+\s+){0,3}?ditolak\b|\bdihentikan\b|"
    r"\b(?:tidak|kurang)\s+cukup\s+bukti\b|\b(?:dipulihkan|direhabilitasi)\b|\b(?:dinyatakan|disimpulkan|terbukti)\s+(?:tidak|tak)\s+(?:\w+\s+)?melanggar\b",
    _I,
)
_SPECIFIC = re.compile(
    r"\b(?:\d{1,4}|seorang|satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|sebelas|\w+ belas|\w+ puluh)\s+"
    r"(?:orang\s+)?(?:asn|pns|pppk|aparatur|pegawai|pejabat|kepala|camat|lurah|guru|kades|perangkat)\b",
    _I,
)
_OFF_TOPIC = re.compile(
    r"\b(?:bolos|membolos|mangkir|tidak masuk kerja|korupsi|koruptor|narkoba|narkotika|asusila|selingkuh|"
    r"prajurit|anggota polri|personel polri|anggota tni)\b",
    _I,
)
_PARTIAL = re.compile(r"\b(?:lain|lainnya|sisanya|selebihnya|sementara|sedangkan)\b", _I)
_NONE_EXISTS = re.compile(r"\b(?:tidak|tak|belum|jangan)\s+(?:sampai\s+)?ada\b", _I)
_DUGAAN = re.compile(r"\b(?:dugaan|diduga|terduga|indikasi|potensi|kajian)\b", _I)
# a sanction withdrawn or annulled afterwards: the article reports no standing sanction
CANCELLED = re.compile(
    r"\b(?:sanksi|hukuman|sk|surat keputusan|pemberhentian|pencopotan|penonaktifan)\s+(?:\w+\s+){0,6}?"
    r"(?:dibatalkan|dicabut|dianulir|batal)\b|\b(?:membatalkan|mencabut|menganulir)\s+(?:\w+\s+){0,2}?"
    r"(?:sanksi|hukuman|sk|surat keputusan|pemberhentian|pencopotan)\b"
    r"|\bdikembalikan\s+ke\s+jabatan\w*\b",
    _I,
)
# suspended while the case is examined: not an outcome yet
_PENDING = re.compile(r"\b(?:sementara|selama (?:proses )?pemeriksaan|sampai (?:ada )?(?:putusan|keputusan)|"
                      r"hingga (?:ada )?(?:putusan|keputusan))\b", _I)
# an earlier outcome mentioned in passing, with no case to it ("tahun lalu pihaknya meneruskan beberapa temuan")
_PAST = re.compile(r"\b(?:tahun lalu|tahun sebelumnya|pernah|pada (?:pemilu|pilkada|pileg|pilpres) (?:sebelumnya|lalu))\b", _I)
# a case cited as an example in a warning ("Ia mencontohkan, pada Pilkada 2020 ada pejabat yang dicopot")
_EXAMPLE = re.compile(r"\b(?:mencontohkan|contohnya|sebagai contoh|contoh kasus|berkaca dari|belajar dari)\b", _I)
# a sentence that opens with an obligation or a possibility speaks of what should happen
_OPENS_MODAL = re.compile(r"^\W*(?:harus|wajib|perlu|mesti|semestinya|seharusnya|sebaiknya|nanti)\b", _I)
# an old, closed case recalled as background ("Empat tahun lalu, dua kepala sekolah sempat disanksi")
OLD_CASE = re.compile(
    r"\b(?:(?:\w+|\d+) tahun (?:lalu|silam|sebelumnya)|pada (?:pemilu|pilkada|pileg|pilpres) (?:sebelumnya|lalu|silam)|"
    r"sempat|pernah|kasus lama)\b",
    _I,
)
# people with no power to sanction: what they "recommend" or demand is not a formal recommendation
_NO_POWER = re.compile(r"\b(?:fraksi|dprd|dewan|lsm|warga|masyarakat|mahasiswa|ormas|pelapor|aliansi|tim pemenangan)\b", _I)
_ASKED_FOR = re.compile(r"\b(?:me|di)?rekomendasikan\b|\brekomendasi\w*\s+(?:\w+\s+){0,3}?(?:agar|supaya|untuk)\b", _I)
_VAGUE = re.compile(r"\b(?:beberapa|sejumlah|banyak)\b", _I)
_REL_OUTCOME = re.compile(r"\byang\s+(?:di\w+|me\w+|kena|terkena)\s*$", _I)


_TRIGGERS = (
    "sanksi", "hukum", "teguran", "peringatan", "vonis", "rekomendasi", "terbukti", "langgar",
    "berhenti", "pecat", "copot", "nonjob", "nonaktif", "tegur", "bebaskan",
    "menjatuhi", "demosi", "bebastugas", "turun", "tunda", "potong", "jabatan",
    "teruskan", "neruskan", "limpahkan", "putus", "tetapkan", "unsur", "ditolak", "dihentikan",
    "batal", "cabut", "anulir", "kontrak", "dibacakan", "diumumkan", "pulih", "rehabilit", "dikembalikan", "tindaklanjut", "mutasi", "rotasi", "pindah", "bukti",
)


def _blocked_before(sentence: str, start: int, window: int = 5) -> bool:
    head = sentence[:start]
    words = head.split()
    modal = " ".join(words[-window:])
    negation = " ".join(words[-3:])
    return (
        bool(_MODAL.search(modal))
        or bool(_NEGATION.search(negation))
        or bool(_REL_OUTCOME.search(head))
        or bool(_NONE_EXISTS.search(" ".join(words[-8:])))
    )


def judge_sentence(sentence: str) -> tuple[str | None, float]:
    """The strongest unblocked signal in one sentence: ('imposed'|'recommended'|'finding'|'unproven', weight)."""
    low = sentence.lower()
    if not any(k in low for k in _TRIGGERS):
        return None, 0.0
    sentence = low
    if _OFF_TOPIC.search(sentence) or _EXAMPLE.search(sentence) or _OPENS_MODAL.search(sentence):
        return None, 0.0
    cancelled = CANCELLED.search(sentence)
    if cancelled and not _CONDITIONAL.search(sentence) and not _PARTIAL.search(sentence) \
            and not _blocked_before(sentence, cancelled.start()):
        return "cancelled", 1.0
    if UNPROVEN.search(sentence) and not IMPOSED.search(sentence) and not IMPOSED_LATE.search(sentence) \
            and not _PARTIAL.search(sentence):
        return "unproven", 1.0
    conditional = bool(_CONDITIONAL.search(sentence))
    generic = bool(_GENERIC.search(sentence)) and not _SPECIFIC.search(sentence)
    explain = bool(_EXPLAIN.search(sentence)) or len({m.lower() for m in _LEVELS.findall(sentence)}) >= 2
    if conditional or generic or explain:
        return None, 0.0
    for m in IMPOSED.finditer(sentence):
        if ("nonaktif" in m.group(0) and _PENDING.search(sentence)) \
                or _ASKED_FOR.search(sentence[max(0, m.start() - 60) : m.start()]):
            continue  # the outcome is what a recommendation asks for: RECOMMENDED below judges it
        if not _blocked_before(sentence, m.start()):
            return "imposed", 1.0
        near = " ".join(sentence[: m.start()].split()[-4:]).lower()
        if re.search(r"\bakan\b", near) and not re.search(r"\b(?:tidak|belum|jika|bisa)\b", near) \
                and _SPECIFIC.search(sentence) and m.group(0).lower().startswith(("menjatuhkan", "memberi")):
            return "recommended", 0.6  # a decided sanction for named/counted people, to be carried out
    for m in IMPOSED_LATE.finditer(sentence):
        if not _blocked_before(sentence, m.start("v") if m.group("v") else m.start("w")):
            return "imposed", 1.0
    passing = bool(_PAST.search(sentence)) and bool(_VAGUE.search(sentence))
    for m in RECOMMENDED.finditer(sentence):
        if m.group(0).startswith("rekomendasi") and _MODAL.search(" ".join(sentence[m.end() :].split()[:4])):
            continue  # "Rekomendasi ke KASN bisa saja meminta ...": what a recommendation might say
        if sentence[: m.start()].rstrip().endswith(" yang"):
            continue  # "ASN yang direkomendasikan bermasalah": a relative clause describing someone
        if not passing and not _blocked_before(sentence, m.start()) and not _NO_POWER.search(sentence[: m.start()]):
            return "recommended", 0.8
    for m in FINDING.finditer(sentence):
        if not _blocked_before(sentence, m.start(), 4) and not _DUGAAN.search(m.group(0)):
            return "finding", 0.7
    return None, 0.0
