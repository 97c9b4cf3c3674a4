"""Compiled phrase tables at work: which keys occur in a text, and the anchored attempts.

Which keys occur is found with a set intersection of the text's words (``_text.Scan``) and
``str.find``, so text without a key word costs one set test and a text with a few keys costs a few
anchored matches, however long it is. Before an entry's expressions run, the tokens next to the key
are tested against the ones the entry allows, and the other words the pattern needs against the
text's words (bits of the table's need groups).
"""

from __future__ import annotations

import bisect
import itertools
import json
import re
import threading
from collections.abc import Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from typing import Any

from guardrail.detectors._chars import ascii_table, swap
from guardrail.detectors._compile import Entry, pattern_entries
from guardrail.detectors._patterns import (
    BOUNDARIES,
    BOUNDARY_CHARS,
    Match,
    Pattern,
    _rarity,
    compile_pattern,
)

__all__ = ["MAX_MATCHES", "Normalized", "TokenPatterns", "Vocabulary", "shared_table", "spaced"]

#: More matches than this in one message add nothing to a score or to the evidence shown.
MAX_MATCHES = 48
#: At most this many (key, neighbours) combinations are remembered per table.
_NEAR_CACHE = 4096
#: From this many key occurrences in one text, repeated sentences are matched once (memo).
_MEMO_FROM = 12
_ASCII_TO_NEWLINE = ascii_table(BOUNDARY_CHARS, "\n")
_ASCII_SPACED = ascii_table(BOUNDARY_CHARS, " ")
_EDGE = " " + BOUNDARY_CHARS
#: The token next to a position (forwards in the text, or backwards in the reversed text): the
#: sentinel newlines at both ends mean there always is one.
_NEIGHBOUR = re.compile(r" *+([\w']++|[.!?;。！？\n])")


def spaced(text: str) -> str:
    """``text`` with its boundary characters turned into spaces (same length): a normalised
    text then splits into its word tokens at spaces."""
    return swap(text, BOUNDARY_CHARS, " ", _ASCII_SPACED)


