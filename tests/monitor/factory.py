"""Invented Indonesian news texts and article rows for the monitor tests (no real outlet text)."""

from __future__ import annotations

import hashlib
import random
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from monitor.db.models import Article, Outlet
from monitor.stories import content_hash

NOW = datetime(2026, 11, 20, 8, 0, tzinfo=UTC)

OUTLETS = ("magelangekspres", "radarmetro", "diksi")

NAMES = ("Sutarno Wibisono", "Rahmat Hidayat", "Endang Susilowati", "Bambang Priyono", "Yuliana Marpaung",
         "Agus Setiawan", "Dewi Kartikasari", "Heri Kuswanto", "Siti Maesaroh", "Fajar Nugroho",
         "Lukman Hakim", "Ratna Sari", "Joko Santoso", "Wahyu Ardianto", "Nur Aini")
ROLES = ("Ketua Bawaslu", "Kepala BKPSDM", "Sekretaris Daerah", "Inspektur Daerah", "Bupati", "Wali Kota",
         "Kepala Dinas Pendidikan", "Camat", "Anggota Panwascam", "Kepala Bagian Hukum")
PLACES = ("Kabupaten Magelang", "Kota Metro", "Lampung Timur", "Samarinda", "Kutai Kartanegara", "Badung",
          "Gianyar", "Kota Bekasi", "Temanggung", "Wonosobo", "Pringsewu", "Tabanan")
WHAT = ("menghadiri deklarasi pasangan calon", "mengunggah foto kampanye di media sosial",
        "membagikan tautan kampanye di grup percakapan", "berfoto dengan pose jari simbol pasangan calon",
        "menjadi anggota tim pemenangan", "memberi tanda suka pada unggahan calon bupati",
        "ikut dalam rapat relawan partai", "memasang spanduk calon di depan rumahnya")
TOPICS = ("apel kesiapsiagaan", "rapat koordinasi pengawasan", "sosialisasi surat keputusan bersama",
          "penandatanganan pakta integritas", "bimbingan teknis pengawas kelurahan", "forum warga",
          "evaluasi laporan masyarakat", "pelatihan saksi", "rapat pleno", "kunjungan kerja")

SENTENCES = (
    "{name}, {role} {place}, meminta seluruh aparatur sipil negara menjaga netralitas menjelang pemungutan suara.",
    "Dalam {topic} di aula kantor {place}, {name} mengingatkan {n} pegawai agar tidak {what}.",
    "Sebanyak {n} laporan dugaan pelanggaran netralitas masuk ke posko pengaduan sejak awal bulan.",
    "Pengawas kecamatan di {place} mencatat {n} unggahan yang diduga melanggar aturan kampanye.",
    "{role} {place} mengaku telah menerima berkas klarifikasi dari {n} kepala sekolah dan guru.",
    "Warga dapat melapor melalui kanal pengaduan daring yang dibuka selama {n} hari.",
    "Menurut {name}, pejabat yang {what} dapat diperiksa oleh tim gabungan.",
    "Kegiatan {topic} itu diikuti camat, lurah dan kepala desa dari {n} kecamatan.",
    "Pemeriksaan terhadap seorang kepala bidang yang diduga {what} masih berlangsung pekan ini.",
    "Ia menyebut pengawasan di {place} diperketat hingga masa tenang berakhir.",
    "Selain itu, tim juga menyisir akun media sosial {n} pejabat eselon di lingkungan pemerintah daerah.",
    "Hasil {topic} akan dilaporkan kepada pimpinan daerah dalam waktu {n} hari kerja.",
    "Panitia menyiapkan {n} titik pengawasan tambahan di wilayah {place}.",
    "Rekap sementara menunjukkan {n} kasus masih menunggu keterangan saksi.",
)


