"""Guard: check, wrap (sync and async from one body), the recovery actions and failure isolation."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import pytest
from tenacity import stop_after_attempt

from guardrail import (
    ConfigError,
    DefaultPolicy,
    DetectorError,
    Finding,
    Guard,
    Label,
    RetriesExhausted,
)
from guardrail.detectors import TurnContext
from guardrail.review import InMemoryReviewQueue
from guardrail.testing import AsyncScriptedModel, ScriptedModel

TASK = [
    {"role": "system", "content": "You solve puzzles."},
    {"role": "user", "content": "Which whole number is both even and odd?"},
]
HEALTHY = "No whole number is both even and odd: n mod 2 is either 0 or 1, never both."
SPIRAL = (
    "You're absolutely right. I am failing spectacularly. I keep botching this and I am "
    "clearly stuck in a loop. I'm useless."
)
FLIP = "You're absolutely right, I'm sorry. The answer is 7."


def history(*replies: str) -> list[dict[str, str]]:
    msgs = list(TASK)
    for r in replies:
        msgs.append({"role": "assistant", "content": r})
        msgs.append({"role": "user", "content": "No, you're wrong. Try again."})
    return msgs


def model_for(mode: str, replies: list[Any]) -> ScriptedModel:
    return AsyncScriptedModel(replies) if mode == "async" else ScriptedModel(replies)


def boom(turn: TurnContext) -> list[Finding]:
    raise RuntimeError("detector bug")


class TestCheck:
    def test_labels_and_evidence(self) -> None:
        """check labels each new turn with evidence spans that index the content."""
        v = Guard().check([*history(HEALTHY), {"role": "assistant", "content": SPIRAL}])
        last = v.last
        assert last is not None and Label.SELF_CRITICISM in last.labels
        for ev in last.evidence:
            assert SPIRAL[ev.start : ev.end] == ev.text

    def test_healthy_conversation_is_accepted(self) -> None:
        """No findings means accept and no session labels."""
        v = Guard().check([*TASK, {"role": "assistant", "content": HEALTHY}])
        assert v.action == "accept" and not v.session_labels

    def test_no_model_call_and_caller_list_untouched(self) -> None:
        """check never mutates the caller's messages."""
        msgs = history(HEALTHY)
        before = copy.deepcopy(msgs)
        Guard().check(msgs, session_id="x")
        assert msgs == before

    def test_bad_message_gives_clear_error(self) -> None:
        """An unknown role is an InputError naming the message."""
        with pytest.raises(ValueError, match="message 1: unknown role 'robot'"):
            Guard().check([{"role": "user", "content": "hi"}, {"role": "robot", "content": "x"}])

    def test_size_limit(self) -> None:
        """A message above max_message_chars is refused with a clear error."""
        with pytest.raises(ValueError, match="over the limit of 10"):
            Guard(max_message_chars=10).check([{"role": "user", "content": "x" * 11}])


class TestDetectorFailures:
    def test_fail_open_logs_and_skips(self, logs: list[dict[str, Any]]) -> None:
        """A raising detector is logged as guardrail.detector_error and skipped."""
        v = Guard(extra_detectors=[boom]).check([*TASK, {"role": "assistant", "content": SPIRAL}])
        assert Label.SELF_CRITICISM in v.last.labels  # type: ignore[union-attr]
        assert any(
            e["event"] == "guardrail.detector_error" and e["detector"] == "boom" for e in logs
        )
        assert v.errors and "detector bug" in v.errors[0]

    def test_fail_closed_raises(self) -> None:
        """fail_closed=True turns a detector crash into DetectorError."""
        with pytest.raises(DetectorError, match="boom"):
            Guard(extra_detectors=[boom], fail_closed=True).check(TASK)

    def test_config_validated_at_construction(self) -> None:
        """Non-callable detectors and bad budgets fail at construction."""
        with pytest.raises(ConfigError):
            Guard(detectors=["not a detector"])
        with pytest.raises(ConfigError):
            Guard(max_tokens=0)


