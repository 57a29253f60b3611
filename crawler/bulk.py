"""Multi-row INSERTs as one short statement per batch: INSERT ... SELECT FROM unnest(one array per column).

SQLAlchemy's insertmanyvalues renders a batch as one VALUES list with a placeholder per value, which
psycopg parses again for every batch (thousands of placeholders, too long for its query cache). Here the
statement text depends only on the table and its columns, so it is parsed once; each column travels as
one array parameter (binary format). Rows are inserted in the order given (`WITH ORDINALITY ... ORDER BY`).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection, Table
from sqlalchemy.dialects import postgresql
from sqlalchemy.engine import CursorResult
from sqlalchemy.types import JSON, Float, String

_DIALECT = postgresql.dialect()  # type: ignore[no-untyped-call]


def _array_type(table: Table, column: str) -> tuple[str, bool]:
    """(element type of the array parameter, whether the value is JSON sent as text)."""
    kind = table.c[column].type
    if isinstance(kind, JSON):
        return "text", True
    if isinstance(kind, String):
        # no length in the array: the assignment to a varchar(n) column checks it (a cast would truncate)
        return "text", False
    return kind.compile(dialect=_DIALECT), False


@lru_cache(maxsize=64)
def _statement(table: Table, columns: tuple[str, ...], suffix: str) -> tuple[str, tuple[bool, ...]]:
    kinds = [_array_type(table, c) for c in columns]
    names = ", ".join(f'"{c}"' for c in columns)
    arrays = ", ".join(f"%b::{kind}[]" for kind, _ in kinds)  # binary: no per-value text escaping
    aliases = ", ".join(f"c{i}" for i in range(len(columns)))
    picks = ", ".join(f"c{i}::jsonb" if is_json else f"c{i}" for i, (_, is_json) in enumerate(kinds))
    sql = (
        f'INSERT INTO "{table.name}" ({names}) SELECT {picks} FROM unnest({arrays}) WITH ORDINALITY '
        f"AS t({aliases}, n) ORDER BY n {suffix}"
    )
    return sql, tuple(is_json for _, is_json in kinds)


def insert_rows(
    conn: Connection, table: Table, rows: Sequence[dict[str, Any]], suffix: str = ""
) -> CursorResult[Any]:
    """INSERT `rows` (dicts with the same keys) into `table`, `suffix` appended (ON CONFLICT, RETURNING)."""
    columns = tuple(rows[0])
    if any(row.keys() != rows[0].keys() for row in rows):
        raise ValueError(f"rows for {table.name} must all have the same columns")
    sql, json_columns = _statement(table, columns, suffix)
    params = []
    for column, is_json in zip(columns, json_columns, strict=True):
        values = [row[column] for row in rows]
        if is_json:  # as SQLAlchemy's JSON type stores them (None as JSON null)
            values = [json.dumps(v) for v in values]
        elif isinstance(table.c[column].type, Float):
            values = [None if v is None else float(v) for v in values]
        params.append(values)
    return conn.exec_driver_sql(sql, tuple(params))
