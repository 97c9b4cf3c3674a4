"""``guardrail eval CORPUS [--format table|json] [--min-precision P] [--min-recall R]``."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from typing import Any

import structlog

from guardrail.eval import evaluate_stream, render_table

__all__ = ["register"]


def register(sub: Any) -> None:
    p = sub.add_parser(
        "eval",
        help="score the detectors on a labelled corpus (precision, recall, F1 per label)",
        description=(
            "Scan a labelled corpus (scan input where each message has 'labels' and each "
            "conversation 'session_labels') and print per-label precision, recall and F1 (turn "
            "labels per turn, session labels per conversation as session:<label>) and the "
            "confusion between pushback and self_criticism/capitulation. Exit code 1 when a "
            "threshold is not met, 2 on unreadable input."
        ),
    )
    p.add_argument("corpus", help="JSONL corpus file, or - for stdin")
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.add_argument("--min-precision", type=float, default=None, metavar="P")
    p.add_argument("--min-recall", type=float, default=None, metavar="R")
    p.add_argument(
        "--mismatches", type=int, default=0, metavar="N", help="also list N disagreements"
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if not getattr(args, "verbose", False):  # a flagged corpus conversation is not news here
        structlog.configure(wrapper_class=structlog.make_filtering_bound_logger(logging.ERROR))
    try:
        stream = sys.stdin.buffer if args.corpus == "-" else open(args.corpus, "rb")  # noqa: SIM115
    except OSError as exc:
        print(f"guardrail eval: cannot open {args.corpus}: {exc.strerror}", file=sys.stderr)
        return 2
    try:
        report = evaluate_stream(stream)
    finally:
        if stream is not sys.stdin.buffer:
            stream.close()
    failures = report.failures(min_precision=args.min_precision, min_recall=args.min_recall)
    if args.format == "json":
        data = report.to_dict()
        data["mismatches"] = data["mismatches"][: args.mismatches]
        data["failures"] = failures
        print(json.dumps(data, ensure_ascii=False, indent=1))
    else:
        print(render_table(report))
        for m in report.mismatches[: args.mismatches]:
            print(json.dumps(m, ensure_ascii=False))
    for line in failures:
        print(f"guardrail eval: below threshold: {line}", file=sys.stderr)
    for err in report.errors:
        print(f"guardrail eval: {err}", file=sys.stderr)
    if report.errors:
        return 2
    return 1 if failures else 0
