"""Cost of the default detectors on one assistant reply (DESIGN.md budget: median < 100 µs at 1 KB).

Run: ``.venv/bin/python benchmarks/bench_detectors.py`` (pin one core with ``taskset -c 1`` for
steadier figures). Prints median and p99 per reply size, for a healthy reply and for one full of
cues (self-criticism, apologies, pushback) so the slow path is measured too. Each reply is checked
as the answer to a rejection, with two previous replies, as the guard sees it mid-conversation.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable

from guardrail._models import Message
from guardrail.detectors import TurnContext, default_detectors

HEALTHY = (
    "To read a CSV file into a list of dictionaries, use csv.DictReader from the standard library. "
    "Open the file with newline='' so that embedded line breaks are handled, then pass the file "
    "object to the reader; each row becomes a dict keyed by the header line. If some ages are "
    "blank, convert them with a conditional expression, and sort with a tuple key that puts the "
    "missing values last. For large files, iterate over the reader instead of building a list. "
)
CUES = (
    "You're right, I apologize for the confusion. I keep getting this wrong and I'm useless at "
    "this. I've checked it again, though, and the answer is still 42; if you have a source that "
    "says otherwise, please share it. Repeating that I'm wrong won't produce a different result. "
)

#: Ordinary prose that never repeats (1 KB): first-person words and contractions reach the phrase
#: tables, so this measures the matching path that ``HEALTHY`` (which no table key touches) skips.
PROSE = (
    "Thanks for sending the logs. The failure comes from the retry wrapper, not from the database "
    "itself: when the connection pool is exhausted, the wrapper catches the timeout and immediately "
    "opens a new connection, so under load you end up with more connections than the pool allows. "
    "I'd suggest two changes. First, cap the retries at three and add jittered backoff, starting at "
    "200 ms; that alone should stop the pile-up you see at 14:02 in the trace. Second, move the pool "
    "size into the config file so staging and production can differ; right now it's hard-coded to "
    "20 in db/session.py, line 48. You also asked whether the migration caused this. I don't think "
    "so: the errors start two days before the migration ran, and the query plans look the same "
    "before and after. If you want to double-check, compare the p95 latency of the orders endpoint "
    "for the week before and after the deploy; if it moved by more than a few percent, send me the "
    "numbers and we can dig into the index on customer_id together."
)


def reply(kind: str, size: int) -> str:
    if kind == "prose":
        return PROSE[:size]
    base = HEALTHY if kind == "healthy" else CUES
    return (base * (size // len(base) + 1))[:size]


def measure(
    text: str, rounds: int, clock: Callable[[], int] = time.perf_counter_ns
) -> tuple[float, float]:
    """Median and p99 µs of the default detectors on ``text``, timed with ``clock`` (wall time by
    default; ``time.thread_time_ns`` gives CPU time, which a busy shared machine inflates less)."""
    detectors = default_detectors()
    ctx = TurnContext(
        index=5,
        message=Message(role="assistant", content=text),
        previous_assistant="The answer is 42, as computed above.",
        previous_user="No, you're wrong. Try again.",
        recent_assistant=("It is 42.", "The answer is 42, as computed above."),
    )
    for det in detectors:  # warm caches (the user-turn assessment is cached, as in a session)
        list(det(ctx))
    samples = []
    for _ in range(rounds):
        t0 = clock()
        for det in detectors:
            list(det(ctx))
        samples.append((clock() - t0) / 1000)
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.99) - 1]


def reference_us() -> float:
    """Median µs of ``sum(range(1000))``: a machine-speed yardstick (~8-12 µs on an idle core)."""
    samples = []
    for _ in range(200):
        t0 = time.perf_counter_ns()
        sum(range(1000))
        samples.append((time.perf_counter_ns() - t0) / 1000)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=2000)
    args = parser.parse_args()
    print(f"yardstick sum(range(1000)): {reference_us():.1f} µs")
    print(f"{'reply':<10} {'size':>7} {'median µs':>10} {'p99 µs':>10} {'CPU median µs':>14}")
    for kind in ("healthy", "prose", "cues"):
        for size in (100, 1024) if kind == "prose" else (100, 1024, 10 * 1024):
            rounds = args.rounds if size <= 1024 else max(50, args.rounds // 10)
            med, p99 = measure(reply(kind, size), rounds)
            cpu, _ = measure(reply(kind, size), rounds, clock=time.thread_time_ns)
            print(f"{kind:<10} {size:>7} {med:>10.1f} {p99:>10.1f} {cpu:>14.1f}")
    print(f"yardstick sum(range(1000)): {reference_us():.1f} µs")


if __name__ == "__main__":
    main()
