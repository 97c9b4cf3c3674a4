"""Incremental JSON checks on a streamed reply: say early when it cannot become the required JSON.

:class:`JsonStreamChecker` keeps a handful of counters and flags (string/escape state, bracket
depth, a bounded preamble count, a short tail for reasoning tags), so :meth:`~JsonStreamChecker.feed`
costs O(chunk) whatever came before. It is permissive about what
:func:`~guardrail.structured.extract_json` can repair (fences, reasoning blocks, a short preamble,
single quotes, missing brackets) and strict about what it cannot: a reply that is only prose, a
value of the wrong kind, nesting past the limit, or a second value when ``multiple="error"``.
"""

from __future__ import annotations

import re
from enum import Enum
from typing import Any

from guardrail.exceptions import ConfigError
from guardrail.structured._validate import CompiledSchema

__all__ = ["JsonStreamChecker", "StreamStatus"]

_TAG = re.compile(r"<(think|thinking|reasoning|reflection)\s*>", re.IGNORECASE)
_MAX_TAG = 16
_SCALAR_TYPES = frozenset({"string", "number", "integer", "boolean", "null"})
_WS = " \t\r\n"
_IDENT = re.compile(r"[A-Za-z_$]")
_KEY_CHAR = re.compile(r"[\w$\-]")
_MAX_KEY = 64


class StreamStatus(Enum):
    """Where the stream stands. Truthy only for :attr:`FAILED` (so ``if checker.feed(c):`` stops)."""

    WAITING = "waiting"  # nothing decisive yet: whitespace, a reasoning block, a fence, a preamble
    IN_VALUE = "in_value"  # inside a JSON value
    COMPLETE = "complete"  # a top-level value has closed
    FAILED = "failed"  # the stream cannot become the required JSON; see ``checker.reason``

    def __bool__(self) -> bool:
        return self is StreamStatus.FAILED


# phases
_PREFIX, _TAGGING, _THINK, _OPENED, _VALUE, _AFTER = range(6)


def _expected_kind(schema: Any) -> str | None:
    """``"object"``, ``"array"``, ``"scalar"`` or None (anything) from a schema's top level."""
    if schema is None or schema == "json":
        return None
    inner = schema.schema if isinstance(schema, CompiledSchema) else schema
    if isinstance(inner, type):
        return "object"  # a pydantic model
    if isinstance(inner, dict):
        kind = inner.get("type")
        if kind in ("object", "array"):
            return str(kind)
        if isinstance(kind, str) and kind in _SCALAR_TYPES:
            return "scalar"
    return None


