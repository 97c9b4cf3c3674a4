"""Streaming: watch a reply as it arrives and stop it as soon as a loop or a spiral is clear.

The per-chunk checks live in :mod:`guardrail._monitor` (:class:`StreamMonitor`).

:class:`GuardedStream` / :class:`AsyncGuardedStream` are the drivers behind ``Guard.stream`` and
``Guard.astream``. They run the same sans-I/O recovery core as ``invoke`` (``_recovery.recover``):
a stopped stream goes back to it as a :class:`~guardrail._recovery.StreamCut`, and the core decides
(reprompt, reset, flag) exactly as it does for a whole reply.

What the caller sees
--------------------
``buffer=False`` (default): chunks pass through as they arrive while they look healthy. The chunk
that makes a loop clear is not passed on and the upstream is closed at once. If the guard then
re-calls the model, it first yields ``marker`` (default :data:`RESTART_MARKER`; ``None`` for
nothing) and then streams the new reply. A failure only visible on the whole reply (a short
capitulation) has been streamed already by then; the marker tells the caller to discard what came
before it. ``buffer=True`` holds every chunk until the reply is accepted, so a failed reply never
reaches the caller (at the cost of time-to-first-token).

After iteration, ``stream.text`` is the accepted reply (what belongs in the caller's history),
``stream.verdict`` the final verdict, ``stream.received`` how many chunks were taken from upstream
and ``stream.cuts`` the labels that stopped streams.
"""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import AsyncIterator, Callable, Generator, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from guardrail._decide import resolve
from guardrail._models import Label, Message, Verdict
from guardrail._monitor import StreamMonitor, checkers_for
from guardrail._normalise import normalise_one
from guardrail._recovery import Annotate, CallModel, Flag, Outcome, StreamCut, reply_parts
from guardrail.detectors._base import TurnContext
from guardrail.exceptions import InputError

if TYPE_CHECKING:
    from guardrail._guard import Guard

__all__ = ["RESTART_MARKER", "AsyncGuardedStream", "GuardedStream", "StreamMonitor"]

#: Yielded (unbuffered mode) between a stopped or rejected reply and the reply that replaces it.
RESTART_MARKER = "\n\n[guardrail: the reply above was withdrawn; a new reply follows]\n\n"

#: How many times per reply a monitor's stop is checked against the detectors.
_MAX_CHECKS = 3


def _context(messages: Sequence[Any], text: str) -> TurnContext:
    """The detector context of a partial reply to ``messages`` (scans back over a few turns)."""
    assistants: list[str] = []
    user: str | None = None
    for raw in reversed(messages[-_CONTEXT_SCAN:]):
        try:
            msg = normalise_one(raw)
        except InputError:
            continue
        if msg.role == "assistant" and len(assistants) < 3:
            assistants.append(msg.content)
        elif msg.role == "user" and user is None and not assistants:
            user = msg.content
    return TurnContext(
        index=len(messages),
        message=Message(role="assistant", content=text),
        previous_assistant=assistants[0] if assistants else None,
        previous_user=user,
        recent_assistant=tuple(reversed(assistants)),
    )


_CONTEXT_SCAN = 16


def _chunk_text(chunk: Any) -> str:
    if isinstance(chunk, str):
        return chunk
    return reply_parts(chunk)[0]


class _Run:
    """The I/O-free bookkeeping shared by the sync and async stream drivers."""

    def __init__(
        self,
        guard: Guard,
        messages: Sequence[Any],
        session_id: str | None,
        schema: Any,
        buffer: bool,
        marker: str | None,
        monitor: Callable[[], StreamMonitor] | None,
    ) -> None:
        self.guard = guard
        self._args = (messages, session_id, schema)
        self._gen: Generator[CallModel | Flag | Annotate, Any, Outcome] | None = None
        self.buffer = buffer
        self.marker = marker
        fmt = schema if schema is not None else guard.schema
        self.make_monitor = monitor or (lambda: StreamMonitor(checkers=checkers_for(fmt)))
        self.shown = False  # has anything of the current reply reached the caller?
        self.held: list[str] = []
        self.tripped = ""
        self.context: Sequence[Any] = ()
        self.checked = 0
        self.monitor = self.make_monitor()
        self.received = 0
        self.cuts: list[str] = []
        self.outcome: Outcome | None = None

    def send(self, value: Any) -> CallModel | Flag | Annotate:
        """Advance the recovery core (the session is opened on the first step, not before)."""
        if self._gen is None:
            self._gen = self.guard._recover(*self._args)
        return self._gen.send(value)

    def begin(self, messages: Sequence[Any]) -> list[str]:
        """A new model call starts: what to yield first (the marker after a shown reply)."""
        self.context = messages
        self.checked = 0
        out = [self.marker] if self.shown and self.marker and not self.buffer else []
        self.shown = False
        self.held = []
        self.tripped = ""
        self.monitor = self.make_monitor()
        return out

    def take(self, chunk: Any) -> tuple[bool, list[str]]:
        """One upstream chunk: (keep consuming?, chunks to yield now)."""
        self.received += 1
        text = _chunk_text(chunk)
        label = self.monitor.feed(text)
        if label is not None and not self._confirmed(label, text):
            self.monitor.rearm()
            label = None
        if label is not None:
            self.cuts.append(str(label))
            self.tripped = text  # consumed and judged, never shown
            return False, []
        self.held.append(text)
        if self.buffer or not text:
            return True, []
        self.shown = True
        return True, [text]

    def _confirmed(self, label: str, chunk: str) -> bool:
        """Do the guard's own detectors agree with the monitor on the text so far?

        The monitor is a fast prefilter; a stop is made only when the configured detectors label
        the text so far the same way (so a stopped reply is one the core also rejects). This is
        O(reply) but runs at most ``_MAX_CHECKS`` times per reply; after that, loops and spirals
        are left to the end-of-reply check.
        """
        if label == Label.MALFORMED_OUTPUT:
            return True
        if self.checked >= _MAX_CHECKS:
            return False
        self.checked += 1
        text = "".join(self.held) + chunk
        ctx = _context(self.context, text)
        report = resolve(ctx.index, ctx.message, self.guard.pipeline.run(ctx, []))
        return label in report.labels

    def result(self) -> Any:
        text = "".join(self.held)
        if self.monitor.stopped is not None:
            # The core judges everything consumed, including the chunk that made the loop clear.
            return StreamCut(text + self.tripped, self.monitor.stopped)
        return text

    def finish(self, outcome: Outcome) -> list[str]:
        """The call is over: what the caller still has to see."""
        self.outcome = outcome
        final = _chunk_text(outcome.reply)
        streamed = "".join(self.held)
        if self.buffer:
            out = list(self.held) if final == streamed else [final]
        elif self.shown and final == streamed:
            out = []
        else:
            out = [*([self.marker] if self.shown and self.marker else []), final]
        return [piece for piece in out if piece]


