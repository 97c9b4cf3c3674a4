"""Guarded OpenAI-compatible clients: ``chat.completions.create(...)`` under a :class:`~guardrail.Guard`.

    from openai import OpenAI
    from guardrail import Guard
    from guardrail.adapters.openai import GuardedOpenAI

    client = GuardedOpenAI(OpenAI(base_url=..., api_key=...), guard=Guard())
    reply = client.chat.completions.create(
        model="gpt-4o-mini", messages=history, guard_session_id="conversation-42"
    )

The wrapper has the client's surface: every other attribute (``models``, ``embeddings``,
``with_raw_response`` ...) passes through to the wrapped client unguarded. ``create`` takes the SDK's
own arguments plus ``guard_session_id`` (popped before the SDK sees it; without it the guard
recognises a conversation by the hash of its history). With ``stream=True`` it returns an iterator
of ``ChatCompletionChunk`` whose upstream SDK stream is closed as soon as the guard stops a looping or
spiralling generation. Only the first choice is guarded (``n`` > 1 passes the others through).

SDK errors become the guard's exception tree at this seam (``raise ... from exc``): connection
failures, timeouts, 408/409/429 and 5xx become :class:`~guardrail.TransientModelError` (with
``retry_after`` from ``Retry-After``), retried by the guard's ``model_retry`` policy; everything
else becomes :class:`~guardrail.FatalModelError`. Messages name the error class, status and error
code only — never the response body or request headers, so the API key cannot leak through them.
Give the SDK ``max_retries=0`` so that retries happen once, here, under one deadline.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator, Sequence
from typing import Any

import openai
from openai.types.chat import ChatCompletion, ChatCompletionChunk

from guardrail import FatalModelError, Guard, ModelError
from guardrail._normalise import content_text
from guardrail._retry import translate_error
from guardrail.adapters._restore import restore
from guardrail.adapters._stream import (
    RESTART_MARKER,
    StreamOptions,
    Tap,
    arelay,
    guarded_texts,
    relay,
)

__all__ = [
    "AsyncChunkStream",
    "AsyncGuardedOpenAI",
    "ChunkStream",
    "GuardedOpenAI",
    "translate_openai_error",
]

_SESSION_KWARG = "guard_session_id"


def translate_openai_error(exc: openai.OpenAIError) -> ModelError:
    """The guard's error for an OpenAI SDK error; the message never carries body or headers."""
    err = translate_error(exc)
    return err if err is not None else FatalModelError(f"model call failed: {type(exc).__name__}")


# -- replies: a ChatCompletion travels through the guard as an OpenAI-style dict -----------------
def _as_reply(completion: ChatCompletion) -> dict[str, Any]:
    if not completion.choices:
        raise FatalModelError("OpenAI reply has no choices")
    choice = completion.choices[0]
    return {
        "role": "assistant",
        "content": content_text(choice.message.content),
        "finish_reason": choice.finish_reason,
        "completion": completion,
    }


def _as_completion(reply: Any, model: str) -> ChatCompletion:
    """The ChatCompletion to hand back: the model's own, carrying the (possibly repaired) text."""
    if isinstance(reply, dict) and isinstance(reply.get("completion"), ChatCompletion):
        original: ChatCompletion = reply["completion"]
        text = reply.get("content", "")
        first = original.choices[0]
        if text == content_text(first.message.content):
            return original
        message = first.message.model_copy(update={"content": text})
        choices = [first.model_copy(update={"message": message}), *original.choices[1:]]
        return original.model_copy(update={"choices": choices})
    text = reply if isinstance(reply, str) else content_text(getattr(reply, "content", ""))
    return ChatCompletion.model_validate(
        {
            "id": "chatcmpl-guardrail",
            "object": "chat.completion",
            "created": 0,
            "model": model,
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": text},
                    "finish_reason": "stop",
                }
            ],
        }
    )


def _chunk_text(chunk: Any) -> str:
    choices = getattr(chunk, "choices", None)
    if not choices:
        return ""
    return content_text(getattr(choices[0].delta, "content", None))


