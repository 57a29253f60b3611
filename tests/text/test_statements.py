"""Quotation patterns: attribution after, before and around the quote; names, titles, ranks, pronouns."""

from __future__ import annotations

from monitor.text.statements import Statement, extract_statements


def _one(text: str) -> Statement:
    found = [s for s in extract_statements(text) if s.kind == "direct"]
    assert len(found) == 1, found
    return found[0]


def test_attribution_after_quote_resolves_short_name_and_strips_titles() -> None:
    text = (
        "Bupati Kebumen dr H. Arif Sugiyanto, M.Si meminta ASN menjaga jarak dari politik praktis.\n"
        '"ASN harus melayani semua warga tanpa membeda-bedakan pilihan politik," kata Arif, Senin (2/9/2024).'
    )
    st = _one(text)
    assert st.speaker == "Arif Sugiyanto"
    assert st.role == "Bupati Kebumen"
    assert st.verb == "kata"
    assert st.quote.startswith("ASN harus melayani") and not st.quote.endswith(",")


def test_attribution_before_quote_and_pronoun_follow_up() -> None:
    text = (
        "Ketua Bawaslu Kota Metro, Siti Nurjanah mengatakan, “Pengawasan media sosial kami perketat.”\n"
        "Ia menambahkan, laporan warga akan segera ditindaklanjuti.\n"
        "“Kami tidak ingin ada ASN yang terjebak unggahan kampanye,” ujarnya."
    )
    first, second = [s for s in extract_statements(text) if s.kind == "direct"]
    assert (first.speaker, first.verb) == ("Siti Nurjanah", "mengatakan")
    assert first.role == "Ketua Bawaslu Kota Metro"
    assert (second.speaker, second.verb) == ("Siti Nurjanah", "ujarnya")


def test_quote_interrupted_by_attribution_is_one_statement() -> None:
    st = _one('"Sanksi sudah kami jatuhkan," kata Sekda Sleman Harda Kiswaya, "agar menjadi pelajaran bagi semua."')
    assert st.quote == "Sanksi sudah kami jatuhkan agar menjadi pelajaran bagi semua."
    assert st.speaker == "Harda Kiswaya"


def test_quote_over_two_paragraphs_is_one_statement() -> None:
    text = (
        "Kepala BKD Sulsel, Andi Mappatoba menjelaskan aturan netralitas.\n"
        '"Yang pertama, ASN tidak boleh ikut kampanye.\n'
        '"Yang kedua, ASN tidak boleh memberi like pada unggahan calon," jelasnya.'
    )
    st = _one(text)
    assert st.quote == "Yang pertama, ASN tidak boleh ikut kampanye.\nYang kedua, ASN tidak boleh memberi like pada unggahan calon"
    assert st.speaker == "Andi Mappatoba"


def test_role_only_reference_resolves_to_the_holder_and_ranks_are_stripped() -> None:
    text = (
        "Komandan Kodim (Dandim) 0707/Wonosobo Letkol Inf. Rudi Hartanto mengingatkan prajurit.\n"
        '"Prajurit dilarang berfoto dengan calon," kata Dandim di Makodim.'
    )
    st = _one(text)
    assert st.speaker == "Rudi Hartanto"


def test_missing_marks_do_not_lose_the_statement() -> None:
    opening_missing = (
        "Kepala Kesbangpol Banjar, Yusran Effendi hadir dalam sosialisasi.\n"
        'Kami akan memantau semua kegiatan kampanye di kantor pemerintahan," tegas Yusran.'
    )
    assert _one(opening_missing).speaker == "Yusran Effendi"
    closing_missing = (
        "Ketua Panwascam Ruteng, Yohanes Jehadu berbicara di depan peserta.\n"
        '"ASN wajib netral dalam setiap tahapan pemilihan, katanya saat sosialisasi.'
    )
    st = _one(closing_missing)
    assert st.quote == "ASN wajib netral dalam setiap tahapan pemilihan"
    assert (st.speaker, st.verb) == ("Yohanes Jehadu", "katanya")


def test_unattributed_and_scare_quotes_are_not_statements() -> None:
    text = (
        "Bawaslu menyebut praktik 'serangan fajar' dan \"politik uang\" masih marak.\n"
        '"Kami minta semua pihak waspada."\n'
        "Diketahui, pemungutan suara digelar bulan depan."
    )
    assert extract_statements(text) == []


def test_indirect_speech_is_marked_indirect() -> None:
    text = (
        "Wali Kota Magelang dr Muchlis Hadi melarang ASN berpolitik praktis.\n"
        "Menurut Muchlis, netralitas ASN adalah kewajiban yang tidak bisa ditawar.\n"
        '"Kalau mau berpolitik, silakan mundur," tandasnya.'
    )
    indirect, direct = extract_statements(text)
    assert (indirect.kind, indirect.speaker, indirect.verb) == ("indirect", "Muchlis Hadi", "Menurut")
    assert indirect.quote == "netralitas ASN adalah kewajiban yang tidak bisa ditawar"
    assert (direct.kind, direct.speaker) == ("direct", "Muchlis Hadi")


