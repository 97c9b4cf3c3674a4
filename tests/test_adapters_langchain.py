"""GuardedChatModel against the real langchain-core, with scripted fake chat models."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import Any

import pytest
from langchain_core.callbacks import BaseCallbackHandler
from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
from langchain_core.messages import (
    AIMessage,
    BaseMessage,
    HumanMessage,
    SystemMessage,
    ToolMessage,
)
from langchain_core.outputs import ChatGenerationChunk, ChatResult, LLMResult
from langchain_core.tools import tool
from langchain_core.utils.function_calling import convert_to_openai_tool
from pydantic import BaseModel, Field, SecretStr
from tenacity import wait_none

from guardrail import Guard, TransientModelError, TurnContext
from guardrail._retry import ModelRetry, wait_retry_after
from guardrail.actions.reset import drop_failed_turns
from guardrail.adapters._stream import RESTART_MARKER
from guardrail.adapters.langchain import GuardedChatModel
from guardrail.review import InMemoryReviewQueue
from guardrail.testing import REPLIES

SPIRAL = REPLIES["self_criticism"][0]
GOOD = "6 times 7 is 42."
LOOP = "I am so sorry, let me try again. " * 200
ASK = [HumanMessage("What is 6 times 7?")]


class ScriptedChat(GenericFakeChatModel):
    """GenericFakeChatModel that records calls, binds tools and counts streamed chunks."""

    calls: list[tuple[list[BaseMessage], dict[str, Any]]] = Field(default_factory=list)
    produced: int = 0
    api_key: SecretStr | None = None
    failures: list[Exception] = Field(default_factory=list)

    def _generate(self, messages: list[BaseMessage], *a: Any, **kw: Any) -> ChatResult:
        self.calls.append((list(messages), dict(kw)))
        return super()._generate(messages, *a, **kw)

    def _stream(self, *a: Any, **kw: Any) -> Iterator[ChatGenerationChunk]:
        if self.failures:
            raise self.failures.pop(0)
        for c in super()._stream(*a, **kw):
            self.produced += 1
            yield c

    def bind_tools(self, tools: Any, *, tool_choice: Any = None, **kw: Any) -> Any:
        formatted = [convert_to_openai_tool(t) for t in tools]
        extra = {"tool_choice": tool_choice} if tool_choice is not None else {}
        return self.bind(tools=formatted, **extra, **kw)


def scripted(*replies: Any) -> ScriptedChat:
    return ScriptedChat(messages=iter(replies))


def chunks_in(text: str) -> int:
    """How many chunks GenericFakeChatModel streams for ``text`` (its own splitting)."""
    return len(list(GenericFakeChatModel(messages=iter([text]))._stream([])))


def call(mode: str, runnable: Any, inp: Any, config: Any = None, **kw: Any) -> Any:
    if mode == "sync":
        return runnable.invoke(inp, config, **kw)
    return asyncio.run(runnable.ainvoke(inp, config, **kw))


def stream_all(mode: str, runnable: Any, inp: Any, config: Any = None) -> list[Any]:
    if mode == "sync":
        return list(runnable.stream(inp, config))

    async def go() -> list[Any]:
        return [c async for c in runnable.astream(inp, config)]

    return asyncio.run(go())


class Recorder(BaseCallbackHandler):
    def __init__(self) -> None:
        self.starts: list[tuple[Any, Any, list[str]]] = []
        self.ends: list[tuple[Any, str]] = []
        self.tokens: list[str] = []

    def on_chat_model_start(self, serialized: Any, messages: Any, **kw: Any) -> None:
        self.starts.append((kw["run_id"], kw.get("parent_run_id"), list(kw.get("tags") or [])))

    def on_llm_end(self, response: LLMResult, **kw: Any) -> None:
        self.ends.append((kw["run_id"], response.generations[0][0].text))

    def on_llm_new_token(self, token: str, **kw: Any) -> None:
        self.tokens.append(token)


class TestInvoke:
    """invoke/ainvoke/batch behave as the inner model, with failed replies withheld."""

    def test_spiral_withheld_and_recalled(self, mode: str) -> None:
        """The self-critical reply never comes back; the re-call sees a corrective instruction."""
        inner = scripted(SPIRAL, GOOD)
        out = call(mode, GuardedChatModel(model=inner, guard=Guard()), ASK)
        assert isinstance(out, AIMessage) and out.content == GOOD
        assert len(inner.calls) == 2
        resent = inner.calls[1][0]
        assert not any(SPIRAL in str(m.content) for m in resent)
        assert isinstance(resent[-1], SystemMessage)

    def test_metadata_and_tool_calls_preserved(self, mode: str) -> None:
        """usage_metadata, response_metadata and tool calls are the inner model's own."""
        msg = AIMessage(
            content="",
            tool_calls=[{"name": "add", "args": {"a": 2, "b": 3}, "id": "call_1"}],
            usage_metadata={"input_tokens": 9, "output_tokens": 4, "total_tokens": 13},
            response_metadata={"finish_reason": "tool_calls", "model_name": "fake-1"},
        )
        out = call(mode, GuardedChatModel(model=scripted(msg), guard=Guard()), ASK)
        assert out.tool_calls == msg.tool_calls
        assert out.usage_metadata == msg.usage_metadata
        assert out.response_metadata["finish_reason"] == "tool_calls"
        assert out.response_metadata["model_name"] == "fake-1"

    def test_guard_sees_finish_reason(self, mode: str) -> None:
        """A provider finish_reason reaches the detectors."""
        seen: list[str | None] = []

        def spy(turn: TurnContext) -> list[Any]:
            if turn.role == "assistant":
                seen.append(turn.finish_reason)
            return []

        reply = AIMessage(content="Partial answ", response_metadata={"finish_reason": "length"})
        guard = Guard(extra_detectors=[spy])
        call(mode, GuardedChatModel(model=scripted(reply), guard=guard), ASK)
        assert seen == ["length"]

    @pytest.mark.parametrize(
        ("config", "kw", "expected"),
        [
            ({"configurable": {"thread_id": "t-9"}}, {}, "t-9"),
            ({"configurable": {"session_id": "s-1", "thread_id": "t-9"}}, {}, "s-1"),
            (None, {"guard_session_id": "k-3"}, "k-3"),
        ],
    )
    def test_session_id_from_run_config(
        self, mode: str, logs: list[dict[str, Any]], config: Any, kw: Any, expected: str
    ) -> None:
        """configurable session_id / thread_id (or guard_session_id=) name the guard session."""
        model = GuardedChatModel(model=scripted(SPIRAL, GOOD), guard=Guard())
        call(mode, model, ASK, config, **kw)
        sessions = {e["session_id"] for e in logs if "session_id" in e}
        assert sessions == {expected}

    def test_callbacks_see_the_guarded_run_and_its_attempts(self) -> None:
        """The outer run ends with the delivered reply; each attempt is a child run."""
        rec = Recorder()
        model = GuardedChatModel(model=scripted(SPIRAL, GOOD), guard=Guard())
        model.invoke(ASK, {"callbacks": [rec]})
        outer = [s for s in rec.starts if s[1] is None]
        children = [s for s in rec.starts if s[1] is not None]
        assert len(outer) == 1 and len(children) == 2
        assert all(parent == outer[0][0] for _, parent, _ in children)
        assert all("nostream" in tags for *_, tags in children)
        assert dict(rec.ends)[outer[0][0]] == GOOD

    def test_batch(self, mode: str) -> None:
        """batch/abatch guard each input under its own config."""
        model = GuardedChatModel(model=scripted(SPIRAL, GOOD, GOOD), guard=Guard())
        inputs = [ASK, [HumanMessage("And 6 times 8?")]]
        configs = [{"configurable": {"thread_id": f"b{i}"}} for i in range(2)]
        out = (
            model.batch(inputs, configs, max_concurrency=1)
            if mode == "sync"
            else asyncio.run(model.abatch(inputs, configs, max_concurrency=1))
        )
        assert [m.content for m in out] == [GOOD, GOOD]


