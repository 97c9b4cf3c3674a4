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

Tags change how a match counts, too (``rules`` in the table): a *sigh* ("Ugh.") or puzzlement
("That makes no sense.") before a demand ("Just give me a number.") or a question asks for
something, it is no verdict on the answer; a *weak* hostility cue (a sarcastic "..., genius.")
needs a second cue; counter-claims ("No, he was at work.") answer a reply that closed by asking
the user something ("Was your landlord there?"). Words inside an insult or a threat carry no
information ("I'll report you" names no report).

Some cues are not phrases: a thumbs-down or an eye-roll emoji; short rejections and insults in
Chinese and Japanese, which have no spaces to make tokens (a small regular expression over a
bounded prefix); and two that need the previous answer, so are judged in
:meth:`UserDetector.__call__`, not in :meth:`UserDetector.assess`: a flat contradiction ("It is
prime.", "They obviously do.") of something the answer denied ("1 isn't a prime", "No. ..."),
and a *counter-value*, a short turn that only names another value ("It was Raphael.",
"Vegetable. Obviously.", "Julius Caesar, you illiterate bucket of bolts.").

Every finding keeps the matched spans as its evidence (emoji, phrases and values included).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import NamedTuple

from guardrail._models import Finding, Label
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
from guardrail.exceptions import ConfigError

__all__ = ["UserAssessment", "UserDetector"]

#: Character-level signs of information: code, pasted output, links, worked arithmetic. An
#: equals sign counts in code or arithmetic (``x = 5``, ``a == b``, ``n_rows = len(df)``), not
#: between two plain words ("heavier = faster" restates a claim). Each sign is keyed by characters
#: it cannot occur without: a cheap ``in`` test decides whether its expression runs at all
#: (``None``: the character alone is the sign).
_INFO_SIGNS: tuple[tuple[str, re.Pattern[str] | None], ...] = (
    ("`", None),
    ("{", None),
    ("}", None),
    ("<", None),
    (">", None),
    ("://", re.compile(r"https?://")),
    ("/", re.compile(r"\w\.\w{2,4}/|\d\s/\s\d")),
    ("(", re.compile(r"\w\(")),
    ("[", re.compile(r"\w\[")),
    ("=", re.compile(r"[=!<>]=|=>|=\s?[-\d\"'(\[{]|\d\s?=\s?\d")),
    ("-", re.compile(r"\d\s-\s\d")),
    ("+", re.compile(r"\d\s?[+*×÷^]\s?\d")),
    ("*", re.compile(r"\d\s?[+*×÷^]\s?\d")),
    ("×", re.compile(r"\d\s?[+*×÷^]\s?\d")),
    ("÷", re.compile(r"\d\s?[+*×÷^]\s?\d")),
    ("^", re.compile(r"\d\s?[+*×÷^]\s?\d")),
)
#: An assignment to a code-like name (``n_rows = ...``, ``df.size = ...``, ``x1 = ...``): the
#: name before an equals sign, read from a short look-back.
_ASSIGNED = re.compile(r"[\w.]*[\d_.][\w.]*\s?$")
_EQUALS_READ = 8  # equals signs examined per turn
#: Quoted material: in double quotes, or in single quotes opened after a non-word character.
_DOUBLE_QUOTE = re.compile(r"""["][^"\n]{3,300}["]|“[^“”\n]{3,300}”""")
_SINGLE_QUOTE = re.compile(r"'[^'\n]{6,300}'(?!\w)")
#: A named exception or an "error:" line: pasted evidence.
_EXCEPTION = re.compile(r"[a-z](?:Error|Exception)\b|\b[Ee]rror\s*:")
#: A number, a date ("1990-10-03"), a time or a fraction ("3/4") is one value.
_NUMBER = re.compile(r"\d(?:[\d.,:/-]*\d)?")
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
    r"(?:(?:obviously|clearly|really|actually|definitely|certainly|totally|absolutely|sure|so)\s+)?"
    r"(is|was|does|do|did|are|were|has|have|can|will|exists?)"
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
#: The previous answer opens with a bare "No" (it denied what the user asked).
_OPENS_NO = re.compile(r"\W*(?:no|nope|not really|not as a rule)\s*[.,!;:—–-]", re.IGNORECASE)
#: Counter-values: a short turn (at most this many characters, a value of at most this many
#: words), read by sentences.
_VALUE_CHARS = 140
_VALUE_WORDS = 3
_VALUE_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_SENTENCE_END = re.compile(r"[.!?;。！？\n]+|[,，:—–]\s")
_OPENERS = " \t\"'“‘«¿¡(*_-"
_OPENING = 200
_ASKED_TAIL = 200
_YOU = re.compile(r"\b(?:you|your|you're|you've)\b", re.IGNORECASE)
#: Scripts without spaces: a rejection is read in short turns only, an insult in the opening.
_CJK_CHAR = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff5e]")
_CJK_REJECT_REACH = 24
_CJK_HOSTILITY_REACH = 400
_PREDICATE_REACH = 60  # the denied word follows the denial within this many characters