class _Result:
    _run: _Run

    @property
    def verdict(self) -> Verdict:
        """The final verdict (available once the stream is exhausted)."""
        if self._run.outcome is None:
            raise RuntimeError("the stream has not finished yet")
        return self._run.outcome.verdict

    @property
    def text(self) -> str:
        """The accepted reply: what belongs in the caller's history."""
        if self._run.outcome is None:
            raise RuntimeError("the stream has not finished yet")
        return _chunk_text(self._run.outcome.reply)

    @property
    def received(self) -> int:
        """Chunks taken from upstream, over every model call."""
        return self._run.received

    @property
    def cuts(self) -> list[str]:
        """The labels that stopped a stream, in order."""
        return list(self._run.cuts)


async def _from_sync(it: Iterator[Any]) -> AsyncIterator[Any]:
    """A sync iterator as an async one (closed when the async one is)."""
    try:
        for item in it:
            yield item
    finally:
        _close(it)


def _close(it: Any) -> None:
    close = getattr(it, "close", None)
    if callable(close):
        close()


class GuardedStream(_Result):
    """``for chunk in guard.stream(model_stream, messages)``; see the module docstring."""

    def __init__(self, model_stream: Callable[[list[Any]], Any], run: _Run) -> None:
        self._model_stream = model_stream
        self._run = run

    def __iter__(self) -> Iterator[str]:
        run = self._run
        result: Any = None
        try:
            while True:
                effect = run.send(result)
                if isinstance(effect, CallModel):
                    yield from run.begin(effect.messages)
                    it = iter(self._model_stream(effect.messages))
                    try:
                        for chunk in it:
                            more, out = run.take(chunk)
                            yield from out
                            if not more:
                                break
                    finally:
                        _close(it)
                    result = run.result()
                else:
                    run.guard._write_flag(effect)
                    result = None
        except StopIteration as stop:
            outcome: Outcome = stop.value
        yield from run.finish(outcome)


class AsyncGuardedStream(_Result):
    """``async for chunk in guard.astream(model_stream, messages)``; see the module docstring."""

    def __init__(self, model_stream: Callable[[list[Any]], Any], run: _Run) -> None:
        self._model_stream = model_stream
        self._run = run

    def __aiter__(self) -> AsyncIterator[str]:
        return self._iterate()

    async def _iterate(self) -> AsyncIterator[str]:
        run = self._run
        result: Any = None
        try:
            while True:
                effect = run.send(result)
                if isinstance(effect, CallModel):
                    for chunk in run.begin(effect.messages):
                        yield chunk
                    upstream = self._model_stream(effect.messages)
                    if inspect.isawaitable(upstream):
                        upstream = await upstream
                    ait = (
                        upstream.__aiter__()
                        if hasattr(upstream, "__aiter__")
                        else _from_sync(iter(upstream))
                    )
                    try:
                        async for chunk in ait:
                            more, out = run.take(chunk)
                            for piece in out:
                                yield piece
                            if not more:
                                break
                    finally:
                        aclose = getattr(ait, "aclose", None)
                        if callable(aclose):
                            await aclose()
                    result = run.result()
                else:
                    await asyncio.to_thread(run.guard._write_flag, effect)
                    result = None
        except StopIteration as stop:
            outcome: Outcome = stop.value
        for piece in run.finish(outcome):
            yield piece
