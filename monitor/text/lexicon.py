"""Word lists for Indonesian news text: reporting verbs, titles, ranks, role and place vocabulary."""

from __future__ import annotations

import re

# Reporting verbs used after a quote, bare or with -nya ("kata", "ujarnya").
REPORT_VERBS: tuple[str, ...] = (
    "kata", "ujar", "ucap", "ungkap", "tutur", "jelas", "terang", "tegas", "papar", "beber", "sebut",
    "imbuh", "tambah", "lanjut", "sambung", "pungkas", "tandas", "tutup", "pesan", "bilang", "tukas",
    "urai", "kilah", "cetus", "seru", "timpal", "akui", "aku", "tanya", "jawab", "harap", "pinta", "ajak",
    "kenang", "klaim", "nilai", "simpul", "tegasnya", "tulis",
)
# me-/ber- forms that introduce speech ("X mengatakan, ..."), also used to find who is speaking.
SPEECH_VERBS: tuple[str, ...] = (
    "mengatakan", "menyatakan", "menegaskan", "menjelaskan", "menuturkan", "mengungkapkan", "mengungkap",
    "menambahkan", "menyebutkan", "menyebut", "menerangkan", "memaparkan", "membeberkan", "mebeberkan",
    "menyampaikan", "mengemukakan", "menekankan", "mengimbau", "mengingatkan", "meminta", "berharap",
    "mengaku", "membenarkan", "menilai", "mengklaim", "memastikan", "menanggapi", "menceritakan",
    "menguraikan", "menyoroti", "berpesan", "bertutur", "berujar", "berkata", "mewanti-wanti",
    "menandaskan", "melanjutkan", "menyarankan", "melarang", "menginstruksikan",
    "mengutarakan", "menjawab", "mempertanyakan", "membantah", "menepis",
    "mengonfirmasi", "mengkonfirmasi", "menyesalkan", "mengapresiasi", "mencontohkan", "merinci",
)
SPEECH_VERB_SET = frozenset(SPEECH_VERBS)

# Academic degrees, honorifics and religious titles: not part of a name.
TITLES = frozenset(
    w.lower()
    for w in (
        "dr", "dr.", "drs", "drs.", "dra", "dra.", "prof", "prof.", "h", "h.", "hj", "hj.", "ir", "ir.",
        "kh", "k.h.", "ust", "ustadz", "ustaz", "sh", "s.h.", "s.h", "mh", "m.h.", "m.h", "m.si",
        "msi", "m.si.", "s.pd", "s.pd.", "spd", "m.pd", "mpd", "s.sos", "s.sos.", "s.ip", "sip", "s.ip.",
        "mipol", "m.ipol", "se", "s.e.", "s.e", "mm", "m.m.", "m.m", "st", "s.t.", "s.kom", "m.kes",
        "s.ag", "ma", "m.a.", "lc", "sik", "s.i.k.", "s.i.k", "mba", "phd", "ph.d", "ph.d.", "skm",
        "s.kep", "ns", "amd", "a.md", "s.psi", "m.hum", "s.stp", "sstp", "m.ap", "map", "mpa", "msc",
        "m.sc", "bsc", "s.hut", "s.farm", "apt", "sp", "s.p", "mt", "m.t.", "m.t", "s.ked", "sp.a",
        "s.h.i", "shi", "m.h.i", "mhi", "s.th", "m.th", "dipl", "ak", "ak.", "cpa", "bapak", "ibu", "pak", "bu", "sdr",
        "saudara", "saudari", "tuan", "nyonya", "bang", "mas", "mbak", "kang", "teh", "bung", "kak",
        "ir.h.", "m.kn", "s.ikom", "m.ikom", "s.i.kom", "s.e.i", "m.e", "m.e.",
    )
)
# Abbreviated given names, written with a stop that ends neither the name nor the sentence ("Moch. Ilham").
NAME_ABBREVIATIONS = frozenset(("muh", "moh", "moch", "mochd", "mhd", "muhd", "abd", "ach"))
# Military and police ranks (and their corps suffixes): stripped from names.
RANKS = frozenset(
    w.lower()
    for w in (
        "jenderal", "jendral", "letjen", "mayjen", "brigjen", "kolonel", "kol", "kol.", "letkol",
        "mayor", "kapten", "lettu", "letda", "serma", "serka", "sertu", "serda", "kopda", "koptu",
        "praka", "pratu", "prada", "peltu", "pelda", "inf", "inf.", "kav", "arh", "czi", "cpl", "cku",
        "chb", "cba", "caj", "ckm", "cpm", "pnb", "tek", "kes", "pol", "pol.", "irjen", "kombes",
        "kombespol", "akbp", "kompol", "akp", "iptu", "ipda", "aiptu", "aipda", "bripka", "brigpol",
        "brigadir", "briptu", "bripda", "bharada", "bharatu", "bharaka", "marsma", "laksma",
        "laksda", "marsda", "marsdya", "laksdya", "laksamana", "marsekal", "komjen", "komjenpol",
        "irjenpol", "brigjenpol", "letnan", "sersan", "kopral", "(purn)", "(purn.)", "purn", "purn.",
    )
)

