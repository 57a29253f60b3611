"""`pantau run`: leader election, the scheduler, crawl children, clean stop on SIGTERM/SIGINT."""

from __future__ import annotations

import logging
import os
import signal
import socket
import threading
import time
from datetime import UTC, datetime, timedelta
from types import FrameType
from typing import Any

from apscheduler.schedulers.background import BackgroundScheduler
from sqlalchemy import func, select, text, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import Session, sessionmaker

from monitor.db.models import Alert, CrawlRun, Outlet
from monitor.db.runtime import Database, open_database
from monitor.db.session import transaction
from monitor.service.crawls import CrawlOutcome, CrawlSupervisor, close_stale_runs
from monitor.service.leader import LeaderLock
from monitor.service.metrics import MetricsServer, ServiceMetrics
from monitor.service.polling import PollingPolicy, next_run_at
from monitor.service.scheduler import (
    Jobs,
    build_scheduler,
    crawl_trigger,
    first_crawl_times,
    optional,
    wait_for_jobs,
)
from monitor.service.scrapyd_crawls import ScrapydCrawls
from monitor.settings import Settings

log = logging.getLogger(__name__)

TICK = 0.5  # seconds between supervisor polls
HEARTBEAT_SECONDS = 5.0
STOP_BUDGET = 25.0  # SIGTERM to exit, below the 30 s that ops tooling waits

OUTLET_NAMES = {
    "magelangekspres": ("Magelang Ekspres", "disway"),
    "radarmetro": ("Radar Metro", "disway"),
    "diksi": ("DIKSI.CO", "wordpress"),
    "patrolipost": ("patrolipost.com", "wordpress"),
    "posjayanews": ("POSJAYANEWS", "blogger"),
}


def ensure_outlets(sessions: sessionmaker[Session], settings: Settings) -> dict[str, datetime | None]:
    """Create the configured outlets' rows; return their next_crawl_at."""
    with transaction(sessions) as session:
        for key in settings.outlets:
            name, platform = OUTLET_NAMES[key]
            session.execute(
                insert(Outlet).values(key=key, name=name, platform=platform, base_url=settings.base_url(key))
                .on_conflict_do_update(index_elements=["key"], set_={"base_url": settings.base_url(key)})
            )
        rows = session.execute(select(Outlet.key, Outlet.next_crawl_at).where(Outlet.key.in_(settings.outlets)))
        return {key: when for key, when in rows}


