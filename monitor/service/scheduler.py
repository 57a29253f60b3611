"""The APScheduler jobs: short, explicit about coalesce/max_instances/misfire, each under a Sentry cron."""

from __future__ import annotations

import contextlib
import importlib
import logging
import random
import threading
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.interval import IntervalTrigger
from sqlalchemy.orm import Session, sessionmaker

from monitor.service.metrics import ServiceMetrics
from monitor.settings import Settings

log = logging.getLogger(__name__)

DIGEST_CHECK_SECONDS = 60
SWEEP_SECONDS = 60


def optional(module: str, name: str) -> Callable[..., Any] | None:
    """A function from a part that may not be installed yet (None when its module is missing)."""
    try:
        return getattr(importlib.import_module(module), name)  # type: ignore[no-any-return]
    except ModuleNotFoundError as exc:
        if exc.name and module.startswith(exc.name):
            return None
        raise
    except AttributeError:
        return None


@contextlib.contextmanager
def cron_checkin(slug: str, schedule: int) -> Iterator[None]:
    """Sentry cron check-in around one job run, through monitor.alerts.crons when it is there."""
    monitored = optional("monitor.alerts.crons", "monitored")
    if monitored is None:
        yield
        return
    with monitored(slug, schedule):
        yield


class Jobs:
    """What the scheduler runs. Every job is short; crawls only ask the supervisor for a child process."""

    def __init__(self, sessions: sessionmaker[Session], settings: Settings, metrics: ServiceMetrics,
                 request_crawl: Callable[[str], None] | None = None,
                 sweep: Callable[[], None] | None = None) -> None:
        self.sessions = sessions
        self.settings = settings
        self.metrics = metrics
        self.request_crawl = request_crawl
        self.sweep_runs = sweep
        self.scheduler: BackgroundScheduler | None = None
        self.active = 0  # jobs running right now
        self._lock = threading.Lock()
        self._running: set[str] = set()
        self._again: set[str] = set()  # woken while running: run once more right after

    def _timed(self, name: str, func: Callable[[], Any], schedule: int) -> Any:
        """Run one job under a Sentry cron check-in (`schedule`: its interval in seconds)."""
        started = time.monotonic()
        with self._lock:
            self.active += 1
            self._running.add(name)
        try:
            with cron_checkin(f"pantau-{name}", schedule):
                return func()
        except Exception as exc:
            self.metrics.job_errors.labels(job=name).inc()
            log.error("job %s failed: %s", name, exc, exc_info=log.isEnabledFor(logging.DEBUG))
            return None
        finally:
            with self._lock:
                self.active -= 1
                self._running.discard(name)
                again = name in self._again
                self._again.discard(name)
            if again:
                self.wake(name)
            self.metrics.job_duration.labels(job=name).observe(time.monotonic() - started)

    def wake(self, job_id: str) -> None:
        """Run a periodic job now instead of at its next tick (e.g. dispatch after new alerts)."""
        if self.scheduler is None:
            return
        with self._lock:
            if job_id in self._running:
                self._again.add(job_id)
                return
        with contextlib.suppress(Exception):
            self.scheduler.modify_job(job_id, next_run_time=datetime.now(UTC))

    # -- the jobs --------------------------------------------------------------------
    def crawl(self, outlet: str) -> None:
        if self.request_crawl is not None:
            # adaptive polling may stretch the gap up to the maximum: check in against that
            longest = max(self.settings.crawl_interval, self.settings.crawl_interval_max) \
                if self.settings.adaptive_polling else self.settings.crawl_interval
            self._timed(f"crawl-{outlet}", lambda: self.request_crawl(outlet) if self.request_crawl else None,
                        longest)

    def _call(self, module: str, name: str, *args: Any, **kwargs: Any) -> Any:
        """Call a part's entry point; a part that has not landed yet is skipped."""
        func = optional(module, name)
        return None if func is None else func(*args, **kwargs)

    def process(self) -> None:
        limit = self.settings.process_batch
        count = self._timed("process", lambda: self._call("monitor.processing", "process_pending",
                                                          self.sessions, self.settings, limit=limit),
                            self.settings.process_interval)
        if count:
            self.metrics.processed.inc(int(count))
            self.wake("dispatch")
            if int(count) >= limit:  # more waiting: take the next batch right away
                self.wake("process")

    def dispatch(self) -> None:
        count = self._timed("dispatch", lambda: self._call("monitor.alerts.dispatch", "dispatch_due",
                                                           self.sessions, self.settings),
                            self.settings.dispatch_interval)
        if count:
            self.metrics.alerts_sent.inc(int(count))

    def digest(self) -> None:
        queued = self._timed("digest", lambda: self._call("monitor.alerts.digest", "maybe_enqueue_digest",
                                                          self.sessions, self.settings, datetime.now(UTC)),
                             DIGEST_CHECK_SECONDS)
        if queued:
            self.wake("dispatch")

    def sweep(self) -> None:
        if self.sweep_runs is not None:
            self._timed("sweep", self.sweep_runs, SWEEP_SECONDS)


