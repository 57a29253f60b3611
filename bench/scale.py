"""Sizing for scale-out: CPU per crawl pass and per page, processing articles/s with one and two workers.

Run: .venv/bin/python bench/scale.py [--articles 300] [--process 400] [--json out.json]

1. A Disway replica (magelangekspres, `generate_articles`, --articles articles) is served by
   `python -m crawler.testing serve` in its own process.
2. `python -m crawler.run magelangekspres` back-fills it (a crawl process as the service starts it, download
   delay and AutoThrottle off): CPU seconds of the crawl process (user+sys, from getrusage of children)
   per response, and wall-clock pages/s.
3. The same command again: an incremental pass with nothing new (feeds answer 304) = the fixed CPU cost of
   one scheduled crawl (interpreter, Scrapy and our imports, database bookkeeping).
4. --process invented articles (tests/monitor/factory.py) are processed by one worker process, then (fresh
   database) by two worker processes at once: articles/s and CPU seconds per article.
The sizing table in README "Scaling out" is derived from these figures.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import _common

REPO_ROOT = Path(__file__).resolve().parents[1]
OUTLET = "magelangekspres"


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def crawl_env(database_url: str, base_url: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PANTAU_") and k != "DATABASE_URL"}
    env.update({"DATABASE_URL": database_url, f"PANTAU_{OUTLET.upper()}_BASE_URL": base_url,
                "PANTAU_DOWNLOAD_DELAY": "0", "PANTAU_AUTOTHROTTLE": "false", "PANTAU_LOG_LEVEL": "WARNING",
                "PANTAU_CONCURRENT_REQUESTS_PER_DOMAIN": "8", "PYTHONPATH": str(REPO_ROOT)})
    return env


def run_crawl(database_url: str, base_url: str) -> dict[str, Any]:
    """One crawl process; its CPU, wall time and the crawl_runs row it wrote."""
    import psycopg

    cpu0, wall0 = children_cpu(), time.perf_counter()
    subprocess.run([sys.executable, "-m", "crawler.run", OUTLET], env=crawl_env(database_url, base_url),
                   cwd=REPO_ROOT, check=False, capture_output=True, timeout=1800)
    cpu, wall = children_cpu() - cpu0, time.perf_counter() - wall0
    with psycopg.connect(_common._plain(database_url)) as conn:
        row = conn.execute("SELECT status, requests, new_articles FROM crawl_runs ORDER BY id DESC LIMIT 1").fetchone()
    assert row is not None
    status, requests, new = row
    return {"status": status, "requests": int(requests), "new_articles": int(new), "cpu_s": round(cpu, 2),
            "wall_s": round(wall, 2)}


def crawl_figures(configured: str | None, articles: int) -> dict[str, Any]:
    server = subprocess.Popen([sys.executable, "-m", "crawler.testing", "serve", "--port-base", "0",
                               "--articles", str(articles), "--outlets", OUTLET], cwd=REPO_ROOT,
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        assert server.stdout is not None
        line = server.stdout.readline().strip()
        base_url = line.split("=", 1)[1]
        with _common.temp_database(configured) as url:
            backfill = run_crawl(url, base_url)
            incremental = run_crawl(url, base_url)
    finally:
        server.terminate()
        server.wait(timeout=10)
    backfill["cpu_ms_per_page"] = round(1000 * backfill["cpu_s"] / max(backfill["requests"], 1), 1)
    backfill["pages_per_s"] = round(backfill["requests"] / max(backfill["wall_s"], 1e-9), 1)
    return {"backfill": backfill, "incremental": incremental}


def worker_main(url: str) -> None:
    """Child: drain the queue with process_pending, as `pantau worker`'s processing job does."""
    from monitor.db.session import make_engine, make_sessionmaker
    from monitor.processing import process_pending
    from monitor.settings import Settings

    sessions = make_sessionmaker(make_engine(url))
    settings = Settings(_env_file=None, database_url=url, process_batch=20)  # type: ignore[call-arg]
    while process_pending(sessions, settings, limit=20):
        pass


def process_figures(configured: str | None, count: int, workers: int) -> dict[str, Any]:
    sys.path.insert(0, str(REPO_ROOT))
    from monitor.db.session import make_engine, make_sessionmaker, transaction
    from tests.monitor.factory import add_articles, add_outlets, corpus

    with _common.temp_database(configured) as url:
        sessions = make_sessionmaker(make_engine(url))
        with transaction(sessions) as session:
            add_outlets(session)
            add_articles(session, corpus(seed=5, count=count, copies_every=10))
        sessions.kw["bind"].dispose()
        cpu0, wall0 = children_cpu(), time.perf_counter()
        procs = [subprocess.Popen([sys.executable, __file__, "--worker", url], cwd=REPO_ROOT,
                                  env={**os.environ, "PYTHONPATH": str(REPO_ROOT)}) for _ in range(workers)]
        for proc in procs:
            proc.wait(timeout=3600)
        cpu, wall = children_cpu() - cpu0, time.perf_counter() - wall0
    return {"workers": workers, "articles": count, "wall_s": round(wall, 1),
            "articles_per_s": round(count / wall, 1), "cpu_ms_per_article": round(1000 * cpu / count, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=300, help="articles on the replica site")
    parser.add_argument("--process", type=int, default=400, help="articles processed per worker run")
    parser.add_argument("--worker", default=None, help=argparse.SUPPRESS)
    _common.add_common_arguments(parser)
    args = parser.parse_args()
    if args.worker:
        worker_main(args.worker)
        return
    print(_common.machine_line())
    crawl = crawl_figures(args.database_url, args.articles)
    b, i = crawl["backfill"], crawl["incremental"]
    _common.print_table(
        ["pass", "status", "responses", "new articles", "CPU s", "wall s"],
        [["back-fill", b["status"], b["requests"], b["new_articles"], b["cpu_s"], b["wall_s"]],
         ["incremental (nothing new)", i["status"], i["requests"], i["new_articles"], i["cpu_s"], i["wall_s"]]],
        title=f"crawl process: {b['cpu_ms_per_page']} ms CPU per page, {b['pages_per_s']} pages/s",
    )
    runs = [process_figures(args.database_url, args.process, n) for n in (1, 2)]
    _common.print_table(["workers", "articles", "wall s", "articles/s", "CPU ms/article"],
                        [[r["workers"], r["articles"], r["wall_s"], r["articles_per_s"], r["cpu_ms_per_article"]]
                         for r in runs], title="processing")
    _common.write_json(args.json, "scale", {"crawl": crawl, "processing": runs})


if __name__ == "__main__":
    main()
