"""The benchmark suite behind ``guardrail bench`` / ``make bench``: guardrail's own costs and the
reference points, side by side in one run, printed as a table and written as JSON.

Single-threaded, ``time.perf_counter_ns`` per call, warmup, garbage collector paused while timing,
structlog silenced (the guard's logging is the application's cost, not the guard's).
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import platform
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import bench_detectors
import bench_incremental
import bench_json
import bench_overhead
import bench_reference
from _timing import SIZES, replies

__all__ = ["render", "run", "write"]

RESULTS = Path(__file__).resolve().parent / "results"


def _scan_input(sessions: int) -> list[list[dict[str, str]]]:
    """Conversations for the scan benchmark: the simulator's unguarded 8-turn correction loops."""
    from guardrail.simulate import SimulatedModel, run_arm, scripts, transcripts

    plan = scripts(sessions, 8, seed=0)
    arm = run_arm(SimulatedModel("gemma", seed=0), plan)
    return transcripts(plan, arm)


def _json_side_by_side(quick: bool) -> dict[str, Any]:
    """``bench_json`` on its corpus (when present) and on generated cases (always available)."""

    def summary(cases: list[dict[str, Any]], repeat: int) -> dict[str, Any]:
        report = bench_json.run(cases, repeat)
        totals = {name: p["categories"]["TOTAL"] for name, p in report["parsers"].items()}
        return {"available": True, "cases": len(cases), "totals": totals}

    out: dict[str, Any] = {}
    corpus = bench_json.DEFAULT_CORPUS
    if corpus.is_file():
        with corpus.open(encoding="utf-8") as fh:
            cases = [json.loads(line) for line in fh if line.strip()]
        out["corpus"] = {**summary(cases[:10] if quick else cases, 1 if quick else 5)}
        out["corpus"]["source"] = str(corpus)
    else:
        out["corpus"] = {"available": False, "reason": f"corpus not found: {corpus}"}
    n = 16 if quick else 400
    out["generated"] = {**summary(bench_json.generated_cases(n), 1), "source": "generated, seed 0"}
    return out


def _detectors_alone(quick: bool) -> dict[str, Any]:
    """``bench_detectors``: the default detectors on one reply, healthy and cue-laden."""
    rounds = 20 if quick else 300
    out: dict[str, Any] = {"available": True, "budget_us_1kb": 100}
    try:
        out["yardstick_us"] = round(bench_detectors.reference_us(), 2)
        for kind in ("healthy", "cues"):
            for label, size in SIZES.items():
                med, p99 = bench_detectors.measure(
                    bench_detectors.reply(kind, size), rounds if size <= 1024 else rounds // 5
                )
                out[f"{kind} {label}"] = {"median_us": round(med, 2), "p99_us": round(p99, 2)}
    except (AttributeError, TypeError) as exc:  # its owner changed its interface
        return {"available": False, "reason": f"bench_detectors: {exc}"}
    return out


def run(*, quick: bool = False, python: str | None = None) -> dict[str, Any]:
    """Every measurement; ``quick`` uses tiny sizes (a smoke test, not figures to quote)."""
    started = time.perf_counter()
    n, warmup = (20, 3) if quick else (300, 30)
    texts = {label: replies(size, 1, seed=99)[0] for label, size in SIZES.items()}
    laps: dict[str, float] = {}

    def lap(name: str, fn: Callable[[], Any]) -> Any:
        t0 = time.perf_counter()
        value = fn()
        laps[name] = round(time.perf_counter() - t0, 1)
        return value

    out: dict[str, Any] = {
        "when": _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds"),
        "python": sys.version.split()[0],
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "quick": quick,
        "guardrail": lap("guardrail", lambda: bench_overhead.run(quick)),
    }
    out["detectors"] = lap("detectors", lambda: _detectors_alone(quick))
    turns = 40 if quick else 400
    out["incremental"] = lap(
        "incremental", lambda: bench_incremental.measure(turns, 1024, session_id="bench")
    )
    convs = _scan_input(20 if quick else 100)
    out["scan"] = lap("scan", lambda: bench_overhead.scan_throughput(convs))
    out["reference"] = {
        "langchain_hook": lap(
            "langchain", lambda: bench_reference.langchain_hook(texts["1 KB"], n=n, warmup=warmup)
        ),
        "guardrails_ai": lap(
            "guardrails_ai",
            lambda: bench_reference.guardrails_ai(texts, n=n, warmup=warmup, python=python),
        ),
    }
    out["json"] = lap("json", lambda: _json_side_by_side(quick))
    out["ratios"] = ratios(out)
    out["ratios_cpu"] = ratios(out, cpu=True)
    out["laps"] = laps
    out["seconds"] = round(time.perf_counter() - started, 1)
    return out


