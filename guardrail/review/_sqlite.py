"""The embedded review queue: one SQLite file.

Durability and concurrency come from SQLite itself: WAL journal mode with ``synchronous=FULL``
(a record is on disk once ``add`` returns: its commit has been fsynced), a busy timeout so several
processes can write at once (writers queue on the file lock instead of failing), and
``INSERT ... ON CONFLICT DO NOTHING`` so adding a known id is a no-op. The file is created with
owner-only permissions (0600); SQLite gives its ``-wal`` and ``-shm`` files the same mode.

One connection per queue object and process (re-opened after ``fork``), used under a lock, so a
queue may be shared by threads (``Guard.acheck`` writes from a worker thread).
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
from datetime import datetime
from typing import Any

from guardrail.review._record import ReviewRecord, Status
from guardrail.review._sql import COLUMNS, check_status, check_table, from_row, iso, to_row, utc

__all__ = ["SQLiteReviewQueue"]


class SQLiteReviewQueue:
    """Review records in a SQLite file at ``path`` (created, mode 0600, when missing)."""

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        table: str = "review_records",
        busy_timeout: float = 30.0,
    ) -> None:
        if busy_timeout <= 0:
            raise ValueError("busy_timeout must be > 0")
        self.path = os.fspath(path)
        self.table = check_table(table)
        self.busy_timeout = busy_timeout
        self._lock = threading.Lock()
        self._conn: sqlite3.Connection | None = None
        self._pid = 0
        if self.path != ":memory:" and not os.path.exists(self.path):
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
            os.close(fd)
        with self._lock:
            self._connection().execute(
                f"CREATE TABLE IF NOT EXISTS {self.table} ("
                " id TEXT PRIMARY KEY, session_id TEXT NOT NULL, created_at TEXT NOT NULL,"
                " reasons TEXT NOT NULL, severity TEXT NOT NULL,"
                " status TEXT NOT NULL DEFAULT 'open', reviewer TEXT, note TEXT,"
                " data TEXT NOT NULL, extra TEXT NOT NULL DEFAULT '{}')"
            )
            self._connection().execute(
                f"CREATE INDEX IF NOT EXISTS {self.table}_by_time ON {self.table} (created_at)"
            )

    def __repr__(self) -> str:
        return f"SQLiteReviewQueue({self.path!r})"

    def _connection(self) -> sqlite3.Connection:
        if self._conn is None or self._pid != os.getpid():
            conn = sqlite3.connect(
                self.path,
                timeout=self.busy_timeout,
                isolation_level=None,  # autocommit: every statement is its own transaction
                check_same_thread=False,
            )
            conn.execute(f"PRAGMA busy_timeout = {int(self.busy_timeout * 1000)}")
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")
            self._conn, self._pid = conn, os.getpid()
        return self._conn

    def _run(self, sql: str, args: tuple[Any, ...] = ()) -> list[Any]:
        with self._lock:
            return self._connection().execute(sql, args).fetchall()

    def close(self) -> None:
        with self._lock:
            if self._conn is not None and self._pid == os.getpid():
                self._conn.close()
            self._conn = None

    def add(self, record: ReviewRecord) -> None:
        row = to_row(record)
        row["created_at"] = iso(row["created_at"])
        marks = ", ".join("?" for _ in COLUMNS)
        self._run(
            f"INSERT INTO {self.table} ({', '.join(COLUMNS)}) VALUES ({marks})"
            " ON CONFLICT (id) DO NOTHING",
            tuple(row[c] for c in COLUMNS),
        )

    def get(self, record_id: str) -> ReviewRecord | None:
        rows = self._run(
            f"SELECT {', '.join(COLUMNS)} FROM {self.table} WHERE id = ?", (record_id,)
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
        where: list[str] = []
        args: list[Any] = []
        if status is not None:
            where.append("status = ?")
            args.append(status)
        if reason is not None:
            where.append(f"EXISTS (SELECT 1 FROM json_each({self.table}.reasons) WHERE value = ?)")
            args.append(reason)
        if since is not None:
            where.append("created_at >= ?")
            args.append(iso(utc(since)))
        sql = f"SELECT {', '.join(COLUMNS)} FROM {self.table}"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY created_at DESC, id"
        if limit is not None:
            sql += " LIMIT ?"
            args.append(int(limit))
        return [from_row(r) for r in self._run(sql, tuple(args))]

    def resolve(
        self,
        record_id: str,
        *,
        status: Status,
        reviewer: str | None = None,
        note: str | None = None,
    ) -> ReviewRecord:
        check_status(status)
        self._run(
            f"UPDATE {self.table} SET status = ?, reviewer = ?, note = ? WHERE id = ?",
            (status, reviewer, note, record_id),
        )
        rec = self.get(record_id)
        if rec is None:
            raise KeyError(f"no review record {record_id!r}")
        return rec

    def annotate(self, record_id: str, extra: dict[str, Any]) -> None:
        self._run(
            f"UPDATE {self.table} SET extra = json_patch(extra, ?) WHERE id = ?",
            (json.dumps(extra, ensure_ascii=False), record_id),
        )
