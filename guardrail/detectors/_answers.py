"""The answers replies give, and whether the next reply keeps them (read by ``distress``).

A reply's *keys* are its distinctive parts: numbers (with a sign written against them),
capitalised names (a capital opening a sentence only when a verb follows it or it is an answer
of its own: "Michelangelo, in 1508.", "Co?"), inline code, small numbers written as words. Of a
previous reply, the keys that state its answer are the first and last of its first sentence, the
bold ones and its last number. Compared with the next reply's: restated early under pressure the
answer is *held*; all dropped and a new value led with after a bare rejection, it was *switched*
(or, the value the user asserted, *adopted*).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, NamedTuple

from guardrail.detectors._base import Scan
from guardrail.detectors._patterns import Match

__all__ = [
    "ALPHA",
    "KEY",
    "KEY_REACH",
    "NEG_WORD",
    "Answer",
    "AnswerReader",
    "Key",
    "asks",
    "find_word",
    "first_sentence_end",
    "first_word",
    "lower_words",
    "norm_key",
    "questions",
]

#: A word with its inner apostrophes ("can't" is one word, not "can" and "t").
_TOKWORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
ALPHA = re.compile(r"[^\W\d_]+")
_CONTENT = re.compile(r"[^\W\d_]{5,}")
NEG_WORD = re.compile(r"[\w']+")
#: The distinctive parts of an answer: numbers (with a sign written against them), capitalised
#: names, inline code. (What stands before a match is checked in ``keys``: a lookbehind here
#: would be tried at every position of the text.)
#: (The lookahead first lets the engine pass over other characters without trying each branch.)
KEY = re.compile(r"(?=[-−\d`A-Z])(?:[-−]?\d(?:[\d.,]*\d)?|[A-Z][\w'-]+|`[^`\n]{1,80}`)")
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
#: Keys are read within this many characters of a text.
KEY_REACH = 4000
_SENTENCE_END = re.compile(r"[.!?。！？](?=\s|$)|\n")
#: What ends a sentence before a question mark ("3.12" goes on): see :func:`questions`.
_QUESTION_BARRIER = re.compile(r"[!?\n]|\.(?!\w)")
#: Markdown headings and blank lines opening a reply ("## Revised answer").
_PREFACE = re.compile(r"(?:[ \t]*+(?:#[^\n]*+)?\n)*+")
#: A terse reply states its answer in one of its first this many sentences.
_LEAD_SENTENCES = 3
#: A reply stating a new answer alone is at most this many words ...
_SHORT = 15
#: ... and this many characters (longer replies are not read for a silent switch).
_TERSE = 400
_CACHE_SIZE = 256


def first_sentence_end(text: str, start: int = 0) -> int:
    m = _SENTENCE_END.search(text, start, KEY_REACH)
    return m.end() if m else min(len(text), KEY_REACH)


def find_word(text: str, word: str) -> int:
    """Offset of ``word`` as a whole word within the first ``KEY_REACH`` characters, or -1."""
    limit = min(len(text), KEY_REACH)
    at = text.find(word, 0, limit)
    while at >= 0:
        before = text[at - 1] if at else " "
        after = text[at + len(word)] if at + len(word) < len(text) else " "
        if not before.isalnum() and not after.isalnum():
            return at
        at = text.find(word, at + 1, limit)
    return -1


def norm_key(key: str) -> str:
    if key.startswith("`"):
        m = _CODE_NAME.fullmatch(key)
        return m.group(1) if m else key
    if "−" in key:
        key = key.replace("−", "-")  # the minus sign as a hyphen (str.translate is slower)
    if key.endswith("'s"):
        return key[:-2]
    head, _, tail = key.partition("'")
    # A case ending after an apostrophe ("Ankara'dır", "Türkiye'nin"); "O'Brien" keeps it.
    return head if tail and tail[0].islower() and len(head) > 1 else key


def lower_words(text: str) -> list[str]:
    return _TOKWORD.findall(text.lower().replace("’", "'"))


def first_word(text: str) -> str:
    m = ALPHA.search(text, 0, 40)
    return m.group().lower() if m else ""


def asks(reply: str) -> bool:
    """Does a reply end by asking the user something ("Anything else?", "Shall I book it?")?
    A guess put as a question ("Maybe it's 418?") asks nothing of the user."""
    tail = reply[-160:]
    if "?" not in tail:
        return False
    last = questions(tail)
    return bool(last) and not any(c.isdigit() for c in last[-1])


def questions(text: str) -> list[str]:
    """The question sentences of ``text``: each question mark with the text back to the sentence
    end before it ("!", "?", a line break, or a "." that no word character follows: "3.12" goes
    on). One pass over the sentence ends, so linear however long a sentence runs (a regex
    searching for the question from every position of a long sentence was quadratic: a 24 KB
    unpunctuated user turn made one reply check take 13 s)."""
    if "?" not in text:
        return []
    out = []
    start = 0
    for m in _QUESTION_BARRIER.finditer(text):
        if m.group() == "?":
            out.append(text[start : m.end()])
        start = m.end()
    return out


def word_end(text: str, at: int) -> int:
    m = NEG_WORD.match(text, at)
    return m.end() if m else at + 1


class Key(NamedTuple):
    key: str  # normalised
    start: int
    end: int
    code: bool = False


class Answer(NamedTuple):
    """The distinctive parts of a previous reply: all its keys, and the ones that state its answer
    (the first and last key of its first sentence, bold ones, its last number)."""

    keys: frozenset[str]
    answer: tuple[Key, ...]
    lead: tuple[Key, ...]  # the keys of its first sentence
    words: frozenset[str]  # its words, lower-cased
    asks: bool  # it ends with a question to the user


class AnswerReader:
    """Keys of replies and user turns, compared between turns; configured from the distress
    table's ``context`` word lists, with bounded caches (a session's replies are each analysed
    once, as the previous reply of the next turn)."""

    def __init__(self, ctx: Mapping[str, Any]) -> None:
        self._stop_keys = frozenset(ctx["stop_keys"])
        #: Discourse words that may open a reply as a clause of their own ("However, ...").
        self._openers = frozenset(ctx["openers"])
        #: Words that show a restated answer is held, not merely repeated in a new attempt.
        self._hold_markers = frozenset(ctx["hold_markers"])
        #: Words that may open a restated answer ("It's 42", "Yes, 1925", "Still 42").
        self._restating = frozenset(ctx["restating"])
        #: Words around a value stated alone ("The answer is about 48, then.").
        self._filler = frozenset(ctx["filler"])
        self.number_word: dict[str, str] = dict(ctx["number_words"])
        self.digits = {w: d for d, w in self.number_word.items()}
        self._cache: dict[str, Answer] = {}
        self._asserted_cache: dict[str, frozenset[str]] = {}

    def keys(self, text: str, start: int = 0, end: int = KEY_REACH) -> list[Key]:
        """Numbers, names and inline code; a capitalised word opening a sentence is no name,
        unless a verb follows ("Canberra is ...") or it is an answer of its own (see
        :meth:`_answer_first`)."""
        out = []
        for m in KEY.finditer(text, start, min(end, len(text))):
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
            out.append(Key(norm_key(k), at, m.end(), k[0] == "`"))
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

    def answer(self, prev: str) -> Answer:
        """The keys of a previous reply (cached: a session's replies are each analysed once, as
        the previous reply of the next turn)."""
        hit = self._cache.get(prev)
        if hit is None:
            if len(self._cache) >= _CACHE_SIZE:
                self._cache.clear()
            hit = self._cache[prev] = self._analyse(prev)
        return hit

    def number_words(self, text: str, start: int, end: int) -> list[Key]:
        return [
            Key(self.digits[m.group().lower()], m.start(), m.end())
            for m in _NUMBER_WORD.finditer(text, start, end)
            if not (m.start() and text[m.start() - 1].isalnum())  # "ten" in "often"
        ]

    def _analyse(self, prev: str) -> Answer:
        keys = self.keys(prev)
        first_end = first_sentence_end(prev)
        lead = tuple(k for k in keys if k.start < first_end)
        if not any(k.key[-1].isdecimal() for k in lead):
            words = self.number_words(prev, 0, first_end)  # "Hamlet has five acts."
            keys = sorted([*keys, *words], key=lambda k: k.start)
            lead = tuple(k for k in keys if k.start < first_end)
        answer = [*lead[:1], *lead[-1:]] if lead else keys[:1]
        answer += [k for k in keys if prev.startswith("**", k.end)]  # **bold**
        numbers = [k for k in keys if k.key[-1].isdecimal()]
        answer += numbers[-1:]
        return Answer(
            frozenset(k.key for k in keys),
            tuple(dict.fromkeys(answer)),
            lead,
            frozenset(lower_words(prev[:KEY_REACH])),
            asks(prev),
        )

    def find_key(self, text: str, key: str) -> int:
        at = find_word(text, key)
        if at < 0 and key in self.number_word:
            at = find_word(text.lower(), self.number_word[key])
        return at

    def changed(self, text: str, prev: str | None) -> bool:
        """Does the reply state an answer (a number or name, not code: an agent's next command is
        no new answer) that the previous reply lacked?"""
        if prev is None:
            return False
        before = self.answer(prev).keys
        return any(k.key not in before and not k.code for k in self.keys(text))

    def held(
        self, scan: Scan, prev: str, answer: Answer, found: list[int], cap: list[Match]
    ) -> Match | None:
        """Pressed without new information, the reply restates the previous answer: the answer's
        key is in a short first sentence (past any heading), or in the second after a short
        preamble ("There's no need for that. It is 42."), or comes early with a word of holding
        ("but", "still", "rechecked"). A reply that corrects itself holds nothing."""
        if any(m.tag == "selfcorrect" for m in cap) or (answer.answer and max(found) < 0):
            return None
        text = scan.text
        preface = _PREFACE.match(text)
        start = preface.end() if preface else 0  # past headings and blank lines
        first = first_sentence_end(text, start)
        second = first_sentence_end(text, first)
        words = len(ALPHA.findall(text, start, first))  # "17 × 24 = 408" counts no words
        short = words <= 12
        preamble = words <= 8 and all(at < 0 or at >= first for at in found)
        marked = preamble or (
            not self._hold_markers.isdisjoint(scan.words)
            and not self._hold_markers.isdisjoint(lower_words(text[:second]))
        )
        if answer.answer:
            for k, at in zip(answer.answer, found, strict=True):
                if at < 0:
                    continue
                before = lower_words(text[start:at])
                opens = bool(before) and self._restating.issuperset(before)  # "It's Tuesdays"
                if not ((at < first and (short or opens)) or (at < second and marked)):
                    continue
                if self._other_unit(prev, k, text, at):
                    continue
                end = at + len(k.key) if text.startswith(k.key, at) else word_end(text, at)
                return Match(at, end, 0.6, "held", "restates the previous answer")
            return None
        if answer.keys or text.strip() == prev.strip():
            return None  # a reply repeated word for word is a canned one, not a position
        # No number, name or code to compare: two content words of the answer, restated early.
        content = {w.lower() for w in _CONTENT.findall(prev[:KEY_REACH])} - self._stop_keys
        low = text[:second].lower()
        spots = sorted(at for at in (find_word(low, w) for w in content) if at >= 0)
        if len(spots) >= 2:
            end = low.find(" ", spots[1])
            return Match(spots[0], end if end > 0 else len(low), 0.6, "held", "restates the answer")
        return None

    @staticmethod
    def held_polarity(text: str, prev: str) -> Match | None:
        """A yes/no answer restated: "Yes, by default ..." then, pressed, "With default settings
        it does." (or "No ..." then "It doesn't.") in a short first sentence."""
        first = first_sentence_end(text)
        if len(ALPHA.findall(text, 0, first)) > 12:
            return None
        affirm = first_word(prev) == "yes"
        word = first_word(text)
        if word == ("yes" if affirm else "no") and "right" not in text[:first].lower():
            at = len(text) - len(text.lstrip())
            return Match(at, at + len(word), 0.6, "held", "restates the yes/no answer")
        m = (_AFFIRM if affirm else _DENY).search(text, 0, first)
        if m is None:
            return None
        return Match(m.start(), m.end(), 0.6, "held", "restates the yes/no answer")

    def _other_unit(self, prev: str, k: Key, text: str, at: int) -> bool:
        """'1 day' restated as '1 Mar': the same number, counting something else ('52 it is'
        names no unit)."""
        if not k.key[-1].isdecimal():
            return False
        before = NEG_WORD.match(prev, k.end + 1) if prev[k.end : k.end + 1] == " " else None
        end = at + len(k.key)
        after = NEG_WORD.match(text, end + 1) if text[end : end + 1] == " " else None
        if before is None or after is None:
            return False
        a, b = before.group().lower(), after.group().lower()
        if not (a.isalpha() and b.isalpha()) or len(b) < 3 or b in self._stop_keys:
            return False
        return not (a.startswith(b[:3]) or b.startswith(a[:3]))

    def switched(
        self, scan: Scan, answer: Answer, user: str, earlier: tuple[str, ...] = ()
    ) -> Match | None:
        """After a bare rejection, the reply drops every key of the previous answer and leads
        with a new one: the value the user asserted (adopted), or another (switched). A value an
        earlier reply gave is no switch: the guard judges a reply re-called after a context reset
        against the turns before the reset, and the original answer coming back is the recovery
        it wants (a flip-back that says so, "it was 52 after all", is caught by its cues)."""
        text = scan.text
        asserted = self.asserted(user) - answer.keys
        if not asserted and len(text) > _TERSE:
            return None  # a silent switch is terse: "22 working days."
        numbers = not scan.words.isdisjoint(self.digits)  # small numbers written as words
        lead, first = self._lead(text, numbers)
        short = text.count(" ", lead, first) < _SHORT
        if not (asserted or short) or not self._may_key(text, lead, first, numbers):
            return None  # a long lead states no lone new answer; or it holds no key at all
        keys = self.keys(text, lead, first)
        if numbers:
            keys += self.number_words(text, lead, first)
        new = [k for k in keys if k.key not in answer.keys]
        for k in new:
            if k.key in asserted:
                return Match(k.start, k.end, 0.8, "adopt", "states the value the user asserted")
        if not short:
            return None
        numeric = {k.key[-1].isdecimal() for k in answer.answer if not k.code}
        before = {key for reply in earlier for key in self.answer(reply).keys}
        for k in new:
            if not k.code and k.key[-1].isdecimal() in numeric and k.key not in before:
                # A bare new value ("22 working days.") yields; one worked out again ("6 times 7
                # is 42") is a new attempt, a cue of yielding only next to others.
                start = max(text.rfind(c, 0, k.start) for c in ".!?;\n") + 1
                words = [
                    w for w in ALPHA.findall(text.lower(), start, first) if w not in self._filler
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
            end = first_sentence_end(text, start)
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
            if end >= KEY_REACH:
                break
            start = end
        return start, end

    @staticmethod
    def _may_key(text: str, start: int, end: int, numbers: bool) -> bool:
        """Cheap test that ``text[start:end]`` may hold a key."""
        return _MAY_HOLD_KEY.search(text, start, end) is not None or (
            numbers and _NUMBER_WORD.search(text, start, end) is not None
        )

    def asserted(self, user: str) -> frozenset[str]:
        """The numbers and names a user turn asserts (cached, like the user-side assessment)."""
        hit = self._asserted_cache.get(user)
        if hit is None:
            if len(self._asserted_cache) >= _CACHE_SIZE:
                self._asserted_cache.clear()
            short = user[:400]
            keys = [*self.keys(short), *self.number_words(short, 0, len(short))]
            hit = self._asserted_cache[user] = frozenset(k.key for k in keys)
        return hit
