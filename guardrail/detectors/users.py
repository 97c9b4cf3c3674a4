"""User-side detectors: ``unexplained_rejection`` and ``hostility``.

A rejection is *unexplained* when the user turn brings nothing the model could act on: no reason,
no error message or output, no source, no counterexample, no new requirement. Frustration alone
is not hostility; hostility is aimed at the model (insults, contempt, threats, profanity at it).
:meth:`UserDetector.assess` is shared with the capitulation check, which asks the same question
about the user turn a reply answers.

The phrase tables (``data/users.json``) are written by families of phrasing: lexicons in macros
(insult nouns, derogatory adjectives, machine nouns, threat verbs, lowly comparands, ...) combined
by a few frames each. Three kinds of match change how others count:

- *guards* veto overlapping hostility matches of the families they name (an insult noun after a
  determiner is about someone: "I'm such an idiot"; insults as a topic; the user's own work);
- *vague* phrases ("what I wanted", "I said no") look like information but carry none;
- *closings* ("thanks", "that's all") cancel a turn's rejection when it is only a bare negation
  or counter-claim ("No, that's all, thanks"), and so does an *offer* the previous reply closed
  with ("Anything else?" - "No.").

Two cues are not phrases: a thumbs-down or an eye-roll emoji, and a flat contradiction ("It is
prime.") of something the previous answer denied ("1 isn't a prime"), which needs that answer and
so is judged in :meth:`UserDetector.__call__`, not in :meth:`UserDetector.assess`.

Every finding keeps the matched spans as its evidence (emoji included).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import NamedTuple

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
from guardrail.exceptions import ConfigError

__all__ = ["UserAssessment", "UserDetector"]

#: Character-level signs of information: code, pasted output, links, worked arithmetic.
_INFO_CHARS = re.compile(r"`|https?://|\w\.\w{2,4}/|\d\s?[-+*/×÷^=]\s?\d|\w\(|\w\[|[{}<>=]|\n.*\n")
_QUOTE = re.compile(r"""["][^"\n]{3,300}["]|“[^“”\n]{3,300}”|(?<!\w)'[^'\n]{6,300}'(?!\w)""")
#: A named exception or an "error:" line: pasted evidence.
_EXCEPTION = re.compile(r"[a-z](?:Error|Exception)\b|\b[Ee]rror\s*:")
_NUMBER = re.compile(r"\d[\d.,]*")
_LONG_WORDS = 28  # a rejection this long almost always explains itself
_CACHE_SIZE = 256
#: A rejecting emoji counts in a turn of at most this many words ("👎", "❌ again").
_EMOJI_WORDS = 12
#: How much of the previous reply's end is read to see whether it asked the user a question.
_TAIL = 400
_TRAILING = " \t\r\n*_)\"'`»”’]"
#: A flat contradiction opening the turn: "It is prime.", "Yes it does!", "They were." Only a
#: rejection when the previous answer denied the same thing (see ``_contradicts``).
_FLAT = re.compile(
    r"\W*(?:(?:yes|yeah|yep|but|oh|no|nope|well)\W+)?(?:it|that|he|she|they|this|there|one)\s+"
    r"(is|was|does|did|are|were|has|have|can|will|exists?)"
    r"(?:\s+(?:so|too|actually|really|definitely|indeed|certainly))?"
    r"(?:\s+(?:a|an|the))?(?:\s+([\w'-]+))?\s*[.!]*\s*(?:$|(?<=[.!])\s)",
    re.IGNORECASE,
)
#: How the previous answer would have denied it.
_DENIALS = {
    "is": r"isn't|is not|'s not|is no longer|isn't really",
    "was": r"wasn't|was not",
    "does": r"doesn't|does not|don't|do not",
    "did": r"didn't|did not",
    "are": r"aren't|are not|'re not",
    "were": r"weren't|were not",
    "has": r"hasn't|has not|doesn't have|does not have",
    "have": r"haven't|have not|don't have|do not have",
    "can": r"can't|cannot|can not",
    "will": r"won't|will not",
    "exist": r"doesn't exist|does not exist|don't exist|do not exist|no such",
    "exists": r"doesn't exist|does not exist|don't exist|do not exist|no such",
}
_APOSTROPHE = "['’]"  # answers often use the typographic apostrophe
_DENIAL_RX = {
    k: re.compile(r"(?<!\w)(?:" + v.replace("'", _APOSTROPHE) + r")(?!\w)", re.IGNORECASE)
    for k, v in _DENIALS.items()
}
_ANSWER_REACH = 600  # the previous answer's opening, where its claim is
_PREDICATE_REACH = 60  # the denied word follows the denial within this many characters


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


