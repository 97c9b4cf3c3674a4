"""``GuardrailMiddleware``: the guard inside a LangChain v1 agent (``create_agent``).

Recovery happens inside ``wrap_model_call``/``awrap_model_call``: a failed reply is repaired or
the model re-called before anything is returned, so it never enters the agent state. A context
reset becomes a state update that removes the thread's messages and writes the rebuilt context. The
guard session is the thread id; ``state["guardrail"]`` (a state-schema extension) holds the
guard's summary of the thread. LangGraph's ``GraphInterrupt``/``GraphBubbleUp`` pass through.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Annotated, Any, NotRequired

from langchain.agents.middleware import AgentMiddleware, AgentState, ModelRequest, ModelResponse
from langchain.agents.middleware.types import ExtendedModelResponse, OmitFromInput
from langchain_core.messages import AIMessage, RemoveMessage
from langchain_core.runnables.config import var_child_runnable_config
from langgraph.config import get_config
from langgraph.graph.message import REMOVE_ALL_MESSAGES
from langgraph.types import Command

from guardrail import Guard, Outcome, Verdict
from guardrail._models import SESSION_LABELS
from guardrail.adapters._lc_common import NOSTREAM, as_ai, session_id_from, to_messages

__all__ = ["GuardrailMiddleware", "GuardrailState"]

_KEEP_INTERVENTIONS = 32


class GuardrailState(AgentState[Any]):
    """Agent state with the guard's per-thread summary (``labels``, ``flagged``, ``actions`` ...)."""

    guardrail: NotRequired[Annotated[dict[str, Any], OmitFromInput]]


def _thread_id(request: ModelRequest[Any]) -> str | None:
    info = getattr(request.runtime, "execution_info", None)
    tid = getattr(info, "thread_id", None)
    if tid:
        return str(tid)
    try:
        return session_id_from(get_config())
    except RuntimeError:  # outside a graph run
        return None


def _previous(state: Any) -> dict[str, Any] | None:
    prev = state.get("guardrail") if isinstance(state, dict) else None
    return prev if isinstance(prev, dict) else None


def _summary(verdict: Verdict, previous: dict[str, Any] | None) -> dict[str, Any]:
    flagged = list((previous or {}).get("flagged", []))
    if verdict.decision.flag or "flag" in verdict.actions_taken:
        # Flags are raised for session labels (and the reasons of the final decision).
        reasons = [*verdict.decision.reasons, *verdict.session_labels]
        flagged += [r for r in dict.fromkeys(reasons) if r in SESSION_LABELS and r not in flagged]
    return {
        "session_id": verdict.session_id,
        "labels": sorted(verdict.labels),
        "session_labels": list(verdict.session_labels),
        "flagged": flagged,
        "actions": list(verdict.actions_taken),
        # Every intervention on this thread (bounded), oldest first.
        "interventions": [
            *(previous or {}).get("interventions", []),
            *(a for a in verdict.actions_taken if a != "accept"),
        ][-_KEEP_INTERVENTIONS:],
        "attempts": verdict.attempts,
        "distress": verdict.distress,
    }


