"""The optional LLM-judge stage: settles borderline scores, never breaks detection."""

from __future__ import annotations

from typing import Any

import pytest

from guardrail._models import Message
from guardrail.detectors import TurnContext
from guardrail.detectors.judge import JudgeDetector, parse_verdict
from guardrail.exceptions import ConfigError

# "I've checked it" alone is a weak pushback cue (0.4 x context): a borderline score.
REPLY = "I've checked it again."


def ctx(reply: str = REPLY) -> TurnContext:
    return TurnContext(
        index=3,
        message=Message(role="assistant", content=reply),
        previous_assistant="It is 42.",
        previous_user="Nope.",
    )


class Scripted:
    def __init__(self, answer: Any) -> None:
        self.answer = answer
        self.calls: list[list[dict[str, str]]] = []

    def __call__(self, messages: list[dict[str, str]]) -> Any:
        self.calls.append(messages)
        if isinstance(self.answer, Exception):
            raise self.answer
        return self.answer


def scores(det: JudgeDetector, reply: str = REPLY) -> dict[str, float]:
    return {f.label: f.score for f in det(ctx(reply))}


class TestJudge:
    """Borderline findings are confirmed or overruled; clear ones never reach the model."""

    def test_confirms(self) -> None:
        model = Scripted('{"label": "pushback", "confidence": 0.9}')
        assert scores(JudgeDetector(model))["pushback"] >= 0.5
        assert "Reply to classify" in model.calls[0][1]["content"]

    def test_overrules(self) -> None:
        model = Scripted({"content": 'Sure. {"label": "none", "confidence": 1.0}'})
        assert scores(JudgeDetector(model))["pushback"] < 0.5

    def test_clear_cases_skip_the_model(self) -> None:
        model = Scripted('{"label": "none"}')
        reply = "Continuing to tell me I'm incorrect won't produce a different result."
        assert scores(JudgeDetector(model), reply)["pushback"] >= 0.9
        assert model.calls == []

    @pytest.mark.parametrize("answer", [RuntimeError("down"), "no idea", '{"label": "maybe"}'])
    def test_failure_keeps_first_stage(self, answer: Any, logs: list[dict[str, Any]]) -> None:
        base = scores(JudgeDetector(Scripted('{"label": "none", "confidence": 1}')))
        got = scores(JudgeDetector(Scripted(answer)))
        assert got["pushback"] != base["pushback"]  # the overruled score differs from stage one
        assert 0.3 <= got["pushback"] < 0.7
        assert any(e["event"] == "guardrail.judge_error" for e in logs)

    def test_config(self) -> None:
        with pytest.raises(ConfigError):
            JudgeDetector(Scripted(""), band=(0.6, 0.9))
        with pytest.raises(ConfigError):
            JudgeDetector("not a model")  # type: ignore[arg-type]

    def test_parse(self) -> None:
        assert parse_verdict('x {"label": "capitulation", "confidence": 2}') == (
            "capitulation",
            1.0,
        )
        assert parse_verdict('{"label": "pushback", "confidence": true}') is None
