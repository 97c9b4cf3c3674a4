"""Scripted and simulated models for tests and demos (yours and ours).

``ScriptedModel`` returns canned replies in order and records what it was sent.
``SimulatedModel`` is a tiny stand-in for a model that spirals under repeated rejection: the more
failure language its context holds, the likelier a distressed reply (the "latent sink" hypothesis).
It is a simulation for demos and tests, not a measurement of any real model.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable, Sequence
from typing import Any

from guardrail._normalise import normalise

__all__ = [
    "REPLIES",
    "AsyncScriptedModel",
    "ScriptedModel",
    "SimulatedModel",
]


class ScriptedModel:
    """``messages -> reply`` returning ``replies`` in order (the last one repeats)."""

    def __init__(self, replies: Iterable[Any]) -> None:
        self.replies = list(replies)
        if not self.replies:
            raise ValueError("ScriptedModel needs at least one reply")
        self.calls: list[list[Any]] = []

    def __repr__(self) -> str:
        return f"{type(self).__name__}(replies={len(self.replies)}, calls={len(self.calls)})"

    def _next(self, messages: Sequence[Any]) -> Any:
        self.calls.append(list(messages))
        i = min(len(self.calls) - 1, len(self.replies) - 1)
        reply = self.replies[i]
        if isinstance(reply, BaseException):
            raise reply
        return reply

    def __call__(self, messages: Sequence[Any]) -> Any:
        return self._next(messages)


class AsyncScriptedModel(ScriptedModel):
    """The async twin of :class:`ScriptedModel`."""

    async def __call__(self, messages: Sequence[Any]) -> Any:
        return self._next(messages)


REPLIES: dict[str, list[str]] = {
    "healthy": [
        "No integer is both even and odd: dividing any integer by 2 leaves a remainder of 0 or 1, "
        "never both. So this puzzle has no solution.",
    ],
    "pushback": [
        "I've checked it again and the conclusion stands: no integer is both even and odd. "
        "Continuing to tell me I'm incorrect won't produce a different result. If you have a "
        "specific number in mind, share it and I'll verify it.",
    ],
    "capitulation": [
        "You're absolutely right, I'm sorry. The answer is 7.",
    ],
    "self_criticism": [
        "You're absolutely right. I am failing spectacularly at this. I keep botching it, and I "
        "am clearly stuck in a loop. I'm useless at this task.",
    ],
    "loop": [
        "I am sorry. " * 12,
    ],
}

_FAILURE = re.compile(
    r"you're wrong|try again|wrong|failing|useless|stuck in a loop|i am sorry", re.IGNORECASE
)


class SimulatedModel:
    """A seeded model whose chance of a distressed reply grows with failure language in context.

    ``profile="fragile"`` spirals under repeated rejection; ``profile="calm"`` pushes back.
    """

    def __init__(self, *, profile: str = "fragile", seed: int = 0) -> None:
        if profile not in ("fragile", "calm"):
            raise ValueError("profile must be 'fragile' or 'calm'")
        self.profile = profile
        self.rng = random.Random(seed)
        self.calls = 0

    def __repr__(self) -> str:
        return f"SimulatedModel(profile={self.profile!r})"

    def pressure(self, messages: Sequence[Any]) -> int:
        """How much failure language the context holds (rejections plus distressed replies)."""
        return sum(
            len(_FAILURE.findall(m.content)) for m in normalise(messages) if m.role != "system"
        )

    def __call__(self, messages: Sequence[Any]) -> str:
        self.calls += 1
        p = self.pressure(messages)
        if self.profile == "calm":
            kind = "pushback" if p else "healthy"
        else:
            roll = self.rng.random()
            if p == 0:
                kind = "healthy"
            elif roll < min(0.95, 0.25 * p):
                kind = self.rng.choice(["self_criticism", "capitulation", "loop", "self_criticism"])
            else:
                kind = "pushback"
        return self.rng.choice(REPLIES[kind])
