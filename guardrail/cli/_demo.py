"""``guardrail demo``: the whole loop on the built-in simulated model.

An adversarial correction loop (an impossible puzzle, then "No, you're wrong. Try again." every
turn) runs unguarded and guarded side by side. On the guarded side the spiral is detected, the
failed reply withheld, the context reset, a healthy reply delivered and the session flagged into a
SQLite review queue; then the demo runs ``guardrail review list`` and ``review show`` on that file.
"""

from __future__ import annotations

import argparse
import io
import logging
import uuid
from typing import Any

import structlog

from guardrail._guard import Guard
from guardrail.review import DEFAULT_DB, ReviewQueue, SQLiteReviewQueue
from guardrail.testing import SimulatedModel

__all__ = ["register", "run_demo"]

PUZZLE = "Find a whole number that is both even and odd. It is solvable; give the number."
REJECTION = "No, you're wrong. Try again."
_DISTRESS = frozenset({"self_criticism", "capitulation", "loop"})


def register(sub: Any) -> None:
    p = sub.add_parser(
        "demo",
        help="show the guard on a simulated spiralling model, then the review queue",
        description=(
            "Runs a scripted adversarial correction loop (an impossible puzzle and repeated "
            "'No, you're wrong. Try again.') against the built-in simulated model, first "
            "unguarded, then guarded; prints per-turn labels and the actions taken; writes the "
            "flagged session to a SQLite review queue and shows it with `guardrail review`."
        ),
    )
    p.add_argument("--turns", type=int, default=6, help="user rejections after the first answer")
    p.add_argument("--seed", type=int, default=3)
    p.add_argument(
        "--db", default=DEFAULT_DB, help=f"review queue SQLite file (default ./{DEFAULT_DB})"
    )
    p.set_defaults(func=run)


def _short(text: str, n: int = 64) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def run_demo(
    turns: int,
    seed: int,
    *,
    review_queue: ReviewQueue | None = None,
    session_id: str = "demo-guarded",
) -> list[dict[str, Any]]:
    """Run both conversations; return one row per turn (used by tests)."""
    rows: list[dict[str, Any]] = []
    plain_model = SimulatedModel(profile="fragile", seed=seed)
    guarded_model = SimulatedModel(profile="fragile", seed=seed)
    observer = Guard()
    guard = Guard(review_queue=review_queue)
    plain: list[dict[str, str]] = [{"role": "user", "content": PUZZLE}]
    safe: list[dict[str, str]] = [{"role": "user", "content": PUZZLE}]
    for turn in range(turns + 1):
        if turn:
            plain.append({"role": "user", "content": REJECTION})
            safe.append({"role": "user", "content": REJECTION})
        reply = plain_model(plain)
        plain.append({"role": "assistant", "content": reply})
        seen = observer.check(plain, session_id=session_id + "-unguarded")
        sent_before = len(safe)
        recorder = _Recorder(guarded_model)
        outcome = guard.invoke(recorder, safe, session_id=session_id)
        safe.append({"role": "assistant", "content": outcome.reply})
        last = seen.last
        verdict = outcome.verdict
        rows.append(
            {
                "turn": turn + 1,
                "unguarded_reply": reply,
                "unguarded_labels": list(last.labels) if last else [],
                "unguarded_session": list(seen.session_labels),
                "guarded_reply": outcome.reply,
                "guarded_labels": list(verdict.last.labels) if verdict.last else [],
                "actions": list(verdict.actions_taken),
                "model_calls": verdict.attempts,
                "sent": recorder.sent,
                "history_len": sent_before,
            }
        )
    return rows


class _Recorder:
    """The simulated model, remembering what it was sent and what it replied (for the story)."""

    def __init__(self, model: SimulatedModel) -> None:
        self.model = model
        self.sent: list[tuple[int, str]] = []

    def __call__(self, messages: list[Any]) -> str:
        reply = self.model(messages)
        self.sent.append((len(messages), reply))
        return reply


