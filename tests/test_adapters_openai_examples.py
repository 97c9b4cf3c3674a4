"""examples/openai_client.py runs offline against its scripted transport."""

from __future__ import annotations

from test_adapters_langchain_examples import run_example


class TestOpenAIClientExample:
    """The real openai SDK, a scripted endpoint, the guard in between."""

    def test_runs_offline(self) -> None:
        """The spiral is withheld and the looping stream cut and replaced."""
        out = run_example("openai_client.py")
        assert "offline scripted model" in out
        assert "assistant: The Eiffel Tower is in Paris." in out
        assert "assistant (streamed): It was completed in 1889." in out
        assert "cut by ['loop']" in out
        assert "stream output had a restart marker: True" in out
        said = [ln for ln in out.splitlines() if ln.startswith("assistant")]
        assert said and not any("failing" in ln or "I apologise" in ln for ln in said)
