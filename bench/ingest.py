"""Ingest rate: articles per second stored through the crawler's store layer into PostgreSQL (batched).

Run: .venv/bin/python bench/ingest.py [--articles 5000] [--batch 200] [--json out.json]

HTTP is bypassed: replica articles (`generate_articles`, each body made unique, its page rendered by the
replica for raw_pages) are fed straight into what StorePipeline does after extraction, in batches of
PANTAU_WRITE_BATCH (200): content hash + row building, zlib of the raw page and `CrawlStore.write`
(articles, raw_pages and seen_urls, one transaction per batch). Two measurements, each on a fresh
throw-away database: "pipeline" (hash + rows + zlib + write) and "write" (`CrawlStore.write` alone,
rows and zlib prepared beforehand). Target: >= 2,000 articles/s.
"""

from __future__ import annotations

import argparse
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import _common

OUTLET = "magelangekspres"
TARGET = 2000.0
BASE_URL = "http://127.0.0.1:8"


@dataclass(frozen=True)
class Prepared:
    url: str
    title: str
    published: datetime
    authors: list[str]
    body: str
    tags: list[str]
    category: str | None
    html: bytes


def prepare(n: int, seed: int) -> list[Prepared]:
    from crawler.testing import ReplicaSite, generate_articles

    articles = generate_articles(OUTLET, n, seed=seed)
    site = ReplicaSite(OUTLET, articles)
    out = []
    for i, entry in enumerate(site.entries):
        reply = site.render("GET", entry.path, BASE_URL)
        html = reply.body if isinstance(reply.body, bytes) else reply.body.encode("utf-8")
        a = entry.article
        body = "\n\n".join((*a.paragraphs, f"Berita ini adalah tulisan nomor {i} dalam arsip redaksi."))
        out.append(Prepared(BASE_URL + entry.path, a.title, a.published, list(a.authors), body, list(a.tags),
                            a.category, html))
    return out


def rows_for(items: list[Prepared], run_id: int, compress: bool) -> list[Any]:
    """What StorePipeline._row + _compress_and_write make of an article (same columns)."""
    from crawler.pipelines import _content_hash, compress_page
    from crawler.store import ArticleRow
    from monitor.text.urls import canonical_url, url_key

    rows = []
    for item in items:
        canonical, key = canonical_url(item.url), url_key(item.url)
        values = {
            "canonical_url": canonical, "url_hash": key, "outlet_key": OUTLET, "title": item.title,
            "published_at": item.published, "authors": item.authors, "body": item.body, "page_count": 1,
            "tags": item.tags, "category": item.category, "content_hash": _content_hash(item.body),
            "provenance": {"title": "outlet", "body": "outlet"}, "relevant": True, "relevance_score": None,
            "crawl_run_id": run_id, "state": "new",
        }
        html = compress_page(item.html) if compress else item.html
        pages = ({"page_no": 1, "url": item.url, "http_status": 200, "encoding": "utf-8", "html_zlib": html},)
        rows.append(ArticleRow(key, canonical, values, pages))
    return rows


def measure(database_url: str, items: list[Prepared], batch: int, mode: str) -> dict[str, Any]:
    from crawler.store import CrawlStore

    store = CrawlStore(database_url, OUTLET)
    state = store.begin("Magelang Ekspres", "disway", BASE_URL, None)
    batches = [items[i:i + batch] for i in range(0, len(items), batch)]
    ready = [rows_for(chunk, state.run_id, compress=True) for chunk in batches] if mode == "write" else []
    inserted = duplicates = 0
    started = time.perf_counter()
    cpu = time.process_time()
    for i, chunk in enumerate(batches):
        rows = ready[i] if mode == "write" else rows_for(chunk, state.run_id, compress=True)
        result = store.write(rows, [])
        inserted += result.inserted
        duplicates += result.duplicates
    seconds = time.perf_counter() - started
    cpu = time.process_time() - cpu
    store.close()
    return {"mode": mode, "articles": len(items), "batch": batch, "inserted": inserted, "duplicates": duplicates,
            "seconds": round(seconds, 2), "articles_per_s": round(inserted / seconds, 1),
            "client_cpu_ms_per_article": round(1000 * cpu / max(len(items), 1), 3)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--batch", type=int, default=200)
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--profile", action="store_true", help="print a cProfile top 15 of the pipeline path")
    _common.add_common_arguments(parser)
    args = parser.parse_args(argv)
    print(f"ingest: {args.articles} articles in batches of {args.batch}; {_common.machine_line()}")
    started = time.perf_counter()
    items = prepare(args.articles, args.seed)
    print(f"prepared {len(items)} articles and their pages in {time.perf_counter() - started:.1f} s "
          f"(average page {sum(len(i.html) for i in items) // max(len(items), 1):,} bytes)")
    rows = []
    with _common.server_url(args.database_url) as admin:
        for mode in ("pipeline", "write"):
            with _common.temp_database(admin) as url:
                rows.append(measure(url, items, args.batch, mode))
        if args.profile:
            import cProfile
            import pstats

            with _common.temp_database(admin) as url:
                profiler = cProfile.Profile()
                profiler.runcall(measure, url, items, args.batch, "pipeline")
            print("\npipeline path under cProfile, top 15 by own time (client side only):")
            pstats.Stats(profiler).sort_stats("tottime").print_stats(15)
    columns = ["mode", "articles", "batch", "inserted", "duplicates", "seconds", "articles_per_s",
               "client_cpu_ms_per_article"]
    print()
    _common.print_table(columns, [[row[c] for c in columns] for row in rows])
    rate = rows[0]["articles_per_s"]
    print(f"\npipeline path: {rate:,.0f} articles/s (target >= {TARGET:,.0f}: {'met' if rate >= TARGET else 'MISSED'})")
    _common.write_json(args.json, "ingest", {"runs": rows, "target": TARGET,
                                             "measured_at": datetime.now(UTC).isoformat(timespec="seconds")})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