class _Calls:
    """Bookkeeping for one guarded model call: what was sent, what came back."""

    def __init__(self, request: ModelRequest[Any]) -> None:
        self.request = request
        self.sent: list[Any] = []
        self.responses: dict[int, ModelResponse[Any]] = {}
        self.last: ModelResponse[Any] | None = None

    def prepare(self, msgs: Sequence[Any]) -> ModelRequest[Any]:
        self.sent = list(msgs)
        return self.request.override(messages=to_messages(msgs, self.request.messages))  # type: ignore[arg-type]

    def reply_of(self, response: Any) -> AIMessage:
        if isinstance(response, AIMessage):
            response = ModelResponse(result=[response])
        ai = next((m for m in response.result if isinstance(m, AIMessage)), None)
        if ai is None:
            ai = AIMessage(content="")
            response = ModelResponse(result=[ai, *response.result], structured_response=None)
        self.responses[id(ai)] = self.last = response
        return ai

    def result(self, outcome: Outcome) -> ExtendedModelResponse[Any]:
        ai = as_ai(outcome.reply)
        original = self.responses.get(id(outcome.reply))
        if original is not None:
            response = original
        else:  # repaired (a copy of the model's message) or the guard's own end message
            source = self.last
            rest = [m for m in source.result if not isinstance(m, AIMessage)] if source else []
            response = ModelResponse(
                result=[ai, *rest],
                structured_response=source.structured_response if source else None,
            )
        update: dict[str, Any] = {
            "guardrail": _summary(outcome.verdict, _previous(self.request.state))
        }
        if "reset" in outcome.verdict.actions_taken:
            # The last call went out as [rebuilt context..., corrective instruction]: the agent
            # state becomes the rebuilt context plus the accepted reply.
            for msg in response.result:
                if msg.id is None:
                    msg.id = str(uuid.uuid4())
            rebuilt = to_messages(self.sent[:-1], self.request.messages)
            update["messages"] = [RemoveMessage(id=REMOVE_ALL_MESSAGES), *rebuilt, *response.result]
        return ExtendedModelResponse(model_response=response, command=Command(update=update))


@contextmanager
def _quiet(on: bool) -> Iterator[None]:
    """Tag the model runs started inside with LangGraph's ``nostream`` (messages-mode streams skip
    their tokens; the node's output message still reaches them)."""
    parent = var_child_runnable_config.get() if on else None
    if not parent:
        yield
        return
    token = var_child_runnable_config.set(
        {**parent, "tags": [*(parent.get("tags") or []), NOSTREAM]}
    )
    try:
        yield
    finally:
        var_child_runnable_config.reset(token)


class GuardrailMiddleware(AgentMiddleware[GuardrailState, Any, Any]):
    """Guard every model call of a LangChain v1 agent (see the module docstring)."""

    state_schema = GuardrailState

    def __init__(
        self,
        *,
        guard: Guard,
        session_id: Callable[[ModelRequest[Any]], str | None] = _thread_id,
        stream_tokens: bool = False,
    ) -> None:
        """``session_id`` maps a request to the guard session (default: the thread id).

        ``stream_tokens=False`` (default) keeps the model's tokens out of LangGraph's
        ``stream_mode="messages"`` while the guard decides, so a reply it withholds is never
        streamed; the accepted reply then arrives as a whole message. ``True`` streams tokens as
        they are generated, withheld replies included.
        """
        super().__init__()
        self.guard = guard
        self.session_id = session_id
        self.stream_tokens = stream_tokens
        self.tools = []

    def __repr__(self) -> str:
        return f"GuardrailMiddleware(guard={self.guard!r}, stream_tokens={self.stream_tokens})"

    def wrap_model_call(
        self,
        request: ModelRequest[Any],
        handler: Callable[[ModelRequest[Any]], ModelResponse[Any]],
    ) -> ExtendedModelResponse[Any]:
        calls = _Calls(request)

        def call(msgs: Sequence[Any]) -> AIMessage:
            with _quiet(not self.stream_tokens):
                return calls.reply_of(handler(calls.prepare(msgs)))

        outcome = self.guard.invoke(call, request.messages, session_id=self.session_id(request))
        return calls.result(outcome)

    async def awrap_model_call(
        self,
        request: ModelRequest[Any],
        handler: Callable[[ModelRequest[Any]], Any],
    ) -> ExtendedModelResponse[Any]:
        calls = _Calls(request)

        async def call(msgs: Sequence[Any]) -> AIMessage:
            with _quiet(not self.stream_tokens):
                return calls.reply_of(await handler(calls.prepare(msgs)))

        outcome = await self.guard.ainvoke(
            call, request.messages, session_id=self.session_id(request)
        )
        return calls.result(outcome)
