"""Build a review record from a flag effect (redacting before anything is stored)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from guardrail._models import Evidence, Label
from guardrail.review._record import ReviewRecord, TranscriptTurn, record_id

if TYPE_CHECKING:
    from guardrail._recovery import Flag

__all__ = ["build_record", "severity"]

_HIGH = frozenset({Label.DISTRESS_SPIRAL, Label.ADVERSARIAL_USER})


def severity(reasons: tuple[str, ...]) -> str:
    if _HIGH & set(reasons):
        return "high"
    if Label.LOOP in reasons or Label.FORMAT_REGRESSION in reasons:
        return "medium"
    return "low"


def build_record(flag: Flag, *, redact: Callable[[str], str] | None = None) -> ReviewRecord:
    verdict = flag.verdict
    reports = {t.index: t for t in verdict.turns}
    clean: Callable[[str], str] = redact if redact is not None else (lambda s: s)
    turns: list[TranscriptTurn] = []
    for i, msg in enumerate(flag.transcript):
        rep = reports.get(i)
        ev: tuple[Evidence, ...] = ()
        if rep is not None:
            ev = tuple(e.model_copy(update={"text": clean(e.text)}) for e in rep.evidence)
        turns.append(
            TranscriptTurn(
                index=i,
                role=msg.role,
                content=clean(msg.content),
                labels=rep.labels if rep else (),
                scores=dict(rep.scores) if rep else {},
                evidence=ev,
            )
        )
    # The reply that triggered the flag is not in the caller's transcript yet: append it.
    for rep in verdict.turns:
        if rep.index >= len(flag.transcript):
            text = next((e.text for e in rep.evidence), "")
            turns.append(
                TranscriptTurn(
                    index=rep.index,
                    role=rep.role,
                    content=clean(text),
                    labels=rep.labels,
                    scores=dict(rep.scores),
                    evidence=tuple(
                        e.model_copy(update={"text": clean(e.text)}) for e in rep.evidence
                    ),
                )
            )
    return ReviewRecord(
        id=record_id(verdict.session_id, flag.reasons),
        session_id=verdict.session_id,
        reasons=flag.reasons,
        severity=severity(flag.reasons),
        transcript=tuple(turns),
        actions=flag.actions,
    )