class Service:
    """One `pantau run` process: standby until it holds the leader lock, then schedules everything."""

    def __init__(self, settings: Settings, db: Database) -> None:
        self.settings = settings
        self.db = db
        self.host = socket.gethostname()
        self.stop_event = threading.Event()
        self.metrics = ServiceMetrics()
        self.policy = PollingPolicy.from_settings(settings)
        self.lock = LeaderLock(db.url, host=self.host)
        self.supervisor: CrawlSupervisor | ScrapydCrawls = (
            ScrapydCrawls(db.sessions, settings, db.url, on_finish=self.after_crawl) if settings.scrapyd_urls
            else CrawlSupervisor(db.sessions, settings, db.url, on_finish=self.after_crawl))
        self.jobs = Jobs(db.sessions, settings, self.metrics, request_crawl=self.supervisor.request,
                         sweep=self.sweep)
        self.scheduler: BackgroundScheduler | None = None
        self.leader_since: float | None = None

    # -- lifecycle ---------------------------------------------------------------------
    def run(self) -> int:
        server = self._start_metrics()
        retry = float(self.settings.leader_takeover_seconds)
        next_try = 0.0
        next_beat = 0.0
        log.info("pantau run started (pid %s on %s)", os.getpid(), self.host)
        try:
            while not self.stop_event.is_set():
                now = time.monotonic()
                if self.scheduler is None:
                    if now >= next_try:
                        next_try = now + retry
                        if self.lock.try_acquire():
                            self.become_leader()
                            next_beat = now + HEARTBEAT_SECONDS
                        elif not self.lock.held:
                            log.debug("another instance leads; retrying in %ss", retry)
                else:
                    try:
                        self.supervisor.poll()
                    except Exception:  # a bug here must not end a service meant to run for months
                        log.exception("supervising crawls failed; going on")
                    if now >= next_beat:
                        next_beat = now + HEARTBEAT_SECONDS
                        if not self.lock.heartbeat():
                            self.step_down("lost the leader lock (database connection)")
                            next_try = now + 1.0
                self.stop_event.wait(TICK)
        finally:
            self.shutdown()
            if server is not None:
                server.stop()
        return 0

    def become_leader(self) -> None:
        self.leader_since = time.monotonic()
        try:
            next_at = ensure_outlets(self.db.sessions, self.settings)
            self.sweep()
        except Exception as exc:
            log.error("cannot prepare the database after becoming leader: %s", exc)
            self.lock.release()
            return
        crawls = first_crawl_times(next_at, self.settings, datetime.now(UTC))
        self.scheduler = build_scheduler(self.jobs, self.settings, crawls=crawls)
        self.scheduler.start()
        self.metrics.leader.set(1)
        log.info("leader: scheduling %d outlet(s): %s", len(crawls), ", ".join(crawls))

    def step_down(self, reason: str) -> None:
        log.error("stepping down as leader: %s", reason)
        self._stop_scheduler()
        self.supervisor.stop_all(reason="interrupted")
        self.lock.release()
        self.metrics.leader.set(0)
        self.leader_since = None

    def shutdown(self) -> None:
        started = time.monotonic()
        log.info("stopping")
        self._stop_scheduler()
        self.supervisor.stop_all(grace=10.0, reason="interrupted")
        self._wait_for_jobs(STOP_BUDGET - (time.monotonic() - started))
        self.lock.release()
        self.metrics.leader.set(0)
        log.info("stopped in %.1fs", time.monotonic() - started)

    def _stop_scheduler(self) -> None:
        if self.scheduler is not None:
            try:
                self.scheduler.shutdown(wait=False)
            except Exception:
                log.debug("scheduler shutdown failed", exc_info=True)
            self.scheduler = None
            self.jobs.scheduler = None

    def _wait_for_jobs(self, budget: float) -> None:
        """Give running jobs (processing, dispatch) time to end; their transactions make a cut safe."""
        if not wait_for_jobs(self.jobs, budget):
            hard_exit("jobs still running at stop; leaving them to the database to roll back")

    # -- scheduled work ----------------------------------------------------------------------
    def sweep(self) -> None:
        close_stale_runs(self.db.sessions, self.settings, host=self.host, keep=self.supervisor.running_run_ids())

    def after_crawl(self, outcome: CrawlOutcome) -> None:
        """Metrics, adaptive polling, the outlet's health check; wake processing when articles came in."""
        m = self.metrics
        m.crawls.labels(outlet=outcome.outlet, status=outcome.status).inc()
        m.crawl_duration.labels(outlet=outcome.outlet).observe(outcome.duration)
        m.requests.labels(outlet=outcome.outlet).inc(outcome.requests)
        m.articles.labels(outlet=outcome.outlet).inc(outcome.new_articles)
        m.crawl_errors.labels(outlet=outcome.outlet).inc(outcome.errors)
        ok = outcome.status == "ok"
        if ok:
            m.last_success.labels(outlet=outcome.outlet).set(time.time())
        now = datetime.now(UTC)
        with transaction(self.db.sessions) as session:
            outlet = session.get(Outlet, outcome.outlet)
            current = outlet.poll_interval if outlet else None
            interval = self.policy.next_interval(current, outcome.new_articles, ok)
            # the interval runs from the start of this crawl, so slow crawls do not stretch the period
            started = now - timedelta(seconds=outcome.duration)
            when = max(next_run_at(started, interval, self.settings.crawl_jitter), now + timedelta(seconds=1))
            session.execute(update(Outlet).where(Outlet.key == outcome.outlet)
                            .values(poll_interval=interval, next_crawl_at=when))
        if self.scheduler is not None:
            try:
                self.scheduler.reschedule_job(f"crawl:{outcome.outlet}",
                                              trigger=crawl_trigger(self.settings, interval))
                self.scheduler.modify_job(f"crawl:{outcome.outlet}", next_run_time=when)
            except Exception:
                log.debug("could not reschedule %s", outcome.outlet, exc_info=True)
        if outcome.new_articles:
            self.jobs.wake("process")
        check_health = optional("monitor.alerts.health", "check_health")
        if check_health is not None:
            try:
                check_health(self.db.sessions, self.settings, outcome.outlet)
            except Exception as exc:
                log.error("health check of %s failed: %s", outcome.outlet, exc)
            self.jobs.wake("dispatch")

    # -- health and metrics -----------------------------------------------------------------
    def health(self) -> tuple[bool, dict[str, Any]]:
        detail: dict[str, Any] = {"role": "leader" if self.scheduler is not None else "standby",
                                  "pid": os.getpid(), "host": self.host}
        ok = True
        try:
            with self.db.engine.connect() as conn:
                conn.execute(text("SET LOCAL statement_timeout = 3000"))
                conn.execute(text("SELECT 1"))
                last_ok = conn.execute(select(func.max(CrawlRun.finished_at)).where(CrawlRun.status == "ok")).scalar()
            detail["database"] = "ok"
        except Exception as exc:
            detail["database"] = f"unreachable: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}"
            return False, detail
        scheduler_alive = self.scheduler is not None and self.scheduler.running
        detail["scheduler"] = "running" if scheduler_alive else "standby"
        age = (datetime.now(UTC) - last_ok).total_seconds() if last_ok else None
        detail["last_successful_crawl_age_seconds"] = round(age, 1) if age is not None else None
        limit = 3 * max(self.settings.crawl_interval_max, self.settings.crawl_interval) + self.settings.crawl_timeout
        detail["crawl_age_limit_seconds"] = limit
        if self.scheduler is not None:
            led_for = time.monotonic() - (self.leader_since or time.monotonic())
            if not scheduler_alive:
                ok = False
            elif led_for > limit and (age is None or age > limit):
                ok = False
                detail["problem"] = "no successful crawl within the limit"
        return ok, detail

    def refresh_gauges(self) -> None:
        with self.db.sessions() as session:
            counts = dict(session.execute(select(Alert.status, func.count()).group_by(Alert.status)).all())
        for status in ("pending", "sent", "dead"):
            self.metrics.alerts_queue.labels(status=status).set(int(counts.get(status, 0)))

    def _start_metrics(self) -> MetricsServer | None:
        if self.settings.metrics_port is None:
            return None
        try:
            return MetricsServer(self.settings.metrics_host, self.settings.metrics_port, self.metrics,
                                 self.health, self.refresh_gauges).start()
        except OSError as exc:
            log.error("cannot serve metrics on %s:%s: %s", self.settings.metrics_host,
                      self.settings.metrics_port, exc)
            return None


