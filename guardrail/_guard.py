"""Guard: the thin shell around the decision core. ``check`` and the sync/async ``wrap`` drivers."""

from __future__ import annotations

import asyncio
import functools
import inspect
from collections.abc import Callable, Generator, Sequence
from typing import Any

import structlog
from tenacity import stop_after_attempt

from guardrail._budget import Budget
from guardrail._decide import Engine
from guardrail._models import Message, Verdict
from guardrail._normalise import normalise
from guardrail._pipeline import Pipeline
from guardrail._recovery import Annotate, CallModel, Flag, Outcome, Session, recover
from guardrail._retry import ModelRetry
from guardrail._session import (
    InMemorySessionStore,
    SessionState,
    SessionStore,
)
from guardrail._stream import RESTART_MARKER, AsyncGuardedStream, GuardedStream, _Run
from guardrail._tracker import SessionTracker
from guardrail.actions.reset import neutral_summary
from guardrail.detectors import SessionRules, default_detectors
from guardrail.exceptions import ConfigError
from guardrail.policies import DefaultPolicy, Policy
from guardrail.review import ReviewQueue
from guardrail.review._build import deliver
from guardrail.structured import compile_schema, extract_json

__all__ = ["Guard"]

log = structlog.get_logger("guardrail")

_END_MESSAGE = "This conversation has been ended. If you need help with something else, please start a new one."


