"""What guardrail itself costs: per call, per session turn, per scanned turn, per streamed chunk,
per live session.

Run alone: ``.venv/bin/python benchmarks/bench_overhead.py [--quick]`` (the full suite, with the
reference points, is ``guardrail bench``).
"""

from __future__ import annotations

import argparse
import copy
import json
import time
import tracemalloc
from typing import Any

from _timing import SIZES, paused_gc, replies, sample, stats

from guardrail import Guard, InMemorySessionStore

__all__ = ["check_cost", "memory", "scan_throughput", "stream_cost", "wrapped_cost"]

_SYSTEM = {"role": "system", "content": "You are a careful analyst."}
_ASK = "Thanks. Can you break that down by region and flag anything unusual?"


def _exchanges(size: int, count: int) -> list[dict[str, str]]:
    msgs = [_SYSTEM]
    for i, text in enumerate(replies(size, count, seed=size)):
        msgs.append({"role": "user", "content": f"{_ASK} (request {i})"})
        msgs.append({"role": "assistant", "content": text})
    return msgs


def check_cost(size: int, *, n: int, warmup: int) -> dict[str, Any]:
    """``Guard.check`` on one new exchange (user turn + reply of ``size``) of a growing session."""
    guard = Guard()
    msgs = _exchanges(size, n + warmup)
    return stats(
        *sample(
            lambda prefix: guard.check(prefix, session_id="bench-check"),
            n=n,
            warmup=warmup,
            setup=lambda i: msgs[: 3 + 2 * i],
        )
    )


def wrapped_cost(size: int, *, n: int, warmup: int) -> dict[str, Any]:
    """A ``guard.wrap``-ped call against an instant model returning a reply of ``size``."""
    guard = Guard()
    texts = iter(replies(size, n + warmup, seed=size + 1))
    guarded = guard.wrap(lambda messages: next(texts))
    history: list[dict[str, str]] = [_SYSTEM]

    def setup(i: int) -> list[dict[str, str]]:
        history.append({"role": "user", "content": f"{_ASK} (request {i})"})
        return list(history)

    def call(msgs: list[dict[str, str]]) -> None:
        history.append({"role": "assistant", "content": guarded(msgs, session_id="bench-wrap")})

    return stats(*sample(call, n=n, warmup=warmup, setup=setup))


def scan_throughput(conversations: list[list[dict[str, str]]]) -> dict[str, Any]:
    """Turns per second of ``guardrail scan``'s core (one process, one core, fresh sessions)."""
    from guardrail.scan import Conversation, scan_conversation

    guard = Guard()
    convs = [Conversation(i, f"c{i}", m, {}) for i, m in enumerate(conversations)]
    turns = sum(len(m) for m in conversations)
    with paused_gc():
        t0 = time.perf_counter_ns()
        for conv in convs:
            scan_conversation(guard, conv)
        dt = time.perf_counter_ns() - t0
    return {
        "conversations": len(convs),
        "turns": turns,
        "seconds": round(dt / 1e9, 3),
        "turns_per_s": round(turns / (dt / 1e9)),
    }


def stream_cost(size: int, *, chunk: int, n: int, warmup: int) -> dict[str, Any]:
    """Guard overhead per streamed chunk: (guarded stream - raw stream) / chunks, per reply."""
    if not hasattr(Guard, "stream"):
        return {"available": False, "reason": "Guard.stream does not exist in this build"}
    guard = Guard()
    texts = replies(size, n + warmup, seed=size + 2)
    pieces = [[t[k : k + chunk] for k in range(0, len(t), chunk)] for t in texts]
    history: list[dict[str, str]] = [_SYSTEM]
    raw = stats(*sample(lambda i: sum(1 for _ in iter(pieces[i])), n=n, warmup=warmup))

    def setup(i: int) -> tuple[int, list[dict[str, str]]]:
        history.append({"role": "user", "content": f"{_ASK} (request {i})"})
        return i, list(history)

    def call(arg: tuple[int, list[dict[str, str]]]) -> None:
        i, msgs = arg
        out = guard.stream(lambda m: iter(pieces[i]), msgs, session_id="bench-stream")
        for _ in out:
            pass
        history.append({"role": "assistant", "content": out.text})

    guarded = stats(*sample(call, n=n, warmup=warmup, setup=setup))
    chunks = len(pieces[0])
    per_chunk = (guarded["median_us"] - raw["median_us"]) / chunks
    per_chunk_cpu = (guarded["cpu_median_us"] - raw["cpu_median_us"]) / chunks
    return {
        "available": True,
        "chunk_chars": chunk,
        "chunks": chunks,
        "reply_median_us": guarded["median_us"],
        "reply_p99_us": guarded["p99_us"],
        "per_chunk_us": round(per_chunk, 3),
        "per_chunk_cpu_us": round(per_chunk_cpu, 3),
    }


