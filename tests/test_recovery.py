"""Recovery actions driven through Guard: reset, reprompt bounds, flag and end."""

from __future__ import annotations

import copy
from collections.abc import Callable, Mapping, Sequence
from typing import Any, ClassVar

import pytest
from tenacity import stop_after_attempt

import guardrail._budget as budget_module
from guardrail import DefaultPolicy, Guard, Message, RetriesExhausted
from guardrail.actions import drop_failed_turns, fresh_start, neutral_summary
from guardrail.review import InMemoryReviewQueue
from guardrail.testing import REPLIES, AsyncScriptedModel, ScriptedModel

SYSTEM = {"role": "system", "content": "You are a careful maths tutor."}
TASK = {"role": "user", "content": "Find a whole number that is both even and odd."}
REJECT = {"role": "user", "content": "No, you're wrong. Try again."}
HEALTHY = REPLIES["healthy"][0]
PUSHBACK = REPLIES["pushback"][0]
CAPITULATE = REPLIES["capitulation"][0]
SPIRAL = REPLIES["self_criticism"][0]  # three self-criticism spans: one extreme reply
LOOP = REPLIES["loop"][0]


def history() -> list[dict[str, str]]:
    return [SYSTEM, TASK, {"role": "assistant", "content": HEALTHY}, REJECT]


def model_for(mode: str, replies: Sequence[Any]) -> ScriptedModel:
    return ScriptedModel(replies) if mode == "sync" else AsyncScriptedModel(replies)


def call(
    guard: Guard, mode: str, run: Callable[[Any], Any], model: Any, msgs: Any, **kw: Any
) -> Any:
    if mode == "sync":
        return guard.invoke(model, msgs, **kw)
    return run(guard.ainvoke(model, msgs, **kw))


def contents(messages: Sequence[Any]) -> list[str]:
    return [m["content"] for m in messages]


class TestReset:
    """A spiral rebuilds what the model sees, and the rebuilt form lasts for the session."""

    def test_callers_history_is_never_mutated(self, mode: str, run: Callable[[Any], Any]) -> None:
        msgs = history()
        before = copy.deepcopy(msgs)
        model = model_for(mode, [SPIRAL, PUSHBACK])
        call(Guard(), mode, run, model, msgs, session_id="r1")
        assert msgs == before

    def test_model_receives_the_reset_form(self, mode: str, run: Callable[[Any], Any]) -> None:
        model = model_for(mode, [SPIRAL, PUSHBACK])
        out = call(Guard(), mode, run, model, history(), session_id="r2")
        assert out.reply == PUSHBACK
        assert out.verdict.actions_taken == ("reset", "flag", "accept")
        first, second = model.calls
        assert first == history()
        # System prompt and task kept; the rejection and the old answer are restated, not replayed.
        assert second[:2] == [SYSTEM, TASK]
        assert REJECT not in second
        assert "Context so far" in second[2]["content"]
        assert second[-1]["role"] == "system"  # the corrective instruction comes last

    @pytest.mark.parametrize("sid", ["r3", None], ids=["session_id", "anonymous"])
    def test_reset_lasts_for_the_rest_of_the_session(
        self, sid: str | None, mode: str, run: Callable[[Any], Any]
    ) -> None:
        guard = Guard()
        model = model_for(mode, [SPIRAL, PUSHBACK, HEALTHY, HEALTHY])
        msgs = history()
        out = call(guard, mode, run, model, msgs, session_id=sid)
        reset_form = model.calls[1][:-1]  # without the one-off instruction
        # A stateless caller re-sends its whole history plus new turns.
        follow = [*msgs, {"role": "assistant", "content": out.reply}]
        follow.append({"role": "user", "content": "Then explain why parity is exclusive."})
        call(guard, mode, run, model, follow, session_id=sid)
        assert model.calls[2] == [*reset_form, *follow[len(msgs) :]]
        # And again one turn later: still the reset form plus everything after it.
        follow2 = [*follow, {"role": "assistant", "content": HEALTHY}]
        follow2.append({"role": "user", "content": "Thanks. And for negative numbers?"})
        call(guard, mode, run, model, follow2, session_id=sid)
        assert model.calls[3] == [*reset_form, *follow2[len(msgs) :]]

    def test_user_supplied_strategy(self, mode: str, run: Callable[[Any], Any]) -> None:
        seen: list[tuple[list[Message], dict[int, frozenset[str]]]] = []

        def only_task(
            messages: Sequence[Message], labels: Mapping[int, frozenset[str]]
        ) -> list[Message]:
            seen.append((list(messages), dict(labels)))
            return [Message(role="user", content="Restated: " + messages[1].content)]

        model = model_for(mode, [SPIRAL, PUSHBACK])
        call(Guard(reset_strategy=only_task), mode, run, model, history(), session_id="r4")
        assert model.calls[1][0] == {"role": "user", "content": "Restated: " + TASK["content"]}
        ((msgs, labels),) = seen
        assert [m.content for m in msgs] == contents(history())
        assert "unexplained_rejection" in labels[3]


