"""``guardrail bench``: the benchmark suite (``benchmarks/`` of a source checkout).

The suite is not part of the installed package: it lives in ``benchmarks/`` next to ``guardrail/``
and is imported from there (the current directory's ``benchmarks/`` first, then the checkout this
package was installed from in editable mode).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path
from typing import Any

from guardrail.cli._simulate import quiet_logging

__all__ = ["find_benchmarks", "register"]


def register(sub: Any) -> None:
    p = sub.add_parser(
        "bench",
        help="benchmark guardrail's per-call cost next to LangChain and guardrails-ai",
        description=(
            "Runs benchmarks/bench_suite.py: Guard.check and guarded-call overhead (median, p99) "
            "for 100 B / 1 KB / 10 KB replies, turn 10 vs turn 400, scan throughput, streaming "
            "cost per chunk, memory per session and for 100,000 sessions; and, in the same run, "
            "a no-op LangChain v1 middleware hook, guardrails-ai Guard().validate with a trivial "
            "validator, and json_repair / langchain-core JSON parsing vs extract_json. Prints a "
            "table and writes benchmarks/results/bench-<time>.json and latest.json."
        ),
    )
    p.add_argument("--quick", action="store_true", help="tiny sizes: a smoke test, not figures")
    p.add_argument(
        "--reference-python",
        metavar="PATH",
        help="interpreter with guardrails-ai installed (default: .venv-bench/bin/python if present)",
    )
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.add_argument("--no-write", action="store_true", help="do not write benchmarks/results/")
    p.set_defaults(func=run)


def find_benchmarks() -> Path | None:
    """The ``benchmarks/`` directory holding ``bench_suite.py``, or None."""
    for base in (Path.cwd(), Path(__file__).resolve().parents[2]):
        cand = base / "benchmarks"
        if (cand / "bench_suite.py").is_file():
            return cand
    return None


def run(args: argparse.Namespace) -> int:
    where = find_benchmarks()
    if where is None:
        print(
            "guardrail bench: benchmarks/ not found; run it from a source checkout of guardrail",
            file=sys.stderr,
        )
        return 2
    quiet_logging(getattr(args, "verbose", False))
    if str(where) not in sys.path:
        sys.path.insert(0, str(where))
    suite = importlib.import_module("bench_suite")
    res = suite.run(quick=args.quick, python=args.reference_python)
    if args.format == "json":
        import json

        print(json.dumps(res, indent=2))
    else:
        print(suite.render(res))
    if not args.no_write:
        print(f"results: {suite.write(res)}", file=sys.stderr)
    return 0
