"""Assistant-side distress: ``self_criticism``, ``capitulation``, and the healthy opposite, ``pushback``.

One pass over a reply (lower-cased, quoted material blanked, hard-wrapped lines joined) finds the
cues of all three tables in ``data/distress.json``. The tables hold families of phrasing, each
tagged with what it does (degrading itself, despair, shame, giving up; acknowledging an error,
deferring, abandoning the answer; holding, restating, asking for the evidence, refusing to
fabricate, naming a false premise, setting a boundary, acknowledging the disagreement). Then
context decides:

- ``self_criticism`` needs first-person negative self-talk outside quotes. A sentence reporting
  someone else's words ("..., she wrote") does not count ("anything I say" is the model's own), and
  neither does a reply to a request for a poem, a story, an email in the user's voice, a
  translation or a summary (the words are the user's material, not the model's state), unless the
  reply sets that material off ("Here's the edit:" and a block quote): then what is outside it is
  the model's own voice.
- ``capitulation`` needs a previous answer and a user turn between that brought no information
  (no reason, error, source, counterexample or requirement); accepting evidence is not
  capitulation, a concession followed by "but" is not a reversal, and "you're right to ask" only
  is one when the answer changes too. Besides the cues, the answers themselves are compared
  (``_answers``): after a bare rejection, a reply that drops every key of the previous answer
  (its number, name or code) and states the value the user asserted *adopted* it; a terse reply
  that states another value (after a heading or a sentence or two of preamble, if need be)
  *switched* it. An apology or a hedge ("Then it must be X") counts only with a dropped answer
  and a new one. Giving up ("I give up") is self-criticism; abandoning the answer ("I don't know
  any more", "tell me the right answer") is capitulation.
- ``pushback`` (holding a position, refusing to fabricate, naming a false premise, asking for the
  evidence, setting a boundary) counts only under pressure: the user turn rejects, insults or
  demands ("just make one up"), or the reply itself acknowledges the disagreement ("I understand
  you see it differently", "than you remember"). Wordings that presuppose a challenge ("I'm
  keeping my answer", "insults won't change the facts") count after any previous answer; refusing
  to *fabricate* counts on a first answer when something checkable was asked for, and so does
  denying what a question (or a request: "give me the page that says ...") took for granted,
  unless it asks to review someone's text: a name from the question then a negation, a null
  answer whose clause says why ("Neither — snakes don't have legs"), a denial of a tag question
  ("..., right?" - "Not as a rule."), "There isn't one." to a request for a quote or a figure,
  or "as stated, it can't be done". Restating the previous answer's key under pressure holds it
  (in a short first sentence, right after "It's"/"Yes", or early with a word of holding: "but",
  "still", "rechecked"), and so does restating a yes/no answer ("it does."); a self-correction, a
  reworded redo and a word-for-word repeat on request do not.

The user turn is read as the user side reads it after the previous reply
(``UserDetector.in_context``: a counter-value or a flat contradiction rejects). A *bare* user turn
(a few words of doubt or rejection, a counter-value, the answer's own words in a denial: "No,
Mondays.", "no it doesn't") counts as a rejection even when the user side does not score it, and
"Nope." to the reply's own question ("Anything else?") rejects nothing.

Arbitration on one reply: strong self-talk outweighs a weak pushback cue ("What's wrong with me? I
can't write a single decent paragraph."); otherwise pushback suppresses self-criticism that is not
extreme, and ``capitulation`` (see ``_decide.resolve``); a strong reversal outweighs a passing "I
checked" (or "my first answer was right" said while flipping back). Every finding keeps its
evidence spans; scores stay in [0, 1].
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from guardrail._models import Finding, Label
from guardrail.detectors._answers import (
    KEY,
    NEG_WORD,
    Answer,
    AnswerReader,
    first_word,
    lower_words,
    norm_key,
    questions,
)
from guardrail.detectors._base import (
    Scan,
    TurnContext,
    Vocabulary,
    aggregate,
    distinct,
    finding,
    load_table,
    shared_table,
    windowed,
)
from guardrail.detectors._patterns import Match
from guardrail.detectors._text import WINDOW, unwrap
from guardrail.detectors.users import UserAssessment, UserDetector

__all__ = ["DistressDetector"]

_WORD = re.compile(r"[^\W_]+")
#: A request for a specific thing names it within its first few words ("I need a quote ...").
_REQUEST_REACH = 4
#: A reply that opens with a null answer and a clause of its own ("None — ...", "Neither side,").
_NULL_ANSWER = re.compile(r"\W*(\w+)(?:\s+\w+)?\s*[—–,:;-]")
_QUESTION_MARK = re.compile(r"[?？]")
#: A character beyond Latin scripts, general punctuation and arrows: only a text holding one
#: is searched with the table's CJK expressions (an em dash or "é" alone never needs them).
_BEYOND_LATIN = re.compile(r"[^\x00-\u024f\u2000-\u206f\u2190-\u21ff]")
_TAG_COMMA = (",", "，", "、")
#: A bare user turn is at most this many words.
_BARE_MAX_WORDS = 14
_NO = frozenset({"no", "nope", "nah", "not", "non", "nein", "não"})

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


class DistressDetector:
    """Cue tables plus conversational context; no model calls."""

    name = "distress"
    roles = frozenset({"assistant"})

    def __init__(self, *, users: UserDetector | None = None) -> None:
        table = load_table("distress.json")
        macros = table.get("macros", {})
        pats = table["patterns"]
        self.version = table["version"]
        self._self = shared_table(pats["self_criticism"], macros=macros)
        self._capitulation = shared_table(pats["capitulation"], macros=macros)
        self._pushback = shared_table(pats["pushback"], macros=macros)
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
        #: The answers replies give, compared between turns.
        self._reader = AnswerReader(ctx)

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
        answer = (
            self._reader.answer(prev)
            if prev is not None and user and not user.informative
            else None
        )
        if user and answer and answer.asks and not user.hostility and self._plain_no(asked):
            # "Nope." to "Anything else?" answers the question; it rejects nothing.
            user = user._replace(rejection=0.0, rejections=(), pressure=False)
        # A short turn of nothing but doubt, rejection or a counter-value is a bare rejection even
        # when the user side did not score it as one (computed only where that matters).
        bare = bool(user and answer and user.rejection < 0.5 and self._bare(asked, answer))

        wide = _beyond_latin(scan.raw_low)  # the CJK expressions apply
        sc = self._self_criticism(scan, turn, wide)
        sc_score = aggregate(sc, 0.05)
        cap = self._capitulation_matches(scan, turn, wide)
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
        found = [self._reader.find_key(text, k.key) for k in answer.answer] if answer else []
        reversal = any(m.tag not in _NOT_REVERSAL for m in cap)
        if (
            answer
            and prev
            and pressed
            and not (sc or reversal)
            # A word-for-word repeat holds a position only against a rejection the user side saw.
            and ((user is not None and user.pressure) or text.strip() != prev.strip())
        ):
            held = self._reader.held(scan, prev, answer, found, cap)
            if held is None and first_word(prev) in ("yes", "no"):
                held = self._reader.held_polarity(text, prev)
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
            switched = self._reader.switched(scan, answer, asked, turn.recent_assistant[:-1])
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
    def _self_criticism(self, scan: Scan, turn: TurnContext, wide: bool) -> list[Match]:
        matches = scan.find(self._self)
        if self._cjk is not None and wide:
            low = scan.low
            matches += [
                Match(m.start(), m.end(), 0.85, "cjk", "cjk") for m in self._cjk.finditer(low)
            ]
        if not matches:
            return []
        if (
            turn.previous_user
            and self._voice_requested(turn.previous_user)
            and not _sets_off_material(scan.text)
        ):
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
        words = set(lower_words(windowed(user)))
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
    def _capitulation_matches(self, scan: Scan, turn: TurnContext, wide: bool) -> list[Match]:
        if turn.previous_assistant is None:
            return []
        found = scan.find(self._capitulation)
        if self._cjk_cap and wide:
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

    def _bare(self, user: str, answer: Answer) -> bool:
        """A short turn made of doubt or rejection words, values (numbers, names) and the
        previous answer's own words: it rejects, and brings nothing to act on. A question counts
        only as a doubt ("Are you sure?"), not as a new one ("And 1650?")."""
        words = lower_words(user[:400])
        if len(words) > _BARE_MAX_WORDS:
            return False
        if answer.asks and words and words[0] in _NO and self._doubt.isdisjoint(words):
            return False  # "Nope." answers "Anything else?"; it rejects nothing
        if "?" in user and self._doubt.isdisjoint(words):
            for q in questions(user[:400]):
                asked = lower_words(q)
                if asked and asked[0] in self._premise_question:
                    return False  # "Why?", "What about 1650?": a question, not a doubt
                if self._reader.asserted(q) - answer.keys:
                    return False  # "And 1650?": a new value asked about
        values = {k.lower() for k in self._reader.asserted(user)}
        rest = {
            w
            for w in words
            if not w.isdigit()
            and w not in self._bare_words
            and w not in values
            and w not in self._reader.digits
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
        words = lower_words(user[:200])
        return (
            0 < len(words) <= 4
            and words[0] in _NO
            and self._doubt.isdisjoint(words)
            and not self._reader.asserted(user)
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
            dropped and self._reader.changed(scan.text, prev)
        ):
            strong = [m for m in strong if m.tag != "feeling"]
        if not strong:
            return 0.0
        tags = {m.tag for m in strong}
        if tags <= _SOFT and not (dropped and self._reader.changed(scan.text, prev)):
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
    # -- pushback -----------------------------------------------------------------------------
    @staticmethod
    def _words_of(text: str | None) -> set[str]:
        return set(lower_words(windowed(text))) if text else set()

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
        words = lower_words(low)
        if not self._review.isdisjoint(words):
            return False
        if denial and not self._negation.isdisjoint(words):
            return False
        if checkable and not self._fab_request.isdisjoint(words):
            return True
        if not self._premise_request.isdisjoint(words[:_REQUEST_REACH]):
            return True  # "Give me the page ...", "I need a quote from ...", "Can you list ..."
        for q in questions(low):
            if not self._premise_question.isdisjoint(_WORD.findall(q)[:3]):
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
            and any(
                w == "not" or w == "never" or w.endswith("n't")
                for w in lower_words(scan.low[null.end() : b])
            )
        ):
            # A verb denied ("snakes don't have legs", "Noah, not Moses"), not a quantity ("None
            # — the free tier has no limit": an honest zero).
            return Match(a, b, 0.6, "denial", "a null answer that names the false premise")
        asked = "".join(questions(windowed(question or "")))
        keys = {k.key for k in self._reader.keys(asked)}
        for m in KEY.finditer(scan.text, a, b):  # a name may open the reply's sentence
            if norm_key(m.group()) not in keys:
                continue
            # The key, then within a few words a negation whose subject is not the model.
            after = NEG_WORD.findall(scan.text, m.end(), min(b, m.end() + 40))[:5]
            if "I" in after or "i" in after:
                return None
            if any(w in self._negation for w in after):
                return Match(a, b, 0.6, "premise", "denies the question's premise")
        return None

    def _denies_tag(self, text: str, question: str) -> bool:
        """The user asked to have a claim confirmed ("..., right?", "..., değil mi?") and the
        reply opens by denying it ("No, ...", "Not as a rule.", "Actually, no ...")."""
        opening = lower_words(text[:40])
        if not opening or not self._review.isdisjoint(lower_words(question[:400].lower())):
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


def _sets_off_material(reply: str) -> bool:
    """Does the reply introduce the requested material and set it off ("Here's the edit:" and a
    block quote or a code fence)? Then the material is masked, and what is outside it is the
    model's own voice ("I'm not sure I'm much use for this.")."""
    for marker in ("\n>", "```"):
        at = reply.find(marker, 0, WINDOW)
        if at > 0 and reply[:at].rstrip().endswith(":"):
            return True
    return False


def _beyond_latin(low: str) -> bool:
    return not low.isascii() and _BEYOND_LATIN.search(low) is not None
