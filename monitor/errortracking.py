"""Sentry: initialised once at the entry point, without personal data or secrets."""

from __future__ import annotations

import logging
from typing import Any

import sentry_sdk

from monitor import __version__
from monitor.logs import redact
from monitor.settings import Settings

log = logging.getLogger(__name__)


def _scrub(event: Any, hint: Any) -> Any:
    """Redact secrets from messages, exception values and breadcrumbs before sending."""
    try:
        if isinstance(event.get("message"), str):
            event["message"] = redact(event["message"])
        logentry = event.get("logentry") or {}
        if isinstance(logentry.get("message"), str):
            logentry["message"] = redact(logentry["message"])
        for exc in (event.get("exception") or {}).get("values", []) or []:
            if isinstance(exc.get("value"), str):
                exc["value"] = redact(exc["value"])
        for crumb in (event.get("breadcrumbs") or {}).get("values", []) or []:
            if isinstance(crumb.get("message"), str):
                crumb["message"] = redact(crumb["message"])
    except Exception:  # never lose an event over scrubbing
        log.debug("could not scrub a Sentry event", exc_info=True)
    return event


def init_sentry(settings: Settings, component: str = "service") -> bool:
    """Initialise the SDK when SENTRY_DSN is set. Returns whether Sentry is on."""
    if not settings.sentry_dsn:
        return False
    sentry_sdk.init(
        dsn=settings.sentry_dsn,
        environment=settings.environment,
        release=f"pantau@{__version__}",
        send_default_pii=False,
        before_send=_scrub,
        traces_sample_rate=0.0,
    )
    sentry_sdk.set_tag("component", component)
    return True
