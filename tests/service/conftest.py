"""Fixtures for service tests: real `pantau run` processes on a fresh database, polling helpers."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
FAKE_CRAWL = f"{sys.executable} -m tests.service.fake_crawl"


def wait_until(predicate: Callable[[], Any], timeout: float, what: str, interval: float = 0.2) -> Any:
    """Poll `predicate` until it returns something truthy; fail with `what` after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout}s waiting for {what}")
        time.sleep(interval)


def query(url: str, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Run one statement on its own connection (fails soft while the server restarts)."""
    with psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://"), autocommit=True,
                         connect_timeout=5) as conn:
        cur = conn.execute(sql, params)  # type: ignore[arg-type]
        return cur.fetchall() if cur.description else []


def service_env(database_url: str, data_dir: Path, **overrides: str) -> dict[str, str]:
    """The environment of a service under test: short intervals, fake crawls unless told otherwise."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PANTAU_") and k not in ("DATABASE_URL",
                                                                                               "SENTRY_DSN")}
    env.update({
        "DATABASE_URL": database_url,
        "PANTAU_DATA_DIR": str(data_dir),
        "PANTAU_OUTLETS": "diksi,patrolipost",
        "PANTAU_CRAWL_COMMAND": FAKE_CRAWL,
        "PANTAU_CRAWL_INTERVAL": "5",
        "PANTAU_CRAWL_INTERVAL_MIN": "5",
        "PANTAU_CRAWL_INTERVAL_MAX": "5",
        "PANTAU_CRAWL_JITTER": "0",
        "PANTAU_CRAWL_TIMEOUT": "60",
        "PANTAU_PROCESS_INTERVAL": "2",
        "PANTAU_DISPATCH_INTERVAL": "2",
        "PANTAU_LEADER_TAKEOVER_SECONDS": "2",
        "PANTAU_LOG_LEVEL": "INFO",
        "PYTHONPATH": str(REPO_ROOT),
    })
    env.update(overrides)
    return env


class ServiceProcess:
    """A `pantau run` (or worker) child process with its log file."""

    def __init__(self, env: dict[str, str], log_path: Path, command: str = "run") -> None:
        self.log_path = log_path
        self._log = log_path.open("ab")
        self.proc = subprocess.Popen([sys.executable, "-m", "monitor.cli", command], env=env, cwd=REPO_ROOT,
                                     stdin=subprocess.DEVNULL, stdout=self._log, stderr=subprocess.STDOUT)

    @property
    def pid(self) -> int:
        return self.proc.pid

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def alive(self) -> bool:
        return self.proc.poll() is None

    def kill9(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait(timeout=10)

    def terminate(self, timeout: float = 30) -> int:
        self.proc.send_signal(signal.SIGTERM)
        return self.proc.wait(timeout=timeout)

    def close(self) -> None:
        if self.proc.poll() is None:
            self.kill9()
        self._log.close()


@pytest.fixture
def start_service(tmp_path: Path) -> Iterator[Callable[..., ServiceProcess]]:
    """Start `pantau run` processes; every one still running at the end is killed."""
    started: list[ServiceProcess] = []

    def start(database_url: str, command: str = "run", **overrides: str) -> ServiceProcess:
        n = len(started)
        env = service_env(database_url, tmp_path / "data", **overrides)
        service = ServiceProcess(env, tmp_path / f"service-{n}.log", command)
        started.append(service)
        return service

    yield start
    for service in started:
        service.close()


def leader_pid(url: str) -> int | None:
    try:
        rows = query(url, "SELECT pid FROM service_leader WHERE id = 1")
    except psycopg.Error:
        return None
    return int(rows[0][0]) if rows else None


def pid_alive(pid: int) -> bool:
    import psutil

    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.Error:
        return False
