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
occurrences of key tokens and extends left and right from there, so the cost is linear in the
text and bounded by the pattern's own length. No regular expressions, so no backtracking blow-up.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from guardrail.exceptions import ConfigError

__all__ = ["Match", "TokenPatterns", "compile_pattern"]

_BOUNDARIES = frozenset(".!?;。！？\n")
#: More matches than this in one message add nothing to a score or to the evidence shown.
MAX_MATCHES = 48
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


@dataclass(frozen=True, slots=True)
class _Elem:
    seqs: tuple[tuple[str, ...], ...] = ()
    prefixes: tuple[str, ...] = ()
    optional: bool = False
    gap: int = 0
    numeric: bool = False
    # The alternatives indexed by their first and by their last token (built in __post_init__).
    by_first: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)
    by_last: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for index, pos in ((self.by_first, 0), (self.by_last, -1)):
            groups: dict[str, list[tuple[str, ...]]] = {}
            for seq in self.seqs:
                groups.setdefault(seq[pos], []).append(seq)
            index.update({k: tuple(v) for k, v in groups.items()})


def _rarity(seq: tuple[str, ...]) -> tuple[int, int]:
    """(score, anchor): how selective a token sequence is, and which of its tokens to index."""
    scores = [0 if t in _COMMON or t in _BOUNDARIES else len(t) for t in seq]
    best = max(range(len(seq)), key=lambda j: scores[j])
    return scores[best], best


@dataclass(frozen=True, slots=True)
class Pattern:
    source: str
    elems: tuple[_Elem, ...]
    key: int
    weight: float
    tag: str
    #: For each other required word element: the first tokens of its alternatives. A text
    #: lacking all of them cannot match, so the pattern is skipped without any matching.
    needs: tuple[frozenset[str], ...] = ()


class Match(NamedTuple):
    start: int  # character offsets into the scanned text
    end: int
    weight: float
    tag: str
    source: str


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
                prefixes.append(alt[:-1])
            else:
                seqs.append(tuple(alt.split("_")))
        elems.append(_Elem(tuple(seqs), tuple(prefixes), optional=opt, numeric=numeric))
    keyable = [
        (min(_rarity(s)[0] for s in e.seqs), i)
        for i, e in enumerate(elems)
        if e.seqs
        and not e.prefixes
        and not e.optional
        and not e.gap
        and not e.numeric
        and not all(len(s) == 1 and s[0] in _BOUNDARIES for s in e.seqs)
    ]
    if not keyable:
        raise ConfigError(f"pattern {source!r}: needs a required element without prefixes")
    if not 0.0 <= weight <= 1.0:
        raise ConfigError(f"pattern {source!r}: weight {weight} outside [0, 1]")
    key = max(keyable)[1]
    needs = tuple(
        frozenset(seq[0] for seq in e.seqs)
        for i, e in enumerate(elems)
        if i != key
        and e.seqs
        and not (e.optional or e.gap or e.prefixes or e.numeric)
        and not any(seq[0] in _BOUNDARIES for seq in e.seqs)
    )
    return Pattern(source, tuple(elems), key, weight, tag, needs)


def _forward(e: _Elem, toks: list[str], i: int) -> list[int]:
    if e.gap:
        out = [i]
        for j in range(i, min(len(toks), i + e.gap)):
            if toks[j] in _BOUNDARIES:
                break
            out.append(j + 1)
        return out
    res = []
    if i < len(toks):
        for s in e.by_first.get(toks[i], ()):
            if len(s) == 1 or tuple(toks[i : i + len(s)]) == s:
                res.append(i + len(s))
    if i < len(toks) and (
        (e.prefixes and toks[i].startswith(e.prefixes)) or (e.numeric and toks[i].isdigit())
    ):
        res.append(i + 1)
    if e.optional:
        res.append(i)
    return res


def _backward(e: _Elem, toks: list[str], j: int) -> list[int]:
    if e.gap:
        out = [j]
        for k in range(j - 1, max(-1, j - 1 - e.gap), -1):
            if toks[k] in _BOUNDARIES:
                break
            out.append(k)
        return out
    res = []
    if j > 0:
        for s in e.by_last.get(toks[j - 1], ()):
            if len(s) == 1 or (j >= len(s) and tuple(toks[j - len(s) : j]) == s):
                res.append(j - len(s))
    if j > 0 and (
        (e.prefixes and toks[j - 1].startswith(e.prefixes)) or (e.numeric and toks[j - 1].isdigit())
    ):
        res.append(j - 1)
    if e.optional:
        res.append(j)
    return res


def _right(elems: tuple[_Elem, ...], k: int, toks: list[str], i: int) -> int | None:
    if k == len(elems):
        return i
    for nxt in _forward(elems[k], toks, i):
        end = _right(elems, k + 1, toks, nxt)
        if end is not None:
            return end
    return None


def _left(elems: tuple[_Elem, ...], k: int, toks: list[str], j: int) -> int | None:
    if k < 0:
        return j
    for nxt in _backward(elems[k], toks, j):
        start = _left(elems, k - 1, toks, nxt)
        if start is not None:
            return start
    return None


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
        # anchor token -> [(pattern, key sequence, position of the anchor in the sequence)]
        by_key: dict[str, list[tuple[Pattern, tuple[str, ...], int]]] = {}
        for entry in entries:
            if isinstance(entry, str):
                pat = compile_pattern(entry, weight, tag=tag, macros=macros)
            else:
                src, w, *rest = entry
                pat = compile_pattern(src, float(w), tag=rest[0] if rest else tag, macros=macros)
            for seq in pat.elems[pat.key].seqs:
                anchor = _rarity(seq)[1]
                by_key.setdefault(seq[anchor], []).append((pat, seq, anchor))
        self._by_key = by_key
        self.keys = frozenset(by_key)

    def __len__(self) -> int:
        return len({id(p) for v in self._by_key.values() for p, _, _ in v})

    def find(
        self,
        toks: list[str],
        spans: Sequence[tuple[int, int]],
        limit: int = MAX_MATCHES,
        words: AbstractSet[str] | None = None,
    ) -> list[Match]:
        """Matches in a token list, the first ``limit`` of them (enough to score and show);
        ``spans`` maps tokens to character offsets; ``words`` (the text's word set, optional)
        lets patterns whose other required words are absent be skipped outright."""
        out: list[Match] = []
        by_key = self._by_key
        possible: dict[int, bool] = {}
        for i, tok in enumerate(toks):
            entries = by_key.get(tok)
            if entries is None:
                continue
            done: set[int] = set()
            for p, seq, anchor in entries:
                if words is not None:
                    ok = possible.get(id(p))
                    if ok is None:
                        ok = possible[id(p)] = all(not n.isdisjoint(words) for n in p.needs)
                    if not ok:
                        continue
                first = i - anchor
                if id(p) in done or first < 0 or tuple(toks[first : first + len(seq)]) != seq:
                    continue
                end = _right(p.elems, p.key + 1, toks, first + len(seq))
                start = _left(p.elems, p.key - 1, toks, first) if end is not None else None
                if end is None or start is None:
                    continue
                done.add(id(p))
                while end - start > 1 and toks[start] in _BOUNDARIES:
                    start += 1
                while end - start > 1 and toks[end - 1] in _BOUNDARIES:
                    end -= 1
                out.append(Match(spans[start][0], spans[end - 1][1], p.weight, p.tag, p.source))
            if len(out) >= limit:
                break
        return out
