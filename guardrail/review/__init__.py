"""The review queue that ops teams work from."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from guardrail.review._record import ReviewRecord, Status, TranscriptTurn, record_id

__all__ = [
    "InMemoryReviewQueue",
    "ReviewQueue",
    "ReviewRecord",
    "Status",
    "TranscriptTurn",
    "record_id",
]


@runtime_checkable
class ReviewQueue(Protocol):
    """Durable once ``add`` returns; ``add`` of the same id is a no-op."""

    def add(self, record: ReviewRecord) -> None: ...

    def get(self, record_id: str) -> ReviewRecord | None: ...

    def list(
        self, *, status: str | None = None, reason: str | None = None
    ) -> list[ReviewRecord]: ...

    def resolve(
        self,
        record_id: str,
        *,
        status: Status,
        reviewer: str | None = None,
        note: str | None = None,
    ) -> ReviewRecord: ...


class InMemoryReviewQueue:
    """A non-durable queue for tests and demos."""

    def __init__(self) -> None:
        self._records: dict[str, ReviewRecord] = {}

    def add(self, record: ReviewRecord) -> None:
        self._records.setdefault(record.id, record)

    def get(self, record_id: str) -> ReviewRecord | None:
        return self._records.get(record_id)

    def list(self, *, status: str | None = None, reason: str | None = None) -> list[ReviewRecord]:
        return [
            r
            for r in self._records.values()
            if (status is None or r.status == status) and (reason is None or reason in r.reasons)
        ]

    def resolve(
        self,
        record_id: str,
        *,
        status: Status,
        reviewer: str | None = None,
        note: str | None = None,
    ) -> ReviewRecord:
        rec = self._records[record_id]
        new = rec.model_copy(update={"status": status, "reviewer": reviewer, "note": note})
        self._records[record_id] = new
        return new
