"""examples/openai_client.py: offline against its scripted transport, online against a server."""

from __future__ import annotations

import os
import subprocess
import sys

from _openai_server import OpenAIServer, reply, stream
from test_adapters_langchain_examples import ROOT, run_example


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

    def test_uses_the_endpoint_from_the_environment(self) -> None:
        """With OPENAI_BASE_URL/OPENAI_API_KEY/OPENAI_MODEL set, it talks to that endpoint."""
        with OpenAIServer() as server:
            server.script(reply("In Paris."), stream(["In ", "1889."]))
            base_url = server.base_url
            env = {k: v for k, v in os.environ.items() if not k.startswith("OPENAI_")}
            env.update(
                OPENAI_BASE_URL=base_url,
                OPENAI_API_KEY="sk-test-example",
                OPENAI_MODEL="served-model",
            )
            done = subprocess.run(
                [sys.executable, str(ROOT / "examples" / "openai_client.py")],
                capture_output=True,
                text=True,
                env=env,
                timeout=120,
                check=False,
            )
        assert done.returncode == 0, done.stderr[-2000:]
        assert f"endpoint: {base_url}" in done.stdout
        assert "assistant: In Paris." in done.stdout
        assert "assistant (streamed): In 1889." in done.stdout
        assert [r.body["model"] for r in server.requests] == ["served-model"] * 2
        assert server.requests[0].headers["authorization"] == "Bearer sk-test-example"
