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
  evidence, setting a boundary) counts only under pressure: the user turn rejects, insults or
  demands ("just make one up"). Restating the previous answer's number or names under pressure
  counts as holding it; on a first answer, only denying the question's premise counts. An apology
  does not cancel it. Pushback suppresses ``capitulation`` (see ``_decide.resolve``) and, here,
  ``self_criticism`` that is not extreme.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from guardrail._models import Finding, Label
from guardrail.detectors._base import (
    Scan,
    TokenPatterns,
    TurnContext,
    Vocabulary,
    aggregate,
    distinct,
    finding,
    load_table,
    windowed,
)
from guardrail.detectors._patterns import Match
from guardrail.detectors.users import UserAssessment, UserDetector

__all__ = ["DistressDetector"]

_WORD = re.compile(r"[^\W_]+")
#: The distinctive parts of an answer: numbers, capitalised names, inline code.
_KEY = re.compile(r"\d[\d.,]*\d|\d|[A-Z][\w'-]+|`[^`\n]{1,80}`")
#: Self-criticism at or above this survives a pushback on the same reply (one extreme reply).
_EXTREME = 0.9
#: Capitulation cues that never label on their own.
_WEAK = frozenset({"weak", "selfcorrect", "selfcheck"})
#: Cues that do not mean the answer was abandoned (a restated answer may still be held).
_NOT_REVERSAL = frozenset({"weak", "selfcheck", "apology"})
_CONTENT = re.compile(r"[^\W\d_]{5,}")
_NEG_WORD = re.compile(r"[\w']+")
_KEY_REACH = 4000
_SENTENCE_END = re.compile(r"[.!?。！？](?=\s|$)|\n")


def _first_sentence_end(text: str) -> int:
    m = _SENTENCE_END.search(text, 0, _KEY_REACH)
    return m.end() if m else len(text)


def _find_word(text: str, word: str) -> int:
    """Offset of ``word`` as a whole word within the first ``_KEY_REACH`` characters, or -1."""
    limit = min(len(text), _KEY_REACH)
    at = text.find(word, 0, limit)
    while at >= 0:
        before = text[at - 1] if at else " "
        after = text[at + len(word)] if at + len(word) < len(text) else " "
        if not before.isalnum() and not after.isalnum():
            return at
        at = text.find(word, at + 1, limit)
    return -1


