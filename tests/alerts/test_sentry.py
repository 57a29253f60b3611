"""Sentry: a dead alert reaches a local Sentry endpoint as an error with context; cron check-ins too."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator

import pytest
import sentry_sdk
from sqlalchemy.orm import Session, sessionmaker

from monitor.alerts.crons import monitored
from monitor.alerts.dispatch import dispatch_due
from monitor.errortracking import init_sentry
from tests.alerts.conftest import SmtpServer
from tests.alerts.helpers import SettingsFactory, alert_row, queue_test
from tests.sentry_sink import SentrySink, sentry_sink

SECRET = "kata-sandi-smtp-rahasia"


@pytest.fixture
def sentry() -> Iterator[SentrySink]:
    """A local Sentry endpoint; the SDK is shut down and reset after the test."""
    with sentry_sink() as sink:
        yield sink
        sentry_sdk.flush(timeout=5)
        sentry_sdk.get_client().close(timeout=5)
        sentry_sdk.init(dsn=None)


def test_dead_alert_and_cron_check_ins_reach_sentry(
    settings_factory: SettingsFactory, smtp_server: Callable[..., SmtpServer], sessions: sessionmaker[Session],
    sentry: SentrySink,
) -> None:
    server = smtp_server()
    server.inbox.refuse = 5
    settings = settings_factory(smtp_host="127.0.0.1", smtp_port=server.port, alert_to=["ops@example.org"],
                                smtp_user=None, smtp_password=SECRET, alert_max_attempts=1,
                                sentry_dsn=sentry.dsn, environment="test")
    assert init_sentry(settings, component="test")
    alert_id = queue_test(sessions, settings, "test:sentry")

    with monitored("pantau-dispatch", 30):
        assert dispatch_due(sessions, settings) == 0
    with pytest.raises(RuntimeError), monitored("pantau-digest", "0 7 * * *"):
        raise RuntimeError("the digest job broke")
    sentry_sdk.flush(timeout=10)

    assert alert_row(sessions, alert_id).status == "dead"
    events = sentry.items("event")
    dead = [e for e in events if e.get("tags", {}).get("alert_id") == str(alert_id)]
    assert len(dead) == 1
    assert dead[0]["tags"]["alert_kind"] == "test"
    assert dead[0]["contexts"]["alert"]["attempts"] == 1
    assert "451" in json.dumps(dead[0])
    checkins = [(p["monitor_slug"], p["status"]) for p in sentry.items("check_in")]
    assert ("pantau-dispatch", "in_progress") in checkins and ("pantau-dispatch", "ok") in checkins
    assert ("pantau-digest", "in_progress") in checkins and ("pantau-digest", "error") in checkins
    configs = [p.get("monitor_config") for p in sentry.items("check_in")]
    assert {"type": "crontab", "value": "0 7 * * *"} in [c["schedule"] for c in configs if c]
    assert SECRET not in json.dumps(sentry.envelopes)