class JsonStreamChecker:
    """Feed chunks; get a :class:`StreamStatus`. ``reason`` says why when it is ``FAILED``.

    ``max_preamble``: prose characters tolerated before the value starts (reasoning blocks and
    fences do not count). ``multiple="error"`` fails when a second top-level value starts.
    """

    def __init__(
        self,
        *,
        schema: Any = None,
        multiple: str = "first",
        max_preamble: int = 200,
        max_depth: int = 100,
    ) -> None:
        if multiple not in ("first", "last", "all", "error"):
            raise ConfigError(f"multiple must be first, last, all or error; got {multiple!r}")
        if max_preamble < 0 or max_depth < 1:
            raise ConfigError("max_preamble must be >= 0 and max_depth >= 1")
        self.kind = _expected_kind(schema)
        self.multiple = multiple
        self.max_preamble = max_preamble
        self.max_depth = max_depth
        self.reason: str | None = None
        self.values = 0  # top-level values completed
        self.consumed = 0
        self._phase = _PREFIX
        self._preamble = 0
        self._tag = ""  # a possible reasoning tag being read
        self._tag_from = _PREFIX  # the phase to return to when it is not a tag
        self._close: re.Pattern[str] | None = None  # the closing tag of the reasoning block
        self._tail = ""  # the end of the last chunk inside a reasoning block
        self._opener = ""  # the bracket whose plausibility is pending
        self._pending = ""  # an unquoted key read after ``{`` (bounded by _MAX_KEY)
        self._depth = 0
        self._in_string = ""  # the quote of the open string, if any
        self._escape = False
        self._last_sig = ""

    def __repr__(self) -> str:
        return f"JsonStreamChecker(status={self.status.value!r}, consumed={self.consumed})"

    @property
    def status(self) -> StreamStatus:
        if self.reason is not None:
            return StreamStatus.FAILED
        if self._phase == _VALUE:
            return StreamStatus.IN_VALUE
        return StreamStatus.COMPLETE if self.values else StreamStatus.WAITING

    def _fail(self, reason: str) -> StreamStatus:
        self.reason = reason
        return StreamStatus.FAILED

    def feed(self, chunk: str) -> StreamStatus:
        """Check one chunk in O(len(chunk))."""
        self.consumed += len(chunk)
        if self.reason is not None:
            return StreamStatus.FAILED
        i, n = 0, len(chunk)
        while i < n:
            phase = self._phase
            if phase == _THINK:
                assert self._close is not None
                region = self._tail + chunk[i:]
                m = self._close.search(region)
                if m is None:
                    self._tail = region[-_MAX_TAG:]
                    i = n
                    continue
                i += m.end() - len(self._tail)
                self._tail = ""
                self._phase = _AFTER if self.values else _PREFIX
                continue
            c = chunk[i]
            i += 1
            if phase == _VALUE:
                self._value_char(c)
                if self.reason is not None:
                    return StreamStatus.FAILED
                continue
            if phase == _TAGGING:
                self._tag += c
                if c == ">" or len(self._tag) >= _MAX_TAG:
                    m = _TAG.fullmatch(self._tag)
                    self._tag_done(m.group(1).lower() if m else None)
                    if self.reason is not None:
                        return StreamStatus.FAILED
                continue
            if phase == _OPENED:
                verdict = self._opened(c)
                if verdict is None:
                    continue
                pending, self._pending = self._pending, ""
                if verdict:
                    if self._start_value() is StreamStatus.FAILED:
                        return StreamStatus.FAILED
                    for p in pending + c:
                        self._value_char(p)
                    if self.reason is not None:
                        return StreamStatus.FAILED
                    continue
                self._phase = _AFTER if self.values else _PREFIX
                if self._prose(1 + len(pending)):
                    return StreamStatus.FAILED
                i -= 1  # look at this character again, outside the rejected opener
                continue
            if c in _WS or c == "`":
                continue
            # _PREFIX or _AFTER
            if c == "<":
                self._tag_from = phase
                self._tag = "<"
                self._phase = _TAGGING
                continue
            if c in "{[":
                self._opener = c
                self._phase = _OPENED
                continue
            if self._prose(1):
                return StreamStatus.FAILED
        return self.status

    def finish(self) -> StreamStatus:
        """The stream ended: FAILED if no value was seen or the value never closed."""
        if self.reason is not None:
            return StreamStatus.FAILED
        if self._phase == _VALUE or (self._phase == _OPENED and not self.values):
            return self._fail("the stream ended inside the JSON value (truncated)")
        if not self.values:
            if self.kind == "scalar":
                return StreamStatus.WAITING  # a bare scalar: only extract_json can tell
            return self._fail("the stream ended without a JSON value")
        return StreamStatus.COMPLETE

    # -- helpers ---------------------------------------------------------------------------------
    def _tag_done(self, name: str | None) -> None:
        if name is not None:
            self._close = re.compile(rf"</{name}\s*>", re.IGNORECASE)
            self._tail = ""
            self._phase = _THINK
        else:
            self._phase = self._tag_from
            self._prose(len(self._tag))
        self._tag = ""

    def _prose(self, count: int) -> bool:
        """Count preamble prose; True when the stream has failed."""
        if self.values or self.kind == "scalar":
            return False  # prose after the value, or a scalar format: extract_json decides
        self._preamble += count
        if self._preamble > self.max_preamble:
            self._fail(f"no JSON value started within {self.max_preamble} characters of prose")
            return True
        return False

    def _opened(self, c: str) -> bool | None:
        """After an opener: can a value start here? None while undecided (``{key`` so far)."""
        pending = self._pending
        if not pending:
            if c in _WS:
                return None
            if self._opener == "[":
                return c in "{[\"'-0123456789]tfnTFN./\\"
            if c in "\"'}/\\“":
                return True
            if _IDENT.match(c) is None:
                return False
            self._pending = c
            return None
        if len(pending) >= _MAX_KEY:
            return False
        if c in _WS:
            self._pending += c
            return None
        if _KEY_CHAR.match(c) is not None and pending[-1] not in _WS:
            self._pending += c
            return None
        return c == ":"

    def _start_value(self) -> StreamStatus:
        if self.values and self.multiple == "error":
            return self._fail("a second top-level JSON value started (multiple='error')")
        if self.values and self.multiple == "first":
            self._phase = _AFTER
            self._depth = 0
            # the first value is what counts; later brackets are prose to extract_json
            return StreamStatus.COMPLETE
        want = {"object": "{", "array": "["}.get(self.kind or "")
        if want is not None and self._opener != want and self._preamble == 0:
            return self._fail(
                f"the value starts with {self._opener!r}; the format expects {want!r}"
            )
        self._phase = _VALUE
        self._depth = 1
        self._in_string = ""
        self._escape = False
        self._last_sig = self._opener
        return StreamStatus.IN_VALUE

    def _value_char(self, c: str) -> None:
        if self._phase != _VALUE:
            return
        if self._in_string:
            if self._escape:
                self._escape = False
            elif c == "\\":
                self._escape = True
            elif c == self._in_string:
                self._in_string = ""
                self._last_sig = "x"
            return
        if c == '"' or (c == "'" and self._last_sig in "{[,:"):
            self._in_string = c
            return
        if c in "{[":
            self._depth += 1
            if self._depth > self.max_depth:
                self._fail(f"the value nests deeper than {self.max_depth} levels")
            self._last_sig = c
            return
        if c in "}]":
            self._depth -= 1
            self._last_sig = "x"
            if self._depth == 0:
                self.values += 1
                self._phase = _AFTER
            return
        if c not in _WS:
            self._last_sig = c if c in ",:" else "x"
