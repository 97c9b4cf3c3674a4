"""``guardrail review list|show|resolve|export`` on a SQLite file written by a real Guard."""

from __future__ import annotations

import argparse
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import structlog

from guardrail import Guard
from guardrail._models import Evidence
from guardrail.cli import main
from guardrail.cli._review import cmd_export, cmd_list, cmd_resolve, cmd_show, parse_since
from guardrail.review import SQLiteReviewQueue
from guardrail.review._render import highlight, sparkline
from guardrail.review.export import dpo_pair
from guardrail.testing import REPLIES, ScriptedModel

SPIRAL = REPLIES["self_criticism"][0]
PUSHBACK = REPLIES["pushback"][0]
HISTORY = [
    {"role": "system", "content": "You are a maths tutor."},
    {"role": "user", "content": "Find a whole number that is both even and odd."},
    {"role": "assistant", "content": "No integer is both even and odd."},
    {"role": "user", "content": "No, you're wrong. Try again."},
]


@pytest.fixture(autouse=True)
def _restore_structlog() -> Iterator[None]:
    """``main()`` configures structlog for the CLI; undo it so later tests see the defaults."""
    yield
    structlog.reset_defaults()


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "review.db")
    queue = SQLiteReviewQueue(path)
    guard = Guard(review_queue=queue)
    guard.invoke(ScriptedModel([SPIRAL, PUSHBACK]), HISTORY, session_id="chat-1")
    guard.check(
        [
            {"role": "user", "content": "Answer, you worthless idiot."},
            {"role": "assistant", "content": "4."},
            {"role": "user", "content": "You stupid useless machine, you are garbage."},
        ],
        session_id="chat-2",
    )
    queue.close()
    return path


def ns(**kw: Any) -> argparse.Namespace:
    base: dict[str, Any] = {"status": None, "reason": None, "since": None, "limit": None}
    return argparse.Namespace(**{**base, **kw})


def run(cmd: Any, **kw: Any) -> tuple[int, str]:
    out = io.StringIO()
    code = cmd(ns(**kw), out)
    return code, out.getvalue()


def spiral_id(db: str) -> str:
    (rec,) = SQLiteReviewQueue(db).list(reason="distress_spiral")
    return rec.id


class TestList:
    """``review list`` filters and formats."""

    def test_table(self, db: str) -> None:
        code, out = run(cmd_list, db=db, format="table")
        assert code == 0
        assert "distress_spiral" in out and "adversarial_user" in out
        assert out.strip().endswith("2 record(s)")

    def test_json_and_filters(self, db: str) -> None:
        _, out = run(cmd_list, db=db, format="json", reason="distress_spiral")
        (line,) = out.splitlines()
        assert json.loads(line)["session_id"] == "chat-1"
        _, out = run(cmd_list, db=db, format="json", status="confirmed")
        assert out == ""
        _, out = run(cmd_list, db=db, format="json", since="1h")
        assert len(out.splitlines()) == 2
        _, out = run(cmd_list, db=db, format="json", since="2999-01-01")
        assert out == ""

    def test_bad_since_and_missing_db(self, db: str, tmp_path: Path, capsys: Any) -> None:
        assert run(cmd_list, db=db, format="table", since="yesterday")[0] == 2
        assert run(cmd_list, db=str(tmp_path / "none.db"), format="table")[0] == 2
        err = capsys.readouterr().err
        assert "--since" in err and "no review database" in err
        assert not (tmp_path / "none.db").exists()

    def test_parse_since(self) -> None:
        from datetime import UTC, datetime

        now = datetime(2026, 1, 2, tzinfo=UTC)
        assert parse_since("24h", now=now) == datetime(2026, 1, 1, tzinfo=UTC)
        assert parse_since("2026-01-01", now=now) == datetime(2026, 1, 1, tzinfo=UTC)

    def test_through_main(self, db: str, capsys: Any) -> None:
        assert main(["review", "list", "--db", db, "--reason", "adversarial_user"]) == 0
        out = capsys.readouterr().out
        assert "adversarial_user" in out and "distress_spiral" not in out


class TestShow:
    """``review show`` highlights evidence and draws the distress trajectory."""

    def test_plain(self, db: str) -> None:
        code, out = run(cmd_show, db=db, id=spiral_id(db), color="never")
        assert code == 0
        assert "[[I am failing]]" in out
        assert "withheld: never delivered" in out
        assert "distress ▁" in out and "█" in out
        assert PUSHBACK in out  # what was delivered instead

    def test_prefix_and_color(self, db: str) -> None:
        code, out = run(cmd_show, db=db, id=spiral_id(db)[:8], color="always")
        assert code == 0
        assert "\x1b[1;31mI am failing\x1b[0m" in out

    def test_unknown_id(self, db: str, capsys: Any) -> None:
        assert run(cmd_show, db=db, id="zzzzzzzz", color="never")[0] == 2
        assert "no review record" in capsys.readouterr().err


class TestResolve:
    """``review resolve`` records the reviewer's call."""

    def test_confirm(self, db: str) -> None:
        rid = spiral_id(db)
        code, out = run(cmd_resolve, db=db, id=rid, status="confirmed", note="real", reviewer="ana")
        assert code == 0 and "confirmed by ana" in out
        rec = SQLiteReviewQueue(db).get(rid)
        assert rec is not None
        assert (rec.status, rec.reviewer, rec.note) == ("confirmed", "ana", "real")

    def test_default_reviewer(self, db: str) -> None:
        rid = spiral_id(db)
        run(cmd_resolve, db=db, id=rid, status="dismissed", note=None, reviewer=None)
        rec = SQLiteReviewQueue(db).get(rid)
        assert rec is not None and rec.reviewer


class TestExport:
    """``review export``: records as JSON lines; DPO pairs in TRL's conversational format."""

    def test_jsonl_to_file(self, db: str, tmp_path: Path) -> None:
        out = tmp_path / "all.jsonl"
        assert run(cmd_export, db=db, format="jsonl", out=str(out))[0] == 0
        assert len(out.read_text().splitlines()) == 2

    def test_dpo_pairs(self, db: str) -> None:
        code, out = run(cmd_export, db=db, format="dpo", out="-")
        assert code == 0
        (line,) = out.splitlines()  # the adversarial-user record has no recovery: no pair
        pair = json.loads(line)
        assert set(pair) == {"prompt", "chosen", "rejected"}
        assert pair["prompt"] == HISTORY  # the context the model failed on, before the reset
        assert pair["chosen"] == [{"role": "assistant", "content": PUSHBACK}]
        assert pair["rejected"] == [{"role": "assistant", "content": SPIRAL}]

    def test_dismissed_records_give_no_pair(self, db: str) -> None:
        rid = spiral_id(db)
        run(cmd_resolve, db=db, id=rid, status="dismissed", note="false alarm", reviewer="ana")
        rec = SQLiteReviewQueue(db).get(rid)
        assert rec is not None and dpo_pair(rec) is None
        assert run(cmd_export, db=db, format="dpo", out="-")[1] == ""


class TestRender:
    """Rendering helpers."""

    def test_sparkline(self) -> None:
        assert sparkline([0.0, 0.5, 1.0, 2.0, -1.0]) == "▁▅██▁"

    def test_overlapping_evidence_merged(self) -> None:
        spans = [
            Evidence(label="a", text="", start=0, end=5),
            Evidence(label="b", text="", start=3, end=8),
            Evidence(label="c", text="", start=10, end=12),
        ]
        assert highlight("abcdefghijklm", spans) == "[[abcdefgh]]ij[[kl]]m"
