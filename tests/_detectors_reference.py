"""A token-walking reference for the pattern language (the matcher the regex engine replaced).

Slow but obviously correct: the text is tokenised with ``_TOKEN`` into a list, and each pattern is
matched by walking tokens outwards from every occurrence of its key (right first, then left;
alternatives in declaration order, optional elements tried before being skipped, gaps shortest
first). ``test_detectors_patterns.py`` checks that ``TokenPatterns.find`` agrees with it.
"""

from __future__ import annotations

from guardrail.detectors._patterns import _TOKEN, BOUNDARIES, Match, Pattern, _Elem, _rarity
from guardrail.detectors._tables import TokenPatterns
from guardrail.detectors._text import lower_same_length, mask_quotes, windowed


def _forward(e: _Elem, toks: list[str], i: int) -> list[int]:
    if e.gap:
        out = [i]
        for j in range(i, min(len(toks), i + e.gap)):
            if toks[j] in BOUNDARIES:
                break
            out.append(j + 1)
        return out
    res = []
    if i < len(toks):
        for s in e.seqs:
            if tuple(toks[i : i + len(s)]) == s:
                res.append(i + len(s))
        if (e.prefixes and toks[i].startswith(e.prefixes)) or (e.numeric and toks[i].isdigit()):
            res.append(i + 1)
    if e.optional:
        res.append(i)
    return res


def _backward(e: _Elem, toks: list[str], j: int) -> list[int]:
    if e.gap:
        out = [j]
        for k in range(j - 1, max(-1, j - 1 - e.gap), -1):
            if toks[k] in BOUNDARIES:
                break
            out.append(k)
        return out
    res = []
    if j > 0:
        for s in e.seqs:
            if j >= len(s) and tuple(toks[j - len(s) : j]) == s:
                res.append(j - len(s))
        prev = toks[j - 1]
        if (e.prefixes and prev.startswith(e.prefixes)) or (e.numeric and prev.isdigit()):
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


def reference_find(table: TokenPatterns, text: str, *, mask: bool = True) -> list[Match]:
    """Every match of ``table`` in ``text`` (offsets into ``text``), in text order."""
    low = lower_same_length(windowed(text))
    if mask:
        low = mask_quotes(low)
    found = [(m.span(), m.group()) for m in _TOKEN.finditer(low)]
    end = len(low)
    spans = [(0, 0), *(s for s, _ in found), (end, end)]
    toks = ["\n", *(t for _, t in found), "\n"]
    out: list[Match] = []
    patterns: list[Pattern] = list(table._patterns)
    for i in range(len(toks)):
        done: set[int] = set()
        for p in patterns:
            if id(p) in done:
                continue
            for seq in p.elems[p.key].seqs:
                anchor = _rarity(seq)[1]
                first = i - anchor
                if first < 0 or tuple(toks[first : first + len(seq)]) != seq:
                    continue
                if seq[anchor] != toks[i]:
                    continue
                stop = _right(p.elems, p.key + 1, toks, first + len(seq))
                start = _left(p.elems, p.key - 1, toks, first) if stop is not None else None
                if stop is None or start is None:
                    continue
                done.add(id(p))
                while stop - start > 1 and toks[start] in BOUNDARIES:
                    start += 1
                while stop - start > 1 and toks[stop - 1] in BOUNDARIES:
                    stop -= 1
                out.append(Match(spans[start][0], spans[stop - 1][1], p.weight, p.tag, p.source))
                break
    return out
