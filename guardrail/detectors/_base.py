"""The detector protocol and the context each detector receives."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any, Protocol, runtime_checkable

from guardrail._models import Evidence, Finding, Message

__all__ = [
    "Detector",
    "TurnContext",
    "detector_name",
    "evidence",
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
    """One alternation of literal-ish phrases (regex syntax allowed, no nested quantifiers)."""
    parts = sorted(set(phrases), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)", re.IGNORECASE)
