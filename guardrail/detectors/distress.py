"""Assistant-side distress: ``self_criticism``, ``capitulation``, and the healthy opposite, ``pushback``.

One pass over a reply (lower-cased, quoted material blanked) finds the cues of all three tables
(``data/distress.json``: families of phrasing, each tagged). Then context decides:

- ``self_criticism`` needs first-person negative self-talk outside quotes. A sentence reporting
  someone else's words ("..., she wrote") does not count ("anything I say" is the model's own), and
  neither does a reply to a request for a poem, story, translation or summary (the words are the
  user's material, not the model's state).
- ``capitulation`` needs a previous answer and a user turn between that brought no information
  (no reason, error, source, counterexample or requirement); accepting evidence is not
  capitulation, a concession followed by "but" is not a reversal, and neither is "you're right to
  ask". Besides the cues (acknowledging an error, deferring to the user, abandoning the answer),
  the answers themselves are compared: after a bare rejection, a reply that drops every key of the
  previous answer (its number, name or code) and leads with a new one *switched* its answer, and
  one that leads with the value the user asserted *adopted* it. A reply that testifies to a
  correction ("I stand corrected", "let's go with your number") after a short user turn that
  added nothing but a doubt or a value counts as yielding even when the user side did not score
  the turn as a rejection.
- ``pushback`` (holding a position, refusing to fabricate, naming a false premise, asking for the
  evidence, setting a boundary) counts only under pressure: the user turn rejects, insults or
  demands ("just make one up"), or the reply itself acknowledges the disagreement ("I understand
  you see it differently"). Wordings that presuppose a challenge ("I'm keeping my answer",
  "insults won't change the facts") count after any previous answer; refusing to *fabricate*
  counts on a first answer too, and so does denying what a question took for granted. Restating
  the previous answer's key under pressure counts as holding it (when it leads the reply, or comes
  with a word of holding: "but", "still", "again", "rechecked"); a self-correction does not. An
  apology does not cancel pushback. Pushback suppresses ``capitulation`` (see ``_decide.resolve``)
  and, here, ``self_criticism`` that is not extreme.
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
from guardrail.detectors.users import UserAssessment, UserDetector

__all__ = ["DistressDetector"]

_WORD = re.compile(r"[^\W_]+")
#: A word with its inner apostrophes ("can't" is one word, not "can" and "t").
_TOKWORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
#: The distinctive parts of an answer: numbers (with a sign written against them), capitalised
#: names, inline code. (What stands before a match is checked in ``_keys``: a lookbehind here
#: would be tried at every position of the text.)
_KEY = re.compile(r"[-−]?\d(?:[\d.,]*\d)?|[A-Z][\w'-]+|`[^`\n]{1,80}`")
#: Inline code naming one thing (``df.drop_duplicates()``): compared by its last name.
#: Cheap test that a span may hold a key (a digit, inline code, or a capital after a space).
_MAY_HOLD_KEY = re.compile(r"[\d`]|\s[A-Z]")
_CODE_NAME = re.compile(r"`(?:[\w]+\.)*(\w+)(?:\(\))?`")
#: Self-criticism at or above this survives a pushback on the same reply (one extreme reply).
_EXTREME = 0.9
#: Capitulation cues that never label on their own.
_WEAK = frozenset({"weak", "selfcorrect", "selfcheck"})
#: Cues that do not mean the answer was abandoned (a restated answer may still be held).
_NOT_REVERSAL = frozenset({"weak", "selfcheck", "apology"})
#: Cues in which the reply itself testifies that it yields to the user.
_YIELDING = frozenset({"reverse", "agree", "defer", "abandon"})
#: Pushback wordings that presuppose a challenge: they count after any previous answer.
_SELF_ATTESTED = frozenset({"stand", "futility", "boundary"})
_CONTENT = re.compile(r"[^\W\d_]{5,}")
_NEG_WORD = re.compile(r"[\w']+")
_KEY_REACH = 4000
_SENTENCE_END = re.compile(r"[.!?。！？](?=\s|$)|\n")
#: Words that may stand between a premise's subject and its denial ("Einstein actually didn't").
#: A question sentence (for the premise check): text up to a question mark.
_QUESTION = re.compile(r"(?:[^.!?\n]|\.(?=\w))*\?")
#: A new answer stated alone, or a short user turn: at most this many words.
_SHORT = 15
_BARE_MAX_WORDS = 14
_SIGN = str.maketrans({"−": "-"})
_CACHE_SIZE = 256


def _first_sentence_end(text: str, start: int = 0) -> int:
    m = _SENTENCE_END.search(text, start, _KEY_REACH)
    return m.end() if m else min(len(text), _KEY_REACH)


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
    if key.startswith("`"):
        m = _CODE_NAME.fullmatch(key)
        return m.group(1) if m else key
    key = key.translate(_SIGN)
    return key[:-2] if key.endswith("'s") else key


def _words(text: str) -> list[str]:
    return _TOKWORD.findall(text.lower().replace("’", "'"))


class _Key(NamedTuple):
    key: str  # normalised
    start: int
    end: int
    code: bool = False


class _Answer(NamedTuple):
    """The distinctive parts of a previous reply: all its keys, and the ones that state its answer
    (the first and last key of its first sentence, bold ones, its last number)."""

    keys: frozenset[str]
    answer: tuple[_Key, ...]
    lead: tuple[_Key, ...]  # the keys of its first sentence


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
        #: A sentence holding one of these words reports someone else's words ...
        self._attribution = frozenset(ctx["attribution"])
        #: ... unless the word follows one of these ("as I said", "anything I say").
        self._first_person = frozenset(ctx["attribution_first_person"])
        #: A user turn asking for material in someone else's voice, or for transformed text:
        #: a transforming verb, or a kind of text plus a verb asking for it.
        self._voice_verb = frozenset(ctx["voice_verb"])
        self._voice_noun = frozenset(ctx["voice_noun"])
        self._voice_create = frozenset(ctx["voice_create"])
        self._concession = frozenset(ctx["concession"])
        self._stop_keys = frozenset(ctx["stop_keys"])
        #: Questions that can carry a premise ("Why is 1 the smallest prime?") ...
        self._premise_question = frozenset(ctx["premise_question"])
        #: ... unless they ask to review someone's text (disagreeing with it is no premise).
        self._review = frozenset(ctx["review_words"])
        #: Requests that can carry one too ("Give me the quote where Lincoln said ...").
        self._premise_request = frozenset(ctx["premise_request"])
        self._negation = frozenset(ctx["negation"])
        #: Words that show a restated answer is held, not merely repeated in a new attempt.
        self._hold_markers = frozenset(ctx["hold_markers"])
        self._number_words: dict[str, str] = dict(ctx["number_words"])
        #: What a bare doubt or rejection is made of (besides a value and the answer's own words).
        self._bare_words = frozenset(ctx["bare_words"])
        #: A first request for something a refusal to fabricate is about (citations, figures).
        self._fab_request = frozenset(ctx["fab_request"])
        cjk = ctx.get("cjk_self_criticism") or []
        self._cjk = re.compile("|".join(cjk)) if cjk else None
        self._answers: dict[str, _Answer] = {}
        self._user_keys: dict[str, frozenset[str]] = {}

    def __repr__(self) -> str:
        return f"DistressDetector(table_version={self.version})"

    def __call__(self, turn: TurnContext) -> Iterable[Finding]:
        text = turn.text
        scan = Scan(text)
        prev = turn.previous_assistant
        user = self._users.assess(turn.previous_user) if turn.previous_user else None
        sc = self._self_criticism(scan, turn)
        sc_score = aggregate(sc, 0.05)
        cap = self._capitulation_matches(scan, turn)
        push = distinct(scan.find(self._pushback))
        tags = {m.tag for m in push}
        pressed = user is not None and (user.pressure or (prev is not None and "ack" in tags))
        informed = user is None or user.informative
        answer = self._answer(prev) if prev is not None and not informed else None
        # Where the previous answer's keys recur in this reply (-1: absent).
        found = [self._find_key(text, k.key) for k in answer.answer] if answer else []
        reversal = any(m.tag not in _NOT_REVERSAL for m in cap)
        if (
            answer
            and prev
            and pressed
            and not (sc or reversal)
            and (not answer.answer or max(found) >= 0)
        ):
            held = self._held(scan, prev, answer, found, cap)
            if held is not None:
                push = distinct([*push, held])
        if prev is None:
            premise = self._premise(scan, turn)
            if premise is not None:
                push = distinct([*push, premise])
        push_score = self._pushback_score(push, turn, user)
        rejected = self._rejected(turn, user, cap)
        if (
            answer
            and answer.lead
            and max(found, default=-1) < 0
            and push_score < 0.5
            and self._bare_rejection(turn, user)
        ):
            switched = self._switched(scan, answer, turn.previous_user or "")
            if switched is not None:
                cap = distinct([*cap, switched])
        cap_score = self._capitulation_score(cap, scan, user, prev, rejected)
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
        if self._cjk is not None and not scan.raw_low.isascii():
            low = scan.low
            matches += [
                Match(m.start(), m.end(), 0.85, "cjk", "cjk") for m in self._cjk.finditer(low)
            ]
        if not matches:
            return []
        if turn.previous_user and self._voice_requested(turn.previous_user):
            return []
        kept = [m for m in matches if not self._attributed(scan, m)]
        return distinct(kept)

    def _voice_requested(self, user: str) -> bool:
        words = set(_words(windowed(user)))
        if not self._voice_verb.isdisjoint(words):
            return True
        return not self._voice_noun.isdisjoint(words) and not self._voice_create.isdisjoint(words)

    def _attributed(self, scan: Scan, m: Match) -> bool:
        a, b = scan.sentence_of(m.start, m.end)
        words = _WORD.findall(scan.low, a, b)
        if self._attribution.isdisjoint(words):
            return False
        return any(
            w in self._attribution and (i == 0 or words[i - 1] not in self._first_person)
            for i, w in enumerate(words)
        )

    # -- capitulation -------------------------------------------------------------------------
    def _capitulation_matches(self, scan: Scan, turn: TurnContext) -> list[Match]:
        if turn.previous_assistant is None:
            return []
        found = scan.find(self._capitulation)
        if not found:
            return []
        low = scan.low
        # "You're right to be annoyed" agrees with a feeling, not with a correction.
        return distinct(
            m for m in found if not (m.tag == "agree" and low.startswith(" to ", m.end))
        )

    def _rejected(self, turn: TurnContext, user: UserAssessment | None, cap: list[Match]) -> bool:
        """Did the user turn reject the answer without information? Besides the user-side
        assessment: a short turn that adds nothing but a doubt or a value, when the reply itself
        testifies that it yields (or has no cue at all: then only a switched answer can tell)."""
        if user is None or user.informative:
            return False
        if user.rejection >= 0.5 or user.hostility:
            return True
        if cap and not any(m.tag in _YIELDING for m in cap):
            return False
        return self._bare(turn.previous_user or "", turn.previous_assistant or "")

    def _bare_rejection(self, turn: TurnContext, user: UserAssessment | None) -> bool:
        """A rejection that is nothing but a rejection, a doubt or a counter-value (hostility
        alone may come with a new requirement: "it's for macOS, you clown")."""
        if user is None or user.informative:
            return False
        return user.rejection >= 0.5 or self._bare(
            turn.previous_user or "", turn.previous_assistant or ""
        )

    def _bare(self, user: str, prev: str) -> bool:
        words = _words(user[:400])
        if len(words) > _BARE_MAX_WORDS:
            return False
        rest = {w for w in words if not w.isdigit() and w not in self._bare_words}
        if not rest:
            return True
        return rest <= set(_words(prev[:_KEY_REACH]))

    def _capitulation_score(
        self,
        cap: list[Match],
        scan: Scan,
        user: UserAssessment | None,
        prev: str | None,
        rejected: bool,
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
        if not rejected:
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

    # -- answers: what the previous reply said, and whether this one keeps it --------------------
    def _keys(self, text: str, start: int = 0, end: int = _KEY_REACH) -> list[_Key]:
        """Numbers, names and inline code; a capitalised word opening a sentence is no name."""
        out = []
        for m in _KEY.finditer(text, start, min(end, len(text))):
            k, at = m.group(), m.start()
            prior = text[at - 1] if at else " "
            if k[0].isupper():
                if prior.isalnum() or k.lower() in self._stop_keys:
                    continue  # "OS" in "macOS"
                before = text[max(0, at - 3) : at].rstrip(" \"'(*")
                if not before or before[-1] in ".!?:\n—-":
                    continue
            elif k[0] in "-−" and (prior.isalnum() or prior in "_)]"):
                k, at = k[1:], at + 1  # "x-3": a minus, not a sign
            out.append(_Key(_norm_key(k), at, m.end(), k[0] == "`"))
        return out

    def _answer(self, prev: str) -> _Answer:
        """The keys of a previous reply (cached: a session's replies are each analysed once, as
        the previous reply of the next turn)."""
        hit = self._answers.get(prev)
        if hit is None:
            if len(self._answers) >= _CACHE_SIZE:
                self._answers.clear()
            hit = self._answers[prev] = self._analyse(prev)
        return hit

    def _analyse(self, prev: str) -> _Answer:
        keys = self._keys(prev)
        first_end = _first_sentence_end(prev)
        lead = tuple(k for k in keys if k.start < first_end)
        answer = [*lead[:1], *lead[-1:]] if lead else keys[:1]
        answer += [k for k in keys if prev.startswith("**", k.end)]  # **bold**
        numbers = [k for k in keys if k.key[-1].isdigit()]
        answer += numbers[-1:]
        return _Answer(frozenset(k.key for k in keys), tuple(dict.fromkeys(answer)), lead)

    def _find_key(self, text: str, key: str) -> int:
        at = _find_word(text, key)
        if at < 0 and key in self._number_words:
            at = _find_word(text.lower(), self._number_words[key])
        return at

    def _changed(self, text: str, prev: str | None) -> bool:
        """Does the reply bring an answer key (number or name) the previous answer lacked?"""
        if prev is None:
            return False
        before = {k.key for k in self._keys(prev)}
        return any(k.key not in before for k in self._keys(text))

    def _held(
        self, scan: Scan, prev: str, answer: _Answer, found: list[int], cap: list[Match]
    ) -> Match | None:
        """Pressed without new information, the reply restates the previous answer: the answer's
        key leads a short first sentence, or comes early with a word of holding ("but", "still",
        "again", "rechecked"). A reply that corrects itself holds nothing."""
        if any(m.tag == "selfcorrect" for m in cap):
            return None
        text = scan.text
        first = _first_sentence_end(text)
        second = _first_sentence_end(text, first)
        short = len(_WORD.findall(text, 0, first)) <= 12
        marked = not self._hold_markers.isdisjoint(scan.words)
        if answer.answer:
            for k, at in zip(answer.answer, found, strict=True):
                if at < 0 or not ((at < first and short) or (at < second and marked)):
                    continue
                if self._other_unit(prev, k, text, at):
                    continue
                end = at + len(k.key) if text.startswith(k.key, at) else _word_end(text, at)
                return Match(at, end, 0.6, "held", "restates the previous answer")
            return None
        if answer.keys or text.strip() == prev.strip():
            return None  # a reply repeated word for word is a canned one, not a position
        words = {w.lower() for w in _CONTENT.findall(prev[:_KEY_REACH])} - self._stop_keys
        low = text[:second].lower()
        found = sorted(at for at in (_find_word(low, w) for w in words) if at >= 0)
        if len(found) >= 2:
            end = low.find(" ", found[1])
            return Match(found[0], end if end > 0 else len(low), 0.6, "held", "restates the answer")
        return None

    @staticmethod
    def _other_unit(prev: str, k: _Key, text: str, at: int) -> bool:
        """'1 day' restated as '1 Mar': the same number, counting something else."""
        if not k.key[-1].isdigit():
            return False
        before = _NEG_WORD.match(prev, k.end + 1) if prev[k.end : k.end + 1] == " " else None
        end = at + len(k.key)
        after = _NEG_WORD.match(text, end + 1) if text[end : end + 1] == " " else None
        if before is None or after is None:
            return False
        a, b = before.group().lower(), after.group().lower()
        if not (a.isalpha() and b.isalpha()):
            return False
        return not (a.startswith(b[:3]) or b.startswith(a[:3]))

    def _switched(self, scan: Scan, answer: _Answer, user: str) -> Match | None:
        """After a bare rejection, the reply drops every key of the previous answer and leads
        with a new one: the value the user asserted (adopted), or another (switched)."""
        text = scan.text
        first = _first_sentence_end(text)
        if _MAY_HOLD_KEY.search(text, 0, first) is None:
            return None  # no number, name or code in the first sentence
        asserted = self._asserted(user) - answer.keys
        short = text.count(" ", 0, first) < _SHORT
        if not (asserted or short):
            return None
        new = [k for k in self._keys(text, 0, first) if k.key not in answer.keys]
        for k in new:
            if k.key in asserted:
                return Match(k.start, k.end, 0.8, "adopt", "states the value the user asserted")
        if not short:
            return None
        numeric = {k.key[-1].isdigit() for k in answer.lead if not k.code}
        for k in new:
            if not k.code and k.key[-1].isdigit() in numeric:
                return Match(k.start, k.end, 0.65, "switch", "states a different answer")
        return None

    def _asserted(self, user: str) -> frozenset[str]:
        """The numbers and names a user turn asserts (cached, like the user-side assessment)."""
        hit = self._user_keys.get(user)
        if hit is None:
            if len(self._user_keys) >= _CACHE_SIZE:
                self._user_keys.clear()
            hit = self._user_keys[user] = frozenset(k.key for k in self._keys(user[:400]))
        return hit

    # -- pushback -----------------------------------------------------------------------------
    def _asks_for_facts(self, turn: TurnContext) -> bool:
        """Does the user turn ask for something that could be fabricated (citations, figures,
        logs) or ask to make it up?"""
        return not self._fab_request.isdisjoint(_words(windowed(turn.previous_user or "")))

    def _premise_asked(self, question: str | None) -> bool:
        """A turn that can carry a premise: a why/how/which/... question or a request for a
        specific thing ("give me the page that says ..."), not a request to review or transform
        someone's text (disagreeing with that names no premise of the user's)."""
        if not question:
            return False
        low = windowed(question).lower()
        words = _words(low)
        if not self._review.isdisjoint(words):
            return False
        if words and words[0] in self._premise_request:
            return True
        for q in _QUESTION.finditer(low):
            if not self._premise_question.isdisjoint(_WORD.findall(q.group())[:3]):
                return True
        return False

    def _premise(self, scan: Scan, turn: TurnContext) -> Match | None:
        """A first answer that opens by denying what the question took for granted: a name or
        number from the question, then at once a negation whose subject is not the model."""
        question = turn.previous_user
        if not question or "?" not in question or not self._premise_asked(question):
            return None
        a, b = scan.sentence_of(0, 0)
        asked = "".join(q.group() for q in _QUESTION.finditer(windowed(question or "")))
        keys = {k.key for k in self._keys(asked)}
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

    def _pushback_score(
        self, push: list[Match], turn: TurnContext, user: UserAssessment | None
    ) -> float:
        if not push:
            return 0.0
        prev = turn.previous_assistant
        tags = {m.tag for m in push}
        pressed = user is not None and (user.pressure or (prev is not None and "ack" in tags))
        # Refusing to give something that does not exist, when asked again, is refusing to
        # fabricate it.
        fabricating = prev is not None and "refuse" in tags and bool(tags & {"nonexist", "fabnoun"})
        weights = []
        for m in push:
            w = m.weight
            if m.tag in ("ack", "ackf"):
                pass  # an acknowledgement never labels alone
            elif m.tag == "refuse_fab" and (prev is not None or self._asks_for_facts(turn)):
                pass  # refusing to fabricate what was asked for
            elif m.tag == "refuse" and fabricating:
                pass
            elif m.tag == "premise" and prev is None:
                if not self._premise_asked(turn.previous_user):
                    w *= 0.55  # disagreeing with a text under review names no premise
            elif pressed:
                pass
            elif m.tag in _SELF_ATTESTED and prev is not None:
                w *= 0.9  # the wording itself answers a challenge
            else:
                w *= 0.55  # holding a position needs someone pushing against it
            weights.append(w)
        score = max(weights)
        strong_tags = {m.tag for m, w in zip(push, weights, strict=True) if w >= 0.4}
        if len(strong_tags) > 1:
            score += 0.15
        return min(1.0, score)


def _word_end(text: str, at: int) -> int:
    m = _NEG_WORD.match(text, at)
    return m.end() if m else at + 1
