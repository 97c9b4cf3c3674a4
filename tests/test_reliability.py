"""Model-call faults: translation into the exception tree and bounded, jittered retries."""

from __future__ import annotations

import json
from collections.abc import Callable
from types import SimpleNamespace
from typing import Any

import pytest
from tenacity import stop_after_attempt, wait_fixed, wait_none

from guardrail import (
    ConfigError,
    FatalModelError,
    Guard,
    ModelRetry,
    TransientModelError,
    wait_retry_after,
)
from guardrail._retry import check_reply, translate_error
from guardrail.testing import AsyncScriptedModel, ScriptedModel

MESSAGES = [{"role": "user", "content": "What is the capital of France?"}]
GOOD = "The capital of France is Paris."


class HTTPError(Exception):
    """An SDK-style error with a status code and a response carrying headers."""

    def __init__(self, status: int, headers: dict[str, str] | None = None) -> None:
        super().__init__(f"HTTP {status}")
        self.status_code = status
        self.response = SimpleNamespace(status_code=status, headers=headers or {})


class APIConnectionError(Exception):
    """Named like openai's connection error; its cause is a builtin reset."""


def model_for(mode: str, replies: list[Any]) -> ScriptedModel:
    return AsyncScriptedModel(replies) if mode == "async" else ScriptedModel(replies)


def call(mode: str, guard: Guard, model: ScriptedModel, run: Callable[[Any], Any]) -> Any:
    if mode == "async":
        return run(guard.ainvoke(model, MESSAGES))
    return guard.invoke(model, MESSAGES)


def fast(**kw: Any) -> Guard:
    """A guard whose retries do not wait; the waits it would have slept are recorded."""
    slept: list[float] = []
    retry = ModelRetry(
        **{"stop": stop_after_attempt(4), "wait": wait_none(), "sleep": slept.append, **kw}
    )
    guard = Guard(model_retry=retry)
    guard.slept = slept  # type: ignore[attr-defined]
    return guard


def reset_error() -> APIConnectionError:
    err = APIConnectionError("Connection error.")
    err.__cause__ = ConnectionResetError(104, "Connection reset by peer")
    return err


class TestTransientFaultsAreRetried:
    """Timeouts, rate limits, 5xx and dropped connections are retried and then succeed."""

    @pytest.mark.parametrize(
        "fault",
        [
            pytest.param(TimeoutError("read timed out"), id="timeout"),
            pytest.param(HTTPError(429), id="rate-limit"),
            pytest.param(HTTPError(500), id="500"),
            pytest.param(HTTPError(503), id="503"),
            pytest.param(ConnectionResetError(104, "reset"), id="connection-reset"),
            pytest.param(reset_error(), id="sdk-connection-error"),
        ],
    )
    def test_fault_then_success(
        self, fault: Exception, mode: str, run: Callable[[Any], Any], logs: list[dict[str, Any]]
    ) -> None:
        """One transient fault costs one retry; the caller gets the good reply."""
        guard = fast()
        model = model_for(mode, [fault, GOOD])
        out = call(mode, guard, model, run)
        assert out.reply == GOOD
        assert len(model.calls) == 2
        assert out.verdict.attempts == 1  # transport retries are not reprompts
        retries = [e for e in logs if e["event"] == "guardrail.model_retry"]
        assert [(e["attempt"], e["error"]) for e in retries] == [(1, type(fault).__name__)]

    def test_retries_are_bounded(self, mode: str, run: Callable[[Any], Any]) -> None:
        """A fault that never clears raises TransientModelError after the stop strategy's attempts."""
        guard = fast()
        model = model_for(mode, [HTTPError(503)])
        with pytest.raises(TransientModelError) as info:
            call(mode, guard, model, run)
        assert len(model.calls) == 4
        assert isinstance(info.value.__cause__, HTTPError)
        assert guard.slept == [0.0, 0.0, 0.0]  # type: ignore[attr-defined]