class TestReset:
    """A reset context reaches the inner model as the caller's own messages."""

    def test_tool_messages_survive_a_reset(self, mode: str) -> None:
        """With drop_failed_turns, kept tool calls and results keep their ids."""
        history = [
            HumanMessage("What is 2 + 3?"),
            AIMessage(content="", tool_calls=[{"name": "add", "args": {"a": 2}, "id": "c1"}]),
            ToolMessage("5", tool_call_id="c1"),
            AIMessage("2 + 3 = 5."),
            HumanMessage("No. Try again."),
        ]
        inner = scripted(SPIRAL, GOOD)
        model = GuardedChatModel(model=inner, guard=Guard(reset_strategy=drop_failed_turns))
        assert call(mode, model, history).content == GOOD
        resent = inner.calls[1][0]
        assert history[-1] not in resent  # the bare rejection was dropped: a reset happened
        assert history[1] in resent and history[2] in resent
        tool_msg = next(m for m in resent if isinstance(m, ToolMessage))
        assert tool_msg.tool_call_id == "c1"
        assert not any(SPIRAL in str(m.content) for m in resent)


class TestToolsAndStructuredOutput:
    """bind_tools and with_structured_output keep the guard in the chain."""

    def test_bind_tools_formats_with_inner_and_guards(self, mode: str) -> None:
        """Tools reach the inner model formatted by it; a failed reply is still withheld."""

        @tool
        def add(a: int, b: int) -> int:
            """Add two integers."""
            return a + b

        reply = AIMessage(content="", tool_calls=[{"name": "add", "args": {"a": 1}, "id": "c1"}])
        inner = scripted(SPIRAL, reply)
        bound = GuardedChatModel(model=inner, guard=Guard()).bind_tools([add])
        out = call(mode, bound, ASK)
        assert out.tool_calls[0]["name"] == "add"
        assert len(inner.calls) == 2
        assert [t["function"]["name"] for t in inner.calls[1][1]["tools"]] == ["add"]

    @pytest.mark.parametrize("include_raw", [False, True])
    def test_with_structured_output(self, mode: str, include_raw: bool) -> None:
        """The inner model's structured-output chain runs with the guarded model in it."""

        class Answer(BaseModel):
            value: int

        reply = AIMessage(
            content="", tool_calls=[{"name": "Answer", "args": {"value": 42}, "id": "c1"}]
        )
        inner = scripted(SPIRAL, reply)
        chain = GuardedChatModel(model=inner, guard=Guard()).with_structured_output(
            Answer, include_raw=include_raw
        )
        out = call(mode, chain, ASK)
        parsed = out["parsed"] if include_raw else out
        assert parsed == Answer(value=42)
        assert len(inner.calls) == 2  # the spiral was withheld inside the structured chain