class UserAssessment(NamedTuple):
    """What one user turn does: how strongly it rejects, whether it brings information, and
    whether it presses the model (a rejection, hostility, or a demand to just do it anyway)."""

    rejection: float
    informative: bool
    rejections: tuple[Match, ...]
    hostility: tuple[Match, ...]
    pressure: bool
    demand: bool = False  # it demands an answer anyway ("just give me a number")


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
        self._rejection = shared_table(table["rejection"], macros=macros)
        self._information = shared_table(table["information"], macros=macros)
        self._vague = shared_table(table.get("vague", []), macros=macros)
        self._hostility = shared_table(table["hostility"], macros=macros)
        self._guard = shared_table(table.get("guard", []), macros=macros)
        self._rejection_guard = shared_table(table.get("rejection_guard", []), macros=macros)
        self._non_rejection = shared_table(table["non_rejection"], macros=macros)
        self._pressure = shared_table(table["pressure"], macros=macros)
        self._offer = shared_table(table.get("offer", []), macros=macros)
        self._checkin = shared_table(table.get("checkin", []), macros=macros)
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
        self._not_after_question = frozenset(rules.get("not_after_question_tags", ()))
        self._request_cancels = frozenset(rules.get("request_cancels_tags", ()))
        self._weak_hostility = frozenset(rules.get("weak_hostility_tags", ()))
        cjk = table.get("cjk", {})
        self._cjk_reject = _regex(cjk.get("reject", ()))
        self._cjk_hostility = _regex(cjk.get("hostility", ()))
        counter = table.get("counter_value", {})
        self._markers = frozenset(counter.get("markers", ()))
        self._skipped = self._markers | frozenset(counter.get("fillers", ()))
        self._subjects = frozenset(counter.get("subjects", ()))
        self._copulas = frozenset(counter.get("copulas", ()))
        self._past = frozenset(counter.get("past_copulas", ()))
        self._value_links = frozenset(counter.get("links", ()))
        self._not_values = frozenset(counter.get("not_values", ()))
        emoji = table.get("emoji", {})
        self._emoji_reject = _emoji_rx(emoji.get("reject", ()))
        self._emoji_alone = _emoji_rx(emoji.get("alone", ()))
        self._cache: dict[str, UserAssessment] = {}
        self._context_cache: dict[tuple[str, str], tuple[Match, ...]] = {}

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
        if len(text) <= _CJK_REJECT_REACH:
            found.extend(self._cjk(text, self._cjk_reject, _CJK_REJECT_REACH, "cjk_reject"))
        if found and all(m.tag in self._closable for m in found) and scan.find(self._non_rejection):
            found = []  # "Nope, all good now." / "No, that's everything - thanks!"
        hostility = tuple(self._hostile(scan, text))
        pressed = bool(scan.find(self._pressure))
        if (
            found
            and (pressed or "?" in text)
            and all(m.tag in self._request_cancels for m in found)
        ):
            found = []  # "Ugh. Just give me a number.": a demand, not a verdict on the answer
        rejections = tuple(distinct(found))
        informative = self._informative(windowed(text), hostility)
        pressure = bool(rejections or hostility or pressed)
        result = UserAssessment(
            _best(rejections), informative, rejections, hostility, pressure, pressed
        )
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

    def _asked_user(self, reply: str) -> bool:
        """Did the reply close with a question put to the user ("Was your landlord there?"),
        not a guessed answer ("NaCl₂?") nor a check-in ("Does that help?")?"""
        question = _last_question(reply)
        if not question or not _YOU.search(question):
            return False
        return not Scan(question, mask=False).find(self._checkin)

    def _offered(self, reply: str | None) -> bool:
        """Did the reply close by offering more ("Anything else?", "Want me to apply it?")?"""
        question = _last_question(reply)
        return bool(question) and bool(Scan(question, mask=False).find(self._offer))

    def _hostile(self, scan: Scan, text: str) -> list[Match]:
        found = scan.find(self._hostility)
        if found:
            found = _unguarded(found, scan.find(self._guard))
        found.extend(self._cjk(text, self._cjk_hostility, _CJK_HOSTILITY_REACH, "cjk_insult"))
        if found and all(m.tag in self._weak_hostility for m in found):
            return []  # a lone sarcastic "genius" mocks; it takes a second cue to be hostility
        return distinct(found)

    @staticmethod
    def _cjk(text: str, rx: re.Pattern[str] | None, reach: int, tag: str) -> list[Match]:
        """Phrases of scripts written without spaces (Chinese, Japanese), where words are no
        tokens: a regular expression over the turn's opening ``reach`` characters."""
        if rx is None or text.isascii():
            return []
        head = text[:reach]
        if not _CJK_CHAR.search(head):
            return []
        return [Match(m.start(), m.end(), 0.8, tag, "phrase") for m in rx.finditer(head)][:8]

    def _informative(self, text: str, hostility: Iterable[Match] = ()) -> bool:
        if _info_chars(text) or _quoted(text) or _assignment(text):
            return True
        if ("rror" in text or "Exception" in text) and _EXCEPTION.search(text):
            return True
        plain = Scan(text, mask=False, vocab=self._plain_vocab)
        if len(plain.words) > _LONG_WORDS or len(set(_NUMBER.findall(text))) >= 2:
            return True
        info = plain.find(self._information)
        if not info:
            return False
        # Words inside an insult or a threat inform nothing ("I'll report you").
        void = [*plain.find(self._vague), *hostility]
        return any(not any(_overlaps(m, v) for v in void) for m in info)

    def __call__(self, turn: TurnContext) -> Iterable[Finding]:
        text = turn.text
        a = self.assess(text)
        if a.hostility:
            yield finding(Label.HOSTILITY, text, list(a.hostility), aggregate(list(a.hostility)))
        matches = self._rejections(text, turn.previous_assistant, a)
        if matches:
            yield finding(Label.UNEXPLAINED_REJECTION, text, matches, aggregate(matches))

    def in_context(self, text: str, previous: str | None) -> UserAssessment:
        """:meth:`assess`, read as the answer to ``previous``: what :meth:`__call__` labels a
        rejection (a flat contradiction or a counter-value too, not an answer to the reply's own
        question) is the rejection."""
        a = self.assess(text)
        matches = self._rejections(text, previous, a)
        if tuple(matches) == a.rejections:
            return a
        return a._replace(
            rejection=_best(matches),
            rejections=tuple(matches),
            pressure=bool(matches or a.hostility or a.demand),
        )

    def _rejections(self, text: str, previous: str | None, a: UserAssessment) -> list[Match]:
        """The rejections of a user turn after ``previous`` (cached: the distress detector
        reads the turn again as the context of the reply to it)."""
        if previous is None or a.informative:
            return []
        key = (text, previous)
        hit = self._context_cache.get(key)
        if hit is None:
            if len(self._context_cache) >= _CACHE_SIZE:
                self._context_cache.clear()
            hit = self._context_cache[key] = tuple(self._read_rejections(text, previous, a))
        return list(hit)

    def _read_rejections(self, text: str, previous: str, a: UserAssessment) -> list[Match]:
        matches = list(a.rejections)
        if matches and self._not_after_question and self._asked_user(previous):
            # "Did he give you notice?" - "No, he just walked in.": an answer, not a rejection.
            matches = [m for m in matches if m.tag not in self._not_after_question]
            if not matches:
                return []
        if not matches:
            flat = _contradicts(text, previous) or self._counter_value(text, previous, a)
            return [] if flat is None else [flat]
        if all(m.tag in self._answers for m in matches) and self._offered(previous):
            return []  # "Anything else?" - "No."
        return matches

    def _counter_value(self, text: str, previous: str, a: UserAssessment) -> Match | None:
        """A short turn that only names another value: "It was Raphael.", "Vegetable.
        Obviously.", "Julius Caesar, you illiterate bucket of bolts." Each sentence is either
        support (markers such as 'obviously', an insult) or a value: a name or number, after
        'it was' / 'è' or alone. A lone word or name needs support; a past copula does not, nor
        a lone number against an answer that opened with one. The value must not be the
        answer's own opening claim, and a reply that asked the user something is answered, not
        contradicted."""
        if len(text) > _VALUE_CHARS or _asks(previous):
            return None
        spans = [(m.start, m.end) for m in a.hostility]
        support = bool(spans)
        found: tuple[int, int] | None = None
        strong = False
        values: list[str] = []
        for start, end, stop in _sentences(text):
            every = list(_VALUE_WORD.finditer(text, start, end))
            words = [
                w for w in every if not any(w.start() < hi and lo < w.end() for lo, hi in spans)
            ]
            insulting = len(words) < len(every)  # part of the sentence is an insult
            low = [w.group().lower() for w in words]
            if not self._markers.isdisjoint(low):
                support = True
            rest = [w for w, lw in zip(words, low, strict=True) if lw not in self._skipped]
            if not rest:
                continue
            if stop in ("?", "？"):
                if insulting:
                    continue  # a put-down question ("Did they train you on memes?")
                return None  # a question of its own
            value = self._value(rest, text, start)
            if value is not None and insulting and value[2]:
                continue  # "I've met smarter toasters": the word left over is no value
            if value is None or found is not None:
                return None
            strong, values, _ = value
            found = (rest[0].start(), rest[-1].end())
        if found is None:
            return None
        opening = _opening(previous).lower()
        if not (support or strong or (_numeric(values) and _NUMBER.search(opening))):
            return None  # a lone number counters only an answer that gave one
        if all(re.search(rf"(?<!\w){re.escape(v.lower())}(?!\w)", opening) for v in values):
            return None  # it repeats the answer's own claim
        return Match(found[0], found[1], 0.6, "value", "names another value")

    def _value(
        self, words: list[re.Match[str]], text: str, start: int
    ) -> tuple[bool, list[str], bool] | None:
        """(strong, value words, lone) when ``words`` name a value, else None. A value after a
        past copula ("It was Raphael.") or a number after any ("It's 12.") is strong: it needs
        no support; "It's a Mac." may be a clarification, and a lone "Sydney." a new question.
        ``lone``: a single word opening its sentence, whose capital letter proves nothing."""
        low = [w.group().lower() for w in words]
        copula = ""
        i = 0
        if len(low) >= 2 and low[0] in self._subjects and low[1] in self._copulas:
            copula, i = low[1], 2
        elif len(low) >= 2 and low[0] in self._copulas:
            copula, i = low[0], 1  # "È Sydney.", "Fue en 1500.", "It's 12."
        while i < len(low) - 1 and low[i] in self._value_links:
            i += 1
        value = words[i:]
        if not value or len(value) > _VALUE_WORDS:
            return None
        tokens = [w.group() for w in value]
        if any(t.lower() in self._not_values for t in tokens):
            return None
        lone = False
        for w, token in zip(value, tokens, strict=True):
            if token[0].isdigit():
                continue
            at_start = not text[start : w.start()].strip(_OPENERS)
            lone = at_start and len(value) == 1 and not copula
            if not (token[0].isupper() or (lone and token[0].islower())):
                return None  # a name is capitalised; a lone word needs a cased script
        return bool(copula) and (copula in self._past or _numeric(tokens)), tokens, lone


