"""Small helpers shared by the alert tests that commit: queue alerts, read rows, pull retries forward."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from monitor.alerts.outbox import enqueue, enqueue_story_alert
from monitor.db.models import Alert
from monitor.db.session import transaction
from monitor.settings import Settings
from tests.alerts.conftest import add_sanction_story

SettingsFactory = Callable[..., Settings]


def queue_story(sessions: sessionmaker[Session], settings: Settings, **story: Any) -> int:
    with transaction(sessions) as session:
        s, article = add_sanction_story(session, **story)
        alert = enqueue_story_alert(session, s, article, settings)
        assert alert is not None
        return alert.id


def queue_test(sessions: sessionmaker[Session], settings: Settings, key: str) -> int:
    with transaction(sessions) as session:
        alert = enqueue(session, key=key, kind="test", recipients=list(settings.alert_to),
                        payload={"at": None}, settings=settings)
        assert alert is not None
        return alert.id


def alert_row(sessions: sessionmaker[Session], alert_id: int) -> Alert:
    with sessions() as session:
        row = session.scalar(select(Alert).where(Alert.id == alert_id))
        assert row is not None
        return row


def make_due(sessions: sessionmaker[Session]) -> None:
    """The fake clock: every pending alert becomes due now instead of after its backoff."""
    with transaction(sessions) as session:
        session.execute(update(Alert).where(Alert.status == "pending").values(next_attempt_at=Alert.created_at))