def _new_chunk(text: str, template: Any) -> ChatCompletionChunk:
    return ChatCompletionChunk.model_validate(
        {
            "id": getattr(template, "id", None) or "chatcmpl-guardrail",
            "object": "chat.completion.chunk",
            "created": getattr(template, "created", None) or 0,
            "model": getattr(template, "model", None) or "",
            "choices": [{"index": 0, "delta": {"content": text}, "finish_reason": None}],
        }
    )


class _StreamResult:
    """What a guarded stream knows once it is over (``verdict``, ``text``, ``received``, ``cuts``)."""

    _guarded: Any

    @property
    def verdict(self) -> Any:
        return self._guarded.verdict

    @property
    def text(self) -> str:
        return str(self._guarded.text)

    @property
    def received(self) -> int:
        """Chunks taken from upstream, over every model call."""
        return int(self._guarded.received)

    @property
    def cuts(self) -> list[str]:
        """The labels that stopped an upstream stream early."""
        return list(self._guarded.cuts)


class ChunkStream(_StreamResult):
    """Iterator of ``ChatCompletionChunk`` under the guard; the model is called on first ``next``."""

    def __init__(self, guarded: Any, tap: Tap) -> None:
        self._guarded = guarded
        self._iter = relay(guarded, tap, _new_chunk)

    def __iter__(self) -> ChunkStream:
        return self

    def __next__(self) -> ChatCompletionChunk:
        chunk: ChatCompletionChunk = next(self._iter)
        return chunk

    def close(self) -> None:
        """Stop early; closes the upstream SDK stream."""
        close = getattr(self._iter, "close", None)
        if callable(close):
            close()

    def __enter__(self) -> ChunkStream:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class AsyncChunkStream(_StreamResult):
    """Async iterator of ``ChatCompletionChunk`` under the guard."""

    def __init__(self, guarded: Any, tap: Tap) -> None:
        self._guarded = guarded
        self._iter = arelay(aiter(guarded), tap, _new_chunk)

    def __aiter__(self) -> AsyncChunkStream:
        return self

    async def __anext__(self) -> ChatCompletionChunk:
        chunk: ChatCompletionChunk = await anext(self._iter)
        return chunk

    async def close(self) -> None:
        await self._iter.aclose()

    async def __aenter__(self) -> AsyncChunkStream:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()


def _split(kwargs: dict[str, Any]) -> tuple[list[Any], str | None, bool, dict[str, Any]]:
    kw = dict(kwargs)
    try:
        messages = list(kw.pop("messages"))
    except KeyError:
        raise TypeError("create() needs messages=") from None
    session_id = kw.pop(_SESSION_KWARG, None)
    if session_id is not None and not isinstance(session_id, str):
        raise TypeError(f"{_SESSION_KWARG} must be a string")
    return messages, session_id, bool(kw.pop("stream", False)), kw


# -- sync ------------------------------------------------------------------------------------------
class _Completions:
    def __init__(self, inner: Any, guard: Guard, options: StreamOptions) -> None:
        self._inner = inner
        self._guard = guard
        self._options = options

    def __getattr__(self, name: str) -> Any:
        if name == "_inner":  # not set yet (copy, pickle): no recursion
            raise AttributeError(name)
        return getattr(self._inner, name)

    def create(self, **kwargs: Any) -> Any:
        """``chat.completions.create`` under the guard (plus ``guard_session_id=``)."""
        messages, session_id, streaming, kw = _split(kwargs)
        if streaming:
            tap = Tap(lambda msgs: self._open_stream(restore(msgs, messages), kw), _chunk_text)
            guarded = guarded_texts(
                self._guard, tap, messages, session_id, self._options, is_async=False
            )
            return ChunkStream(guarded, tap)

        def call(msgs: Sequence[Any]) -> dict[str, Any]:
            try:
                completion = self._inner.create(messages=restore(msgs, messages), **kw)
            except openai.OpenAIError as exc:
                raise translate_openai_error(exc) from exc
            return _as_reply(completion)

        outcome = self._guard.invoke(call, messages, session_id=session_id)
        return _as_completion(outcome.reply, str(kw.get("model", "")))

    def _open_stream(self, msgs: Sequence[Any], kw: dict[str, Any]) -> Iterator[Any]:
        try:
            upstream = self._inner.create(messages=list(msgs), stream=True, **kw)
        except openai.OpenAIError as exc:
            raise translate_openai_error(exc) from exc
        try:
            yield from upstream
        except openai.OpenAIError as exc:
            raise translate_openai_error(exc) from exc
        finally:
            upstream.close()  # closes the HTTP response: the server stops sending


