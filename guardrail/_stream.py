"""Streaming: watch a reply as it arrives and stop it as soon as a loop or a spiral is clear.

:class:`StreamMonitor` checks each chunk in O(chunk): it keeps only a bounded tail and counters.

- Loops: the reply is cut into units as the loop detector cuts it (at ``. ! ? \\n 。 ！ ？``,
  stripped of punctuation, lower-cased); a hash of each unit is counted over the last
  ``max_units`` units. A unit seen ``min_repeats`` times (and ``min_chars`` characters in all)
  proposes a stop.
- Spirals: the self-criticism phrases of the distress table are matched over the new chunk plus a
  short overlap; ``distress_hits`` distinct hits (one extreme reply) propose a stop.
- Structured output: when the guard has an output format and ``guardrail.structured`` provides
  ``JsonStreamChecker``, it is fed every chunk too; its verdict stops the stream directly.

The monitor is a prefilter. A proposed loop or spiral stop is confirmed by running the guard's
own detectors on the text so far (so structure, requested repetition and quoted text are judged
exactly as on a whole reply); an unconfirmed proposal re-arms the monitor at twice the evidence.
Confirmation is O(reply) and runs at most three times per reply, so the total stays linear.

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
import hashlib
import importlib
import inspect
import re
from collections import Counter, deque
from collections.abc import AsyncIterator, Callable, Generator, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from guardrail._decide import resolve
from guardrail._models import Label, Message, Verdict
from guardrail._normalise import normalise_one
from guardrail._recovery import Annotate, CallModel, Flag, Outcome, StreamCut, reply_parts
from guardrail.detectors._base import TurnContext, compile_phrases, load_table
from guardrail.exceptions import InputError

if TYPE_CHECKING:
    from guardrail._guard import Guard

__all__ = ["RESTART_MARKER", "AsyncGuardedStream", "GuardedStream", "StreamMonitor"]

#: Yielded (unbuffered mode) between a stopped or rejected reply and the reply that replaces it.
RESTART_MARKER = "\n\n[guardrail: the reply above was withdrawn; a new reply follows]\n\n"

_ENDS_RE = re.compile(r"[.!?\n。！？]")
_STRIP = " \t\r.!?。！？"
_LETTER = re.compile(r"[^\W\d_]")


def _self_criticism_pattern() -> re.Pattern[str] | None:
    try:
        phrases = load_table("distress.json")["self_criticism"]
    except (KeyError, OSError, ValueError):  # pragma: no cover - table shape changed
        return None
    return compile_phrases(phrases) if phrases else None


class StreamMonitor:
    """Incremental checks on one streamed reply; :meth:`feed` returns a label to stop on."""

    def __init__(
        self,
        *,
        min_repeats: int = 4,
        min_chars: int = 40,
        max_units: int = 256,
        max_unit_chars: int = 4096,
        distress_hits: int = 3,
        overlap: int = 96,
        checkers: Sequence[Any] = (),
    ) -> None:
        self.min_repeats = min_repeats
        self.min_chars = min_chars
        self.max_unit_chars = max_unit_chars
        self.distress_hits = distress_hits
        self.overlap = overlap
        self.checkers = list(checkers)
        self._units: deque[bytes] = deque(maxlen=max_units)
        self._counts: Counter[bytes] = Counter()
        self._need: dict[bytes, int] = {}  # raised thresholds after a rejected stop
        self._last_key = b""
        self._pending: list[str] = []
        self._pending_len = 0
        self._tail = ""
        self._consumed = 0  # characters fed so far
        self._hit_end = 0  # absolute end of the last counted distress hit
        self._hits = 0
        self._pattern = _self_criticism_pattern()
        self.stopped: str | None = None

    def feed(self, chunk: str) -> str | None:
        """Check one chunk (O(len(chunk))). Returns the label that stops the stream, or None."""
        if self.stopped is not None:
            return self.stopped
        # Every check sees every chunk, so each keeps a consistent state after a rejected stop.
        loop, distress = self._loop(chunk), self._distress(chunk)
        malformed = None
        for checker in self.checkers:
            if checker.feed(chunk):  # truthy means the value can no longer become valid
                malformed = Label.MALFORMED_OUTPUT
        label = loop or distress or malformed
        self._consumed += len(chunk)
        self.stopped = None if label is None else str(label)
        return self.stopped

    # -- loops -------------------------------------------------------------------------------
    def _loop(self, chunk: str) -> str | None:
        start = 0
        tripped = False
        for m in _ENDS_RE.finditer(chunk):
            self._add_pending(chunk[start : m.end()])
            start = m.end()
            if self._close_unit() and not tripped:
                tripped, key = True, self._last_key
        self._add_pending(chunk[start:])
        if tripped:
            self._last_key = key
            return Label.LOOP
        return None

    def _add_pending(self, piece: str) -> None:
        if not piece or self._pending_len > self.max_unit_chars:
            self._pending_len += len(piece)
            return
        self._pending.append(piece)
        self._pending_len += len(piece)

    def _close_unit(self) -> bool:
        too_long = self._pending_len > self.max_unit_chars
        unit = "".join(self._pending).strip(_STRIP).lower()
        self._pending.clear()
        self._pending_len = 0
        if too_long or len(unit) < 4 or not _LETTER.search(unit):
            return False
        key = hashlib.blake2b(unit.encode("utf-8", "surrogatepass"), digest_size=12).digest()
        if len(self._units) == self._units.maxlen:
            old = self._units[0]
            self._counts[old] -= 1
            if not self._counts[old]:
                del self._counts[old]
        self._units.append(key)
        n = self._counts[key] = self._counts[key] + 1
        self._last_key = key
        return n >= self._need.get(key, self.min_repeats) and n * len(unit) >= self.min_chars

    def rearm(self) -> None:
        """The stop was not confirmed: go on, and ask for twice the evidence before stopping again."""
        if self.stopped == Label.LOOP:
            self._need[self._last_key] = 2 * self._counts[self._last_key]
        elif self.stopped == Label.SELF_CRITICISM:
            self.distress_hits = 2 * self._hits
        self.stopped = None

    # -- spirals -----------------------------------------------------------------------------
    def _distress(self, chunk: str) -> str | None:
        if self._pattern is None:
            return None
        region = self._tail + chunk
        base = self._consumed - len(self._tail)
        # The tail's first character is context only: the phrase patterns' (?<!\w) look-behind
        # sees it, so a phrase is never matched from the middle of a word cut at the boundary.
        for m in self._pattern.finditer(region, 1 if self._tail else 0):
            if base + m.start() >= self._hit_end:
                self._hits += 1
                self._hit_end = base + m.end()
        self._tail = region[-(self.overlap + 1) :]
        if self._hits >= self.distress_hits:
            return Label.SELF_CRITICISM
        return None


def _checkers(output_format: Any) -> list[Any]:
    """A JSON stream checker for a configured output format, when guardrail.structured has one."""
    if output_format is None:
        return []
    factory = getattr(importlib.import_module("guardrail.structured"), "JsonStreamChecker", None)
    if factory is None:
        return []
    return [factory(schema=None if output_format == "json" else output_format)]


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
        self.make_monitor = monitor or (lambda: StreamMonitor(checkers=_checkers(fmt)))
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
