"""GuardrailMiddleware in real LangChain v1 agents (create_agent), with scripted fake models."""

from __future__ import annotations

import asyncio
import json
import re
from typing import Any

import pytest
from langchain.agents import create_agent
from langchain.agents.middleware import AgentMiddleware, ModelRequest
from langchain.agents.structured_output import ToolStrategy
from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
from langchain_core.messages import (
    AIMessage,
    AIMessageChunk,
    BaseMessage,
    HumanMessage,
    RemoveMessage,
    SystemMessage,
)
from langchain_core.outputs import ChatGenerationChunk, ChatResult
from langchain_core.tools import tool
from langchain_core.utils.function_calling import convert_to_openai_tool
from langgraph.checkpoint.memory import InMemorySaver
from langgraph.errors import GraphBubbleUp, GraphInterrupt
from langgraph.types import Command, interrupt
from pydantic import BaseModel, Field

from guardrail import Guard
from guardrail.adapters.langchain import GuardedChatModel, GuardrailMiddleware
from guardrail.review import InMemoryReviewQueue
from guardrail.testing import REPLIES

SPIRAL = REPLIES["self_criticism"][0]
LOOPING = REPLIES["loop"][0]
TASK = "Is there an integer that is both even and odd?"
ANSWER = "No: every integer leaves remainder 0 or 1 when divided by 2, never both."


class ToolChat(GenericFakeChatModel):
    """A scripted chat model that accepts tools and records what it was sent."""

    calls: list[list[BaseMessage]] = Field(default_factory=list)

    def _generate(self, messages: list[BaseMessage], *a: Any, **kw: Any) -> ChatResult:
        self.calls.append(list(messages))
        return super()._generate(messages, *a, **kw)

    def bind_tools(self, tools: Any, *, tool_choice: Any = None, **kw: Any) -> Any:
        return self.bind(tools=[convert_to_openai_tool(t) for t in tools], **kw)

    def _stream(self, messages: list[BaseMessage], *a: Any, **kw: Any) -> Any:
        """Word chunks, and tool calls as tool-call chunks (GenericFakeChatModel drops them)."""
        msg = self._generate(messages, *a, **kw).generations[0].message
        assert isinstance(msg, AIMessage)
        for word in re.split(r"(\s)", str(msg.content)):
            if word:
                yield ChatGenerationChunk(message=AIMessageChunk(content=word))
        chunks = [
            {"name": c["name"], "args": json.dumps(c["args"]), "id": c["id"], "index": i}
            for i, c in enumerate(msg.tool_calls)
        ]
        if chunks:
            yield ChatGenerationChunk(message=AIMessageChunk(content="", tool_call_chunks=chunks))


@tool
def add(a: int, b: int) -> int:
    """Add two integers."""
    return a + b


def add_call(a: int, b: int) -> AIMessage:
    return AIMessage(content="", tool_calls=[{"name": "add", "args": {"a": a, "b": b}, "id": "c1"}])


def cfg(thread: str) -> dict[str, Any]:
    return {"configurable": {"thread_id": thread}}


def invoke(mode: str, agent: Any, inp: Any, config: Any) -> Any:
    if mode == "sync":
        return agent.invoke(inp, config)
    return asyncio.run(agent.ainvoke(inp, config))


def texts(messages: list[BaseMessage]) -> str:
    return "\n".join(str(m.content) for m in messages)


