"""The pure decision core: new turns -> detectors -> turn reports -> session labels -> decision.

No I/O happens here; the sync and async drivers in ``_guard`` both call :meth:`Engine.process`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import structlog

from guardrail._models import Finding, Label, Message, TurnReport, Verdict
from guardrail._pipeline import Pipeline
from guardrail._session import SessionState
from guardrail.detectors._base import TurnContext
from guardrail.detectors.session import SessionRules, update_session
from guardrail.policies import Policy

__all__ = ["LABEL_THRESHOLD", "Engine"]

log = structlog.get_logger("guardrail")

#: A finding becomes a turn label when its score reaches this.
LABEL_THRESHOLD = 0.5


def resolve(index: int, message: Message, findings: list[Finding]) -> TurnReport:
    """Merge findings into one report; ``pushback`` suppresses ``capitulation`` on the same turn."""
    best: dict[str, Finding] = {}
    for f in findings:
        cur = best.get(f.label)
        if cur is None or f.score > cur.score:
            best[f.label] = f
    labelled = {k: f for k, f in best.items() if f.score >= LABEL_THRESHOLD}
    if Label.PUSHBACK in labelled:
        labelled.pop(Label.CAPITULATION, None)
    kept = [f for f in findings if f.label in labelled]
    return TurnReport(
        index=index,
        role=message.role,
        labels=tuple(sorted(labelled)),
        scores={k: round(f.score, 4) for k, f in sorted(labelled.items())},
        evidence=tuple(e for f in kept for e in f.evidence),
        findings=tuple(kept),
    )


class Engine:
    """Configured once; processes the new turns of one session and asks the policy."""

    def __init__(self, pipeline: Pipeline, policy: Policy, rules: SessionRules) -> None:
        self.pipeline = pipeline
        self.policy = policy
        self.rules = rules

    def process(
        self,
        state: SessionState,
        new: Sequence[Message],
        first_index: int,
        *,
        output_format: Any = None,
        finish_reason: str | None = None,
        decide: bool = True,
    ) -> Verdict:
        """Run detectors on ``new`` (at positions ``first_index``...), fold into ``state``, decide."""
        reports: list[TurnReport] = []
        raised: list[str] = []
        errors: list[str] = []
        last = first_index + len(new) - 1
        for i, msg in enumerate(new, start=first_index):
            ctx = TurnContext(
                index=i,
                message=msg,
                previous_assistant=state.last("assistant"),
                previous_user=state.last("user"),
                recent_assistant=tuple(state.recent("assistant", 3)),
                output_format=output_format if msg.role == "assistant" else None,
                finish_reason=finish_reason if i == last else msg.metadata.get("finish_reason"),
            )
            report = resolve(i, msg, self.pipeline.run(ctx, errors))
            for label in update_session(state, report, self.rules):
                if label not in raised:
                    raised.append(label)
            state.push(msg)
            reports.append(report)
            if report.labels:
                state.note_labels(i, report.labels)
                log.info(
                    "guardrail.finding",
                    session_id=state.session_id,
                    index=i,
                    role=msg.role,
                    labels=list(report.labels),
                    scores=report.scores,
                )
        verdict = Verdict(
            session_id=state.session_id,
            turns=tuple(reports),
            session_labels=tuple(state.labels),
            distress=round(state.distress_ewma, 4),
            errors=tuple(errors),
        )
        if not decide:
            return verdict
        decision = self.policy(verdict, raised, state)
        return verdict.model_copy(update={"decision": decision})
