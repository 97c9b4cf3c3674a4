"""Reference points for "what a guard layer usually costs", measured in the same run.

- One no-op LangChain v1 agent middleware hook: ``create_agent`` on a fake chat model, with and
  without a middleware whose hook returns nothing; the added cost is the difference of medians
  (the arms interleaved call by call, so machine load hits them alike).
- guardrails-ai ``Guard().validate`` with a trivial validator, run by ``bench_guardrails_ai.py``
  in the interpreter that has guardrails-ai (``.venv-bench`` under ``make bench``).
"""

from __future__ import annotations

import itertools
import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from _timing import paused_gc, stats

__all__ = ["guardrails_ai", "langchain_hook"]

HERE = Path(__file__).resolve().parent


def langchain_hook(reply: str, *, n: int, warmup: int) -> dict[str, Any]:
    """Added cost per agent call of a no-op ``after_model``, a no-op ``wrap_model_call`` and
    guardrail's own ``GuardrailMiddleware`` (each new conversation: an anonymous session)."""
    try:
        import langchain
        from langchain.agents import create_agent
        from langchain.agents.middleware import AgentMiddleware
        from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
        from langchain_core.messages import AIMessage
    except ImportError as exc:
        return {"available": False, "reason": f"langchain v1 is not installed ({exc})"}

    class AfterModel(AgentMiddleware):  # type: ignore[type-arg]
        def after_model(self, state: Any, runtime: Any) -> None:
            return None

    class WrapModelCall(AgentMiddleware):  # type: ignore[type-arg]
        def wrap_model_call(self, request: Any, handler: Any) -> Any:
            return handler(request)

    def agent(middleware: list[Any]) -> Any:
        model = GenericFakeChatModel(messages=itertools.repeat(AIMessage(content=reply)))
        return create_agent(model, tools=[], middleware=middleware)

    arms = {
        "none": agent([]),
        "after_model": agent([AfterModel()]),
        "wrap_model_call": agent([WrapModelCall()]),
    }
    try:
        from guardrail import Guard
        from guardrail.adapters.langchain import GuardrailMiddleware

        arms["guardrail"] = agent([GuardrailMiddleware(guard=Guard())])
    except ImportError:  # the adapter is optional here; the reference arms still run
        pass
    inp = {"messages": [{"role": "user", "content": "Summarise the quarter."}]}
    for a in arms.values():
        if a.invoke(inp)["messages"][-1].content != reply:
            return {"available": False, "reason": "the fake model's reply did not come back"}
    ns: dict[str, tuple[list[int], list[int]]] = {k: ([], []) for k in arms}
    wall, cpu = time.perf_counter_ns, time.process_time_ns
    with paused_gc():  # arms interleaved call by call, so load and drift hit all alike
        for i in range(warmup + n):
            for name, a in arms.items():
                c0, t0 = cpu(), wall()
                a.invoke(inp)
                dt, dc = wall() - t0, cpu() - c0
                if i >= warmup:
                    ns[name][0].append(dt)
                    ns[name][1].append(dc)
    st = {k: stats(*v) for k, v in ns.items()}
    base = st["none"]["median_us"]
    base_cpu = st["none"]["cpu_median_us"]
    return {
        "available": True,
        "version": langchain.__version__,
        "agent_call": st["none"],
        "after_model_added_us": round(st["after_model"]["median_us"] - base, 2),
        "wrap_model_call_added_us": round(st["wrap_model_call"]["median_us"] - base, 2),
        "guardrail_middleware_added_us": (
            round(st["guardrail"]["median_us"] - base, 2) if "guardrail" in st else None
        ),
        "after_model_added_cpu_us": round(st["after_model"]["cpu_median_us"] - base_cpu, 2),
        "wrap_model_call_added_cpu_us": round(st["wrap_model_call"]["cpu_median_us"] - base_cpu, 2),
        "guardrail_middleware_added_cpu_us": (
            round(st["guardrail"]["cpu_median_us"] - base_cpu, 2) if "guardrail" in st else None
        ),
        "with_after_model": st["after_model"],
        "with_wrap_model_call": st["wrap_model_call"],
    }


def reference_python() -> str | None:
    """The interpreter with guardrails-ai: ``.venv-bench`` when present, else this one if it has it."""
    bench = HERE.parent / ".venv-bench" / "bin" / "python"
    if bench.exists():
        return str(bench)
    try:
        import guardrails  # noqa: F401
    except ImportError:
        return None
    return sys.executable


def guardrails_ai(
    texts: dict[str, str], *, n: int, warmup: int, python: str | None = None
) -> dict[str, Any]:
    """Run ``bench_guardrails_ai.py`` in ``python`` (see :func:`reference_python`)."""
    python = python or reference_python()
    if python is None:
        return {
            "available": False,
            "reason": "guardrails-ai is not installed here or in .venv-bench (make bench installs it)",
        }
    req = json.dumps({"texts": texts, "n": n, "warmup": warmup})
    try:
        proc = subprocess.run(
            [python, str(HERE / "bench_guardrails_ai.py")],
            input=req,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        return {"available": False, "reason": f"could not run {python}: {exc}"}
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("{")]
    if proc.returncode != 0 or not lines:
        tail = (proc.stderr.strip().splitlines() or ["no output"])[-1]
        return {"available": False, "reason": f"{python} failed: {tail}"}
    result: dict[str, Any] = json.loads(lines[-1])
    result["interpreter"] = python
    return result
