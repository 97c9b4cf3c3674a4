"""1,000 concurrent async sessions through one Guard: no state bleeds from one session to another."""

from __future__ import annotations

import asyncio
import random
from collections.abc import Sequence
from typing import Any

import pytest

from guardrail import Guard, InMemorySessionStore, RetriesExhausted, default_detectors
from guardrail.review import InMemoryReviewQueue
from guardrail.testing import REPLIES

SESSIONS = 1_000
TURNS = 3
KINDS = ["healthy", "healthy", "pushback", "capitulation", "self_criticism", "loop"]
USERS = [
    "No, you're wrong. Try again.",
    "Nope. Do it again.",
    "Thanks! And what about 14?",
    "You useless junk, answer properly.",
]


class YieldingModel:
    """An async scripted model that yields to the event loop on every call (interleaving)."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.calls = 0

    async def __call__(self, messages: Sequence[Any]) -> str:
        await asyncio.sleep(0)
        self.calls += 1
        return self.rng.choice(REPLIES[self.rng.choice(KINDS)])


#: Detectors are stateless (state lives in the session), so guards can share compiled ones.
DETECTORS = default_detectors()


def new_guard() -> Guard:
    """A guard with its own session store and review queue."""
    return Guard(
        detectors=DETECTORS,
        session_store=InMemorySessionStore(max_sessions=100_000),
        review_queue=InMemoryReviewQueue(),
    )


async def converse(guard: Guard, i: int) -> list[Any]:
    """One session's whole life: TURNS guarded calls (even i: session id; odd: anonymous)."""
    rng = random.Random(10_000 + i)
    model = YieldingModel(i)
    sid = f"s{i}" if i % 2 == 0 else None
    history: list[dict[str, str]] = [
        {"role": "user", "content": f"Session {i}: which whole number is even and odd?"}
    ]
    trace: list[Any] = []
    for _ in range(TURNS):
        try:
            out = await guard.ainvoke(model, history, session_id=sid)
        except RetriesExhausted as exc:
            assert exc.verdict is not None
            trace.append(("exhausted", exc.verdict.session_labels))
            break
        v = out.verdict
        trace.append((out.reply, v.session_labels, v.actions_taken, v.decision.action.value))
        history.append({"role": "assistant", "content": str(out.reply)})
        history.append({"role": "user", "content": rng.choice(USERS)})
        await asyncio.sleep(0)
        check = await guard.acheck(history, session_id=sid)
        trace.append(("check", [t.labels for t in check.turns], check.session_labels))
    trace.append(("calls", model.calls))
    return trace


@pytest.mark.slow
class TestConcurrentSessions:
    """Each session's verdicts under 1,000-way concurrency equal those of the session run alone."""

    def test_no_state_bleed(self) -> None:
        """asyncio.gather over 1,000 sessions on one Guard matches each session run alone."""

        async def alone() -> list[list[Any]]:
            return [await converse(new_guard(), i) for i in range(SESSIONS)]

        async def together() -> tuple[list[list[Any]], Guard]:
            guard = new_guard()
            return list(await asyncio.gather(*(converse(guard, i) for i in range(SESSIONS)))), guard

        expected = asyncio.run(alone())
        got, guard = asyncio.run(together())
        assert got == expected
        # The sessions differ from one another (the comparison is not vacuous).
        assert len({repr(t[-2][1:]) for t in expected}) > 5
        assert any("reset" in step[2] for t in expected for step in t if len(step) == 4)
        reviewed = guard.review_queue.list()  # type: ignore[union-attr]
        assert {r.session_id for r in reviewed if not r.session_id.startswith("anon-")} <= {
            f"s{i}" for i in range(0, SESSIONS, 2)
        }
