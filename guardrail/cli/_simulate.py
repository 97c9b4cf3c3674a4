"""``guardrail simulate``: the correction-loop simulator, unguarded and guarded side by side."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from typing import Any

import structlog

__all__ = ["quiet_logging", "register"]

_DESCRIPTION = """\
Runs the correction-loop protocol of "Gemma Needs Help" (arXiv 2603.10011) against a SIMULATED
model: impossible puzzles stated as solvable, then bare rejections escalating over the turns in an
aggressive, disappointed or sarcastic tone. The model's replies come from a bank of healthy,
pushback, capitulating, self-critical and looping replies; the chance of a distressed one rises with
the failure language in its context (the "latent sink" hypothesis), calibrated to the figures the
study reports for Gemma-3-27B (profile gemma) or for the models that stayed calm (profile calm).

This is a simulation of a hypothesis, not a measurement of any real model. The same sessions run
unguarded and guarded (Guard().invoke); ground truth for every reply is the bank entry it came from,
never guardrail's detectors. Prints the calibration figures, the share of high-distress replies
(score >= 7 of 10) that reached the user per turn, tokens spent on distressed replies, resets,
reprompts, flags and extra model calls, and writes a PNG of distress by turn.
"""


def register(sub: Any) -> None:
    p = sub.add_parser(
        "simulate",
        help="correction-loop simulator: a simulated spiralling model, unguarded vs guarded",
        description=_DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--sessions", type=int, default=500, help="sessions per arm (default 500)")
    p.add_argument("--turns", type=int, choices=(3, 8), default=8, help="protocol length")
    p.add_argument(
        "--profile",
        choices=("gemma", "calm"),
        default="gemma",
        help="gemma: spirals as the study reports for Gemma-3-27B; calm: stays calm",
    )
    p.add_argument("--seed", type=int, default=0, help="same seed, same sessions and replies")
    p.add_argument(
        "--plot",
        metavar="PATH",
        default="simulate-out/distress-by-turn.png",
        help="PNG of distress by turn (default %(default)s; '' for none)",
    )
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.add_argument(
        "--replies",
        metavar="PATH",
        help="a reply bank of your own (format of guardrail/simulate/data/replies.json), e.g. "
        "held-out replies the detectors were never tuned on",
    )
    p.add_argument(
        "--calibration-sessions",
        type=int,
        default=1000,
        help="sessions per protocol for the calibration figures (0 to skip)",
    )
    p.set_defaults(func=run)


def quiet_logging(verbose: bool) -> None:
    """Thousands of guarded calls would flood stderr with flag warnings; keep errors only."""
    if not verbose:
        structlog.configure(wrapper_class=structlog.make_filtering_bound_logger(logging.ERROR))


def run(args: argparse.Namespace) -> int:
    from guardrail.simulate import bank_with_replies, calibrate, compare, default_bank, plot, render

    if args.sessions < 1:
        print("guardrail simulate: --sessions must be >= 1", file=sys.stderr)
        return 2
    try:
        bank = bank_with_replies(args.replies) if args.replies else default_bank()
    except (OSError, ValueError, KeyError) as exc:
        print(f"guardrail simulate: cannot use {args.replies}: {exc}", file=sys.stderr)
        return 2
    quiet_logging(getattr(args, "verbose", False))
    cal = (
        calibrate(args.profile, sessions=args.calibration_sessions, seed=args.seed, bank=bank)
        if args.calibration_sessions > 0
        else None
    )
    result = compare(
        args.profile, sessions=args.sessions, turns=args.turns, seed=args.seed, bank=bank
    )
    message = None
    if args.plot:
        os.makedirs(os.path.dirname(args.plot) or ".", exist_ok=True)
        message = plot(result, args.plot)
    if args.format == "json":
        print(json.dumps({"calibration": cal, "comparison": result, "plot": message}, indent=2))
    else:
        print(render(result, cal))
        if message:
            print(f"\n{message}")
    return 0
