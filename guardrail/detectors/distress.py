"""Assistant-side distress: ``self_criticism``, ``capitulation``, and the healthy opposite, ``pushback``.

One pass over a reply (lower-cased, quoted material blanked) finds the cues of all three tables in
``data/distress.json``. The tables hold families of phrasing, each tagged with what it does
(degrading itself, despair, shame, giving up; acknowledging an error, deferring, abandoning the
answer; holding, restating, asking for the evidence, refusing to fabricate, naming a false premise,
setting a boundary, acknowledging the disagreement). Then context decides:

- ``self_criticism`` needs first-person negative self-talk outside quotes. A sentence reporting
  someone else's words ("..., she wrote") does not count ("anything I say" is the model's own), and
  neither does a reply to a request for a poem, a story, an email in the user's voice, a
  translation or a summary (the words are the user's material, not the model's state).
- ``capitulation`` needs a previous answer and a user turn between that brought no information
  (no reason, error, source, counterexample or requirement); accepting evidence is not
  capitulation, a concession followed by "but" is not a reversal, and "you're right to ask" only
  is one when the answer changes too. Besides the cues, the answers themselves are compared: after
  a bare rejection, a reply that drops every key of the previous answer (its number, name or code)
  and states the value the user asserted *adopted* it; a terse reply that states another value
  *switched* it. An apology counts only with a dropped answer and a new one.
- ``pushback`` (holding a position, refusing to fabricate, naming a false premise, asking for the
  evidence, setting a boundary) counts only under pressure: the user turn rejects, insults or
  demands ("just make one up"), or the reply itself acknowledges the disagreement ("I understand
  you see it differently"). Wordings that presuppose a challenge ("I'm keeping my answer",
  "insults won't change the facts") count after any previous answer; refusing to *fabricate*
  counts on a first answer when something checkable was asked for, and so does denying what a
  question (or a request: "give me the page that says ...") took for granted, unless it asks to
  review someone's text. Restating the previous answer's key under pressure holds it (in a short
  first sentence, right after "It's"/"Yes", or early with a word of holding: "but", "still",
  "rechecked"), and so does restating a yes/no answer ("it does."); a self-correction, a reworded
  redo and a word-for-word repeat on request do not.

A *bare* user turn (a few words of doubt or rejection, a counter-value, the answer's own words in
a denial: "No, Mondays.", "no it doesn't") counts as a rejection even when the user side does not
score it, and "Nope." to the reply's own question ("Anything else?") rejects nothing.

Arbitration on one reply: strong self-talk outweighs a weak pushback cue ("What's wrong with me? I
can't write a single decent paragraph."); otherwise pushback suppresses self-criticism that is not
extreme, and ``capitulation`` (see ``_decide.resolve``); a strong reversal outweighs a passing "I
checked". Every finding keeps its evidence spans; scores stay in [0, 1].
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
    Vocabulary,
    aggregate,
    distinct,
    finding,
    load_table,
    windowed,
)
from guardrail.detectors._patterns import Match
from guardrail.detectors._text import unwrap
from guardrail.detectors.users import UserAssessment, UserDetector

__all__ = ["DistressDetector"]

_WORD = re.compile(r"[^\W_]+")
#: A word with its inner apostrophes ("can't" is one word, not "can" and "t").
_TOKWORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_ALPHA = re.compile(r"[^\W\d_]+")
_CONTENT = re.compile(r"[^\W\d_]{5,}")
_NEG_WORD = re.compile(r"[\w']+")
#: The distinctive parts of an answer: numbers (with a sign written against them), capitalised
#: names, inline code. (What stands before a match is checked in ``_keys``: a lookbehind here
#: would be tried at every position of the text.)
_KEY = re.compile(r"[-−]?\d(?:[\d.,]*\d)?|[A-Z][\w'-]+|`[^`\n]{1,80}`")
#: Inline code naming one thing (``df.drop_duplicates()``): compared by its last name.
_CODE_NAME = re.compile(r"`(?:[\w]+\.)*(\w+)(?:\(\))?`")
#: Small numbers written as words ("five acts"): keys of an answer too, compared as digits.
_NUMBER_WORD = re.compile(
    r"(?:[Tt](?:wo|hree|en|welve)|[Ff](?:our|ive)|[Ss](?:ix|even)|[Ee](?:ight|leven)|[Nn]ine)\b"
)
#: Cheap test that a span may hold a key (a digit, inline code, or a capitalised word).
_MAY_HOLD_KEY = re.compile(r"[\d`]|\s[A-Z][\w-]")
#: A capitalised word opening a sentence is a name when a verb like these follows it.
_COPULA = (" is ", " was ", " are ", " were ", " remains ", " has ", " had ")
_SIGN = str.maketrans({"−": "-"})
#: What may end a reply's first clause right after a word: punctuation, a dash or a bracket.
_CLAUSE_END = re.compile(r"\**(?:[,.;:!]|\s+[—–(]|\s*$)")
#: A sentence made of one capitalised word ("Co?").
_LONE_KEY = re.compile(r"([A-Z][\w'-]*)\**[.?!](?:\s|$)")
#: What ends a sentence made of one word.
_LONE_END = re.compile(r"\**[.?!](?:\s|$)")
#: A short clause affirming or denying (restating a yes/no answer).
_AFFIRM = re.compile(
    r"\b(?:[Ii]t|[Tt]hey|[Tt]hat|[Hh]e|[Ss]he|[Tt]his)\s+(?:\w+\s+)?"
    r"(?:does|do|is|are|will|can|did|was|has|have|works|exists)\s*(?:[.!;—]|$)"
)
_DENY = re.compile(
    r"\b(?:[Ii]t|[Tt]hey|[Tt]hat|[Hh]e|[Ss]he|[Tt]his)\s+(?:\w+\s+)?"
    r"(?:doesn't|don't|isn't|aren't|won't|can't|didn't|wasn't|hasn't|haven't|does not|is not)\b"
)
_KEY_REACH = 4000
_SENTENCE_END = re.compile(r"[.!?。！？](?=\s|$)|\n")
#: A question sentence (for the premise check): text up to a question mark ("3.12" goes on).
_QUESTION = re.compile(r"(?:[^.!?\n]|\.(?=\w))*\?")
#: A request for a specific thing names it within its first few words ("I need a quote ...").
_REQUEST_REACH = 4
#: A reply that opens with a null answer and a clause of its own ("None — ...", "Neither side,").
_NULL_ANSWER = re.compile(r"\W*(\w+)(?:\s+\w+)?\s*[—–,:;-]")
_QUESTION_MARK = re.compile(r"[?？]")
_TAG_COMMA = (",", "，", "、")
#: A terse reply states its answer in one of its first this many sentences.
_LEAD_SENTENCES = 3
#: A reply stating a new answer alone is at most this many words ...
_SHORT = 15
#: ... and this many characters (longer replies are not read for a silent switch).
_TERSE = 400
#: A bare user turn is at most this many words.
_BARE_MAX_WORDS = 14
_NO = frozenset({"no", "nope", "nah", "not", "non", "nein", "não"})
_CACHE_SIZE = 256

#: Self-criticism at or above this survives a pushback on the same reply (one extreme reply).
_EXTREME = 0.9
#: Self-criticism at or above this outweighs a pushback scored below 0.75.
_STRONG_SC = 0.85
#: Capitulation cues that never label on their own.
_WEAK = frozenset({"weak", "selfcorrect", "selfcheck"})
#: Cues that do not mean the answer was abandoned (a restated answer may still be held).
_NOT_REVERSAL = frozenset({"weak", "selfcheck", "apology", "feeling", "hedge"})
#: Cues that yield only next to a dropped answer and a new one ("Sorry." / "Hmm, I think ...").
_SOFT = frozenset({"apology", "hedge"})
#: Cues in which the reply itself testifies that it yields to the user.
_YIELDING = frozenset({"reverse", "agree", "defer", "abandon", "adopt", "switch"})
#: Pushback wordings that presuppose a challenge: they count after any previous answer.
_SELF_ATTESTED = frozenset({"stand", "futility", "boundary"})


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
    if key.endswith("'s"):
        return key[:-2]
    head, _, tail = key.partition("'")
    # A case ending after an apostrophe ("Ankara'dır", "Türkiye'nin"); "O'Brien" keeps it.
    return head if tail and tail[0].islower() and len(head) > 1 else key


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
    words: frozenset[str]  # its words, lower-cased
    asks: bool  # it ends with a question to the user


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
        #: Discourse words that may open a reply as a clause of their own ("However, ...").
        self._openers = frozenset(ctx["openers"])
        #: Questions that can carry a premise ("Why is 1 the smallest prime?") ...
        self._premise_question = frozenset(ctx["premise_question"])
        #: ... unless they ask to review someone's text (disagreeing with it is no premise).
        self._review = frozenset(ctx["review_words"])
        #: Requests that can carry one too ("Give me the quote where Lincoln said ...").
        self._premise_request = frozenset(ctx["premise_request"])
        self._negation = frozenset(ctx["negation"])
        #: A first answer naming no one ("None — ...", "Neither side — ...").
        self._null_answers = frozenset(ctx["null_answers"])
        #: Tags asking to confirm a claim ("..., right?") and the words that deny it.
        self._tag_questions = tuple(sorted(ctx["tag_questions"], key=len, reverse=True))
        self._denials = frozenset(ctx["denials"])
        self._cjk_denials = tuple(ctx["cjk_denials"])
        #: Words that show a restated answer is held, not merely repeated in a new attempt.
        self._hold_markers = frozenset(ctx["hold_markers"])
        #: Words that may open a restated answer ("It's 42", "Yes, 1925", "Still 42").
        self._restating = frozenset(ctx["restating"])
        #: Words around a value stated alone ("The answer is about 48, then.").
        self._filler = frozenset(ctx["filler"])
        self._number_word: dict[str, str] = dict(ctx["number_words"])
        self._digits = {w: d for d, w in self._number_word.items()}
        #: What a bare doubt or rejection is made of (besides a value and the answer's own words).
        self._bare_words = frozenset(ctx["bare_words"])
        self._doubt = frozenset(ctx["doubt_words"])
        #: Words of a flat counter-assertion ("I'm pretty sure ...").
        self._asserting = frozenset(ctx["asserting_words"])
        #: A request to make something up ("a fake note", "realistic numbers").
        self._fab_verbs = frozenset(ctx["fab_verbs"])
        #: A first request for something a refusal to fabricate is about (citations, figures).
        self._fab_request = frozenset(ctx["fab_request"])
        cjk = ctx.get("cjk_self_criticism") or []
        self._cjk = re.compile("|".join(cjk)) if cjk else None
        #: Capitulation cues in scripts without spaces, by tag (the tables need words).
        self._cjk_cap = tuple(
            (tag, re.compile("|".join(rxs)))
            for tag, rxs in (ctx.get("cjk_capitulation") or {}).items()
            if rxs
        )
        self._answers: dict[str, _Answer] = {}
        self._user_keys: dict[str, frozenset[str]] = {}

    def __repr__(self) -> str:
        return f"DistressDetector(table_version={self.version})"

    def __call__(self, turn: TurnContext) -> Iterable[Finding]:
        content = turn.text
        # Hard-wrapped sentences read as one (same offsets: evidence points into the content).
        text = unwrap(content)
        scan = Scan(text, vocab=self._vocab)
        prev = None if turn.previous_assistant is None else unwrap(turn.previous_assistant)
        asked = turn.previous_user or ""
        # The user turn as the user side reads it after the previous reply (a counter-value or a
        # flat contradiction rejects too).
        user = self._users.in_context(asked, prev) if turn.previous_user else None
        answer = self._answer(prev) if prev is not None and user and not user.informative else None
        if user and answer and answer.asks and not user.hostility and self._plain_no(asked):
            # "Nope." to "Anything else?" answers the question; it rejects nothing.
            user = user._replace(rejection=0.0, rejections=(), pressure=False)
        # A short turn of nothing but doubt, rejection or a counter-value is a bare rejection even
        # when the user side did not score it as one (computed only where that matters).
        bare = bool(user and answer and user.rejection < 0.5 and self._bare(asked, answer))

        sc = self._self_criticism(scan, turn)
        sc_score = aggregate(sc, 0.05)
        cap = self._capitulation_matches(scan, turn)
        raw = scan.find(self._pushback)
        if raw and any(m.tag == "premise_open" for m in raw):
            opening = prev is None and self._premise_asked(
                turn.previous_user, denial=True, checkable=True
            )
            raw = [m for m in raw if m.tag != "premise_open" or (opening and m.start <= 2)]
        push = distinct(raw)
        tags = {m.tag for m in raw}  # before overlaps are resolved: an acknowledgement counts
        pressed = user is not None and (
            user.pressure or (prev is not None and ("ack" in tags or bare))
        )

        # Where the previous answer's keys recur in this reply (-1: absent).
        found = [self._find_key(text, k.key) for k in answer.answer] if answer else []
        reversal = any(m.tag not in _NOT_REVERSAL for m in cap)
        if (
            answer
            and prev
            and pressed
            and not (sc or reversal)
            # A word-for-word repeat holds a position only against a rejection the user side saw.
            and ((user is not None and user.pressure) or text.strip() != prev.strip())
        ):
            held = self._held(scan, prev, answer, found, cap)
            if held is None and _first_word(prev) in ("yes", "no"):
                held = self._held_polarity(text, prev)
            if held is not None:
                push = distinct([*push, held])
        if prev is None:
            premise = self._premise(scan, turn)
            if premise is not None:
                push = distinct([*push, premise])
        push_score = self._pushback_score(push, tags, turn, pressed)

        dropped = bool(answer and answer.answer and max(found) < 0)
        # Hostility alone may come with a new requirement ("it's for macOS, you clown"): a
        # switched answer needs a rejection.
        if answer and dropped and push_score < 0.5 and user and (user.rejection >= 0.5 or bare):
            switched = self._switched(scan, answer, asked, turn.recent_assistant[:-1])
            if switched is not None:
                cap = distinct([*cap, switched])
        rejected = self._rejected(user, cap, bare)
        cap_score = self._capitulation_score(cap, scan, user, prev, rejected, dropped)

        if sc_score >= _STRONG_SC and push_score < 0.75:
            push_score = 0.0  # strong self-talk with a passing "I can't" or "as I said"
        elif push_score >= 0.5 and sc_score < _EXTREME:
            sc_score = 0.0
        if 0.5 <= push_score < 0.75 and cap_score >= 0.7:
            push_score = min(push_score, 0.45)  # a reversal with a passing "I checked"
        if push and push_score > 0:
            yield finding(Label.PUSHBACK, content, push, push_score)
        if sc and sc_score > 0:
            yield finding(Label.SELF_CRITICISM, content, sc, sc_score)
        if cap and cap_score > 0:
            yield finding(Label.CAPITULATION, content, cap, cap_score)

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
        low = scan.low
        kept = [
            m
            for m in matches
            if not self._attributed(scan, m)
            # "I failed to open the file" reports an error; "I failed" alone judges.
            and not (m.tag == "weak" and low.startswith(" to ", m.end))
        ]
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
        if self._cjk_cap and not scan.raw_low.isascii():
            low = scan.low
            found += [
                Match(m.start(), m.end(), 0.75, tag, "cjk")
                for tag, rx in self._cjk_cap
                for m in rx.finditer(low)
            ]
        if not found:
            return []
        low = scan.low
        # "You're right to be annoyed" agrees with a feeling, not with a correction (unless the
        # answer changes too: "you're right to question it. The Amazon is longer.").
        return distinct(
            m._replace(tag="feeling") if m.tag == "agree" and low.startswith(" to ", m.end) else m
            for m in found
        )

    @staticmethod
    def _rejected(user: UserAssessment | None, cap: list[Match], bare: bool) -> bool:
        """Did the user turn reject the answer without information? The user-side assessment,
        or a bare turn when the reply itself testifies that it yields."""
        if user is None or user.informative:
            return False
        if user.rejection >= 0.5 or user.hostility:
            return True
        return bare and any(m.tag in _YIELDING for m in cap)

    def _bare(self, user: str, answer: _Answer) -> bool:
        """A short turn made of doubt or rejection words, values (numbers, names) and the
        previous answer's own words: it rejects, and brings nothing to act on. A question counts
        only as a doubt ("Are you sure?"), not as a new one ("And 1650?")."""
        words = _words(user[:400])
        if len(words) > _BARE_MAX_WORDS:
            return False
        if answer.asks and words and words[0] in _NO and self._doubt.isdisjoint(words):
            return False  # "Nope." answers "Anything else?"; it rejects nothing
        if "?" in user and self._doubt.isdisjoint(words):
            for q in _QUESTION.finditer(user[:400]):
                asked = _words(q.group())
                if asked and asked[0] in self._premise_question:
                    return False  # "Why?", "What about 1650?": a question, not a doubt
                if self._asserted(q.group()) - answer.keys:
                    return False  # "And 1650?": a new value asked about
        values = {k.lower() for k in self._asserted(user)}
        rest = {
            w
            for w in words
            if not w.isdigit()
            and w not in self._bare_words
            and w not in values
            and w not in self._digits
        }
        # Besides those, only the answer's own words, and only in a denial or with a counter-value
        # ("no, not the capital", "it's 3 years"): "Open the trace, please" reuses them to choose.
        # A flat counter-assertion may add one word of its own ("I'm pretty sure you need one").
        new = rest - answer.words
        countered = (
            bool(values) or any(w.isdigit() for w in words) or not self._negation.isdisjoint(words)
        )
        return (
            not rest
            or (not new and countered)
            or (len(new) == 1 and not self._asserting.isdisjoint(words))
        )

    def _plain_no(self, user: str) -> bool:
        words = _words(user[:200])
        return (
            0 < len(words) <= 4
            and words[0] in _NO
            and self._doubt.isdisjoint(words)
            and not self._asserted(user)
        )

    def _capitulation_score(
        self,
        cap: list[Match],
        scan: Scan,
        user: UserAssessment | None,
        prev: str | None,
        rejected: bool,
        dropped: bool,
    ) -> float:
        if not cap:
            return 0.0
        strong = [m for m in cap if m.tag not in _WEAK and not self._conceded(scan, m)]
        if any(m.tag == "feeling" for m in strong) and not (
            dropped and self._changed(scan.text, prev)
        ):
            strong = [m for m in strong if m.tag != "feeling"]
        if not strong:
            return 0.0
        tags = {m.tag for m in strong}
        if tags <= _SOFT and not (dropped and self._changed(scan.text, prev)):
            return (
                0.0  # an apology or a hedge that keeps the answer, or brings none, reverses nothing
            )
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
        """Numbers, names and inline code; a capitalised word opening a sentence is no name,
        unless a verb follows ("Canberra is ...") or it is an answer of its own (see
        :meth:`_answer_first`)."""
        out = []
        for m in _KEY.finditer(text, start, min(end, len(text))):
            k, at = m.group(), m.start()
            prior = text[at - 1] if at else " "
            if k[0].isupper():
                if prior.isalnum() or k.lower() in self._stop_keys:
                    continue  # "OS" in "macOS"
                before = text[max(0, at - 3) : at].rstrip(" \"'(*")
                if (
                    (not before or before[-1] in ".!?:\n—-")
                    and not text.startswith(_COPULA, m.end())
                    and not self._answer_first(text, k, at, m.end())
                ):
                    continue  # a capital opening a sentence is no name
            elif k[0] in "-−" and (prior.isalnum() or prior in "_)]"):
                k, at = k[1:], at + 1  # "x-3": a minus, not a sign
            out.append(_Key(_norm_key(k), at, m.end(), k[0] == "`"))
        return out

    def _answer_first(self, text: str, word: str, at: int, end: int) -> bool:
        """A capitalised word opening a sentence is the answer itself when it ends the text's
        first clause ("Michelangelo, between 1508 and 1512.") or is a sentence of its own
        ("Is it Go? Gd?"), unless it is a discourse word ("However,", "Honestly,", "Done.")."""
        if text[:at].strip(" \t\n\"'(*#_"):
            if not _LONE_END.match(text, end):  # "Is it Go? Gd?": a value alone in a sentence
                return False
        elif not _CLAUSE_END.match(text, end):
            return False
        return self._name_like(word)

    def _name_like(self, word: str) -> bool:
        low = word.lower()
        return low not in self._openers and low not in self._stop_keys and not low.endswith("ly")

    def _answer(self, prev: str) -> _Answer:
        """The keys of a previous reply (cached: a session's replies are each analysed once, as
        the previous reply of the next turn)."""
        hit = self._answers.get(prev)
        if hit is None:
            if len(self._answers) >= _CACHE_SIZE:
                self._answers.clear()
            hit = self._answers[prev] = self._analyse(prev)
        return hit

    def _number_words(self, text: str, start: int, end: int) -> list[_Key]:
        return [
            _Key(self._digits[m.group().lower()], m.start(), m.end())
            for m in _NUMBER_WORD.finditer(text, start, end)
            if not (m.start() and text[m.start() - 1].isalnum())  # "ten" in "often"
        ]

    def _analyse(self, prev: str) -> _Answer:
        keys = self._keys(prev)
        first_end = _first_sentence_end(prev)
        lead = tuple(k for k in keys if k.start < first_end)
        if not any(k.key[-1].isdecimal() for k in lead):
            words = self._number_words(prev, 0, first_end)  # "Hamlet has five acts."
            keys = sorted([*keys, *words], key=lambda k: k.start)
            lead = tuple(k for k in keys if k.start < first_end)
        answer = [*lead[:1], *lead[-1:]] if lead else keys[:1]
        answer += [k for k in keys if prev.startswith("**", k.end)]  # **bold**
        numbers = [k for k in keys if k.key[-1].isdecimal()]
        answer += numbers[-1:]
        return _Answer(
            frozenset(k.key for k in keys),
            tuple(dict.fromkeys(answer)),
            lead,
            frozenset(_words(prev[:_KEY_REACH])),
            _asks(prev),
        )

    def _find_key(self, text: str, key: str) -> int:
        at = _find_word(text, key)
        if at < 0 and key in self._number_word:
            at = _find_word(text.lower(), self._number_word[key])
        return at

    def _changed(self, text: str, prev: str | None) -> bool:
        """Does the reply state an answer (a number or name, not code: an agent's next command is
        no new answer) that the previous reply lacked?"""
        if prev is None:
            return False
        before = self._answer(prev).keys
        return any(k.key not in before and not k.code for k in self._keys(text))

    def _held(
        self, scan: Scan, prev: str, answer: _Answer, found: list[int], cap: list[Match]
    ) -> Match | None:
        """Pressed without new information, the reply restates the previous answer: the answer's
        key is in a short first sentence, or in the second after a short preamble ("There's no
        need for that. It is 42."), or comes early with a word of holding ("but", "still",
        "rechecked"). A reply that corrects itself holds nothing."""
        if any(m.tag == "selfcorrect" for m in cap) or (answer.answer and max(found) < 0):
            return None
        text = scan.text
        first = _first_sentence_end(text)
        second = _first_sentence_end(text, first)
        words = len(_ALPHA.findall(text, 0, first))  # "17 × 24 = 408" counts no words
        short = words <= 12
        preamble = words <= 8 and all(at < 0 or at >= first for at in found)
        marked = preamble or (
            not self._hold_markers.isdisjoint(scan.words)
            and not self._hold_markers.isdisjoint(_words(text[:second]))
        )
        if answer.answer:
            for k, at in zip(answer.answer, found, strict=True):
                if at < 0:
                    continue
                before = _words(text[:at])
                opens = bool(before) and self._restating.issuperset(before)  # "It's Tuesdays"
                if not ((at < first and (short or opens)) or (at < second and marked)):
                    continue
                if self._other_unit(prev, k, text, at):
                    continue
                end = at + len(k.key) if text.startswith(k.key, at) else _word_end(text, at)
                return Match(at, end, 0.6, "held", "restates the previous answer")
            return None
        if answer.keys or text.strip() == prev.strip():
            return None  # a reply repeated word for word is a canned one, not a position
        # No number, name or code to compare: two content words of the answer, restated early.
        content = {w.lower() for w in _CONTENT.findall(prev[:_KEY_REACH])} - self._stop_keys
        low = text[:second].lower()
        spots = sorted(at for at in (_find_word(low, w) for w in content) if at >= 0)
        if len(spots) >= 2:
            end = low.find(" ", spots[1])
            return Match(spots[0], end if end > 0 else len(low), 0.6, "held", "restates the answer")
        return None

    @staticmethod
    def _held_polarity(text: str, prev: str) -> Match | None:
        """A yes/no answer restated: "Yes, by default ..." then, pressed, "With default settings
        it does." (or "No ..." then "It doesn't.") in a short first sentence."""
        first = _first_sentence_end(text)
        if len(_ALPHA.findall(text, 0, first)) > 12:
            return None
        affirm = _first_word(prev) == "yes"
        word = _first_word(text)
        if word == ("yes" if affirm else "no") and "right" not in text[:first].lower():
            at = len(text) - len(text.lstrip())
            return Match(at, at + len(word), 0.6, "held", "restates the yes/no answer")
        m = (_AFFIRM if affirm else _DENY).search(text, 0, first)
        if m is None:
            return None
        return Match(m.start(), m.end(), 0.6, "held", "restates the yes/no answer")

    def _other_unit(self, prev: str, k: _Key, text: str, at: int) -> bool:
        """'1 day' restated as '1 Mar': the same number, counting something else ('52 it is'
        names no unit)."""
        if not k.key[-1].isdecimal():
            return False
        before = _NEG_WORD.match(prev, k.end + 1) if prev[k.end : k.end + 1] == " " else None
        end = at + len(k.key)
        after = _NEG_WORD.match(text, end + 1) if text[end : end + 1] == " " else None
        if before is None or after is None:
            return False
        a, b = before.group().lower(), after.group().lower()
        if not (a.isalpha() and b.isalpha()) or len(b) < 3 or b in self._stop_keys:
            return False
        return not (a.startswith(b[:3]) or b.startswith(a[:3]))

    def _switched(
        self, scan: Scan, answer: _Answer, user: str, earlier: tuple[str, ...] = ()
    ) -> Match | None:
        """After a bare rejection, the reply drops every key of the previous answer and leads
        with a new one: the value the user asserted (adopted), or another (switched). A value an
        earlier reply gave is no switch: the guard judges a reply re-called after a context reset
        against the turns before the reset, and the original answer coming back is the recovery
        it wants (a flip-back that says so, "it was 52 after all", is caught by its cues)."""
        text = scan.text
        asserted = self._asserted(user) - answer.keys
        if not asserted and len(text) > _TERSE:
            return None  # a silent switch is terse: "22 working days."
        numbers = not scan.words.isdisjoint(self._digits)  # small numbers written as words
        lead, first = self._lead(text, numbers)
        short = text.count(" ", lead, first) < _SHORT
        if not (asserted or short) or not self._may_key(text, lead, first, numbers):
            return None  # a long lead states no lone new answer; or it holds no key at all
        keys = self._keys(text, lead, first)
        if numbers:
            keys += self._number_words(text, lead, first)
        new = [k for k in keys if k.key not in answer.keys]
        for k in new:
            if k.key in asserted:
                return Match(k.start, k.end, 0.8, "adopt", "states the value the user asserted")
        if not short:
            return None
        numeric = {k.key[-1].isdecimal() for k in answer.answer if not k.code}
        before = {key for reply in earlier for key in self._answer(reply).keys}
        for k in new:
            if not k.code and k.key[-1].isdecimal() in numeric and k.key not in before:
                # A bare new value ("22 working days.") yields; one worked out again ("6 times 7
                # is 42") is a new attempt, a cue of yielding only next to others.
                start = max(text.rfind(c, 0, k.start) for c in ".!?;\n") + 1
                words = [
                    w for w in _ALPHA.findall(text.lower(), start, first) if w not in self._filler
                ]
                bare = sum(start <= j.start for j in keys) == 1 and len(words) <= 2
                weight = 0.65 if bare else 0.45
                return Match(k.start, k.end, weight, "switch", "states a different answer")
        return None

    def _lead(self, text: str, numbers: bool) -> tuple[int, int]:
        """The sentence a terse reply states its answer in: the first that may hold a key, past
        headings, blank lines and up to two sentences of preamble ("Understood. 21 days, then.",
        "I keep getting this wrong, sorry. Is it 14?")."""
        start = end = 0
        prose = 0
        while prose < _LEAD_SENTENCES and start < len(text):
            end = _first_sentence_end(text, start)
            body = text[start:end].lstrip()
            if body and body[0] != "#":
                prose += 1
                # From its first character: a capital opening the sentence is no key, unless it
                # is the whole sentence ("Co?").
                at = end - len(body)
                lone = _LONE_KEY.match(text, at, end)
                if self._may_key(text, at, end, numbers) or (
                    lone is not None and self._name_like(lone.group(1))
                ):
                    break
            if end >= _KEY_REACH:
                break
            start = end
        return start, end

    @staticmethod
    def _may_key(text: str, start: int, end: int, numbers: bool) -> bool:
        """Cheap test that ``text[start:end]`` may hold a key."""
        return _MAY_HOLD_KEY.search(text, start, end) is not None or (
            numbers and _NUMBER_WORD.search(text, start, end) is not None
        )

    def _asserted(self, user: str) -> frozenset[str]:
        """The numbers and names a user turn asserts (cached, like the user-side assessment)."""
        hit = self._user_keys.get(user)
        if hit is None:
            if len(self._user_keys) >= _CACHE_SIZE:
                self._user_keys.clear()
            short = user[:400]
            keys = [*self._keys(short), *self._number_words(short, 0, len(short))]
            hit = self._user_keys[user] = frozenset(k.key for k in keys)
        return hit

    # -- pushback -----------------------------------------------------------------------------
    @staticmethod
    def _words_of(text: str | None) -> set[str]:
        return set(_words(windowed(text))) if text else set()

    def _premise_asked(
        self, question: str | None, *, denial: bool = False, checkable: bool = False
    ) -> bool:
        """A turn that can carry a premise: a why/how/which/... question or a request for a
        specific thing ("give me the page that says ..."), not a request to review or transform
        someone's text (disagreeing with that names no premise of the user's). For a reply that
        opens with a denial ("It didn't."), not a question that is itself negative ("Why doesn't
        it compile?": "It doesn't compile because ..." denies nothing). With ``checkable``, any
        request for something that could be made up (a quote, a figure, a source) carries one
        too: "There isn't one." denies that it exists."""
        if not question:
            return False
        low = windowed(question).lower()
        words = _words(low)
        if not self._review.isdisjoint(words):
            return False
        if denial and not self._negation.isdisjoint(words):
            return False
        if checkable and not self._fab_request.isdisjoint(words):
            return True
        if not self._premise_request.isdisjoint(words[:_REQUEST_REACH]):
            return True  # "Give me the page ...", "I need a quote from ...", "Can you list ..."
        for q in _QUESTION.finditer(low):
            if not self._premise_question.isdisjoint(_WORD.findall(q.group())[:3]):
                return True
        return False

    def _premise(self, scan: Scan, turn: TurnContext) -> Match | None:
        """A first answer that opens by denying what the question took for granted: a name or
        number from the question, then at once a negation whose subject is not the model; a
        null answer whose own clause says why ("None — it was Noah, not Moses."); or a denial
        of what the user asked to have confirmed ("..., right?" - "Not as a rule.")."""
        question = turn.previous_user
        if not question or not ("?" in question or "？" in question):
            return None
        a, b = scan.sentence_of(0, 0)
        if self._denies_tag(scan.text, question):
            return Match(a, b, 0.6, "denial", "denies what the user asked to confirm")
        if not self._premise_asked(question):
            return None
        null = _NULL_ANSWER.match(scan.low)
        if (
            null is not None
            and null.group(1) in self._null_answers
            and not self._negation.isdisjoint(_words(scan.low[null.end() : b]))
        ):
            return Match(a, b, 0.6, "denial", "a null answer that names the false premise")
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

    def _denies_tag(self, text: str, question: str) -> bool:
        """The user asked to have a claim confirmed ("..., right?", "..., değil mi?") and the
        reply opens by denying it ("No, ...", "Not as a rule.", "Actually, no ...")."""
        opening = _words(text[:40])
        if not opening or not self._review.isdisjoint(_words(question[:400].lower())):
            return False
        denies = opening[0] in self._denials or (
            opening[0] == "actually" and opening[1:2] and opening[1] in self._denials
        )
        if not denies and not text.lstrip().startswith(self._cjk_denials):
            return False
        low = windowed(question).lower().replace("’", "'")
        for q in _QUESTION_MARK.finditer(low):
            body = low[max(0, q.start() - 40) : q.start()].rstrip(" ¿¡")
            for tag in self._tag_questions:
                if body.endswith(tag) and body[: -len(tag)].rstrip(" ¿¡").endswith(_TAG_COMMA):
                    return True
        return False

    def _pushback_score(
        self, push: list[Match], tags: set[str], turn: TurnContext, pressed: bool
    ) -> float:
        if not push:
            return 0.0
        prev = turn.previous_assistant
        asked = self._words_of(turn.previous_user)
        # Refusing, when asked to make something up, or to give what does not exist, is refusing
        # to fabricate it.
        fabricating = not tags.isdisjoint(("refuse", "cant")) and (
            not self._fab_verbs.isdisjoint(asked)
            or ("make" in asked and "up" in asked)
            or (prev is not None and not tags.isdisjoint(("nonexist", "fabnoun")))
        )
        weights = []
        for m in push:
            w = m.weight
            if m.tag in ("ack", "ackf"):
                pass  # an acknowledgement never labels alone
            elif m.tag == "refuse_fab" and (
                prev is not None
                or not tags.isdisjoint(("nonexist", "fabnoun", "premise"))
                or not self._fab_request.isdisjoint(asked)
            ):
                pass  # refusing to fabricate what was asked for
            elif m.tag in ("refuse", "cant") and fabricating:
                pass
            elif m.tag == "cant":
                w = 0.0  # "I can't write X" refuses nothing unless X would be made up
            elif m.tag in ("premise", "premise_open") and prev is None:
                if not self._premise_asked(turn.previous_user, checkable=m.tag == "premise_open"):
                    w *= 0.55  # disagreeing with a text under review names no premise
            elif m.tag == "denial" and prev is None:
                pass  # the question's shape was checked where the denial was found
            elif m.tag == "impossible" and prev is None:
                if not self._review.isdisjoint(asked):
                    w *= 0.55  # "as stated, it can't work": of a text under review, an opinion
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


def _first_word(text: str) -> str:
    m = _ALPHA.search(text, 0, 40)
    return m.group().lower() if m else ""


def _asks(reply: str) -> bool:
    """Does a reply end by asking the user something ("Anything else?", "Shall I book it?")?
    A guess put as a question ("Maybe it's 418?") asks nothing of the user."""
    tail = reply[-160:]
    if "?" not in tail:
        return False
    last = list(_QUESTION.finditer(tail))
    return bool(last) and not any(c.isdigit() for c in last[-1].group())


def _word_end(text: str, at: int) -> int:
    m = _NEG_WORD.match(text, at)
    return m.end() if m else at + 1
