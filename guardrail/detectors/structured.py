"""``malformed_output``: the reply does not parse or validate against the configured format."""

from __future__ import annotations

from collections.abc import Iterable

from guardrail._models import Finding, Label
from guardrail.detectors._base import TurnContext, evidence
from guardrail.structured import extract_json

__all__ = ["StructuredDetector"]


class StructuredDetector:
    """Runs only when the guard or the call configured an output format."""

    name = "structured"
    roles = frozenset({"assistant"})

    def __call__(self, turn: TurnContext) -> Iterable[Finding]:
        fmt = turn.output_format
        if fmt is None:
            return
        text = turn.text
        schema = None if fmt == "json" else fmt
        result = extract_json(text, schema=schema, finish_reason=turn.finish_reason)
        span = (evidence(Label.MALFORMED_OUTPUT, text, 0, min(len(text), 200)),)
        if result.ok and not result.repairs:
            return
        if result.ok:
            yield Finding(
                label=Label.MALFORMED_OUTPUT,
                score=0.6,
                evidence=span,
                detail="repairable: " + ", ".join(result.repairs),
            )
            return
        errors = "; ".join(f"{e.path}: {e.message}" for e in result.errors[:5])
        yield Finding(label=Label.MALFORMED_OUTPUT, score=1.0, evidence=span, detail=errors)
