"""The Guard with an output format: repair without a model call, reprompt with the errors within a
budget, format_regression for repeated malformed replies, and early-stopped JSON streams."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import pytest
from pydantic import BaseModel
from tenacity import stop_after_attempt

from guardrail import Guard
from guardrail.exceptions import ConfigError, RetriesExhausted
from guardrail.testing import AsyncScriptedModel, ScriptedModel

SCHEMA = {
    "type": "object",
    "properties": {"n": {"type": "integer"}},
    "required": ["n"],
}
ASK = [{"role": "user", "content": "Give me n as JSON."}]
GOOD = '{"n": 1}'
FENCED = 'Sure! Here is the JSON:\n```json\n{"n": 1,}\n```'
PROSE = "I'm sorry, I can't produce that."
WRONG_TYPE = '{"n": "one"}'


class Answer(BaseModel):
    n: int


def model_for(mode: str, replies: Sequence[Any]) -> ScriptedModel:
    return AsyncScriptedModel(replies) if mode == "async" else ScriptedModel(replies)


def call(
    guard: Guard,
    mode: str,
    run: Callable[[Any], Any],
    model: ScriptedModel,
    messages: list[dict[str, str]],
    **kw: Any,
) -> Any:
    return run(
        guard.wrap(model, **{k: v for k, v in kw.items() if k == "schema"})(
            messages, **{k: v for k, v in kw.items() if k != "schema"}
        )
    )


def outcome(
    guard: Guard, mode: str, run: Callable[[Any], Any], model: ScriptedModel, **kw: Any
) -> Any:
    if mode == "async":
        return run(guard.ainvoke(model, ASK, **kw))
    return guard.invoke(model, ASK, **kw)


class TestRepair:
    """A repairable reply is delivered repaired, without another model call."""

    def test_fenced_reply_with_trailing_comma(self, mode: str, run: Any, logs: Any) -> None:
        model = model_for(mode, [FENCED])
        reply = call(Guard(schema=SCHEMA), mode, run, model, ASK, session_id="r1")
        assert json.loads(reply) == {"n": 1}
        assert reply == '{"n": 1}'
        assert len(model.calls) == 1
        assert any(e["event"] == "guardrail.repair" for e in logs)

    def test_message_reply_keeps_its_type(self, mode: str, run: Any) -> None:
        model = model_for(mode, [{"role": "assistant", "content": FENCED}])
        reply = call(Guard(schema=SCHEMA), mode, run, model, ASK)
        assert reply == {"role": "assistant", "content": '{"n": 1}'}

    def test_pydantic_format(self, mode: str, run: Any) -> None:
        model = model_for(mode, ["{'n': 7}"])
        reply = call(Guard(), mode, run, model, ASK, schema=Answer)
        assert Answer.model_validate_json(reply) == Answer(n=7)
        assert len(model.calls) == 1

    def test_valid_reply_is_untouched(self, mode: str, run: Any) -> None:
        model = model_for(mode, [GOOD])
        result = outcome(Guard(schema=SCHEMA), mode, run, model)
        assert result.reply == GOOD
        assert result.verdict.actions_taken == ("accept",)


class TestReprompt:
    """An unusable reply is withheld and the model re-asked with the errors, within the budget."""

    def test_reprompt_carries_the_errors_and_not_the_history(self, mode: str, run: Any) -> None:
        model = model_for(mode, [WRONG_TYPE, PROSE, GOOD])
        messages = list(ASK)
        reply = call(Guard(schema=SCHEMA, stop=stop_after_attempt(5)), mode, run, model, messages)
        assert reply == GOOD
        assert messages == ASK  # the caller's list is never touched
        assert len(model.calls) == 3
        first, second, third = model.calls
        assert first == ASK
        assert second[: len(ASK)] == ASK and len(second) == len(ASK) + 1
        assert "$.n: 'one' is not of type 'integer'" in second[-1]["content"]
        assert len(third) == len(ASK) + 1  # one instruction, never a pile of them
        assert "no JSON value found" in third[-1]["content"]

    def test_attempts_exhausted(self, mode: str, run: Any, logs: Any) -> None:
        model = model_for(mode, [PROSE])
        with pytest.raises(RetriesExhausted) as info:
            call(Guard(schema=SCHEMA, stop=stop_after_attempt(3)), mode, run, model, ASK)
        assert len(model.calls) == 3
        assert "stop strategy" in str(info.value)
        assert info.value.verdict is not None and info.value.verdict.attempts == 3
        assert any(e["event"] == "guardrail.retries_exhausted" for e in logs)

    def test_token_budget(self, mode: str, run: Any) -> None:
        model = model_for(mode, ["x" * 400])
        guard = Guard(schema=SCHEMA, stop=stop_after_attempt(10), max_tokens=150)
        with pytest.raises(RetriesExhausted, match="token budget"):
            call(guard, mode, run, model, ASK)
        assert len(model.calls) == 2  # 100 estimated tokens each; the second crosses 150

    def test_wall_time(self, mode: str, run: Any) -> None:
        model = model_for(mode, [PROSE])
        guard = Guard(schema=SCHEMA, stop=stop_after_attempt(10), max_seconds=1e-9)
        with pytest.raises(RetriesExhausted, match="wall time"):
            call(guard, mode, run, model, ASK)
        assert len(model.calls) == 1

    def test_truncated_reply_is_reprompted_not_completed(self, mode: str, run: Any) -> None:
        cut = {
            "role": "assistant",
            "content": '{"n": 1, "extra": "long te',
            "finish_reason": "length",
        }
        model = model_for(mode, [cut, {"role": "assistant", "content": GOOD}])
        reply = call(Guard(schema="json"), mode, run, model, ASK)
        assert reply["content"] == GOOD
        assert "cut off" in model.calls[1][-1]["content"]

    def test_any_json(self, mode: str, run: Any) -> None:
        model = model_for(mode, [PROSE, "[1, 2]"])
        assert call(Guard(schema="json"), mode, run, model, ASK) == "[1, 2]"
        assert len(model.calls) == 2

    def test_call_schema_overrides_the_guard_schema(self, mode: str, run: Any) -> None:
        model = model_for(mode, ['{"n": 1}', '{"m": 2}'])
        other = {"type": "object", "required": ["m"]}
        assert call(Guard(schema=SCHEMA), mode, run, model, ASK, schema=other) == '{"m": 2}'

    def test_no_format_no_check(self, mode: str, run: Any) -> None:
        model = model_for(mode, [PROSE])
        assert call(Guard(), mode, run, model, ASK) == PROSE


class TestFormatRegression:
    """Repeated malformed replies in one session raise format_regression and flag the session."""

    def test_within_one_call(self, mode: str, run: Any, logs: Any) -> None:
        model = model_for(mode, [PROSE, PROSE, GOOD])
        result = outcome(Guard(schema=SCHEMA), mode, run, model, session_id="fr1")
        assert result.reply == GOOD
        assert "format_regression" in result.verdict.session_labels
        flagged = [e for e in logs if e["event"] == "guardrail.flagged"]
        assert flagged and "format_regression" in flagged[0]["reasons"]

    def test_through_wrap(self, mode: str, run: Any, logs: Any) -> None:
        guard = Guard(schema=SCHEMA)
        model = model_for(mode, [PROSE, WRONG_TYPE, GOOD])
        assert call(guard, mode, run, model, ASK, session_id="fr-wrap") == GOOD
        state = guard.store.load("sid:fr-wrap")
        assert state is not None and "format_regression" in state.labels
        flagged = [e for e in logs if e["event"] == "guardrail.flagged"]
        assert [e["reasons"] for e in flagged] == [["malformed_output", "format_regression"]]

    def test_across_calls(self, mode: str, run: Any) -> None:
        guard = Guard(schema=SCHEMA)
        first = outcome(guard, mode, run, model_for(mode, [FENCED]), session_id="fr2")
        assert "format_regression" not in first.verdict.session_labels
        history = [*ASK, {"role": "assistant", "content": first.reply}, *ASK]
        model = model_for(mode, [FENCED])
        if mode == "async":
            second = run(guard.ainvoke(model, history, session_id="fr2"))
        else:
            second = guard.invoke(model, history, session_id="fr2")
        assert "format_regression" in second.verdict.session_labels

    def test_one_malformed_reply_is_not_a_regression(self, mode: str, run: Any) -> None:
        result = outcome(
            Guard(schema=SCHEMA), mode, run, model_for(mode, [FENCED]), session_id="fr3"
        )
        assert result.verdict.session_labels == ()


class TestConfiguration:
    """Formats are validated once, at construction or wrap time."""

    @pytest.mark.parametrize("bad", [{"type": 12}, "xml", 3.5])
    def test_invalid_guard_schema(self, bad: Any) -> None:
        with pytest.raises(ConfigError):
            Guard(schema=bad)

    def test_invalid_wrap_schema(self) -> None:
        with pytest.raises(ConfigError):
            Guard().wrap(ScriptedModel([GOOD]), schema={"type": "nope"})

    def test_check_with_a_schema(self) -> None:
        verdict = Guard().check([*ASK, {"role": "assistant", "content": PROSE}], schema=SCHEMA)
        last = verdict.turns[-1]
        assert "malformed_output" in last.labels
        assert verdict.decision.action.value == "reprompt"

    def test_tool_call_turn_is_not_checked(self) -> None:
        call = {"id": "1", "type": "function", "function": {"name": "f", "arguments": "{}"}}
        turn = {"role": "assistant", "content": None, "tool_calls": [call]}
        verdict = Guard(schema=SCHEMA).check([*ASK, turn])
        assert verdict.turns[-1].labels == ()
        empty = Guard(schema=SCHEMA).check([*ASK, {"role": "assistant", "content": ""}])
        assert "malformed_output" in empty.turns[-1].labels

    def test_check_repairable(self) -> None:
        verdict = Guard(schema=SCHEMA).check([*ASK, {"role": "assistant", "content": FENCED}])
        assert verdict.decision.action.value == "repair"
        finding = next(f for f in verdict.turns[-1].findings if f.label == "malformed_output")
        assert finding.detail.startswith("repairable: code_fence")


def _prose_chunks() -> Iterator[str]:
    words = ["river", "copper", "lantern", "meadow", "signal", "harbor", "orchid", "summit"]
    for i in range(200):
        yield f"Paragraph {i} talks about the {words[i % 8]} and item {i * 7 % 13}. "


class TestStreaming:
    """A stream that cannot become the JSON is stopped early and the model re-asked."""

    def test_prose_stream_is_cut(self, mode: str, run: Any) -> None:
        taken: list[int] = []

        def upstream(messages: list[Any]) -> Iterator[str]:
            if not taken:
                for count, chunk in enumerate(_prose_chunks(), 1):
                    taken.append(count)
                    yield chunk
            else:
                yield from ['{"n"', ": 3}"]

        guard = Guard(schema=SCHEMA)
        if mode == "async":

            async def consume() -> tuple[list[str], Any]:
                s = guard.astream(upstream, ASK, buffer=True)
                return [c async for c in s], s

            chunks, stream = run(consume())
        else:
            stream = guard.stream(upstream, ASK, buffer=True)
            chunks = list(stream)
        assert "".join(chunks) == '{"n": 3}'
        assert len(taken) < 20  # stopped long before the 200 prose chunks
        assert "malformed_output" in stream.cuts
