"""``guardrail review list|show|resolve|export`` — work through flagged sessions.

Every command takes ``--db PATH_OR_DSN``: a SQLite file (default ``./guardrail-review.db``, the file
``guardrail demo`` writes) or a PostgreSQL DSN (``postgresql://...``).
"""

from __future__ import annotations

import argparse
import getpass
import os
import re
import sys
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from typing import IO, Any

from guardrail.review import DEFAULT_DB, ReviewQueue, ReviewRecord, open_queue
from guardrail.review._render import render_list, render_record
from guardrail.review.export import dpo_pairs, jsonl_lines

__all__ = ["cmd_export", "cmd_list", "cmd_resolve", "cmd_show", "register"]

_AGO = re.compile(r"(\d{1,6})([smhdw])")
_UNITS = {"s": "seconds", "m": "minutes", "h": "hours", "d": "days", "w": "weeks"}


class UsageError(Exception):
    """A bad argument or a missing database: one line on stderr, exit code 2."""


def register(sub: Any) -> None:
    p = sub.add_parser(
        "review",
        help="list, show, resolve and export flagged sessions",
        description=(
            "Work through the review queue. --db takes a SQLite file or a PostgreSQL DSN "
            f"(default ./{DEFAULT_DB}, the file `guardrail demo` writes)."
        ),
    )
    cmds = p.add_subparsers(dest="review_command", metavar="ACTION", required=True)

    def add(name: str, help_text: str) -> argparse.ArgumentParser:
        q: argparse.ArgumentParser = cmds.add_parser(name, help=help_text, description=help_text)
        q.add_argument("--db", default=DEFAULT_DB, metavar="PATH_OR_DSN", help="review database")
        return q

    ls = add("list", "list review records, newest first")
    _filters(ls)
    ls.add_argument("--limit", type=int, default=None)
    ls.add_argument("--format", choices=("table", "json"), default="table")
    ls.set_defaults(func=cmd_list)

    show = add("show", "show one record: transcript with evidence highlighted, distress trajectory")
    show.add_argument("id", help="record id (a unique prefix is enough)")
    show.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    show.set_defaults(func=cmd_show)

    res = add("resolve", "mark a record confirmed or dismissed")
    res.add_argument("id", help="record id (a unique prefix is enough)")
    res.add_argument("--as", dest="status", choices=("confirmed", "dismissed"), required=True)
    res.add_argument("--note", default=None)
    res.add_argument("--reviewer", default=None, help="default: the current user name")
    res.set_defaults(func=cmd_resolve)

    exp = add("export", "export records as JSON lines, or DPO preference pairs (TRL format)")
    _filters(exp)
    exp.add_argument("--format", choices=("jsonl", "dpo"), default="jsonl")
    exp.add_argument("--out", default="-", metavar="FILE", help="output file (default stdout)")
    exp.set_defaults(func=cmd_export)


def _filters(p: argparse.ArgumentParser) -> None:
    p.add_argument("--status", choices=("open", "confirmed", "dismissed"), default=None)
    p.add_argument("--reason", default=None, help="a label, e.g. distress_spiral")
    p.add_argument(
        "--since", default=None, help="ISO date/time (UTC if no zone) or an age: 30m, 24h, 7d"
    )


def parse_since(text: str | None, *, now: datetime | None = None) -> datetime | None:
    if text is None:
        return None
    m = _AGO.fullmatch(text.strip())
    if m:
        delta = timedelta(**{_UNITS[m.group(2)]: int(m.group(1))})
        return (now or datetime.now(UTC)) - delta
    try:
        ts = datetime.fromisoformat(text.strip())
    except ValueError:
        raise UsageError(f"--since: {text!r} is neither an ISO date nor an age like 24h") from None
    return ts if ts.tzinfo else ts.replace(tzinfo=UTC)


def _queue(db: str) -> ReviewQueue:
    is_dsn = db.startswith(("postgresql://", "postgres://")) or "host=" in db
    if not is_dsn and not os.path.exists(db):
        raise UsageError(f"no review database at {db} (run `guardrail demo`, or pass --db)")
    return open_queue(db)


def _find(queue: ReviewQueue, ident: str) -> ReviewRecord:
    rec = queue.get(ident)
    if rec is not None:
        return rec
    matches = [r for r in queue.list() if r.id.startswith(ident)] if len(ident) >= 4 else []
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise UsageError(f"{ident!r} matches {len(matches)} records; give more of the id")
    raise UsageError(f"no review record {ident!r}")


def _records(queue: ReviewQueue, args: argparse.Namespace) -> list[ReviewRecord]:
    return queue.list(
        status=args.status,
        reason=args.reason,
        since=parse_since(args.since),
        limit=getattr(args, "limit", None),
    )


def _guarded(fn: Any) -> Any:
    def run(args: argparse.Namespace, out: IO[str] | None = None) -> int:
        try:
            code: int = fn(args, out or sys.stdout)
            return code
        except UsageError as exc:
            print(f"guardrail review: {exc}", file=sys.stderr)
            return 2

    run.__name__ = fn.__name__
    run.__doc__ = fn.__doc__
    return run


@_guarded
def cmd_list(args: argparse.Namespace, out: IO[str]) -> int:
    """``review list``: a table, or one JSON object per line with ``--format json``."""
    records = _records(_queue(args.db), args)
    if args.format == "json":
        _write(out, (r.model_dump_json() for r in records))
    else:
        out.write(render_list(records) + "\n")
    return 0


@_guarded
def cmd_show(args: argparse.Namespace, out: IO[str]) -> int:
    """``review show ID``: the transcript with evidence highlighted and the distress sparkline."""
    rec = _find(_queue(args.db), args.id)
    color = args.color == "always" or (args.color == "auto" and out.isatty())
    out.write(render_record(rec, color=color) + "\n")
    return 0


@_guarded
def cmd_resolve(args: argparse.Namespace, out: IO[str]) -> int:
    """``review resolve ID --as confirmed|dismissed [--note] [--reviewer]``."""
    queue = _queue(args.db)
    rec = _find(queue, args.id)
    reviewer = args.reviewer or _user()
    done = queue.resolve(rec.id, status=args.status, reviewer=reviewer, note=args.note)
    out.write(f"{done.id}: {done.status} by {done.reviewer}\n")
    return 0


@_guarded
def cmd_export(args: argparse.Namespace, out: IO[str]) -> int:
    """``review export --format jsonl|dpo [--out FILE]``; prints the count on stderr."""
    records = _records(_queue(args.db), args)
    lines = list(dpo_pairs(records) if args.format == "dpo" else jsonl_lines(records))
    if args.out == "-":
        _write(out, lines)
    else:
        with open(args.out, "w", encoding="utf-8") as fh:
            _write(fh, lines)
    what = "preference pair(s)" if args.format == "dpo" else "record(s)"
    print(f"guardrail review: exported {len(lines)} {what}", file=sys.stderr)
    return 0


def _write(out: IO[str], lines: Iterable[str]) -> None:
    for line in lines:
        out.write(line + "\n")


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"
