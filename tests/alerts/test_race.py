"""Two dispatchers racing over one outbox: every alert is delivered exactly once."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable

from sqlalchemy import func, select

from monitor.alerts.dispatch import dispatch_due
from monitor.db.models import Alert
from monitor.db.session import make_engine, make_sessionmaker
from tests.alerts.conftest import SmtpServer
from tests.alerts.helpers import SettingsFactory, queue_test


def test_two_dispatchers_deliver_each_of_50_alerts_exactly_once(
    settings_factory: SettingsFactory, smtp_server: Callable[..., SmtpServer], fresh_database_url: str
) -> None:
    server = smtp_server()
    settings = settings_factory(smtp_host="127.0.0.1", smtp_port=server.port, alert_to=["ops@example.org"])
    engines = [make_engine(fresh_database_url, pool_size=2) for _ in range(2)]
    try:
        factories = [make_sessionmaker(e) for e in engines]
        for n in range(50):
            queue_test(factories[0], settings, f"test:race:{n}")
        barrier = threading.Barrier(2)
        sent = [0, 0]
        errors: list[BaseException] = []

        def run(index: int) -> None:
            try:
                barrier.wait()
                while True:
                    count = dispatch_due(factories[index], settings)
                    sent[index] += count
                    if count == 0:
                        break
            except BaseException as exc:  # surfaced below
                errors.append(exc)

        threads = [threading.Thread(target=run, args=(i,)) for i in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
        assert not errors
        assert sum(sent) == 50
        ids = Counter(server.inbox.message_ids())
        assert len(ids) == 50 and set(ids.values()) == {1}
        with factories[0]() as session:
            statuses = dict(session.execute(select(Alert.status, func.count()).group_by(Alert.status)).all())
            attempts = set(session.scalars(select(Alert.attempts)).all())
        assert statuses == {"sent": 50}
        assert attempts == {1}
    finally:
        for engine in engines:
            engine.dispose()
