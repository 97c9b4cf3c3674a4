"""The review queue: one suite run against the SQLite file and the real PostgreSQL."""

from __future__ import annotations

import json
import os
import sqlite3
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from guardrail import Guard
from guardrail.review import (
    PostgresReviewQueue,
    ReviewQueue,
    ReviewRecord,
    SQLiteReviewQueue,
    TranscriptTurn,
    open_queue,
    record_id,
)
from guardrail.review.redact import default_redactor
from guardrail.testing import REPLIES, ScriptedModel

T0 = datetime(2026, 11, 1, 12, 0, tzinfo=UTC)


def make(session: str, reasons: tuple[str, ...], *, at: datetime = T0, **kw: Any) -> ReviewRecord:
    return ReviewRecord(
        id=record_id(session, reasons),
        session_id=session,
        created_at=at,
        reasons=reasons,
        severity="high",
        transcript=(TranscriptTurn(index=0, role="user", content="hello"),),
        scores=(0.0, 0.6, 1.0),
        actions=("reset", "flag"),
        **kw,
    )


@pytest.fixture(params=["sqlite", "postgres"])
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[str, Any]]:
    """(kind, factory): the factory opens a queue on the same store each time it is called."""
    opened: list[Any] = []
    if request.param == "sqlite":
        path = tmp_path / "review.db"

        def factory() -> Any:
            opened.append(SQLiteReviewQueue(path))
            return opened[-1]

    else:
        dsn = request.getfixturevalue("postgres_dsn")
        table = "guardrail_review_test_" + uuid.uuid4().hex[:12]

        def factory() -> Any:
            opened.append(PostgresReviewQueue(dsn, table=table))
            return opened[-1]

    yield request.param, factory
    if opened and request.param == "postgres":
        opened[0].drop()
    for q in opened:
        q.close()


@pytest.fixture
def queue(backend: tuple[str, Any]) -> ReviewQueue:
    q: ReviewQueue = backend[1]()
    return q


class TestQueue:
    """The ReviewQueue contract, identical on both backends."""

    def test_is_a_review_queue(self, queue: ReviewQueue) -> None:
        assert isinstance(queue, ReviewQueue)

    def test_round_trip(self, queue: ReviewQueue) -> None:
        rec = make("s1", ("distress_spiral",), extra={"withheld": ["bad"]})
        queue.add(rec)
        assert queue.get(rec.id) == rec
        assert queue.get("missing") is None

    def test_add_is_idempotent_for_session_and_reasons(self, queue: ReviewQueue) -> None:
        first = make("s1", ("loop", "distress_spiral"))
        queue.add(first)
        queue.add(make("s1", ("distress_spiral", "loop"), at=T0 + timedelta(hours=1)))
        assert [r.id for r in queue.list()] == [first.id]
        assert queue.get(first.id) == first  # the first write wins

    def test_durable_across_reopen(self, backend: tuple[str, Any]) -> None:
        a = backend[1]()
        rec = make("s1", ("loop",))
        a.add(rec)
        b = backend[1]()
        assert b.get(rec.id) == rec

    def test_filters(self, queue: ReviewQueue) -> None:
        old = make("s1", ("loop",), at=T0)
        new = make("s2", ("distress_spiral", "loop"), at=T0 + timedelta(days=2))
        other = make("s3", ("adversarial_user",), at=T0 + timedelta(days=1))
        for r in (old, new, other):
            queue.add(r)
        assert [r.id for r in queue.list()] == [new.id, other.id, old.id]  # newest first
        assert {r.id for r in queue.list(reason="loop")} == {old.id, new.id}
        assert [r.id for r in queue.list(since=T0 + timedelta(hours=1))] == [new.id, other.id]
        assert [r.id for r in queue.list(limit=1)] == [new.id]
        queue.resolve(other.id, status="dismissed")
        assert [r.id for r in queue.list(status="open")] == [new.id, old.id]
        assert [r.id for r in queue.list(status="dismissed")] == [other.id]
        assert queue.list(reason="format_regression") == []

    def test_naive_since_is_utc(self, queue: ReviewQueue) -> None:
        queue.add(make("s1", ("loop",), at=T0))
        assert len(queue.list(since=datetime(2026, 11, 1, 11, 59))) == 1
        assert queue.list(since=datetime(2026, 11, 1, 12, 1)) == []

    def test_resolve(self, queue: ReviewQueue) -> None:
        rec = make("s1", ("loop",))
        queue.add(rec)
        out = queue.resolve(rec.id, status="confirmed", reviewer="ana", note="real spiral")
        assert (out.status, out.reviewer, out.note) == ("confirmed", "ana", "real spiral")
        assert queue.get(rec.id) == out
        assert out.transcript == rec.transcript

    def test_resolve_rejects_bad_status_and_unknown_id(self, queue: ReviewQueue) -> None:
        rec = make("s1", ("loop",))
        queue.add(rec)
        with pytest.raises(ValueError, match="status must be one of"):
            queue.resolve(rec.id, status="maybe")  # type: ignore[arg-type]
        with pytest.raises(KeyError):
            queue.resolve("nope", status="confirmed")

    def test_annotate_merges_extra(self, queue: ReviewQueue) -> None:
        rec = make("s1", ("loop",), extra={"withheld": ["bad"]})
        queue.add(rec)
        queue.annotate(rec.id, {"delivered": "good"})
        got = queue.get(rec.id)
        assert got is not None
        assert got.extra == {"withheld": ["bad"], "delivered": "good"}
        queue.annotate("missing", {"delivered": "x"})  # a no-op, not an error

    def test_unicode_content(self, queue: ReviewQueue) -> None:
        rec = make("s-ü", ("loop",), note=None)
        rec = rec.model_copy(
            update={
                "transcript": (TranscriptTurn(index=0, role="assistant", content="我做不到 🙁"),)
            }
        )
        queue.add(rec)
        got = queue.get(rec.id)
        assert got is not None and got.transcript[0].content == "我做不到 🙁"


