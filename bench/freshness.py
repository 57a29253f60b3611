"""Freshness: seconds from publication on a replica to SMTP acceptance of the alert, through the real service.

Run: .venv/bin/python bench/freshness.py [--articles 20] [--interval 30] [--spacing 8] [--json out.json]
Starts the five replicas, an aiosmtpd sink and `pantau run`'s service (in this process, crawls as child
processes) on a throwaway embedded PostgreSQL; publishes sanction reports over time, round-robin over the
outlets, and prints the latency distribution (target: p95 < 60 s with a 30 s crawl interval) and where
the time goes (publish -> stored, stored -> processed, processed -> accepted).

Each fresh report is written with its own wording, people, places and quotations (seeded per article),
so each is its own event to story grouping and gets its own alert.
"""

from __future__ import annotations

import argparse
import json
import logging
import random
import shutil
import statistics
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import select  # noqa: E402

from monitor.db.models import Article  # noqa: E402
from monitor.db.runtime import open_database  # noqa: E402
from monitor.logs import setup_logging  # noqa: E402
from monitor.service.demo import _first_crawls_done, demo_settings  # noqa: E402
from monitor.service.runner import Service, install_stop_handlers, quiet_scheduler_logs, restore_handlers  # noqa: E402
from monitor.service.sink import SmtpSink, message_text  # noqa: E402
from monitor.settings import OUTLET_KEYS, load_settings  # noqa: E402

TARGET_P95 = 60.0


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    k = (len(ordered) - 1) * q
    low, high = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (k - low)


def summary(values: list[float]) -> dict[str, float]:
    if not values:
        return {}
    return {"n": len(values), "min": min(values), "median": statistics.median(values),
            "p95": percentile(values, 0.95), "max": max(values)}


def publisher(service: Service, cluster: Any, sink: SmtpSink, args: argparse.Namespace,
              out: dict[str, Any]) -> None:
    from crawler.testing import make_sanction_article

    stop = service.stop_event
    try:
        while not stop.is_set() and not _first_crawls_done(service, service.settings.outlets):
            stop.wait(1.0)
        print("first crawls done; publishing", file=sys.stderr)
        rng = random.Random(args.seed)
        published: list[dict[str, Any]] = out["published"]
        for i in range(args.articles):
            if stop.is_set():
                return
            outlet = OUTLET_KEYS[i % len(OUTLET_KEYS)]
            article = make_sanction_article(outlet, datetime.now(UTC), seed=args.seed * 100_000 + i)
            url = cluster[outlet].publish(article)
            published.append({"outlet": outlet, "title": article.title, "slug": article.slug, "url": url,
                              "published": time.time()})
            stop.wait(rng.uniform(0.5, 1.5) * args.spacing)
        deadline = time.monotonic() + args.tail
        while not stop.is_set() and time.monotonic() < deadline:
            if all(_accepted(sink, p) for p in published):
                break
            stop.wait(1.0)
    finally:
        stop.set()


def _accepted(sink: SmtpSink, item: dict[str, Any]) -> float | None:
    """When the sink accepted the alert naming this article (its unique slug; None: no such alert)."""
    for got in list(sink.received):
        if got.accepted_at >= item["published"] and item["slug"] in message_text(got.message):
            return got.accepted_at
    return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=20, help="sanction reports to publish (default 20)")
    parser.add_argument("--interval", type=int, default=30, help="PANTAU_CRAWL_INTERVAL in seconds (default 30)")
    parser.add_argument("--spacing", type=float, default=8.0, help="mean seconds between publications")
    parser.add_argument("--tail", type=float, default=120.0, help="seconds to wait for the last alerts")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", type=Path, help="write the results here")
    args = parser.parse_args()

    from crawler.testing import ReplicaCluster

    settings = load_settings()
    setup_logging("WARNING", settings.log_format)
    quiet_scheduler_logs()
    logging.getLogger("monitor.service").setLevel(logging.WARNING)
    workdir = Path(tempfile.mkdtemp(prefix="pantau-freshness-"))
    stop = threading.Event()
    previous = install_stop_handlers(stop)
    out: dict[str, Any] = {"published": []}
    cluster = ReplicaCluster()
    try:
        base_urls = cluster.start()
        with SmtpSink() as sink:
            config = demo_settings(settings, workdir / "data", base_urls, sink.port).model_copy(update={
                "crawl_interval": args.interval, "crawl_interval_min": args.interval,
                "crawl_interval_max": args.interval, "adaptive_polling": False, "crawl_jitter": 0,
                "crawl_timeout": max(60, args.interval * 4), "dispatch_interval": 30, "process_interval": 10,
            })
            with open_database(config, migrate=True) as db:
                service = Service(config, db)
                service.stop_event = stop
                thread = threading.Thread(target=publisher, args=(service, cluster, sink, args, out), daemon=True)
                thread.start()
                service.run()
                thread.join(timeout=5)
                stages = _stages(db.sessions, out["published"])
            results = _results(sink, out["published"], stages, args)
    finally:
        restore_handlers(previous)
        cluster.stop()
        shutil.rmtree(workdir, ignore_errors=True)
    _print(results)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
    return 0 if results["latency"] and results["missing"] == 0 and results["latency"]["p95"] < TARGET_P95 else 1


