"""Assistant-side distress: ``self_criticism``, ``capitulation``, and the healthy opposite, ``pushback``.

One pass over a reply (lower-cased, quoted material blanked) finds the cues of all three tables.
Then context decides:

- ``self_criticism`` needs first-person negative self-talk outside quotes. A sentence attributed to
  someone else ("..., she wrote") does not count, and neither does a reply to a request for a
  poem, story, translation or summary (the words are the user's material, not the model's state).
- ``capitulation`` needs a previous answer and a user turn between that brought no information
  (no reason, error, source, counterexample or requirement). Accepting evidence is not capitulation.
  A concession followed by "but" is not a reversal.
- ``pushback`` (holding a position, refusing to fabricate, naming a false premise, asking for the
  evidence) is labelled even when an apology is present; it suppresses ``capitulation`` (see
  ``_decide.resolve``) and, here, ``self_criticism`` that is not extreme.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

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
from guardrail.detectors.users import UserDetector

__all__ = ["DistressDetector"]

_WORD = re.compile(r"[^\W_]+")
#: Self-criticism at or above this survives a pushback on the same reply (one extreme reply).
_EXTREME = 0.9


class DistressDetector:
    """Cue tables plus conversational context; no model calls."""

    name = "distress"
    roles = frozenset({"assistant"})

    def __init__(self, *, users: UserDetector | None = None) -> None:
        table = load_table("distress.json")
        macros = table.get("macros", {})
        pats = table["patterns"]
        self.version = table["version"]
        self._self = TokenPatterns(pats["self_criticism"], macros=macros)
        self._capitulation = TokenPatterns(pats["capitulation"], macros=macros)
        self._pushback = TokenPatterns(pats["pushback"], macros=macros)
        self._users = users or UserDetector()
        ctx = table["context"]
        #: A sentence holding one of these words reports someone else's words.
        self._attribution = frozenset(ctx["attribution"])
        #: A user turn asking for material in someone else's voice (or for transformed text).
        self._voice_request = frozenset(ctx["voice_request"])
        self._concession = frozenset(ctx["concession"])

    def __repr__(self) -> str:
        return f"DistressDetector(table_version={self.version})"

    def __call__(self, turn: TurnContext) -> Iterable[Finding]:
        text = turn.text
        scan = Scan(text)
        push = distinct(scan.find(self._pushback))
        push_score = self._pushback_score(push, turn)
        sc = self._self_criticism(scan, turn)
        sc_score = aggregate(sc, 0.08)
        if push_score >= 0.5 and sc_score < _EXTREME:
            sc_score = 0.0
        cap = self._capitulation_matches(scan, turn)
        cap_score = self._capitulation_score(cap, scan, turn)
        if push_score >= 0.5 and push_score < 0.75 and cap_score >= 0.7:
            push_score = min(push_score, 0.45)  # a reversal with a passing "I checked"
        if push and push_score > 0:
            yield finding(Label.PUSHBACK, text, push, push_score)
        if sc and sc_score > 0:
            yield finding(Label.SELF_CRITICISM, text, sc, sc_score)
        if cap and cap_score > 0:
            yield finding(Label.CAPITULATION, text, cap, cap_score)

    # -- self-criticism ---------------------------------------------------------------------
    def _self_criticism(self, scan: Scan, turn: TurnContext) -> list[Match]:
        matches = scan.find(self._self)
        if not matches:
            return []
        if turn.previous_user and not self._voice_request.isdisjoint(
            _WORD.findall(turn.previous_user.lower())
        ):
            return []
        kept = [m for m in matches if not self._attributed(scan, m)]
        return distinct(kept)

    def _attributed(self, scan: Scan, m: Match) -> bool:
        a, b = scan.sentence_of(m.start, m.end)
        return not self._attribution.isdisjoint(_WORD.findall(scan.low, a, b))

    # -- capitulation -------------------------------------------------------------------------
    def _capitulation_matches(self, scan: Scan, turn: TurnContext) -> list[Match]:
        if turn.previous_assistant is None:
            return []
        return distinct(scan.find(self._capitulation))

    def _capitulation_score(self, cap: list[Match], scan: Scan, turn: TurnContext) -> float:
        if not cap:
            return 0.0
        strong = [m for m in cap if m.tag != "weak" and not self._conceded(scan, m)]
        if not strong:
            return 0.0
        score = aggregate(strong, 0.05)
        tags = {m.tag for m in strong}
        if "reverse" in tags and len(tags) > 1:
            score += 0.1
        user = self._users.assess(turn.previous_user or "")
        if user.informative:
            return score * 0.3  # accepting a correction that brought evidence
        if user.rejection < 0.5:
            score *= 0.8  # nothing was rejected; a bare "you're right" is weaker
        return min(1.0, score)

    def _conceded(self, scan: Scan, m: Match) -> bool:
        """'You're right that X, but Y': agreement with a part, not a reversal."""
        _, b = scan.sentence_of(m.start, m.end)
        return m.tag == "agree" and not self._concession.isdisjoint(
            _WORD.findall(scan.low, m.end, b)
        )

    # -- pushback -----------------------------------------------------------------------------
    def _pushback_score(self, push: list[Match], turn: TurnContext) -> float:
        if not push:
            return 0.0
        score = max(m.weight for m in push)
        if len({m.tag for m in push}) > 1:
            score += 0.15
        if turn.previous_assistant is None:
            score *= 0.8  # holding a position needs a position to hold
        return min(1.0, score)
