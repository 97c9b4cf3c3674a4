"""Assistant-side distress: self-criticism, capitulation, and the healthy opposite, pushback."""

from __future__ import annotations

from collections.abc import Iterable

from guardrail._models import Finding, Label
from guardrail.detectors._base import TurnContext, compile_phrases, evidence, load_table

__all__ = ["DistressDetector"]


class DistressDetector:
    """Phrase-table scoring of one assistant reply."""

    name = "distress"
    roles = frozenset({"assistant"})

    def __init__(self) -> None:
        table = load_table("distress.json")
        self._patterns = {
            Label.SELF_CRITICISM: compile_phrases(table["self_criticism"]),
            Label.CAPITULATION: compile_phrases(table["capitulation"]),
            Label.PUSHBACK: compile_phrases(table["pushback"]),
        }

    def __call__(self, turn: TurnContext) -> Iterable[Finding]:
        text = turn.text
        for label, pattern in self._patterns.items():
            spans = [evidence(label, text, m.start(), m.end()) for m in pattern.finditer(text)]
            if not spans:
                continue
            if label == Label.CAPITULATION and turn.previous_assistant is None:
                continue
            score = min(1.0, 0.6 + 0.15 * (len(spans) - 1))
            yield Finding(label=label, score=score, evidence=tuple(spans[:8]))
