"""The detector protocol, the context each detector receives, and shared text machinery.

Text machinery, all linear in the input:

- :class:`Scan` lower-cases a message (keeping character offsets), optionally blanks quoted
  material (quotation marks, block quotes, code fences), and tokenises it once into words plus
  sentence boundaries.
- :class:`TokenPatterns` compiles a phrase table written in a small token pattern language (see
  :func:`compile_pattern`) once; matching starts only from occurrences of each pattern's key word,
  so text without any key word costs one set intersection.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any, Protocol, overload, runtime_checkable

from guardrail._models import Evidence, Finding, Message
from guardrail.detectors._patterns import Match, TokenPatterns, compile_pattern

__all__ = [
    "Detector",
    "Match",
    "Scan",
    "TokenPatterns",
    "TurnContext",
    "aggregate",
    "compile_pattern",
    "compile_phrases",
    "detector_name",
    "distinct",
    "evidence",
    "finding",
    "load_table",
]


@dataclass(frozen=True, slots=True)
class TurnContext:
    """One message plus the conversational context a detector may need.

    ``previous_assistant`` is the assistant reply before this message; ``previous_user`` is the user
    turn before this message (for an assistant reply: the turn it answers). ``recent_assistant``
    holds up to the last few assistant replies before this one, oldest first.
    """

    index: int
    message: Message
    previous_assistant: str | None = None
    previous_user: str | None = None
    recent_assistant: tuple[str, ...] = ()
    output_format: Any = None  # a JSON Schema / pydantic model / "json" when configured
    finish_reason: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def role(self) -> str:
        return self.message.role

    @property
    def text(self) -> str:
        return self.message.content


@runtime_checkable
class Detector(Protocol):
    """A detector is a callable ``(turn) -> findings``; plain functions qualify.

    Optional attributes: ``name`` (for logs) and ``roles`` (a set of roles it applies to; the
    pipeline skips other turns without calling it).
    """

    def __call__(self, turn: TurnContext, /) -> Iterable[Finding]: ...


def detector_name(detector: Any) -> str:
    name = getattr(detector, "name", None)
    if isinstance(name, str):
        return name
    return getattr(detector, "__name__", type(detector).__name__)


def evidence(label: str, text: str, start: int, end: int) -> Evidence:
    """Evidence for ``text[start:end]``."""
    return Evidence(label=label, text=text[start:end], start=start, end=end)


@cache
def load_table(name: str) -> dict[str, Any]:
    """Load a versioned phrase/pattern table shipped in ``guardrail/detectors/data``."""
    raw = resources.files("guardrail.detectors").joinpath("data", name).read_text("utf-8")
    data: dict[str, Any] = json.loads(raw)
    return data


def compile_phrases(phrases: Iterable[str]) -> re.Pattern[str]:
    """One alternation of literal-ish regex phrases (no nested quantifiers), case-insensitive."""
    parts = sorted(set(phrases), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)", re.IGNORECASE)


# -- text scanning ---------------------------------------------------------------------------

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'"})
#: Quoted material. Each alternative stops at the next quote character of its kind, so the scan
#: stays linear however many unmatched quotes the text holds.
_QUOTED = re.compile(
    r'"[^"\n]{1,600}"'
    r"|“[^“”\n]{1,600}”"
    r"|«[^«»\n]{1,600}»"
    r"|„[^„“”\n]{1,600}[“”]"
    r"|「[^「」]{1,600}」"
    r"|『[^『』]{1,600}』"
    r"|(?<![^\W_])'[^'\n]{2,400}'(?![^\W_])"
)
_QUOTE_OPENERS = ('"', "“", "«", "„", "「", "『", "'")
#: Where the single-quote alternative of ``_QUOTED`` can start (not after a word character).
_APOSTROPHE_OPENS = re.compile(r"(?<![^\W_])'")
_BLOCKQUOTE = re.compile(r"^[ \t]{0,3}>[^\n]*", re.MULTILINE)
_TOKEN = re.compile(r"[^\W_]+(?:'[^\W_]+)*|[.!?;。！？\n]")
#: The cheaper gate: a ``_TOKEN`` word is one of these, or one stripped of edge apostrophes, or
#: (when the text has underscores) found by ``_TOKEN`` itself.
_GATE = re.compile(r"[\w']+")
#: ASCII text: every character but letters, digits and the apostrophe becomes a space.
#: ASCII fast paths without regexes: ``bytes.translate`` maps every non-word character (and
#: ``_``) to a space in C; for tokens, boundaries are kept and then spaced out with ``str.replace``
#: (the newline boundary travels as ``\x01``, which ``split()`` keeps). Both are property-tested
#: against ``_TOKEN``.
_ASCII_SPLIT = bytes(c if chr(c).isalnum() or c == ord("'") else ord(" ") for c in range(256))
_ASCII_TOKENS = bytes(
    c if chr(c).isalnum() or chr(c) in "'.!?;" else 1 if c == 10 else ord(" ") for c in range(256)
)
BOUNDARIES = frozenset(".!?;。！？\n")
_ENDERS = ".!?\n。！？"
_SENTENCE_REACH = 400  # a "sentence" never extends further than this from a match


#: Phrase matching reads at most this many characters of a message (offsets unchanged), so its
#: cost per message is bounded; loop detection reads the whole message.
WINDOW = 24_000


def tokenize(low: str) -> list[str]:
    """``_TOKEN.findall(low)``, a few times faster for the usual ASCII text."""
    if low.isascii():
        spaced = low.encode().translate(_ASCII_TOKENS).decode()
        for c in ".!?;\x01":
            if c in spaced:
                spaced = spaced.replace(c, f" {c} ")
        toks = spaced.split()
        if "\n" in low:  # the newline boundary travelled as \x01
            toks = ["\n" if t == "\x01" else t for t in toks]
        if "'" not in low:
            return toks
        out: list[str] = []
        for t in toks:
            if "'" in t:
                if "''" in t:
                    return _TOKEN.findall(low)  # rare: let the regex split doubled apostrophes
                t = t.strip("'")
                if not t:
                    continue
            out.append(t)
        return out
    return _TOKEN.findall(low)


def windowed(text: str) -> str:
    """The part of ``text`` that phrase matching reads."""
    return text[:WINDOW]


def lower_same_length(text: str) -> str:
    """``text.lower()`` with apostrophes unified, guaranteed to keep every character offset."""
    low = text.lower()
    if len(low) != len(text):  # rare: characters whose lower case is longer (e.g. 'İ')
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    return low.translate(_APOSTROPHES)


def _blank(match: re.Match[str]) -> str:
    return " " * (match.end() - match.start())


def mask_quotes(low: str) -> str:
    """Blank out quoted material, block quotes and fenced code (same length, linear time)."""
    if "```" in low:
        parts = low.split("```")
        low = "```".join(p if i % 2 == 0 else " " * len(p) for i, p in enumerate(parts))
    if ">" in low:
        low = _BLOCKQUOTE.sub(_blank, low)
    if not any(q in low for q in _QUOTE_OPENERS[:-1]) and (
        "'" not in low or _APOSTROPHE_OPENS.search(low) is None
    ):
        return low  # no quote can open here (apostrophes inside words only: contractions)
    return _QUOTED.sub(_blank, low)


class _LazySpans(Sequence[tuple[int, int]]):
    """Token spans aligned with ``Scan.tokens()``, computed on first access (most texts never match)."""

    __slots__ = ("_low", "_spans")

    def __init__(self, low: str) -> None:
        self._low = low
        self._spans: list[tuple[int, int]] | None = None

    def _all(self) -> list[tuple[int, int]]:
        if self._spans is None:
            end = len(self._low)
            self._spans = [(0, 0), *(m.span() for m in _TOKEN.finditer(self._low)), (end, end)]
        return self._spans

    def __len__(self) -> int:
        return len(self._all())

    @overload
    def __getitem__(self, i: int) -> tuple[int, int]: ...

    @overload
    def __getitem__(self, i: slice) -> Sequence[tuple[int, int]]: ...

    def __getitem__(self, i: int | slice) -> tuple[int, int] | Sequence[tuple[int, int]]:
        return self._all()[i]


class Scan:
    """One message prepared for pattern matching: lower-cased, optionally masked, tokenised."""

    __slots__ = ("_low", "_mask", "_spans", "_tokens", "raw_low", "text", "words")
    words: set[str]

    def __init__(self, text: str, *, mask: bool = True) -> None:
        self.text = text
        self.raw_low = lower_same_length(windowed(text))
        # The word set gates matching; taken before masking (a superset), masking happens lazily.
        low = self.raw_low
        if low.isascii():  # the common case: a few times cheaper than the regex
            words = set(low.encode().translate(_ASCII_SPLIT).decode().replace("''", " ").split())
        else:
            words = set(_GATE.findall(low))
            if "_" in low:
                words.update(_TOKEN.findall(low))
        if "'" in low:
            words.update([w.strip("'") for w in words if w[0] == "'" or w[-1] == "'"])
        self.words = words
        self._mask = mask
        self._low: str | None = None
        self._tokens: list[str] | None = None
        self._spans: Sequence[tuple[int, int]] = ()

    @property
    def low(self) -> str:
        """The lower-cased text, quoted material blanked when masking (same offsets as ``text``)."""
        if self._low is None:
            self._low = mask_quotes(self.raw_low) if self._mask else self.raw_low
        return self._low

    def tokens(self) -> tuple[list[str], Sequence[tuple[int, int]]]:
        """Tokens and their character spans (tokens on first use; spans only when a match needs them)."""
        if self._tokens is None:
            # The start and the end of the text are boundaries.
            self._tokens = ["\n", *tokenize(self.low), "\n"]
            self._spans = _LazySpans(self.low)
        return self._tokens, self._spans

    def find(self, patterns: TokenPatterns) -> list[Match]:
        """Every match of ``patterns`` (empty at the cost of a set test when no key word occurs)."""
        if patterns.keys.isdisjoint(self.words):
            return []
        toks, spans = self.tokens()
        return patterns.find(toks, spans, words=self.words)

    def sentence_of(self, start: int, end: int) -> tuple[int, int]:
        """The character span of the sentence holding ``[start, end)``."""
        low = self.low
        lo, hi = max(0, start - _SENTENCE_REACH), min(len(low), end + _SENTENCE_REACH)
        a = max(low.rfind(c, lo, start) for c in _ENDERS)
        ends = [i for i in (low.find(c, end, hi) for c in _ENDERS) if i >= 0]
        return (a + 1 if a >= 0 else lo), (min(ends) + 1 if ends else hi)


def distinct(matches: Iterable[Match]) -> list[Match]:
    """Matches sorted by position with overlaps removed (the heavier of two overlapping wins)."""
    out: list[Match] = []
    for m in sorted(matches, key=lambda m: (m.start, -m.end)):
        if out and m.start < out[-1].end:
            if m.weight > out[-1].weight:
                out[-1] = m
            continue
        out.append(m)
    return out


def finding(label: str, text: str, matches: list[Match], score: float, detail: str = "") -> Finding:
    """A finding whose evidence is the (distinct) matched spans, at most eight of them."""
    spans = tuple(evidence(label, text, m.start, m.end) for m in matches[:8])
    return Finding(
        label=label, score=round(min(1.0, max(0.0, score)), 4), evidence=spans, detail=detail
    )


def aggregate(matches: list[Match], bonus: float = 0.05) -> float:
    """The strongest weight, plus ``bonus`` for each further distinct span."""
    if not matches:
        return 0.0
    return min(1.0, max(m.weight for m in matches) + bonus * (len(matches) - 1))
