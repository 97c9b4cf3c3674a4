"""Model-call faults over real HTTP: the openai SDK (max_retries=0) against a local server."""

from __future__ import annotations

import socket
import struct
import threading
from collections.abc import Callable, Iterator
from typing import Any

import openai
import pytest
from _openai_server import OpenAIServer, Scripted, error, reply
from tenacity import stop_after_attempt, wait_none

from guardrail import FatalModelError, Guard, ModelRetry, TransientModelError, wait_retry_after

MESSAGES = [{"role": "user", "content": "What is the capital of France?"}]
GOOD = "The capital of France is Paris."


class ResetServer:
    """Accepts TCP connections and resets each one at once (RST); counts them."""

    def __init__(self) -> None:
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.connections = 0
        self._stop = False
        self._thread = threading.Thread(target=self._serve, daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.sock.getsockname()[1]}/v1"

    def _serve(self) -> None:
        while not self._stop:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.connections += 1
            conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            conn.recv(65536)
            conn.close()

    def __enter__(self) -> ResetServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop = True
        self.sock.close()


@pytest.fixture
def server() -> Iterator[OpenAIServer]:
    with OpenAIServer() as srv:
        yield srv


def guard_recording(slept: list[float], **kw: Any) -> Guard:
    retry = ModelRetry(
        **{"stop": stop_after_attempt(4), "wait": wait_none(), "sleep": slept.append, **kw}
    )
    return Guard(model_retry=retry)


def invoke(mode: str, guard: Guard, base_url: str, run: Callable[[Any], Any]) -> Any:
    """A plain model function over the raw SDK, guarded; returns the delivered reply's text."""
    if mode == "async":

        async def go() -> Any:
            async with openai.AsyncOpenAI(
                base_url=base_url, api_key="sk-test", max_retries=0, timeout=5
            ) as client:

                async def model(messages: list[Any]) -> Any:
                    done = await client.chat.completions.create(model="m", messages=messages)
                    return done.choices[0].message

                return (await guard.ainvoke(model, MESSAGES)).reply

        return run(go()).content
    with openai.OpenAI(base_url=base_url, api_key="sk-test", max_retries=0, timeout=5) as client:

        def model(messages: list[Any]) -> Any:
            return client.chat.completions.create(model="m", messages=messages).choices[0].message

        return guard.invoke(model, MESSAGES).reply.content


class TestOverHTTP:
    """429, 5xx, resets and malformed bodies from a real HTTP server reach the right branch."""

    def test_rate_limit_with_retry_after(
        self, server: OpenAIServer, mode: str, run: Callable[[Any], Any]
    ) -> None:
        """A 429 with Retry-After: 2 waits 2 s (recorded, not slept) and the retry succeeds."""
        server.script(error(429, headers={"Retry-After": "2"}), reply(GOOD))
        slept: list[float] = []
        guard = guard_recording(slept, wait=wait_retry_after(wait_none()))
        assert invoke(mode, guard, server.base_url, run) == GOOD
        assert slept == [2.0] and len(server.requests) == 2

    def test_server_errors_are_retried(
        self, server: OpenAIServer, mode: str, run: Callable[[Any], Any]
    ) -> None:
        """500 and 503 are retried; the third request succeeds."""
        server.script(error(500), error(503), reply(GOOD))
        assert invoke(mode, guard_recording([]), server.base_url, run) == GOOD
        assert len(server.requests) == 3

    def test_persistent_5xx_is_bounded(
        self, server: OpenAIServer, mode: str, run: Callable[[Any], Any]
    ) -> None:
        """Four 502s exhaust the four attempts and raise TransientModelError."""
        server.script(*[error(502)] * 4)
        with pytest.raises(TransientModelError, match="HTTP 502"):
            invoke(mode, guard_recording([]), server.base_url, run)
        assert len(server.requests) == 4

    def test_bad_request_is_fatal(
        self, server: OpenAIServer, mode: str, run: Callable[[Any], Any]
    ) -> None:
        """A 400 is not retried."""
        server.script(error(400), reply(GOOD))
        with pytest.raises(FatalModelError, match="HTTP 400"):
            invoke(mode, guard_recording([]), server.base_url, run)
        assert len(server.requests) == 1

    def test_malformed_json_is_fatal(
        self, server: OpenAIServer, mode: str, run: Callable[[Any], Any]
    ) -> None:
        """A 200 whose body is not JSON is a FatalModelError, not retried."""
        server.script(Scripted(body="{not json"), reply(GOOD))
        with pytest.raises(FatalModelError, match="invalid JSON"):
            invoke(mode, guard_recording([]), server.base_url, run)
        assert len(server.requests) == 1

    def test_connection_reset(self, mode: str, run: Callable[[Any], Any]) -> None:
        """A server that resets every connection: one connection per attempt, then transient."""
        slept: list[float] = []
        with ResetServer() as srv:
            with pytest.raises(TransientModelError, match="lost its connection"):
                invoke(mode, guard_recording(slept), srv.base_url, run)
            assert srv.connections == 4
        assert slept == [0.0, 0.0, 0.0]


class TestThroughTheAdapter:
    """The OpenAI adapter's translated errors go through the same retry helper."""

    def test_guarded_client_retries(
        self, server: OpenAIServer, mode: str, run: Callable[[Any], Any]
    ) -> None:
        """GuardedOpenAI: 429 (Retry-After honoured), then 500, then a reply."""
        from guardrail.adapters.openai import AsyncGuardedOpenAI, GuardedOpenAI

        server.script(error(429, headers={"Retry-After": "3"}), error(500), reply(GOOD))
        slept: list[float] = []
        guard = guard_recording(slept, wait=wait_retry_after(wait_none()))
        kw: dict[str, Any] = {"base_url": server.base_url, "api_key": "sk-test", "max_retries": 0}
        if mode == "async":

            async def go() -> Any:
                async with openai.AsyncOpenAI(**kw) as raw:
                    client = AsyncGuardedOpenAI(raw, guard=guard)
                    return await client.chat.completions.create(model="m", messages=MESSAGES)

            done = run(go())
        else:
            with openai.OpenAI(**kw) as raw:
                client = GuardedOpenAI(raw, guard=guard)
                done = client.chat.completions.create(model="m", messages=MESSAGES)
        assert done.choices[0].message.content == GOOD
        assert slept == [3.0, 0.0] and len(server.requests) == 3