class TestStream:
    """stream/astream: loops and spirals cut early; chunks add up to the delivered reply."""

    def test_looping_stream_cut_early(self, mode: str, capsys: pytest.CaptureFixture[str]) -> None:
        """A looping reply stops after a few chunks; the rest is never produced."""
        inner = scripted(LOOP, GOOD)
        pieces = stream_all(mode, GuardedChatModel(model=inner, guard=Guard()), ASK)
        total = chunks_in(LOOP)
        consumed = inner.produced - chunks_in(GOOD)
        with capsys.disabled():
            print(
                f"\n[{mode}] looping LangChain stream: {consumed} of {total} chunks consumed, "
                f"{total - consumed} never consumed"
            )
        assert consumed < total // 10
        assert "".join(str(p.content) for p in pieces) == GOOD

    def test_invoke_with_stream_calls_cuts_a_loop_early(self, mode: str) -> None:
        """stream_calls=True: invoke streams the inner model, so a loop stops early there too."""
        inner = scripted(LOOP, GOOD)
        model = GuardedChatModel(model=inner, guard=Guard(), stream_calls=True)
        out = call(mode, model, ASK)
        assert isinstance(out, AIMessage) and out.content == GOOD
        assert inner.produced - chunks_in(GOOD) < chunks_in(LOOP) // 10

    def test_spiral_stream_recovered_buffered(self, mode: str) -> None:
        """Buffered (default): the accumulated message is exactly the accepted reply."""
        inner = scripted(SPIRAL, GOOD)
        pieces = stream_all(mode, GuardedChatModel(model=inner, guard=Guard()), ASK)
        total = pieces[0]
        for p in pieces[1:]:
            total = total + p
        assert total.content == GOOD
        assert len(inner.calls) == 2

    def test_unbuffered_stream_marks_the_restart(self, mode: str) -> None:
        """stream_buffer=False passes healthy chunks at once and marks a replacement."""
        inner = scripted(LOOP, GOOD)
        model = GuardedChatModel(model=inner, guard=Guard(), stream_buffer=False)
        text = "".join(str(p.content) for p in stream_all(mode, model, ASK))
        shown, _, after = text.partition(RESTART_MARKER)
        assert after == GOOD
        assert shown and LOOP.startswith(shown)

    def test_failure_before_first_chunk_is_retried(self, mode: str) -> None:
        """A transient failure opening the stream is retried under the guard's model_retry."""
        sleeps: list[float] = []
        inner = scripted(GOOD)
        inner.failures.append(TransientModelError("rate limited", retry_after=2.0))
        retry = ModelRetry(wait=wait_retry_after(wait_none()), sleep=sleeps.append)
        model = GuardedChatModel(model=inner, guard=Guard(model_retry=retry))
        assert "".join(str(p.content) for p in stream_all(mode, model, ASK)) == GOOD
        assert sleeps == [2.0]

    def test_stream_callbacks_get_tokens(self) -> None:
        """on_llm_new_token fires for the delivered chunks of the outer run."""
        rec = Recorder()
        model = GuardedChatModel(model=scripted(GOOD), guard=Guard())
        list(model.stream(ASK, {"callbacks": [rec]}))
        assert "".join(rec.tokens) == GOOD


class TestSecrets:
    """A provider key on the inner model never reaches logs or review records."""

    def test_key_absent(self, mode: str, logs: list[dict[str, Any]]) -> None:
        """Flagged spirals and failing calls log no key."""
        key = "sk-test-SECRET123"
        queue = InMemoryReviewQueue()
        inner = ScriptedChat(messages=iter([SPIRAL, GOOD]), api_key=SecretStr(key))
        model = GuardedChatModel(model=inner, guard=Guard(review_queue=queue))
        call(mode, model, ASK, {"configurable": {"thread_id": "secret"}})
        stream_all(mode, GuardedChatModel(model=scripted(LOOP, GOOD), guard=model.guard), ASK)
        assert queue.list()
        assert key not in repr(logs)
        assert all(key not in r.model_dump_json() for r in queue.list())