class TestRetryAfter:
    """A rate limit's Retry-After is honoured, and a wait past the deadline is not started."""

    def test_retry_after_is_the_minimum_wait(self, mode: str, run: Callable[[Any], Any]) -> None:
        """The backoff waits at least Retry-After seconds (here longer than the fallback wait)."""
        guard = fast(wait=wait_retry_after(wait_fixed(0.5)))
        model = model_for(mode, [HTTPError(429, {"retry-after": "7"}), HTTPError(429), GOOD])
        out = call(mode, guard, model, run)
        assert out.reply == GOOD
        assert guard.slept == [7.0, 0.5]  # type: ignore[attr-defined]

    def test_retry_after_ms_and_http_dates(self) -> None:
        """retry-after-ms and an HTTP-date Retry-After are understood."""
        err = translate_error(HTTPError(429, {"retry-after-ms": "1500"}))
        assert isinstance(err, TransientModelError) and err.retry_after == 1.5
        err = translate_error(HTTPError(503, {"retry-after": "Wed, 21 Oct 2015 07:28:00 GMT"}))
        assert isinstance(err, TransientModelError) and err.retry_after == 0.0
        err = translate_error(HTTPError(429, {"retry-after": "soon"}))
        assert isinstance(err, TransientModelError) and err.retry_after is None

    def test_wait_past_the_deadline_gives_up_at_once(
        self, mode: str, run: Callable[[Any], Any], logs: list[dict[str, Any]]
    ) -> None:
        """With the default stop (4 attempts, 30 s deadline) a Retry-After of an hour is not slept."""
        slept: list[float] = []
        guard = Guard(model_retry=ModelRetry(sleep=slept.append))
        model = model_for(mode, [HTTPError(429, {"retry-after": "3600"}), GOOD])
        with pytest.raises(TransientModelError) as info:
            call(mode, guard, model, run)
        assert info.value.retry_after == 3600.0
        assert slept == [] and len(model.calls) == 1
        assert [e["event"] for e in logs if e["event"].startswith("guardrail.model_")] == [
            "guardrail.model_gave_up"
        ]

    def test_default_backoff_is_jittered_and_capped(
        self, mode: str, run: Callable[[Any], Any]
    ) -> None:
        """The default wait is full-jitter exponential: varied, never above its 8 s cap."""
        slept: list[float] = []
        guard = Guard(model_retry=ModelRetry(stop=stop_after_attempt(12), sleep=slept.append))
        model = model_for(mode, [TimeoutError()] * 11 + [GOOD])
        assert call(mode, guard, model, run).reply == GOOD
        assert len(slept) == 11
        assert all(0.0 <= s <= 8.0 for s in slept)
        assert len(set(slept)) > 1


class TestFatalFaults:
    """Failures that retrying cannot fix are raised at once as FatalModelError."""

    @pytest.mark.parametrize("status", [400, 401, 403, 404, 422])
    def test_client_errors(self, status: int, mode: str, run: Callable[[Any], Any]) -> None:
        """4xx (other than 408/409/425/429) is fatal: one call, the original is the cause."""
        guard = fast()
        model = model_for(mode, [HTTPError(status), GOOD])
        with pytest.raises(FatalModelError) as info:
            call(mode, guard, model, run)
        assert len(model.calls) == 1
        assert isinstance(info.value.__cause__, HTTPError)
        assert f"HTTP {status}" in str(info.value)

    @pytest.mark.parametrize(
        "reply",
        [
            pytest.param(None, id="none"),
            pytest.param({"role": "assistant"}, id="dict-without-content"),
            pytest.param({"content": 42}, id="content-not-text"),
            pytest.param(42, id="int"),
            pytest.param(SimpleNamespace(choices=[]), id="object-without-content"),
        ],
    )
    def test_malformed_reply(self, reply: Any, mode: str, run: Callable[[Any], Any]) -> None:
        """A malformed provider response is FatalModelError, not an empty reply."""
        model = model_for(mode, [reply, GOOD])
        with pytest.raises(FatalModelError, match="malformed model reply"):
            call(mode, fast(), model, run)
        assert len(model.calls) == 1

    def test_unparseable_response_body(self, mode: str, run: Callable[[Any], Any]) -> None:
        """An SDK failing to parse the provider's body (JSONDecodeError) is fatal, not retried."""
        model = model_for(mode, [json.JSONDecodeError("Expecting value", "<html>", 0), GOOD])
        with pytest.raises(FatalModelError, match="invalid JSON"):
            call(mode, fast(), model, run)
        assert len(model.calls) == 1

    def test_well_formed_replies_pass(self) -> None:
        """Strings, content dicts, tool-call dicts and message objects are accepted as they are."""
        for reply in (
            "",
            {"role": "assistant", "content": "hi"},
            {"role": "assistant", "content": None, "tool_calls": [{"id": "1"}]},
            {"content": [{"type": "text", "text": "hi"}]},
            SimpleNamespace(content="hi"),
        ):
            assert check_reply(reply) is reply

    def test_unknown_errors_propagate_unchanged(self, mode: str, run: Callable[[Any], Any]) -> None:
        """A bug in the caller's model function is not retried and not disguised."""
        model = model_for(mode, [KeyError("choices"), GOOD])
        with pytest.raises(KeyError):
            call(mode, fast(), model, run)
        assert len(model.calls) == 1


