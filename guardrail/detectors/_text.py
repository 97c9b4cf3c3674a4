"""Text machinery shared by the detectors, all linear in the input.

:class:`Scan` lower-cases a message (keeping character offsets), takes its word tokens, and on
demand blanks quoted material (quotation marks, block quotes, code fences) and normalises it (same
length, every character between tokens a space) for the phrase tables of ``_tables``. Scans are
done with ``str`` methods (``translate``, ``split``, ``find``), not character by character.
"""

from __future__ import annotations

import bisect
import itertools
import re

from guardrail.detectors._chars import ascii_table, swap
from guardrail.detectors._patterns import BOUNDARY_CHARS, Match
from guardrail.detectors._tables import Normalized, TokenPatterns, Vocabulary, spaced

__all__ = [
    "WINDOW",
    "Scan",
    "lower_same_length",
    "mask_quotes",
    "normalize",
    "unwrap",
    "windowed",
]


_APOSTROPHES = "’‘ʼ`"
#: Quoted material. Each alternative stops at the next quote character of its kind, so the scan
#: stays linear however many unmatched quotes the text holds.
_QUOTED = re.compile(
    r'"[^"\n]{1,600}"'
    r"|“[^“”\n]{1,600}”"
    r"|«[^«»\n]{1,600}»"
    r"|„[^„“”\n]{1,600}[“”]"
    r"|「[^「」]{1,600}」"
    r"|『[^『』]{1,600}』"
    r"|(?<![^\W_])'[^'\n]{2,400}'(?![^\W_])"
)
_BLOCKQUOTE = re.compile(r"^[ \t]{0,3}>[^\n]*", re.MULTILINE)
#: A token: a word (letters and digits, inner apostrophes) or a sentence boundary.
_TOKEN = re.compile(r"[^\W_]+(?:'[^\W_]+)*|[.!?;。！？\n]")
#: ASCII normalisation: letters, digits, apostrophes and boundaries stay, the rest is a space.
#: An apostrophe that does not join two word characters is no part of a token.
_STRAY_APOSTROPHE = re.compile(r"'(?<!\w')|'(?!\w)")
_ASCII_NORM = bytes(c if chr(c).isalnum() or chr(c) in "'.!?;\n" else ord(" ") for c in range(256))
#: Normalisation of other text: what is neither a word character, a space, an apostrophe nor a
#: boundary becomes a space (so does ``_``, which ``_TOKEN`` does not count as a letter).
_NON_TOKEN = re.compile(r"[^\w '.!?;。！？\n]|_")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_WIDE_BOUNDARIES = "。！？"
BOUNDARIES = frozenset(BOUNDARY_CHARS)
_ENDERS = ".!?\n。！？"
_ASCII_TO_END = ascii_table(_ENDERS, "\n")
_SENTENCE_REACH = 400  # a "sentence" never extends further than this from a match


#: Phrase matching reads at most this many characters of a message (offsets unchanged), so its
#: cost per message is bounded; loop detection reads the whole message.
WINDOW = 24_000


def windowed(text: str) -> str:
    """The part of ``text`` that phrase matching reads."""
    return text[:WINDOW]


#: A line break inside a sentence (hard-wrapped prose): after a word or a comma, before a word on
#: the next line (lower-case unless the line ended with a comma). A list item, a heading, a blank
#: line or a line ending in punctuation keeps its break.
_WRAP = re.compile(r"([^\W_]|,)[ \t]*+\n(?=[ \t]*+([^\W\d_]))")


def unwrap(text: str) -> str:
    """``text`` with the line breaks of hard-wrapped sentences turned into spaces (same length),
    so a sentence wrapped over two lines reads as one."""
    if "\n" not in text:
        return text
    out: list[str] = []
    at = 0
    for m in _WRAP.finditer(text):
        if m.group(1) == "," or m.group(2).islower():
            out += (text[at : m.end() - 1], " ")
            at = m.end()
    if not out:
        return text
    out.append(text[at:])
    return "".join(out)


def lower_same_length(text: str) -> str:
    """``text.lower()`` with apostrophes unified, guaranteed to keep every character offset."""
    low = text.lower()
    if low.isascii():  # the common case: ASCII lower-casing keeps the length
        return low.replace("`", "'") if "`" in low else low
    if len(low) != len(text):  # rare: characters whose lower case is longer (e.g. 'İ')
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    return swap(low, _APOSTROPHES, "'")


def _blank(match: re.Match[str]) -> str:
    return " " * (match.end() - match.start())


