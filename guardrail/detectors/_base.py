"""The detector protocol, the context each detector receives, and the helpers detectors share.

Detectors import what they need from here: the text scan (:class:`Scan`, ``_text``), phrase
tables (:class:`TokenPatterns`, written in the pattern language of ``_patterns`` and run by
``_tables``), and the helpers that turn matches into findings with evidence.
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
from guardrail.detectors._patterns import Match, compile_pattern
from guardrail.detectors._tables import TokenPatterns, Vocabulary, shared_table
from guardrail.detectors._text import Scan, windowed

__all__ = [
    "Detector",
    "Match",
    "Scan",
    "TokenPatterns",
    "TurnContext",
    "Vocabulary",
    "aggregate",
    "compile_pattern",
    "compile_phrases",
    "detector_name",
    "distinct",
    "evidence",
    "finding",
    "load_table",
    "shared_table",
    "windowed",
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
