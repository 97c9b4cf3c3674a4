"""The OpenAI adapter against the real openai SDK and a local OpenAI-compatible server."""

from __future__ import annotations

import asyncio
import inspect
import socket
from collections.abc import Callable, Iterator
from typing import Any

import openai
import pytest
from _openai_server import ENDLESS_MAX, OpenAIServer, Scripted, chunk, error, reply, sse, stream
from openai.types.chat import ChatCompletion, ChatCompletionChunk
from tenacity import stop_after_attempt, wait_none

from guardrail import FatalModelError, Guard, TransientModelError
from guardrail._retry import ModelRetry, wait_retry_after
from guardrail.actions.reset import drop_failed_turns
from guardrail.adapters._stream import RESTART_MARKER
from guardrail.adapters.openai import AsyncGuardedOpenAI, GuardedOpenAI
from guardrail.review import InMemoryReviewQueue
from guardrail.testing import REPLIES

KEY = "sk-test-SECRET123"
SPIRAL = REPLIES["self_criticism"][0]
GOOD = "6 times 7 is 42."
ASK = [{"role": "user", "content": "What is 6 times 7?"}]
LOOP_UNIT = "I am so sorry, let me try again. "


@pytest.fixture
def server() -> Iterator[OpenAIServer]:
    with OpenAIServer() as srv:
        yield srv


def no_sleep_retry(sleeps: list[float] | None = None, attempts: int = 4) -> ModelRetry:
    """Retries that record their waits instead of sleeping (Retry-After still honoured)."""
    record = sleeps if sleeps is not None else []
    return ModelRetry(
        stop=stop_after_attempt(attempts), wait=wait_retry_after(wait_none()), sleep=record.append
    )


def run_client(
    mode: str,
    base_url: str,
    guard: Guard,
    body: Callable[[Any], Any],
    **options: Any,
) -> Any:
    """Run ``body(guarded_client)`` with a sync client, or inside one event loop with an async one."""
    if mode == "sync":
        with openai.OpenAI(base_url=base_url, api_key=KEY, max_retries=0) as raw:
            return body(GuardedOpenAI(raw, guard=guard, **options))

    async def main() -> Any:
        async with openai.AsyncOpenAI(base_url=base_url, api_key=KEY, max_retries=0) as raw:
            out = body(AsyncGuardedOpenAI(raw, guard=guard, **options))
            return await out if inspect.isawaitable(out) else out

    return asyncio.run(main())


def create(client: Any, **kw: Any) -> Any:
    return client.chat.completions.create(model="scripted-model", **kw)


def drain(client: Any, **kw: Any) -> Any:
    """Stream a reply; returns (stream, chunks) for a sync or an async client."""
    res = create(client, stream=True, **kw)
    if inspect.isawaitable(res):

        async def go() -> tuple[Any, list[ChatCompletionChunk]]:
            s = await res
            return s, [c async for c in s]

        return go()
    return res, list(res)


def text_of(chunks: list[ChatCompletionChunk]) -> str:
    return "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)