class TestTranslationHook:
    """Adapters and callers can translate their own errors; the default covers the rest."""

    def test_custom_hook_first_then_default(self, mode: str, run: Callable[[Any], Any]) -> None:
        """The hook's answer wins; None falls back to the default translation."""

        class Overloaded(Exception):
            pass

        def hook(exc: BaseException) -> TransientModelError | None:
            return TransientModelError("overloaded") if isinstance(exc, Overloaded) else None

        guard = fast(translate=hook)
        model = model_for(mode, [Overloaded(), TimeoutError(), GOOD])
        assert call(mode, guard, model, run).reply == GOOD
        assert len(model.calls) == 3

    def test_model_errors_pass_through(self, mode: str, run: Callable[[Any], Any]) -> None:
        """An adapter that already raises TransientModelError keeps its retry_after."""
        guard = fast(wait=wait_retry_after(wait_none()))
        model = model_for(mode, [TransientModelError("busy", retry_after=2.0), GOOD])
        assert call(mode, guard, model, run).reply == GOOD
        assert guard.slept == [2.0]  # type: ignore[attr-defined]

    def test_retries_off(self, mode: str, run: Callable[[Any], Any]) -> None:
        """stop_after_attempt(1) turns retries off but still translates."""
        guard = Guard(model_retry=ModelRetry(stop=stop_after_attempt(1)))
        model = model_for(mode, [TimeoutError(), GOOD])
        with pytest.raises(TransientModelError, match="timed out"):
            call(mode, guard, model, run)
        assert len(model.calls) == 1

    def test_config_is_validated(self) -> None:
        """A wrong model_retry or strategy fails at construction."""
        with pytest.raises(ConfigError):
            Guard(model_retry=3)  # type: ignore[arg-type]
        with pytest.raises(ConfigError):
            ModelRetry(stop=4)
        with pytest.raises(ConfigError):
            ModelRetry(sleep="no")  # type: ignore[arg-type]

    def test_wrap_retries_too(self, mode: str, run: Callable[[Any], Any]) -> None:
        """guard.wrap(model) goes through the same retry helper."""
        guard = fast()
        model = model_for(mode, [ConnectionRefusedError(), GOOD])
        guarded = guard.wrap(model)
        assert run(guarded(MESSAGES)) == GOOD
        assert len(model.calls) == 2

    def test_fatal_model_error_is_raised_as_is(self, mode: str, run: Callable[[Any], Any]) -> None:
        """An adapter's FatalModelError reaches the caller unchanged, without a self-cause."""
        err = FatalModelError("invalid api key")
        model = model_for(mode, [err, GOOD])
        with pytest.raises(FatalModelError) as info:
            call(mode, fast(), model, run)
        assert info.value is err and info.value.__cause__ is None
