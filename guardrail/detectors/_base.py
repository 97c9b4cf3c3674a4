"""The detector protocol, the context each detector receives, and shared text machinery.

Text machinery, all linear in the input:

- :class:`Scan` lower-cases a message (keeping character offsets), takes its word set, and on
  demand blanks quoted material (quotation marks, block quotes, code fences) and normalises it
  (same length, every character between tokens a space).
- :class:`TokenPatterns` compiles a phrase table written in a small token pattern language (see
  :func:`compile_pattern`) once; matching starts only from occurrences of each pattern's key word,
  so text without any key word costs one set intersection.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any, Protocol, runtime_checkable

from guardrail._models import Evidence, Finding, Message
from guardrail.detectors._patterns import (
    BOUNDARY_CHARS,
    Match,
    Normalized,
    TokenPatterns,
    compile_pattern,
)

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
_QUOTE_OPENERS = ('"', "“", "«", "„", "「", "『")
_BLOCKQUOTE = re.compile(r"^[ \t]{0,3}>[^\n]*", re.MULTILINE)
#: A token: a word (letters and digits, inner apostrophes) or a sentence boundary.
_TOKEN = re.compile(r"[^\W_]+(?:'[^\W_]+)*|[.!?;。！？\n]")
#: Normalised text to its words: boundaries become spaces too.
_ASCII_WORDS = bytes(ord(" ") if chr(c) in BOUNDARY_CHARS else c for c in range(256))
_WORDS = str.maketrans(dict.fromkeys(BOUNDARY_CHARS, " "))
#: ASCII normalisation: letters, digits, apostrophes and boundaries stay, the rest is a space.
_ASCII_NORM = bytes(c if chr(c).isalnum() or chr(c) in "'.!?;\n" else ord(" ") for c in range(256))
#: Normalisation of other text: what is neither a word character, a space, an apostrophe nor a
#: boundary becomes a space (so does ``_``, which ``_TOKEN`` does not count as a letter).
_NON_TOKEN = re.compile(r"[^\w '.!?;。！？\n]|_")
#: An apostrophe that does not join two word characters is no part of a token.
_STRAY_APOSTROPHE = re.compile(r"'(?<!\w')|'(?!\w)")
BOUNDARIES = frozenset(BOUNDARY_CHARS)
_ENDERS = ".!?\n。！？"
_SENTENCE_REACH = 400  # a "sentence" never extends further than this from a match


#: Phrase matching reads at most this many characters of a message (offsets unchanged), so its
#: cost per message is bounded; loop detection reads the whole message.
WINDOW = 24_000


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


def _apostrophe_opens(low: str) -> bool:
    """Does an apostrophe occur that is not inside a word (so it may open a quotation)?"""
    at = low.find("'")
    while at >= 0:
        if at == 0 or not low[at - 1].isalnum():
            return True
        at = low.find("'", at + 1)
    return False


def mask_quotes(low: str) -> str:
    """Blank out quoted material, block quotes and fenced code (same length, linear time)."""
    if "```" in low:
        parts = low.split("```")
        low = "```".join(p if i % 2 == 0 else " " * len(p) for i, p in enumerate(parts))
    if ">" in low:
        low = _BLOCKQUOTE.sub(_blank, low)
    if not any(q in low for q in _QUOTE_OPENERS) and not _apostrophe_opens(low):
        return low  # no quote can open here (apostrophes inside words only: contractions)
    return _QUOTED.sub(_blank, low)


def normalize(low: str) -> str:
    """Same length as ``low``; tokens (``_TOKEN``) unchanged, everything between them a space."""
    if low.isascii():
        norm = low.encode().translate(_ASCII_NORM).decode()
    else:
        norm = _NON_TOKEN.sub(" ", low)
    if "'" in norm:
        norm = _STRAY_APOSTROPHE.sub(" ", norm)
    return norm


class Scan:
    """One message prepared for pattern matching: lower-cased, optionally masked, normalised.

    ``words`` (the message's word tokens, a superset when masking drops some) is built eagerly,
    because it decides whether any matching happens; the masked and normalised texts are built on
    first use.
    """

    __slots__ = ("_base", "_low", "_mask", "_norm", "raw_low", "text", "words")
    words: set[str]

    def __init__(self, text: str, *, mask: bool = True) -> None:
        self.text = text
        self.raw_low = low = lower_same_length(windowed(text))
        self._base = base = normalize(low)
        # The word set gates matching; taken before masking (a superset).
        if base.isascii():
            self.words = set(base.encode().translate(_ASCII_WORDS).decode().split())
        else:
            self.words = set(base.translate(_WORDS).split())
        self._mask = mask
        self._low: str | None = None
        self._norm: Normalized | None = None

    @property
    def low(self) -> str:
        """The lower-cased text, quoted material blanked when masking (same offsets as ``text``)."""
        if self._low is None:
            self._low = mask_quotes(self.raw_low) if self._mask else self.raw_low
        return self._low

    @property
    def norm(self) -> str:
        """``normalize(low)`` between two newlines (the text's start and end are boundaries):
        offset ``i`` of the text is offset ``i + 1`` here."""
        return self._normalized().text

    def _normalized(self) -> Normalized:
        if self._norm is None:
            low = self.low
            body = self._base if low is self.raw_low else normalize(low)
            self._norm = Normalized(f"\n{body}\n")
        return self._norm

    def find(self, patterns: TokenPatterns) -> list[Match]:
        """Every match of ``patterns`` (empty at the cost of a set test when no key word occurs)."""
        if patterns.keys.isdisjoint(self.words):
            return []
        found = patterns.find(self._normalized(), self.words)
        return [Match(m.start - 1, m.end - 1, m.weight, m.tag, m.source) for m in found]

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