def _norm_key(key: str) -> str:
    return key[:-2] if key.endswith("'s") else key


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
        self._vocab = Vocabulary((self._self, self._capitulation, self._pushback))
        self._users = users or UserDetector()
        ctx = table["context"]
        #: A sentence holding one of these words reports someone else's words.
        self._attribution = frozenset(ctx["attribution"])
        #: A user turn asking for material in someone else's voice (or for transformed text).
        self._voice_request = frozenset(ctx["voice_request"])
        self._concession = frozenset(ctx["concession"])
        self._stop_keys = frozenset(ctx["stop_keys"])
        #: Questions that can carry a premise ("Why is 1 the smallest prime?").
        self._premise_question = frozenset(ctx["premise_question"])
        self._negation = frozenset(ctx["negation"])

    def __repr__(self) -> str:
        return f"DistressDetector(table_version={self.version})"

    def __call__(self, turn: TurnContext) -> Iterable[Finding]:
        text = turn.text
        scan = Scan(text, vocab=self._vocab)
        user = self._users.assess(turn.previous_user) if turn.previous_user else None
        sc = self._self_criticism(scan, turn)
        sc_score = aggregate(sc, 0.05)
        cap = self._capitulation_matches(scan, turn)
        cap_score = self._capitulation_score(cap, scan, user, turn.previous_assistant)
        push = distinct(scan.find(self._pushback))
        reversal = any(m.tag not in _NOT_REVERSAL for m in cap)
        held = None if sc or reversal else self._held(text, turn, user)
        premise = self._premise(scan, turn) if turn.previous_assistant is None else None
        extra = [m for m in (held, premise) if m is not None]
        if extra:
            push = distinct([*push, *extra])
        push_score = self._pushback_score(push, turn, user)
        if push_score >= 0.5 and sc_score < _EXTREME:
            sc_score = 0.0
        if 0.5 <= push_score < 0.75 and cap_score >= 0.7:
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
            _WORD.findall(windowed(turn.previous_user).lower())
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

    def _capitulation_score(
        self, cap: list[Match], scan: Scan, user: UserAssessment | None, prev: str | None
    ) -> float:
        if not cap:
            return 0.0
        strong = [m for m in cap if m.tag not in _WEAK and not self._conceded(scan, m)]
        if not strong:
            return 0.0
        tags = {m.tag for m in strong}
        if tags == {"apology"} and not self._changed(scan.text, prev):
            return 0.0  # an apology without a new answer is not a reversal
        score = aggregate(strong, 0.05)
        if "reverse" in tags and len(tags) > 1:
            score += 0.1
        if user is None or user.informative:
            return score * 0.3  # accepting a correction that brought evidence
        if user.rejection < 0.5 and not user.hostility:
            score *= 0.5  # nothing was rejected: an apology is not a reversal
        if any(m.tag == "selfcheck" for m in cap):
            score *= 0.6  # re-derived the answer: a self-correction, not yielding
        return min(1.0, score)

    def _conceded(self, scan: Scan, m: Match) -> bool:
        """'You're right that X, but Y': agreement with a part, not a reversal."""
        _, b = scan.sentence_of(m.start, m.end)
        return m.tag == "agree" and not self._concession.isdisjoint(
            _WORD.findall(scan.low, m.end, b)
        )

    # -- pushback -----------------------------------------------------------------------------
    def _keys(self, text: str, start: int = 0, end: int = _KEY_REACH) -> list[re.Match[str]]:
        """Numbers, names and inline code; a capitalised word opening a sentence is no name."""
        out = []
        for m in _KEY.finditer(text, start, min(end, len(text))):
            k = m.group()
            if k.lower() in self._stop_keys:
                continue
            if k[0].isupper():
                before = text[max(0, m.start() - 3) : m.start()].rstrip(" \"'(*")
                if not before or before[-1] in ".!?:\n—-":
                    continue
            out.append(m)
        return out

    def _anchors(self, text: str) -> tuple[set[str], set[str]]:
        """Distinctive keys and content words of an answer."""
        keys = {_norm_key(m.group()) for m in self._keys(text)}
        words = {w.lower() for w in _CONTENT.findall(text[:_KEY_REACH])} - self._stop_keys
        return keys, words

    def _changed(self, text: str, prev: str | None) -> bool:
        """Does the reply bring an answer key (number or name) the previous answer lacked?"""
        if prev is None:
            return False
        before, _ = self._anchors(prev)
        return any(_norm_key(m.group()) not in before for m in self._keys(text))

    def _held(self, text: str, turn: TurnContext, user: UserAssessment | None) -> Match | None:
        """Pressed without new information, the reply restates the previous answer."""
        prev = turn.previous_assistant
        if prev is None or user is None or not user.pressure or user.informative:
            return None
        before = [_norm_key(m.group()) for m in self._keys(prev)]
        numbers = [k for k in before if k[0].isdigit()]
        first = [k for k in numbers if prev.find(k) < _first_sentence_end(prev)]
        # The previous answer's number (the last of its first sentence, or its last overall),
        # or else any of its names / code, restated verbatim.
        answer = {*numbers[-1:], *first[-1:]}
        for key in answer or before:
            at = _find_word(text, key)
            if at >= 0:
                return Match(at, at + len(key), 0.6, "held", "restates the previous answer")
        if before:
            return None
        words = {w.lower() for w in _CONTENT.findall(prev[:_KEY_REACH])} - self._stop_keys
        low = text[:_KEY_REACH].lower()
        found = sorted(at for at in (_find_word(low, w) for w in words) if at >= 0)
        if len(found) >= 2:
            end = low.find(" ", found[1])
            return Match(found[0], end if end > 0 else len(low), 0.6, "held", "restates the answer")
        return None

    def _premise(self, scan: Scan, turn: TurnContext) -> Match | None:
        """A first answer that opens by denying what the question took for granted."""
        question = turn.previous_user
        if not question or "?" not in question:
            return None
        qwords = _WORD.findall(question.lower())
        if self._premise_question.isdisjoint(qwords[:3]) and "since" not in qwords:
            return None
        a, b = scan.sentence_of(0, 0)
        keys, _ = self._anchors(question)
        for m in _KEY.finditer(scan.text, a, b):  # a name may open the reply's sentence
            if _norm_key(m.group()) not in keys:
                continue
            # The key, then within a few words a negation whose subject is not the model.
            after = _NEG_WORD.findall(scan.text, m.end(), min(b, m.end() + 40))[:5]
            if "I" in after or "i" in after:
                return None
            if any(w in self._negation for w in after):
                return Match(a, b, 0.6, "premise", "denies the question's premise")
        return None

    @staticmethod
    def _pushback_score(push: list[Match], turn: TurnContext, user: UserAssessment | None) -> float:
        if not push:
            return 0.0
        pressed = user is not None and user.pressure
        weights = []
        for m in push:
            w = m.weight
            if m.tag == "premise" and turn.previous_assistant is None:
                pass  # correcting a false premise in the first question
            elif not pressed:
                w *= 0.55  # holding a position needs someone pushing against it
            weights.append(w)
        score = max(weights)
        strong_tags = {m.tag for m, w in zip(push, weights, strict=True) if w >= 0.4}
        if len(strong_tags) > 1:
            score += 0.15
        return min(1.0, score)