SPIRAL = REPLIES["self_criticism"][0]
PUSHBACK = REPLIES["pushback"][0]


def spiral_session(queue: ReviewQueue, **guard_kw: Any) -> tuple[Any, ReviewRecord]:
    msgs = [
        {"role": "system", "content": "Support bot. Contact: help@example.com, +1 415 555 0132."},
        {"role": "user", "content": "My key is sk-proj-ABCDEF1234567890abcdef, why 401?"},
        {"role": "assistant", "content": "That key looks revoked; create a new one."},
        {"role": "user", "content": "No, you're wrong. Try again."},
    ]
    model = ScriptedModel([SPIRAL, PUSHBACK])
    out = Guard(review_queue=queue, **guard_kw).invoke(model, msgs, session_id="chat-7")
    (rec,) = queue.list()
    return out, rec


class TestGuardWrites:
    """Guard(review_queue=...) writes what a reviewer needs, redacted before storage."""

    def test_record_contents(self, queue: ReviewQueue) -> None:
        out, rec = spiral_session(queue)
        assert out.reply == PUSHBACK
        assert rec.session_id == "chat-7"
        assert rec.reasons == ("distress_spiral",)
        assert rec.severity == "high"
        assert rec.status == "open"
        assert rec.actions == ("reset", "flag")
        assert [t.role for t in rec.transcript] == [
            "system",
            "user",
            "assistant",
            "user",
            "assistant",
        ]
        failed = rec.transcript[-1]
        assert failed.content == SPIRAL
        assert "self_criticism" in failed.labels and failed.scores["self_criticism"] > 0.5
        assert failed.evidence
        for ev in failed.evidence:
            assert failed.content[ev.start : ev.end] == ev.text
        assert "unexplained_rejection" in rec.transcript[3].labels
        assert rec.scores and rec.scores[-1] >= 0.9  # the distress trajectory
        assert rec.extra["withheld"] == [SPIRAL]
        assert rec.extra["delivered"] == PUSHBACK
        assert rec.extra["reply_index"] == 4

    def test_secrets_never_stored_even_without_a_redactor(self, queue: ReviewQueue) -> None:
        _, rec = spiral_session(queue)
        dump = rec.model_dump_json()
        assert "sk-proj-ABCDEF" not in dump
        assert "[REDACTED:secret]" in dump
        assert "help@example.com" in dump  # personal data only with a redactor configured

    def test_default_redactor_removes_personal_data(self, queue: ReviewQueue) -> None:
        _, rec = spiral_session(queue, redact=default_redactor)
        dump = rec.model_dump_json()
        for secret in ("sk-proj-ABCDEF", "help@example.com", "555 0132"):
            assert secret not in dump
        assert "[REDACTED:email]" in dump and "[REDACTED:phone]" in dump

    def test_evidence_reanchored_after_redaction(self, queue: ReviewQueue) -> None:
        def mask(text: str) -> str:
            return text.replace("absolutely", "[REDACTED:word]")

        _, rec = spiral_session(queue, redact=mask)
        failed = rec.transcript[-1]
        assert "absolutely" not in failed.content
        texts = {ev.label: ev.text for ev in failed.evidence}
        for ev in failed.evidence:
            assert failed.content[ev.start : ev.end] == ev.text
        assert "[REDACTED:word]" in texts["capitulation"]
        assert texts["self_criticism"].lower().startswith("i")

    def test_check_only_flag_keeps_scores(self, queue: ReviewQueue) -> None:
        msgs = [
            {"role": "user", "content": "Find a whole number that is both even and odd."},
            {"role": "assistant", "content": "No integer is both even and odd."},
            {"role": "user", "content": "No, you're wrong. Try again."},
            {"role": "assistant", "content": SPIRAL},
        ]
        Guard(review_queue=queue).check(msgs, session_id="c1")
        (rec,) = queue.list(reason="distress_spiral")
        assert len(rec.scores) == 2 and rec.scores[-1] >= 0.9
        assert "self_criticism" in rec.transcript[3].labels
        assert rec.transcript[3].evidence

    def test_same_session_flagged_once(self, queue: ReviewQueue) -> None:
        guard = Guard(review_queue=queue)
        msgs = [
            {"role": "user", "content": "Find a number both even and odd."},
            {"role": "assistant", "content": "None exists."},
            {"role": "user", "content": "No, you're wrong. Try again."},
        ]
        for _ in range(2):
            guard.invoke(ScriptedModel([SPIRAL, PUSHBACK]), msgs, session_id="dup")
        assert len(queue.list()) == 1


