"""Logging: stable guardrail.* event names; the library never configures structlog; the CLI does."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from guardrail import Guard

REJECTED = [
    {"role": "user", "content": "What is 6 x 7?"},
    {"role": "assistant", "content": "42."},
    {"role": "user", "content": "No, you're wrong. Try again."},
    {"role": "assistant", "content": "You're absolutely right, I'm sorry. It is 43."},
]


class TestEvents:
    def test_finding_and_decision_events(self, logs: list[dict[str, Any]]) -> None:
        """Findings and non-accept decisions are logged under stable names with no message text."""
        Guard().check(REJECTED, session_id="log")
        events = {e["event"] for e in logs}
        assert {"guardrail.finding", "guardrail.decision"} <= events
        assert all(e["event"].startswith("guardrail.") for e in logs)
        assert not any("It is 43" in json.dumps(e, default=str) for e in logs)


class TestConfiguration:
    def test_library_does_not_configure_structlog(self) -> None:
        """Importing and using guardrail leaves structlog unconfigured."""
        code = (
            "import structlog, guardrail;"
            "guardrail.Guard().check([{'role': 'user', 'content': 'hi'}]);"
            "print(structlog.is_configured())"
        )
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        assert out.stdout.strip().splitlines()[-1] == "False"

    def test_cli_log_json(self, tmp_path: Path) -> None:
        """--log-json writes JSON event lines to stderr, keeping stdout for results."""
        path = tmp_path / "c.jsonl"
        path.write_text(json.dumps({"id": "x", "messages": REJECTED}) + "\n")
        proc = subprocess.run(
            [sys.executable, "-m", "guardrail.cli", "--log-json", "scan", str(path)],
            capture_output=True,
            text=True,
            check=True,
        )
        assert json.loads(proc.stdout)["id"] == "x"
        events = [json.loads(line) for line in proc.stderr.splitlines() if line.startswith("{")]
        assert any(e["event"] == "guardrail.finding" for e in events)
