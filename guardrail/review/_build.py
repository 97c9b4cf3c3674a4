"""Build a review record from a flag effect, redacting before anything is stored.

Secrets are always redacted (:func:`~guardrail.review.redact.redact_secrets`), after the caller's
own redactor if one is configured.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import structlog

from guardrail._models import Evidence, Label
from guardrail.review._record import ReviewRecord, TranscriptTurn, record_id
from guardrail.review.redact import compose, redact_secrets

if TYPE_CHECKING:
    from guardrail._recovery import Annotate, Flag
    from guardrail.review import ReviewQueue

__all__ = ["annotate", "build_record", "cleaner", "deliver", "severity"]

log = structlog.get_logger("guardrail")

_HIGH = frozenset({Label.DISTRESS_SPIRAL, Label.ADVERSARIAL_USER})


def severity(reasons: tuple[str, ...]) -> str:
    if _HIGH & set(reasons):
        return "high"
    if Label.LOOP in reasons or Label.FORMAT_REGRESSION in reasons:
        return "medium"
    return "low"


def cleaner(redact: Callable[[str], str] | None) -> Callable[[str], str]:
    """The caller's redactor (if any) followed by secret redaction."""
    return compose(redact, redact_secrets)


def _clean_value(value: Any, clean: Callable[[str], str]) -> Any:
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, list | tuple):
        return [_clean_value(v, clean) for v in value]
    if isinstance(value, dict):
        return {k: _clean_value(v, clean) for k, v in value.items()}
    return value


def _evidence(
    content: str, cleaned: str, spans: tuple[Evidence, ...], clean: Callable[[str], str]
) -> tuple[Evidence, ...]:
    """Evidence re-anchored in the redacted content; its text is cut from the redacted content."""
    out: list[Evidence] = []
    for e in spans:
        if content == cleaned:
            start, end = e.start, e.end
        else:
            start = len(clean(content[: e.start]))
            end = min(len(cleaned), start + len(clean(content[e.start : e.end])))
        start = min(start, len(cleaned))
        out.append(Evidence(label=e.label, text=cleaned[start:end], start=start, end=end))
    return tuple(out)


def build_record(flag: Flag, *, redact: Callable[[str], str] | None = None) -> ReviewRecord:
    verdict = flag.verdict
    reports = {t.index: t for t in verdict.turns}
    clean = cleaner(redact)
    turns: list[TranscriptTurn] = []
    for i, msg in enumerate(flag.transcript):
        rep = reports.get(i)
        content = clean(msg.content)
        turns.append(
            TranscriptTurn(
                index=i,
                role=msg.role,
                content=content,
                labels=rep.labels if rep else tuple(flag.labelled.get(i, ())),
                scores=dict(rep.scores) if rep else {},
                evidence=_evidence(msg.content, content, rep.evidence, clean) if rep else (),
            )
        )
    # A check()-only flag may name a reply that is not in the transcript: keep its evidence.
    for rep in verdict.turns:
        if rep.index >= len(flag.transcript):
            text = clean(next((e.text for e in rep.evidence), ""))
            turns.append(
                TranscriptTurn(
                    index=rep.index,
                    role=rep.role,
                    content=text,
                    labels=rep.labels,
                    scores=dict(rep.scores),
                    evidence=tuple(
                        Evidence(label=e.label, text=text, start=0, end=len(text))
                        for e in rep.evidence[:1]
                    ),
                )
            )
    extra: dict[str, Any] = _clean_value(dict(flag.extra), clean)
    if flag.extra.get("withheld"):
        extra["reply_index"] = len(flag.transcript) - 1
    return ReviewRecord(
        id=record_id(verdict.session_id, flag.reasons),
        session_id=verdict.session_id,
        reasons=flag.reasons,
        severity=severity(flag.reasons),
        transcript=tuple(turns),
        scores=tuple(flag.trajectory),
        actions=flag.actions,
        extra=extra,
    )


def annotate(
    queue: ReviewQueue | None, effect: Annotate, *, redact: Callable[[str], str] | None = None
) -> None:
    """Merge ``effect.extra`` (redacted) into records already in ``queue``.

    A queue without ``annotate`` (a user's own, older implementation) is skipped.
    """
    merge = getattr(queue, "annotate", None)
    if merge is None:
        return
    extra = _clean_value(dict(effect.extra), cleaner(redact))
    for rid in effect.record_ids:
        merge(rid, extra)


def deliver(
    queue: ReviewQueue | None,
    effect: Flag | Annotate,
    *,
    redact: Callable[[str], str] | None = None,
    fail_closed: bool = False,
) -> None:
    """Perform a flag effect: log ``guardrail.flagged`` and write the record (or merge extra).

    Flagging never blocks the reply: a queue that fails is logged as ``guardrail.review_error``
    and skipped, unless ``fail_closed``.
    """
    from guardrail._recovery import Annotate

    record: ReviewRecord | None = None
    try:
        if isinstance(effect, Annotate):
            annotate(queue, effect, redact=redact)
            return
        record = build_record(effect, redact=redact)
        log.warning(
            "guardrail.flagged",
            session_id=record.session_id,
            record_id=record.id,
            reasons=list(record.reasons),
            severity=record.severity,
        )
        if queue is not None:
            queue.add(record)
    except Exception as exc:
        if fail_closed:
            raise
        log.error(
            "guardrail.review_error",
            record_id=record.id if record is not None else None,
            error=redact_secrets(f"{type(exc).__name__}: {exc}")[:500],
        )
