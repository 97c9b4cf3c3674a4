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

Every pattern needs one required element of words, without prefixes: its *key* (the rarest such
element). Matching starts only at occurrences of key tokens and extends left and right from there.
A match is the first solution, trying longer alternatives before shorter ones, optional elements
before skipping them, and gaps shortest first; boundary tokens at the edges of a match are left out
of its span.

This module parses patterns; ``_compile`` turns them into anchored regular expressions and
``_tables`` runs compiled tables over texts. The semantics are tested against a token-walking
reference (``tests/_detectors_reference.py``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import NamedTuple

from guardrail.exceptions import ConfigError

__all__ = ["BOUNDARY_CHARS", "Match", "Pattern", "compile_pattern"]

BOUNDARY_CHARS = ".!?;。！？\n"
BOUNDARIES = frozenset(BOUNDARY_CHARS)
#: A token of the language (a pattern's literal alternatives are split with it, too).
_TOKEN = re.compile(r"[^\W_]+(?:'[^\W_]+)*|[.!?;。！？\n]")
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


def _rarity(seq: tuple[str, ...]) -> tuple[int, int]:
    """(score, anchor): how selective a token sequence is, and which of its tokens to index."""
    scores = [0 if t in _COMMON or t in BOUNDARIES else len(t) for t in seq]
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
                seqs.extend((b,) for b in sorted(BOUNDARIES))
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
        and not any(all(t in BOUNDARIES for t in s) for s in e.seqs)  # anchors are words
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
        and not any(seq[0] in BOUNDARIES for seq in e.seqs)
        # a group holding a very common word is met by nearly every text: not worth a test
        and _COMMON.isdisjoint(group := frozenset(seq[0] for seq in e.seqs))
    )
    return Pattern(source, tuple(elems), key, weight, tag, needs)
