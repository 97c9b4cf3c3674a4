"""Timing helpers and shared inputs for the benchmark suite (stdlib only, so any venv can use it).

Every timed loop: ``time.perf_counter_ns`` (and ``time.process_time_ns``) around each call, a
warmup, the garbage collector paused while timing (as ``timeit`` does), one thread. Figures are per
call, in microseconds.
"""

from __future__ import annotations

import gc
import random
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

__all__ = ["SIZES", "paused_gc", "prose", "replies", "sample", "stats"]

#: Reply sizes of the per-call benchmarks (label -> bytes).
SIZES = {"100 B": 100, "1 KB": 1024, "10 KB": 10_240}

_SUBJECTS = [
    "The north region",
    "Online revenue",
    "The support queue",
    "Our largest customer",
    "The new pricing tier",
    "Warehouse throughput",
    "The mobile app",
    "Quarterly churn",
    "The partner channel",
    "Average order value",
    "The onboarding flow",
    "Search traffic",
]
_VERBS = [
    "grew steadily",
    "stayed flat",
    "dipped slightly",
    "recovered",
    "doubled",
    "fell behind plan",
    "beat the forecast",
    "moved sideways",
    "improved",
    "slowed down",
]
_WHEN = [
    "in March",
    "after the price change",
    "during the holidays",
    "this quarter",
    "since the redesign",
    "over the last six weeks",
    "compared with last year",
    "in the western stores",
    "once the backlog cleared",
    "in the second half",
]


def prose(size: int, *, seed: int) -> str:
    """Plain assistant prose of exactly ``size`` characters (ASCII, so also bytes).

    Sentences are drawn from about 120,000 combinations, so no sentence repeats
    often enough to look like a loop, even at 10 KB.
    """
    rng = random.Random(seed)
    out: list[str] = []
    n = 0
    while n < size:
        s = f"{rng.choice(_SUBJECTS)} {rng.choice(_VERBS)} {rng.choice(_WHEN)}, at {rng.randint(1, 99)}%. "
        out.append(s)
        n += len(s)
    return "".join(out)[:size]


def replies(size: int, count: int, *, seed: int = 0) -> list[str]:
    """``count`` distinct replies of ``size`` characters."""
    return [prose(size, seed=seed * 100_003 + i) for i in range(count)]


@contextmanager
def paused_gc() -> Iterator[None]:
    enabled = gc.isenabled()
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def sample(
    fn: Callable[[int], Any], *, n: int, warmup: int, setup: Callable[[int], Any] | None = None
) -> tuple[list[int], list[int]]:
    """Time ``fn(i)`` for i in range(warmup + n); return the last ``n`` wall and CPU times in ns.

    Wall time is ``time.perf_counter_ns``; CPU time (``time.process_time_ns``, this process only)
    is kept too because on a shared machine waiting for a core inflates wall time, not CPU time.
    ``setup(i)``, when given, runs before each call outside the timed span; its result is passed
    to ``fn`` instead of ``i``.
    """
    wall, cpu = time.perf_counter_ns, time.process_time_ns
    out_w: list[int] = []
    out_c: list[int] = []
    with paused_gc():
        for i in range(warmup + n):
            arg = setup(i) if setup is not None else i
            c0, t0 = cpu(), wall()
            fn(arg)
            dt, dc = wall() - t0, cpu() - c0
            if i >= warmup:
                out_w.append(dt)
                out_c.append(dc)
    return out_w, out_c


def _median(xs: list[int]) -> float:
    xs = sorted(xs)
    mid = len(xs) // 2
    return xs[mid] if len(xs) % 2 else (xs[mid - 1] + xs[mid]) / 2


def stats(wall: list[int], cpu: list[int] | None = None) -> dict[str, float]:
    """Median and p99 (nearest rank) wall time, and median CPU time, in microseconds."""
    if not wall:
        return {"median_us": float("nan"), "p99_us": float("nan"), "n": 0}
    xs = sorted(wall)
    p99 = xs[min(len(xs) - 1, max(0, -(-99 * len(xs) // 100) - 1))]
    out = {"median_us": round(_median(xs) / 1000, 2), "p99_us": round(p99 / 1000, 2), "n": len(xs)}
    if cpu:
        out["cpu_median_us"] = round(_median(cpu) / 1000, 2)
    return out
