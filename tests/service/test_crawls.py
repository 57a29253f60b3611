"""Crawl children: a hung crawl is killed and recorded, a crash is recorded, SIGTERM stops everything."""

from __future__ import annotations

import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path

from tests.conftest import create_database, drop_database
from tests.service.conftest import ServiceProcess, pid_alive, query, service_env, wait_until


def _runs(url: str, outlet: str) -> list[tuple[int, str, int | None, str | None]]:
    return [(int(r[0]), str(r[1]), r[2], r[3]) for r in query(
        url, "SELECT id, status, pid, error_message FROM crawl_runs WHERE outlet_key = %s ORDER BY id", (outlet,))]


def test_hung_crawl_is_killed_crash_is_recorded_and_the_service_goes_on(
    fresh_database_url: str, start_service: Callable[..., ServiceProcess]
) -> None:
    service = start_service(fresh_database_url, PANTAU_CRAWL_TIMEOUT="5",
                            PANTAU_FAKE_CRAWL="diksi=hang-hard,patrolipost=crash")
    url = fresh_database_url
    first_hang = wait_until(lambda: [r for r in _runs(url, "diksi") if r[1] == "running" and r[2]], 60,
                            "the hanging crawl to start")[0]
    wait_until(lambda: [r for r in _runs(url, "patrolipost") if r[1] == "failed"], 30, "the crash to be recorded")
    timed_out = wait_until(lambda: [r for r in _runs(url, "diksi") if r[1] == "timeout"], 40,
                           "the hung crawl to be killed")
    assert timed_out[0][0] == first_hang[0]
    assert "limit" in (timed_out[0][3] or "")
    assert not pid_alive(int(first_hang[2] or 0)), "the crawl ignoring SIGTERM was SIGKILLed"
    crash = next(r for r in _runs(url, "patrolipost") if r[1] == "failed")
    assert "exited with code 3" in (crash[3] or "")
    # the service is still there and keeps scheduling
    wait_until(lambda: len(_runs(url, "diksi")) >= 2, 30, "the next crawl of the hung outlet")
    assert service.alive()


def test_sigterm_stops_within_30s_and_ends_running_crawls(
    fresh_database_url: str, start_service: Callable[..., ServiceProcess]
) -> None:
    url = fresh_database_url
    service = start_service(url, PANTAU_FAKE_CRAWL="hang", PANTAU_CRAWL_TIMEOUT="600")
    running = wait_until(lambda: [r for r in _runs(url, "diksi") + _runs(url, "patrolipost")
                                  if r[1] == "running" and r[2]], 60, "crawls to run")
    started = time.monotonic()
    assert service.terminate(timeout=30) == 0
    assert time.monotonic() - started < 30
    for run in running:
        assert not pid_alive(int(run[2] or 0))
    statuses = {r[1] for r in _runs(url, "diksi") + _runs(url, "patrolipost")}
    assert statuses == {"interrupted"}
    assert query(url, "SELECT count(*) FROM service_leader")[0][0] == 0
    assert "stopped in" in service.log()


def test_kill9_during_real_crawl_then_restart_loses_and_doubles_nothing(
    fresh_database_url: str, start_service: Callable[..., ServiceProcess], pg_admin_url: str,
    template_database: str, tmp_path: Path,
) -> None:
    """A real crawl of a replica, cut by kill -9 mid-way, then resumed, stores what one clean crawl stores."""
    from crawler.testing import ReplicaCluster

    url = fresh_database_url
    cluster = ReplicaCluster(["diksi"])
    base = cluster.start()["diksi"]
    site = cluster["diksi"]
    real = {"PANTAU_CRAWL_COMMAND": "", "PANTAU_OUTLETS": "diksi", "PANTAU_DIKSI_BASE_URL": base,
            "PANTAU_DOWNLOAD_DELAY": "0", "PANTAU_AUTOTHROTTLE": "false", "PANTAU_CRAWL_INTERVAL": "600",
            "PANTAU_CRAWL_INTERVAL_MAX": "600", "PANTAU_PROCESS_INTERVAL": "600"}
    clean = create_database(pg_admin_url, f"pantau_t_{uuid.uuid4().hex[:12]}", template=template_database)
    try:
        site.inject_fault("^/index\\.php/(?!feed).+", "slow", times=None, delay=1.0)  # article pages are slow
        service = start_service(url, **real, PANTAU_CONCURRENT_REQUESTS_PER_DOMAIN="1")
        wait_until(lambda: sum(1 for r in site.request_log if r.path.startswith("/index.php/")
                               and "feed" not in r.path) >= 3, 90, "the crawl to be under way")
        run = query(url, "SELECT id, pid FROM crawl_runs WHERE status = 'running'")[0]
        service.kill9()
        stored_before = query(url, "SELECT count(*) FROM articles")[0][0]
        # the crawl dies with its parent: no orphan keeps crawling
        wait_until(lambda: not pid_alive(int(run[1])), 10, "the orphaned crawl to die")
        site.clear_faults()
        again = start_service(url, **real)
        wait_until(lambda: query(url, "SELECT status FROM crawl_runs WHERE id = %s", (run[0],))[0][0]
                   == "interrupted", 60, "the stale run to be closed")
        wait_until(lambda: query(url, "SELECT count(*) FROM crawl_runs WHERE status = 'ok'")[0][0] >= 1, 90,
                   "the crawl after the restart")
        assert again.terminate() == 0
        # the same outlet crawled once without interruption, into another database
        env = service_env(clean, tmp_path / "clean", **real)
        subprocess.run([sys.executable, "-m", "crawler.run", "diksi"], env=env, check=True, timeout=120,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        resumed = sorted(r[0] for r in query(url, "SELECT canonical_url FROM articles"))
        uninterrupted = sorted(r[0] for r in query(clean, "SELECT canonical_url FROM articles"))
    finally:
        cluster.stop()
        drop_database(pg_admin_url, clean.rsplit("/", 1)[-1].split("?")[0])
    assert stored_before < len(uninterrupted)  # the kill came before the crawl was done
    assert resumed == uninterrupted and len(set(resumed)) == len(resumed)


def test_adaptive_polling_shortens_the_interval_of_a_busy_outlet(
    fresh_database_url: str, start_service: Callable[..., ServiceProcess]
) -> None:
    url = fresh_database_url
    service = start_service(url, PANTAU_OUTLETS="diksi", PANTAU_FAKE_NEW="2", PANTAU_CRAWL_INTERVAL="20",
                            PANTAU_CRAWL_INTERVAL_MIN="5", PANTAU_CRAWL_INTERVAL_MAX="60")
    wait_until(lambda: query(url, "SELECT 1 FROM outlets WHERE key = 'diksi' AND poll_interval = 10"), 60,
               "the interval to halve after a crawl with new articles")
    next_at, finished = query(url, "SELECT o.next_crawl_at, r.started_at FROM outlets o JOIN crawl_runs r "
                                   "ON r.outlet_key = o.key WHERE o.key = 'diksi' ORDER BY r.id LIMIT 1")[0]
    assert 9 <= (next_at - finished).total_seconds() <= 12  # 10 s after the crawl started, no jitter
    assert service.terminate() == 0
