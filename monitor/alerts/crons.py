"""Sentry cron check-ins around scheduled jobs: in_progress, then ok or error."""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sentry_sdk.crons import capture_checkin
from sentry_sdk.crons.consts import MonitorStatus

log = logging.getLogger(__name__)


def monitor_config(schedule: str | int, *, max_runtime_minutes: int = 30) -> dict[str, Any]:
    """A crontab string (`0 7 * * *`) or an interval in seconds, as Sentry's monitor config."""
    if isinstance(schedule, int):
        minutes = max(1, round(schedule / 60))
        sched: dict[str, Any] = {"type": "interval", "value": minutes, "unit": "minute"}
    else:
        sched = {"type": "crontab", "value": schedule}
    return {
        "schedule": sched,
        "timezone": "Asia/Jakarta",
        "checkin_margin": 5,
        "max_runtime": max_runtime_minutes,
    }


def _checkin(**kwargs: Any) -> str | None:
    try:
        return capture_checkin(**kwargs)
    except Exception:  # check-ins must never break the job they watch
        log.debug("cron check-in failed", exc_info=True)
        return None


@contextmanager
def monitored(slug: str, schedule: str | int, *, max_runtime_minutes: int = 30) -> Iterator[None]:
    """Wrap a scheduled job: `with monitored("dispatch", 30): ...` (also usable as a decorator).

    Sends in_progress at the start and ok or error at the end (errors are re-raised). Without
    SENTRY_DSN the SDK has no client and the check-ins are dropped.
    """
    config = monitor_config(schedule, max_runtime_minutes=max_runtime_minutes)
    check_in_id = _checkin(monitor_slug=slug, status=MonitorStatus.IN_PROGRESS, monitor_config=config)
    started = time.monotonic()
    try:
        yield
    except BaseException:
        _checkin(monitor_slug=slug, check_in_id=check_in_id, status=MonitorStatus.ERROR,
                 duration=time.monotonic() - started, monitor_config=config)
        raise
    _checkin(monitor_slug=slug, check_in_id=check_in_id, status=MonitorStatus.OK,
             duration=time.monotonic() - started, monitor_config=config)
