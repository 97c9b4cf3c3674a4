"""The review record: what an ops reviewer sees for one flagged session."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from guardrail._models import Evidence

__all__ = ["ReviewRecord", "Status", "TranscriptTurn", "record_id"]

Status = Literal["open", "confirmed", "dismissed"]


class TranscriptTurn(BaseModel):
    model_config = ConfigDict(frozen=True)

    index: int
    role: str
    content: str
    labels: tuple[str, ...] = ()
    scores: dict[str, float] = Field(default_factory=dict)
    evidence: tuple[Evidence, ...] = ()


def record_id(session_id: str, reasons: tuple[str, ...]) -> str:
    """Stable id: the same session and reasons give the same record (idempotent ``add``)."""
    key = session_id + "\0" + ",".join(sorted(set(reasons)))
    return hashlib.blake2b(key.encode(), digest_size=10).hexdigest()


class ReviewRecord(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str
    session_id: str
    created_at: datetime = Field(default_factory=lambda: datetime.now(UTC))
    reasons: tuple[str, ...]
    severity: Literal["low", "medium", "high"] = "medium"
    transcript: tuple[TranscriptTurn, ...] = ()
    scores: tuple[float, ...] = ()  # distress trajectory, one value per assistant turn
    actions: tuple[str, ...] = ()
    status: Status = "open"
    reviewer: str | None = None
    note: str | None = None
    extra: dict[str, Any] = Field(default_factory=dict)
