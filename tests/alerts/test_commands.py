"""`pantau alerts test` and `pantau alerts list`: the command functions and the real CLI."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from monitor.alerts.commands import list_alerts, send_test
from monitor.settings import Settings
from tests.alerts.conftest import SmtpServer, free_port
from tests.alerts.helpers import SettingsFactory


def test_send_test_over_smtp_then_list(settings_factory: SettingsFactory,
                                       smtp_server: Callable[..., SmtpServer],
                                       capsys: pytest.CaptureFixture[str]) -> None:
    server = smtp_server()
    settings = settings_factory(smtp_host="127.0.0.1", smtp_port=server.port, alert_to=["ops@example.org"])
    assert send_test(settings) == 0
    assert len(server.inbox.messages) == 1
    assert str(server.inbox.messages[0]["Subject"]) == "[Pantau] Pesan uji"
    out = capsys.readouterr().out
    assert "delivered via smtp 127.0.0.1" in out and "ops@example.org" in out

    assert list_alerts(settings, status=None, limit=10) == 0
    table = capsys.readouterr().out.splitlines()
    assert table[0].split()[:4] == ["id", "status", "kind", "tries"]
    assert table[1].split()[1:3] == ["sent", "test"]
    assert list_alerts(settings, status="dead", limit=10) == 0
    assert capsys.readouterr().out.strip() == "no alerts with status dead"


def test_send_test_without_smtp_writes_an_eml_file(settings_factory: SettingsFactory,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    settings = settings_factory()
    assert send_test(settings) == 0
    files = list(settings.eml_dir.glob("*.eml"))
    assert len(files) == 1 and "Subject: [Pantau] Pesan uji" in files[0].read_text()
    assert "delivered via file" in capsys.readouterr().out


def test_send_test_reports_an_unreachable_server(settings_factory: SettingsFactory,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    settings = settings_factory(smtp_host="127.0.0.1", smtp_port=free_port(), alert_to=["ops@example.org"],
                                smtp_timeout=5)
    assert send_test(settings) == 1
    assert "NOT delivered" in capsys.readouterr().out
    assert list_alerts(settings, status="pending", limit=5) == 0
    assert "pending" in capsys.readouterr().out


def test_cli_runs_alerts_test_and_list(fresh_database_url: str, tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    env = {**os.environ, "DATABASE_URL": fresh_database_url, "PANTAU_DATA_DIR": str(tmp_path / "data"),
           "PANTAU_ALERT_LANG": "en"}
    for name in ("PANTAU_SMTP_HOST", "SENTRY_DSN", "PANTAU_SENTRY_DSN"):
        env.pop(name, None)
    sent = subprocess.run([sys.executable, "-m", "monitor.cli", "alerts", "test"], env=env, cwd=tmp_path,
                          capture_output=True, text=True, timeout=60)
    assert sent.returncode == 0, sent.stderr
    assert "delivered via file" in sent.stdout
    [eml] = (tmp_path / "data" / "outbox").glob("*.eml")
    assert "Subject: [Pantau] Test message" in eml.read_text()
    # `pantau alerts list --status sent`, parsed by the real parser, run in-process
    from monitor.cli import build_parser

    args = build_parser().parse_args(["alerts", "list", "--status", "sent", "--limit", "5"])
    settings = Settings(_env_file=None, database_url=fresh_database_url, data_dir=tmp_path / "data")  # type: ignore[call-arg]
    assert args.func(args, settings) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1].split()[1:3] == ["sent", "test"]
