"""Streaming monitor cost per chunk, and review-queue write latency (SQLite, synchronous=FULL).

    .venv/bin/python benchmarks/bench_stream_review.py

Prints figures; asserts nothing (performance targets live here, not in unit tests).
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

from guardrail._stream import StreamMonitor
from guardrail.review import ReviewRecord, SQLiteReviewQueue, TranscriptTurn, record_id


def monitor_us_per_chunk(reply_chars: int, chunk: int = 20) -> float:
    words = "the quick brown fox jumps over a lazy dog and then writes more prose "
    text = (words * (reply_chars // len(words) + 1))[:reply_chars]
    pieces = [text[i : i + chunk] for i in range(0, len(text), chunk)]
    runs = []
    for _ in range(5):
        mon = StreamMonitor()
        t = time.perf_counter()
        for p in pieces:
            mon.feed(p)
        runs.append((time.perf_counter() - t) / len(pieces) * 1e6)
    return min(runs)


def first_vs_last(
    reply_chars: int = 200_000, chunk: int = 20, k: int = 1000
) -> tuple[float, float]:
    """Mean µs per chunk over the first and the last ``k`` chunks of one long reply."""
    words = "The quick brown fox jumps over a lazy dog. Then it writes more prose! "
    text = (words * (reply_chars // len(words) + 1))[:reply_chars]
    pieces = [text[i : i + chunk] for i in range(0, len(text), chunk)]
    best_first, best_last = float("inf"), float("inf")
    for _ in range(5):
        mon = StreamMonitor(min_repeats=10**9)  # never stops: measure the whole reply
        for j, p in enumerate(pieces):
            if j == 0:
                t0 = time.perf_counter()
            if j == k:
                best_first = min(best_first, (time.perf_counter() - t0) / k * 1e6)
            if j == len(pieces) - k:
                t1 = time.perf_counter()
            mon.feed(p)
        best_last = min(best_last, (time.perf_counter() - t1) / k * 1e6)
    return best_first, best_last


def sqlite_add_ms(n: int = 200) -> tuple[float, float]:
    with tempfile.TemporaryDirectory() as d:
        q = SQLiteReviewQueue(Path(d) / "bench.db")
        times = []
        for i in range(n):
            rec = ReviewRecord(
                id=record_id(f"s{i}", ("distress_spiral",)),
                session_id=f"s{i}",
                reasons=("distress_spiral",),
                transcript=tuple(
                    TranscriptTurn(index=k, role="user", content="x" * 400) for k in range(8)
                ),
            )
            t = time.perf_counter()
            q.add(rec)
            times.append((time.perf_counter() - t) * 1e3)
        q.close()
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95)]


def main() -> int:
    print(f"Python {sys.version.split()[0]}")
    print("StreamMonitor.feed, 20-character chunks (min of 5 runs):")
    for size in (1_000, 10_000, 100_000):
        print(f"  reply of {size:>7,} chars: {monitor_us_per_chunk(size):6.2f} µs per chunk")
    first, last = first_vs_last()
    print(
        f"  one 200,000-char reply: first 1000 chunks {first:.2f} µs/chunk, "
        f"last 1000 chunks {last:.2f} µs/chunk"
    )
    med, p95 = sqlite_add_ms()
    print(
        f"SQLiteReviewQueue.add (WAL, synchronous=FULL, 200 records of ~3 KB): "
        f"median {med:.2f} ms, p95 {p95:.2f} ms"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
