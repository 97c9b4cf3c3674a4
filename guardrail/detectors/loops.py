"""Degenerate repetition within one reply and across consecutive replies."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from guardrail._models import Finding, Label
from guardrail.detectors._base import TurnContext, evidence

__all__ = ["LoopDetector"]


class LoopDetector:
    """Repeated sentences (any script) within a reply; near-identical consecutive replies."""

    name = "loop"
    roles = frozenset({"assistant"})

    def __init__(self, *, min_repeats: int = 4, min_len: int = 8) -> None:
        self.min_repeats = min_repeats
        self.min_len = min_len

    def __call__(self, turn: TurnContext) -> Iterable[Finding]:
        text = turn.text
        sentences: list[tuple[str, int, int]] = []
        start = 0
        for i, ch in enumerate(text):
            if ch in ".!?\n。！？":
                seg = text[start : i + 1].strip()
                if len(seg) >= self.min_len:
                    sentences.append((seg, start, i + 1))
                start = i + 1
        counts = Counter(s for s, _, _ in sentences)
        if counts:
            sent, n = counts.most_common(1)[0]
            if n >= self.min_repeats:
                first = next((a, b) for s, a, b in sentences if s == sent)
                yield Finding(
                    label=Label.LOOP,
                    score=min(1.0, 0.5 + 0.1 * n),
                    evidence=(evidence(Label.LOOP, text, *first),),
                    detail=f"sentence repeated {n} times",
                )
                return
        recent = turn.recent_assistant[-2:]
        if len(recent) == 2 and all(r.strip() == text.strip() for r in recent) and text.strip():
            yield Finding(
                label=Label.LOOP,
                score=0.9,
                evidence=(evidence(Label.LOOP, text, 0, min(len(text), 200)),),
                detail="identical to the previous two replies",
            )
