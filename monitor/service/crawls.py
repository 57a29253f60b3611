"""Crawl child processes: start one per outlet, enforce the time limit, record how each one ended."""

from __future__ import annotations

import contextlib
import ctypes
import logging
import os
import queue
import shlex
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import psutil
from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from monitor.db.models import CrawlRun
from monitor.db.session import transaction
from monitor.settings import Settings, env_name

log = logging.getLogger(__name__)

KILL_GRACE = 10.0  # seconds between SIGTERM and SIGKILL
_PR_SET_PDEATHSIG = 1


@dataclass(frozen=True)
class CrawlOutcome:
    """How one crawl ended, as recorded in crawl_runs."""

    outlet: str
    run_id: int
    status: str  # ok | failed | killed | timeout | interrupted
    new_articles: int
    requests: int
    errors: int
    returncode: int | None
    duration: float


def run_after_crawl(on_finish: Callable[[CrawlOutcome], None] | None, outcome: CrawlOutcome) -> None:
    """Call the after-crawl hook (processing, health checks); its failure is logged, never raised."""
    if on_finish is None:
        return
    try:
        on_finish(outcome)
    except Exception:
        log.exception("after-crawl handling of %s failed", outcome.outlet)


@dataclass
class _Child:
    outlet: str
    run_id: int
    process: subprocess.Popen[bytes]
    started: float
    deadline: float
    reason: str | None = None  # why we signalled it: timeout | interrupted
    term_sent: float | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def settings_env(settings: Settings, database_url: str) -> dict[str, str]:
    """The environment of a child process: ours, with every setting spelled out and DATABASE_URL set."""
    env = dict(os.environ)
    for name in type(settings).model_fields:
        if name in ("database_url", "crawl_command"):
            continue
        value = getattr(settings, name)
        key = env_name(name)
        if value is None:
            env.pop(key, None)
            continue
        if isinstance(value, bool):
            text = "true" if value else "false"
        elif isinstance(value, list):
            text = ",".join(str(v) for v in value)
        elif isinstance(value, timedelta):
            text = str(value.total_seconds())
        elif hasattr(value, "isoformat") and not isinstance(value, str):
            text = value.isoformat()
        else:
            text = str(value)
        env[key] = text
    env["DATABASE_URL"] = database_url
    env.pop("PANTAU_DATABASE_URL", None)
    return env


def crawl_argv(settings: Settings, outlet: str, run_id: int) -> list[str]:
    base = shlex.split(settings.crawl_command) if settings.crawl_command else [sys.executable, "-m", "crawler.run"]
    return [*base, outlet, "--crawl-run-id", str(run_id)]


def _die_with_parent() -> None:  # pragma: no cover - runs in the child between fork and exec
    """Linux: the crawl gets SIGKILL when the service dies, so no orphan keeps crawling."""
    with contextlib.suppress(Exception):
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)