def ratios(res: dict[str, Any], *, cpu: bool = False) -> dict[str, float | None]:
    """guardrail's medians at 1 KB over the reference points' (None when one is unavailable).

    ``cpu=True`` uses CPU-time medians (robust to other processes on the machine).
    """
    key = "cpu_median_us" if cpu else "median_us"
    check = res["guardrail"]["check"]["1 KB"][key]
    wrapped = res["guardrail"]["wrapped"]["1 KB"][key]
    lc = res["reference"]["langchain_hook"]
    ga = res["reference"]["guardrails_ai"]
    ok = lc.get("available")
    hook = lc["after_model_added_cpu_us" if cpu else "after_model_added_us"] if ok else None
    agent = lc["agent_call"][key] if ok else None
    validate = ga["validate"]["1 KB"].get(key) if ga.get("available") else None

    def r(a: float, b: float | None) -> float | None:
        return round(a / b, 2) if b and b > 0 else None

    return {
        "check_vs_langchain_hook": r(check, hook),
        "wrapped_vs_langchain_hook": r(wrapped, hook),
        "check_vs_langchain_agent_call": r(check, agent),
        "check_vs_guardrails_ai_validate": r(check, validate),
        "wrapped_vs_guardrails_ai_validate": r(wrapped, validate),
    }


def _cell(st: dict[str, Any]) -> str:
    return f"{st['median_us']:>8.1f} / {st['p99_us']:>8.1f} ({st.get('cpu_median_us', 0):>7.1f})"


def _x(v: float | None) -> str:
    return "n/a" if v is None else f"{v:g}x"