def _apostrophe_opens(low: str) -> bool:
    """Does an apostrophe occur that is not inside a word (so it may open a quotation)?"""
    at = low.find("'")
    while at >= 0:
        if at == 0 or not low[at - 1].isalnum():
            return True
        at = low.find("'", at + 1)
    return False


#: Per opening quote (the alternatives of ``_QUOTED``): the characters that end its run, the
#: closers among them, and the shortest and longest run.
_QUOTE_RULES = {
    '"': ('"\n', '"', 1, 600),
    "“": ("“”\n", "”", 1, 600),
    "«": ("«»\n", "»", 1, 600),
    "„": ("„“”\n", "“”", 1, 600),
    "「": ("「」", "」", 1, 600),
    "『": ("『』", "』", 1, 600),
    "'": ("'\n", "'", 2, 400),  # and no letter or digit just before or just after
}


class _NextOf:
    """``text.find(c, i)`` for positions ``i`` that never decrease: each character's next
    occurrence is searched for once per position it moves to, so all lookups cost O(len)."""

    __slots__ = ("_at", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._at: dict[str, int] = {}

    def __call__(self, c: str, i: int) -> int:
        at = self._at.get(c, -2)
        if at == -2 or 0 <= at < i:
            at = self._at[c] = self._text.find(c, i)
        return at


def _quoted_spans(low: str, kinds: list[str]) -> list[tuple[int, int]]:
    """What ``_QUOTED.sub`` matches, scanned with ``str.find``: the leftmost opener (of the
    ``kinds`` that occur) whose run ends at one of its closers, then on after it."""
    nxt, n = _NextOf(low), len(low)
    spans: list[tuple[int, int]] = []
    pos = 0
    while True:
        if len(kinds) == 1:
            p = nxt(kinds[0], pos)
            if p < 0:
                return spans
        else:
            found = [at for at in [nxt(q, pos) for q in kinds] if at >= 0]
            if not found:
                return spans
            p = min(found)
        opener = low[p]
        if opener == "'" and p and low[p - 1].isalnum():
            pos = p + 1  # an apostrophe inside a word
            continue
        stops, closers, shortest, longest = _QUOTE_RULES[opener]
        ends = [at for at in [nxt(c, p + 1) for c in stops] if at >= 0]
        q = min(ends) if ends else -1
        ok = q >= 0 and low[q] in closers and shortest <= q - p - 1 <= longest
        if ok and opener == "'":
            ok = q + 1 >= n or not low[q + 1].isalnum()
        if ok:
            spans.append((p, q + 1))
            pos = q + 1
        else:
            pos = p + 1


def _blockquote_spans(low: str) -> list[tuple[int, int]]:
    """What ``_BLOCKQUOTE`` matches: a line opening with ``>`` after at most three blanks."""
    spans: list[tuple[int, int]] = []
    i = low.find(">")
    while i >= 0:
        j = i
        while i - j < 3 and j and low[j - 1] in " \t":
            j -= 1
        if j == 0 or low[j - 1] == "\n":
            end = low.find("\n", i)
            end = len(low) if end < 0 else end
            spans.append((j, end))
            i = low.find(">", end)
        else:
            i = low.find(">", i + 1)
    return spans


def _blanked(low: str, spans: list[tuple[int, int]]) -> str:
    if not spans:
        return low
    out: list[str] = []
    at = 0
    for a, b in spans:
        out += (low[at:a], " " * (b - a))
        at = b
    out.append(low[at:])
    return "".join(out)


def mask_quotes(low: str) -> str:
    """Blank out quoted material, block quotes and fenced code (same length, linear time)."""
    if "```" in low:
        parts = low.split("```")
        low = "```".join(p if i % 2 == 0 else " " * len(p) for i, p in enumerate(parts))
    if ">" in low:
        low = _blanked(low, _blockquote_spans(low))
    kinds = [q for q in _QUOTE_RULES if q in low]
    if kinds == ["'"] and not _apostrophe_opens(low):
        return low  # apostrophes inside words only (contractions): no quotation opens
    return _blanked(low, _quoted_spans(low, kinds)) if kinds else low


def normalize(low: str) -> str:
    """Same length as ``low``; tokens (``_TOKEN``) unchanged, everything between them a space."""
    if low.isascii():
        norm = low.encode().translate(_ASCII_NORM).decode()
    else:
        # Each character outside ASCII as one "?" (so the offsets hold): how many there are, and
        # the ASCII ones normalised at C speed.
        marked = low.encode("ascii", "replace")
        others = marked.count(b"?") - low.count("?")
        if others * 16 <= len(low):  # an em dash, a curly quote, a few accented letters
            norm = _restore(low, marked.translate(_ASCII_NORM).decode())
        else:
            norm = _NON_TOKEN.sub(" ", low)
    if "'" in norm:
        norm = _STRAY_APOSTROPHE.sub(" ", norm)
    return norm


def _restore(low: str, norm: str) -> str:
    """``norm`` (``low`` normalised as ASCII, every other character a "?") with those characters
    put back where they are part of a token, and spaces where they are not."""
    out: list[str] = []
    at = 0
    for m in _NON_ASCII.finditer(low):
        i, c = m.start(), m.group()
        out += (norm[at:i], c if c.isalnum() or c in _WIDE_BOUNDARIES else " ")
        at = i + 1
    out.append(norm[at:])
    return "".join(out)


class Scan:
    """One message prepared for pattern matching: lower-cased, optionally masked, normalised.

    Everything is built on first use: the token list (the words a table's gate looks for), the
    masked text, and the normalised text the patterns run on.
    """

    __slots__ = (
        "_base",
        "_base_spaced",
        "_ends",
        "_low",
        "_mask",
        "_norm",
        "_present",
        "_tokens",
        "_words",
        "raw_low",
        "text",
        "vocab",
    )

    def __init__(self, text: str, *, mask: bool = True, vocab: Vocabulary | None = None) -> None:
        self.text = text
        self.vocab = vocab
        self.raw_low = lower_same_length(windowed(text))
        self._base: str | None = None
        self._base_spaced: str | None = None
        self._mask = mask
        self._low: str | None = None
        self._norm: Normalized | None = None
        self._tokens: list[str] | None = None
        self._words: set[str] | None = None
        self._present: frozenset[str] | None = None
        self._ends: list[int] | None = None

    def tokens(self) -> list[str]:
        """The word tokens of the text before masking (so a superset of what patterns see)."""
        if self._tokens is None:
            if self._base is None:
                self._base = normalize(self.raw_low)
            self._base_spaced = spaced(self._base)
            self._tokens = self._base_spaced.split()
        return self._tokens

    @property
    def words(self) -> set[str]:
        """The distinct word tokens (see :meth:`tokens`)."""
        if self._words is None:
            self._words = set(self.tokens())
        return self._words

    @property
    def low(self) -> str:
        """The lower-cased text, quoted material blanked when masking (same offsets as ``text``)."""
        if self._low is None:
            self._low = mask_quotes(self.raw_low) if self._mask else self.raw_low
        return self._low

    @property
    def norm(self) -> str:
        """``normalize(low)``: same offsets as ``text``."""
        return self._normalized().body

    def _normalized(self) -> Normalized:
        if self._norm is None:
            low, base = self.low, self._base
            if low is self.raw_low and base:  # nothing masked: the token scan's text
                self._norm = Normalized(base, body_spaced=self._base_spaced)
            else:
                self._norm = Normalized(normalize(low))
        return self._norm

    def find(self, patterns: TokenPatterns) -> list[Match]:
        """Every match of ``patterns`` (empty at the cost of one pass over the token list when no
        key word occurs; with a :class:`Vocabulary` holding ``patterns``, one pass in all)."""
        if self.vocab is not None and patterns in self.vocab.tables:
            if self._present is None:
                self._present = self.vocab.words.intersection(self.tokens())
            present = self._present
        else:
            present = patterns.vocab.intersection(self.tokens())
        if present.isdisjoint(patterns.keys):
            return []
        return patterns.find(self._normalized(), present)

    def sentence_of(self, start: int, end: int) -> tuple[int, int]:
        """The character span of the sentence holding ``[start, end)`` (within
        ``_SENTENCE_REACH`` characters of it)."""
        if self._ends is None:
            # Sentence ends (positions of .!?\n and their CJK forms), from the lengths of the
            # pieces between them: no per-character scan.
            pieces = swap(self.low, _ENDERS, "\n", _ASCII_TO_END).split("\n")
            self._ends = list(itertools.accumulate(map(len, pieces), _past_one, initial=-1))
        ends = self._ends
        lo, hi = max(0, start - _SENTENCE_REACH), min(len(self.low), end + _SENTENCE_REACH)
        i = bisect.bisect_left(ends, start)
        a = ends[i - 1] if i else -1  # the last end before the span
        j = bisect.bisect_left(ends, end)
        b = ends[j] if j < len(ends) - 1 else -1  # the first end at or after its end
        return (a + 1 if a >= lo else lo), (b + 1 if 0 <= b < hi else hi)


def _past_one(at: int, piece: int) -> int:
    return at + piece + 1
