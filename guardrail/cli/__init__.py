"""The ``guardrail`` command line. One module per command; each exposes ``register(sub)``."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from guardrail._version import __version__
from guardrail.cli._logging import configure_logging

__all__ = ["main"]

#: Command modules, in ``--help`` order. Each defines ``register(subparsers)``.
COMMANDS = ("scan", "eval", "demo", "review", "simulate", "bench")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="guardrail",
        description="Run-time guard for LLM conversations: scan, evaluate, review, simulate.",
    )
    parser.add_argument("--version", action="version", version=f"guardrail {__version__}")
    parser.add_argument(
        "--log-json", action="store_true", help="log events as JSON lines on stderr"
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log info events too")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMANDS:
        try:
            module = importlib.import_module(f"guardrail.cli._{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"guardrail.cli._{name}":
                raise
            continue
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    configure_logging(json_logs=args.log_json, verbose=args.verbose)
    code: int = args.func(args)
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
