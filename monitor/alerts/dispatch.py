"""The dispatcher: claim a due alert (SKIP LOCKED, committed lease), send it, mark it in a short transaction."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from datetime import timedelta
from email.message import EmailMessage
from typing import Any

import sentry_sdk
from sentry_sdk.integrations.logging import ignore_logger
from sqlalchemy import func, select, update
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from monitor.alerts.outbox import story_articles
from monitor.alerts.render import build_message, render
from monitor.alerts.smtp import DeliveryError, deliver, eml_name
from monitor.db.models import Alert
from monitor.db.session import transaction
from monitor.logs import redact
from monitor.settings import Settings

log = logging.getLogger(__name__)
ignore_logger(__name__)  # failures are captured explicitly below, with the alert's context, once

RETRY_CAP = timedelta(hours=6)
MAX_PER_RUN = 200
STOP_AFTER_FAILURES = 3
MARK_TRIES = 4
MARK_PAUSE = 0.5  # seconds, growing per try


@dataclass(frozen=True)
class Claimed:
    """An alert this dispatcher holds the lease on."""

    id: int
    key: str
    kind: str
    attempts: int
    message_id: str
    recipients: list[str]
    payload: dict[str, Any]


def lease(settings: Settings) -> timedelta:
    """How long a claimed alert is invisible to other dispatchers (longer than one SMTP exchange)."""
    return timedelta(seconds=max(60.0, settings.smtp_timeout * 4))


def retry_delay(settings: Settings, failures: int) -> timedelta:
    """alert_retry_base * 2**(failures - 1), capped: base, 2x base, 4x base, ..."""
    exponent = min(max(failures - 1, 0), 30)
    return min(timedelta(seconds=settings.alert_retry_base * 2**exponent), RETRY_CAP)


def default_recipients(kind: str, settings: Settings) -> list[str]:
    if kind == "digest":
        return list(settings.digest_to or settings.alert_to)
    if kind in ("health", "recovered"):
        return list(settings.health_to or settings.alert_to)
    return list(settings.alert_to)


def claim_one(sessions: sessionmaker[Session], settings: Settings, only_id: int | None = None) -> Claimed | None:
    """Take one due pending alert; the committed lease keeps other dispatchers away while we send."""
    query = select(Alert).where(Alert.status == "pending", Alert.next_attempt_at <= func.now())
    if only_id is not None:
        query = query.where(Alert.id == only_id)
    with transaction(sessions) as session:
        row = session.scalars(
            query.order_by(Alert.next_attempt_at, Alert.id).limit(1).with_for_update(skip_locked=True)
        ).first()
        if row is None:
            return None
        row.attempts += 1
        row.next_attempt_at = func.now() + lease(settings)
        payload = dict(row.payload or {})
        if row.kind == "sanction" and row.story_id is not None:
            current = story_articles(session, row.story_id)
            if current:
                payload["articles"] = current  # later outlets of the story join the one alert
        recipients = list(row.recipients or []) or default_recipients(row.kind, settings)
        return Claimed(row.id, row.idempotency_key, row.kind, row.attempts, row.message_id, recipients, payload)


def compose(alert: Claimed, settings: Settings) -> EmailMessage:
    rendered = render(alert.kind, alert.payload, settings.alert_lang)
    return build_message(rendered, sender=settings.alert_from, recipients=alert.recipients,
                         message_id=alert.message_id)


def _mark_sent(sessions: sessionmaker[Session], alert: Claimed) -> None:
    """Record the hand-over. Retried briefly: failing here is the one window for a duplicate mail."""
    for attempt in range(MARK_TRIES):
        try:
            with transaction(sessions) as session:
                session.execute(
                    update(Alert)
                    .where(Alert.id == alert.id, Alert.status == "pending")
                    .values(status="sent", sent_at=func.now(), last_error=None)
                )
            return
        except OperationalError:
            if attempt + 1 == MARK_TRIES:
                raise
            log.warning("alert %s was sent but could not be marked yet; retrying", alert.id)
            time.sleep(MARK_PAUSE * (attempt + 1))


def _mark_failed(sessions: sessionmaker[Session], alert: Claimed, error: str, settings: Settings) -> bool:
    """Schedule a retry, or mark the alert dead after alert_max_attempts. Returns True when dead."""
    dead = alert.attempts >= settings.alert_max_attempts
    values: dict[str, Any] = {"last_error": error[:2000]}
    if dead:
        values["status"] = "dead"
    else:
        values["next_attempt_at"] = func.now() + retry_delay(settings, alert.attempts)
    with transaction(sessions) as session:
        session.execute(update(Alert).where(Alert.id == alert.id, Alert.status == "pending").values(**values))
    return dead


def report_dead(alert: Claimed, error: str) -> None:
    log.error("alert %s (%s) is dead after %s attempts: %s", alert.id, alert.kind, alert.attempts, error,
              extra={"alert_id": alert.id})
    with sentry_sdk.new_scope() as scope:
        scope.set_tag("alert_id", str(alert.id))
        scope.set_tag("alert_kind", alert.kind)
        scope.set_context("alert", {"id": alert.id, "kind": alert.kind, "key": alert.key,
                                    "attempts": alert.attempts})
        sentry_sdk.capture_message(f"alert {alert.id} ({alert.kind}) dead after {alert.attempts} attempts: "
                                   f"{redact(error)}", level="error")


def send_claimed(sessions: sessionmaker[Session], alert: Claimed, settings: Settings) -> str | None:
    """Render and deliver one claimed alert, then record the outcome. Returns where it went, or None."""
    try:
        msg = compose(alert, settings)
        where = deliver(msg, alert.recipients, settings, eml_name(alert.id, alert.key))
    except DeliveryError as exc:
        error = redact(str(exc))
    except Exception as exc:  # a rendering bug: report it with context, keep the alert for a retry
        error = redact(f"{type(exc).__name__}: {exc}")
        with sentry_sdk.new_scope() as scope:
            scope.set_tag("alert_id", str(alert.id))
            scope.set_tag("alert_kind", alert.kind)
            sentry_sdk.capture_exception(exc)
    else:
        _mark_sent(sessions, alert)
        log.info("alert %s (%s) sent via %s", alert.id, alert.kind, where, extra={"alert_id": alert.id})
        return where
    if _mark_failed(sessions, alert, error, settings):
        report_dead(alert, error)
    else:
        log.warning("alert %s (%s) attempt %s failed, will retry: %s", alert.id, alert.kind, alert.attempts,
                    error, extra={"alert_id": alert.id})
    return None


def dispatch_due(sessions: sessionmaker[Session], settings: Settings) -> int:
    """Send every due pending alert (at most MAX_PER_RUN per call). Returns how many were sent."""
    sent = failures = 0
    for _ in range(MAX_PER_RUN):
        alert = claim_one(sessions, settings)
        if alert is None:
            break
        if send_claimed(sessions, alert, settings):
            sent += 1
            failures = 0
        else:
            failures += 1
            if failures >= STOP_AFTER_FAILURES:  # the server is likely down: leave the rest for later
                break
    return sent