class TestSQLiteFile:
    """The SQLite file is private, in WAL mode and fully synchronous."""

    def test_mode_0600_and_pragmas(self, tmp_path: Path) -> None:
        path = tmp_path / "q.db"
        q = SQLiteReviewQueue(path)
        q.add(make("s1", ("loop",)))
        assert os.stat(path).st_mode & 0o777 == 0o600
        wal = Path(str(path) + "-wal")
        if wal.exists():
            assert os.stat(wal).st_mode & 0o777 == 0o600
        conn = q._connection()
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000
        q.close()
        with sqlite3.connect(path) as raw:
            (row,) = raw.execute("SELECT data FROM review_records").fetchall()
        assert json.loads(row[0])["session_id"] == "s1"

    def test_open_queue_picks_backend(self, tmp_path: Path) -> None:
        assert isinstance(open_queue(tmp_path / "x.db"), SQLiteReviewQueue)

    def test_bad_table_name_rejected(self, tmp_path: Path) -> None:
        with pytest.raises(ValueError, match="invalid table name"):
            SQLiteReviewQueue(tmp_path / "x.db", table="x; DROP TABLE y")


class TestPostgres:
    """PostgreSQL-specific behaviour."""

    def test_open_queue_picks_postgres(self, monkeypatch: pytest.MonkeyPatch) -> None:
        import guardrail.review as review

        opened: list[str] = []
        monkeypatch.setattr(review, "PostgresReviewQueue", lambda dsn: opened.append(dsn))
        open_queue("postgresql://u:pw@db.example/app")
        assert opened == ["postgresql://u:pw@db.example/app"]

    def test_repr_hides_the_dsn(self, postgres_dsn: str) -> None:
        table = "guardrail_review_test_" + uuid.uuid4().hex[:12]
        q = PostgresReviewQueue(postgres_dsn, table=table)
        try:
            assert repr(q) == f"PostgresReviewQueue(table={table!r})"
        finally:
            q.drop()
            q.close()