class TestInvisibleRecovery:
    """A failed reply is recovered inside wrap_model_call and never enters the agent state."""

    def test_reprompt_with_tools(self, mode: str) -> None:
        """A looping reply is withheld; the agent goes on to call its tool and answer."""
        model = ToolChat(messages=iter([LOOPING, add_call(2, 3), AIMessage("2 + 3 = 5.")]))
        agent = create_agent(
            model,
            [add],
            middleware=[GuardrailMiddleware(guard=Guard())],
            checkpointer=InMemorySaver(),
        )
        out = invoke(mode, agent, {"messages": [HumanMessage("What is 2 + 3?")]}, cfg("t1"))
        kinds = [m.type for m in out["messages"]]
        assert kinds == ["human", "ai", "tool", "ai"]
        assert out["messages"][2].content == "5"
        assert LOOPING not in texts(out["messages"])
        assert len(model.calls) == 3  # the loop, its re-call, the answer after the tool
        assert out["guardrail"]["session_id"] == "t1"
        assert "loop" in out["guardrail"]["flagged"]

    def test_reset_removes_messages_from_state(self, mode: str) -> None:
        """A spiral resets the context: the state keeps the task, a neutral summary, the reply."""
        queue = InMemoryReviewQueue()
        model = ToolChat(messages=iter([ANSWER, SPIRAL, ANSWER, "Anything else? " + ANSWER]))
        agent = create_agent(
            model,
            [],
            middleware=[GuardrailMiddleware(guard=Guard(review_queue=queue))],
            checkpointer=InMemorySaver(),
        )
        invoke(mode, agent, {"messages": [HumanMessage(TASK)]}, cfg("t2"))
        out = invoke(
            mode, agent, {"messages": [HumanMessage("No, you're wrong. Try again.")]}, cfg("t2")
        )
        msgs = out["messages"]
        assert [type(m) for m in msgs] == [HumanMessage, SystemMessage, AIMessage]
        assert msgs[0].content == TASK and msgs[-1].content == ANSWER
        assert "wrong" not in texts(msgs) and SPIRAL not in texts(msgs)
        assert "reset" in out["guardrail"]["actions"]
        assert SPIRAL not in texts(model.calls[2])  # the re-call went out on the rebuilt context
        records = queue.list()
        assert records and all(r.session_id == "t2" for r in records)
        # The thread goes on from the rebuilt state.
        out = invoke(mode, agent, {"messages": [HumanMessage("Thanks.")]}, cfg("t2"))
        assert [m.type for m in out["messages"]] == ["human", "system", "ai", "human", "ai"]
        assert texts(model.calls[3][:3]) == texts(msgs)  # no re-substitution after the reset

    def test_structured_response_survives_recovery(self, mode: str) -> None:
        """With response_format=ToolStrategy, the recovered call still yields the parsed answer."""

        class Sum(BaseModel):
            value: int

        reply = AIMessage(
            content="", tool_calls=[{"name": "Sum", "args": {"value": 5}, "id": "s1"}]
        )
        model = ToolChat(messages=iter([SPIRAL, reply]))
        agent = create_agent(
            model,
            [],
            response_format=ToolStrategy(Sum),
            middleware=[GuardrailMiddleware(guard=Guard())],
        )
        out = invoke(mode, agent, {"messages": [HumanMessage("What is 2 + 3?")]}, None)
        assert out["structured_response"] == Sum(value=5)
        assert [m.type for m in out["messages"]] == ["human", "system", "ai", "tool"]
        assert SPIRAL not in texts(out["messages"])

    def test_threads_are_separate_guard_sessions(
        self, mode: str, logs: list[dict[str, Any]]
    ) -> None:
        """Each thread id is its own guard session."""
        model = ToolChat(messages=iter([LOOPING, ANSWER, LOOPING, ANSWER]))
        agent = create_agent(
            model, [], middleware=[GuardrailMiddleware(guard=Guard())], checkpointer=InMemorySaver()
        )
        a = invoke(mode, agent, {"messages": [HumanMessage(TASK)]}, cfg("alpha"))
        b = invoke(mode, agent, {"messages": [HumanMessage(TASK)]}, cfg("beta"))
        assert (a["guardrail"]["session_id"], b["guardrail"]["session_id"]) == ("alpha", "beta")
        reprompts = [e["session_id"] for e in logs if e["event"] == "guardrail.reprompt"]
        assert reprompts == ["alpha", "beta"]


class TestSecrets:
    """A provider key on the agent's model never reaches logs or review records."""

    def test_key_absent(self, mode: str, logs: list[dict[str, Any]]) -> None:
        """A reset and flagged thread logs and records no key."""
        key = "sk-test-SECRET123"
        queue = InMemoryReviewQueue()
        model = ToolChat(messages=iter([SPIRAL, ANSWER]), metadata={"api_key": key})
        agent = create_agent(
            model, [], middleware=[GuardrailMiddleware(guard=Guard(review_queue=queue))]
        )
        out = invoke(mode, agent, {"messages": [HumanMessage(TASK)]}, cfg("secret"))
        assert out["messages"][-1].content == ANSWER and queue.list()
        assert key not in repr(logs)
        assert all(key not in r.model_dump_json() for r in queue.list())


class _AskFirst(AgentMiddleware):
    """Interrupts before every model call (human-in-the-loop style)."""

    def wrap_model_call(self, request: ModelRequest, handler: Any) -> Any:
        interrupt("approve the model call?")
        return handler(request)

    async def awrap_model_call(self, request: ModelRequest, handler: Any) -> Any:
        interrupt("approve the model call?")
        return await handler(request)


