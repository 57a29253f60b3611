"""Crawl children: a hung crawl is killed and recorded, a crash is recorded, SIGTERM stops everything."""

from __future__ import annotations

import time
from collections.abc import Callable

from tests.service.conftest import ServiceProcess, pid_alive, query, wait_until


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


def test_kill9_during_crawl_then_restart_closes_the_stale_run(
    fresh_database_url: str, start_service: Callable[..., ServiceProcess]
) -> None:
    url = fresh_database_url
    service = start_service(url, PANTAU_FAKE_CRAWL="diksi=hang,patrolipost=ok", PANTAU_OUTLETS="diksi")
    run = wait_until(lambda: [r for r in _runs(url, "diksi") if r[1] == "running" and r[2]], 60,
                     "a crawl to run")[0]
    service.kill9()
    # the crawl dies with its parent (no orphan keeps crawling)
    wait_until(lambda: not pid_alive(int(run[2] or 0)), 10, "the orphaned crawl to die")
    assert _runs(url, "diksi")[0][1] == "running"
    again = start_service(url, PANTAU_FAKE_CRAWL="ok", PANTAU_OUTLETS="diksi")
    wait_until(lambda: _runs(url, "diksi")[0][1] == "interrupted", 60, "the stale run to be closed")
    wait_until(lambda: any(r[1] == "ok" for r in _runs(url, "diksi")), 30, "a new crawl after the restart")
    assert again.terminate() == 0
