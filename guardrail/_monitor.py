"""Incremental per-chunk checks on a streamed reply, in O(chunk).

:class:`StreamMonitor` checks each chunk in O(chunk): it keeps only a bounded tail and counters.

- Loops: the reply is cut into units as the loop detector cuts it (at ``. ! ? \\n 。 ！ ？``,
  stripped of punctuation, lower-cased); a hash of each unit is counted over the last
  ``max_units`` units. A unit seen ``min_repeats`` times (and ``min_chars`` characters in all)
  proposes a stop.
- Spirals: the self-criticism phrases of the distress table are matched over the new chunk plus a
  short overlap; ``distress_hits`` distinct hits (one extreme reply) propose a stop.
- Structured output: when the guard has an output format, a ``JsonStreamChecker`` is fed every
  chunk too; its verdict stops the stream directly.

The monitor is a prefilter. A proposed loop or spiral stop is confirmed by running the guard's
own detectors on the text so far (so structure, requested repetition and quoted text are judged
exactly as on a whole reply); an unconfirmed proposal re-arms the monitor at twice the evidence.
Confirmation is O(reply) and runs at most three times per reply, so the total stays linear.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, deque
from collections.abc import Sequence
from typing import Any

from guardrail._models import Label
from guardrail.detectors._base import compile_phrases, load_table
from guardrail.structured import JsonStreamChecker

__all__ = ["StreamMonitor", "checkers_for"]

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


def checkers_for(output_format: Any) -> list[Any]:
    """A JSON stream checker for a configured output format (none without one)."""
    if output_format is None:
        return []
    return [JsonStreamChecker(schema=None if output_format == "json" else output_format)]
