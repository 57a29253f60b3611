"""`pantau demo`: replicas, an SMTP sink and the service on a throwaway database; prints the alert e-mail."""

from __future__ import annotations

import logging
import shutil
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, TextIO

from sqlalchemy import func, select

from monitor.db.models import CrawlRun
from monitor.db.runtime import open_database
from monitor.service.runner import Service, install_stop_handlers, quiet_scheduler_logs, restore_handlers
from monitor.service.sink import SmtpSink, message_text
from monitor.settings import OUTLET_KEYS, Settings

log = logging.getLogger(__name__)

DEMO_OUTLET = "diksi"
FIRST_CRAWLS_TIMEOUT = 75.0
ALERT_TIMEOUT = 90.0


def demo_settings(settings: Settings, data_dir: Path, base_urls: dict[str, str], smtp_port: int) -> Settings:
    """The user's settings with everything the demo needs: local sites, local SMTP, short intervals."""
    update: dict[str, Any] = {
        "database_url": None,
        "data_dir": data_dir,
        "outlets": list(OUTLET_KEYS),
        "smtp_host": "127.0.0.1",
        "smtp_port": smtp_port,
        "smtp_security": "none",
        "smtp_user": None,
        "smtp_password": None,
        "alert_to": ["ops@pantau-demo.invalid"],
        "digest_to": [],
        "health_to": [],
        "alert_lang": settings.alert_lang,
        "alert_max_age": timedelta(hours=1),  # the replicas' older reports are back-fill: digest, no alert
        "backfill_since": "30",
        "crawl_interval": 10,
        "crawl_interval_min": 5,
        "crawl_interval_max": 15,
        "crawl_jitter": 1,
        "crawl_timeout": 90,
        "download_delay": 0.0,
        "autothrottle": False,
        "process_interval": 2,
        "dispatch_interval": 2,
        "leader_takeover_seconds": 1,
        "metrics_port": None,
        "sentry_dsn": None,
        "crawl_command": None,
    }
    for key, url in base_urls.items():
        update[f"{key}_base_url"] = url
    return settings.model_copy(update=update)


def _first_crawls_done(service: Service, outlets: list[str]) -> bool:
    with service.db.sessions() as session:
        done = session.scalar(
            select(func.count(func.distinct(CrawlRun.outlet_key))).where(CrawlRun.status != "running")
        )
    return int(done or 0) >= len(outlets)


def _script(service: Service, cluster: Any, sink: SmtpSink, out: TextIO, result: dict[str, Any]) -> None:
    """Runs beside the service: wait for the first crawls, publish a sanction report, wait for its e-mail."""
    from crawler.testing import make_sanction_article

    stop = service.stop_event
    try:
        deadline = time.monotonic() + FIRST_CRAWLS_TIMEOUT
        while not stop.is_set() and not _first_crawls_done(service, service.settings.outlets):
            if time.monotonic() > deadline:
                print("demo: the first crawls did not finish in time", file=out)
                return
            stop.wait(1.0)
        if stop.is_set():
            return
        print(f"demo: first crawl of all {len(service.settings.outlets)} outlets done "
              f"(back-filled articles raise no alert)", file=out)
        article = make_sanction_article(DEMO_OUTLET, datetime.now(UTC))
        url = cluster[DEMO_OUTLET].publish(article)
        published = time.time()
        print(f"demo: published on the {DEMO_OUTLET} replica: {article.title}\n      {url}", file=out)
        got = sink.wait_for(lambda m: article.title in str(m["Subject"] or "") or article.title in message_text(m),
                            ALERT_TIMEOUT)
        if got is None:
            print(f"demo: no alert e-mail within {ALERT_TIMEOUT:.0f}s", file=out)
            return
        msg = got.message
        print(f"\ndemo: alert e-mail accepted by the SMTP sink {got.accepted_at - published:.1f}s after "
              f"publication:\n", file=out)
        for header in ("From", "To", "Subject", "Date", "Message-ID"):
            print(f"{header}: {msg[header]}", file=out)
        print("", file=out)
        print(message_text(msg).rstrip(), file=out)
        result["ok"] = True
    except Exception as exc:
        log.exception("demo script failed")
        print(f"demo: failed: {exc}", file=out)
    finally:
        stop.set()


def run_demo(settings: Settings, out: TextIO | None = None) -> int:
    """Entry point of `pantau demo`: the whole chain offline, then everything stops (exit 0 = e-mail seen)."""
    from crawler.testing import ReplicaCluster

    out = out or sys.stdout
    quiet_scheduler_logs()
    started = time.monotonic()
    workdir = Path(tempfile.mkdtemp(prefix="pantau-demo-"))
    stop = threading.Event()
    previous = install_stop_handlers(stop)
    result: dict[str, Any] = {"ok": False}
    cluster = ReplicaCluster()
    try:
        base_urls = cluster.start()
        with SmtpSink() as sink:
            config = demo_settings(settings, workdir / "data", base_urls, sink.port)
            print(f"demo: replicas of {len(base_urls)} outlets on 127.0.0.1, SMTP sink on 127.0.0.1:{sink.port}, "
                  f"embedded PostgreSQL in {workdir}", file=out)
            with open_database(config, migrate=True) as db:
                service = Service(config, db)
                service.stop_event = stop
                script = threading.Thread(target=_script, args=(service, cluster, sink, out, result),
                                          name="pantau-demo", daemon=True)
                script.start()
                service.run()
                script.join(timeout=5)
                if db.server is not None:
                    db.server.cleanup()  # stop the throwaway server before its directory goes
    finally:
        restore_handlers(previous)
        cluster.stop()
        shutil.rmtree(workdir, ignore_errors=True)
    print(f"demo: {'done' if result['ok'] else 'FAILED'} in {time.monotonic() - started:.0f}s", file=out)
    return 0 if result["ok"] else 1
