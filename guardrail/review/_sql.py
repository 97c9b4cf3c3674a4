"""What the SQL backends share: row <-> record conversion and argument checks."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from typing import Any

from guardrail.review._record import ReviewRecord, Status

__all__ = ["STATUSES", "check_status", "check_table", "from_row", "to_row"]

STATUSES: tuple[Status, ...] = ("open", "confirmed", "dismissed")

_TABLE = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,62}(?:\.[A-Za-z_][A-Za-z0-9_]{0,62})?")

#: Column order of the ``review_records`` table in both backends.
COLUMNS = (
    "id",
    "session_id",
    "created_at",
    "reasons",
    "severity",
    "status",
    "reviewer",
    "note",
    "data",
    "extra",
)


def check_status(status: str) -> None:
    if status not in STATUSES:
        raise ValueError(f"status must be one of {', '.join(STATUSES)}, not {status!r}")


def check_table(name: str) -> str:
    if not _TABLE.fullmatch(name):
        raise ValueError(f"invalid table name {name!r} (letters, digits, _; optional schema.)")
    return name


def utc(ts: datetime) -> datetime:
    """An aware UTC datetime (naive values are taken as UTC)."""
    return ts.replace(tzinfo=UTC) if ts.tzinfo is None else ts.astimezone(UTC)


def iso(ts: datetime) -> str:
    """Fixed-width ISO text that sorts as time does (SQLite stores times as text)."""
    return utc(ts).strftime("%Y-%m-%dT%H:%M:%S.%f+00:00")


def to_row(record: ReviewRecord) -> dict[str, Any]:
    body = record.model_dump(mode="json", exclude={"status", "reviewer", "note", "extra"})
    return {
        "id": record.id,
        "session_id": record.session_id,
        "created_at": utc(record.created_at),
        "reasons": json.dumps(list(record.reasons)),
        "severity": record.severity,
        "status": record.status,
        "reviewer": record.reviewer,
        "note": record.note,
        "data": json.dumps(body, ensure_ascii=False),
        "extra": json.dumps(record.extra, ensure_ascii=False),
    }


def _json(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str | bytes) else value


def from_row(row: Any) -> ReviewRecord:
    """A record from a row in ``COLUMNS`` order (JSON as text or already decoded)."""
    values = dict(zip(COLUMNS, row, strict=True))
    body = _json(values["data"])
    body.update(
        status=values["status"],
        reviewer=values["reviewer"],
        note=values["note"],
        extra=_json(values["extra"]) or {},
    )
    return ReviewRecord.model_validate(body)