def _resolve(macros: Mapping[str, str]) -> dict[str, str]:
    """Macros may name other macros (``$STRONG`` inside ``INSULT``): expand them to literals."""
    out = dict(macros)
    for _ in range(8):
        changed = False
        for name, body in out.items():
            alts = []
            for alt in body.split("|"):
                ref = alt[1:] if alt.startswith("$") else None
                if ref is not None and ref in out and ref != name:
                    alts.append(out[ref])
                    changed = True
                else:
                    alts.append(alt)
            out[name] = "|".join(dict.fromkeys("|".join(alts).split("|")))
        if not changed:
            return out
    raise ConfigError("users.json: macros nest too deeply (a cycle?)")


def _overlaps(a: Match, b: Match) -> bool:
    return a.start < b.end and b.start < a.end


def _last_question(reply: str | None) -> str:
    """The reply's closing sentence when it is a question ("Anything else?"), else ''."""
    if not reply:
        return ""
    tail = reply[-_TAIL:].rstrip(_TRAILING)
    if not tail.endswith(("?", "？")):
        return ""
    cut = max(tail.rfind(c, 0, len(tail) - 1) for c in ".!?\n。！？")
    return tail[cut + 1 :]


def _emoji_rx(chars: Iterable[str]) -> re.Pattern[str] | None:
    items = sorted((c for c in chars if c), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, items))) if items else None


