"""A guarded OpenAI client pointed at any OpenAI-compatible endpoint.

    OPENAI_BASE_URL=http://localhost:8000/v1 OPENAI_API_KEY=... OPENAI_MODEL=... \\
        python examples/openai_client.py

Without OPENAI_BASE_URL it runs offline: the real openai SDK talks to a scripted in-process
transport (httpx.MockTransport) whose model first spirals, then loops while streaming, so the
guard has something to do. Nothing leaves the machine in offline mode.
"""

from __future__ import annotations

import json
import os
from typing import Any

import httpx
import openai

from guardrail import Guard
from guardrail.adapters.openai import GuardedOpenAI

SPIRAL = (
    "You're absolutely right. I am failing spectacularly at this. I keep botching it, and I am "
    "clearly stuck in a loop. I'm useless at this task."
)
LOOP = "I apologise, let me try that again. "


def _completion(text: str) -> dict[str, Any]:
    return {
        "id": "chatcmpl-offline",
        "object": "chat.completion",
        "created": 0,
        "model": "scripted",
        "choices": [
            {"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": "stop"}
        ],
        "usage": {"prompt_tokens": 12, "completion_tokens": 9, "total_tokens": 21},
    }


def _sse(parts: list[str]) -> bytes:
    def event(delta: dict[str, Any], finish: str | None = None) -> str:
        chunk = {
            "id": "chatcmpl-offline",
            "object": "chat.completion.chunk",
            "created": 0,
            "model": "scripted",
            "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
        }
        return f"data: {json.dumps(chunk)}\n\n"

    body = [event({"role": "assistant", "content": ""})]
    body += [event({"content": p}) for p in parts]
    body.append(event({}, "stop"))
    return ("".join(body) + "data: [DONE]\n\n").encode()


class ScriptedEndpoint:
    """An offline stand-in for an OpenAI-compatible server (replies in order)."""

    def __init__(self) -> None:
        self.calls = 0
        self.replies: list[httpx.Response] = [
            httpx.Response(200, json=_completion(SPIRAL)),
            httpx.Response(200, json=_completion("The Eiffel Tower is in Paris.")),
            httpx.Response(
                200, content=_sse([LOOP] * 500), headers={"content-type": "text/event-stream"}
            ),
            httpx.Response(
                200,
                content=_sse(["It was ", "completed ", "in 1889."]),
                headers={"content-type": "text/event-stream"},
            ),
        ]

    def __call__(self, request: httpx.Request) -> httpx.Response:
        reply = self.replies[min(self.calls, len(self.replies) - 1)]
        self.calls += 1
        return reply


def make_client() -> tuple[openai.OpenAI, str]:
    base_url = os.environ.get("OPENAI_BASE_URL")
    if base_url:
        print(f"endpoint: {base_url}")
        return openai.OpenAI(max_retries=0), os.environ.get("OPENAI_MODEL", "gpt-4o-mini")
    print("endpoint: offline scripted model (set OPENAI_BASE_URL to use a real one)")
    transport = httpx.MockTransport(ScriptedEndpoint())
    client = openai.OpenAI(
        base_url="http://offline.invalid/v1",
        api_key="sk-offline-example",
        max_retries=0,
        http_client=httpx.Client(transport=transport),
    )
    return client, "scripted"


def main() -> None:
    raw, model = make_client()
    guard = Guard()
    client = GuardedOpenAI(raw, guard=guard)
    history = [{"role": "user", "content": "Where is the Eiffel Tower?"}]

    reply = client.chat.completions.create(
        model=model, messages=history, guard_session_id="example-1"
    )
    answer = reply.choices[0].message.content or ""
    print(f"assistant: {answer}")
    history += [
        {"role": "assistant", "content": answer},
        {"role": "user", "content": "When was it built?"},
    ]

    stream = client.chat.completions.create(
        model=model, messages=history, stream=True, guard_session_id="example-1"
    )
    shown = "".join(chunk.choices[0].delta.content or "" for chunk in stream if chunk.choices)
    print(f"assistant (streamed): {stream.text}")
    print(f"stream: {stream.received} chunks read upstream, cut by {stream.cuts or 'nothing'}")
    print(f"stream output had a restart marker: {'[guardrail:' in shown}")
    print(f"guard actions on the streamed reply: {list(stream.verdict.actions_taken)}")


if __name__ == "__main__":
    main()
