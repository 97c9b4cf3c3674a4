"""``guardrail demo``: spiral detected, context reset, healthy reply, flagged, then the review CLI."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import structlog

from guardrail.cli import main
from guardrail.cli._demo import run_demo
from guardrail.review import InMemoryReviewQueue, SQLiteReviewQueue

DISTRESS = {"self_criticism", "capitulation", "loop"}


@pytest.fixture(autouse=True)
def _restore_structlog() -> Iterator[None]:
    """``main()`` configures structlog for the CLI; undo it so later tests see the defaults."""
    yield
    structlog.reset_defaults()


class TestRunDemo:
    """The guarded side recovers every turn the unguarded side spirals on."""

    def test_loop(self) -> None:
        queue = InMemoryReviewQueue()
        rows = run_demo(6, 3, review_queue=queue, session_id="demo-test")
        assert len(rows) == 7
        assert sum(1 for r in rows if set(r["unguarded_labels"]) & DISTRESS) >= 3
        assert all(not set(r["guarded_labels"]) & DISTRESS for r in rows)
        assert any("reset" in r["actions"] for r in rows)
        # Every re-call is visible: model calls match the actions that re-call.
        for r in rows:
            recalls = sum(1 for a in r["actions"] if a in ("reprompt", "reset"))
            assert r["model_calls"] == 1 + recalls == len(r["sent"])
        spiral = queue.list(reason="distress_spiral")
        assert spiral and spiral[0].extra["delivered"] and spiral[0].extra["withheld"]


class TestCommand:
    """``guardrail demo --db FILE`` prints the whole story and leaves the queue on disk."""

    def test_output(self, tmp_path: Path, capsys: Any) -> None:
        db = tmp_path / "demo.db"
        assert main(["demo", "--db", str(db)]) == 0
        out, err = capsys.readouterr()
        assert "context reset" in out
        assert "delivered the healthy reply" in out
        assert "flagged for review" in out
        assert f"$ guardrail review list --db {db}" in out
        assert "$ guardrail review show " in out and "[[" in out
        assert "distress ▁" in out
        assert "guardrail.flagged" not in err  # the demo keeps warnings off the terminal
        records = SQLiteReviewQueue(db).list(reason="distress_spiral")
        assert len(records) == 1
