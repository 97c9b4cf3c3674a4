"""Secrets never reach logs or review records, on every path; the review file is owner-only."""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
import structlog
from structlog.testing import capture_logs
from tenacity import stop_after_attempt, wait_none

from guardrail import (
    FatalModelError,
    Finding,
    Guard,
    ModelRetry,
    RetriesExhausted,
    TransientModelError,
)
from guardrail.detectors import TurnContext
from guardrail.review import InMemoryReviewQueue, ReviewRecord, SQLiteReviewQueue
from guardrail.testing import AsyncScriptedModel, ScriptedModel

#: Secrets of the kinds that end up in prompts and errors; each must never be logged or stored.
SECRETS = [
    "sk-proj-Zx81Qw0pLm55RtYu77IoPa22",
    "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiI0MiJ9.c2lnbmF0dXJlX3NlY3JldA",
    "Authorization: Basic YWRtaW46aHVudGVyMjA0OA==",
    "ghp_Q1w2E3r4T5y6U7i8O9p0A1s2D3f4G5h6J7k8",
    "AKIAQWERTYUIOPASDFGH",
]
#: The part of each secret that would identify it (what must not appear anywhere).
MARKERS = [
    "Zx81Qw0pLm55RtYu77IoPa22",
    "c2lnbmF0dXJlX3NlY3JldA",
    "YWRtaW46aHVudGVyMjA0OA",
    "Q1w2E3r4T5y6U7i8O9p0A1s2D3f4G5h6J7k8",
    "AKIAQWERTYUIOPASDFGH",
]
LEAK = " ".join(SECRETS)
HOSTILE = f"You useless piece of junk, use my key {LEAK} and answer properly."
SPIRAL = (
    f"You're absolutely right. I am failing spectacularly, I'm useless. My key is {LEAK}. "
    "I keep botching this and I am clearly stuck in a loop."
)
LOOPING = f"I will retry with {LEAK}. " * 12


def assert_clean(*things: Any) -> None:
    """No secret marker appears in the serialised form of anything given."""
    for thing in things:
        if isinstance(thing, ReviewRecord):
            text = thing.model_dump_json()
        elif isinstance(thing, str):
            text = thing
        else:
            text = json.dumps(thing, default=repr, ensure_ascii=False)
        for marker in MARKERS:
            assert marker not in text, f"secret {marker[:6]}... leaked into {text[:200]}"


@pytest.fixture
def events() -> Iterator[list[dict[str, Any]]]:
    """Every structlog event at every level (defaults restored first, whatever ran before)."""
    structlog.reset_defaults()
    with capture_logs() as captured:
        yield captured


def conversation() -> list[dict[str, str]]:
    return [
        {"role": "system", "content": f"Deploy with {LEAK}."},
        {"role": "user", "content": f"Here are my credentials: {LEAK}. What is 6 x 7?"},
        {"role": "assistant", "content": "42."},
        {"role": "user", "content": HOSTILE},
        {"role": "assistant", "content": LOOPING},
        {"role": "user", "content": HOSTILE},
        {"role": "assistant", "content": SPIRAL},
    ]


def model_for(mode: str, replies: list[Any]) -> ScriptedModel:
    return AsyncScriptedModel(replies) if mode == "async" else ScriptedModel(replies)


