"""Give a rebuilt context back its original messages.

The guard rebuilds a reset context as plain ``{"role", "content"}`` dicts. Sent as they are, a kept
tool call loses its ``tool_calls`` and a kept tool result its ``tool_call_id`` (providers reject
both). :func:`restore` turns every such dict that matches one of the caller's messages (same role
and text) back into that message.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence
from typing import Any

from guardrail import InputError
from guardrail._normalise import normalise_one

__all__ = ["restore"]


def _key(message: Any) -> tuple[str, str] | None:
    try:
        norm = normalise_one(message)
    except InputError:
        return None
    return norm.role, norm.content


def restore(messages: Sequence[Any], originals: Sequence[Any]) -> list[Any]:
    """``messages`` with rebuilt dicts replaced by the matching ``originals`` (each used once)."""
    out = list(messages)
    n = len(originals)
    if len(out) >= n and all(a is b for a, b in zip(out, originals, strict=False)):
        return out  # the caller's own history, plus at most a corrective instruction
    index: dict[tuple[str, str], deque[Any]] = {}
    for m in originals:
        key = _key(m)
        if key is not None:
            index.setdefault(key, deque()).append(m)
    for i, m in enumerate(out):
        if not isinstance(m, dict) or set(m) - {"role", "content"}:
            continue
        key = _key(m)
        same = index.get(key) if key is not None else None
        if same:
            out[i] = same.popleft()
        elif key is not None and key[0] == "tool":
            # A tool result without its call id cannot be sent as a tool message.
            out[i] = {"role": "system", "content": f"Tool output: {key[1]}"}
    return out