def _occurrences(spaced: str, token: str) -> list[int]:
    """Start offsets of ``token`` (a word) as a whole token of a normalised text whose
    boundaries are spaces (``Normalized._spaced``): where it stands between two spaces."""
    out = []
    padded = f" {token} "
    step = len(token) + 1  # the space after one occurrence may stand before the next
    at = spaced.find(padded)
    while at >= 0:
        out.append(at + 1)
        at = spaced.find(padded, at + step)
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

    __slots__ = ("_bounds", "_found", "_reversed", "_spaced", "body", "text")

    def __init__(self, body: str, *, body_spaced: str | None = None) -> None:
        """``body_spaced`` is ``spaced(body)`` when the caller has it already."""
        self.body = body
        self.text = f"\n{body}\n"
        self._reversed: str | None = None
        self._bounds: list[int] | None = None
        self._found: dict[str, list[int]] = {}
        # The text with boundaries (and the sentinels) turned into spaces: a whole token is then
        # a word between two spaces, found by ``str.find`` alone.
        self._spaced = None if body_spaced is None else f" {body_spaced} "

    def occurrences(self, token: str) -> list[int]:
        """Where ``token`` (a word) stands as a whole token, as offsets into ``text`` (found once
        per text: tables share keys)."""
        found = self._found.get(token)
        if found is None:
            if self._spaced is None:
                self._spaced = f" {spaced(self.body)} "
            found = self._found[token] = _occurrences(self._spaced, token)
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
            pieces = swap(self.text, BOUNDARY_CHARS, "\n", _ASCII_TO_NEWLINE).split("\n")
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
        patterns: list[Pattern] = []
        by_key: dict[str, list[Pattern]] = {}
        for item in entries:
            if isinstance(item, str):
                pat = compile_pattern(item, weight, tag=tag, macros=macros)
            else:
                src, w, *rest = item
                pat = compile_pattern(src, float(w), tag=rest[0] if rest else tag, macros=macros)
            patterns.append(pat)
            for anchor in dict.fromkeys(seq[_rarity(seq)[1]] for seq in pat.elems[pat.key].seqs):
                by_key.setdefault(anchor, []).append(pat)
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
        self._masks = masks
        #: The patterns anchored at each key, in table order. Their anchored expressions are
        #: compiled the first time the key occurs in a text (``_entries``): most keys of the
        #: shipped tables never occur in a given session, and compiling them all took seconds.
        self._anchored = {k: tuple(v) for k, v in by_key.items()}
        self._by_key: dict[str, tuple[Entry, ...]] = {}
        self.keys = frozenset(by_key)
        #: The need masks of each key's patterns (a key whose every pattern needs a word the text
        #: lacks is not live).
        self._key_masks = {k: tuple(masks[id(p)] for p in v) for k, v in by_key.items()}
        #: Keys with a pattern that needs other words (the rest are live whenever they occur).
        self._needy = frozenset(k for k, v in self._key_masks.items() if any(v))
        #: The entries of a key that its neighbouring tokens allow, by (key, next, previous).
        self._near: dict[tuple[str, str, str], tuple[Entry, ...]] = {}
        #: Keys where one pattern has several entries (then at most one match per occurrence);
        #: known once the key's entries are built.
        self._shared: set[str] = set()
        #: Every word the table's gate looks at: its keys and the words its patterns need.
        self.vocab = self.keys.union(*(n for p in patterns for n in p.needs))
        #: No pattern reaches past the boundaries around its key (boundaries only at its edges),
        #: so a match depends only on the text between them: repeated sentences are matched once.
        self._local = all(_boundaries_at_edges(p) for p in patterns)

    def _entries(self, key: str) -> tuple[Entry, ...]:
        """The ways the key's patterns can match at an occurrence of it, in table order (built
        and compiled on first use; two threads building one key at once build the same)."""
        made = self._by_key.get(key)
        if made is None:
            out: list[Entry] = []
            for p in self._anchored[key]:
                mine: list[Entry] = []
                for anchor, entry in pattern_entries(p):
                    if anchor == key and entry not in mine:
                        mine.append(entry)
                if len(mine) > 1:
                    self._shared.add(key)
                out += (e._replace(needs=self._masks[id(p)]) for e in mine)
            made = self._by_key[key] = tuple(out)
        return made

    def compile_all(self) -> None:
        """Build every key's entries now (tests, and callers who want no first-use cost)."""
        for key in self.keys:
            self._entries(key)

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
        live = set(self.keys.intersection(words))
        key_masks = self._key_masks
        for key in self._needy.intersection(live):
            if all(mask & unmet for mask in key_masks[key]):
                live.discard(key)  # every pattern of the key needs a word the text lacks
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
        near = self._near
        a = 0
        for at, key in plan:
            if len(out) >= limit:
                break
            if memo:
                a, b = text.sentence(at)
                memo_key = (norm[a:b], at - a, key)
                found = seen.get(memo_key)
                if found is not None:
                    if found:
                        out.extend(_trimmed(norm, a + s, a + e, p) for s, e, p in found)
                    continue
            cands = self._by_key.get(key) or self._entries(key)
            if len(cands) > 1:  # the neighbouring tokens rule most of them out
                if rnorm is None:
                    rnorm = text.reversed()
                nxt = _NEIGHBOUR.match(norm, at + len(key)).group(1)  # type: ignore[union-attr]
                prv = _NEIGHBOUR.match(rnorm, n - at).group(1)  # type: ignore[union-attr]
                near_key = (key, nxt, prv)
                fits = near.get(near_key)
                if fits is None:
                    if len(near) >= _NEAR_CACHE:
                        near.clear()
                    fits = near[near_key] = tuple(
                        e
                        for e in cands
                        if (e.follow is None or nxt in e.follow)
                        and (e.precede is None or prv in e.precede)
                    )
                if not fits:
                    continue  # the usual case: the key stands in other words
                cands = fits
            found = []
            done: set[int] | None = set() if key in self._shared else None
            for p, left, right, _, _, needs in cands:
                if needs & unmet or (done is not None and id(p) in done):
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
            if found:
                out.extend(_trimmed(norm, a + s, a + e, p) for s, e, p in found)
        return out


_SHARED: dict[str, TokenPatterns] = {}
_SHARED_LOCK = threading.Lock()


def shared_table(
    entries: Sequence[Any], *, macros: Mapping[str, str] | None = None, weight: float = 0.8
) -> TokenPatterns:
    """A compiled table shared by every detector built from the same entries (compiling the
    shipped tables takes seconds; a second ``Guard()`` then reuses them). Tables hold no state a
    caller could observe, only caches, so sharing them is safe across threads."""
    key = json.dumps([entries, macros or {}, weight], sort_keys=True)
    table = _SHARED.get(key)
    if table is None:
        with _SHARED_LOCK:
            table = _SHARED.get(key)
            if table is None:
                table = _SHARED[key] = TokenPatterns(entries, macros=macros, weight=weight)
    return table


def _boundaries_at_edges(p: Pattern) -> bool:
    inner = p.elems[1:-1]
    return not any(seq[-1] in BOUNDARIES for e in inner for seq in e.seqs) and not any(
        t in BOUNDARIES for e in p.elems for seq in e.seqs if len(seq) > 1 for t in seq
    )


def _trimmed(norm: str, start: int, end: int, p: Pattern) -> Match:
    """The match without the boundary tokens (and spaces) at its edges, as offsets into the body
    (``norm`` starts with the sentinel newline)."""
    while end - start > 1 and norm[start] in _EDGE:
        start += 1
    while end - start > 1 and norm[end - 1] in _EDGE:
        end -= 1
    return Match(start - 1, end - 1, p.weight, p.tag, p.source)
