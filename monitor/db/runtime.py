"""Open the configured database for a command: embedded or DATABASE_URL, migrated when asked."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from monitor.db.migrate import upgrade
from monitor.db.session import make_engine, make_sessionmaker, redact_url
from monitor.errors import DatabaseUnavailable
from monitor.settings import Settings

log = logging.getLogger(__name__)


@dataclass
class Database:
    """A reachable database: its URL (pass it to child processes), engine and session factory."""

    url: str
    engine: Engine
    sessions: sessionmaker[Session]
    embedded: bool
    server: Any = None


@contextmanager
def open_database(settings: Settings, *, migrate: bool = False, pool_size: int = 5) -> Iterator[Database]:
    """Yield the database named by settings; start the embedded server when none is configured."""
    server = None
    if settings.database_url:
        url = settings.database_url
    else:
        from monitor.db.embedded import start_embedded

        url, server = start_embedded(settings.data_dir)
    if migrate:
        try:
            upgrade(url)
        except OperationalError as exc:
            raise DatabaseUnavailable(f"cannot reach PostgreSQL at {redact_url(url)}: {str(exc.orig).strip().splitlines()[0]}") from None
    engine = make_engine(url, pool_size=pool_size)
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except OperationalError as exc:
        engine.dispose()
        raise DatabaseUnavailable(f"cannot reach PostgreSQL at {redact_url(url)}: {str(exc.orig).strip().splitlines()[0]}") from None
    try:
        yield Database(url, engine, make_sessionmaker(engine), server is not None, server)
    finally:
        engine.dispose()
