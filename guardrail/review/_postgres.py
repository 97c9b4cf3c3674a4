"""The review queue for fleets: a PostgreSQL table (psycopg 3, the ``postgres`` extra).

Every statement runs in autocommit, so a record is committed (and durable) once ``add`` returns;
``INSERT ... ON CONFLICT (id) DO NOTHING`` makes ``add`` idempotent under concurrent writers, and
``annotate`` merges JSON in one ``UPDATE`` (``extra || new``), so there is no read-modify-write
race. The table is created if absent.
"""

from __future__ import annotations

import json
import os
import threading
from datetime import datetime
from typing import Any

from guardrail.exceptions import ConfigError
from guardrail.review._record import ReviewRecord, Status
from guardrail.review._sql import COLUMNS, check_status, check_table, from_row, to_row, utc

__all__ = ["PostgresReviewQueue"]


def _psycopg() -> Any:
    try:
        import psycopg
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ConfigError(
            "PostgresReviewQueue needs psycopg 3: pip install 'agent-guardrail[postgres]'"
        ) from exc
    return psycopg


class PostgresReviewQueue:
    """Review records in table ``table`` (``name`` or ``schema.name``) of the database at ``dsn``."""

    def __init__(self, dsn: str, *, table: str = "guardrail_review", connect_timeout: int = 10):
        self._pg = _psycopg()
        self.dsn = dsn
        self.table = check_table(table)
        self.connect_timeout = connect_timeout
        self._lock = threading.Lock()
        self._conn: Any = None
        self._pid = 0
        sql = self._pg.sql
        self._ident = sql.Identifier(*self.table.split("."))
        self._run(
            sql.SQL(
                "CREATE TABLE IF NOT EXISTS {} ("
                " id TEXT PRIMARY KEY, session_id TEXT NOT NULL,"
                " created_at TIMESTAMPTZ NOT NULL, reasons JSONB NOT NULL,"
                " severity TEXT NOT NULL, status TEXT NOT NULL DEFAULT 'open',"
                " reviewer TEXT, note TEXT, data JSONB NOT NULL,"
                " extra JSONB NOT NULL DEFAULT '{{}}'::jsonb)"
            ).format(self._ident)
        )

    def __repr__(self) -> str:
        return f"PostgresReviewQueue(table={self.table!r})"  # the DSN may hold a password

    def _connection(self) -> Any:
        if self._conn is None or self._conn.closed or self._pid != os.getpid():
            self._conn = self._pg.connect(
                self.dsn, autocommit=True, connect_timeout=self.connect_timeout
            )
            self._pid = os.getpid()
        return self._conn

    def _run(self, query: Any, args: tuple[Any, ...] = (), *, fetch: bool = False) -> list[Any]:
        with self._lock:
            cur = self._connection().execute(query, args)
            return list(cur.fetchall()) if fetch else []

    def close(self) -> None:
        with self._lock:
            if self._conn is not None and self._pid == os.getpid():
                self._conn.close()
            self._conn = None

    def _select(self) -> Any:
        sql = self._pg.sql
        cols = sql.SQL(", ").join(sql.Identifier(c) for c in COLUMNS)
        return sql.SQL("SELECT {} FROM {}").format(cols, self._ident)

    def add(self, record: ReviewRecord) -> None:
        sql = self._pg.sql
        row = to_row(record)
        query = sql.SQL("INSERT INTO {} ({}) VALUES ({}) ON CONFLICT (id) DO NOTHING").format(
            self._ident,
            sql.SQL(", ").join(sql.Identifier(c) for c in COLUMNS),
            sql.SQL(", ").join(sql.Placeholder() for _ in COLUMNS),
        )
        self._run(query, tuple(row[c] for c in COLUMNS))

    def get(self, record_id: str) -> ReviewRecord | None:
        sql = self._pg.sql
        rows = self._run(
            sql.SQL("{} WHERE id = %s").format(self._select()), (record_id,), fetch=True
        )
        return from_row(rows[0]) if rows else None

    def list(
        self,
        *,
        status: str | None = None,
        reason: str | None = None,
        since: datetime | None = None,
        limit: int | None = None,
    ) -> list[ReviewRecord]:
        sql = self._pg.sql
        where: list[Any] = []
        args: list[Any] = []
        if status is not None:
            where.append(sql.SQL("status = %s"))
            args.append(status)
        if reason is not None:
            where.append(sql.SQL("reasons @> %s::jsonb"))
            args.append(json.dumps([reason]))
        if since is not None:
            where.append(sql.SQL("created_at >= %s"))
            args.append(utc(since))
        query = self._select()
        if where:
            query = sql.SQL("{} WHERE {}").format(query, sql.SQL(" AND ").join(where))
        query = sql.SQL("{} ORDER BY created_at DESC, id").format(query)
        if limit is not None:
            query = sql.SQL("{} LIMIT %s").format(query)
            args.append(int(limit))
        return [from_row(r) for r in self._run(query, tuple(args), fetch=True)]

    def resolve(
        self,
        record_id: str,
        *,
        status: Status,
        reviewer: str | None = None,
        note: str | None = None,
    ) -> ReviewRecord:
        check_status(status)
        sql = self._pg.sql
        self._run(
            sql.SQL("UPDATE {} SET status = %s, reviewer = %s, note = %s WHERE id = %s").format(
                self._ident
            ),
            (status, reviewer, note, record_id),
        )
        rec = self.get(record_id)
        if rec is None:
            raise KeyError(f"no review record {record_id!r}")
        return rec

    def annotate(self, record_id: str, extra: dict[str, Any]) -> None:
        sql = self._pg.sql
        self._run(
            sql.SQL("UPDATE {} SET extra = extra || %s::jsonb WHERE id = %s").format(self._ident),
            (json.dumps(extra, ensure_ascii=False), record_id),
        )

    def drop(self) -> None:
        """Drop the table (tests and tear-down)."""
        self._run(self._pg.sql.SQL("DROP TABLE IF EXISTS {}").format(self._ident))
