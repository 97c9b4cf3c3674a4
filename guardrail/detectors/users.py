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
)
from guardrail.detectors._patterns import Match

__all__ = ["UserAssessment", "UserDetector"]

#: Character-level signs of information: code, pasted output, links, worked arithmetic.
_INFO_CHARS = re.compile(r"`|https?://|\w\.\w{2,4}/|\d\s?[-+*/×÷^=]\s?\d|\w\(|\w\[|[{}<>=]|\n.*\n")
_QUOTE = re.compile(r"""["][^"\n]{3,300}["]|“[^“”\n]{3,300}”|(?<!\w)'[^'\n]{6,300}'(?!\w)""")
_LONG_WORDS = 45  # a rejection this long almost always explains itself
_CACHE_SIZE = 256


class UserAssessment(NamedTuple):
    """What one user turn does: how strongly it rejects, and whether it brings information."""

    rejection: float
    informative: bool
    rejections: tuple[Match, ...]
    hostility: tuple[Match, ...]


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
        hostility = tuple(distinct(scan.find(self._hostility)))
        informative = self._informative(text, scan) if rejections else False
        result = UserAssessment(_best(rejections), informative, rejections, hostility)
        if len(self._cache) >= _CACHE_SIZE:
            self._cache.clear()
        self._cache[text] = result
        return result

    def _informative(self, text: str, scan: Scan) -> bool:
        if _INFO_CHARS.search(text) or _QUOTE.search(text):
            return True
        plain = Scan(text, mask=False)
        if len(plain.words) > _LONG_WORDS:
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