class CrawlSupervisor:
    """Owns the crawl processes of one leader. Call `poll()` from one long-lived thread only."""

    def __init__(self, sessions: sessionmaker[Session], settings: Settings, database_url: str,
                 on_finish: Callable[[CrawlOutcome], None] | None = None) -> None:
        self.sessions = sessions
        self.settings = settings
        self.database_url = database_url
        self.on_finish = on_finish
        self.host = socket.gethostname()
        self._requests: queue.SimpleQueue[str] = queue.SimpleQueue()
        self._children: dict[str, _Child] = {}
        # SIGTERM-to-SIGKILL wait for overdue crawls: 10 s, less under a very short time limit
        self.kill_grace = min(KILL_GRACE, max(2.0, settings.crawl_timeout / 2))

    # -- called from scheduler jobs (any thread) ---------------------------------------
    def request(self, outlet: str) -> None:
        """Ask for a crawl of `outlet`; it starts at the next poll unless one is running."""
        self._requests.put(outlet)

    def running(self) -> list[str]:
        return sorted(self._children)

    def running_run_ids(self) -> set[int]:
        return {child.run_id for child in list(self._children.values())}

    # -- called from the supervising thread ----------------------------------------------
    def poll(self) -> list[CrawlOutcome]:
        """Start requested crawls, end overdue ones, record finished ones."""
        while True:
            try:
                outlet = self._requests.get_nowait()
            except queue.Empty:
                break
            if outlet not in self._children:
                self._start(outlet)
        now = time.monotonic()
        outcomes = []
        for outlet, child in list(self._children.items()):
            if child.process.poll() is not None:
                del self._children[outlet]
                outcome = self._finish(child)
                if outcome is not None:
                    outcomes.append(outcome)
                continue
            if child.term_sent is None and now >= child.deadline:
                log.warning("crawl of %s (run %s) passed its %ss limit; stopping it", outlet, child.run_id,
                            self.settings.crawl_timeout, extra={"outlet": outlet, "run_id": child.run_id})
                self._signal(child, signal.SIGTERM, "timeout")
            elif child.term_sent is not None and now >= child.term_sent + self.kill_grace:
                self._signal(child, signal.SIGKILL, child.reason or "timeout")
        return outcomes

    def stop_all(self, grace: float = KILL_GRACE, reason: str = "interrupted") -> list[CrawlOutcome]:
        """End every running crawl: SIGTERM to its process group, SIGKILL after `grace` seconds."""
        while True:  # drop pending requests
            try:
                self._requests.get_nowait()
            except queue.Empty:
                break
        for child in self._children.values():
            self._signal(child, signal.SIGTERM, reason)
        deadline = time.monotonic() + grace
        while self._children and time.monotonic() < deadline:
            if all(c.process.poll() is not None for c in self._children.values()):
                break
            time.sleep(0.1)
        for child in self._children.values():
            if child.process.poll() is None:
                self._signal(child, signal.SIGKILL, reason)
        outcomes = []
        for child in list(self._children.values()):
            with contextlib.suppress(subprocess.TimeoutExpired):
                child.process.wait(timeout=5)
            outcome = self._finish(child)
            if outcome is not None:
                outcomes.append(outcome)
        self._children.clear()
        return outcomes

    # -- internals ----------------------------------------------------------------------
    def _start(self, outlet: str) -> None:
        try:
            with transaction(self.sessions) as session:
                run = CrawlRun(outlet_key=outlet, status="running", host=self.host)
                session.add(run)
                session.flush()
                run_id = run.id
        except Exception as exc:
            log.error("cannot start a crawl of %s: %s", outlet, exc, extra={"outlet": outlet})
            return
        argv = crawl_argv(self.settings, outlet, run_id)
        try:
            process = subprocess.Popen(
                argv,
                env=settings_env(self.settings, self.database_url),
                stdin=subprocess.DEVNULL,
                start_new_session=True,  # its own process group: we can end the whole crawl
                preexec_fn=_die_with_parent if sys.platform.startswith("linux") else None,
            )
        except OSError as exc:
            log.error("cannot start %s: %s", argv[0], exc, extra={"outlet": outlet})
            self._close_run(run_id, "failed", f"could not start the crawl process: {exc}")
            return
        with contextlib.suppress(Exception), transaction(self.sessions) as session:
            session.execute(update(CrawlRun).where(CrawlRun.id == run_id).values(pid=process.pid))
        now = time.monotonic()
        self._children[outlet] = _Child(outlet, run_id, process, now, now + self.settings.crawl_timeout)
        log.info("crawl of %s started (run %s, pid %s)", outlet, run_id, process.pid,
                 extra={"outlet": outlet, "run_id": run_id})

    def _signal(self, child: _Child, signum: int, reason: str) -> None:
        if child.reason is None:
            child.reason = reason
        if signum == signal.SIGTERM and child.term_sent is None:
            child.term_sent = time.monotonic()
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(child.process.pid, signum)

    def _finish(self, child: _Child) -> CrawlOutcome | None:
        code = child.process.wait()
        # the crawl is over: take down anything it left behind in its process group
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(child.process.pid, signal.SIGKILL)
        duration = time.monotonic() - child.started
        if child.reason is not None:
            status = child.reason
            message = (f"crawl exceeded its {self.settings.crawl_timeout}s limit and was killed"
                       if status == "timeout" else "crawl stopped because the service stopped")
        elif code < 0:
            status, message = "killed", f"crawl process killed by signal {-code}"
        else:
            status, message = "failed", f"crawl process exited with code {code} without recording a result"
        try:
            self._close_run(child.run_id, status, message, force=child.reason is not None)
            with self.sessions() as session:
                run = session.get(CrawlRun, child.run_id)
                if run is None:
                    return None
                outcome = CrawlOutcome(child.outlet, child.run_id, run.status, run.new_articles, run.requests,
                                       run.errors, code, duration)
        except Exception as exc:
            log.error("cannot record the end of crawl run %s: %s", child.run_id, exc)
            return None
        log.info("crawl of %s ended: %s, %s new articles, %.1fs", child.outlet, outcome.status,
                 outcome.new_articles, duration, extra={"outlet": child.outlet, "run_id": child.run_id})
        run_after_crawl(self.on_finish, outcome)
        return outcome

    def _close_run(self, run_id: int, status: str, message: str, *, force: bool = False) -> None:
        """Close the row if the child left it running; a kill we ordered overrides what it wrote."""
        statuses = ("running", "ok", "failed") if force else ("running",)
        with transaction(self.sessions) as session:
            session.execute(
                update(CrawlRun)
                .where(CrawlRun.id == run_id, CrawlRun.status.in_(statuses))
                .values(status=status, finished_at=datetime.now(UTC), error_message=message)
            )


def close_stale_runs(sessions: sessionmaker[Session], settings: Settings, *, host: str,
                     keep: set[int] | None = None) -> int:
    """Mark crawl_runs left 'running' by a dead process as interrupted; returns how many.

    A run of this host is stale when its process is gone; a run of another host when it is older
    than the crawl time limit (its process cannot be checked from here).
    """
    keep = keep or set()
    now = datetime.now(UTC)
    cutoff = now - timedelta(seconds=settings.crawl_timeout + 120)
    closed = 0
    with transaction(sessions) as session:
        rows = session.scalars(
            select(CrawlRun).where(CrawlRun.status == "running", CrawlRun.node.is_(None)).with_for_update(
                skip_locked=True)
        ).all()
        for run in rows:
            if run.id in keep:
                continue
            if run.host == host and run.pid is None:  # a row written just before its process starts
                stale = run.started_at < now - timedelta(seconds=60)
            elif run.host == host:
                stale = not _crawl_alive(run.pid or 0, run.outlet_key)
            else:
                stale = run.started_at < cutoff
            if stale:
                run.status = "interrupted"
                run.finished_at = now
                run.error_message = "the process running this crawl stopped before it finished"
                closed += 1
    if closed:
        log.warning("closed %d crawl run(s) left running by a stopped process", closed)
    return closed


def _crawl_alive(pid: int, outlet: str) -> bool:
    try:
        proc = psutil.Process(pid)
        return proc.status() != psutil.STATUS_ZOMBIE and outlet in " ".join(proc.cmdline())
    except (psutil.Error, OSError):
        return False