def _contradicts(text: str, previous: str) -> Match | None:
    """A bare "It is prime." against a previous answer that said "1 isn't a prime"."""
    m = _FLAT.match(text)
    if m is None:
        return None
    verb, word = m.group(1).lower(), (m.group(2) or "").lower()
    if verb == "do":
        verb = "does"
    answer = previous[:_ANSWER_REACH]
    if _OPENS_NO.match(answer) and not word:
        # "Do heavier things fall faster?" - "No. ..." - "They obviously do."
        return _flat_match(text, m)
    for denial in _DENIAL_RX[verb].finditer(answer):
        after = answer[denial.end() : denial.end() + _PREDICATE_REACH].lower()
        if not word or re.search(rf"(?<!\w){re.escape(word)}", after):
            return _flat_match(text, m)
    return None


def _numeric(tokens: list[str]) -> bool:
    return all(t[0].isdigit() for t in tokens)


def _flat_match(text: str, m: re.Match[str]) -> Match:
    start = m.start()
    while not text[start].isalnum():
        start += 1
    end = m.end(2) if m.group(2) else m.end(1)
    return Match(start, end, 0.6, "flat", "contradicts what the answer denied")


def _info_chars(text: str) -> bool:
    """Code, pasted output, a link or worked arithmetic (see ``_INFO_SIGNS``); two line breaks
    (a pasted block)."""
    if text.count("\n") >= 2:
        return True
    return any(key in text and (rx is None or rx.search(text)) for key, rx in _INFO_SIGNS)


