"""Retries around the model call: translate failures into the exception tree, retry transient ones.

The decision is sans-I/O: :class:`_Attempts` is told what happened (a reply or an exception) and
answers "sleep this long, then call again" or raises. The sync and async drivers
(:meth:`ModelRetry.call` and :meth:`ModelRetry.acall`) differ only in how they call and sleep.

Stop and wait are tenacity's own strategy objects; tenacity's ``RetryCallState`` stays inside.
"""

from __future__ import annotations

import asyncio
import inspect
import json
import math
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from typing import Any, NoReturn

import structlog
from tenacity import (
    Future,
    RetryCallState,
    stop_after_attempt,
    stop_before_delay,
    wait_random_exponential,
)
from tenacity.wait import wait_base

from guardrail._budget import detached_retry_state
from guardrail.exceptions import ConfigError, FatalModelError, ModelError, TransientModelError

__all__ = ["ModelRetry", "check_reply", "translate_error", "wait_retry_after"]

log = structlog.get_logger("guardrail")

Translate = Callable[[BaseException], ModelError | None]

#: HTTP statuses worth retrying: timeout, conflict, too early, rate limit, and every 5xx.
_TRANSIENT_STATUS = frozenset({408, 409, 425, 429})
#: SDK error classes (by name, so no SDK is imported here) that mean "the call did not get through".
_TRANSIENT_NAMES = frozenset(
    {
        "APIConnectionError",  # openai, anthropic
        "APITimeoutError",
        "TimeoutException",  # httpx
        "NetworkError",
        "RemoteProtocolError",
        "ServiceUnavailableError",
    }
)
_CAUSE_DEPTH = 8


def _status(exc: BaseException) -> int | None:
    for obj in (exc, getattr(exc, "response", None)):
        code = getattr(obj, "status_code", None)
        if isinstance(code, int) and not isinstance(code, bool):
            return code
    return None


def _retry_after(exc: BaseException) -> float | None:
    """Seconds from a ``Retry-After`` (or ``retry-after-ms``) response header, if any."""
    headers = getattr(getattr(exc, "response", None), "headers", None)
    if headers is None or not hasattr(headers, "get"):
        return None
    raw_ms = headers.get("retry-after-ms")
    try:
        if raw_ms is not None:
            return _finite(float(raw_ms) / 1000.0)
    except ValueError:
        pass
    raw = headers.get("retry-after")
    if not isinstance(raw, str):
        return None
    try:
        return _finite(float(raw))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(raw)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def _finite(x: float) -> float | None:
    return max(0.0, x) if math.isfinite(x) else None


def translate_error(exc: BaseException) -> ModelError | None:
    """The default translation of a model call's exception; None leaves it untranslated.

    - a :class:`ModelError` stays as it is;
    - builtin ``TimeoutError`` and ``ConnectionError`` (resets, refusals, broken pipes) are
      transient, also when they are the ``__cause__`` of an SDK error;
    - an error carrying an HTTP ``status_code`` (itself or on ``.response``): 408, 409, 425, 429
      and 5xx are transient, with ``retry_after`` read from the ``Retry-After`` header; any other
      status is fatal;
    - SDK classes named like connection failures (openai's ``APIConnectionError`` and
      ``APITimeoutError``, httpx's ``TimeoutException`` and ``NetworkError``) are transient.

    Anything else (a bug in the caller's model function, say) propagates unchanged.
    """
    if isinstance(exc, ModelError):
        return exc
    what = type(exc).__name__
    if isinstance(exc, json.JSONDecodeError):
        return FatalModelError(f"malformed model response: invalid JSON ({exc.msg})")
    status = _status(exc)
    if status is not None:
        if status in _TRANSIENT_STATUS or 500 <= status <= 599:
            return TransientModelError(
                f"model call failed: {what} (HTTP {status})", retry_after=_retry_after(exc)
            )
        return FatalModelError(f"model call failed: {what} (HTTP {status})")
    cause: BaseException | None = exc
    for _ in range(_CAUSE_DEPTH):
        if cause is None:
            break
        if isinstance(cause, (TimeoutError, ConnectionError)) or any(
            k.__name__ in _TRANSIENT_NAMES for k in type(cause).__mro__
        ):
            kind = "timed out" if _is_timeout(cause) else "lost its connection"
            return TransientModelError(f"model call {kind}: {what}")
        cause = cause.__cause__
    return None


def _is_timeout(exc: BaseException) -> bool:
    return isinstance(exc, TimeoutError) or "Timeout" in type(exc).__name__


def check_reply(reply: Any) -> Any:
    """Return ``reply`` if it looks like a chat reply; raise :class:`FatalModelError` if malformed.

    Accepted: a string; a mapping with ``content`` (string, list of parts or None) or
    ``tool_calls``; an object with such a ``content`` attribute (LangChain or SDK messages).
    """
    if isinstance(reply, str):
        return reply
    if reply is None:
        raise FatalModelError("malformed model reply: None")
    if isinstance(reply, Mapping):
        if "content" not in reply and "tool_calls" not in reply:
            raise FatalModelError(
                f"malformed model reply: a mapping without 'content' (keys: {sorted(map(str, reply))[:8]})"
            )
        content = reply.get("content")
    elif hasattr(reply, "content"):
        content = reply.content
    else:
        raise FatalModelError(f"malformed model reply: {type(reply).__name__} has no content")
    if content is not None and not isinstance(content, (str, list)):
        raise FatalModelError(f"malformed model reply: content is a {type(content).__name__}")
    return reply