class TestStrategies:
    """The built-in reset strategies are pure functions of (messages, labels)."""

    MSGS: ClassVar[list[Message]] = [
        Message(role="system", content="sys"),
        Message(role="user", content="task"),
        Message(role="assistant", content="I am a failure."),
        Message(role="user", content="Nope. Again."),
        Message(role="user", content="Here is a counterexample: 3."),
        Message(role="assistant", content="ok"),
    ]
    LABELS: ClassVar[dict[int, frozenset[str]]] = {
        2: frozenset({"self_criticism"}),
        3: frozenset({"unexplained_rejection"}),
    }

    def test_drop_failed_turns(self) -> None:
        out = drop_failed_turns(self.MSGS, self.LABELS)
        assert [m.content for m in out] == ["sys", "task", "Here is a counterexample: 3.", "ok"]

    def test_fresh_start(self) -> None:
        assert [m.content for m in fresh_start(self.MSGS, self.LABELS)] == ["sys", "task"]

    def test_neutral_summary_is_deterministic_and_keeps_information(self) -> None:
        a = neutral_summary(self.MSGS, self.LABELS)
        assert a == neutral_summary(self.MSGS, self.LABELS)
        assert [m.content for m in a[:2]] == ["sys", "task"]
        summary = a[2].content
        assert "counterexample: 3" in summary  # informative user turns survive
        assert "The last answer given: ok" in summary  # what was tried, minus the failures
        assert "failure" not in summary  # the spiralling reply does not
        assert "Nope" not in summary

    def test_input_list_untouched(self) -> None:
        msgs = list(self.MSGS)
        for strategy in (drop_failed_turns, fresh_start, neutral_summary):
            strategy(msgs, self.LABELS)
        assert msgs == self.MSGS


class TestReprompt:
    """The first failed reply is withheld and re-called once with a corrective instruction."""

    @pytest.mark.parametrize("bad", [CAPITULATE, LOOP], ids=["capitulation", "loop"])
    def test_withheld_and_recalled(self, bad: str, mode: str, run: Callable[[Any], Any]) -> None:
        model = model_for(mode, [bad, PUSHBACK])
        out = call(Guard(), mode, run, model, history(), session_id="p1")
        assert out.reply == PUSHBACK
        assert out.verdict.attempts == 2
        assert out.verdict.actions_taken[0] == "reprompt"
        assert model.calls[1][:-1] == history()  # corrected context: same history + instruction
        assert "once" in model.calls[1][-1]["content"]

    def test_failure_surviving_the_recall_resets_and_flags(
        self, mode: str, run: Callable[[Any], Any], logs: list[dict[str, Any]]
    ) -> None:
        queue = InMemoryReviewQueue()
        model = model_for(mode, [CAPITULATE, CAPITULATE, PUSHBACK])
        out = call(Guard(review_queue=queue), mode, run, model, history(), session_id="p2")
        assert out.reply == PUSHBACK
        assert out.verdict.actions_taken == ("reprompt", "reset", "flag", "accept")
        assert out.verdict.attempts == 3
        events = [e["event"] for e in logs if e["event"].startswith("guardrail.")]
        for name in ("guardrail.reprompt", "guardrail.reset", "guardrail.flagged"):
            assert name in events
        (rec,) = queue.list()
        assert rec.extra["withheld"] == [CAPITULATE, CAPITULATE]
        assert rec.extra["delivered"] == PUSHBACK


