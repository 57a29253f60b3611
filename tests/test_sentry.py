"""Sentry: a captured error reaches a local endpoint as a real envelope, without secrets."""

from __future__ import annotations

import json
from pathlib import Path

import sentry_sdk

from monitor.errortracking import init_sentry
from monitor.settings import Settings
from tests.sentry_sink import sentry_sink


def test_captured_error_reaches_local_sentry(tmp_path: Path) -> None:
    with sentry_sink() as sink:
        settings = Settings(_env_file=None, sentry_dsn=sink.dsn, data_dir=tmp_path, environment="test")  # type: ignore[call-arg]
        try:
            assert init_sentry(settings, component="test")
            try:
                raise RuntimeError("cannot reach postgresql://pantau:hunter22@db.example.org/pantau")
            except RuntimeError as exc:
                sentry_sdk.capture_exception(exc)
            sentry_sdk.flush(timeout=5)
            events = sink.wait_for("event")
        finally:
            sentry_sdk.get_client().close()
            sentry_sdk.init(dsn=None)
    assert len(events) == 1
    event = events[0]
    assert event["environment"] == "test"
    assert event["release"].startswith("pantau@")
    assert event["tags"]["component"] == "test"
    value = event["exception"]["values"][0]
    assert value["type"] == "RuntimeError"
    assert "hunter22" not in value["value"]
    assert "pantau:***@db.example.org" in value["value"]
    assert "hunter22" not in json.dumps(sink.envelopes)


def test_sentry_off_without_dsn(tmp_path: Path) -> None:
    settings = Settings(_env_file=None, data_dir=tmp_path)  # type: ignore[call-arg]
    assert init_sentry(settings) is False
