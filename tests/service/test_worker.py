"""`pantau worker`: dispatches the outbox without the leader lock, beside a leader, and stops on SIGTERM."""

from __future__ import annotations

import uuid
from collections.abc import Callable

from monitor.alerts.outbox import enqueue
from monitor.db.session import make_engine, make_sessionmaker, transaction
from monitor.service.sink import SmtpSink
from monitor.settings import Settings
from tests.service.conftest import ServiceProcess, leader_pid, query, wait_until


def test_worker_sends_alerts_without_leading(
    fresh_database_url: str, start_service: Callable[..., ServiceProcess]
) -> None:
    url = fresh_database_url
    settings = Settings(_env_file=None, database_url=url, alert_to=["ops@example.org"])  # type: ignore[call-arg]
    engine = make_engine(url)
    with SmtpSink() as sink:
        try:
            with transaction(make_sessionmaker(engine)) as session:
                for i in range(3):
                    enqueue(session, key=f"test:worker:{i}:{uuid.uuid4().hex[:6]}", kind="test",
                            recipients=["ops@example.org"], payload={"at": "2026-01-01T00:00:00+00:00"},
                            settings=settings)
            worker = start_service(url, "worker", PANTAU_SMTP_HOST="127.0.0.1", PANTAU_SMTP_PORT=str(sink.port))
            wait_until(lambda: query(url, "SELECT count(*) FROM alerts WHERE status = 'sent'")[0][0] == 3, 60,
                       "the worker to send the outbox")
            assert len(sink.received) == 3
            assert leader_pid(url) is None
            assert query(url, "SELECT count(*) FROM crawl_runs")[0][0] == 0
            assert worker.terminate() == 0
        finally:
            engine.dispose()
