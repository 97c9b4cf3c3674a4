"""Chunk objects through ``Guard.stream``: the shared streaming seam of the adapters.

``Guard.stream``/``astream`` watch text. A :class:`Tap` sits between them and the provider's stream:
it hands the guard each chunk's text and keeps the chunk object, so that what the guard passes on
goes out as the provider's own chunk (tool-call deltas, usage and finish reasons intact), and only
the guard's own text (a restart marker, a repaired or replacement reply) becomes a new chunk.
Closing the tap (the guard does it the moment it stops a stream) closes the provider's stream.
"""

from __future__ import annotations

import inspect
from collections import deque
from collections.abc import AsyncIterator, Callable, Iterable, Iterator, Sequence
from typing import Any

from guardrail import Guard
from guardrail._stream import RESTART_MARKER

__all__ = ["RESTART_MARKER", "StreamOptions", "Tap", "arelay", "guarded_texts", "relay"]


class StreamOptions:
    """How an adapter streams: ``buffer`` holds output until a reply is accepted; ``marker`` is
    yielded (unbuffered) before a reply that replaces one already partly shown."""

    def __init__(self, *, buffer: bool, marker: str | None = RESTART_MARKER) -> None:
        self.buffer = buffer
        self.marker = marker

    def __repr__(self) -> str:
        return f"StreamOptions(buffer={self.buffer}, marker={self.marker!r})"


_NOTHING = object()


class Tap:
    """Feeds the guard the text of upstream chunks and remembers the chunks themselves.

    Opening a stream and reading its first chunk run under ``retry`` (the guard's
    ``model_retry``), so a rate limit or a dropped connection before any output is retried like a
    non-streaming call; a failure after output has started is raised as it is.
    """

    def __init__(
        self,
        open_stream: Callable[[list[Any]], Any],
        text_of: Callable[[Any], str],
        retry: Any = None,
    ) -> None:
        self.open_stream = open_stream
        self.text_of = text_of
        self.retry = retry
        self.pending: deque[tuple[Any, str]] = deque()
        self.last: Any = None  # the last chunk seen (a template for the guard's own chunks)

    def _take(self, chunk: Any) -> str:
        text = self.text_of(chunk)
        self.pending.append((chunk, text))
        self.last = chunk
        return text

    # -- sync ------------------------------------------------------------------------------------
    def _first(self, messages: list[Any]) -> dict[str, Any]:
        upstream = iter(self.open_stream(messages))
        try:
            first = next(upstream, _NOTHING)
        except BaseException:
            _close(upstream)
            raise
        return {"content": "", "opened": (first, upstream)}  # a reply shape retry accepts

    def __call__(self, messages: list[Any]) -> Iterator[str]:
        self.pending.clear()  # a new model call: leftovers belong to a withdrawn reply
        opened = (
            self.retry.call(self._first, messages, {})
            if self.retry is not None
            else self._first(messages)
        )
        first, upstream = opened["opened"]
        try:
            if first is not _NOTHING:
                yield self._take(first)
                for chunk in upstream:
                    yield self._take(chunk)
        finally:
            _close(upstream)

    # -- async -----------------------------------------------------------------------------------
    async def _afirst(self, messages: list[Any]) -> dict[str, Any]:
        upstream = self.open_stream(messages)
        if inspect.isawaitable(upstream):
            upstream = await upstream
        ait = aiter(upstream)
        try:
            first = await anext(ait, _NOTHING)
        except BaseException:
            await _aclose(ait)
            raise
        return {"content": "", "opened": (first, ait)}

    async def acall(self, messages: list[Any]) -> AsyncIterator[str]:
        self.pending.clear()
        opened = (
            await self.retry.acall(self._afirst, messages, {})
            if self.retry is not None
            else await self._afirst(messages)
        )
        first, ait = opened["opened"]
        try:
            if first is not _NOTHING:
                yield self._take(first)
                async for chunk in ait:
                    yield self._take(chunk)
        finally:
            await _aclose(ait)

    def match(self, text: str) -> list[Any] | None:
        """The upstream chunks up to the one whose text the guard passed on, or None."""
        for i, (_, t) in enumerate(self.pending):
            if t:
                if t != text:
                    return None
                out = [self.pending.popleft()[0] for _ in range(i + 1)]
                return out
        return None

    def trailing(self) -> list[Any]:
        """The text-less chunks after the last text of the reply (finish reason, usage, tool-call
        deltas); chunks whose text the guard replaced are dropped."""
        rest = list(self.pending)
        self.pending.clear()
        last_text = max((i for i, (_, t) in enumerate(rest) if t), default=-1)
        return [c for c, _ in rest[last_text + 1 :]]


def _close(it: Any) -> None:
    close = getattr(it, "close", None)
    if callable(close):
        close()


async def _aclose(it: Any) -> None:
    close = getattr(it, "aclose", None) or getattr(it, "close", None)
    if callable(close):
        done = close()
        if inspect.isawaitable(done):
            await done


def relay(texts: Iterable[str], tap: Tap, make: Callable[[str, Any], Any]) -> Iterator[Any]:
    """Chunk objects for the texts a guarded stream yields (``make(text, template)`` for new ones)."""
    it = iter(texts)
    try:
        for text in it:
            found = tap.match(text)
            yield from found if found is not None else [make(text, tap.last)]
    finally:
        _close(it)  # stopping early stops the guarded stream, which closes the upstream
    yield from tap.trailing()


async def arelay(
    texts: AsyncIterator[str], tap: Tap, make: Callable[[str, Any], Any]
) -> AsyncIterator[Any]:
    """Async twin of :func:`relay`."""
    try:
        async for text in texts:
            found = tap.match(text)
            for chunk in found if found is not None else [make(text, tap.last)]:
                yield chunk
    finally:
        await _aclose(texts)
    for chunk in tap.trailing():
        yield chunk


def guarded_texts(
    guard: Guard,
    tap: Tap,
    messages: Sequence[Any],
    session_id: str | None,
    options: StreamOptions,
    *,
    is_async: bool,
) -> Any:
    """``guard.stream`` (or ``guard.astream``) over the tap: the texts the guard lets through.

    The tap opens streams under the guard's ``model_retry`` policy.
    """
    if tap.retry is None:
        tap.retry = getattr(guard, "model_retry", None)
    start = guard.astream if is_async else guard.stream
    return start(
        tap.acall if is_async else tap,
        messages,
        session_id=session_id,
        buffer=options.buffer,
        marker=options.marker,
    )
