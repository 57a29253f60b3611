"""Sentry: a dead alert reaches a local Sentry endpoint as an error with context; cron check-ins too."""

from __future__ import annotations

import gzip
import json
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
import sentry_sdk
from sqlalchemy.orm import Session, sessionmaker

from monitor.alerts.crons import monitored
from monitor.alerts.dispatch import dispatch_due
from monitor.errortracking import init_sentry
from tests.alerts.conftest import SmtpServer
from tests.alerts.helpers import SettingsFactory, alert_row, queue_test

SECRET = "kata-sandi-smtp-rahasia"


class FakeSentry(ThreadingHTTPServer):
    envelopes: list[bytes]


class EnvelopeHandler(BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        encoding = (self.headers.get("Content-Encoding") or "").lower()
        if encoding == "br":
            import brotli

            body = brotli.decompress(body)
        elif encoding == "gzip":
            body = gzip.decompress(body)
        assert isinstance(self.server, FakeSentry)
        self.server.envelopes.append(body)
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, format: str, *args: Any) -> None:
        pass


def items(envelopes: list[bytes]) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """(item header, payload) of every JSON item in the received envelopes."""
    out = []
    for raw in envelopes:
        lines = raw.split(b"\n")
        i = 1  # line 0 is the envelope header
        while i + 1 < len(lines):
            if not lines[i].strip():
                i += 1
                continue
            header = json.loads(lines[i])
            payload = lines[i + 1]
            try:
                out.append((header, json.loads(payload)))
            except ValueError:
                out.append((header, {}))
            i += 2
    return out


@pytest.fixture
def fake_sentry() -> Iterator[FakeSentry]:
    server = FakeSentry(("127.0.0.1", 0), EnvelopeHandler)
    server.envelopes = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def sentry_on(fake_sentry: FakeSentry) -> Iterator[str]:
    dsn = f"http://publickey@127.0.0.1:{fake_sentry.server_address[1]}/1"
    yield dsn
    sentry_sdk.flush(timeout=5)
    sentry_sdk.get_client().close(timeout=5)
    sentry_sdk.init(dsn=None)


def test_dead_alert_and_cron_check_ins_reach_sentry(
    settings_factory: SettingsFactory, smtp_server: Callable[..., SmtpServer], sessions: sessionmaker[Session],
    fake_sentry: FakeSentry, sentry_on: str,
) -> None:
    server = smtp_server()
    server.inbox.refuse = 5
    settings = settings_factory(smtp_host="127.0.0.1", smtp_port=server.port, alert_to=["ops@example.org"],
                                smtp_user=None, smtp_password=SECRET, alert_max_attempts=1,
                                sentry_dsn=sentry_on, environment="test")
    assert init_sentry(settings, component="test")
    alert_id = queue_test(sessions, settings, "test:sentry")

    with monitored("pantau-dispatch", 30):
        assert dispatch_due(sessions, settings) == 0
    with pytest.raises(RuntimeError), monitored("pantau-digest", "0 7 * * *"):
        raise RuntimeError("the digest job broke")
    sentry_sdk.flush(timeout=10)

    assert alert_row(sessions, alert_id).status == "dead"
    received = items(fake_sentry.envelopes)
    events = [p for h, p in received if h.get("type") == "event"]
    dead = [e for e in events if e.get("tags", {}).get("alert_id") == str(alert_id)]
    assert len(dead) == 1
    assert dead[0]["tags"]["alert_kind"] == "test"
    assert dead[0]["contexts"]["alert"]["attempts"] == 1
    assert "451" in json.dumps(dead[0])
    checkins = [(p["monitor_slug"], p["status"]) for h, p in received if h.get("type") == "check_in"]
    assert ("pantau-dispatch", "in_progress") in checkins and ("pantau-dispatch", "ok") in checkins
    assert ("pantau-digest", "in_progress") in checkins and ("pantau-digest", "error") in checkins
    configs = [p.get("monitor_config") for h, p in received if h.get("type") == "check_in"]
    assert {"type": "crontab", "value": "0 7 * * *"} in [c["schedule"] for c in configs if c]
    assert all(SECRET.encode() not in raw for raw in fake_sentry.envelopes)
