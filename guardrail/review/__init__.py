"""The review queue that ops teams work from.

A queue is anything with the :class:`ReviewQueue` methods. Backends:

- :class:`InMemoryReviewQueue` — not durable; tests and demos.
- :class:`SQLiteReviewQueue` — the embedded default: one file, WAL mode, durable once ``add``
  returns, safe with several processes writing at once.
- :class:`PostgresReviewQueue` — for fleets (psycopg 3, the ``postgres`` extra).

``add`` is idempotent: record ids are stable for a session and its reasons
(:func:`record_id`), so flagging the same session for the same reasons twice keeps one record.
:func:`open_queue` picks the backend from a path or DSN (what the ``guardrail review`` CLI does).
"""

from __future__ import annotations

import os
from datetime import datetime
from typing import Any, Protocol, runtime_checkable

from guardrail.review._record import ReviewRecord, Status, TranscriptTurn, record_id
from guardrail.review._sql import check_status

__all__ = [
    "DEFAULT_DB",
    "InMemoryReviewQueue",
    "PostgresReviewQueue",
    "ReviewQueue",
    "ReviewRecord",
    "SQLiteReviewQueue",
    "Status",
    "TranscriptTurn",
    "open_queue",
    "record_id",
]

#: The SQLite file the demo writes and the ``guardrail review`` commands read by default.
DEFAULT_DB = "guardrail-review.db"


@runtime_checkable
class ReviewQueue(Protocol):
    """Where review records live. Durable once ``add`` returns; ``add`` of a known id is a no-op."""

    def add(self, record: ReviewRecord) -> None: ...

    def get(self, record_id: str) -> ReviewRecord | None: ...

    def list(
        self,
        *,
        status: str | None = None,
        reason: str | None = None,
        since: datetime | None = None,
        limit: int | None = None,
    ) -> list[ReviewRecord]: ...

    def resolve(
        self,
        record_id: str,
        *,
        status: Status,
        reviewer: str | None = None,
        note: str | None = None,
    ) -> ReviewRecord: ...

    def annotate(self, record_id: str, extra: dict[str, Any]) -> None: ...


class InMemoryReviewQueue:
    """A non-durable queue for tests and demos."""

    def __init__(self) -> None:
        self._records: dict[str, ReviewRecord] = {}

    def __repr__(self) -> str:
        return f"InMemoryReviewQueue(records={len(self._records)})"

    def add(self, record: ReviewRecord) -> None:
        self._records.setdefault(record.id, record)

    def get(self, record_id: str) -> ReviewRecord | None:
        return self._records.get(record_id)

    def list(
        self,
        *,
        status: str | None = None,
        reason: str | None = None,
        since: datetime | None = None,
        limit: int | None = None,
    ) -> list[ReviewRecord]:
        out = [
            r
            for r in sorted(
                self._records.values(), key=lambda r: (r.created_at, r.id), reverse=True
            )
            if (status is None or r.status == status)
            and (reason is None or reason in r.reasons)
            and (since is None or r.created_at >= since)
        ]
        return out if limit is None else out[:limit]

    def resolve(
        self,
        record_id: str,
        *,
        status: Status,
        reviewer: str | None = None,
        note: str | None = None,
    ) -> ReviewRecord:
        check_status(status)
        rec = self._records.get(record_id)
        if rec is None:
            raise KeyError(f"no review record {record_id!r}")
        new = rec.model_copy(update={"status": status, "reviewer": reviewer, "note": note})
        self._records[record_id] = new
        return new

    def annotate(self, record_id: str, extra: dict[str, Any]) -> None:
        rec = self._records.get(record_id)
        if rec is not None:
            self._records[record_id] = rec.model_copy(update={"extra": {**rec.extra, **extra}})


def open_queue(spec: str | os.PathLike[str] | None = None) -> ReviewQueue:
    """A queue for a SQLite path or a PostgreSQL DSN (``postgresql://...``); default ``DEFAULT_DB``."""
    target = os.fspath(spec) if spec is not None else DEFAULT_DB
    if target.startswith(("postgresql://", "postgres://")) or "host=" in target:
        return PostgresReviewQueue(target)
    return SQLiteReviewQueue(target)


from guardrail.review._postgres import PostgresReviewQueue  # noqa: E402
from guardrail.review._sqlite import SQLiteReviewQueue  # noqa: E402