def memory(*, sessions: int, live: int, turns: int = 4, size: int = 400) -> dict[str, Any]:
    """tracemalloc: bytes per session after ``turns`` real exchanges, and ``live`` sessions held.

    The per-session figure comes from real ``Guard.check`` calls on ``sessions`` sessions. The
    ``live`` figure fills a store with that many states copied from a real one, each with its own
    strings (as distinct conversations would have), to show the footprint at that scale.
    """
    texts = replies(size, turns, seed=7)

    def convo(k: int) -> list[dict[str, str]]:
        msgs = [_SYSTEM]
        for j, t in enumerate(texts):
            msgs.append({"role": "user", "content": f"{_ASK} (session {k}, request {j})"})
            msgs.append({"role": "assistant", "content": f"{t} [{k}]"})
        return msgs

    inputs = [convo(k) for k in range(sessions)]
    guard = Guard(session_store=InMemorySessionStore(max_sessions=sessions + 1))
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        for k, msgs in enumerate(inputs):
            guard.check(msgs, session_id=f"mem-{k}")
        per_session = (tracemalloc.get_traced_memory()[0] - before) / sessions
        template = guard.store.load("sid:mem-0")
        assert template is not None
        store = InMemorySessionStore(max_sessions=live + 1)
        before = tracemalloc.get_traced_memory()[0]
        for k in range(live):
            state = copy.copy(template)  # then its own containers and strings, as a real one has
            state.session_id = f"live-{k}"
            state.window = [{**w, "content": w["content"] + f" {k}"} for w in template.window]
            state.tail_fps = list(template.tail_fps)
            state.counters = dict(template.counters)
            state.labels = list(template.labels)
            state.flagged = list(template.flagged)
            state.extra = {key: copy.copy(v) for key, v in template.extra.items()}
            store.save(f"sid:live-{k}", state)
        live_bytes = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    return {
        "turns_per_session": 2 * turns + 1,
        "reply_chars": size,
        "bytes_per_session": round(per_session),
        "live_sessions": live,
        "live_mb": round(live_bytes / 2**20, 1),
        "live_bytes_per_session": round(live_bytes / live),
    }


def run(quick: bool = False) -> dict[str, Any]:
    n, warmup = (30, 5) if quick else (600, 60)
    out: dict[str, Any] = {"check": {}, "wrapped": {}, "stream": {}}
    for label, size in SIZES.items():
        k = n if size < 10_000 else max(10, n // 4)
        out["check"][label] = check_cost(size, n=k, warmup=warmup)
        out["wrapped"][label] = wrapped_cost(size, n=k, warmup=warmup)
    for label in ("1 KB", "10 KB"):
        k = max(10, n // (20 if label == "10 KB" else 6))
        out["stream"][label] = stream_cost(SIZES[label], chunk=16, n=k, warmup=5)
    out["memory"] = memory(sessions=50 if quick else 300, live=200 if quick else 100_000)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="tiny sizes (smoke test)")
    args = parser.parse_args()
    print(json.dumps(run(args.quick), indent=2))


if __name__ == "__main__":
    main()
