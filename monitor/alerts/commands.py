"""`pantau alerts test` and `pantau alerts list`."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from sqlalchemy import select

from monitor.alerts.dispatch import claim_one, default_recipients, send_claimed
from monitor.alerts.i18n import format_wib
from monitor.alerts.outbox import enqueue
from monitor.alerts.render import one_line
from monitor.db.models import Alert
from monitor.db.runtime import open_database
from monitor.db.session import transaction
from monitor.settings import Settings


def send_test(settings: Settings) -> int:
    """Queue a test message and send it now through the normal path. Exit code 0 when delivered."""
    now = datetime.now(UTC)
    with open_database(settings, migrate=True) as db:
        with transaction(db.sessions) as session:
            alert = enqueue(session, key=f"test:{now:%Y%m%dT%H%M%S}:{uuid.uuid4().hex[:8]}", kind="test",
                            recipients=default_recipients("test", settings), payload={"at": now.isoformat()},
                            settings=settings)
            alert_id = alert.id if alert else None
        claimed = claim_one(db.sessions, settings, only_id=alert_id) if alert_id is not None else None
        if claimed is None:
            print("pantau alerts test: could not claim the test message")
            return 1
        where = send_claimed(db.sessions, claimed, settings)
        if where is None:
            with db.sessions() as session:
                error = session.scalar(select(Alert.last_error).where(Alert.id == claimed.id))
            print(f"test message {claimed.id} NOT delivered: {error}; it stays in the outbox and is retried")
            return 1
        to = ", ".join(claimed.recipients) or "(no recipients)"
        print(f"test message {claimed.id} delivered via {where} to {to}")
        return 0


def list_alerts(settings: Settings, status: str | None = None, limit: int = 50) -> int:
    """Print the newest alerts as a table: id, status, kind, attempts, times, key, last error."""
    with open_database(settings, migrate=True) as db, db.sessions() as session:
        query = select(Alert).order_by(Alert.id.desc()).limit(max(1, limit))
        if status:
            query = query.where(Alert.status == status)
        rows = session.scalars(query).all()
    header = ("id", "status", "kind", "tries", "created", "sent / next try", "key", "last error")
    table = [header]
    for a in rows:
        when = a.sent_at if a.status == "sent" else (a.next_attempt_at if a.status == "pending" else None)
        table.append((str(a.id), a.status, a.kind, str(a.attempts), format_wib(a.created_at, "en"),
                      format_wib(when, "en") if when else "-", one_line(a.idempotency_key, 40),
                      one_line(a.last_error, 60) or "-"))
    if len(table) == 1:
        print("no alerts" + (f" with status {status}" if status else ""))
        return 0
    widths = [max(len(row[i]) for row in table) for i in range(len(header))]
    for row in table:
        print("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)).rstrip())
    return 0
