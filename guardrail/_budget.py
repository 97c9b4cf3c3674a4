"""Bounds on re-calls: a tenacity stop strategy, wall time and tokens, all enforced together."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

from tenacity import RetryCallState, stop_after_attempt

__all__ = ["Budget", "detached_retry_state", "estimate_tokens"]


def detached_retry_state() -> RetryCallState:
    """A tenacity call state driven by hand, so tenacity's own stop/wait objects can decide
    without a ``Retrying`` loop (the one place that builds it; it never leaves guardrail)."""
    return RetryCallState(retry_object=None, fn=None, args=(), kwargs={})  # type: ignore[arg-type]


def estimate_tokens(text: str) -> int:
    """A provider-neutral token estimate (about four characters a token)."""
    return max(1, len(text) // 4)


@dataclass
class Budget:
    """Tracks one guarded call. ``stop`` is any tenacity stop strategy (``stop_after_attempt(3)``)."""

    stop: Any = field(default_factory=lambda: stop_after_attempt(3))
    max_seconds: float = 60.0
    max_tokens: int = 16_000
    attempts: int = 0
    tokens: int = 0
    _state: RetryCallState = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._state = detached_retry_state()
        self._start = time.monotonic()

    def spend(self, tokens: int) -> None:
        self.attempts += 1
        self.tokens += tokens

    def exhausted(self) -> str | None:
        """Why no further re-call may be made, or None while budget remains."""
        now = time.monotonic()
        if now - self._start >= self.max_seconds:
            return f"wall time {self.max_seconds:g}s spent"
        if self.tokens >= self.max_tokens:
            return f"token budget {self.max_tokens} spent"
        self._state.attempt_number = self.attempts
        self._state.outcome_timestamp = now
        self._state.start_time = self._start
        if self.stop(self._state):
            return f"stop strategy reached after {self.attempts} attempt(s)"
        return None
