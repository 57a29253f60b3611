"""Leader election: a session-level advisory lock held on a dedicated PostgreSQL connection."""

from __future__ import annotations

import logging
import os
import socket
from typing import Any

import psycopg

from monitor.db.session import redact_url

log = logging.getLogger(__name__)

# pg_try_advisory_lock(bigint): "PANTAU" in ASCII, shared by every `pantau run` on one database.
LEADER_LOCK_KEY = 0x50414E544155

_CONNECT_OPTIONS: dict[str, Any] = {
    "autocommit": True,
    "connect_timeout": 5,
    "application_name": "pantau-leader",
    # notice a dead server or network quickly, so a cut-off leader steps down
    "keepalives": 1,
    "keepalives_idle": 5,
    "keepalives_interval": 2,
    "keepalives_count": 3,
    "tcp_user_timeout": 10000,
    # the server side too: a leader cut off by the network loses its session (and the lock) in ~15 s
    "options": "-c statement_timeout=5000 -c idle_in_transaction_session_timeout=10000 "
               "-c tcp_keepalives_idle=5 -c tcp_keepalives_interval=2 -c tcp_keepalives_count=3 "
               "-c tcp_user_timeout=10000",
}


def libpq_url(url: str) -> str:
    """A URL psycopg accepts (no SQLAlchemy driver suffix)."""
    for prefix in ("postgresql+psycopg://", "postgresql+psycopg2://"):
        if url.startswith(prefix):
            return "postgresql://" + url[len(prefix) :]
    return url


class LeaderLock:
    """Holds the leader lock while its connection lives; PostgreSQL frees it when the connection dies."""

    def __init__(self, url: str, *, host: str | None = None, pid: int | None = None) -> None:
        self.url = libpq_url(url)
        self.host = host or socket.gethostname()
        self.pid = pid if pid is not None else os.getpid()
        self._conn: psycopg.Connection[Any] | None = None

    @property
    def held(self) -> bool:
        return self._conn is not None

    def try_acquire(self) -> bool:
        """Take the lock if it is free and record this process in service_leader."""
        if self._conn is not None:
            return True
        try:
            conn = psycopg.connect(self.url, **_CONNECT_OPTIONS)
        except psycopg.Error as exc:
            log.warning("leader election: cannot reach PostgreSQL at %s: %s", redact_url(self.url),
                        _first_line(exc))
            return False
        try:
            row = conn.execute("SELECT pg_try_advisory_lock(%s)", (LEADER_LOCK_KEY,)).fetchone()
            if not row or not row[0]:
                conn.close()
                return False
            conn.execute(
                "INSERT INTO service_leader (id, pid, host, since, heartbeat_at) VALUES (1, %s, %s, now(), now()) "
                "ON CONFLICT (id) DO UPDATE SET pid = EXCLUDED.pid, host = EXCLUDED.host, "
                "since = EXCLUDED.since, heartbeat_at = EXCLUDED.heartbeat_at",
                (self.pid, self.host),
            )
        except psycopg.Error as exc:
            log.warning("leader election failed: %s", _first_line(exc))
            _close_quietly(conn)
            return False
        self._conn = conn
        log.info("became leader (pid %s on %s)", self.pid, self.host)
        return True

    def heartbeat(self) -> bool:
        """Refresh service_leader; False when the connection (and so the lock) is lost."""
        conn = self._conn
        if conn is None:
            return False
        try:
            row = conn.execute(
                "SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted "
                "AND pid = pg_backend_pid() AND ((classid::bigint << 32) | objid::bigint) = %s)",
                (LEADER_LOCK_KEY,),
            ).fetchone()
            if not row or not row[0]:
                log.error("leader lock no longer held")
                self._drop()
                return False
            conn.execute(
                "INSERT INTO service_leader (id, pid, host, since, heartbeat_at) VALUES (1, %s, %s, now(), now()) "
                "ON CONFLICT (id) DO UPDATE SET heartbeat_at = now(), "
                "since = CASE WHEN service_leader.pid = EXCLUDED.pid AND service_leader.host = EXCLUDED.host "
                "THEN service_leader.since ELSE now() END, pid = EXCLUDED.pid, host = EXCLUDED.host",
                (self.pid, self.host),
            )
        except psycopg.Error as exc:
            log.error("lost the leader connection: %s", _first_line(exc))
            self._drop()
            return False
        return True

    def release(self) -> None:
        """Give up leadership on a clean stop: unlock, forget the service_leader row, close."""
        conn = self._conn
        if conn is None:
            return
        try:
            conn.execute("DELETE FROM service_leader WHERE id = 1 AND pid = %s AND host = %s",
                         (self.pid, self.host))
            conn.execute("SELECT pg_advisory_unlock(%s)", (LEADER_LOCK_KEY,))
        except psycopg.Error as exc:
            log.warning("could not release the leader lock cleanly: %s", _first_line(exc))
        self._drop()

    def _drop(self) -> None:
        if self._conn is not None:
            _close_quietly(self._conn)
        self._conn = None


def _close_quietly(conn: psycopg.Connection[Any]) -> None:
    try:
        conn.close()
    except Exception:  # a broken connection may fail to close; it is gone either way
        log.debug("closing the leader connection failed", exc_info=True)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