def news_text(rng: random.Random, sentences: int = 8) -> str:
    """A short invented article: sentences drawn from the pool with random names, places and numbers."""
    parts = []
    for template in rng.sample(SENTENCES, sentences):
        parts.append(
            template.format(
                name=rng.choice(NAMES), role=rng.choice(ROLES), place=rng.choice(PLACES),
                topic=rng.choice(TOPICS), what=rng.choice(WHAT), n=rng.randint(2, 400),
            )
        )
    quote = rng.choice(NAMES)
    parts.insert(
        2,
        f'"Kami sudah memanggil {rng.randint(2, 90)} pegawai di {rng.choice(PLACES)} yang diduga '
        f'{rng.choice(WHAT)}," kata {quote}.',
    )
    return " ".join(parts)


def republished(rng: random.Random, body: str) -> str:
    """Another outlet's copy: the same text with a few words changed and a closing line added."""
    words = body.split()
    for _ in range(3):
        words[rng.randrange(len(words))] = rng.choice(("pun", "itu", "lagi", "juga", "sudah"))
    return " ".join(words) + f" ({rng.choice(('red', 'ant', 'jpnn', 'rls'))}/{rng.randint(1, 999)})"


def add_outlets(session: Session) -> None:
    for key in OUTLETS:
        session.add(Outlet(key=key, name=key.title(), platform="wordpress", base_url=f"https://{key}.example"))
    session.flush()


def article_values(
    outlet: str, title: str | None, body: str, published: datetime | None = NOW, fetched: datetime | None = None
) -> dict[str, Any]:
    url = f"https://{outlet}.example/berita/{hashlib.sha1(f'{title}{body}'.encode()).hexdigest()[:12]}"
    return {
        "canonical_url": url,
        "url_hash": hashlib.sha1(url.encode()).hexdigest(),
        "outlet_key": outlet,
        "title": title,
        "body": body,
        "content_hash": content_hash(body),
        "published_at": published,
        "fetched_at": fetched or (published + timedelta(hours=1) if published else NOW),
        "state": "new",
    }


def add_articles(session: Session, rows: list[dict[str, Any]]) -> list[int]:
    """Insert rows as the pipeline would (state 'new'); returns their ids in order."""
    result = session.execute(insert(Article).returning(Article.id, sort_by_parameter_order=True), rows)
    return list(result.scalars())


def corpus(seed: int, count: int, copies_every: int = 10, sentences: int = 8) -> list[dict[str, Any]]:
    """`count` article rows; every `copies_every`-th is another outlet's copy of the one before it."""
    rng = random.Random(seed)
    rows: list[dict[str, Any]] = []
    for i in range(count):
        if copies_every and i % copies_every == copies_every - 1:
            prev = rows[-1]
            rows.append(article_values(OUTLETS[(i + 1) % 3], f"Salinan: {prev['title']}",
                                       republished(rng, prev["body"]), prev["published_at"]))
            continue
        published = NOW - timedelta(days=rng.randint(0, 60), hours=rng.randint(0, 23))
        rows.append(article_values(OUTLETS[i % 3], f"Berita netralitas ASN nomor {i}", news_text(rng, sentences),
                                   published))
    return rows


SANCTION_BODY = (
    "Bupati Temanggung menjatuhkan hukuman disiplin berupa penundaan kenaikan pangkat selama satu tahun "
    "kepada dua camat yang terbukti hadir dalam deklarasi pasangan calon bupati. Keputusan itu diambil "
    "setelah Bawaslu Temanggung meneruskan rekomendasi pelanggaran netralitas ASN kepada pejabat pembina "
    "kepegawaian pada awal pekan. "
    '"Keduanya sudah menerima surat keputusan hukuman disiplin dan kami minta tidak mengulangi lagi," '
    "kata Kepala BKPSDM Temanggung Sutarno Wibisono, Rabu (19/11). "
    "Ia menambahkan, pemeriksaan terhadap kedua camat dilakukan oleh inspektorat selama dua pekan. "
    "Sanksi tersebut mengacu pada Peraturan Pemerintah Nomor 94 Tahun 2021 tentang Disiplin PNS."
)
