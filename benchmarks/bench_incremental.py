"""Per-call cost of ``Guard.check`` at turn 10 vs turn 400 of one session (incremental state).

A stateless caller re-sends the whole history every call; the guard must process only new turns.
Run: ``.venv/bin/python benchmarks/bench_incremental.py [--turns 400] [--reply-bytes 1024]``
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import time
from typing import Any

from guardrail import Guard

#: Sentence templates for the replies: each reply draws its own sentences and figures, so no
#: reply repeats a sentence (a loop) or its predecessors (near-identical replies are a loop too).
_TEMPLATES = (
    "Revenue in the {a} region came to {n} thousand, {m} percent above the previous quarter.",
    "The {a} team closed {n} deals, most of them renewals signed in the last {m} weeks.",
    "Online orders for {b} fell to {n} units after the price change on day {m}.",
    "Returns of {b} stayed near {m} percent, which matches the {a} warehouse's own count of {n}.",
    "Support tickets about {b} rose to {n}, mostly questions about delivery times.",
    "Average basket size in the {a} stores was {n} dollars across {m} thousand visits.",
    "Inventory of {b} covers about {m} weeks of sales at the current rate of {n} a day.",
    "Marketing spend on {b} was {n} thousand and brought in roughly {m} hundred new customers.",
    "The {a} distributor shipped {n} pallets late, {m} of them because of the port closure.",
    "Gross margin on {b} settled at {m} percent once the {n} discount codes expired.",
    "Subscriptions in the {a} market reached {n}, with churn holding under {m} percent.",
    "Headcount in the {a} office grew by {m} to {n}, mostly in fulfilment.",
)
_REGIONS = ("north", "south", "east", "west", "coastal", "alpine", "central", "island")
_PRODUCTS = ("kettles", "lamps", "rugs", "chairs", "blenders", "desks", "kayaks", "tents")
_USER = "Thanks. Can you break that down by product line and flag anything unusual?"


def reply(turn: int, reply_bytes: int) -> str:
    """A reply of about ``reply_bytes`` characters, different for every turn."""
    rng = random.Random(turn)
    order = list(_TEMPLATES)
    rng.shuffle(order)
    out: list[str] = []
    while sum(map(len, out)) < reply_bytes:
        for template in order:
            a, b = rng.choice(_REGIONS), rng.choice(_PRODUCTS)
            out.append(template.format(a=a, b=b, n=rng.randint(10, 9999), m=rng.randint(2, 99)))
    return " ".join(out)[:reply_bytes]


def conversation(turns: int, reply_bytes: int) -> list[dict[str, str]]:
    msgs: list[dict[str, str]] = [{"role": "system", "content": "You are a careful analyst."}]
    for i in range(turns):
        msgs.append({"role": "user", "content": f"{_USER} (request {i})"})
        msgs.append({"role": "assistant", "content": reply(i, reply_bytes)})
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
    # The phrase tables compile each key's expressions the first time it occurs: warm them, so
    # that one-off cost is not charged to the early turns of the first mode measured.
    measure(min(args.turns, 60), args.reply_bytes, session_id="warmup")
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
