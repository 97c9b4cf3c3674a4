"""Find the JSON candidates in a reply: reasoning blocks, code fences, balanced spans.

Everything here is a single left-to-right pass with regex jumps (no nested quantifiers) and no
recursion: the nesting depth is a counter, bounded by ``max_depth``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace

from guardrail.structured._repair import strict_loads

__all__ = ["Candidate", "Scan", "TooDeep", "find_candidates", "scan_value", "strip_reasoning"]

_TAGS = r"(think|thinking|reasoning|reflection)"
#: A reasoning tag that opens its line, or a closing tag that ends its line or comes right before
#: the value (so ``"<think>"`` quoted inside a JSON string is left alone).
_REASONING = re.compile(
    rf"^[ \t]*<(/?){_TAGS}\s*>|<(/){_TAGS}\s*>(?=[ \t]*(?:\r?\n|\Z|[{{\[`]))",
    re.IGNORECASE | re.MULTILINE,
)
_FENCE_OPEN = re.compile(r"`{3,}[ \t]*([A-Za-z0-9_+.\-]*)[^\S\n]*\n?")
#: A fence, or an opener that can start JSON: ``{"``, ``{'``, ``{}``, ``{key:``, ``{//``, ``[1``,
#: ``["``, ``[{``, ``[true``... Rejects ``{player_name}`` and ``[section]`` in one C-level search.
_NEXT_START = re.compile(
    r"```"
    r"|\{(?=\s*(?:[\"'}/“]|\\\"|[A-Za-z_$][\w$\-]*\s*:|\Z))"
    r"|\[(?=\s*(?:[{\[\"'\-\d\]/]|\\\"|(?:true|false|null|True|False|None)\b|\.\.\.|\Z))"
)
_STRUCT = re.compile(r"```|[\"'{}\[\]():,]")
_DQ = re.compile(r'[\\"]')
_SQ = re.compile(r"[\\']")
_OPENERS = "{[,:"
_DECODER = json.JSONDecoder()
_CLOSE_OF = {"}": "{", "]": "[", ")": "("}


class TooDeep(ValueError):
    """The value nests deeper than the configured limit."""


def strip_reasoning(text: str) -> tuple[str, bool, bool]:
    """Drop ``<think>``-style blocks. Returns (text, anything stripped, an unclosed block found).

    Only tags that start a line count. A closing tag with no opening tag before it (models that
    omit ``<think>``) drops everything before it; an opening tag that is never closed drops the
    rest of the reply.
    """
    parts: list[str] = []
    pos = 0
    stripped = unclosed = False
    for_open = True
    while True:
        m = _REASONING.search(text, pos)
        if m is None:
            break
        stripped = True
        closing, name = (m.group(1), m.group(2)) if m.group(2) else (m.group(3), m.group(4))
        if closing:  # a closing tag with no opening tag: reasoning up to here
            if for_open and not parts:
                pos = m.end()
                continue
            parts.append(text[pos : m.start()])
            pos = m.end()
            continue
        for_open = False
        parts.append(text[pos : m.start()])
        close = re.compile(r"</" + name + r"\s*>", re.IGNORECASE).search(text, m.end())
        if close is None:
            unclosed = True
            pos = len(text)
            break
        pos = close.end()
    if not stripped:
        return text, False, False
    parts.append(text[pos:])
    return "".join(parts), True, unclosed


@dataclass(frozen=True, slots=True)
class Scan:
    """How a value scanned from ``start`` ended."""

    end: int  # exclusive
    balanced: bool  # closed back to depth 0
    at_eof: bool  # ran into the end of input (or a closing fence) while still open
    in_string: bool  # ended inside a string


@dataclass(frozen=True, slots=True)
class Candidate:
    """One place in the reply that may hold a JSON value."""

    start: int
    end: int
    text: str
    fenced: bool
    whole: bool  # the span is the whole reply (after reasoning blocks and whitespace)
    scan: Scan
    outer: tuple[int, int]  # the span with its fence, if any


def scan_value(text: str, start: int, *, stop_at_fence: bool, max_depth: int) -> Scan:
    """Scan a bracketed value from ``text[start]`` (``{``, ``[`` or ``(``) to its matching closer.

    Understands double-quoted strings with escapes, and single-quoted strings where a value or key
    may start. A closer that skips unclosed openers closes them (``[{"a":1]``). Raises
    :class:`TooDeep` past ``max_depth``. A value that is already valid JSON is measured by the
    C decoder instead.
    """
    try:
        end = _DECODER.raw_decode(text, start)[1]
    except (ValueError, RecursionError):
        pass
    else:
        if text.count("{", start, end) + text.count("[", start, end) <= max_depth:
            return Scan(end, True, False, False)
    n = len(text)
    stack: list[str] = []
    counts = {"{": 0, "[": 0, "(": 0}
    pos = start
    last_sig = ""  # the last significant character outside strings
    while pos < n:
        m = _STRUCT.search(text, pos)
        if m is None:
            break
        if text[pos : m.start()].strip():
            last_sig = "x"
        tok = m.group()
        pos = m.end()
        if tok == "```":
            if stop_at_fence:
                return Scan(m.start(), False, True, False)
            last_sig = "x"
            continue
        if tok == '"' or (tok == "'" and last_sig in _OPENERS):
            pattern = _DQ if tok == '"' else _SQ
            while True:
                q = pattern.search(text, pos)
                if q is None:
                    return Scan(n, False, True, True)
                if q.group() == "\\":
                    pos = q.end() + 1
                    continue
                pos = q.end()
                break
            last_sig = "x"
            continue
        if tok in "{[(":
            stack.append(tok)
            counts[tok] += 1
            if len(stack) > max_depth:
                raise TooDeep(f"the value nests deeper than {max_depth} levels")
            last_sig = tok
            continue
        if tok in "}])":
            want = _CLOSE_OF[tok]
            if counts[want] == 0:  # a stray closer: ignore it
                last_sig = "x"
                continue
            while stack:
                top = stack.pop()
                counts[top] -= 1
                if top == want:
                    break
            if not stack:
                return Scan(pos, True, False, False)
            last_sig = "x"
            continue
        last_sig = tok  # "," or ":" or a quote that does not open a string
        if tok == "'":
            last_sig = "x"
    return Scan(n, False, True, False)


def _is_json(text: str) -> bool:
    try:
        strict_loads(text)
    except (ValueError, RecursionError):
        return False
    return True


def find_candidates(text: str, *, max_depth: int, limit: int = 64) -> list[Candidate]:
    """The JSON candidates of ``text`` in order: fenced ones if any fence holds one, else bare ones.

    A fence yields a candidate only when its content starts with a value (so a ```python block
    quoting ``d['k']`` is not JSON). Bare spans must start like JSON (``{"``, ``{key:``, ``[1``);
    those embedded in prose must also contain a quoted string or parse as they are.
    """
    body_start = len(text) - len(text.lstrip())
    body_end = len(text.rstrip())
    fenced: list[Candidate] = []
    bare: list[Candidate] = []
    if text.startswith("(", body_start):  # a whole-reply Python tuple
        sc = scan_value(text, body_start, stop_at_fence=False, max_depth=max_depth)
        if sc.end >= body_end:
            span = (body_start, sc.end)
            return [Candidate(body_start, sc.end, text[body_start : sc.end], False, True, sc, span)]
    pos = body_start
    while pos < body_end and len(fenced) + len(bare) < limit:
        m = _NEXT_START.search(text, pos, body_end)
        if m is None:
            break
        i = m.start()
        if m.group() == "```":
            opener = _FENCE_OPEN.match(text, i)
            assert opener is not None
            content = opener.end()
            j = content
            while j < body_end and text[j] in " \t\r\n":
                j += 1
            found: Candidate | None = None
            if j < body_end and text[j] in "{[":
                sc = scan_value(text, j, stop_at_fence=True, max_depth=max_depth)
                found = Candidate(j, sc.end, text[j : sc.end], True, False, sc, (0, 0))
                close = text.find("```", sc.end, body_end)
            else:
                close = text.find("```", content, body_end)
                inner = text[j : close if close >= 0 else body_end].rstrip()
                if inner and inner[0] in '"-0123456789tfn' and _is_json(inner):
                    sc = Scan(j + len(inner), True, False, False)
                    found = Candidate(j, sc.end, inner, True, False, sc, (0, 0))
            end = body_end if close < 0 else close + 3
            if found is not None:
                fenced.append(replace(found, outer=(i, end)))
            if close < 0:
                break
            pos = end
            continue
        sc = scan_value(text, i, stop_at_fence=False, max_depth=max_depth)
        whole = i == body_start and (sc.end >= body_end or not text[sc.end : body_end].strip())
        bare.append(Candidate(i, sc.end, text[i : sc.end], False, whole, sc, (i, sc.end)))
        pos = sc.end
    return fenced if fenced else bare
