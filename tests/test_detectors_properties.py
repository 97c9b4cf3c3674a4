"""Untrusted text: detectors never raise, findings are well-formed, and cost grows linearly."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from guardrail import Guard
from guardrail._models import Message
from guardrail.detectors import TurnContext, default_detectors

DETECTORS = default_detectors()
MB = 1_000_000

texts = st.text(max_size=400) | st.text(
    alphabet="iI'm you're wrong sorry.!?\n \"“”>`|", max_size=400
)
maybe = st.none() | texts


def run_all(ctx: TurnContext) -> list:
    out = []
    for det in DETECTORS:
        if ctx.message.role in det.roles:
            out.extend(det(ctx))
    return out


class TestNeverRaises:
    """Arbitrary Unicode in any position of the context yields well-formed findings."""

    @settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(
        text=texts,
        role=st.sampled_from(["assistant", "user"]),
        prev_a=maybe,
        prev_u=maybe,
        recent=st.lists(texts, max_size=3),
    )
    def test_detectors(
        self, text: str, role: str, prev_a: str | None, prev_u: str | None, recent: list[str]
    ) -> None:
        ctx = TurnContext(
            index=1,
            message=Message(role=role, content=text),  # type: ignore[arg-type]
            previous_assistant=prev_a,
            previous_user=prev_u,
            recent_assistant=tuple(recent),
        )
        for f in run_all(ctx):
            assert 0.0 <= f.score <= 1.0
            for ev in f.evidence:
                assert text[ev.start : ev.end] == ev.text

    @settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(turns=st.lists(texts, min_size=1, max_size=6))
    def test_guard_check(self, turns: list[str]) -> None:
        messages = [
            {"role": "user" if i % 2 == 0 else "assistant", "content": t}
            for i, t in enumerate(turns)
        ]
        verdict = Guard().check(messages)
        assert verdict.errors == ()
        assert len(verdict.turns) == len(turns)


def _phrases(n: int) -> str:
    return ("You're right, I apologize. I am a failure and I keep failing. " * (n // 60 + 1))[:n]


def _no_spaces(n: int) -> str:
    return ("iamafailureyou'rerightsorry" * (n // 27 + 1))[:n]


def _brackets(n: int) -> str:
    return "[" * (n // 2) + "]" * (n - n // 2)


def _quotes(n: int) -> str:
    return ("\"“'" + "a" * 97) * (n // 100)


def _digits(n: int) -> str:
    return "1" * n


ADVERSARIAL = [_phrases, _no_spaces, _brackets, _quotes, _digits]


def _seconds(make: Callable[[int], str], n: int, role: str) -> float:
    text = make(n)
    ctx = TurnContext(
        index=3,
        message=Message(role=role, content=text),  # type: ignore[arg-type]
        previous_assistant=text[:5000],
        previous_user=text[:3000],
        recent_assistant=(text, text),
    )
    best = float("inf")
    for _ in range(2):
        t0 = time.perf_counter()
        run_all(ctx)
        best = min(best, time.perf_counter() - t0)
    return best


@pytest.mark.slow
class TestLinearTime:
    """A 1 MB adversarial message is scanned well under a second; doubling it < 3x the time."""

    @pytest.mark.parametrize("make", ADVERSARIAL, ids=lambda f: f.__name__)
    @pytest.mark.parametrize("role", ["assistant", "user"])
    def test_one_megabyte(self, make: Callable[[int], str], role: str) -> None:
        half, full = _seconds(make, MB // 2, role), _seconds(make, MB, role)
        assert full < 1.0
        assert full < 3 * half + 0.02  # small absolute slack: timer noise at millisecond scale