def hard_exit(reason: str) -> None:
    """Exit now, without waiting for worker threads: the stop deadline beats a job still in SMTP."""
    log.warning("%s", reason)
    logging.shutdown()
    os._exit(0)


def install_stop_handlers(stop: threading.Event) -> dict[int, Any]:
    """SIGTERM and SIGINT set `stop`; returns the previous handlers."""
    previous: dict[int, Any] = {}

    def handler(signum: int, frame: FrameType | None) -> None:
        log.info("received %s", signal.Signals(signum).name)
        stop.set()

    for signum in (signal.SIGTERM, signal.SIGINT):
        previous[signum] = signal.signal(signum, handler)
    return previous


def restore_handlers(previous: dict[int, Any]) -> None:
    for signum, old in previous.items():
        signal.signal(signum, old)


def quiet_scheduler_logs() -> None:
    """APScheduler logs every job run at INFO; keep its warnings and errors only."""
    for name in ("apscheduler.executors.default", "apscheduler.scheduler"):
        logging.getLogger(name).setLevel(max(logging.WARNING, logging.getLogger().level))


def run_service(settings: Settings) -> int:
    """Entry point of `pantau run`."""
    quiet_scheduler_logs()
    stop = threading.Event()
    previous = install_stop_handlers(stop)
    try:
        with open_database(settings, migrate=True) as db:
            service = Service(settings, db)
            service.stop_event = stop
            return service.run()
    finally:
        restore_handlers(previous)
