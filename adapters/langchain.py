"""LangChain integration: a guarded chat model and a LangChain v1 agent middleware.

``GuardedChatModel(model=inner, guard=guard)`` is a ``BaseChatModel`` that wraps any other chat model:
``invoke``/``ainvoke``/``stream``/``astream``/``batch``, ``bind_tools`` and
``with_structured_output`` behave as on ``inner`` (tool calls, usage and response metadata are
the inner model's own), while every call goes through the guard's recovery loop. The session id
comes from the run config (``configurable`` ``session_id`` or ``thread_id``) or a
``guard_session_id=`` call keyword. The inner model's runs are tagged ``nostream`` so a LangGraph
``stream_mode="messages"`` consumer only sees what the guard delivers.

``GuardrailMiddleware(guard=guard)`` guards a ``langchain.agents.create_agent`` agent from inside
``wrap_model_call``/``awrap_model_call``: a failed reply is repaired or the model re-called before
the reply is returned, so it never enters the agent state; a context reset is applied to the agent
state by a state update that removes the old messages; the guard's session is the thread id; a
summary of the guard's view of the thread (labels, flags, last actions) is kept in the agent state
under ``guardrail``. LangGraph's control-flow exceptions (``GraphInterrupt``, ``GraphBubbleUp``)
pass through untouched.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Callable, Iterator, Sequence
from typing import Annotated, Any, NotRequired

from guardrail.adapters._restore import restore
from guardrail.adapters._runnables import swap_runnable
from guardrail.adapters._stream import (
    RESTART_MARKER,
    StreamOptions,
    Tap,
    arelay,
    guarded_texts,
    relay,
)
from langchain.agents.middleware import AgentMiddleware, AgentState, ModelRequest, ModelResponse
from langchain.agents.middleware.types import ExtendedModelResponse, OmitFromInput
from langchain_core.callbacks import (
    AsyncCallbackManager,
    AsyncCallbackManagerForLLMRun,
    CallbackManager,
    CallbackManagerForLLMRun,
)
from langchain_core.language_models import BaseChatModel, LanguageModelInput
from langchain_core.messages import (
    AIMessage,
    AIMessageChunk,
    BaseMessage,
    RemoveMessage,
)
from langchain_core.messages import convert_to_messages as _convert
from langchain_core.outputs import ChatGeneration, ChatGenerationChunk, ChatResult
from langchain_core.runnables import Runnable, RunnableConfig, ensure_config
from langgraph.graph.message import REMOVE_ALL_MESSAGES
from langgraph.types import Command
from pydantic import ConfigDict, Field

from guardrail import Guard, Outcome, Verdict
from guardrail._models import SESSION_LABELS
from guardrail._normalise import content_text

__all__ = ["GuardedChatModel", "GuardrailMiddleware", "GuardrailState", "session_id_from"]

SESSION_KWARG = "guard_session_id"
#: LangGraph's tag for runs whose tokens must not reach ``stream_mode="messages"``.
_NOSTREAM = "nostream"
_KEEP_INTERVENTIONS = 32


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


def _as_ai(reply: Any) -> AIMessage:
    if isinstance(reply, AIMessage):
        return reply
    return AIMessage(content=reply if isinstance(reply, str) else str(reply))


def _chunk_text(chunk: Any) -> str:
    return content_text(getattr(chunk, "content", ""))


def _new_chunk(text: str, template: Any) -> AIMessageChunk:
    return AIMessageChunk(content=text)


class GuardedChatModel(BaseChatModel):
    """A chat model that runs ``model`` under ``guard`` (see the module docstring)."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    model: BaseChatModel
    guard: Guard = Field(exclude=True)
    # A cached reply would bypass the guard's view of the conversation: the inner model may cache.
    cache: Any = False
    #: Streaming: hold chunks until the reply is accepted (the chunks then add up to the delivered
    #: message); ``False`` passes healthy chunks on at once and yields ``stream_marker`` before a
    #: replacement reply.
    stream_buffer: bool = True
    stream_marker: str | None = RESTART_MARKER

    @property
    def _llm_type(self) -> str:
        return f"guarded-{self.model._llm_type}"

    @property
    def _identifying_params(self) -> dict[str, Any]:
        return {"guarded": self.model._identifying_params}

    def _get_ls_params(self, stop: list[str] | None = None, **kwargs: Any) -> Any:
        kwargs.pop(SESSION_KWARG, None)
        return self.model._get_ls_params(stop=stop, **kwargs)

    # -- the run config carries the session id into _generate/_stream as a call keyword ----------
    @staticmethod
    def _with_session(config: RunnableConfig | None, kwargs: dict[str, Any]) -> dict[str, Any]:
        if kwargs.get(SESSION_KWARG) is not None:
            return kwargs
        sid = session_id_from(ensure_config(config))
        return {**kwargs, SESSION_KWARG: sid} if sid is not None else kwargs

    def invoke(
        self,
        input: LanguageModelInput,
        config: RunnableConfig | None = None,
        *,
        stop: list[str] | None = None,
        **kwargs: Any,
    ) -> AIMessage:
        return super().invoke(input, config, stop=stop, **self._with_session(config, kwargs))

    async def ainvoke(
        self,
        input: LanguageModelInput,
        config: RunnableConfig | None = None,
        *,
        stop: list[str] | None = None,
        **kwargs: Any,
    ) -> AIMessage:
        return await super().ainvoke(input, config, stop=stop, **self._with_session(config, kwargs))

    def stream(
        self,
        input: LanguageModelInput,
        config: RunnableConfig | None = None,
        *,
        stop: list[str] | None = None,
        **kwargs: Any,
    ) -> Iterator[AIMessageChunk]:
        yield from super().stream(input, config, stop=stop, **self._with_session(config, kwargs))

    async def astream(
        self,
        input: LanguageModelInput,
        config: RunnableConfig | None = None,
        *,
        stop: list[str] | None = None,
        **kwargs: Any,
    ) -> AsyncIterator[AIMessageChunk]:
        kw = self._with_session(config, kwargs)
        async for chunk in super().astream(input, config, stop=stop, **kw):
            yield chunk

    # -- the guarded calls -----------------------------------------------------------------------
    @staticmethod
    def _inner_config(
        run_manager: CallbackManagerForLLMRun | AsyncCallbackManagerForLLMRun | None,
    ) -> RunnableConfig:
        config: RunnableConfig = {"tags": [_NOSTREAM]}
        if run_manager is not None:
            # LLM runs have no get_child(): the inner calls become child runs of this one by hand.
            manager_cls = (
                AsyncCallbackManager
                if isinstance(run_manager, AsyncCallbackManagerForLLMRun)
                else CallbackManager
            )
            manager = manager_cls(handlers=[], parent_run_id=run_manager.run_id)
            manager.set_handlers(run_manager.inheritable_handlers)
            manager.add_tags(run_manager.inheritable_tags)
            manager.add_metadata(run_manager.inheritable_metadata)
            config["callbacks"] = manager
        return config

    def _generate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        sid = kwargs.pop(SESSION_KWARG, None)
        config = self._inner_config(run_manager)

        def call(msgs: Sequence[Any]) -> AIMessage:
            return self.model.invoke(to_messages(msgs, messages), config, stop=stop, **kwargs)

        outcome = self.guard.invoke(call, messages, session_id=sid)
        return ChatResult(generations=[ChatGeneration(message=_as_ai(outcome.reply))])

    async def _agenerate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: AsyncCallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        sid = kwargs.pop(SESSION_KWARG, None)
        config = self._inner_config(run_manager)

        async def call(msgs: Sequence[Any]) -> AIMessage:
            return await self.model.ainvoke(
                to_messages(msgs, messages), config, stop=stop, **kwargs
            )

        outcome = await self.guard.ainvoke(call, messages, session_id=sid)
        return ChatResult(generations=[ChatGeneration(message=_as_ai(outcome.reply))])

    def _stream(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> Iterator[ChatGenerationChunk]:
        sid = kwargs.pop(SESSION_KWARG, None)
        config = self._inner_config(run_manager)
        tap = Tap(
            lambda msgs: self.model.stream(
                to_messages(msgs, messages), config, stop=stop, **kwargs
            ),
            _chunk_text,
        )
        texts = guarded_texts(self.guard, tap, messages, sid, self._options, is_async=False)
        for chunk in relay(texts, tap, _new_chunk):
            yield ChatGenerationChunk(message=chunk)

    async def _astream(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: AsyncCallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> AsyncIterator[ChatGenerationChunk]:
        sid = kwargs.pop(SESSION_KWARG, None)
        config = self._inner_config(run_manager)
        tap = Tap(
            lambda msgs: self.model.astream(
                to_messages(msgs, messages), config, stop=stop, **kwargs
            ),
            _chunk_text,
        )
        texts = guarded_texts(self.guard, tap, messages, sid, self._options, is_async=True)
        async for chunk in arelay(texts, tap, _new_chunk):
            yield ChatGenerationChunk(message=chunk)

    @property
    def _options(self) -> StreamOptions:
        return StreamOptions(buffer=self.stream_buffer, marker=self.stream_marker)

    # -- tools and structured output: the inner model formats, the guard stays in the chain --------
    def bind_tools(
        self, tools: Sequence[Any], **kwargs: Any
    ) -> Runnable[LanguageModelInput, AIMessage]:
        """``inner.bind_tools(...)`` with this guarded model in place of ``inner``."""
        bound: Runnable[LanguageModelInput, AIMessage] = swap_runnable(
            self.model.bind_tools(tools, **kwargs), self.model, self
        )
        return bound

    def with_structured_output(
        self, schema: Any, **kwargs: Any
    ) -> Runnable[LanguageModelInput, Any]:
        """``inner.with_structured_output(...)`` with this guarded model in place of ``inner``.

        Falls back to LangChain's tool-calling implementation (through :meth:`bind_tools`) when the
        inner model's runnable does not expose the model to swap.
        """
        structured = self.model.with_structured_output(schema, **kwargs)
        swapped: Runnable[LanguageModelInput, Any] = swap_runnable(structured, self.model, self)
        if swapped is structured:
            return super().with_structured_output(schema, **kwargs)
        return swapped


# -- agent middleware ------------------------------------------------------------------------------
class GuardrailState(AgentState[Any]):
    """Agent state with the guard's per-thread summary (``labels``, ``flagged``, ``actions`` ...)."""

    guardrail: NotRequired[Annotated[dict[str, Any], OmitFromInput]]


def _thread_id(request: ModelRequest[Any]) -> str | None:
    info = getattr(request.runtime, "execution_info", None)
    tid = getattr(info, "thread_id", None)
    if tid:
        return str(tid)
    try:
        from langgraph.config import get_config

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
        ai = _as_ai(outcome.reply)
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


class GuardrailMiddleware(AgentMiddleware[GuardrailState, Any, Any]):
    """Guard every model call of a LangChain v1 agent (see the module docstring)."""

    state_schema = GuardrailState

    def __init__(
        self,
        *,
        guard: Guard,
        session_id: Callable[[ModelRequest[Any]], str | None] = _thread_id,
    ) -> None:
        super().__init__()
        self.guard = guard
        self.session_id = session_id
        self.tools = []

    def __repr__(self) -> str:
        return f"GuardrailMiddleware(guard={self.guard!r})"

    def wrap_model_call(
        self,
        request: ModelRequest[Any],
        handler: Callable[[ModelRequest[Any]], ModelResponse[Any]],
    ) -> ExtendedModelResponse[Any]:
        calls = _Calls(request)

        def call(msgs: Sequence[Any]) -> AIMessage:
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
            return calls.reply_of(await handler(calls.prepare(msgs)))

        outcome = await self.guard.ainvoke(
            call, request.messages, session_id=self.session_id(request)
        )
        return calls.result(outcome)