def render(res: dict[str, Any]) -> str:
    g = res["guardrail"]
    lines = [
        f"guardrail bench — Python {res['python']}, {res['platform']}, one thread"
        + ("  [QUICK: smoke-test sizes, not figures to quote]" if res["quick"] else ""),
        f"load average {res['load_average'][0]} on {res['cpus']} CPUs at the start (other processes"
        " share the cores: absolute times are noisy; ratios come from the same run)",
        "µs per call: wall-time median / p99 (CPU-time median)",
        "",
        f"{'':<46}" + "".join(f"{label:>30}" for label in SIZES),
    ]
    for key, name in (
        ("check", "Guard.check, one new exchange"),
        ("wrapped", "guarded call, instant model"),
    ):
        lines.append(f"{name:<46}" + "".join(f"{_cell(g[key][lb]):>30}" for lb in SIZES))
    ga = res["reference"]["guardrails_ai"]
    if ga.get("available"):
        lines.append(
            f"{'guardrails-ai Guard().validate, 1 validator':<46}"
            + "".join(f"{_cell(ga['validate'][lb]):>30}" for lb in SIZES)
        )
    else:
        lines.append(f"{'guardrails-ai Guard().validate':<46}unavailable: {ga['reason']}")
    lc = res["reference"]["langchain_hook"]
    lines.append("")
    if lc.get("available"):
        lines += [
            f"LangChain {lc['version']} agent call on a fake model (1 KB reply): "
            f"{_cell(lc['agent_call']).strip()} µs",
            "  added per call (median difference, wall / CPU):",
            f"    no-op after_model hook       {lc['after_model_added_us']:>9.1f} / "
            f"{lc['after_model_added_cpu_us']:.1f} µs",
            f"    no-op wrap_model_call hook   {lc['wrap_model_call_added_us']:>9.1f} / "
            f"{lc['wrap_model_call_added_cpu_us']:.1f} µs",
        ]
        if lc.get("guardrail_middleware_added_us") is not None:
            lines.append(
                f"    guardrail's GuardrailMiddleware {lc['guardrail_middleware_added_us']:>6.1f} / "
                f"{lc['guardrail_middleware_added_cpu_us']:.1f} µs (Guard(), detectors on the reply)"
            )
    else:
        lines.append(f"LangChain middleware hook: unavailable: {lc['reason']}")
    lines += ["", "Ratios at 1 KB, median over median (wall time; CPU time):"]
    rt, rc = res["ratios"], res["ratios_cpu"]

    def both(key: str) -> str:
        return f"{_x(rt[key])}; {_x(rc[key])}"

    lines += [
        f"  Guard.check  = {both('check_vs_langchain_hook')} a no-op LangChain after_model hook | "
        f"{both('check_vs_guardrails_ai_validate')} guardrails-ai validate | "
        f"{both('check_vs_langchain_agent_call')} a LangChain agent call",
        f"  guarded call = {both('wrapped_vs_langchain_hook')} a no-op LangChain after_model hook | "
        f"{both('wrapped_vs_guardrails_ai_validate')} guardrails-ai validate",
        "",
    ]
    det = res["detectors"]
    if det.get("available"):
        for kind in ("healthy", "cues"):
            lines.append(
                f"Default detectors alone, {kind} reply (bench_detectors), median / p99 µs: "
                + ", ".join(
                    f"{lb} {det[f'{kind} {lb}']['median_us']:.0f} / {det[f'{kind} {lb}']['p99_us']:.0f}"
                    for lb in SIZES
                )
            )
        lines.append(
            f"  (design budget: median under {det['budget_us_1kb']} µs at 1 KB; yardstick "
            f"sum(range(1000)) = {det['yardstick_us']} µs, ~8-12 on an idle core)"
        )
    else:
        lines.append(f"Default detectors alone: unavailable: {det['reason']}")
    inc = res["incremental"]
    lines.append(
        f"Session length: Guard.check at turn 10 {inc['us_at_turn_10']} µs, at turn {inc['turns']} "
        f"{inc['us_at_turn_400']} µs (ratio {inc['us_at_turn_400'] / inc['us_at_turn_10']:.2f})"
    )
    sc = res["scan"]
    lines.append(
        f"Scan throughput: {sc['turns_per_s']:,} turns/s on one core "
        f"({sc['conversations']} simulated correction loops, {sc['turns']} turns)"
    )
    for label, st in g["stream"].items():
        if st.get("available"):
            lines.append(
                f"Streaming, {label} reply in {st['chunks']} chunks of {st['chunk_chars']} chars: "
                f"{st['per_chunk_us']:.2f} µs per chunk, {st['per_chunk_cpu_us']:.2f} µs CPU "
                f"(reply {st['reply_median_us']:.0f} µs median)"
            )
        else:
            lines.append(f"Streaming ({label}): n/a ({st['reason']})")
    mem = g["memory"]
    lines.append(
        f"Memory (tracemalloc): {mem['bytes_per_session']:,} B per session after "
        f"{mem['turns_per_session']} turns ({mem['reply_chars']}-char replies); "
        f"{mem['live_sessions']:,} live sessions: {mem['live_mb']:,} MB"
    )
    lines.append("")
    for key, what in (
        ("corpus", "malformed-JSON corpus"),
        ("generated", "generated malformed JSON"),
    ):
        js = res["json"][key]
        if not js.get("available"):
            lines.append(f"Structured output, {what}: unavailable: {js['reason']}")
            continue
        lines.append(
            f"Structured output, same {js['cases']} cases of {what} "
            "(correct/failed/wrong, median µs):"
        )
        for name, t in js["totals"].items():
            lines.append(
                f"  {name:<32} {t['correct']:>4}/{t['failed']}/{t['wrong']:<6} {t['median_us']:>8} µs"
            )
    laps = ", ".join(f"{k} {v:g}" for k, v in res.get("laps", {}).items())
    lines.append(f"\n(suite took {res['seconds']} s: {laps})")
    return "\n".join(lines)


def write(res: dict[str, Any], directory: Path = RESULTS) -> Path:
    """Write the results as ``bench-<UTC time>.json`` and ``latest.json``; return the first path."""
    directory.mkdir(parents=True, exist_ok=True)
    stamp = res["when"].replace(":", "").replace("-", "").replace("+0000", "Z")
    path = directory / f"bench-{stamp}.json"
    text = json.dumps(res, indent=2, ensure_ascii=False) + "\n"
    path.write_text(text, encoding="utf-8")
    (directory / "latest.json").write_text(text, encoding="utf-8")
    return path