def _quoted(text: str) -> bool:
    """Quoted material: ``"..."``, ``“...”``, or ``'...'`` opened after a non-word character
    (an apostrophe inside a word opens nothing); each opening is matched once, from its place."""
    if ('"' in text or "“" in text) and _DOUBLE_QUOTE.search(text):
        return True
    at = text.find("'")
    while at >= 0:
        before = text[at - 1] if at else " "
        if not (before.isalnum() or before == "_") and _SINGLE_QUOTE.match(text, at):
            return True
        at = text.find("'", at + 1)
    return False


def _assignment(text: str) -> bool:
    """An equals sign after a code-like name ("n_rows = ...", "x1 = ...")."""
    at = text.find("=")
    for _ in range(_EQUALS_READ):
        if at < 0:
            return False
        if _ASSIGNED.search(text, max(0, at - 30), at):
            return True
        at = text.find("=", at + 1)
    return False


def _asks(reply: str) -> bool:
    """Did the reply end by asking the user something (a question among its last sentences)?"""
    tail = reply[-_ASKED_TAIL:]
    return "?" in tail or "？" in tail


def _opening(reply: str) -> str:
    """The reply's first sentence, where its claim is."""
    head = reply[:_OPENING]
    cut = _SENTENCE_END.search(head, 1)
    return head[: cut.start()] if cut else head


def _sentences(text: str) -> Iterable[tuple[int, int, str]]:
    """(start, end, the character that ends it) for each sentence of a short text."""
    start = 0
    for m in _SENTENCE_END.finditer(text):
        yield start, m.start(), m.group()[0]
        start = m.end()
    if start < len(text):
        yield start, len(text), ""


def _regex(parts: Iterable[str]) -> re.Pattern[str] | None:
    items = [p for p in parts if p]
    return re.compile("|".join(f"(?:{p})" for p in items)) if items else None


def _unguarded(found: list[Match], guards: list[Match]) -> list[Match]:
    """``found`` without the matches a guard vetoes."""
    if not guards:
        return found
    return [m for m in found if not any(_vetoes(g, m) for g in guards)]


def _vetoes(guard: Match, m: Match) -> bool:
    if not _overlaps(guard, m):
        return False
    return guard.tag == "*" or m.tag in guard.tag.split(",")
