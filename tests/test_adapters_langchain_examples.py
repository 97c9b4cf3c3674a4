"""The LangChain examples run offline (no endpoint configured) and show the guard at work."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_example(name: str) -> str:
    """Run examples/<name> with this interpreter, no endpoint in the environment; its stdout."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("OPENAI_")}
    done = subprocess.run(
        [sys.executable, str(ROOT / "examples" / name)],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


class TestLangChainAgentExample:
    """examples/langchain_agent.py: tools, a withheld loop, a reset after a spiral."""

    def test_runs_offline(self) -> None:
        """The loop is withheld, the tool answers, the spiral is reset and flagged."""
        out = run_example("langchain_agent.py")
        assert "offline scripted model" in out
        assert "agent: Order A-1001 shipped on 2026-11-20 and should arrive" in out
        assert "interventions on this thread ['reprompt', 'flag', 'reset', 'flag']" in out
        said = [ln for ln in out.splitlines() if ln.startswith("agent:")]
        assert len(said) == 2 and not any("Let me check" in ln or "sorry" in ln for ln in said)
        assert "review record: session=support-42 reasons=['distress_spiral']" in out
        state = out.split("state after the second turn:")[1]
        assert "useless" not in state and "that's wrong" not in state


class TestRagJsonExample:
    """examples/rag_json.py: parseable, schema-valid JSON from every call."""

    def test_runs_offline(self) -> None:
        """A fenced reply is repaired, a schema break re-asked; both print valid JSON."""
        out = run_example("rag_json.py")
        lines = [ln for ln in out.splitlines() if ln.startswith("json: ")]
        assert lines == [
            'json: {"answer": "Within 14 days of receiving the return.", "sources": ["kb-1"]}',
            'json: {"answer": "Within 30 days of delivery.", "sources": ["kb-2"]}',
        ]
        assert "guardrail.repair" in out and "guardrail.reprompt" in out