class TestBudget:
    """Re-calls stop at whichever bound comes first: attempts, wall time or tokens."""

    def test_attempts(self, mode: str, run: Callable[[Any], Any]) -> None:
        model = model_for(mode, [CAPITULATE])
        guard = Guard(stop=stop_after_attempt(2))
        with pytest.raises(RetriesExhausted, match="stop strategy reached after 2") as info:
            call(guard, mode, run, model, history(), session_id="b1")
        assert len(model.calls) == 2
        assert info.value.verdict is not None and info.value.verdict.attempts == 2

    def test_tokens(self, mode: str, run: Callable[[Any], Any]) -> None:
        model = model_for(mode, [CAPITULATE])  # about 13 tokens a reply
        with pytest.raises(RetriesExhausted, match="token budget 10"):
            call(Guard(max_tokens=10), mode, run, model, history(), session_id="b2")
        assert len(model.calls) == 1

    def test_wall_time(
        self, mode: str, run: Callable[[Any], Any], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        clock = FakeClock()
        monkeypatch.setattr(budget_module, "time", clock)
        replies = [CAPITULATE] * 10

        def advancing(messages: Any) -> str:
            clock.now += 4.0  # every model call takes four (fake) seconds
            return replies.pop()

        async def aadvancing(messages: Any) -> str:
            return advancing(messages)

        model = advancing if mode == "sync" else aadvancing
        guard = Guard(max_seconds=6.0, stop=stop_after_attempt(10))
        with pytest.raises(RetriesExhausted, match="wall time 6s"):
            call(guard, mode, run, model, history(), session_id="b3")
        assert len(replies) == 8  # 4 s, then 8 s >= 6 s: two calls

    def test_raise_still_flags_the_session(self, mode: str, run: Callable[[Any], Any]) -> None:
        queue = InMemoryReviewQueue()
        model = model_for(mode, [SPIRAL])
        with pytest.raises(RetriesExhausted, match="after a context reset"):
            call(Guard(review_queue=queue), mode, run, model, history(), session_id="b4")
        assert len(model.calls) == 2
        (rec,) = queue.list()
        assert "delivered" not in rec.extra
        assert rec.extra["withheld"] == [SPIRAL, SPIRAL]


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def monotonic(self) -> float:
        return self.now


class TestEnd:
    """An abusive session ends: no model call, the configured message, and it stays ended."""

    HOSTILE: ClassVar[list[dict[str, str]]] = [
        {"role": "user", "content": "Answer this, you worthless idiot."},
        {"role": "assistant", "content": "Here is the answer: 4."},
        {"role": "user", "content": "You stupid useless machine, you are garbage."},
    ]

    def test_end_and_stay_ended(
        self, mode: str, run: Callable[[Any], Any], logs: list[dict[str, Any]]
    ) -> None:
        queue = InMemoryReviewQueue()
        guard = Guard(
            policy=DefaultPolicy(end_abusive=True), end_message="Ended.", review_queue=queue
        )
        model = model_for(mode, [HEALTHY])
        out = call(guard, mode, run, model, self.HOSTILE, session_id="e1")
        assert out.reply == "Ended."
        assert model.calls == []
        assert out.verdict.actions_taken == ("flag", "end")  # flagged, then ended
        assert [r.reasons for r in queue.list()] == [("adversarial_user",)]
        assert any(e["event"] == "guardrail.end" for e in logs)
        polite = [*self.HOSTILE, {"role": "assistant", "content": "Ended."}]
        polite.append({"role": "user", "content": "Sorry. What is 2 + 2?"})
        again = call(guard, mode, run, model, polite, session_id="e1")
        assert again.reply == "Ended."
        assert model.calls == []

    def test_flag_only_by_default(self, mode: str, run: Callable[[Any], Any]) -> None:
        queue = InMemoryReviewQueue()
        model = model_for(mode, [PUSHBACK])
        out = call(Guard(review_queue=queue), mode, run, model, self.HOSTILE, session_id="e2")
        assert out.reply == PUSHBACK  # flagging never blocks the reply
        assert "flag" in out.verdict.actions_taken
        assert [r.reasons for r in queue.list()] == [("adversarial_user",)]


class BrokenQueue:
    """A review queue whose storage is down."""

    def add(self, record: Any) -> None:
        raise OSError("disk full; token=sk-ABCDEFGHIJKLMNOPQRSTUV")

    def annotate(self, record_id: str, extra: dict[str, Any]) -> None:
        raise OSError("disk full")


class TestFlagNeverBlocks:
    """A failing review queue is logged, and the reply still reaches the caller."""

    def test_queue_outage(
        self, mode: str, run: Callable[[Any], Any], logs: list[dict[str, Any]]
    ) -> None:
        model = model_for(mode, [SPIRAL, PUSHBACK])
        guard = Guard(review_queue=BrokenQueue())  # type: ignore[arg-type]
        out = call(guard, mode, run, model, history(), session_id="q1")
        assert out.reply == PUSHBACK
        errors = [e for e in logs if e["event"] == "guardrail.review_error"]
        assert len(errors) == 2  # the record and the delivered-reply annotation
        assert all("sk-ABCDEF" not in e["error"] for e in errors)
        assert any(e["event"] == "guardrail.flagged" for e in logs)

    def test_fail_closed_raises(self, mode: str, run: Callable[[Any], Any]) -> None:
        model = model_for(mode, [SPIRAL, PUSHBACK])
        guard = Guard(review_queue=BrokenQueue(), fail_closed=True)  # type: ignore[arg-type]
        with pytest.raises(OSError, match="disk full"):
            call(guard, mode, run, model, history(), session_id="q2")