class TestGuardedCreate:
    """Non-streaming create: same surface as the SDK, failed replies withheld."""

    def test_spiral_is_withheld_and_the_model_recalled(
        self, mode: str, server: OpenAIServer
    ) -> None:
        """A self-critical reply never reaches the caller; the re-call's reply does."""
        server.script(reply(SPIRAL), reply(GOOD))
        out = run_client(mode, server.base_url, Guard(), lambda c: create(c, messages=ASK))
        assert isinstance(out, ChatCompletion)
        assert out.choices[0].message.content == GOOD
        assert len(server.requests) == 2
        second = server.requests[1].body["messages"]
        assert not any(SPIRAL in str(m.get("content")) for m in second)
        assert second[-1]["role"] == "system"  # the guard's corrective instruction

    def test_tool_calls_usage_and_finish_reason_are_the_models(
        self, mode: str, server: OpenAIServer
    ) -> None:
        """Tool calls, usage and finish_reason of an accepted reply come back untouched."""
        call = {
            "id": "call_1",
            "type": "function",
            "function": {"name": "add", "arguments": '{"a": 2, "b": 3}'},
        }
        usage = {"prompt_tokens": 31, "completion_tokens": 7, "total_tokens": 38}
        server.script(reply(None, tool_calls=[call], finish_reason="tool_calls", usage=usage))
        out = run_client(mode, server.base_url, Guard(), lambda c: create(c, messages=ASK))
        choice = out.choices[0]
        assert choice.finish_reason == "tool_calls"
        assert choice.message.tool_calls[0].function.arguments == '{"a": 2, "b": 3}'
        assert out.usage is not None and out.usage.total_tokens == 38

    def test_session_id_is_popped_and_used(
        self, mode: str, server: OpenAIServer, logs: list[dict[str, Any]]
    ) -> None:
        """guard_session_id names the guard session and never reaches the provider."""
        server.script(reply(SPIRAL), reply(GOOD))
        run_client(
            mode,
            server.base_url,
            Guard(),
            lambda c: create(c, messages=ASK, guard_session_id="conv-7", temperature=0),
        )
        body = server.requests[0].body
        assert "guard_session_id" not in body and body["temperature"] == 0
        sessions = {e.get("session_id") for e in logs if e["event"].startswith("guardrail.")}
        assert sessions == {"conv-7"}

    def test_tool_messages_survive_a_reset(self, mode: str, server: OpenAIServer) -> None:
        """A reset context keeps the caller's tool calls and tool results, ids included."""
        history = [
            {"role": "user", "content": "What is 2 + 3?"},
            {
                "role": "assistant",
                "content": None,
                "tool_calls": [
                    {
                        "id": "c1",
                        "type": "function",
                        "function": {"name": "add", "arguments": '{"a": 2, "b": 3}'},
                    }
                ],
            },
            {"role": "tool", "tool_call_id": "c1", "content": "5"},
            {"role": "assistant", "content": "2 + 3 = 5."},
            {"role": "user", "content": "No. Try again."},
        ]
        server.script(reply(SPIRAL), reply(GOOD))
        guard = Guard(reset_strategy=drop_failed_turns)
        run_client(mode, server.base_url, guard, lambda c: create(c, messages=history))
        resent = server.requests[1].body["messages"]
        assert history[-1] not in resent  # the bare rejection was dropped: a reset happened
        assert history[1] in resent and history[2] in resent

    def test_other_attributes_pass_through(self, server: OpenAIServer) -> None:
        """Everything but chat.completions.create is the client's own."""
        with openai.OpenAI(base_url=server.base_url, api_key=KEY, max_retries=0) as raw:
            client = GuardedOpenAI(raw, guard=Guard())
            assert [m.id for m in client.models.list()] == ["scripted-model"]
            assert client.base_url == raw.base_url
            assert client.chat.completions.with_raw_response is not None
            assert isinstance(client.with_options(timeout=5), GuardedOpenAI)
            assert KEY not in repr(client)


