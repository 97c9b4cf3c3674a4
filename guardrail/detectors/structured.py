"""``malformed_output``: the reply does not parse or validate against the configured format.

The finding's ``detail`` tells the policy what to do: it starts with ``repairable`` when
:func:`~guardrail.structured.extract_json` got a valid value by repairs alone (the guard delivers
the repaired value without a model call); otherwise it lists the errors by JSON path, and the
guard reprompts with them. A reply that was cut off (unbalanced at the end, or
``finish_reason == "length"`` with a completed value) is not repairable by default: completing it
would invent the end of the value.
"""

from __future__ import annotations

from collections.abc import Iterable

from guardrail._models import Finding, Label
from guardrail.detectors._base import TurnContext, evidence
from guardrail.structured import compile_schema, extract_json

__all__ = ["StructuredDetector", "format_errors"]

_MAX_ERRORS = 5


def format_errors(errors: Iterable[object], limit: int = _MAX_ERRORS) -> str:
    """``"$.a: message; $.b[1]: message"`` for the first ``limit`` errors."""
    return "; ".join(str(e) for e, _ in zip(errors, range(limit), strict=False))


class StructuredDetector:
    """Runs only when the guard or the call configured an output format (``schema=``).

    ``repair_truncated=True`` treats a cut-off reply whose value could be completed as repairable.
    """

    name = "structured"
    roles = frozenset({"assistant"})

    def __init__(self, *, repair_truncated: bool = False, max_chars: int = 1_000_000) -> None:
        self.repair_truncated = repair_truncated
        self.max_chars = max_chars

    def __repr__(self) -> str:
        return f"StructuredDetector(repair_truncated={self.repair_truncated})"

    def __call__(self, turn: TurnContext) -> Iterable[Finding]:
        fmt = turn.output_format
        if fmt is None:
            return
        text = turn.text
        if not text.strip() and turn.message.metadata.get("tool_calls"):
            return  # a tool call, not the formatted answer
        result = extract_json(
            text,
            schema=compile_schema(fmt),
            finish_reason=turn.finish_reason,
            max_chars=self.max_chars,
        )
        if result.ok and not result.repairs:
            return
        span = (evidence(Label.MALFORMED_OUTPUT, text, 0, min(len(text), 200)),)
        if result.ok and (not result.truncated or self.repair_truncated):
            yield Finding(
                label=Label.MALFORMED_OUTPUT,
                score=0.6,
                evidence=span,
                detail="repairable: " + ", ".join(result.repairs),
            )
            return
        if result.ok:
            detail = "the reply was cut off before the JSON value ended; reply with a shorter value"
        else:
            detail = format_errors(result.errors)
            if result.truncated:
                detail = "the reply was cut off; " + detail
        yield Finding(label=Label.MALFORMED_OUTPUT, score=1.0, evidence=span, detail=detail)
