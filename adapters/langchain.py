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

from collections.abc import AsyncIterator, Iterator, Sequence
from typing import Any

from langchain_core.callbacks import (
    AsyncCallbackManager,
    AsyncCallbackManagerForLLMRun,
    CallbackManager,
    CallbackManagerForLLMRun,
)
from langchain_core.language_models import BaseChatModel, LanguageModelInput
from langchain_core.language_models.chat_models import agenerate_from_stream, generate_from_stream
from langchain_core.messages import AIMessage, AIMessageChunk, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatGenerationChunk, ChatResult
from langchain_core.runnables import Runnable, RunnableConfig, ensure_config
from pydantic import ConfigDict, Field

from guardrail import Guard
from guardrail._normalise import content_text
from guardrail.adapters._lc_common import (
    NOSTREAM,
    SESSION_KWARG,
    as_ai,
    session_id_from,
    to_messages,
)
from guardrail.adapters._lc_middleware import GuardrailMiddleware, GuardrailState
from guardrail.adapters._runnables import swap_runnable
from guardrail.adapters._stream import (
    RESTART_MARKER,
    StreamOptions,
    Tap,
    arelay,
    guarded_texts,
    relay,
)

__all__ = [
    "SESSION_KWARG",
    "GuardedChatModel",
    "GuardrailMiddleware",
    "GuardrailState",
    "session_id_from",
    "to_messages",
]


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
    #: Call the inner model in streaming mode for ``invoke`` too, so that a looping or spiralling
    #: reply is cut off early there as well (usage metadata then depends on the provider's
    #: streaming support).
    stream_calls: bool = False

    @property
    def _llm_type(self) -> str:
        return f"guarded-{self.model._llm_type}"

    @property
    def _identifying_params(self) -> dict[str, Any]:
        return {"guarded": self.model._identifying_params}

    def get_num_tokens_from_messages(self, messages: list[BaseMessage], tools: Any = None) -> int:
        return self.model.get_num_tokens_from_messages(messages, tools=tools)

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
        config: RunnableConfig = {"tags": [NOSTREAM]}
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
        if self.stream_calls:
            chunks = self._chunks(messages, stop, run_manager, kwargs, self._buffered)
            return generate_from_stream(ChatGenerationChunk(message=c) for c in chunks)
        sid = kwargs.pop(SESSION_KWARG, None)
        config = self._inner_config(run_manager)

        def call(msgs: Sequence[Any]) -> AIMessage:
            return self.model.invoke(to_messages(msgs, messages), config, stop=stop, **kwargs)

        outcome = self.guard.invoke(call, messages, session_id=sid)
        return ChatResult(generations=[ChatGeneration(message=as_ai(outcome.reply))])

    async def _agenerate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: AsyncCallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        if self.stream_calls:
            chunks = self._achunks(messages, stop, run_manager, kwargs, self._buffered)
            return await agenerate_from_stream(ChatGenerationChunk(message=c) async for c in chunks)
        sid = kwargs.pop(SESSION_KWARG, None)
        config = self._inner_config(run_manager)

        async def call(msgs: Sequence[Any]) -> AIMessage:
            return await self.model.ainvoke(
                to_messages(msgs, messages), config, stop=stop, **kwargs
            )

        outcome = await self.guard.ainvoke(call, messages, session_id=sid)
        return ChatResult(generations=[ChatGeneration(message=as_ai(outcome.reply))])

    def _stream(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> Iterator[ChatGenerationChunk]:
        for chunk in self._chunks(messages, stop, run_manager, kwargs, self._options):
            yield ChatGenerationChunk(message=chunk)

    async def _astream(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: AsyncCallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> AsyncIterator[ChatGenerationChunk]:
        async for chunk in self._achunks(messages, stop, run_manager, kwargs, self._options):
            yield ChatGenerationChunk(message=chunk)

    def _chunks(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None,
        run_manager: CallbackManagerForLLMRun | None,
        kwargs: dict[str, Any],
        options: StreamOptions,
    ) -> Iterator[AIMessageChunk]:
        sid = kwargs.pop(SESSION_KWARG, None)
        config = self._inner_config(run_manager)
        tap = Tap(
            lambda msgs: self.model.stream(
                to_messages(msgs, messages), config, stop=stop, **kwargs
            ),
            _chunk_text,
        )
        texts = guarded_texts(self.guard, tap, messages, sid, options, is_async=False)
        yield from relay(texts, tap, _new_chunk)

    async def _achunks(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None,
        run_manager: AsyncCallbackManagerForLLMRun | None,
        kwargs: dict[str, Any],
        options: StreamOptions,
    ) -> AsyncIterator[AIMessageChunk]:
        sid = kwargs.pop(SESSION_KWARG, None)
        config = self._inner_config(run_manager)
        tap = Tap(
            lambda msgs: self.model.astream(
                to_messages(msgs, messages), config, stop=stop, **kwargs
            ),
            _chunk_text,
        )
        texts = guarded_texts(self.guard, tap, messages, sid, options, is_async=True)
        async for chunk in arelay(texts, tap, _new_chunk):
            yield chunk

    @property
    def _buffered(self) -> StreamOptions:
        return StreamOptions(buffer=True, marker=None)

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
