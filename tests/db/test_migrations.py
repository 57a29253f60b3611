"""Migrations: one head, upgrade from empty, models match the schema, downgrade/upgrade round trip."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect

from monitor.db.migrate import alembic_config, downgrade, upgrade
from monitor.db.models import Base
from monitor.db.session import make_engine


def test_single_head(database_url: str) -> None:
    script = ScriptDirectory.from_config(alembic_config(database_url))
    assert len(script.get_heads()) == 1


def test_upgrade_from_empty_creates_every_table(fresh_database_url: str) -> None:
    downgrade(fresh_database_url, "base")
    engine = make_engine(fresh_database_url)
    try:
        assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
        upgrade(fresh_database_url)
        tables = set(inspect(engine).get_table_names())
    finally:
        engine.dispose()
    assert set(Base.metadata.tables) <= tables


def test_models_match_migrated_schema(database_url: str) -> None:
    engine = make_engine(database_url)
    try:
        with engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"compare_type": True})
            diff = compare_metadata(context, Base.metadata)
    finally:
        engine.dispose()
    assert diff == [], f"models and migrations differ: {diff}"


def test_downgrade_upgrade_round_trip(fresh_database_url: str) -> None:
    downgrade(fresh_database_url, "base")
    upgrade(fresh_database_url)
    downgrade(fresh_database_url, "base")
    upgrade(fresh_database_url)
    engine = make_engine(fresh_database_url)
    try:
        with engine.connect() as conn:
            version = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    finally:
        engine.dispose()
    assert version == ScriptDirectory.from_config(alembic_config(fresh_database_url)).get_current_head()