class UserDetector:
    """Rejections that bring no information, and hostility aimed at the model."""

    name = "user"
    roles = frozenset({"user"})

    def __init__(self) -> None:
        table = load_table("users.json")
        macros = _resolve(table.get("macros", {}))
        rules = table.get("rules", {})
        self.version = table["version"]
        self._rejection = TokenPatterns(table["rejection"], macros=macros)
        self._information = TokenPatterns(table["information"], macros=macros)
        self._vague = TokenPatterns(table.get("vague", ()), macros=macros)
        self._hostility = TokenPatterns(table["hostility"], macros=macros)
        self._guard = TokenPatterns(table.get("guard", ()), macros=macros)
        self._rejection_guard = TokenPatterns(table.get("rejection_guard", ()), macros=macros)
        self._non_rejection = TokenPatterns(table["non_rejection"], macros=macros)
        self._pressure = TokenPatterns(table["pressure"], macros=macros)
        self._offer = TokenPatterns(table.get("offer", ()), macros=macros)
        self._vocab = Vocabulary(
            (
                self._rejection,
                self._rejection_guard,
                self._non_rejection,
                self._hostility,
                self._guard,
                self._pressure,
            )
        )
        self._plain_vocab = Vocabulary((self._information, self._vague))
        self._closable = frozenset(rules.get("closable_tags", ()))
        self._answers = frozenset(rules.get("answer_tags", ()))
        self._not_before_question = frozenset(rules.get("not_before_question_tags", ()))
        emoji = table.get("emoji", {})
        self._emoji_reject = _emoji_rx(emoji.get("reject", ()))
        self._emoji_alone = _emoji_rx(emoji.get("alone", ()))
        self._cache: dict[str, UserAssessment] = {}

    def __repr__(self) -> str:
        return f"UserDetector(table_version={self.version})"

    def assess(self, text: str) -> UserAssessment:
        """Rejection strength, information and hostility of one user turn (cached, bounded)."""
        hit = self._cache.get(text)
        if hit is not None:
            return hit
        scan = Scan(text, vocab=self._vocab)
        found = [m for m in scan.find(self._rejection) if not self._asks_again(text, m)]
        if found:
            found = _unguarded(found, scan.find(self._rejection_guard))
        found.extend(self._emoji(text, scan))
        if found and all(m.tag in self._closable for m in found) and scan.find(self._non_rejection):
            found = []  # "Nope, all good now." / "No, that's everything - thanks!"
        rejections = tuple(distinct(found))
        hostility = tuple(self._hostile(scan))
        informative = self._informative(windowed(text))
        pressure = bool(rejections or hostility or scan.find(self._pressure))
        result = UserAssessment(_best(rejections), informative, rejections, hostility, pressure)
        if len(self._cache) >= _CACHE_SIZE:
            self._cache.clear()
        self._cache[text] = result
        return result

    def _asks_again(self, text: str, m: Match) -> bool:
        """'Again?' asks for a repeat; 'Again.' demands another attempt."""
        if m.tag not in self._not_before_question:
            return False
        return text[m.end : m.end + 8].lstrip(" \t*_\"'").startswith(("?", "？"))

    def _emoji(self, text: str, scan: Scan) -> list[Match]:
        """Thumbs-down or cross in a short turn; an eye-roll only when the turn is emoji alone."""
        if len(scan.words) > _EMOJI_WORDS:
            return []
        head = windowed(text)
        out: list[Match] = []
        if self._emoji_reject is not None:
            out = [
                Match(m.start(), m.end(), 0.8, "emoji", "rejecting emoji")
                for m in self._emoji_reject.finditer(head)
            ]
        if not out and not scan.words and self._emoji_alone is not None:
            out = [
                Match(m.start(), m.end(), 0.6, "emoji", "dismissive emoji")
                for m in self._emoji_alone.finditer(head)
            ]
        return out

    def _offered(self, reply: str | None) -> bool:
        """Did the reply close by offering more ("Anything else?", "Want me to apply it?")?"""
        question = _last_question(reply)
        return bool(question) and bool(Scan(question, mask=False).find(self._offer))

    def _hostile(self, scan: Scan) -> list[Match]:
        found = scan.find(self._hostility)
        if not found:
            return []
        return distinct(_unguarded(found, scan.find(self._guard)))

    def _informative(self, text: str) -> bool:
        if _INFO_CHARS.search(text) or _QUOTE.search(text) or _EXCEPTION.search(text):
            return True
        plain = Scan(text, mask=False, vocab=self._plain_vocab)
        if len(plain.words) > _LONG_WORDS or len(set(_NUMBER.findall(text))) >= 2:
            return True
        info = plain.find(self._information)
        if not info:
            return False
        vague = plain.find(self._vague)
        return any(not any(_overlaps(m, v) for v in vague) for m in info)

    def __call__(self, turn: TurnContext) -> Iterable[Finding]:
        text = turn.text
        a = self.assess(text)
        if a.hostility:
            yield finding(Label.HOSTILITY, text, list(a.hostility), aggregate(list(a.hostility)))
        if turn.previous_assistant is None or a.informative:
            return
        if not a.rejections:
            flat = _contradicts(text, turn.previous_assistant)
            if flat is not None:
                yield finding(Label.UNEXPLAINED_REJECTION, text, [flat], flat.weight)
            return
        if all(m.tag in self._answers for m in a.rejections) and self._offered(
            turn.previous_assistant
        ):
            return  # "Anything else?" - "No."
        matches = list(a.rejections)
        yield finding(Label.UNEXPLAINED_REJECTION, text, matches, aggregate(matches))


def _contradicts(text: str, previous: str) -> Match | None:
    """A bare "It is prime." against a previous answer that said "1 isn't a prime"."""
    m = _FLAT.match(text)
    if m is None:
        return None
    verb, word = m.group(1).lower(), (m.group(2) or "").lower()
    answer = previous[:_ANSWER_REACH]
    for denial in _DENIAL_RX[verb].finditer(answer):
        after = answer[denial.end() : denial.end() + _PREDICATE_REACH].lower()
        if not word or re.search(rf"(?<!\w){re.escape(word)}", after):
            start = m.start()
            while not text[start].isalnum():
                start += 1
            end = m.end(2) if m.group(2) else m.end(1)
            return Match(start, end, 0.6, "flat", "contradicts what the answer denied")
    return None


def _unguarded(found: list[Match], guards: list[Match]) -> list[Match]:
    """``found`` without the matches a guard vetoes."""
    if not guards:
        return found
    return [m for m in found if not any(_vetoes(g, m) for g in guards)]


def _vetoes(guard: Match, m: Match) -> bool:
    if not _overlaps(guard, m):
        return False
    return guard.tag == "*" or m.tag in guard.tag.split(",")