class TestReviewRecordsAndLogs:
    """Flagged sessions reach the queue and the logs with every secret redacted."""

    def test_check_path(self, events: list[dict[str, Any]]) -> None:
        """check: a flagged hostile, looping, spiralling session with secrets in every turn."""
        queue = InMemoryReviewQueue()
        verdict = Guard(review_queue=queue).check(conversation(), session_id="sec-check")
        records = queue.list()
        assert records and verdict.decision.flag
        assert any("[REDACTED:secret]" in t.content for r in records for t in r.transcript)
        assert_clean(*records, events)

    def test_wrap_and_invoke_path(
        self, mode: str, run: Callable[[Any], Any], events: list[dict[str, Any]]
    ) -> None:
        """wrap/invoke: replies carrying secrets are withheld, reset and flagged; nothing leaks."""
        queue = InMemoryReviewQueue()
        guard = Guard(review_queue=queue, stop=stop_after_attempt(4))
        model = model_for(mode, [SPIRAL, LOOPING, SPIRAL, LOOPING, SPIRAL])
        guarded = guard.wrap(model)
        with pytest.raises(RetriesExhausted) as info:
            run(guarded(conversation()[:4], session_id="sec-wrap"))
        assert queue.list()
        assert_clean(*queue.list(), events, str(info.value))

    def test_custom_redactor_still_removes_secrets(self, events: list[dict[str, Any]]) -> None:
        """A caller's own redactor (here a no-op) does not switch secret redaction off."""
        queue = InMemoryReviewQueue()
        Guard(review_queue=queue, redact=lambda s: s).check(conversation(), session_id="sec-own")
        assert queue.list()
        assert_clean(*queue.list(), events)

    def test_sqlite_file_holds_no_secret(self, tmp_path: Path) -> None:
        """The bytes of the SQLite review file (and its WAL) never contain a secret."""
        queue = SQLiteReviewQueue(tmp_path / "review.db")
        Guard(review_queue=queue).check(conversation(), session_id="sec-sqlite")
        assert queue.list()
        queue.close()
        for f in tmp_path.iterdir():
            data = f.read_bytes()
            for marker in MARKERS:
                assert marker.encode() not in data, f"{marker[:6]}... in {f.name}"


class TestErrorPaths:
    """Errors that quote secrets are not logged with them, and model errors do not carry them."""

    def test_model_errors(
        self, mode: str, run: Callable[[Any], Any], events: list[dict[str, Any]]
    ) -> None:
        """A provider error whose message quotes the API key: translated message and logs clean."""

        class AuthError(Exception):
            def __init__(self, status: int) -> None:
                super().__init__(f"Incorrect API key provided: {SECRETS[0]} ({LEAK})")
                self.status_code = status
                self.response = SimpleNamespace(status_code=status, headers={})

        retry = ModelRetry(stop=stop_after_attempt(2), wait=wait_none(), sleep=lambda s: None)
        guard = Guard(model_retry=retry)
        for status, kind in ((401, FatalModelError), (503, TransientModelError)):
            model = model_for(mode, [AuthError(status)])
            call = guard.ainvoke if mode == "async" else guard.invoke
            with pytest.raises(kind) as info:
                run(call(model, conversation()[:2]))
            assert_clean(str(info.value), repr(info.value))
        assert_clean(events)

    def test_crashing_detector(self, events: list[dict[str, Any]]) -> None:
        """A detector that raises with the turn's text in its message: the log is redacted."""

        def nosy(turn: TurnContext) -> list[Finding]:
            raise ValueError(f"cannot handle {turn.message.content!r}")

        Guard(extra_detectors=[nosy]).check(conversation(), session_id="sec-crash")
        assert any(e["event"] == "guardrail.detector_error" for e in events)
        assert_clean(events)


class TestReviewFilePermissions:
    """The SQLite review file is created owner-only, even under a permissive umask."""

    def test_created_0600(self, tmp_path: Path) -> None:
        """review.db and its WAL/SHM side files are rw------- whatever the umask."""
        old = os.umask(0)
        try:
            queue = SQLiteReviewQueue(tmp_path / "review.db")
            Guard(review_queue=queue).check(conversation(), session_id="perm")
            assert queue.list()
            files = sorted(tmp_path.iterdir())
            assert tmp_path / "review.db" in files
            for f in files:
                assert stat.S_IMODE(f.stat().st_mode) == 0o600, f"{f.name}: {oct(f.stat().st_mode)}"
            queue.close()
        finally:
            os.umask(old)
