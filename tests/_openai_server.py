"""A scriptable OpenAI-compatible HTTP server on 127.0.0.1 for tests (stdlib only).

Each request to ``POST /v1/chat/completions`` takes the next :class:`Scripted` response from the
queue (an empty queue answers 500 ``script exhausted``, so a test that calls too often fails
loudly). A response is a JSON body, a raw (possibly malformed) body, or a server-sent-event stream;
any status code and headers (``Retry-After``...) can be scripted. Every request is recorded with
its headers and JSON body, and for streams how many events were written before the client went
away.

    with OpenAIServer() as server:
        server.script(error(429, headers={"Retry-After": "2"}), reply("Paris."))
        client = openai.OpenAI(base_url=server.base_url, api_key="sk-test", max_retries=0)
"""

from __future__ import annotations

import json
import threading
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

__all__ = [
    "OpenAIServer",
    "Recorded",
    "Scripted",
    "chunk",
    "completion",
    "error",
    "reply",
    "sse",
    "stream",
]

#: Upper bound on the events of an endless stream (it normally ends when the client disconnects).
ENDLESS_MAX = 200_000


@dataclass
class Scripted:
    """One scripted HTTP response.

    ``body``: a dict (sent as JSON) or str/bytes (sent as is). ``events``: SSE events (dicts as JSON,
    strings as raw ``data:`` payloads); ``endless`` repeats its last event until the client
    disconnects (bounded by ``ENDLESS_MAX``); ``done`` appends ``data: [DONE]``.
    """

    status: int = 200
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)
    events: list[Any] | None = None
    endless: bool = False
    done: bool = True


@dataclass
class Recorded:
    """What the server saw of one request (header names lower-cased)."""

    path: str
    headers: dict[str, str]
    body: Any
    events_sent: int = 0
    disconnected: bool = False
    timed_out: bool = False
    #: Set when the server is done with the request (answered, or the client went away).
    finished: threading.Event = field(default_factory=threading.Event, repr=False)

    def settled(self, timeout: float = 5.0) -> Recorded:
        """Wait (bounded) until the server is done with this request; returns self."""
        if not self.finished.wait(timeout):
            raise TimeoutError("the server is still answering this request")
        return self


def completion(
    text: str | None,
    *,
    finish_reason: str = "stop",
    tool_calls: list[dict[str, Any]] | None = None,
    usage: dict[str, int] | None = None,
    model: str = "scripted-model",
) -> dict[str, Any]:
    """A ``chat.completion`` body with one choice."""
    message: dict[str, Any] = {"role": "assistant", "content": text}
    if tool_calls:
        message["tool_calls"] = tool_calls
    return {
        "id": "chatcmpl-scripted",
        "object": "chat.completion",
        "created": 1_700_000_000,
        "model": model,
        "choices": [{"index": 0, "message": message, "finish_reason": finish_reason}],
        "usage": usage or {"prompt_tokens": 10, "completion_tokens": 5, "total_tokens": 15},
    }


def chunk(
    content: str | None = None,
    *,
    finish_reason: str | None = None,
    role: str | None = None,
    model: str = "scripted-model",
) -> dict[str, Any]:
    """A ``chat.completion.chunk`` event carrying ``content``."""
    delta: dict[str, Any] = {}
    if role:
        delta["role"] = role
    if content is not None:
        delta["content"] = content
    return {
        "id": "chatcmpl-scripted",
        "object": "chat.completion.chunk",
        "created": 1_700_000_000,
        "model": model,
        "choices": [{"index": 0, "delta": delta, "finish_reason": finish_reason}],
    }


def reply(text: str | None, **kw: Any) -> Scripted:
    """A 200 response with a completion (keywords as for :func:`completion`)."""
    return Scripted(body=completion(text, **kw))


def error(
    status: int, message: str = "scripted error", *, headers: dict[str, str] | None = None
) -> Scripted:
    """An OpenAI-style error response."""
    body = {"error": {"message": message, "type": "scripted", "code": str(status)}}
    return Scripted(status=status, body=body, headers=dict(headers or {}))


