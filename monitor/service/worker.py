"""`pantau worker`: processing and alert dispatch only; row locks let any number run beside the leader."""

from __future__ import annotations

import logging
import os
import socket
import threading
from typing import Any

from sqlalchemy import text

from monitor.db.runtime import open_database
from monitor.service.metrics import MetricsServer, ServiceMetrics
from monitor.service.runner import (
    STOP_BUDGET,
    hard_exit,
    install_stop_handlers,
    quiet_scheduler_logs,
    restore_handlers,
)
from monitor.service.scheduler import Jobs, build_scheduler, wait_for_jobs
from monitor.settings import Settings

log = logging.getLogger(__name__)


def run_worker(settings: Settings) -> int:
    """Entry point of `pantau worker`: no leader lock, no crawls, no digest."""
    quiet_scheduler_logs()
    stop = threading.Event()
    previous = install_stop_handlers(stop)
    try:
        with open_database(settings, migrate=True) as db:
            metrics = ServiceMetrics()
            jobs = Jobs(db.sessions, settings, metrics)
            scheduler = build_scheduler(jobs, settings, crawls=None, digest=False)

            def health() -> tuple[bool, dict[str, Any]]:
                detail: dict[str, Any] = {"role": "worker", "pid": os.getpid(), "host": socket.gethostname()}
                try:
                    with db.engine.connect() as conn:
                        conn.execute(text("SELECT 1"))
                    detail["database"] = "ok"
                except Exception as exc:
                    detail["database"] = f"unreachable: {type(exc).__name__}"
                    return False, detail
                detail["scheduler"] = "running" if scheduler.running else "stopped"
                return scheduler.running, detail

            server = None
            if settings.metrics_port is not None:
                try:
                    server = MetricsServer(settings.metrics_host, settings.metrics_port, metrics, health).start()
                except OSError as exc:
                    log.error("cannot serve metrics: %s", exc)
            scheduler.start()
            log.info("pantau worker started (pid %s): processing every %ss, dispatch every %ss",
                     os.getpid(), settings.process_interval, settings.dispatch_interval)
            try:
                while not stop.wait(0.5):
                    pass
            finally:
                scheduler.shutdown(wait=False)
                if not wait_for_jobs(jobs, STOP_BUDGET):
                    hard_exit("jobs still running at stop; leaving them to the database to roll back")
                if server is not None:
                    server.stop()
                log.info("pantau worker stopped")
            return 0
    finally:
        restore_handlers(previous)
