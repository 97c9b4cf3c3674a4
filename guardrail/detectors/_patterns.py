"""A small token pattern language for the phrase tables in ``data/*.json``.

A pattern is a space-separated sequence of elements, matched against consecutive tokens of a
lower-cased text (words, plus sentence boundaries ``. ! ? ; \\n`` as tokens of their own):

=============  =====================================================================
``word``       the token ``word``
``a|b|c``      any of the alternatives
``i_am``       a multi-token alternative (tokens joined by ``_``)
``fail*``      a token starting with ``fail``
``[a|b]``      an optional element
``~N``         up to N word tokens, never crossing a sentence boundary
``$NAME``      a macro from the table's ``macros`` (expanded before parsing)
``#``          a number (a token of digits)
``^``          a sentence boundary (the start and end of the text count as one)
=============  =====================================================================

Every pattern needs one required element without prefixes: its *key*. Matching starts only at
occurrences of key tokens and extends left and right from there.

How it runs. A text is first *normalised* (see ``Scan.norm`` in ``_base``): same length, every
character that is not part of a token becomes a space, so tokens are runs of ``[\\w']`` and
boundaries are single characters. Each pattern is compiled once into two regular expressions per
key shape: the part from the key rightwards, matched anchored at the key
(``right.match(norm, at)``), and the part left of the key, reversed and matched anchored on the
reversed text. Both are run by the C regex engine from a known position, never searched, and every
token inside them is consumed possessively, so an attempt costs time proportional to the tokens it
reads (bounded by the pattern's length), never to the text. Which keys occur is found with a set
intersection and ``str.find``, so text without a key word costs one set test and a text with a
few keys costs a few anchored matches, however long it is.

Semantics (tested against a token-walking reference in ``tests/_detectors_reference.py``): the
first solution, trying longer alternatives before shorter ones, optional elements before
skipping them, and gaps shortest first; boundary tokens at the edges of a match are left out of its span.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable, Iterator, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import Any, NamedTuple

from guardrail.exceptions import ConfigError

__all__ = [
    "BOUNDARY_CHARS",
    "MAX_MATCHES",
    "Match",
    "Normalized",
    "Pattern",
    "TokenPatterns",
    "Vocabulary",
    "compile_pattern",
]

BOUNDARY_CHARS = ".!?;。！？\n"
_BOUNDARIES = frozenset(BOUNDARY_CHARS)
#: A token of the language (a pattern's literal alternatives are split with it, too).
_TOKEN = re.compile(r"[^\W_]+(?:'[^\W_]+)*|[.!?;。！？\n]")
#: More matches than this in one message add nothing to a score or to the evidence shown.
MAX_MATCHES = 48
#: From this many key occurrences in one text, repeated sentences are matched once (memo).
_MEMO_FROM = 12
#: Words too common to start matching from: a pattern's key is its rarest required element.
# fmt: off
_COMMON = frozenset((
    "a", "an", "the", "to", "of", "in", "on", "at", "by", "for", "with", "from", "as", "and",
    "or", "but", "if", "so", "that", "this", "these", "those", "it", "its", "it's", "is", "are",
    "was", "were", "be", "been", "being", "am", "i", "i'm", "i've", "i'd", "me", "my", "you",
    "you're", "your", "we", "he", "she", "they", "there", "there's", "here", "what", "which",
    "who", "how", "why", "when", "where", "not", "no", "do", "does", "did", "don't", "have",
    "has", "had", "can", "just", "very", "really", "all", "any", "some", "one", "more", "most",
    "also", "then", "than", "too", "up", "out", "about", "into", "over", "again", "now", "let",
    "let's", "get", "got", "make", "made",
))
# fmt: on

# Regular-expression pieces over the normalised text (tokens are runs of [\w'], separated by
# spaces or by boundary characters).
_END = r"(?![\w'])"
_SEP = " *+"
_TO_NEWLINE = str.maketrans(dict.fromkeys(BOUNDARY_CHARS, "\n"))
_EDGE = " " + BOUNDARY_CHARS
#: The token next to a position (forwards in the text, or backwards in the reversed text): the
#: sentinel newlines at both ends mean there always is one.
_NEIGHBOUR = re.compile(r" *+([\w']++|[.!?;。！？\n])")


@dataclass(frozen=True, slots=True)
class _Elem:
    seqs: tuple[tuple[str, ...], ...] = ()
    prefixes: tuple[str, ...] = ()
    optional: bool = False
    gap: int = 0
    numeric: bool = False


def _rarity(seq: tuple[str, ...]) -> tuple[int, int]:
    """(score, anchor): how selective a token sequence is, and which of its tokens to index."""
    scores = [0 if t in _COMMON or t in _BOUNDARIES else len(t) for t in seq]
    best = max(range(len(seq)), key=lambda j: scores[j])
    return scores[best], best


class Match(NamedTuple):
    start: int  # character offsets into the scanned text
    end: int
    weight: float
    tag: str
    source: str


@dataclass(frozen=True, slots=True)
class Pattern:
    source: str
    elems: tuple[_Elem, ...]
    key: int
    weight: float
    tag: str
    #: For each other required word element (but those with a very common word): the first
    #: tokens of its alternatives. A text lacking all of them cannot match, so the pattern is
    #: skipped without any matching.
    needs: tuple[frozenset[str], ...] = ()


def _expand(source: str, macros: Mapping[str, str]) -> str:
    out = []
    for part in source.split():
        opt = part.startswith("[") and part.endswith("]")
        body = part[1:-1] if opt else part
        alts = []
        for alt in body.split("|"):
            alts.append(macros[alt[1:]] if alt.startswith("$") and alt[1:] in macros else alt)
        body = "|".join(alts)
        out.append(f"[{body}]" if opt else body)
    return " ".join(out)


def _literal(alt: str) -> tuple[str, ...]:
    """A literal alternative as the tokens a text would hold (``re-check`` is ``re check``)."""
    return tuple(t for part in alt.split("_") for t in _TOKEN.findall(part.lower()))


def compile_pattern(
    source: str, weight: float = 0.8, *, tag: str = "", macros: Mapping[str, str] | None = None
) -> Pattern:
    """Parse one pattern; raises :class:`ConfigError` when it is malformed or has no key."""
    text = _expand(source, macros or {})
    elems: list[_Elem] = []
    for part in text.split():
        if part.startswith("~"):
            if not part[1:].isdigit() or not 0 < int(part[1:]) <= 8:
                raise ConfigError(f"pattern {source!r}: bad gap {part!r} (use ~1 .. ~8)")
            elems.append(_Elem(gap=int(part[1:])))
            continue
        opt = part.startswith("[") and part.endswith("]")
        body = part[1:-1] if opt else part
        if body.startswith("~"):
            raise ConfigError(f"pattern {source!r}: a gap cannot be optional ({part!r})")
        seqs: list[tuple[str, ...]] = []
        prefixes: list[str] = []
        numeric = False
        for alt in body.split("|"):
            if "$" in alt or not alt.strip("*_"):
                raise ConfigError(f"pattern {source!r}: bad alternative {alt!r}")
            if alt == "#":
                numeric = True
            elif alt == "^":
                seqs.extend((b,) for b in sorted(_BOUNDARIES))
            elif alt.endswith("*"):
                if _TOKEN.fullmatch(alt[:-1].lower()) is None:
                    raise ConfigError(f"pattern {source!r}: prefix {alt!r} is not one token")
                prefixes.append(alt[:-1].lower())
            elif tokens := _literal(alt):
                seqs.append(tokens)
            # else: punctuation that is never a token (",", "%"): the alternative cannot match
        if not (seqs or prefixes or numeric):
            if opt:
                continue  # an optional element that can never match is no element
            raise ConfigError(f"pattern {source!r}: element {part!r} can never match")
        # Longer alternatives first: of two that fit at one place (one a prefix of the other),
        # the longer is taken.
        seqs = sorted(dict.fromkeys(seqs), key=len, reverse=True)
        elems.append(_Elem(tuple(seqs), tuple(prefixes), optional=opt, numeric=numeric))
    keyable = [
        (min(_rarity(s)[0] for s in e.seqs), i)
        for i, e in enumerate(elems)
        if e.seqs
        and not e.prefixes
        and not e.optional
        and not e.gap
        and not e.numeric
        and not any(all(t in _BOUNDARIES for t in s) for s in e.seqs)  # anchors are words
    ]
    if not keyable:
        raise ConfigError(
            f"pattern {source!r}: needs a required element of words (no prefixes, numbers or "
            "bare boundaries)"
        )
    if not 0.0 <= weight <= 1.0:
        raise ConfigError(f"pattern {source!r}: weight {weight} outside [0, 1]")
    key = max(keyable)[1]
    needs = tuple(
        group
        for i, e in enumerate(elems)
        if i != key
        and e.seqs
        and not (e.optional or e.gap or e.prefixes or e.numeric)
        and not any(seq[0] in _BOUNDARIES for seq in e.seqs)
        # a group holding a very common word is met by nearly every text: not worth a test
        and _COMMON.isdisjoint(group := frozenset(seq[0] for seq in e.seqs))
    )
    return Pattern(source, tuple(elems), key, weight, tag, needs)


# -- compilation to anchored regular expressions ----------------------------------------------


_WW, _WB = "\x00", "\x01"  # token separators inside an alternative: word-word, other


def _spelled(seq: tuple[str, ...], rev: bool) -> str:
    """An alternative as one string, tokens joined by the separator they need."""
    out = seq[0]
    for a, b in itertools.pairwise(seq):
        out += (_WB if a in _BOUNDARIES or b in _BOUNDARIES else _WW) + b
    return out[::-1] if rev else out


def _trie(strings: Iterable[str]) -> str:
    """One expression for alternatives spelled by :func:`_spelled`, factored on common prefixes
    (the regex engine rejects a wrong first character at once instead of trying each
    alternative). Longer alternatives are tried before their own prefixes; a word that ends an
    alternative must end a token."""
    root: dict[str, Any] = {}
    for text in strings:
        node = root
        for ch in text:
            node = node.setdefault(ch, {})
        node[""] = text[-1]
    return _emit(root)


def _emit(node: dict[str, Any]) -> str:
    branches = []
    for ch, child in node.items():
        if ch:
            piece = " ++" if ch == _WW else " *+" if ch == _WB else re.escape(ch)
            branches.append(piece + _emit(child))
    if "" in node:  # an alternative ends here: tried after the longer ones
        branches.append("" if node[""] in _BOUNDARIES else _END)
    if len(branches) == 1:
        return branches[0]
    return f"(?:{'|'.join(branches)})"


def _elem_rx(e: _Elem, rev: bool) -> str:
    """The element, preceded by the separator it needs (every element but the first has one).

    No element checks that it starts a token: the one before it ends a token or is a boundary,
    and the separator takes every space, so what follows starts a token."""
    if e.gap:  # whole word tokens only, shortest first
        return rf"(?:{_SEP}[\w']++){{0,{e.gap}}}?"
    alts = [_trie(_spelled(seq, rev) for seq in e.seqs)] if e.seqs else []
    for p in e.prefixes:
        alts.append(rf"[\w']*{re.escape(p[::-1])}{_END}" if rev else rf"{re.escape(p)}[\w']*+")
    if e.numeric:
        alts.append(rf"\d++{_END}")
    inner = _SEP + (alts[0] if len(alts) == 1 else f"(?:{'|'.join(alts)})")
    return f"(?:{inner})?" if e.optional else inner


_RX_CACHE: dict[str, re.Pattern[str]] = {}


def _rx(source: str) -> re.Pattern[str]:
    """Compile once per distinct expression (tables share many left and right parts)."""
    rx = _RX_CACHE.get(source)
    if rx is None:
        rx = _RX_CACHE[source] = re.compile(source)
    return rx


class _Entry(NamedTuple):
    """One way a pattern can match at an occurrence of one of its key tokens."""

    pattern: Pattern
    left: re.Pattern[str] | None  # reversed, matched on the reversed text left of the key token
    right: re.Pattern[str]  # matched at the key token
    #: The tokens that can stand right after the key token, and (spelled backwards) right before
    #: it; None when any can. A cheap test before the regexes run.
    follow: frozenset[str] | None
    precede: frozenset[str] | None
    #: The pattern's need groups as bits of its table (see ``TokenPatterns``), set when the
    #: table is built.
    needs: int = 0


def _next_tokens(elems: Iterable[_Elem], backwards: bool) -> frozenset[str] | None:
    """The tokens the first of ``elems`` to match can start with (its last token when reading
    backwards), or None when any token (or the end of the pattern) can come next."""
    out: set[str] = set()
    for e in elems:
        if e.gap or e.prefixes or e.numeric:
            return None
        out.update(seq[-1] if backwards else seq[0] for seq in e.seqs)
        if not e.optional:
            return frozenset(out)
    return None


def _entries(p: Pattern) -> Iterator[tuple[str, _Entry]]:
    """(anchor token, entry) pairs: key alternatives grouped by the tokens before their anchor."""
    before = "".join(_elem_rx(e, True) for e in reversed(p.elems[: p.key]))
    after = "".join(_elem_rx(e, False) for e in p.elems[p.key + 1 :])
    groups: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
    for seq in p.elems[p.key].seqs:
        anchor = _rarity(seq)[1]
        groups.setdefault(seq[:anchor], []).append(seq[anchor:])
    after_first = _next_tokens(p.elems[p.key + 1 :], backwards=False)
    before_last = _next_tokens(reversed(p.elems[: p.key]), backwards=True)
    made: dict[tuple[str, ...], _Entry] = {}
    for head, tails in groups.items():
        left_src = (_SEP + _trie([_spelled(head, True)]) if head else "") + before
        left = _rx(left_src) if left_src else None
        right = _rx(_trie(_spelled(t, False) for t in tails) + after)
        follow: set[str] | None = set()
        for tail in tails:
            nxt = frozenset(tail[1:2]) if len(tail) > 1 else after_first
            follow = None if nxt is None or follow is None else follow | nxt
        precede = frozenset(head[-1:]) if head else before_last
        made[head] = _Entry(
            p,
            left,
            right,
            None if follow is None else frozenset(follow),
            None if precede is None else frozenset(t[::-1] for t in precede),
        )
    for seq in p.elems[p.key].seqs:  # in the order the alternatives are tried
        anchor = _rarity(seq)[1]
        yield seq[anchor], made[seq[:anchor]]


def _occurrences(norm: str, token: str) -> list[int]:
    """Start offsets of ``token`` (a word) as a whole token of the normalised text."""
    out = []
    n = len(token)
    at = norm.find(token)
    while at >= 0:
        before, after = norm[at - 1], norm[at + n]  # the sentinels keep both in range
        if not (before.isalnum() or before == "'") and not (after.isalnum() or after == "'"):
            out.append(at)
        at = norm.find(token, at + n)
    return out


class Vocabulary:
    """The words of several tables used on the same texts (a detector's tables): a text's
    tokens are filtered through it once, and each table's gate then works on that small set."""

    __slots__ = ("keys", "tables", "words")

    def __init__(self, tables: Iterable[TokenPatterns]) -> None:
        self.tables = tuple(tables)
        self.words: frozenset[str] = frozenset().union(*(t.vocab for t in self.tables))
        self.keys: frozenset[str] = frozenset().union(*(t.keys for t in self.tables))

    def __repr__(self) -> str:
        return f"Vocabulary({len(self.tables)} tables, {len(self.words)} words)"


class Normalized:
    """A normalised text (see ``Scan.norm`` in ``_base``) between two newlines, since the start
    and the end of a text are boundaries; matches are reported as offsets into ``body``."""

    __slots__ = ("_bounds", "_found", "_reversed", "body", "text")

    def __init__(self, body: str) -> None:
        self.body = body
        self.text = f"\n{body}\n"
        self._reversed: str | None = None
        self._bounds: list[int] | None = None
        self._found: dict[str, list[int]] = {}

    def occurrences(self, token: str) -> list[int]:
        """Where ``token`` (a word) stands as a whole token, as offsets into ``text`` (found once
        per text: tables share keys)."""
        found = self._found.get(token)
        if found is None:
            found = self._found[token] = _occurrences(self.text, token)
        return found

    def reversed(self) -> str:
        if self._reversed is None:
            self._reversed = self.text[::-1]
        return self._reversed

    def sentence(self, at: int) -> tuple[int, int]:
        """The boundaries around offset ``at`` of ``text``, inclusive (a match never reaches
        past them)."""
        if self._bounds is None:
            # Where the boundaries stand, from the lengths of the pieces between them (no
            # character-by-character scan in Python or in the regex engine).
            pieces = self.text.translate(_TO_NEWLINE).split("\n")
            self._bounds = list(itertools.accumulate(map(len, pieces), _past_separator, initial=-1))
            self._bounds.pop()  # the end of the last piece is the end of the text
        bounds = self._bounds
        return bounds[bisect.bisect_left(bounds, at) - 1], bounds[
            bisect.bisect_right(bounds, at)
        ] + 1


def _past_separator(at: int, piece: int) -> int:
    return at + piece + 1


class TokenPatterns:
    """A compiled phrase table: patterns indexed by their key tokens."""

    def __init__(
        self,
        entries: Iterable[Any],
        *,
        macros: Mapping[str, str] | None = None,
        weight: float = 0.8,
        tag: str = "",
    ) -> None:
        by_key: dict[str, list[_Entry]] = {}
        patterns: list[Pattern] = []
        for item in entries:
            if isinstance(item, str):
                pat = compile_pattern(item, weight, tag=tag, macros=macros)
            else:
                src, w, *rest = item
                pat = compile_pattern(src, float(w), tag=rest[0] if rest else tag, macros=macros)
            patterns.append(pat)
            for anchor, entry in _entries(pat):
                bucket = by_key.setdefault(anchor, [])
                if entry not in bucket:
                    bucket.append(entry)
        # The gate on a pattern's other words as bit operations: each distinct group of
        # alternatives a pattern needs is a bit; a text meets the groups of the words it holds.
        bits: dict[frozenset[str], int] = {}
        masks = {
            id(p): sum(1 << bits.setdefault(g, len(bits)) for g in set(p.needs)) for p in patterns
        }
        word_bits: dict[str, int] = {}
        for group, bit in bits.items():
            for w in group:
                word_bits[w] = word_bits.get(w, 0) | 1 << bit
        self._word_bits = word_bits
        self._need_words = frozenset(word_bits)
        self._patterns = tuple(patterns)
        self._by_key = {
            k: tuple(e._replace(needs=masks[id(e.pattern)]) for e in v) for k, v in by_key.items()
        }
        self.keys = frozenset(by_key)
        #: Keys where one pattern has several entries (then at most one match per occurrence).
        self._shared = frozenset(
            k for k, v in self._by_key.items() if len({id(e.pattern) for e in v}) < len(v)
        )
        #: Every word the table's gate looks at: its keys and the words its patterns need.
        self.vocab = self.keys.union(*(n for p in patterns for n in p.needs))
        #: No pattern reaches past the boundaries around its key (boundaries only at its edges),
        #: so a match depends only on the text between them: repeated sentences are matched once.
        self._local = all(_boundaries_at_edges(p) for p in patterns)

    def __len__(self) -> int:
        return len(self._patterns)

    def __repr__(self) -> str:
        return f"TokenPatterns({len(self)} patterns, {len(self.keys)} keys)"

    def find(
        self, text: Normalized, words: AbstractSet[str], limit: int = MAX_MATCHES
    ) -> list[Match]:
        """Matches in a normalised text (see module docstring), the first ``limit`` of them in
        text order, as offsets into ``text.body``. ``words`` holds (at least) the words of
        :attr:`vocab` that occur in the text; patterns whose key or other required words are
        absent from it are skipped without matching."""
        met = 0
        for w in self._need_words.intersection(words):
            met |= self._word_bits[w]
        unmet = ~met
        live: dict[str, tuple[_Entry, ...]] = {}
        for key in self.keys.intersection(words):
            entries = tuple(e for e in self._by_key[key] if not e.needs & unmet)
            if entries:
                live[key] = entries
        if not live:
            return []
        norm = text.text
        plan = sorted((at, key) for key in live for at in text.occurrences(key))
        n = len(norm)
        rnorm: str | None = None
        out: list[Match] = []
        # Each key several times over: perhaps a sentence repeated word for word (a degenerate
        # loop), then matched once. What matches at an occurrence depends only on the text
        # between the boundaries around it (the table is local), which keys the memo.
        memo = self._local and len(plan) >= _MEMO_FROM and len(plan) >= 2 * len(live)
        seen: dict[tuple[str, int, str], list[tuple[int, int, Pattern]]] = {}
        a = 0
        for at, key in plan:
            if len(out) >= limit:
                break
            if memo:
                a, b = text.sentence(at)
                memo_key = (norm[a:b], at - a, key)
                found = seen.get(memo_key)
                if found is not None:
                    out.extend(_trimmed(norm, a + s, a + e, p) for s, e, p in found)
                    continue
            found = []
            done: set[int] | None = set() if key in self._shared else None
            cands = live[key]
            if len(cands) > 1:  # the neighbouring tokens rule most of them out
                if rnorm is None:
                    rnorm = text.reversed()
                nxt = _NEIGHBOUR.match(norm, at + len(key)).group(1)  # type: ignore[union-attr]
                prv = _NEIGHBOUR.match(rnorm, n - at).group(1)  # type: ignore[union-attr]
                cands = tuple(
                    e
                    for e in cands
                    if (e.follow is None or nxt in e.follow)
                    and (e.precede is None or prv in e.precede)
                )
            for p, left, right, _, _, _ in cands:
                if done is not None and id(p) in done:
                    continue
                r = right.match(norm, at)
                if r is None:
                    continue
                begin = at
                if left is not None:
                    if rnorm is None:
                        rnorm = text.reversed()
                    m = left.match(rnorm, n - at)
                    if m is None:
                        continue
                    begin = at - (m.end() - m.start())
                if done is not None:
                    done.add(id(p))
                found.append((begin - a, r.end() - a, p))
            if memo:
                seen[memo_key] = found
            out.extend(_trimmed(norm, a + s, a + e, p) for s, e, p in found)
        return out


def _boundaries_at_edges(p: Pattern) -> bool:
    inner = p.elems[1:-1]
    return not any(seq[-1] in _BOUNDARIES for e in inner for seq in e.seqs) and not any(
        t in _BOUNDARIES for e in p.elems for seq in e.seqs if len(seq) > 1 for t in seq
    )


def _trimmed(norm: str, start: int, end: int, p: Pattern) -> Match:
    """The match without the boundary tokens (and spaces) at its edges, as offsets into the body
    (``norm`` starts with the sentinel newline)."""
    while end - start > 1 and norm[start] in _EDGE:
        start += 1
    while end - start > 1 and norm[end - 1] in _EDGE:
        end -= 1
    return Match(start - 1, end - 1, p.weight, p.tag, p.source)