# Words that start a role phrase ("Ketua Bawaslu Kota Metro").
ROLE_HEADS = frozenset(
    w.lower()
    for w in (
        "ketua", "wakil", "kepala", "sekretaris", "koordinator", "kordiv", "komisioner", "anggota",
        "direktur", "dirjen", "deputi", "asisten", "staf", "plt", "plt.", "plh", "plh.", "pj", "pjs",
        "penjabat", "pejabat", "pelaksana", "walikota", "wali", "bupati", "wabup", "wawali", "gubernur",
        "wagub", "camat", "lurah", "menteri", "mendagri", "menpan", "menpanrb", "sekda", "sekjen",
        "inspektur", "jaksa", "kapolres", "kapolda", "kapolri", "kapolsek", "kasat", "dandim",
        "danramil", "danrem", "pangdam", "komandan", "kadiv", "kabid", "kabag", "kasubag", "kasubbag",
        "kasi", "karo", "kadis", "kadisdik", "kaban", "kasatpol", "rektor", "dekan", "dosen", "pengamat",
        "peneliti", "kuasa", "juru", "jubir", "tim", "kanreg", "kades", "kepsek", "guru", "bidan",
        "perwira", "pembina", "penasihat", "panglima", "kapuspen", "kabiro", "kapendam", "kasubdit",
        "kasubid", "kasubbid", "kakanwil", "kajari", "kajati", "ketum", "sekum", "bendahara",
        "koordinator", "direktorat", "divisi", "kasie", "pengurus", "presiden", "wapres", "pimpinan",
        "pelatih", "manajer", "pengacara", "advokat", "pakar", "dokter", "pemilik", "aktivis", "relawan",
        "kordinator", "ketua-ketua", "kapolsek", "kasatreskrim", "kabag", "sekcam", "kasubbag", "danlanal",
    )
)

# Capitalised words that are never part of a person's name.
_NON_NAME_WORDS = """
badan bidang bagian seksi sub subbag biro dinas kantor komisi komite majelis dewan lembaga panitia
pelaksana harian tugas sementara jenderal direktorat ahli hubungan antar masyarakat humas hukum data
informasi penanganan pelanggaran pencegahan partisipasi parstisipasi pengawasan pengawas pemilu
pemilihan umum penyelesaian sengketa konflik organisasi diklat sdm sumber daya manusia kepegawaian
pengembangan pendidikan kebudayaan kesehatan pemerintahan pemerintah politik kesatuan bangsa
kewaspadaan penilaian kinerja aparatur penghargaan sipil negara daerah provinsi kota kabupaten kab
kecamatan desa kelurahan dusun kementerian dalam negeri luar setda inspektorat pengadilan tinggi
kodim koramil korem kodam propam profesi pengamanan satpol pp regional balai unit pusat nasional
republik indonesia partai fraksi perwakilan rakyat persatuan cabang sekolah menengah atas pertama dasar
swasta madrasah puskesmas rumah sakit kepolisian resor sektor militer angkatan darat laut udara
prajurit personel pendayagunaan reformasi birokrasi keuangan pembangunan ekonomi perencanaan penanaman
modal pelayanan terpadu satu pintu perumahan permukiman pariwisata sosial perhubungan komunikasi
informatika kominfo lingkungan hidup pertanian perikanan kelautan perdagangan perindustrian tenaga kerja
transmigrasi kependudukan pencatatan keluarga berencana perempuan anak perlindungan pemberdayaan pemuda
olahraga agama wilayah kanwil madya fungsional administrator pemenangan bicara
sementara selain menurut dengan untuk namun kemudian hal ia dia mereka kami kita saat setelah
sebelumnya berdasarkan terkait adapun sedangkan bahkan oleh pada di ke dari ini itu para seluruh semua
baca juga lainnya berita bacaan senin selasa rabu kamis jumat jum'at sabtu minggu januari februari
maret april mei juni juli agustus september oktober november desember wib wita wit jalan jl gedung
aula hotel lapangan pendopo kompleks ruang masjid pilkada pemilu pileg pilpres pilwalkot pilwali
pilbup pilgub pemilukada paslon capres cawapres caleg cabup cawabup cawalkot cagub nomor urut tahun
pasal ayat undang peraturan keputusan surat edaran netralitas tak tidak oknum viral foto video
ilustrasi reporter editor penulis pewarta sumber yang bapak ibu sang pihak tersebut terbaru
kasus sanksi hukuman disiplin serentak kepala ketua wakil jadi apalagi sebab karena jika bila apabila
kalau agar supaya tetapi tapi sehingga selanjutnya lebih lanjut diketahui dikutip demikian sejumlah
sebanyak tercatat sepanjang selama sejak hingga sampai mulai pesta demokrasi rapat koordinasi
sosialisasi kegiatan acara upacara apel kesadaran tentang dan atau serta bersama ada
program gerakan mahkamah konstitusi bank kantor mabes polres polda polsek polri tni asn pns pppk
kpu bawaslu panwaslu panwascam gakkumdu kasn bkn bkd bkpsdm bkpp bksdm bpsdm kemendagri kemenpan
pemkab pemkot pemprov dprd dpr dpd kpk ombudsman kejaksaan kejari kejati sentra ppk pkd pps kpps
guru sekolah bupati walikota gubernur camat lurah kesbangpol bakesbangpol disdik disdikbud
kemenag kemenkes disdukcapil bappeda setwan diskominfo dinkes korwil rakor rakornas kemenpanrb
bp narasumber pembicara warga tokoh no nomor uu pp perpres permen perda perbup perwal koordinator sekretariat kepegawaian satgas kemenkumham kemenhan kementrian dinas komisi
paguyuban forum asosiasi perkumpulan himpunan ikatan serikat aliansi komunitas yayasan koperasi kelompok
dihubungi ditemui dikonfirmasi disampaikan dijelaskan ditegaskan dikatakan diungkapkan terpisah
""".split()
NON_NAME = frozenset(_NON_NAME_WORDS) | ROLE_HEADS