class TestInterrupts:
    """LangGraph's control-flow exceptions pass through the middleware untouched."""

    def test_interrupt_inside_the_guarded_call_pauses_the_agent(self, mode: str) -> None:
        """An interrupt raised under the guard pauses the run; resuming completes it."""
        model = ToolChat(messages=iter([ANSWER]))
        agent = create_agent(
            model,
            [],
            middleware=[GuardrailMiddleware(guard=Guard()), _AskFirst()],
            checkpointer=InMemorySaver(),
        )
        first = invoke(mode, agent, {"messages": [HumanMessage(TASK)]}, cfg("hitl"))
        assert "__interrupt__" in first
        assert model.calls == []
        done = invoke(mode, agent, Command(resume="yes"), cfg("hitl"))
        assert done["messages"][-1].content == ANSWER

    @pytest.mark.parametrize("exc", [GraphInterrupt(()), GraphBubbleUp()])
    def test_bubble_up_propagates(self, mode: str, exc: Exception) -> None:
        """wrap_model_call/awrap_model_call re-raise GraphBubbleUp exceptions as they are."""
        mw = GuardrailMiddleware(guard=Guard())
        request = ModelRequest(
            model=ToolChat(messages=iter([ANSWER])),
            messages=[HumanMessage(TASK)],
            state={"messages": [HumanMessage(TASK)]},
        )

        def handler(_: Any) -> Any:
            raise exc

        async def ahandler(_: Any) -> Any:
            raise exc

        with pytest.raises(type(exc)) as info:
            if mode == "sync":
                mw.wrap_model_call(request, handler)
            else:
                asyncio.run(mw.awrap_model_call(request, ahandler))
        assert info.value is exc


class TestGuardedModelInAgent:
    """GuardedChatModel as an agent's model: stream_mode='messages' shows only delivered text."""

    def test_messages_stream_never_shows_withheld_reply(self) -> None:
        """Tokens of the withheld reply never reach a messages-mode stream; tools still work."""
        inner = ToolChat(messages=iter([SPIRAL, add_call(2, 3), AIMessage("2 + 3 = 5.")]))
        agent = create_agent(GuardedChatModel(model=inner, guard=Guard()), [add])
        pieces = list(
            agent.stream({"messages": [HumanMessage("What is 2 + 3?")]}, stream_mode="messages")
        )
        streamed = "".join(str(chunk.content) for chunk, _meta in pieces)
        assert "2 + 3 = 5." in streamed and "5" in streamed
        assert "failing" not in streamed
        assert len(inner.calls) == 3


class TestMiddlewareStreaming:
    """Agents streamed in updates or messages mode see only recovered model outputs."""

    @pytest.mark.parametrize("stream_tokens", [False, True])
    def test_messages_mode(self, mode: str, stream_tokens: bool) -> None:
        """By default a withheld reply's tokens never stream; stream_tokens=True trades that away."""
        model = ToolChat(messages=iter([SPIRAL, ANSWER]))
        mw = GuardrailMiddleware(guard=Guard(), stream_tokens=stream_tokens)
        agent = create_agent(model, [], middleware=[mw])
        inp = {"messages": [HumanMessage(TASK)]}
        if mode == "sync":
            pieces = list(agent.stream(inp, stream_mode="messages"))
        else:

            async def go() -> list[Any]:
                return [p async for p in agent.astream(inp, stream_mode="messages")]

            pieces = asyncio.run(go())
        streamed = "".join(str(c.content) for c, _ in pieces)
        assert ANSWER in streamed
        assert ("failing" in streamed) is stream_tokens

    def test_updates_never_carry_the_failed_reply(self, mode: str) -> None:
        """Every model-node update holds the accepted reply, never the spiral."""
        model = ToolChat(messages=iter([SPIRAL, add_call(2, 3), AIMessage("2 + 3 = 5.")]))
        agent = create_agent(model, [add], middleware=[GuardrailMiddleware(guard=Guard())])
        inp = {"messages": [HumanMessage("What is 2 + 3?")]}
        if mode == "sync":
            updates = list(agent.stream(inp, stream_mode="updates"))
        else:

            async def go() -> list[Any]:
                return [u async for u in agent.astream(inp, stream_mode="updates")]

            updates = asyncio.run(go())
        # A model node's update is one dict, or a list of them when the middleware adds a command.
        model_updates = [u["model"] for u in updates if "model" in u]
        assert len(model_updates) == 2
        parts = [p for u in model_updates for p in (u if isinstance(u, list) else [u])]
        sent = [m for p in parts for m in p.get("messages", [])]
        assert sent and SPIRAL not in texts(sent)
        assert any(isinstance(m, RemoveMessage) for m in sent)  # the spiral's reset
        assert sent[-1].content == "2 + 3 = 5."