def _stages(sessions: Any, published: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """slug -> stored/processed times (Unix) and what became of the article, from the database."""
    from monitor.db.models import Alert, SanctionFinding

    found: dict[str, dict[str, Any]] = {}
    with sessions() as session:
        for item in published:
            row = session.execute(
                select(Article.id, Article.fetched_at, Article.processed_at, Article.state, Article.story_id)
                .where(Article.canonical_url.contains(item["slug"]))
            ).first()
            if row is None:
                found[item["slug"]] = {"fate": "not stored"}
                continue
            report = session.scalar(select(SanctionFinding.report).where(SanctionFinding.article_id == row.id))
            alert = session.execute(select(Alert.id, Alert.payload).where(Alert.story_id == row.story_id)).first()
            if row.state != "done":
                fate = f"processing state {row.state}"
            elif not report:
                fate = "not judged a sanction report"
            elif alert is None:
                fate = "no alert queued"
            elif (alert.payload or {}).get("article_id") != row.id:
                fate = "joined an earlier story (that story's alert names its first article)"
            else:
                fate = "alert queued"
            found[item["slug"]] = {"stored": row.fetched_at.timestamp() if row.fetched_at else None,
                                   "processed": row.processed_at.timestamp() if row.processed_at else None,
                                   "fate": fate}
    return found


def _results(sink: SmtpSink, published: list[dict[str, Any]], stages: dict[str, Any],
             args: argparse.Namespace) -> dict[str, Any]:
    latencies, found, processed, sent, missing = [], [], [], [], []
    for item in published:
        accepted = _accepted(sink, item)
        stage = stages.get(item["slug"], {})
        stored_at, processed_at = stage.get("stored"), stage.get("processed")
        if accepted is None:
            missing.append(f"{item['title']} ({item['outlet']}): {stage.get('fate', '?')}")
            continue
        latencies.append(accepted - item["published"])
        if stored_at and processed_at:
            found.append(stored_at - item["published"])
            processed.append(processed_at - stored_at)
            sent.append(accepted - processed_at)
    return {"interval": args.interval, "published": len(published), "alerts": len(latencies),
            "missing": len(missing), "missing_titles": missing, "latency": summary(latencies),
            "publish_to_stored": summary(found), "stored_to_processed": summary(processed),
            "processed_to_accepted": summary(sent), "target_p95": TARGET_P95}


def _print(results: dict[str, Any]) -> None:
    print(f"freshness with a {results['interval']}s crawl interval: {results['published']} published, "
          f"{results['alerts']} alerts, {results['missing']} missing")
    for key in ("latency", "publish_to_stored", "stored_to_processed", "processed_to_accepted"):
        s = results[key]
        if s:
            print(f"  {key:<22} min {s['min']:6.1f}s  median {s['median']:6.1f}s  p95 {s['p95']:6.1f}s  "
                  f"max {s['max']:6.1f}s")
    for title in results["missing_titles"]:
        print(f"  no alert for: {title}")
    p95 = results["latency"].get("p95") if results["latency"] else None
    print(f"target p95 < {results['target_p95']:.0f}s: {'met' if p95 is not None and p95 < TARGET_P95 else 'NOT met'}")


if __name__ == "__main__":
    sys.exit(main())
