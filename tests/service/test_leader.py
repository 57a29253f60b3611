"""Leader election with two real `pantau run` processes on one database."""

from __future__ import annotations

import json
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable

import psutil

from monitor.service.sink import free_port
from tests.service.conftest import REPO_ROOT, ServiceProcess, leader_pid, query, service_env, wait_until


def _get(port: int, path: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=5) as reply:
            return reply.status, reply.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()


def _crawl_children(service: ServiceProcess) -> list[psutil.Process]:
    try:
        return [p for p in psutil.Process(service.pid).children(recursive=True) if p.status() != "zombie"]
    except psutil.Error:
        return []


def test_one_leader_and_takeover_after_kill9(
    fresh_database_url: str, start_service: Callable[..., ServiceProcess], tmp_path: object
) -> None:
    first_port, second_port = free_port(), free_port()
    first = start_service(fresh_database_url, PANTAU_METRICS_PORT=str(first_port))
    wait_until(lambda: leader_pid(fresh_database_url) == first.pid, 60, "the first service to lead")
    second = start_service(fresh_database_url, PANTAU_METRICS_PORT=str(second_port))
    wait_until(lambda: query(fresh_database_url, "SELECT count(*) FROM crawl_runs WHERE status = 'ok'")[0][0] >= 2,
               30, "the leader's first crawls")
    wait_until(lambda: "pantau run started" in second.log(), 60, "the second service to start")
    time.sleep(3)  # the standby has had time to try (and fail) to take the lock
    assert second.alive() and leader_pid(fresh_database_url) == first.pid
    assert "became leader" not in second.log() and not _crawl_children(second)
    code, body = _get(first_port, "/healthz")
    assert code == 200 and json.loads(body)["role"] == "leader" and json.loads(body)["database"] == "ok"
    code, body = _get(second_port, "/healthz")
    assert code == 200 and json.loads(body)["role"] == "standby"
    code, metrics = _get(first_port, "/metrics")
    assert code == 200 and 'pantau_crawls_total{outlet="diksi",status="ok"}' in metrics
    assert "pantau_leader 1.0" in metrics and 'pantau_alerts{status="pending"} 0.0' in metrics

    first.kill9()
    killed_at = time.monotonic()
    wait_until(lambda: leader_pid(fresh_database_url) == second.pid, 30, "the standby to take over")
    took = time.monotonic() - killed_at
    before = query(fresh_database_url, "SELECT max(id) FROM crawl_runs")[0][0]
    wait_until(lambda: query(fresh_database_url, "SELECT count(*) FROM crawl_runs WHERE status = 'ok' AND id > %s",
                             (before,))[0][0] >= 1, 30, "the new leader's crawls")
    assert took < 30

    status = subprocess.run(
        [sys.executable, "-m", "monitor.cli", "status", "--json"], cwd=REPO_ROOT, capture_output=True, text=True,
        env=service_env(fresh_database_url, tmp_path / "status"),  # type: ignore[operator]
        timeout=60, check=True,
    )
    data = json.loads(status.stdout)
    assert data["leader"]["pid"] == second.pid
    assert {o["key"] for o in data["outlets"]} == {"diksi", "patrolipost"}
    assert all(o["last_crawl"] and o["next_run"] for o in data["outlets"])
    assert second.terminate() == 0
    # a clean stop gives the lock back and forgets the leader row
    assert leader_pid(fresh_database_url) is None