def test_pronoun_resolves_to_the_subject_opening_its_paragraph() -> None:
    text = (
        "Ketua Bawaslu Kota Lestari, Agnes Widuri, mengatakan kajian kasus lurah itu sudah selesai.\n"
        "“Kami tidak menemukan unsur pelanggaran,” kata Agnes, Rabu (4/12/2024).\n"
        "Lurah Sidomulyo, Hendra Gunawan Putra, dilaporkan warga pekan lalu.\n"
        "Sementara itu, Hendra menyambut baik hasil kajian tersebut. “Saya lega, nama saya bersih kembali,” ujarnya."
    )
    first, second = [s for s in extract_statements(text) if s.kind == "direct"]
    assert first.speaker == "Agnes Widuri"
    assert second.speaker == "Hendra Gunawan Putra"


def test_person_named_by_initials_and_attribution_in_the_next_sentence() -> None:
    text = (
        "Bawaslu memanggil seorang kepala sekolah berinisial RM untuk klarifikasi.\n"
        "Ketua Bawaslu Kabupaten Arga, Yohanes Bria, mengatakan pemeriksaan masih berjalan.\n"
        '"Saya hanya mengingatkan guru agar datang ke TPS," kata RM usai diperiksa.\n'
        '"Kami belum menyimpulkan apa pun. Semua pihak kami dengar." Yohanes Bria mengatakan hal itu di kantornya.\n'
        "“Prosesnya kami jaga tetap terbuka.” Demikian disampaikan Yohanes Bria kepada wartawan."
    )
    first, second, third = [s for s in extract_statements(text) if s.kind == "direct"]
    assert (first.speaker, first.verb) == ("RM", "kata")
    assert (second.speaker, second.verb) == ("Yohanes Bria", "mengatakan")
    assert (third.speaker, third.verb) == ("Yohanes Bria", "disampaikan")


def test_abbreviated_given_names_balinese_names_and_written_replies() -> None:
    text = (
        "Bupati Tabanan Asri I Nyoman Sudarsana, S.H. mengingatkan ASN agar netral.\n"
        "“Jangan main-main dengan netralitas,” kata Sudarsana.\n"
        "Pelapor, Moch. Ilham Saputra, menyerahkan bukti video ke Bawaslu.\n"
        "“Buktinya lengkap,” tulis Ilham melalui pesan singkat."
    )
    first, second = [s for s in extract_statements(text) if s.kind == "direct"]
    assert first.speaker == "I Nyoman Sudarsana"
    assert (second.speaker, second.verb) == ("Moch. Ilham Saputra", "tulis")


def test_pronoun_openers_keep_the_speaker_and_a_quote_paragraph_follows_its_subject() -> None:
    text = (
        "Kepala BKD Kota Lestari, Maria Goreti Lalu, mengatakan SK hukuman sudah diserahkan.\n"
        "Ia menambahkan, selama masa hukuman Yosef tetap bekerja. “Gajinya tetap dibayar,” jelasnya.\n"
        "Di sisi lain, YK membantah berkampanye. Kepada wartawan, ia mengaku hanya diajak berfoto.\n"
        "“Saya tidak tahu ada calon di situ,” ujarnya.\n"
        "Kasat Reskrim, AKP Bima Sakti Pratama, menuturkan perkara lain masih diperiksa."
    )
    text = text.replace("Di sisi lain, YK", "Kepala seksi berinisial YK dilaporkan warga.\nDi sisi lain, YK")
    first, second = [s for s in extract_statements(text) if s.kind == "direct"]
    assert (first.speaker, first.verb) == ("Maria Goreti Lalu", "jelasnya")
    assert second.speaker == "YK"


def test_a_place_name_after_a_rank_is_a_given_name() -> None:
    text = 'Kasat Reskrim Polres Jelai, AKP Bima Sakti Pratama, memimpin penyidikan.\n"Kami bekerja cepat," ujar Bima.'
    assert _one(text).speaker == "Bima Sakti Pratama"


def test_lower_case_roles_before_the_name_and_a_place_inside_a_role() -> None:
    text = (
        "Pj Bupati Gunung Kembar, Dr. Yusuf Hakim Pratama, M.Si., memimpin apel.\n"
        '"Bukti sudah kami serahkan," kata koordinator forum pemantau, Zulhendri Amir.\n'
        '"Netralitas itu kewajiban," ujar anggota Bawaslu Sinar Laut, Yohana Bulan Laing, Jumat (8/11/2024).\n'
        "“ASN harus menjaga jarak yang sama.” Demikian ditegaskan Pj Bupati dalam amanatnya.\n"
        "Dihubungi terpisah, Kepala BKD, Arif Santoso Wibowo, menyatakan menghormati putusan itu.\n"
        '"Kami jalankan," katanya.'
    )
    got = [(s.speaker, s.role) for s in extract_statements(text) if s.kind == "direct"]
    assert got == [
        ("Zulhendri Amir", "koordinator forum pemantau"),
        ("Yohana Bulan Laing", "anggota Bawaslu Sinar Laut"),
        ("Yusuf Hakim Pratama", "Pj Bupati Gunung Kembar"),
        ("Arif Santoso Wibowo", "Kepala BKD"),
    ]
