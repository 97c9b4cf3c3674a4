"""``loop``: degenerate repetition within one reply, and near-identical consecutive replies.

Language-independent and linear in the reply:

- *Units*: the reply is cut into sentence-like units at sentence punctuation or line breaks of any
  script; a unit (normalised) repeated ``min_repeats`` times is a loop. Structural units (table
  rows, JSON, CSV, separators) are skipped, and fenced code is ignored.
- *Blocks*: for text without punctuation (``对不起对不起对不起...``, ``sorry sorry sorry``) a bounded
  sample of short probes looks for the same block repeated back to back; the repetition count is
  capped, so the cost is O(len) whatever the input. Regular structure (rows and records that differ
  in some field) never repeats verbatim, which is what separates it from a loop.
- *Across replies*: the reply and the two before it are pairwise near-identical (character 3-gram
  Jaccard on bounded prefixes).

Repetition the user asked for (lyrics, a refrain, "write it 10 times") is not a loop.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from typing import Any

from guardrail._models import Finding, Label
from guardrail.detectors._base import TurnContext, evidence, windowed
from guardrail.detectors._chars import ascii_table, swap

__all__ = ["LoopDetector", "similarity"]

_STRUCTURAL = re.compile(r"[|{}\[\]<>=\t]|\" ?:|^[\s\-*+#>]*$")
_LETTER = re.compile(r"[^\W\d_]")
_SPACE = re.compile(r"\s+")
#: A request for repetition, read in the lower-cased user turn without its code: "count" only
#: as counting aloud ("count to 20", not SQL's COUNT(*) or a word count), and "N times" only after
#: a verb that asks for output ("write it 8 times", not "I've told you 3 times", not "10x faster").
_VERB = (
    r"(?:write|say|repeat|print|type|copy|list|sing|chant|echo|output|generate|produce|give me|"
    r"draw|spell|escribe|repite|dime|écris|répète|dis|schreib|wiederhole|sag|scrivi|ripeti|dimmi|"
    r"escreva|repita|diga|напиши|повтори|скажи)"
)
_COUNT = (
    r"(?:\d{1,6} ?|(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
    r"thirty|forty|fifty|hundred|thousand|dozen|several|many|multiple|a few)\s+)"
    r"(?:times|x|veces|fois|mal|volte|vezes|раз)"
)
_REQUESTED = re.compile(
    r"\b(?:repeat\w*|lyrics|songs?|chorus|refrain|chant|mantra|hymn|anthem|cheer|rhyme|poem|"
    r"verse|spell|count (?:to|down|from|up|backwards?|off))\b"
    rf"|\b{_VERB}\b[^.!?\n]{{0,80}}?(?<![\w]){_COUNT}\b(?! ?\d)"
    r"|\bover and over\b"
    r"|(?:写|说|重复|念|抄)[^。！？\n]{0,20}?(?:\d+|[一二三四五六七八九十百两]+)\s*(?:次|遍|回)"
)
_CODE_SPAN = re.compile(r"`[^`\n]*`")
_PROBES = 16
_PROBE_LEN = 8
_MAX_PERIOD = 400
_MAX_COUNT = 64
_PREFIX = 400


#: Shingle sets of recent texts: each reply is compared again as the previous reply of the next
#: turn and the one before of the turn after (at most this many are kept, about 30 KB each).
_SHINGLE_CACHE = 64
_shingle_cache: dict[str, frozenset[Any]] = {}


def _shingles(text: str) -> frozenset[Any]:
    """The character 3-grams of the text's bounded prefix (as 3-tuples: built by ``zip`` in C,
    without a Python step per character); a text shorter than three characters is one."""
    head = text[: _PREFIX * 2]
    found = _shingle_cache.get(head)
    if found is None:
        s = _SPACE.sub(" ", head.lower()).strip()[:_PREFIX]
        found = frozenset((s,)) if len(s) < 3 else frozenset(zip(s, s[1:], s[2:], strict=False))
        if len(_shingle_cache) >= _SHINGLE_CACHE:
            _shingle_cache.clear()
        _shingle_cache[head] = found
    return found


def similarity(a: str, b: str) -> float:
    """Character 3-gram Jaccard similarity of two texts' bounded prefixes (any script)."""
    if a == b:
        return 1.0
    la, lb = len(a.strip()), len(b.strip())
    if not la or not lb or min(la, lb) / max(la, lb) < 0.6:
        return 0.0
    sa, sb = _shingles(a), _shingles(b)
    return len(sa & sb) / len(sa | sb)