class _Chat:
    def __init__(self, inner: Any, completions: Any) -> None:
        self._inner = inner
        self.completions = completions

    def __getattr__(self, name: str) -> Any:
        if name == "_inner":  # not set yet (copy, pickle): no recursion
            raise AttributeError(name)
        return getattr(self._inner, name)


class GuardedOpenAI:
    """An ``openai.OpenAI`` client whose ``chat.completions.create`` runs under ``guard``."""

    def __init__(
        self,
        client: Any,
        *,
        guard: Guard,
        stream_buffer: bool = False,
        stream_marker: str | None = RESTART_MARKER,
    ) -> None:
        if not hasattr(client, "chat"):
            raise TypeError(f"{type(self).__name__} needs an OpenAI-compatible client")
        self._client = client
        self.guard = guard
        self.stream_options = StreamOptions(buffer=stream_buffer, marker=stream_marker)
        self.chat = _Chat(client.chat, self._completions(client.chat.completions))

    def _completions(self, inner: Any) -> _Completions:
        return _Completions(inner, self.guard, self.stream_options)

    def __getattr__(self, name: str) -> Any:
        if name == "_client":
            raise AttributeError(name)
        return getattr(self._client, name)

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(base_url={str(self._client.base_url)!r}, guard={self.guard!r})"
        )

    def with_options(self, **options: Any) -> Any:
        """The SDK's ``with_options``, still guarded."""
        return type(self)(
            self._client.with_options(**options),
            guard=self.guard,
            stream_buffer=self.stream_options.buffer,
            stream_marker=self.stream_options.marker,
        )


# -- async -----------------------------------------------------------------------------------------
class _AsyncCompletions(_Completions):
    async def create(self, **kwargs: Any) -> Any:
        """Async ``chat.completions.create`` under the guard (plus ``guard_session_id=``)."""
        messages, session_id, streaming, kw = _split(kwargs)
        if streaming:
            tap = Tap(lambda msgs: self._aopen_stream(restore(msgs, messages), kw), _chunk_text)
            guarded = guarded_texts(
                self._guard, tap, messages, session_id, self._options, is_async=True
            )
            return AsyncChunkStream(guarded, tap)

        async def call(msgs: Sequence[Any]) -> dict[str, Any]:
            try:
                completion = await self._inner.create(messages=restore(msgs, messages), **kw)
            except openai.OpenAIError as exc:
                raise translate_openai_error(exc) from exc
            return _as_reply(completion)

        outcome = await self._guard.ainvoke(call, messages, session_id=session_id)
        return _as_completion(outcome.reply, str(kw.get("model", "")))

    async def _aopen_stream(self, msgs: Sequence[Any], kw: dict[str, Any]) -> AsyncIterator[Any]:
        try:
            upstream = await self._inner.create(messages=list(msgs), stream=True, **kw)
        except openai.OpenAIError as exc:
            raise translate_openai_error(exc) from exc
        try:
            async for chunk in upstream:
                yield chunk
        except openai.OpenAIError as exc:
            raise translate_openai_error(exc) from exc
        finally:
            await upstream.close()


class AsyncGuardedOpenAI(GuardedOpenAI):
    """The async twin of :class:`GuardedOpenAI`, wrapping an ``openai.AsyncOpenAI`` client."""

    def _completions(self, inner: Any) -> _Completions:
        return _AsyncCompletions(inner, self.guard, self.stream_options)