class TestGuardedStream:
    """stream=True: ChatCompletionChunks, upstream closed the moment a loop or spiral is clear."""

    def test_endless_loop_is_cut_and_the_connection_closed(
        self, mode: str, server: OpenAIServer, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """An endless looping stream is abandoned after a few chunks; the server sees the disconnect."""
        server.script(
            sse([chunk(role="assistant", content=""), chunk(LOOP_UNIT)], endless=True),
            stream(["6 times 7 ", "is 42."]),
        )
        s, chunks = run_client(mode, server.base_url, Guard(), lambda c: drain(c, messages=ASK))
        looped = server.requests[0].settled()
        first_call = s.received - 4  # the second stream has 4 events: role, 2 parts, finish
        assert s.cuts == ["loop"]
        assert first_call <= 6, first_call
        assert looped.disconnected
        assert looped.events_sent < ENDLESS_MAX
        with capsys.disabled():
            print(
                f"\n[{mode}] looping stream: {first_call} chunks consumed, "
                f"{looped.events_sent - first_call} written by the server but never read, "
                f"{ENDLESS_MAX - looped.events_sent} of {ENDLESS_MAX} never produced"
            )
        assert text_of(chunks).endswith("6 times 7 is 42.")
        assert RESTART_MARKER in text_of(chunks)
        assert s.text == "6 times 7 is 42."

    def test_spiral_stream_buffered_never_shows_the_failed_reply(
        self, mode: str, server: OpenAIServer
    ) -> None:
        """With stream_buffer=True the chunks add up to the accepted reply, nothing else."""
        parts = [p + " " for p in SPIRAL.split(" ")]
        server.script(stream(parts), stream(["6 times 7 ", "is 42."]))
        s, chunks = run_client(
            mode,
            server.base_url,
            Guard(),
            lambda c: drain(c, messages=ASK),
            stream_buffer=True,
        )
        assert text_of(chunks) == "6 times 7 is 42."
        assert s.received < len(parts) + 2 + 4  # the spiral was cut before its end
        assert s.cuts == ["self_criticism"]
        assert chunks[-1].choices[0].finish_reason == "stop"

    def test_stream_open_retried_after_rate_limit(self, mode: str, server: OpenAIServer) -> None:
        """A 429 when the stream opens is retried after its Retry-After, like a plain call."""
        sleeps: list[float] = []
        server.script(error(429, headers={"Retry-After": "3"}), stream(["6 times 7 ", "is 42."]))
        guard = Guard(model_retry=no_sleep_retry(sleeps))
        _, chunks = run_client(mode, server.base_url, guard, lambda c: drain(c, messages=ASK))
        assert text_of(chunks) == "6 times 7 is 42."
        assert sleeps == [3.0]
        assert len(server.requests) == 2

    def test_closing_early_closes_the_upstream(self, mode: str, server: OpenAIServer) -> None:
        """A caller that stops reading and closes the stream closes the HTTP response."""
        server.script(sse([chunk(role="assistant", content=""), chunk("word ")], endless=True))

        def body(c: Any) -> Any:
            res = create(c, messages=ASK, stream=True, stream_options={"include_usage": True})
            if inspect.isawaitable(res):

                async def go() -> None:
                    s = await res
                    async with s:
                        [await anext(s) for _ in range(3)]
                    return server.requests[0].settled().disconnected  # client still open

                return go()
            with res as s:
                [next(s) for _ in range(3)]
            return server.requests[0].settled().disconnected

        assert run_client(mode, server.base_url, Guard(), body)
        assert server.requests[0].body["stream_options"] == {"include_usage": True}

    def test_repaired_stream_ends_with_the_providers_finish_chunk(
        self, mode: str, server: OpenAIServer
    ) -> None:
        """A repaired JSON reply streams as one new chunk, then the provider's finish chunk."""
        server.script(stream(["Sure! ", '```json\n{"a": ', "1,}\n```"]))
        s, chunks = run_client(
            mode,
            server.base_url,
            Guard(schema="json"),
            lambda c: drain(c, messages=ASK),
            stream_buffer=True,
        )
        assert text_of(chunks) == s.text == '{"a": 1}'
        assert chunks[-1].choices[0].finish_reason == "stop"
        assert "repair" in s.verdict.actions_taken

    def test_streamed_tool_calls_pass_through(self, mode: str, server: OpenAIServer) -> None:
        """Tool-call deltas (no text) reach the caller intact, in order."""

        def tool_delta(args: str, first: bool) -> dict[str, Any]:
            call: dict[str, Any] = {"index": 0, "function": {"arguments": args}}
            if first:
                call.update(id="c1", type="function")
                call["function"]["name"] = "add"
            ev = chunk()
            ev["choices"][0]["delta"] = {"tool_calls": [call]}
            return ev

        events = [
            chunk(role="assistant"),
            tool_delta('{"a": 2,', True),
            tool_delta(' "b": 3}', False),
            chunk(finish_reason="tool_calls"),
        ]
        server.script(sse(events))
        _, chunks = run_client(mode, server.base_url, Guard(), lambda c: drain(c, messages=ASK))
        args = "".join(
            tc.function.arguments
            for c in chunks
            for tc in (c.choices[0].delta.tool_calls or [])
            if tc.function and tc.function.arguments
        )
        assert len(chunks) == 4 and args == '{"a": 2, "b": 3}'
        assert chunks[-1].choices[0].finish_reason == "tool_calls"

    def test_healthy_stream_passes_the_providers_chunks(
        self, mode: str, server: OpenAIServer
    ) -> None:
        """A healthy reply streams as the provider's own chunks, finish reason included."""
        server.script(stream(["6 times 7 ", "is 42."]))
        _, chunks = run_client(mode, server.base_url, Guard(), lambda c: drain(c, messages=ASK))
        assert [c.choices[0].delta.content for c in chunks] == ["", "6 times 7 ", "is 42.", None]
        assert all(c.id == "chatcmpl-scripted" for c in chunks)
        assert chunks[-1].choices[0].finish_reason == "stop"


class TestErrors:
    """SDK errors become the guard's exception tree; transient ones are retried."""

    def test_rate_limit_and_5xx_are_retried_honouring_retry_after(
        self, mode: str, server: OpenAIServer
    ) -> None:
        """429 with Retry-After then 503, then success: two waits, the first as the server asked."""
        sleeps: list[float] = []
        server.script(error(429, headers={"Retry-After": "7"}), error(503), reply(GOOD))
        guard = Guard(model_retry=no_sleep_retry(sleeps))
        out = run_client(mode, server.base_url, guard, lambda c: create(c, messages=ASK))
        assert out.choices[0].message.content == GOOD
        assert sleeps == [7.0, 0.0]
        assert len(server.requests) == 3

    def test_fatal_status_is_not_retried(self, mode: str, server: OpenAIServer) -> None:
        """401 becomes FatalModelError raised from the SDK's AuthenticationError, after one call."""
        server.script(error(401, "bad key"))
        guard = Guard(model_retry=no_sleep_retry())
        with pytest.raises(FatalModelError) as info:
            run_client(mode, server.base_url, guard, lambda c: create(c, messages=ASK))
        assert isinstance(info.value.__cause__, openai.AuthenticationError)
        assert len(server.requests) == 1

    def test_transient_failures_stop_at_the_attempt_bound(
        self, mode: str, server: OpenAIServer
    ) -> None:
        """Persistent 500s end in TransientModelError after the configured attempts."""
        server.script(*[error(500)] * 5)
        guard = Guard(model_retry=no_sleep_retry(attempts=3))
        with pytest.raises(TransientModelError) as info:
            run_client(mode, server.base_url, guard, lambda c: create(c, messages=ASK))
        assert isinstance(info.value.__cause__, openai.InternalServerError)
        assert len(server.requests) == 3

    def test_connection_refused_is_transient(self, mode: str) -> None:
        """A dead endpoint is a TransientModelError (from APIConnectionError)."""
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        guard = Guard(model_retry=no_sleep_retry(attempts=2))
        with pytest.raises(TransientModelError) as info:
            run_client(
                mode, f"http://127.0.0.1:{port}/v1", guard, lambda c: create(c, messages=ASK)
            )
        assert isinstance(info.value.__cause__, openai.APIConnectionError)

    def test_malformed_body_is_fatal(self, mode: str, server: OpenAIServer) -> None:
        """A 200 whose body is not JSON is a FatalModelError, not retried."""
        server.script(Scripted(body="{not json"))
        guard = Guard(model_retry=no_sleep_retry())
        with pytest.raises(FatalModelError):
            run_client(mode, server.base_url, guard, lambda c: create(c, messages=ASK))
        assert len(server.requests) == 1

    def test_stream_open_errors_are_translated(self, mode: str, server: OpenAIServer) -> None:
        """A stream that fails to open raises the guard's error from the SDK's."""
        server.script(error(400, "bad request"))
        with pytest.raises(FatalModelError) as info:
            run_client(mode, server.base_url, Guard(), lambda c: drain(c, messages=ASK))
        assert isinstance(info.value.__cause__, openai.BadRequestError)


class TestSecrets:
    """The API key and Authorization header never reach log events or review records."""

    def test_key_absent_from_logs_records_and_errors(
        self, mode: str, server: OpenAIServer, logs: list[dict[str, Any]]
    ) -> None:
        """Flagged sessions, retries and errors whose bodies echo the key leak nothing."""
        echo = f"Incorrect API key provided: {KEY} (Authorization: Bearer {KEY})"
        queue = InMemoryReviewQueue()
        guard = Guard(review_queue=queue, model_retry=no_sleep_retry())
        server.script(
            error(429, echo, headers={"Retry-After": "0", "X-Echo-Authorization": f"Bearer {KEY}"}),
            reply(SPIRAL),
            reply(GOOD),
            error(401, echo),
            sse([chunk(LOOP_UNIT)], endless=True),
            stream([GOOD]),
        )
        errors: list[BaseException] = []

        def body(c: Any) -> Any:
            if isinstance(c, AsyncGuardedOpenAI):

                async def go() -> None:
                    await create(c, messages=ASK, guard_session_id="s-secret")
                    try:
                        await create(c, messages=ASK, guard_session_id="s-secret-2")
                    except FatalModelError as exc:
                        errors.append(exc)
                    await drain(c, messages=ASK, guard_session_id="s-secret-3")

                return go()
            create(c, messages=ASK, guard_session_id="s-secret")
            try:
                create(c, messages=ASK, guard_session_id="s-secret-2")
            except FatalModelError as exc:
                errors.append(exc)
            return drain(c, messages=ASK, guard_session_id="s-secret-3")

        run_client(mode, server.base_url, guard, body)
        assert server.requests[0].headers["authorization"] == f"Bearer {KEY}"  # it was in play
        assert len(errors) == 1 and KEY not in str(errors[0])
        assert queue.list(), "the spiral should have been flagged"
        assert any(e["event"] == "guardrail.model_retry" for e in logs)
        assert "SECRET123" not in repr(logs)
        for record in queue.list():
            assert "SECRET123" not in record.model_dump_json()