class LoopDetector:
    """Repeated units or blocks within a reply; near-identical consecutive replies."""

    name = "loop"
    roles = frozenset({"assistant"})

    def __init__(
        self,
        *,
        min_repeats: int = 4,
        min_block_repeats: int = 5,
        min_chars: int = 40,
        near_identical: float = 0.8,
    ) -> None:
        self.min_repeats = min_repeats
        self.min_block_repeats = min_block_repeats
        self.min_chars = min_chars
        self.near_identical = near_identical

    def __repr__(self) -> str:
        return f"LoopDetector(min_repeats={self.min_repeats}, near_identical={self.near_identical})"

    def __call__(self, turn: TurnContext) -> Iterable[Finding]:
        text = turn.text
        if not (turn.previous_user and _requested(turn.previous_user)):
            found = self._units(text)
            if found is not None:
                yield found
                return
        yield from self._across(text, turn)

    def _units(self, text: str) -> Finding | None:
        body = _unfenced(text)
        # The units' texts without their end punctuation: cut at every sentence end or line
        # break (empty pieces are runs of punctuation).
        pieces = swap(body, _ENDERS, "\0", _ASCII_CUT).split("\0")
        units = [p for p in pieces if p]
        if len(units) < self.min_repeats:
            return self._blocks(text, max(units, key=len) if units else "")
        counts: dict[str, int] = {}
        for key in map(str.lower, map(str.strip, units)):
            counts[key] = counts.get(key, 0) + 1
        if max(counts.values()) < self.min_repeats:
            return self._blocks(text, max(units, key=len))
        for key, n in sorted(counts.items(), key=_second, reverse=True)[:4]:
            if n < self.min_repeats:
                break
            if n * len(key) < self.min_chars or len(key) < 4 or not _LETTER.search(key):
                continue
            if _structural(key):
                continue
            return self._unit_finding(text, pieces, key, n)
        return self._blocks(text, max(units, key=len))

    def _unit_finding(self, text: str, pieces: list[str], key: str, n: int) -> Finding:
        """Evidence: the first eight units with this key, each with its end punctuation."""
        spans = []
        # Each cut is one character, so piece i starts at the sum of (length + 1) before it.
        starts = itertools.accumulate(map((1).__add__, map(len, pieces)), initial=0)
        for piece, at in zip(pieces, starts, strict=False):
            if piece and piece.strip().lower() == key:
                end = at + len(piece)
                while end < len(text) and text[end] in _PUNCT:
                    end += 1
                if end == at + len(piece):
                    end = at + len(piece.rstrip())
                spans.append((at + len(piece) - len(piece.lstrip()), end))
                if len(spans) == 8:
                    break
        return Finding(
            label=Label.LOOP,
            score=min(1.0, 0.6 + 0.05 * (n - self.min_repeats)),
            evidence=tuple(evidence(Label.LOOP, text, a, b) for a, b in spans),
            detail=f"unit repeated {n} times",
        )

    def _blocks(self, text: str, longest: str) -> Finding | None:
        """Back-to-back repeats inside the longest punctuation-free stretch."""
        n = len(longest)
        if n < self.min_chars:
            return None
        words = longest.split()
        if len(words) > 4 and len(set(words)) > len(words) // 2:
            return None  # varied wording: no block repeats here
        base = text.find(longest)
        step = max(1, n // _PROBES)
        for p in range(base, base + n - 2 * _PROBE_LEN, step):
            probe = text[p : p + _PROBE_LEN]
            j = text.find(probe, p + 1, p + _MAX_PERIOD + _PROBE_LEN)
            if j < 0:
                continue
            period = j - p
            block = text[p : p + period]
            first = _LETTER.search(block)
            if first is None or _LETTER.search(block, first.end()) is None:
                continue  # fewer than two letters: digits or punctuation repeating
            k = 1
            while k < _MAX_COUNT and text.startswith(block, p + k * period):
                k += 1
            if k < self.min_block_repeats or k * period < self.min_chars:
                continue
            if _structural(block) and period > 8:
                continue
            spans = [(p + i * period, p + (i + 1) * period) for i in range(min(k, 8))]
            more = "+" if k == _MAX_COUNT else ""
            return Finding(
                label=Label.LOOP,
                score=min(1.0, 0.6 + 0.02 * (k - self.min_block_repeats)),
                evidence=tuple(evidence(Label.LOOP, text, a, b) for a, b in spans),
                detail=f"block of {period} characters repeated {k}{more} times",
            )
        return None

    def _across(self, text: str, turn: TurnContext) -> Iterable[Finding]:
        recent = turn.recent_assistant[-2:]
        if len(recent) < 2 or not text.strip():
            return
        s1 = similarity(text, recent[1])
        if s1 < self.near_identical:
            return
        s2 = similarity(recent[1], recent[0])
        if s2 < self.near_identical:
            return
        yield Finding(
            label=Label.LOOP,
            score=round(min(s1, s2), 4) * 0.9 + 0.1,
            evidence=(evidence(Label.LOOP, text, 0, min(len(text), 200)),),
            detail=f"near-identical to the previous two replies ({min(s1, s2):.2f})",
        )


#: Cut points of units: sentence punctuation of any script and line breaks.
_ENDERS = ".!?。！？\n"
_PUNCT = ".!?。！？"  # the end punctuation a unit's evidence takes along
_ASCII_CUT = ascii_table(_ENDERS, "\0")
#: Every match of ``_REQUESTED`` holds one of these (a digit before an "x": "10x").
_REQUEST_GATE = re.compile(
    "repeat|lyric|song|chorus|refrain|chant|mantra|hymn|anthem|cheer|rhyme|poem|verse|spell|"
    r"count|times|\dx|\d x|veces|fois|mal|volte|vezes|раз|over and over|次|遍"
)


def _requested(user: str) -> bool:
    """Did the user ask for repetition (lyrics, a refrain, "write it 10 times")? A literal
    search is the cheap gate; the regex decides."""
    low = windowed(user).lower()
    return _REQUEST_GATE.search(low) is not None and _REQUESTED.search(_prose(low)) is not None


def _prose(text: str) -> str:
    """``text`` without its code: what stands in code is no request ("SELECT COUNT(*)")."""
    return _CODE_SPAN.sub(" ", _unfenced(text)) if "`" in text else text


def _second(item: tuple[str, int]) -> int:
    return item[1]


def _structural(unit: str) -> bool:
    return bool(_STRUCTURAL.search(unit)) or (unit.count(",") >= 2 and unit.count(" ") <= 1)


def _unfenced(text: str) -> str:
    """Fenced code blanked out (same length)."""
    if "```" not in text:
        return text
    parts = text.split("```")
    return "```".join(p if i % 2 == 0 else " " * len(p) for i, p in enumerate(parts))
