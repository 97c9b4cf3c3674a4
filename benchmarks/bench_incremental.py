"""Per-call cost of ``Guard.check`` at turn 10 vs turn 400 of one session (incremental state).

A stateless caller re-sends the whole history every call; the guard must process only new turns.
Run: ``.venv/bin/python benchmarks/bench_incremental.py [--turns 400] [--reply-bytes 1024]``
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from typing import Any

from guardrail import Guard

_REPLY = (
    "Here is the summary you asked for. The quarterly figures show steady growth in the north "
    "region, flat sales in the south, and a small decline in online orders after the price change. "
)
_USER = "Thanks. Can you break that down by product line and flag anything unusual?"


def conversation(turns: int, reply_bytes: int) -> list[dict[str, str]]:
    reply = (_REPLY * (reply_bytes // len(_REPLY) + 1))[:reply_bytes]
    msgs: list[dict[str, str]] = [{"role": "system", "content": "You are a careful analyst."}]
    for i in range(turns):
        msgs.append({"role": "user", "content": f"{_USER} (request {i})"})
        msgs.append({"role": "assistant", "content": f"{reply} [{i}]"})
    return msgs


def measure(turns: int, reply_bytes: int, *, session_id: str | None) -> dict[str, Any]:
    """Check a growing conversation one exchange at a time; time each call."""
    guard = Guard()
    msgs = conversation(turns, reply_bytes)
    times: list[float] = []
    for t in range(1, turns + 1):
        prefix = [dict(m) for m in msgs[: 1 + 2 * t]]  # fresh dicts: a stateless caller's re-send
        start = time.perf_counter_ns()
        guard.check(prefix, session_id=session_id)
        times.append((time.perf_counter_ns() - start) / 1000)

    def window(at: int) -> float:
        return statistics.median(times[max(0, at - 5) : at + 5])

    return {
        "mode": "session_id" if session_id else "anonymous",
        "turns": turns,
        "reply_bytes": reply_bytes,
        "us_at_turn_10": round(window(10), 1),
        "us_at_turn_400": round(window(min(400, turns) - 6), 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--turns", type=int, default=400)
    parser.add_argument("--reply-bytes", type=int, default=1024)
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = parser.parse_args()
    import structlog

    structlog.configure(wrapper_class=structlog.make_filtering_bound_logger(40))
    rows = [
        measure(args.turns, args.reply_bytes, session_id="bench"),
        measure(args.turns, args.reply_bytes, session_id=None),
    ]
    for row in rows:
        row["ratio_400_vs_10"] = round(row["us_at_turn_400"] / row["us_at_turn_10"], 2)
    if args.json:
        print(json.dumps(rows, indent=2))
        return
    print(f"{'mode':<12} {'turn 10 (µs)':>13} {'turn 400 (µs)':>14} {'ratio':>6}")
    for r in rows:
        print(
            f"{r['mode']:<12} {r['us_at_turn_10']:>13} {r['us_at_turn_400']:>14} {r['ratio_400_vs_10']:>6}"
        )


if __name__ == "__main__":
    main()