def stream(parts: list[str], *, finish_reason: str = "stop") -> Scripted:
    """A streamed reply: a role chunk, one chunk per part, then a finish chunk and ``[DONE]``."""
    events = [chunk(role="assistant", content="")]
    events += [chunk(p) for p in parts]
    events.append(chunk(finish_reason=finish_reason))
    return Scripted(events=events)


def sse(events: list[Any], *, endless: bool = False, done: bool = True) -> Scripted:
    """A raw SSE response from explicit events."""
    return Scripted(events=list(events), endless=endless, done=done)


class _Handler(BaseHTTPRequestHandler):
    server: _HTTPServer

    def log_message(self, format: str, *args: Any) -> None:  # silence stderr
        return

    def do_GET(self) -> None:
        self._send_json(200, {"object": "list", "data": [{"id": "scripted-model"}]})

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        try:
            body = json.loads(raw) if raw else None
        except ValueError:
            body = raw.decode("utf-8", "replace")
        rec = Recorded(
            path=self.path, headers={k.lower(): v for k, v in self.headers.items()}, body=body
        )
        owner = self.server.owner
        with owner.lock:
            owner.requests.append(rec)
            item = owner.queue.popleft() if owner.queue else None
        try:
            if item is None:
                self._send_json(500, {"error": {"message": "script exhausted", "type": "scripted"}})
            elif item.events is None:
                self._send_body(item)
            else:
                self._send_events(item, rec)
        finally:
            rec.finished.set()

    def _send_json(self, status: int, body: Any) -> None:
        self._send_body(Scripted(status=status, body=body))

    def _send_body(self, item: Scripted) -> None:
        if isinstance(item.body, (dict, list)):
            data = json.dumps(item.body).encode()
            ctype = "application/json"
        else:
            data = item.body.encode() if isinstance(item.body, str) else (item.body or b"")
            ctype = item.headers.get("Content-Type", "application/json")
        self.send_response(item.status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        for k, v in item.headers.items():
            if k.lower() != "content-type":
                self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)

    def _send_events(self, item: Scripted, rec: Recorded) -> None:
        self.send_response(item.status)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-cache")
        for k, v in item.headers.items():
            self.send_header(k, v)
        self.end_headers()
        events = list(item.events or [])
        total = ENDLESS_MAX if item.endless else len(events)
        try:
            for i in range(total):
                ev = events[min(i, len(events) - 1)]
                payload = ev if isinstance(ev, str) else json.dumps(ev)
                self.wfile.write(f"data: {payload}\n\n".encode())
                self.wfile.flush()
                rec.events_sent += 1
            if item.done:
                self.wfile.write(b"data: [DONE]\n\n")
                self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            rec.disconnected = True  # the client closed the connection
            self.close_connection = True
        except TimeoutError:
            rec.timed_out = True  # the client stopped reading but kept the connection open
            self.close_connection = True


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    owner: OpenAIServer


class OpenAIServer:
    """The server; use as a context manager (it binds an ephemeral port on 127.0.0.1)."""

    def __init__(self, *, timeout: float = 10.0) -> None:
        self.queue: deque[Scripted] = deque()
        self.requests: list[Recorded] = []
        self.lock = threading.Lock()
        self.timeout = timeout
        self._httpd: _HTTPServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def base_url(self) -> str:
        assert self._httpd is not None, "server not started"
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}/v1"

    def script(self, *items: Scripted) -> OpenAIServer:
        """Queue responses, answered in order."""
        with self.lock:
            self.queue.extend(items)
        return self

    def start(self) -> OpenAIServer:
        _Handler.timeout = self.timeout
        httpd = _HTTPServer(("127.0.0.1", 0), _Handler)
        httpd.owner = self
        self._httpd = httpd
        self._thread = threading.Thread(
            target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd = None

    def __enter__(self) -> OpenAIServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
