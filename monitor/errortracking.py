"""Sentry: initialised once at the entry point, without personal data or secrets."""

from __future__ import annotations

import logging
from typing import Any

import sentry_sdk
from sentry_sdk.consts import DEFAULT_OPTIONS

from monitor import __version__
from monitor.logs import redact
from monitor.settings import Settings

log = logging.getLogger(__name__)


def _redact_all(value: Any) -> Any:
    if isinstance(value, str):
        return redact(value)
    if isinstance(value, dict):
        return {key: _redact_all(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_redact_all(item) for item in value]
    return value


def _scrub(event: Any, hint: Any) -> Any:
    """Redact passwords in URLs, key=value secrets and registered secrets anywhere in the event."""
    try:
        return _redact_all(event)
    except Exception:  # never lose an event over scrubbing
        log.debug("could not scrub a Sentry event", exc_info=True)
        return event


def init_sentry(settings: Settings, component: str = "service") -> bool:
    """Initialise the SDK when SENTRY_DSN is set. Returns whether Sentry is on."""
    if not settings.sentry_dsn:
        return False
    privacy: dict[str, Any]
    if "data_collection" in DEFAULT_OPTIONS:
        # SDKs >= 2.5x replace send_default_pii (now deprecated) with data_collection.
        privacy = {"data_collection": {"user_info": False, "stack_frame_variables": False, "http_bodies": []}}
    else:
        privacy = {"send_default_pii": False, "include_local_variables": False}
    sentry_sdk.init(
        dsn=settings.sentry_dsn,
        environment=settings.environment,
        release=f"pantau@{__version__}",
        before_send=_scrub,
        traces_sample_rate=0.0,
        **privacy,
    )
    sentry_sdk.set_tag("component", component)
    return True
