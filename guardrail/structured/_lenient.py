"""A strict-grammar normaliser for the JSON dialects models write (JSON5-ish, Python-ish).

:func:`normalise` rewrites one bracketed candidate into standard JSON text, naming each repair:
comments, trailing commas, single-quoted and triple-quoted strings, unquoted keys, Python literals
and tuples, raw control characters and invalid escapes in strings, ``...`` placeholders,
``"a" + "b"`` concatenation, and a cut-off end (close the string, drop a dangling key, close the
brackets). Anything else it does not understand raises :class:`LenientError` rather than guess;
the caller then falls back to json-repair. One pass, regex jumps inside strings, no recursion.
"""

from __future__ import annotations

import re

__all__ = ["LenientError", "normalise"]

_NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?")
_IDENT = re.compile(r"[A-Za-z_$][\w$\-]*")
_WS = re.compile(r"\s*")
_STR_STOP = {'"': re.compile(r'[\\"\x00-\x1f]'), "'": re.compile(r"[\\'\x00-\x1f\"]")}
_ESCAPES = {
    '"': '\\"',
    "\\": "\\\\",
    "/": "/",
    "b": "\\b",
    "f": "\\f",
    "n": "\\n",
    "r": "\\r",
    "t": "\\t",
}
_CONTROL = {"\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
_HEX = re.compile(r"[0-9a-fA-F]{4}")
#: A backslash before these is dropped (Markdown escapes); before anything else that is not a
#: JSON escape it is kept as a literal backslash (Windows paths, regular expressions).
_MARKDOWN_ESCAPES = frozenset("_*")
_HEX_PREFIX = re.compile(r"[0-9a-fA-F]{0,3}")
_LITERALS = {
    "true": "true",
    "false": "false",
    "null": "null",
    "True": "true",
    "TRUE": "true",
    "False": "false",
    "FALSE": "false",
    "None": "null",
    "Null": "null",
    "NULL": "null",
    "undefined": "null",
}
_CLOSERS = {"{": "}", "[": "]", "(": ")"}

# parser states
_VALUE, _KEY, _COLON, _AFTER = range(4)


class LenientError(ValueError):
    """The candidate is outside the dialects :func:`normalise` understands."""


class _Cut(Exception):
    """The input ended inside a token."""


class _Reader:
    __slots__ = ("i", "repairs", "src")

    def __init__(self, src: str) -> None:
        self.src = src
        self.i = 0
        self.repairs: list[str] = []

    def note(self, repair: str) -> None:
        if repair not in self.repairs:
            self.repairs.append(repair)

    def skip(self) -> None:
        """Skip whitespace and comments."""
        src, n = self.src, len(self.src)
        while True:
            self.i = _WS.match(src, self.i).end()  # type: ignore[union-attr]
            if src.startswith("//", self.i):
                end = src.find("\n", self.i)
                self.i = n if end < 0 else end + 1
                self.note("comments")
            elif src.startswith("/*", self.i):
                end = src.find("*/", self.i + 2)
                self.i = n if end < 0 else end + 2
                self.note("comments")
            else:
                return

    def string(self, quote: str) -> str:
        """Read a string opened at ``self.i``; returns its JSON body (no quotes). Raises _Cut."""
        src = self.src
        triple = src.startswith(quote * 3, self.i)
        if triple:
            self.note("triple_quotes")
            self.i += 3
            end = src.find(quote * 3, self.i)
            body_end = len(src) if end < 0 else end
            body = self._body(src[self.i : body_end])
            self.i = body_end + 3
            if end < 0:
                self.i = len(src)
                raise _Cut(body)
            return body
        if quote == "'":
            self.note("single_quotes")
        self.i += 1
        return self._quoted(quote)

    def _quoted(self, quote: str) -> str:
        src, n = self.src, len(self.src)
        stop = _STR_STOP[quote]
        parts: list[str] = []
        pos = self.i
        while True:
            m = stop.search(src, pos)
            if m is None:
                parts.append(src[pos:])
                self.i = n
                raise _Cut("".join(parts))
            parts.append(src[pos : m.start()])
            c = m.group()
            pos = m.end()
            if c == quote:
                self.i = pos
                return "".join(parts)
            if c == '"':  # a double quote inside a single-quoted string
                parts.append('\\"')
            elif c == "\\":
                if pos >= n or (
                    src[pos] == "u" and n - pos <= 4 and _HEX_PREFIX.fullmatch(src, pos + 1)
                ):
                    self.i = n
                    raise _Cut("".join(parts))  # a cut-off escape: drop it
                parts.append(self._escape(src[pos], pos))
                pos += 5 if src[pos] == "u" else 1
            else:
                parts.append(self._control(c))

    def _body(self, raw: str) -> str:
        """JSON body of a triple-quoted string's raw content."""
        out: list[str] = []
        k = 0
        n = len(raw)
        while k < n:
            c = raw[k]
            if c == "\\" and k + 1 < n:
                out.append(self._escape(raw[k + 1], k + 1, raw))
                k += 6 if raw[k + 1] == "u" else 2
                continue
            if c == '"':
                out.append('\\"')
            elif c < " ":
                out.append(self._control(c))
            else:
                out.append(c)
            k += 1
        return "".join(out)

    def _escape(self, c: str, at: int, src: str | None = None) -> str:
        text = self.src if src is None else src
        if c in _ESCAPES:
            return _ESCAPES[c]
        if c == "u":
            if _HEX.match(text, at + 1) is None:
                raise LenientError("a \\u escape without four hex digits")
            return "\\u" + text[at + 1 : at + 5]
        if c == "'":
            return "'"
        self.note("invalid_escapes")
        if c in _MARKDOWN_ESCAPES:
            return c  # send\_message: a Markdown escape, not part of the value
        return "\\\\" + (self._control(c) if c < " " else c)  # C:\Users: keep the backslash

    def _control(self, c: str) -> str:
        self.note("control_chars")
        return _CONTROL.get(c, f"\\u{ord(c):04x}")


def normalise(src: str, *, max_depth: int) -> tuple[str, list[str], bool]:
    """Rewrite ``src`` (one ``{...}``/``[...]`` candidate) as JSON text.

    Returns ``(json_text, repairs, truncated)``. Raises :class:`LenientError` on anything outside
    the supported dialects (the caller falls back to json-repair).
    """
    r = _Reader(src)
    n = len(src)
    out: list[str] = []
    stack: list[str] = []
    state = _VALUE
    comma = False  # a comma seen after a value, emitted lazily (so a trailing one is dropped)
    key_mark = 0  # where the current key's output starts (to drop a dangling key at the end)

    def open_item() -> None:
        nonlocal comma
        if comma:
            out.append(",")
            comma = False

    r.skip()
    while True:
        r.skip()
        if r.i >= n:
            break
        c = src[r.i]
        if state == _AFTER:
            if not stack:
                raise LenientError("content after the value")
            top = stack[-1]
            if c == ",":
                if comma:
                    raise LenientError("two commas in a row")
                comma = True
                r.i += 1
                state = _KEY if top == "{" else _VALUE
                continue
            if c in "}])":
                if c != _CLOSERS[top]:
                    raise LenientError(f"{c!r} closes {top!r}")
                out.append("}" if top == "{" else "]")
                stack.pop()
                r.i += 1
                if not stack:
                    r.skip()
                    if r.i < n:
                        raise LenientError("content after the value")
                    return "".join(out), r.repairs, False
                continue
            if c == "+" and out and out[-1].endswith('"'):
                r.i += 1
                r.skip()
                if r.i >= n or src[r.i] not in "\"'":
                    raise LenientError("'+' not followed by a string")
                r.note("string_concat")
                try:
                    body = r.string(src[r.i])
                except _Cut as cut:
                    out[-1] = out[-1][:-1] + str(cut.args[0]) + '"'
                    break
                out[-1] = out[-1][:-1] + body + '"'
                continue
            raise LenientError(f"unexpected {c!r} after a value")
        if state == _COLON:
            if c != ":":
                raise LenientError("a key without a colon")
            out.append(":")
            r.i += 1
            state = _VALUE
            continue
        if (src.startswith("...", r.i) or c == "…") and (
            state == _KEY or (stack and stack[-1] != "{")
        ):
            # a placeholder element: drop it (and its comma); a pending comma stays pending
            r.note("ellipsis")
            r.i += 1 if c == "…" else 3
            r.skip()
            if r.i < n and src[r.i] == ",":
                r.i += 1
            continue
        if state == _KEY:
            if c == "}":
                if comma:
                    r.note("trailing_comma")
                    comma = False
                state = _AFTER
                continue  # the closer is handled in _AFTER
            key_mark = len(out)
            open_item()
            if c in "\"'":
                try:
                    body = r.string(c)
                except _Cut:
                    del out[key_mark:]
                    break
                out.append('"' + body + '"')
            else:
                m = _IDENT.match(src, r.i)
                if m is None:
                    raise LenientError(f"unexpected {c!r} where a key belongs")
                r.note("unquoted_keys")
                out.append('"' + m.group() + '"')
                r.i = m.end()
            state = _COLON
            continue
        # state == _VALUE
        if c in "}])":
            if not stack:
                raise LenientError(f"unexpected {c!r}")
            if stack[-1] == "{":
                raise LenientError("a key without a value")
            if comma:
                r.note("trailing_comma")
                comma = False
            state = _AFTER
            continue
        if not stack or stack[-1] != "{":
            key_mark = len(out)
        open_item()
        if c in "{[(":
            if c == "(":
                r.note("python_literals")
            stack.append(c)
            if len(stack) > max_depth:
                raise LenientError(f"the value nests deeper than {max_depth} levels")
            out.append("{" if c == "{" else "[")
            r.i += 1
            state = _KEY if c == "{" else _VALUE
            continue
        if c in "\"'":
            try:
                body = r.string(c)
            except _Cut as cut:
                out.append('"' + str(cut.args[0]) + '"')
                state = _AFTER
                break
            out.append('"' + body + '"')
            state = _AFTER
            continue
        m = _NUMBER.match(src, r.i)
        if m is not None:
            end = m.end()
            if end < n and src[end] == "." and src[end + 1 : end + 2].strip() == "":
                if end + 1 >= n:
                    out.append(m.group())
                    state = _AFTER
                    break
                raise LenientError("a number ending in '.'")
            out.append(m.group())
            r.i = end
            state = _AFTER
            continue
        m = _IDENT.match(src, r.i)
        if m is not None:
            word = m.group()
            lit = _LITERALS.get(word)
            if lit is None:
                if m.end() >= n and (
                    (stack and stack[-1] != "{")
                    or any(x.startswith(word) for x in ("true", "false", "null"))
                ):
                    del out[key_mark:]  # a cut-off token: drop it (and its key)
                    state = _KEY
                    break
                raise LenientError(f"an unquoted value {word[:20]!r}")
            if lit != word:
                r.note("python_literals")
            out.append(lit)
            r.i = m.end()
            state = _AFTER
            continue
        if c == "-" and r.i + 1 >= n:
            del out[key_mark:]
            state = _KEY
            break
        raise LenientError(f"unexpected {c!r} where a value belongs")

    # The input ended before the value closed: complete it.
    if not stack:
        raise LenientError("no value")
    if state == _COLON or (state == _VALUE and stack[-1] == "{"):
        del out[key_mark:]
    for opener in reversed(stack):
        out.append("}" if opener == "{" else "]")
    r.note("truncated")
    return "".join(out), r.repairs, True