class wait_retry_after(wait_base):
    """Wait at least the ``retry_after`` a :class:`TransientModelError` carries, else ``fallback``."""

    def __init__(self, fallback: wait_base) -> None:
        self.fallback = fallback

    def __repr__(self) -> str:
        return f"wait_retry_after({self.fallback!r})"

    def __call__(self, retry_state: RetryCallState) -> float:
        base = float(self.fallback(retry_state))
        outcome = retry_state.outcome
        exc = outcome.exception() if outcome is not None and outcome.failed else None
        after = getattr(exc, "retry_after", None)
        return max(base, float(after)) if isinstance(after, (int, float)) else base


def _default_stop() -> Any:
    return stop_after_attempt(4) | stop_before_delay(30)


def _default_wait() -> Any:
    return wait_retry_after(wait_random_exponential(multiplier=0.5, max=8))


@dataclass(frozen=True)
class ModelRetry:
    """How the guard retries a failed model call.

    ``stop`` and ``wait`` are tenacity strategies. The defaults: at most 4 attempts, never sleeping
    past 30 seconds from the first one (``stop_before_delay``), full-jitter exponential backoff that
    waits at least a rate limit's ``Retry-After``. ``translate`` maps an exception to a
    :class:`ModelError` (or None to fall back to :func:`translate_error`). ``sleep`` replaces
    ``time.sleep``/``asyncio.sleep`` (sync or async), for tests.

    ``ModelRetry(stop=stop_after_attempt(1))`` turns retries off but keeps the translation.
    """

    stop: Any = field(default_factory=_default_stop)
    wait: Any = field(default_factory=_default_wait)
    translate: Translate | None = None
    sleep: Callable[[float], Any] | None = None

    def __post_init__(self) -> None:
        for name in ("stop", "wait"):
            if not callable(getattr(self, name)):
                raise ConfigError(f"ModelRetry.{name} must be a tenacity {name} strategy")
        for name in ("translate", "sleep"):
            value = getattr(self, name)
            if value is not None and not callable(value):
                raise ConfigError(f"ModelRetry.{name} must be callable")

    def call(self, fn: Callable[..., Any], messages: Any, kwargs: Mapping[str, Any]) -> Any:
        """Call ``fn(messages, **kwargs)``, retrying transient failures (sync driver)."""
        attempts = _Attempts(self)
        while True:
            try:
                reply = fn(messages, **kwargs)
            except Exception as exc:
                delay = attempts.failed(exc)
                (self.sleep or time.sleep)(delay)
                continue
            return check_reply(reply)

    async def acall(self, fn: Callable[..., Any], messages: Any, kwargs: Mapping[str, Any]) -> Any:
        """Async twin of :meth:`call`; differs only in awaiting the call and the sleep."""
        attempts = _Attempts(self)
        while True:
            try:
                reply = await fn(messages, **kwargs)
            except Exception as exc:
                delay = attempts.failed(exc)
                slept = (self.sleep or asyncio.sleep)(delay)
                if inspect.isawaitable(slept):
                    await slept
                continue
            return check_reply(reply)


class _Attempts:
    """The retry decision for one model call (no I/O)."""

    def __init__(self, policy: ModelRetry) -> None:
        self.policy = policy
        self.state = detached_retry_state()

    def _translate(self, exc: BaseException) -> ModelError | None:
        hook = self.policy.translate
        err = hook(exc) if hook is not None else None
        return err if err is not None else translate_error(exc)

    def failed(self, exc: Exception) -> float:
        """Seconds to sleep before the next attempt; raises when the failure is final."""
        err = self._translate(exc)
        if err is None:
            raise exc
        if not isinstance(err, TransientModelError):
            _reraise(err, exc)
        st = self.state
        st.outcome = Future.construct(st.attempt_number, err, True)
        st.outcome_timestamp = time.monotonic()
        st.upcoming_sleep = max(0.0, float(self.policy.wait(st)))
        if self.policy.stop(st):
            log.warning(
                "guardrail.model_gave_up",
                attempts=st.attempt_number,
                error=type(exc).__name__,
                retry_after=err.retry_after,
            )
            _reraise(err, exc)
        log.warning(
            "guardrail.model_retry",
            attempt=st.attempt_number,
            wait=round(st.upcoming_sleep, 3),
            error=type(exc).__name__,
            retry_after=err.retry_after,
        )
        st.idle_for += st.upcoming_sleep
        st.attempt_number += 1
        return st.upcoming_sleep


def _reraise(err: ModelError, exc: Exception) -> NoReturn:
    if err is exc:
        raise err
    raise err from exc
