"""The `pantau` command: help everywhere, exit codes, one-line configuration errors, no secrets in logs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from monitor.cli import build_parser

COMMANDS = [
    ["run"], ["worker"], ["demo"], ["crawl"], ["analyze"], ["export"], ["status"], ["reprocess"],
    ["db"], ["db", "upgrade"], ["alerts"], ["alerts", "test"], ["alerts", "list"],
]


def pantau(*args: str, env: dict[str, str] | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith("PANTAU_") and k not in ("DATABASE_URL", "SENTRY_DSN")}
    base.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "monitor.cli", *args], capture_output=True, text=True, env=base, cwd=cwd, timeout=120
    )


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_every_command_has_help(command: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        build_parser().parse_args([*command, "--help"])
    assert exit_info.value.code == 0
    assert "usage: pantau" in capsys.readouterr().out


def test_usage_error_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        build_parser().parse_args(["export", "--since", "yesterday"])
    assert exit_info.value.code == 2
    assert "expected a date" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("variable", "value", "expected"),
    [
        ("PANTAU_CRAWL_INTERVAL", "often", "PANTAU_CRAWL_INTERVAL"),
        ("PANTAU_SMTP_SECURITY", "tls13", "PANTAU_SMTP_SECURITY"),
        ("DATABASE_URL", "mysql://x", "DATABASE_URL"),
        ("PANTAU_OUTLETS", "kompas", "PANTAU_OUTLETS"),
        ("PANTAU_BACKFILL_SINCE", "last year", "PANTAU_BACKFILL_SINCE"),
    ],
)
def test_bad_setting_is_one_line_and_exit_2(tmp_path: Path, variable: str, value: str, expected: str) -> None:
    result = pantau("status", env={variable: value}, cwd=tmp_path)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert expected in lines[0] and "Traceback" not in result.stderr


def test_dotenv_file_is_read(tmp_path: Path) -> None:
    (tmp_path / ".env").write_text("PANTAU_CRAWL_INTERVAL=never\n")
    result = pantau("status", cwd=tmp_path)
    assert result.returncode == 2
    assert "PANTAU_CRAWL_INTERVAL" in result.stderr


def test_unreachable_database_is_one_clear_error_without_password(tmp_path: Path) -> None:
    result = pantau(
        "status", env={"DATABASE_URL": "postgresql://pantau:hunter22@127.0.0.1:1/pantau"}, cwd=tmp_path
    )
    assert result.returncode == 1
    assert "cannot reach PostgreSQL" in result.stderr
    assert "hunter22" not in result.stderr + result.stdout


def test_secrets_never_logged(tmp_path: Path) -> None:
    code = (
        "import logging; from monitor.logs import setup_logging; "
        "setup_logging('DEBUG', '{fmt}', ('s3cr3t-smtp',)); log = logging.getLogger('t'); "
        "log.info('db %s', 'postgresql://u:hunter22@h/db'); log.info('smtp login password=%s', 's3cr3t-smtp'); "
        "log.warning('dsn https://abc:topsecret@sentry.example.org/1')\n"
        "try:\n    raise ValueError('postgresql://u:hunter22@h/db')\n"
        "except ValueError:\n    log.exception('failed')"
    )
    for fmt in ("text", "json"):
        result = subprocess.run([sys.executable, "-c", code.format(fmt=fmt)], capture_output=True, text=True)
        output = result.stderr
        assert "postgresql://u:***@h/db" in output
        for secret in ("hunter22", "s3cr3t-smtp", "topsecret"):
            assert secret not in output, (fmt, output)


def test_db_upgrade_and_status_on_given_server(fresh_database_url: str, tmp_path: Path) -> None:
    env = {"DATABASE_URL": fresh_database_url, "PANTAU_DATA_DIR": str(tmp_path)}
    upgraded = pantau("db", "upgrade", env=env, cwd=tmp_path)
    assert upgraded.returncode == 0, upgraded.stderr
    status = pantau("status", "--json", env=env, cwd=tmp_path)
    assert status.returncode == 0, status.stderr
    assert '"outlets"' in status.stdout and '"alerts"' in status.stdout