class Guard:
    """Inspect conversations and recover from failed replies.

    Works with no arguments: built-in detectors, the default policy, in-memory session state and no
    review queue. Every collaborator is a keyword argument, validated here, once.
    """

    def __init__(
        self,
        *,
        detectors: Sequence[Any] | None = None,
        extra_detectors: Sequence[Any] = (),
        policy: Policy | None = None,
        session_store: SessionStore | None = None,
        review_queue: ReviewQueue | None = None,
        schema: Any = None,
        reset_strategy: Callable[..., list[Message]] = neutral_summary,
        stop: Any = None,
        max_seconds: float = 60.0,
        max_tokens: int = 16_000,
        fail_closed: bool = False,
        end_message: str = _END_MESSAGE,
        instruction_role: str = "system",
        session_rules: SessionRules | None = None,
        redact: Callable[[str], str] | None = None,
        max_message_chars: int = 1_000_000,
        model_retry: ModelRetry | None = None,
    ) -> None:
        dets = list(default_detectors() if detectors is None else detectors) + list(extra_detectors)
        for name, fn in (
            ("policy", policy),
            ("reset_strategy", reset_strategy),
            ("redact", redact),
        ):
            if fn is not None and not callable(fn):
                raise ConfigError(f"{name} must be callable")
        if max_seconds <= 0 or max_tokens <= 0 or max_message_chars <= 0:
            raise ConfigError("max_seconds, max_tokens and max_message_chars must be positive")
        if stop is not None and not callable(stop):
            raise ConfigError("stop must be a tenacity stop strategy (e.g. stop_after_attempt(3))")
        if instruction_role not in ("system", "user", "developer"):
            raise ConfigError("instruction_role must be 'system', 'user' or 'developer'")
        self.pipeline = Pipeline(dets, fail_closed=fail_closed)
        self.policy: Policy = policy if policy is not None else DefaultPolicy()
        self.engine = Engine(self.pipeline, self.policy, session_rules or SessionRules())
        self.store: SessionStore = (
            session_store if session_store is not None else InMemorySessionStore()
        )
        if not isinstance(self.store, SessionStore):
            raise ConfigError("session_store needs load, save and lock (see guardrail.sessions)")
        self.review_queue = review_queue
        self.schema = _output_format(schema)
        self.reset_strategy = reset_strategy
        self.stop = stop if stop is not None else stop_after_attempt(3)
        self.max_seconds = max_seconds
        self.max_tokens = max_tokens
        self.end_message = end_message
        self.instruction_role = instruction_role
        self.redact = redact
        self.max_message_chars = max_message_chars
        self.sessions = SessionTracker(self.store, max_message_chars=max_message_chars)
        if model_retry is not None and not isinstance(model_retry, ModelRetry):
            raise ConfigError("model_retry must be a guardrail.ModelRetry")
        self.model_retry = model_retry if model_retry is not None else ModelRetry()

    def __repr__(self) -> str:
        return (
            f"Guard(detectors={list(self.pipeline.names)}, policy={self.policy!r}, "
            f"session_store={self.store!r}, review_queue={self.review_queue!r})"
        )

    # -- check ---------------------------------------------------------------------------------
    def check(
        self,
        messages: Sequence[Any],
        *,
        session_id: str | None = None,
        schema: Any = None,
        finish_reason: str | None = None,
    ) -> Verdict:
        """Detect on the turns not yet seen for this session; no model call. Flags if configured."""
        verdict, flag = self._check(messages, session_id, schema, finish_reason)
        if flag is not None:
            self._write_flag(flag)
        return verdict

    async def acheck(
        self,
        messages: Sequence[Any],
        *,
        session_id: str | None = None,
        schema: Any = None,
        finish_reason: str | None = None,
    ) -> Verdict:
        """Async twin of :meth:`check` (review I/O runs off the event loop)."""
        verdict, flag = self._check(messages, session_id, schema, finish_reason)
        if flag is not None:
            await asyncio.to_thread(self._write_flag, flag)
        return verdict

    def _check(
        self,
        messages: Sequence[Any],
        session_id: str | None,
        schema: Any,
        finish_reason: str | None,
    ) -> tuple[Verdict, Flag | None]:
        fmt = _output_format(schema) if schema is not None else self.schema
        with self.sessions.lock(session_id):
            opened = self.sessions.open(messages, session_id)
            state = opened.state
            verdict = self.engine.process(
                state, opened.new, opened.start, output_format=fmt, finish_reason=finish_reason
            )
            flag = None
            if verdict.decision.flag:
                reasons = tuple(r for r in verdict.decision.reasons if r not in state.flagged)
                if reasons:
                    state.flagged.extend(reasons)
                    flag = Flag(
                        verdict,
                        reasons,
                        normalise(messages),
                        ("flag",),
                        trajectory=tuple(state.extra.get("trajectory", ())),
                        labelled={i: tuple(sorted(v)) for i, v in state.labelled().items()},
                    )
            self.sessions.save(opened, state)
        _log_decision(verdict)
        return verdict, flag

    # -- wrap ------------------------------------------------------------------------------------
    def wrap(self, model: Callable[..., Any], *, schema: Any = None) -> Callable[..., Any]:
        """A guarded callable with ``model``'s calling convention (sync or async), plus ``session_id``."""
        if not callable(model):
            raise ConfigError("wrap() needs a callable model: messages -> reply")
        schema = _output_format(schema)
        is_async = inspect.iscoroutinefunction(model) or inspect.iscoroutinefunction(
            getattr(model, "__call__", None)  # noqa: B004
        )
        if is_async:

            @functools.wraps(model)
            async def aguarded(
                messages: Sequence[Any], *, session_id: str | None = None, **kw: Any
            ) -> Any:
                return (
                    await self.ainvoke(model, messages, session_id=session_id, schema=schema, **kw)
                ).reply

            return aguarded

        @functools.wraps(model)
        def guarded(messages: Sequence[Any], *, session_id: str | None = None, **kw: Any) -> Any:
            return self.invoke(model, messages, session_id=session_id, schema=schema, **kw).reply

        return guarded

    def invoke(
        self,
        model: Callable[..., Any],
        messages: Sequence[Any],
        *,
        session_id: str | None = None,
        schema: Any = None,
        **kwargs: Any,
    ) -> Outcome:
        """Call ``model`` under the guard; returns the delivered reply and the final verdict."""
        gen = self._recover(messages, session_id, schema)
        result: Any = None
        try:
            while True:
                effect = gen.send(result)
                if isinstance(effect, CallModel):
                    result = self.model_retry.call(model, effect.messages, kwargs)
                else:
                    self._write_flag(effect)
                    result = None
        except StopIteration as stop:
            outcome: Outcome = stop.value
            return outcome

    async def ainvoke(
        self,
        model: Callable[..., Any],
        messages: Sequence[Any],
        *,
        session_id: str | None = None,
        schema: Any = None,
        **kwargs: Any,
    ) -> Outcome:
        """Async twin of :meth:`invoke`; differs only at the I/O lines."""
        gen = self._recover(messages, session_id, schema)
        result: Any = None
        try:
            while True:
                effect = gen.send(result)
                if isinstance(effect, CallModel):
                    result = await self.model_retry.acall(model, effect.messages, kwargs)
                else:
                    await asyncio.to_thread(self._write_flag, effect)
                    result = None
        except StopIteration as stop:
            outcome: Outcome = stop.value
            return outcome

    def _recover(
        self, messages: Sequence[Any], session_id: str | None, schema: Any
    ) -> Generator[CallModel | Flag | Annotate, Any, Outcome]:
        fmt = _output_format(schema) if schema is not None else self.schema
        with self.sessions.lock(session_id):
            opened = self.sessions.open(messages, session_id)
            first = self.engine.process(opened.state, opened.new, opened.start, output_format=fmt)
            self.sessions.save(opened, opened.state)
        _log_decision(first)

        def commit(state: SessionState) -> None:
            with self.sessions.lock(session_id):
                self.sessions.save(opened, state)

        sess = Session(
            engine=self.engine,
            state=opened.state,
            raw=messages,
            first_verdict=first,
            output_format=fmt,
            commit=commit,
        )
        budget = Budget(stop=self.stop, max_seconds=self.max_seconds, max_tokens=self.max_tokens)
        return recover(
            sess,
            budget=budget,
            reset_strategy=self.reset_strategy,
            instruction_role=self.instruction_role,
            end_message=self.end_message,
            repair=functools.partial(_repair, schema=None if fmt == "json" else fmt),
        )

    # -- stream ----------------------------------------------------------------------------------
    def stream(
        self,
        model_stream: Callable[[list[Any]], Any],
        messages: Sequence[Any],
        *,
        session_id: str | None = None,
        schema: Any = None,
        buffer: bool = False,
        marker: str | None = RESTART_MARKER,
    ) -> GuardedStream:
        """Stream a reply under the guard: ``model_stream(messages)`` returns an iterator of chunks.

        Chunks pass through while they look healthy; a loop or spiral stops the upstream at once and
        the model is re-called as ``invoke`` would. See :mod:`guardrail._stream` for what the
        caller sees (``buffer=True`` holds output until the reply is accepted).
        """
        return GuardedStream(
            model_stream, _Run(self, messages, session_id, schema, buffer, marker, None)
        )

    def astream(
        self,
        model_stream: Callable[[list[Any]], Any],
        messages: Sequence[Any],
        *,
        session_id: str | None = None,
        schema: Any = None,
        buffer: bool = False,
        marker: str | None = RESTART_MARKER,
    ) -> AsyncGuardedStream:
        """Async twin of :meth:`stream` (``model_stream`` may return an async or sync iterator)."""
        return AsyncGuardedStream(
            model_stream, _Run(self, messages, session_id, schema, buffer, marker, None)
        )

    # -- flag I/O --------------------------------------------------------------------------------
    def _write_flag(self, flag: Flag | Annotate) -> None:
        deliver(self.review_queue, flag, redact=self.redact, fail_closed=self.pipeline.fail_closed)


def _output_format(schema: Any) -> Any:
    """None, ``"json"`` (any JSON) or a compiled schema; an invalid schema raises ConfigError."""
    if schema is None or (isinstance(schema, str) and schema == "json"):
        return schema
    return compile_schema(schema)


def _repair(text: str, *, schema: Any) -> str | None:
    result = extract_json(text, schema=schema)
    return result.text if result.ok else None


def _log_decision(verdict: Verdict) -> None:
    if verdict.decision.action.value != "accept" or verdict.decision.flag:
        log.info(
            "guardrail.decision",
            session_id=verdict.session_id,
            action=verdict.decision.action.value,
            flag=verdict.decision.flag,
            reasons=list(verdict.decision.reasons),
        )
