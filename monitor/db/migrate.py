"""Run Alembic migrations from code (`pantau db upgrade`, `pantau run`)."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config

from monitor.db.session import sqlalchemy_url

ALEMBIC_DIR = Path(__file__).resolve().parents[2] / "alembic"


def alembic_config(database_url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(ALEMBIC_DIR))
    # '%' must be doubled for ConfigParser interpolation
    config.set_main_option("sqlalchemy.url", sqlalchemy_url(database_url).replace("%", "%%"))
    config.attributes["configure_logging"] = False
    return config


def upgrade(database_url: str, revision: str = "head") -> None:
    """Bring the schema to `revision`; concurrent callers are serialised by an advisory lock."""
    command.upgrade(alembic_config(database_url), revision)


def downgrade(database_url: str, revision: str) -> None:
    command.downgrade(alembic_config(database_url), revision)