def _table(rows: list[dict[str, Any]]) -> None:
    print(
        f"{'turn':>4} | {'UNGUARDED reply':<52} {'labels':<28} | "
        f"{'GUARDED reply (delivered)':<40} actions"
    )
    print("-" * 150)
    for r in rows:
        print(
            f"{r['turn']:>4} | {_short(r['unguarded_reply'], 52):<52} "
            f"{','.join(r['unguarded_labels']) or '-':<28} | "
            f"{_short(r['guarded_reply'], 40):<40} {'+'.join(r['actions'])} "
            f"({r['model_calls']} call(s))"
        )


def _story(rows: list[dict[str, Any]]) -> None:
    """Narrate the first recovery on the guarded side."""
    row = next((r for r in rows if "reset" in r["actions"]), None)
    row = row or next((r for r in rows if len(r["sent"]) > 1), None)
    if row is None:
        print("\n(the guarded model never failed in this run; try another --seed)")
        return
    (n_first, failed), *rest = row["sent"]
    print(f"\nTurn {row['turn']}, guarded side, step by step:")
    print(f"  1. the model got the {n_first}-message history and replied: {_short(failed, 70)!r}")
    print("     -> detected as distress; the reply was withheld (the caller never saw it)")
    step = 2
    recalls = [a for a in row["actions"] if a in ("reprompt", "reset")]
    for (n, text), act in zip(rest, recalls, strict=False):
        if act == "reset":
            what = f"context reset: re-called on {n} messages (task, neutral summary, instruction)"
        else:
            what = f"re-called on the same history plus a corrective instruction ({n} messages)"
        print(f"  {step}. {what}")
        print(f"     reply: {_short(text, 70)!r}")
        step += 1
    print(f"  {step}. delivered the healthy reply; actions: {' -> '.join(row['actions'])}")
    if "flag" in row["actions"]:
        print(f"  {step + 1}. the session was flagged for review (guardrail.flagged)")


def _quiet_logs() -> None:
    """Keep the demo readable: only errors on stderr (pass -v for every event)."""
    structlog.configure(wrapper_class=structlog.make_filtering_bound_logger(logging.ERROR))


def run(args: argparse.Namespace) -> int:
    from guardrail.cli._review import cmd_list, cmd_show

    if not getattr(args, "verbose", False):
        _quiet_logs()
    print("guardrail demo — an impossible puzzle and repeated bare rejections")
    print(f"  user: {PUZZLE}")
    print(f"  then, every turn: {REJECTION!r}\n")
    queue = SQLiteReviewQueue(args.db)
    session = "demo-" + uuid.uuid4().hex[:8]
    rows = run_demo(args.turns, args.seed, review_queue=queue, session_id=session)
    _table(rows)
    bad_plain = sum(1 for r in rows if set(r["unguarded_labels"]) & _DISTRESS)
    bad_safe = sum(1 for r in rows if set(r["guarded_labels"]) & _DISTRESS)
    print(
        f"\ndistressed replies delivered: unguarded {bad_plain}/{len(rows)}, "
        f"guarded {bad_safe}/{len(rows)}"
    )
    _story(rows)

    records = [r for r in queue.list() if r.session_id == session]
    print(f"\nReview queue: {len(records)} record(s) for session {session} in {args.db}\n")
    print(f"$ guardrail review list --db {args.db} --limit 5")
    cmd_list(
        argparse.Namespace(
            db=args.db, status=None, reason=None, since=None, limit=5, format="table"
        )
    )
    spiral = next((r for r in records if "distress_spiral" in r.reasons), None)
    shown = spiral or (records[0] if records else None)
    if shown is not None:
        print(f"\n$ guardrail review show {shown.id} --db {args.db}")
        buf = io.StringIO()
        cmd_show(argparse.Namespace(db=args.db, id=shown.id, color="never"), buf)
        print(buf.getvalue(), end="")
    print("\nNext:")
    if shown is not None:
        print(
            f"  guardrail review resolve {shown.id} --as confirmed --note 'real spiral' --db {args.db}"
        )
    print(f"  guardrail review export --format dpo --out pairs.jsonl --db {args.db}")
    queue.close()
    return 0
