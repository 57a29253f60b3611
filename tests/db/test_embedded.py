"""The zero-setup default: with DATABASE_URL unset, commands start an embedded PostgreSQL."""

from __future__ import annotations

import json
from pathlib import Path

from tests.test_cli import pantau


def test_db_upgrade_and_status_on_embedded_server(tmp_path: Path) -> None:
    data_dir = tmp_path / "pantau-data"
    env = {"PANTAU_DATA_DIR": str(data_dir)}
    upgraded = pantau("db", "upgrade", env=env, cwd=tmp_path)
    assert upgraded.returncode == 0, upgraded.stderr
    assert (data_dir / "postgres" / "PG_VERSION").exists()
    status = pantau("status", "--json", env=env, cwd=tmp_path)
    assert status.returncode == 0, status.stderr
    payload = json.loads(status.stdout)
    assert [o["key"] for o in payload["outlets"]] == [
        "magelangekspres", "radarmetro", "diksi", "patrolipost", "posjayanews"
    ]
    assert payload["alerts"] == {"pending": 0, "sent": 0, "dead": 0}
    # the server stopped with the command: no postmaster left behind
    assert not (data_dir / "postgres" / "postmaster.pid").exists()
