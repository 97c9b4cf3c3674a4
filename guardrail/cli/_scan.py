"""``guardrail scan PATH [--format json|table] [--schema FILE]``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import IO, Any

from guardrail._guard import Guard
from guardrail.exceptions import InputError
from guardrail.scan import DEFAULT_MAX_LINE_BYTES, ScanError, iter_conversations, scan_conversation

__all__ = ["register", "render_table"]


def register(sub: Any) -> None:
    p = sub.add_parser(
        "scan",
        help="label every turn of conversations in a JSONL/JSON file",
        description=(
            "Scan conversations (JSONL, one per line; a JSON object; a bare message list; or - for "
            "stdin). Prints one JSON object per conversation, in input order. Bad input gets a "
            "one-line error on stderr naming the line; the rest is still scanned; exit code 2."
        ),
    )
    p.add_argument("path", help="file to scan, or - for stdin")
    p.add_argument("--format", choices=("json", "table"), default="json")
    p.add_argument("--schema", type=Path, help="JSON Schema file the assistant replies must meet")
    p.add_argument(
        "--max-line-bytes",
        type=int,
        default=DEFAULT_MAX_LINE_BYTES,
        help=f"largest conversation accepted (default {DEFAULT_MAX_LINE_BYTES})",
    )
    p.set_defaults(func=run)


def _open(path: str) -> IO[bytes]:
    if path == "-":
        return sys.stdin.buffer
    return open(path, "rb")


def run(args: argparse.Namespace) -> int:
    schema = None
    if args.schema is not None:
        try:
            schema = json.loads(args.schema.read_text("utf-8"))
        except (OSError, ValueError) as exc:
            print(f"guardrail scan: cannot read schema {args.schema}: {exc}", file=sys.stderr)
            return 2
    try:
        stream = _open(args.path)
    except OSError as exc:
        print(f"guardrail scan: cannot open {args.path}: {exc.strerror}", file=sys.stderr)
        return 2
    guard = Guard()
    failed = False
    out = sys.stdout
    try:
        for item in iter_conversations(stream, max_line_bytes=args.max_line_bytes):
            if isinstance(item, ScanError):
                failed = True
                print(f"guardrail scan: {item}", file=sys.stderr)
                continue
            try:
                result = scan_conversation(guard, item, schema=schema)
            except InputError as exc:
                failed = True
                print(f"guardrail scan: line {item.line}: {exc}", file=sys.stderr)
                continue
            _emit(out, result, item.messages, table=args.format == "table")
    finally:
        if stream is not sys.stdin.buffer:
            stream.close()
    return 2 if failed else 0


#: Characters JSON leaves raw that line-based readers (``str.splitlines``) take for line breaks.
_LINE_BREAKS = str.maketrans({"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def _emit(out: IO[str], result: dict[str, Any], messages: list[Any], *, table: bool) -> None:
    """Write one result, one line each: line breaks other than ``\\n`` inside strings are written
    as escapes; text that cannot be encoded (lone surrogates) is written escaped."""
    if table:
        text = render_table(result, messages)
    else:
        text = json.dumps(result, ensure_ascii=False).translate(_LINE_BREAKS)
    try:
        out.write(text + "\n")
    except UnicodeEncodeError:
        safe = (
            json.dumps(result) if not table else text.encode("utf-8", "backslashreplace").decode()
        )
        out.write(safe + "\n")
    out.flush()


def render_table(result: dict[str, Any], messages: list[Any]) -> str:
    """A readable per-turn table for one conversation."""
    lines = [
        f"== {result['id']}  session: {','.join(result['session']['labels']) or '-'}"
        f"  action: {result['session']['action']}"
    ]
    lines.append(f"{'#':>4}  {'role':<9}  {'labels':<36}  evidence")
    for turn in result["turns"]:
        labels = ",".join(f"{k}={v:.2f}" for k, v in turn["scores"].items()) or "-"
        ev = "; ".join(repr(e["text"][:40]) for e in turn["evidence"][:2])
        lines.append(f"{turn['index']:>4}  {turn['role']:<9}  {labels:<36}  {ev}")
    return "\n".join(lines)
