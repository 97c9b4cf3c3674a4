"""Compiling parsed patterns (``_patterns``) into anchored regular expressions.

The texts they run on are *normalised* (``_text.normalize``): same length as the message, every
character that is not part of a token turned into a space, so tokens are runs of ``[\\w']`` and
boundaries are single characters. Each pattern becomes two expressions per shape of its key: the
part from the key token rightwards, matched anchored at the key (``right.match(norm, at)``), and
the part left of it, reversed and matched anchored on the reversed text. Both are run by the C
regex engine from a known position, never searched; every token inside them is consumed
possessively and alternatives are factored into tries, so an attempt costs time proportional to
the tokens it reads, bounded by the pattern's length.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator
from typing import Any, NamedTuple

from guardrail.detectors._patterns import BOUNDARIES, Pattern, _Elem, _rarity

__all__ = ["Entry", "pattern_entries"]

#: Regular-expression pieces over the normalised text (tokens are runs of [\w'], separated by
#: spaces or by boundary characters).
_END = r"(?![\w'])"
_SEP = " *+"
_WW, _WB = "\x00", "\x01"  # token separators inside an alternative: word-word, other


def _spelled(seq: tuple[str, ...], rev: bool) -> str:
    """An alternative as one string, tokens joined by the separator they need."""
    out = seq[0]
    for a, b in itertools.pairwise(seq):
        out += (_WB if a in BOUNDARIES or b in BOUNDARIES else _WW) + b
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
        branches.append("" if node[""] in BOUNDARIES else _END)
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


class Entry(NamedTuple):
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


def pattern_entries(p: Pattern) -> Iterator[tuple[str, Entry]]:
    """(anchor token, entry) pairs: key alternatives grouped by the tokens before their anchor."""
    before = "".join(_elem_rx(e, True) for e in reversed(p.elems[: p.key]))
    after = "".join(_elem_rx(e, False) for e in p.elems[p.key + 1 :])
    groups: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
    for seq in p.elems[p.key].seqs:
        anchor = _rarity(seq)[1]
        groups.setdefault(seq[:anchor], []).append(seq[anchor:])
    after_first = _next_tokens(p.elems[p.key + 1 :], backwards=False)
    before_last = _next_tokens(reversed(p.elems[: p.key]), backwards=True)
    made: dict[tuple[str, ...], Entry] = {}
    for head, tails in groups.items():
        left_src = (_SEP + _trie([_spelled(head, True)]) if head else "") + before
        left = _rx(left_src) if left_src else None
        right = _rx(_trie(_spelled(t, False) for t in tails) + after)
        follow: set[str] | None = set()
        for tail in tails:
            nxt = frozenset(tail[1:2]) if len(tail) > 1 else after_first
            follow = None if nxt is None or follow is None else follow | nxt
        precede = frozenset(head[-1:]) if head else before_last
        made[head] = Entry(
            p,
            left,
            right,
            None if follow is None else frozenset(follow),
            None if precede is None else frozenset(t[::-1] for t in precede),
        )
    for seq in p.elems[p.key].seqs:  # in the order the alternatives are tried
        anchor = _rarity(seq)[1]
        yield seq[anchor], made[seq[:anchor]]
