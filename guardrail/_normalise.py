"""Turn caller messages (OpenAI dicts, LangChain messages, our Message) into ``Message``."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from guardrail._models import Message, Role
from guardrail.exceptions import InputError

__all__ = ["content_text", "normalise", "normalise_one"]

_ROLES: dict[str, Role] = {
    "system": "system",
    "developer": "developer",
    "user": "user",
    "human": "user",
    "assistant": "assistant",
    "ai": "assistant",
    "tool": "tool",
    "function": "tool",
}


def content_text(content: Any) -> str:
    """Flatten OpenAI/LangChain content (a string or a list of parts) into plain text."""
    if content is None:
        return ""
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        parts: list[str] = []
        for part in content:
            if isinstance(part, str):
                parts.append(part)
            elif isinstance(part, Mapping) and isinstance(part.get("text"), str):
                parts.append(part["text"])
        return "".join(parts)
    raise InputError(f"content must be a string or a list of parts, not {type(content).__name__}")


def normalise_one(raw: Any) -> Message:
    """Normalise one message; raise :class:`InputError` naming the problem."""
    if isinstance(raw, Message):
        return raw
    if isinstance(raw, Mapping):
        role = raw.get("role")
        if not isinstance(role, str):
            raise InputError("message has no 'role' string")
        content = raw.get("content")
        name = raw.get("name")
        meta = {k: raw[k] for k in ("tool_calls", "tool_call_id", "finish_reason") if k in raw}
    elif hasattr(raw, "type") and hasattr(raw, "content"):  # LangChain BaseMessage, duck-typed
        role = getattr(raw, "type", None)
        if not isinstance(role, str):
            raise InputError("message has no role")
        content = raw.content
        name = getattr(raw, "name", None)
        meta = {}
        tool_calls = getattr(raw, "tool_calls", None)
        if tool_calls:
            meta["tool_calls"] = tool_calls
    else:
        raise InputError(
            f"a message must be a mapping with 'role' and 'content', not {type(raw).__name__}"
        )
    norm = _ROLES.get(role.lower())
    if norm is None:
        raise InputError(f"unknown role {role!r}")
    return Message(
        role=norm,
        content=content_text(content),
        name=name if isinstance(name, str) else None,
        metadata=meta,
    )


def normalise(messages: Sequence[Any]) -> list[Message]:
    """Normalise a whole list; the error names the offending position."""
    if isinstance(messages, (str, bytes)) or not isinstance(messages, Sequence):
        raise InputError("messages must be a list of messages")
    out: list[Message] = []
    for i, raw in enumerate(messages):
        try:
            out.append(normalise_one(raw))
        except InputError as exc:
            raise InputError(f"message {i}: {exc}") from None
    return out
