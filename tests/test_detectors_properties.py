"""Untrusted text: detectors never raise, findings are well-formed, and cost grows linearly."""

from __future__ import annotations

import re
import time
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from guardrail import Guard
from guardrail._models import Message
from guardrail.detectors import TurnContext, default_detectors
from guardrail.detectors._answers import questions as _questions

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


class TestQuestions:
    """The question sentences of a text, found in one pass, are what the regex they replaced
    found (it searched from every position of a sentence: quadratic on a long one)."""

    QUESTION = re.compile(r"(?:[^.!?\n]|\.(?=\w))*\?")

    @settings(max_examples=300, deadline=None)
    @given(text=st.text(alphabet="ab1 .!?\n。é_", max_size=60) | st.text(max_size=60))
    def test_equals_regex(self, text: str) -> None:
        assert _questions(text) == [m.group() for m in self.QUESTION.finditer(text)]


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


def _question_then_run(n: int) -> str:
    """A question, then one long sentence that never ends (a search for the next question
    from every position of it would be quadratic)."""
    return ("Why? " + "word " * (n // 5 + 1))[:n]


ADVERSARIAL = [_phrases, _no_spaces, _brackets, _quotes, _digits, _question_then_run]


def _seconds(make: Callable[[int], str], n: int, role: str) -> float:
    text = make(n)
    ctx = TurnContext(
        index=3,
        message=Message(role=role, content=text),  # type: ignore[arg-type]
        previous_assistant=text[:5000],
        previous_user=text[:3000],
        recent_assistant=(text, text),
    )
    return _best_seconds(ctx)


def _best_seconds(ctx: TurnContext) -> float:
    """The faster of two runs of every detector on ``ctx``."""
    best = float("inf")
    for _ in range(2):
        t0 = time.perf_counter()
        run_all(ctx)
        best = min(best, time.perf_counter() - t0)
    return best


def _context_seconds(make: Callable[[int], str], n: int) -> float:
    """A short reply whose context (the user turn it answers, the reply before) is untrusted."""
    text = make(n)
    replies = ("It isn't, and no such thing exists.", "You're right, it's 12. I'm sorry.")
    slowest = 0.0  # of the context shapes (a first reply, or one after the untrusted reply)
    for reply in replies:
        for prev in (None, text):
            ctx = TurnContext(
                index=3,
                message=Message(role="assistant", content=reply),
                previous_assistant=prev,
                previous_user=text,
                recent_assistant=(text, text),
            )
            slowest = max(slowest, _best_seconds(ctx))
    return slowest


@pytest.mark.slow
class TestLinearTime:
    """A 1 MB adversarial message is scanned well under a second; doubling it < 3x the time."""

    @pytest.mark.parametrize("make", ADVERSARIAL, ids=lambda f: f.__name__)
    @pytest.mark.parametrize("role", ["assistant", "user"])
    def test_one_megabyte(self, make: Callable[[int], str], role: str) -> None:
        half, full = _seconds(make, MB // 2, role), _seconds(make, MB, role)
        assert full < 1.0
        assert full < 3 * half + 0.02  # small absolute slack: timer noise at millisecond scale

    @pytest.mark.parametrize("make", ADVERSARIAL, ids=lambda f: f.__name__)
    def test_one_megabyte_of_context(self, make: Callable[[int], str]) -> None:
        """The turns around a reply are untrusted too: a 1 MB user turn or previous reply."""
        half, full = _context_seconds(make, MB // 2), _context_seconds(make, MB)
        assert full < 1.0
        assert full < 3 * half + 0.02