def wait_for_jobs(jobs: Jobs, budget: float) -> bool:
    """Wait until no job is running, at most `budget` seconds; False when some still run."""
    deadline = time.monotonic() + max(budget, 0.0)
    while jobs.active > 0:
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.1)
    return True


def build_scheduler(jobs: Jobs, settings: Settings, *, crawls: dict[str, datetime] | None = None,
                    digest: bool = True) -> BackgroundScheduler:
    """A scheduler with the processing and dispatch jobs and, when `crawls` is given, one job per outlet.

    `crawls` maps outlet keys to their first run time (from outlets.next_crawl_at).
    """
    scheduler = BackgroundScheduler(
        executors={"default": ThreadPoolExecutor(max_workers=4)},
        timezone=UTC,
        job_defaults={"coalesce": True, "max_instances": 1},
    )
    now = datetime.now(UTC)
    scheduler.add_job(jobs.process, IntervalTrigger(seconds=settings.process_interval), id="process",
                      name="process", coalesce=True, max_instances=1,
                      misfire_grace_time=max(5, settings.process_interval), next_run_time=now)
    scheduler.add_job(jobs.dispatch, IntervalTrigger(seconds=settings.dispatch_interval), id="dispatch",
                      name="dispatch", coalesce=True, max_instances=1,
                      misfire_grace_time=max(5, settings.dispatch_interval),
                      next_run_time=now + timedelta(seconds=1))
    if digest:
        scheduler.add_job(jobs.digest, IntervalTrigger(seconds=DIGEST_CHECK_SECONDS), id="digest",
                          name="digest", coalesce=True, max_instances=1, misfire_grace_time=300,
                          next_run_time=now + timedelta(seconds=5))
    if crawls is not None:
        scheduler.add_job(jobs.sweep, IntervalTrigger(seconds=SWEEP_SECONDS), id="sweep", name="sweep",
                          coalesce=True, max_instances=1, misfire_grace_time=SWEEP_SECONDS)
        for outlet, first in crawls.items():
            scheduler.add_job(jobs.crawl, crawl_trigger(settings, settings.crawl_interval), args=[outlet],
                              id=f"crawl:{outlet}", name=f"crawl {outlet}", coalesce=True, max_instances=1,
                              misfire_grace_time=max(30, settings.crawl_interval), next_run_time=first)
    jobs.scheduler = scheduler
    return scheduler


def crawl_trigger(settings: Settings, interval: int) -> IntervalTrigger:
    return IntervalTrigger(seconds=interval, jitter=settings.crawl_jitter or None)


def first_crawl_times(next_at: dict[str, datetime | None], settings: Settings, now: datetime) -> dict[str, datetime]:
    """Resume each outlet's schedule from outlets.next_crawl_at; outlets without one start soon.

    Those are staggered over up to a minute, so the crawl processes do not all start at once.
    """
    outlets = list(settings.outlets)
    step = min(settings.crawl_interval, 60) / max(len(outlets), 1)
    longest = max(settings.crawl_interval_max, settings.crawl_interval) if settings.adaptive_polling \
        else settings.crawl_interval
    result = {}
    for i, outlet in enumerate(outlets):
        when = next_at.get(outlet)
        if when is None or when <= now:
            extra = random.uniform(0, min(settings.crawl_jitter, step)) if settings.crawl_jitter else 0.0
            when = now + timedelta(seconds=i * step + extra)
        when = min(when, now + timedelta(seconds=longest + settings.crawl_jitter))  # intervals may have shrunk
        result[outlet] = when
    return result
