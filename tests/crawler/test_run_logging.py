"""A crawl process logs through Pantau's handler: JSON lines when asked, no password, no debug chatter."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from crawler.testing import ReplicaSite


@pytest.mark.timeout(180)
def test_crawl_process_logs_json_without_secrets(fresh_database_url: str, tmp_path: Path) -> None:
    # a password the server ignores (trust auth or a socket) but that must never be printed
    url = make_url(fresh_database_url)
    with_password = url.set(password="hunter22-secret").render_as_string(hide_password=False)
    env = {k: v for k, v in os.environ.items() if not k.startswith("PANTAU_")}
    with ReplicaSite("posjayanews") as site:
        env.update({
            "DATABASE_URL": with_password, "PANTAU_DATA_DIR": str(tmp_path), "PANTAU_LOG_FORMAT": "json",
            "PANTAU_POSJAYANEWS_BASE_URL": site.base_url, "PANTAU_DOWNLOAD_DELAY": "0",
            "PANTAU_AUTOTHROTTLE": "false",
        })
        result = subprocess.run([sys.executable, "-m", "crawler.run", "posjayanews"], env=env,
                                capture_output=True, text=True, timeout=170)
    if result.returncode != 0 and "password authentication failed" in result.stderr:
        pytest.skip("this server checks passwords")
    assert result.returncode == 0, result.stderr[-2000:]
    records = [json.loads(line) for line in result.stderr.splitlines() if line.strip()]
    assert records, "the crawl logged nothing"
    assert {r["level"] for r in records} <= {"info", "warning", "error", "critical"}
    assert any(r["logger"] == "crawler.run" and "status ok" in r["msg"] for r in records)
    assert "hunter22-secret" not in result.stderr + result.stdout
