"""Crawl throughput: Pantau's spider + pipeline against a plain Scrapy spider over the same replica site.

Run: .venv/bin/python bench/crawl_throughput.py [--articles 2000] [--repeats 3] [--profile] [--json out.json]

One Disway replica (magelangekspres, `generate_articles`) with --articles articles is served by
`python -m crawler.testing serve` in its own process (so it does not share the crawler's GIL); its CPU
time is measured per crawl. Each repetition runs, in child processes:
  plain   a plain Scrapy spider from the same start points, following listing, pagination and article
          links, reading title, date and body with CSS selectors, storing nothing;
  pantau  `crawler.run`'s code path (spider + StorePipeline) on a fresh throw-away database: a full
          back-fill of the site; meanwhile a `process_pending` loop in another process (the monitor's
          processing: relevance, statements, sanctions, stories) drains the queue.
Both use the same concurrency (16 requests, 16 per domain), no download delay, no AutoThrottle and no
robots.txt (politeness settings are switched off for the measurement only). pages/s = responses /
Scrapy's elapsed_time_seconds. Target: Pantau >= 0.8x plain. --profile adds one Pantau run under
cProfile (extraction run inline instead of in threads, so that it is visible) and prints the top 15.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import _common
import psutil

OUTLET = "magelangekspres"
CONCURRENCY = 16
TARGET_RATIO = 0.8
SCRAPY_OVERRIDES: dict[str, Any] = {
    "CONCURRENT_REQUESTS": CONCURRENCY,
    "CONCURRENT_REQUESTS_PER_DOMAIN": CONCURRENCY,
    "CONCURRENT_ITEMS": 8,  # as in crawler/settings.py, for both spiders
    "DOWNLOAD_DELAY": 0,
    "AUTOTHROTTLE_ENABLED": False,
    "ROBOTSTXT_OBEY": False,
    "COOKIES_ENABLED": False,
    "TELNETCONSOLE_ENABLED": False,
    "LOG_LEVEL": "WARNING",
}


# -- child processes ------------------------------------------------------------------------------------
def plain_spider_class() -> Any:
    import scrapy

    class PlainSpider(scrapy.Spider):  # type: ignore[misc]
        """Reads title, date and body with CSS selectors; stores nothing."""

        name = "plain"

        def __init__(self, base_url: str, **kwargs: Any) -> None:
            super().__init__(**kwargs)
            self.base_url = base_url
            self.start_urls = [
                f"{base_url}/rss", f"{base_url}/", f"{base_url}/kategori/pemerintahan",
                f"{base_url}/kategori/politik", f"{base_url}/search/kata/?c=netralitas+ASN",
                f"{base_url}/search/kata/?c=netralitas",
            ]

        def parse(self, response: Any) -> Any:
            if "/read/" in response.url:
                yield {
                    "title": response.css("h1::text").get(),
                    "date": response.css("span.date::text").get(),
                    "body": "\n".join(response.css("div.post.text-black-1 p::text").getall()),
                }
                for href in response.css("ul.pagination a[data-ci-pagination-page]::attr(href)").getall():
                    yield response.follow(href, self.parse)
                return
            if response.url.endswith("/rss"):
                for link in response.xpath("//item/link/text()").getall():
                    yield response.follow(link.strip(), self.parse)
                return
            for href in response.css("a::attr(href)").getall():
                if "/read/" in href or "/kategori/" in href or "/listtag/" in href:
                    yield response.follow(href, self.parse)

    return PlainSpider


def worker(kind: str, base_url: str, database_url: str | None, out: Path, profile: bool) -> int:
    """Run one crawl in this process and write its stats and resource usage to `out`."""
    import resource

    from scrapy.crawler import CrawlerProcess

    if kind == "plain":
        process = CrawlerProcess({**SCRAPY_OVERRIDES, "REQUEST_FINGERPRINTER_IMPLEMENTATION": "2.7"})
        crawler = process.create_crawler(plain_spider_class())
        process.crawl(crawler, base_url=base_url)
    else:
        from crawler.settings import scrapy_settings
        from monitor.settings import load_settings

        settings = load_settings()
        process = CrawlerProcess({**scrapy_settings(settings, database_url=database_url), **SCRAPY_OVERRIDES})
        crawler = process.create_crawler(OUTLET)
        process.crawl(crawler)
    profiler = None
    if profile:
        import cProfile

        from twisted.internet import defer, threads

        threads.deferToThread = lambda f, *a, **kw: defer.maybeDeferred(f, *a, **kw)  # type: ignore[assignment]
        profiler = cProfile.Profile()
        profiler.enable()
    process.start()
    if profiler is not None:
        profiler.disable()
        profiler.dump_stats(str(out.with_suffix(".prof")))
    usage = resource.getrusage(resource.RUSAGE_SELF)
    stats = crawler.stats.get_stats() if crawler.stats is not None else {}
    out.write_text(json.dumps({
        "stats": {k: v for k, v in stats.items() if isinstance(v, int | float | str)},
        "cpu_seconds": usage.ru_utime + usage.ru_stime,
    }), encoding="utf-8")
    return 0


def processing_worker(database_url: str, stop_file: Path, out: Path) -> int:
    """Drain the articles queue while the crawl runs; stop once `stop_file` exists and the queue is empty."""
    import resource

    from monitor.db.session import make_engine, make_sessionmaker
    from monitor.processing import process_pending
    from monitor.settings import load_settings

    settings = load_settings()
    engine = make_engine(database_url, pool_size=2)
    sessions = make_sessionmaker(engine)
    done, busy_seconds, drained_at = 0, 0.0, 0.0
    crawl_done_at = None
    while True:
        if crawl_done_at is None and stop_file.exists():
            crawl_done_at = time.monotonic()
        started = time.monotonic()
        n = process_pending(sessions, settings)
        done += n
        if n:
            busy_seconds += time.monotonic() - started
            drained_at = time.monotonic()
        elif crawl_done_at is not None:
            break
        else:
            time.sleep(0.2)
    engine.dispose()
    usage = resource.getrusage(resource.RUSAGE_SELF)
    lag = max(0.0, drained_at - crawl_done_at) if crawl_done_at is not None else 0.0
    out.write_text(json.dumps({"processed": done, "busy_seconds": busy_seconds, "lag_after_crawl": lag,
                               "cpu_seconds": usage.ru_utime + usage.ru_stime}), encoding="utf-8")
    return 0


# -- the driver ---------------------------------------------------------------------------------------
def start_replica(articles: int) -> tuple[subprocess.Popen[str], str]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "crawler.testing", "serve", "--port-base", "0", "--articles", str(articles),
         "--outlets", OUTLET],
        stdout=subprocess.PIPE, text=True, cwd=_common.ROOT,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline().strip()
    if "=" not in line:
        proc.terminate()
        raise SystemExit(f"the replica did not start: {line!r}")
    return proc, line.split("=", 1)[1]


def child_env(base_url: str, database_url: str | None, workdir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PANTAU_") and k != "DATABASE_URL"}
    env.update({
        f"PANTAU_{OUTLET.upper()}_BASE_URL": base_url, "PANTAU_BACKFILL_SINCE": "800",
        "PANTAU_DATA_DIR": str(workdir / "data"), "PANTAU_LOG_LEVEL": "WARNING",
        "PANTAU_DOWNLOAD_DELAY": "0", "PANTAU_AUTOTHROTTLE": "false", "PANTAU_OBEY_ROBOTS": "false",
        "PANTAU_CONCURRENT_REQUESTS_PER_DOMAIN": str(CONCURRENCY), "PYTHONPATH": str(_common.ROOT),
    })
    if database_url:
        env["DATABASE_URL"] = database_url
    return env


def crawl(kind: str, base_url: str, server: psutil.Process, workdir: Path, database_url: str | None = None,
          *, processing: bool = False, profile: bool = False) -> dict[str, Any]:
    out = workdir / f"{kind}-{time.monotonic_ns()}.json"
    env = child_env(base_url, database_url, workdir)
    cmd = [sys.executable, __file__, "--worker", kind, "--base-url", base_url, "--out", str(out)]
    if database_url:
        cmd += ["--worker-database-url", database_url]
    if profile:
        cmd.append("--profile-worker")
    proc_out, stop_file, proc = workdir / f"processing-{time.monotonic_ns()}.json", workdir / "crawl-done", None
    stop_file.unlink(missing_ok=True)
    if processing and database_url:
        proc = subprocess.Popen([sys.executable, __file__, "--processing-worker", "--worker-database-url",
                                 database_url, "--out", str(proc_out), "--stop-file", str(stop_file)], env=env)
    server_cpu = sum(server.cpu_times()[:2])
    started = time.monotonic()
    subprocess.run(cmd, env=env, check=True)
    wall = time.monotonic() - started
    server_cpu = sum(server.cpu_times()[:2]) - server_cpu
    result = json.loads(out.read_text(encoding="utf-8"))
    stats = result["stats"]
    pages = int(stats.get("downloader/response_count", 0))
    elapsed = float(stats.get("elapsed_time_seconds") or wall)
    row: dict[str, Any] = {
        "kind": kind, "pages": pages, "elapsed_s": round(elapsed, 2), "pages_per_s": round(pages / elapsed, 1),
        "items": int(stats.get("item_scraped_count", 0)), "crawler_cpu_s": round(result["cpu_seconds"], 2),
        "server_cpu_s": round(server_cpu, 2), "server_ms_per_page": round(1000 * server_cpu / max(pages, 1), 2),
        "process_wall_s": round(wall, 2), "new_articles": stats.get("pantau/new_articles"),
        "errors": int(stats.get("log_count/ERROR", 0)), "profile": str(out.with_suffix(".prof")) if profile else None,
    }
    if proc is not None:
        stop_file.touch()
        proc.wait(timeout=600)
        info = json.loads(proc_out.read_text(encoding="utf-8"))
        row.update({"processed": info["processed"], "processing_cpu_s": round(info["cpu_seconds"], 2),
                    "processing_lag_s": round(info["lag_after_crawl"], 2)})
    return row


def print_profile(path: str, top: int = 15) -> None:
    import pstats

    print(f"\nPantau crawl under cProfile (extraction inline), top {top} by own time:")
    pstats.Stats(path).sort_stats("tottime").print_stats(top)
    print(f"top {top} by cumulative time:")
    pstats.Stats(path).sort_stats("cumulative").print_stats(top)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--no-processing", action="store_true", help="do not run the processing worker")
    parser.add_argument("--profile", action="store_true", help="one more Pantau run under cProfile")
    _common.add_common_arguments(parser)
    parser.add_argument("--worker", choices=("plain", "pantau"), help=argparse.SUPPRESS)
    parser.add_argument("--processing-worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--base-url", help=argparse.SUPPRESS)
    parser.add_argument("--worker-database-url", help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--stop-file", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--profile-worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        return worker(args.worker, args.base_url, args.worker_database_url, args.out, args.profile_worker)
    if args.processing_worker:
        return processing_worker(args.worker_database_url, args.stop_file, args.out)

    print(f"crawl throughput: {OUTLET} replica, {args.articles} articles, {args.repeats} repetitions; "
          f"{_common.machine_line()}")
    replica, base_url = start_replica(args.articles)
    rows: list[dict[str, Any]] = []
    try:
        server = psutil.Process(replica.pid)
        with tempfile.TemporaryDirectory(prefix="pantau-bench-crawl-") as tmp, \
                _common.server_url(args.database_url) as admin:
            workdir = Path(tmp)
            for rep in range(1, args.repeats + 1):
                plain = crawl("plain", base_url, server, workdir)
                with _common.temp_database(admin) as url:
                    pantau = crawl("pantau", base_url, server, workdir, url, processing=not args.no_processing)
                for row in (plain, pantau):
                    row["repeat"] = rep
                    rows.append(row)
                print(f"  run {rep}: plain {plain['pages_per_s']} pages/s, pantau {pantau['pages_per_s']} pages/s")
            if args.profile:
                with _common.temp_database(admin) as url:
                    profiled = crawl("pantau", base_url, server, workdir, url, profile=True)
                print_profile(profiled["profile"])
    finally:
        replica.terminate()
        replica.wait(timeout=30)
    return report(rows, args)


def report(rows: list[dict[str, Any]], args: argparse.Namespace) -> int:
    if not rows:
        return 0
    columns = ["repeat", "kind", "pages", "elapsed_s", "pages_per_s", "crawler_cpu_s", "server_ms_per_page",
               "new_articles", "processed", "processing_cpu_s", "processing_lag_s", "errors"]
    print()
    _common.print_table(columns, [[row.get(c, "") if row.get(c) is not None else "" for c in columns] for row in rows])
    plain = statistics.median(r["pages_per_s"] for r in rows if r["kind"] == "plain")
    pantau = statistics.median(r["pages_per_s"] for r in rows if r["kind"] == "pantau")
    ratio = pantau / plain if plain else 0.0
    server_ms = statistics.median(r["server_ms_per_page"] for r in rows)
    print(f"\nmedian pages/s: plain {plain:.1f}, pantau {pantau:.1f}; ratio {ratio:.2f}x "
          f"(target >= {TARGET_RATIO}x: {'met' if ratio >= TARGET_RATIO else 'MISSED'}); "
          f"replica server {server_ms:.2f} ms CPU per page")
    _common.write_json(args.json, "crawl_throughput", {
        "articles": args.articles, "outlet": OUTLET, "concurrency": CONCURRENCY, "runs": rows,
        "median_pages_per_s": {"plain": plain, "pantau": pantau}, "ratio": round(ratio, 3),
        "target_ratio": TARGET_RATIO, "server_ms_per_page": server_ms,
    })
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