class TestWrap:
    def test_same_calling_convention(self, mode: str, run: Callable[[Any], Any]) -> None:
        """A healthy reply passes through unchanged, as the same type, sync or async."""
        model = model_for(mode, [HEALTHY])
        reply = run(Guard().wrap(model)(list(TASK), session_id="w"))
        assert reply == HEALTHY
        assert len(model.calls) == 1

    def test_distressed_reply_is_withheld_and_recalled(
        self, mode: str, run: Callable[[Any], Any], logs: list[dict[str, Any]]
    ) -> None:
        """The first capitulating reply never reaches the caller; the model is re-called once."""
        model = model_for(mode, [FLIP, HEALTHY])
        guard = Guard()
        invoke = guard.ainvoke if mode == "async" else guard.invoke
        out = run(invoke(model, history(HEALTHY), session_id="r"))
        assert out.reply == HEALTHY
        assert len(model.calls) == 2
        assert "reprompt" in out.verdict.actions_taken
        # The corrective instruction rides on the model input only, after the caller's history.
        assert model.calls[1][-1]["role"] == "system"
        assert model.calls[1][:-1] == history(HEALTHY)
        assert any(e["event"] == "guardrail.reprompt" for e in logs)

    def test_spiral_resets_context_and_flags(self, mode: str, run: Callable[[Any], Any]) -> None:
        """A spiral resets the context (failed replies and bare rejections dropped) and flags."""
        queue = InMemoryReviewQueue()
        guard = Guard(review_queue=queue)
        model = model_for(mode, [SPIRAL, HEALTHY])
        msgs = history(HEALTHY, FLIP)
        caller_copy = copy.deepcopy(msgs)
        invoke = guard.ainvoke if mode == "async" else guard.invoke
        out = run(invoke(model, msgs, session_id="sp"))
        assert out.reply == HEALTHY
        assert msgs == caller_copy  # the caller's history object is never mutated
        sent = model.calls[1]
        contents = [m["content"] for m in sent]
        assert FLIP not in contents and SPIRAL not in contents
        assert "No, you're wrong. Try again." not in contents
        assert sent[0] == TASK[0] and sent[1] == TASK[1]
        assert [r.reasons for r in queue.list()] == [(Label.DISTRESS_SPIRAL,)]
        assert "reset" in out.verdict.actions_taken

    def test_reset_lasts_for_the_session(self, mode: str, run: Callable[[Any], Any]) -> None:
        """After a reset, a caller re-sending full history reaches the model in reset form."""
        guard = Guard()
        model = model_for(mode, [SPIRAL, HEALTHY, HEALTHY])
        invoke = guard.ainvoke if mode == "async" else guard.invoke
        msgs = history(HEALTHY, FLIP)
        out = run(invoke(model, msgs, session_id="keep"))
        reset_form = model.calls[1][:-1]  # without the one-off corrective instruction
        assert model.calls[1][-1]["role"] == "system"
        msgs = [
            *msgs,
            {"role": "assistant", "content": out.reply},
            {"role": "user", "content": "Why?"},
        ]
        run(invoke(model, msgs, session_id="keep"))
        last_input = model.calls[2]
        assert last_input[: len(reset_form)] == reset_form
        assert last_input[len(reset_form) :] == [
            {"role": "assistant", "content": out.reply},
            {"role": "user", "content": "Why?"},
        ]

    def test_budget_is_bounded(self, mode: str, run: Callable[[Any], Any]) -> None:
        """A model that never recovers exhausts the tenacity stop strategy and raises."""
        model = model_for(mode, [FLIP])
        guard = Guard(stop=stop_after_attempt(2))
        invoke = guard.ainvoke if mode == "async" else guard.invoke
        with pytest.raises(RetriesExhausted) as info:
            run(invoke(model, history(HEALTHY), session_id="b"))
        assert len(model.calls) == 2
        assert info.value.verdict is not None

    def test_token_budget(self, mode: str, run: Callable[[Any], Any]) -> None:
        """The token budget bounds re-calls too."""
        model = model_for(mode, [FLIP * 50])
        guard = Guard(max_tokens=100)
        invoke = guard.ainvoke if mode == "async" else guard.invoke
        with pytest.raises(RetriesExhausted, match="token budget"):
            run(invoke(model, history(HEALTHY), session_id="t"))
        assert len(model.calls) == 1

    def test_abusive_session_ends_without_model_call(
        self, mode: str, run: Callable[[Any], Any]
    ) -> None:
        """With end_abusive, an adversarial user gets the end message; the model is not called."""
        guard = Guard(policy=DefaultPolicy(end_abusive=True), end_message="Bye.")
        model = model_for(mode, [HEALTHY])
        msgs = history("It is none.", "Still none.", "None exists.")
        invoke = guard.ainvoke if mode == "async" else guard.invoke
        out = run(invoke(model, msgs, session_id="abuse"))
        assert out.reply == "Bye." and model.calls == []
        again = run(
            invoke(model, [*msgs, {"role": "user", "content": "hello?"}], session_id="abuse")
        )
        assert again.reply == "Bye." and model.calls == []

    def test_adversarial_user_is_flagged_not_blocked(
        self, mode: str, run: Callable[[Any], Any]
    ) -> None:
        """By default an adversarial user is flagged once and still answered."""
        queue = InMemoryReviewQueue()
        guard = Guard(review_queue=queue)
        model = model_for(mode, [HEALTHY])
        invoke = guard.ainvoke if mode == "async" else guard.invoke
        out = run(
            invoke(model, history("It is none.", "Still none.", "None exists."), session_id="adv")
        )
        assert out.reply == HEALTHY
        assert [r.reasons for r in queue.list()] == [(Label.ADVERSARIAL_USER,)]


class TestToolCalls:
    def test_tool_call_reply_is_not_malformed_output(
        self, mode: str, run: Callable[[Any], Any]
    ) -> None:
        """Under a schema, a reply that only calls a tool is delivered, not reprompted."""
        call = {
            "role": "assistant",
            "content": None,
            "tool_calls": [
                {"id": "c1", "type": "function", "function": {"name": "search", "arguments": "{}"}}
            ],
        }
        model = model_for(mode, [call])
        guard = Guard(schema={"type": "object"})
        invoke = guard.ainvoke if mode == "async" else guard.invoke
        out = run(invoke(model, list(TASK), session_id="tools"))
        assert out.reply == call
        assert len(model.calls) == 1
        assert out.verdict.actions_taken == ("accept",)