# Directions that follow a place name ("Jawa Tengah", "Sumba Timur").
DIRECTIONS = frozenset(("utara", "selatan", "timur", "barat", "tengah", "raya", "laut", "daya", "tenggara"))
# Place names that commonly sit between a role and a name. Not exhaustive; a heuristic fills the rest.
PLACES = frozenset(
    w.lower()
    for w in """
    aceh bali banten bengkulu gorontalo jambi lampung maluku papua riau jakarta yogyakarta jogja
    kaltim kalbar kalsel kalteng kaltara sulsel sulut sulteng sultra sulbar sumut sumbar sumsel jateng
    jatim jabar ntt ntb diy dki babel kepri medan surabaya bandung semarang makassar denpasar samarinda
    magelang metro palembang pekanbaru padang pontianak banjarmasin manado kupang mataram ambon jayapura
    serang cimahi bogor bekasi depok tangerang solo surakarta malang kediri blitar madiun cirebon tegal
    pekalongan purwokerto banyumas blora kudus jepara pati rembang demak klaten boyolali sragen wonogiri
    karanganyar sukoharjo purworejo kebumen wonosobo temanggung purbalingga banjarnegara cilacap brebes
    pemalang batang kendal salatiga grobogan sampang bangkalan pamekasan sumenep sleman bantul kulon
    progo gunungkidul palopo wakatobi kendari bau-bau manggarai ruteng bajo sumba sarolangun kerinci
    bangli badung gianyar klungkung karangasem buleleng tabanan jembrana kaltim berau ciamis pandeglang
    banjar garut tasik tasikmalaya sukabumi cianjur karawang purwakarta subang indramayu majalengka
    kuningan sumedang bengkalis kampar siak lebak cilegon mesuji tulungagung trenggalek ponorogo pacitan
    ngawi magetan nganjuk jombang mojokerto sidoarjo gresik lamongan tuban bojonegoro probolinggo
    pasuruan lumajang jember bondowoso situbondo banyuwangi melawi sambas ketapang sintang kapuas
    bontang balikpapan kutai paser tarakan nunukan bulukumba gowa maros bone wajo pinrang sidrap luwu
    toraja enrekang bantaeng jeneponto takalar selayar muna buton konawe kolaka bima dompu sumbawa
    lombok flores ende sikka ngada nagekeo lembata alor belu malaka kutai kartanegara tulang bawang deli
    serdang muara enim ogan komering tanah bumbu hulu sungai musi banyuasin labuhan bangka belitung pesawaran
    tanggamus pringsewu kepulauan mamuju polewali majene pangkep barru soppeng sinjai minahasa bolaang
    mongondow halmahera sorong merauke mimika nabire bintan karimun natuna lingga anambas rokan indragiri
    pelalawan kuantan singingi dharmasraya pasaman solok sijunjung agam tapanuli nias simalungun asahan
    langkat karo dairi pakpak humbang mandailing natal bireuen pidie nagan simeulue gayo lues tamiang
    """.split()
)
# Words that introduce a place ("Kota Medan", "Kecamatan Japah").
PLACE_INTRO = frozenset(("kota", "kabupaten", "kab", "kab.", "provinsi", "prov", "prov.", "kecamatan",
                         "desa", "kelurahan", "dusun", "kampung", "nagari", "distrik"))
# Organisations and regional offices after which a place name may follow directly ("Bawaslu Blora").
ORG_BEFORE_PLACE = frozenset(
    w.lower()
    for w in """bawaslu panwaslu panwas kpu bkd bkpsdm bkpp bksdm bkppd bpsdm kesbangpol bakesbangpol
    inspektorat pemkab pemkot pemprov polres polda kodim korem kejari dprd disdik disdikbud sekda
    bupati walikota wali gubernur camat lurah wabup wawali wagub kapolres dandim kajari setda kanreg
    pgri kasn bkn""".split()
)

# Honorific or pronoun references to an already-named speaker.
PRONOUNS = frozenset(("dia", "ia", "beliau", "dirinya"))

TERMINAL_PUNCT = ".!?…"

WORD_RE = re.compile(r"\w+", re.UNICODE)
