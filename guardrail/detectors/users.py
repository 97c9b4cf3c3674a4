"""User-side detectors: ``unexplained_rejection`` and ``hostility``.

A rejection is *unexplained* when the user turn brings nothing the model could act on: no reason,
no error message or output, no source, no counterexample, no new requirement. Frustration alone
is not hostility; hostility is aimed at the model (insults, contempt, threats, profanity at it).
:meth:`UserDetector.assess` is shared with the capitulation check, which asks the same question
about the user turn a reply answers.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

from guardrail._models import Finding, Label
from guardrail.detectors._base import (
    Scan,
    TokenPatterns,
    TurnContext,
    aggregate,
    distinct,
    finding,
    load_table,
    windowed,
)
from guardrail.detectors._patterns import Match

__all__ = ["UserAssessment", "UserDetector"]

#: Character-level signs of information: code, pasted output, links, worked arithmetic.
_INFO_CHARS = re.compile(r"`|https?://|\w\.\w{2,4}/|\d\s?[-+*/×÷^=]\s?\d|\w\(|\w\[|[{}<>=]|\n.*\n")
_QUOTE = re.compile(r"""["][^"\n]{3,300}["]|“[^“”\n]{3,300}”|(?<!\w)'[^'\n]{6,300}'(?!\w)""")
#: A named exception or an "error:" line: pasted evidence.
_EXCEPTION = re.compile(r"[a-z](?:Error|Exception)\b|\b[Ee]rror\s*:")
_NUMBER = re.compile(r"\d[\d.,]*")
_LONG_WORDS = 28  # a rejection this long almost always explains itself
_CACHE_SIZE = 256


class UserAssessment(NamedTuple):
    """What one user turn does: how strongly it rejects, whether it brings information, and
    whether it presses the model (a rejection, hostility, or a demand to just do it anyway)."""

    rejection: float
    informative: bool
    rejections: tuple[Match, ...]
    hostility: tuple[Match, ...]
    pressure: bool


def _best(matches: Iterable[Match]) -> float:
    return max((m.weight for m in matches), default=0.0)


class UserDetector:
    """Rejections that bring no information, and hostility aimed at the model."""

    name = "user"
    roles = frozenset({"user"})

    def __init__(self) -> None:
        table = load_table("users.json")
        macros = table.get("macros", {})
        self.version = table["version"]
        self._rejection = TokenPatterns(table["rejection"], macros=macros)
        self._information = TokenPatterns(table["information"], macros=macros)
        self._hostility = TokenPatterns(table["hostility"], macros=macros)
        self._non_rejection = TokenPatterns(table["non_rejection"], macros=macros)
        self._pressure = TokenPatterns(table["pressure"], macros=macros)
        self._cache: dict[str, UserAssessment] = {}

    def __repr__(self) -> str:
        return f"UserDetector(table_version={self.version})"

    def assess(self, text: str) -> UserAssessment:
        """Rejection strength, information and hostility of one user turn (cached, bounded)."""
        hit = self._cache.get(text)
        if hit is not None:
            return hit
        scan = Scan(text)
        rejections = tuple(distinct(scan.find(self._rejection)))
        if rejections and _best(rejections) < 0.85 and scan.find(self._non_rejection):
            rejections = ()  # "Nope, all good now." / "No, that's everything - thanks!"
        hostility = tuple(distinct(scan.find(self._hostility)))
        informative = self._informative(windowed(text))
        pressure = bool(rejections or hostility or scan.find(self._pressure))
        result = UserAssessment(_best(rejections), informative, rejections, hostility, pressure)
        if len(self._cache) >= _CACHE_SIZE:
            self._cache.clear()
        self._cache[text] = result
        return result

    def _informative(self, text: str) -> bool:
        if _INFO_CHARS.search(text) or _QUOTE.search(text) or _EXCEPTION.search(text):
            return True
        plain = Scan(text, mask=False)
        if len(plain.words) > _LONG_WORDS or len(set(_NUMBER.findall(text))) >= 2:
            return True
        return bool(plain.find(self._information))

    def __call__(self, turn: TurnContext) -> Iterable[Finding]:
        text = turn.text
        a = self.assess(text)
        if a.hostility:
            yield finding(Label.HOSTILITY, text, list(a.hostility), aggregate(list(a.hostility)))
        if turn.previous_assistant is None or not a.rejections or a.informative:
            return
        matches = list(a.rejections)
        yield finding(Label.UNEXPLAINED_REJECTION, text, matches, aggregate(matches))
