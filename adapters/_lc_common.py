"""Helpers shared by the LangChain chat-model wrapper and the agent middleware."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from langchain_core.messages import AIMessage, BaseMessage
from langchain_core.messages import convert_to_messages as _convert
from langchain_core.runnables import RunnableConfig

from guardrail.adapters._restore import restore

__all__ = ["NOSTREAM", "SESSION_KWARG", "as_ai", "session_id_from", "to_messages"]

SESSION_KWARG = "guard_session_id"
#: LangGraph's tag for runs whose tokens must not reach ``stream_mode="messages"``.
NOSTREAM = "nostream"


def session_id_from(config: RunnableConfig | None) -> str | None:
    """The guard session of a run: ``configurable`` ``session_id``, else ``thread_id``."""
    configurable = (config or {}).get("configurable") or {}
    for key in ("session_id", "thread_id"):
        value = configurable.get(key)
        if value is not None and value != "":
            return str(value)
    return None


def to_messages(messages: Sequence[Any], originals: Sequence[Any] = ()) -> list[BaseMessage]:
    """LangChain messages from the guard's mix of LangChain messages and OpenAI-style dicts.

    Dicts of a rebuilt (reset) context that match the caller's ``originals`` become those
    messages again, so tool calls, tool-call ids and message ids survive a reset.
    """
    return _convert(restore(messages, originals))


def as_ai(reply: Any) -> AIMessage:
    if isinstance(reply, AIMessage):
        return reply
    return AIMessage(content=reply if isinstance(reply, str) else str(reply))
