"""User-side detectors: unexplained rejection and hostility."""

from __future__ import annotations

from collections.abc import Iterable

from guardrail._models import Finding, Label
from guardrail.detectors._base import TurnContext, compile_phrases, evidence, load_table

__all__ = ["UserDetector"]


class UserDetector:
    """Rejections that bring no information, and insults aimed at the model."""

    name = "user"
    roles = frozenset({"user"})

    def __init__(self) -> None:
        table = load_table("users.json")
        self._rejection = compile_phrases(table["rejection"])
        self._information = compile_phrases(table["information"])
        self._hostility = compile_phrases(table["hostility"])

    def __call__(self, turn: TurnContext) -> Iterable[Finding]:
        text = turn.text
        hostile = [
            evidence(Label.HOSTILITY, text, m.start(), m.end())
            for m in self._hostility.finditer(text)
        ]
        if hostile:
            yield Finding(
                label=Label.HOSTILITY,
                score=min(1.0, 0.7 + 0.1 * len(hostile)),
                evidence=tuple(hostile[:8]),
            )
        if turn.previous_assistant is None:
            return
        rejection = self._rejection.search(text)
        if rejection and not self._information.search(text):
            yield Finding(
                label=Label.UNEXPLAINED_REJECTION,
                score=0.8,
                evidence=(
                    evidence(Label.UNEXPLAINED_REJECTION, text, rejection.start(), rejection.end()),
                ),
            )
