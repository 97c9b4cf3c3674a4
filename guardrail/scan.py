"""Reading conversations (JSONL, JSON, stdin) and scanning them into the ``scan`` contract.

Bad input never stops the run: each unreadable conversation becomes a :class:`ScanError` naming
its line, and the others are still scanned.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, Any

from guardrail._guard import Guard
from guardrail._models import Verdict
from guardrail.exceptions import InputError

__all__ = [
    "DEFAULT_MAX_LINE_BYTES",
    "Conversation",
    "ScanError",
    "iter_conversations",
    "scan_conversation",
    "verdict_to_contract",
]

DEFAULT_MAX_LINE_BYTES = 16 * 1024 * 1024
_CHUNK = 1 << 16


@dataclass(frozen=True, slots=True)
class Conversation:
    line: int
    id: str
    messages: list[Any]
    raw: dict[str, Any]


@dataclass(frozen=True, slots=True)
class ScanError:
    line: int
    problem: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.problem}"


def _lines(stream: IO[bytes], limit: int) -> Iterator[tuple[int, bytes | None]]:
    """Yield (line number, bytes) — or None for a line over ``limit``, which is skipped whole."""
    lineno = 0
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        lineno += 1
        if len(line) > limit and not line.endswith(b"\n"):
            while True:  # drain the rest of the oversized line in bounded chunks
                rest = stream.readline(_CHUNK)
                if not rest or rest.endswith(b"\n"):
                    break
            yield lineno, None
            continue
        yield lineno, line


def _as_conversation(obj: Any, line: int) -> Conversation:
    if isinstance(obj, list):
        obj = {"messages": obj}
    if not isinstance(obj, dict):
        raise InputError(
            f"expected an object with 'messages' or a list of messages, got {type(obj).__name__}"
        )
    messages = obj.get("messages")
    if not isinstance(messages, list):
        raise InputError("missing 'messages' list")
    cid = obj.get("id", f"line-{line}")
    return Conversation(line=line, id=str(cid), messages=messages, raw=obj)


def iter_conversations(
    stream: IO[bytes], *, max_line_bytes: int = DEFAULT_MAX_LINE_BYTES
) -> Iterator[Conversation | ScanError]:
    """Conversations from JSONL, or from one JSON document (object or bare message list)."""
    head = stream.read(_CHUNK)
    stripped = head.lstrip()
    if not stripped:
        yield ScanError(1, "empty input: no conversations")
        return
    body = _Prefixed(head, stream)
    if stripped[:1] == b"[":
        data = body.read_all(max_line_bytes)
        if data is None:
            yield ScanError(1, f"document over the size limit of {max_line_bytes} bytes")
            return
        yield _parse(data, 1)
        return
    lines = _lines(body, max_line_bytes)  # type: ignore[arg-type]
    for lineno, line in lines:
        if line is None:
            yield ScanError(lineno, f"line over the size limit of {max_line_bytes} bytes")
            continue
        if not line.strip():
            continue
        item = _parse(line, lineno)
        if isinstance(item, ScanError) and line.lstrip()[:1] == b"{":
            # Perhaps one pretty-printed JSON object spread over several lines.
            rest = body.read_all(max_line_bytes - len(line))
            whole = _parse(line + rest, lineno) if rest is not None else item
            if isinstance(whole, Conversation):
                yield whole
                return
            yield item
            if rest is not None:
                yield from _jsonl(rest, lineno)
            return
        yield item


def _jsonl(data: bytes, after: int) -> Iterator[Conversation | ScanError]:
    for offset, line in enumerate(data.split(b"\n"), start=after + 1):
        if line.strip():
            yield _parse(line, offset)


def _parse(data: bytes, line: int) -> Conversation | ScanError:
    try:
        obj = json.loads(data)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        return ScanError(line, f"invalid JSON: {exc}")
    try:
        return _as_conversation(obj, line)
    except InputError as exc:
        return ScanError(line, str(exc))


class _Prefixed:
    """A byte stream with an already-read head put back in front."""

    def __init__(self, head: bytes, stream: IO[bytes]) -> None:
        self._head = head
        self._stream = stream

    def readline(self, limit: int = -1) -> bytes:
        if self._head:
            nl = self._head.find(b"\n")
            end = len(self._head) if nl < 0 else nl + 1
            if 0 <= limit < end:
                end = limit
            out, self._head = self._head[:end], self._head[end:]
            if out.endswith(b"\n") or (0 <= limit <= len(out)) or self._head:
                return out
            more = self._stream.readline(-1 if limit < 0 else limit - len(out))
            return out + more
        return self._stream.readline(limit)

    def read_all(self, limit: int) -> bytes | None:
        data = self._head + self._stream.read(limit + 1 - len(self._head))
        return None if len(data) > limit else data


def verdict_to_contract(conv_id: str, messages: list[Any], verdict: Verdict) -> dict[str, Any]:
    """The ``guardrail scan --format json`` object for one conversation (DESIGN.md)."""
    reports = {t.index: t for t in verdict.turns}
    turns = []
    for i in range(len(messages)):
        rep = reports.get(i)
        if rep is None:  # pragma: no cover - every message is processed on a fresh session
            raise InputError(f"message {i} was not scanned")
        turns.append(
            {
                "index": i,
                "role": rep.role,
                "labels": list(rep.labels),
                "scores": dict(rep.scores),
                "evidence": [
                    {"label": e.label, "text": e.text, "start": e.start, "end": e.end}
                    for e in rep.evidence
                ],
            }
        )
    return {
        "id": conv_id,
        "turns": turns,
        "session": {
            "labels": list(verdict.session_labels),
            "action": verdict.decision.action.value,
        },
    }


def scan_conversation(guard: Guard, conv: Conversation, *, schema: Any = None) -> dict[str, Any]:
    """Scan one conversation on a fresh session; raises :class:`InputError` for bad messages."""
    verdict = guard.check(conv.messages, session_id=f"scan:{conv.line}:{conv.id}", schema=schema)
    return verdict_to_contract(conv.id, conv.messages, verdict)
