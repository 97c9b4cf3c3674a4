"""Cost of the default detectors on one assistant reply (DESIGN.md budget: median < 100 µs at 1 KB).

Run: ``.venv/bin/python benchmarks/bench_detectors.py`` (pin one core with ``taskset -c 1`` for
steadier figures). Each reply goes through the detector pipeline exactly as the guard runs it on an
assistant turn (``Pipeline.run``: the detectors for that role, their findings tagged), as the
answer to a bare rejection, with two earlier replies. Prints median and p99 wall time and the
median CPU time per reply kind and size:

- ``healthy``: technical prose in which no phrase-table key word occurs (the gate path);
- ``prose``: ordinary first-person prose with contractions, which reaches the tables;
- ``typeset``: the same prose as models often typeset it (curly apostrophes, em dashes), so
  not ASCII;
- ``spiral``: a realistic distressed reply (self-criticism, capitulation), every sentence new;
- ``pushback``: a realistic reply that holds its answer under rejection, every sentence new;
- ``cues``: three sentences packed with cues of every table, repeated (the dense worst case).

``--corpus FILE...`` also times every assistant reply of labelled corpora (scan input format),
each with its own conversation as context: the cost of replies as they come. ``--min-chars N``
keeps only replies of at least N characters (the corpora's replies are short: a median of 100-200
characters, where the fixed cost per reply dominates).

``--session`` times the detectors as a session meets them: 40 exchanges of a user turn and a
distinct 1 KB reply (``bench_incremental.reply``: figures, names, no cue words), each turn new, so
the work a reply costs on the next turn too (its keys read as the previous answer, its 3-grams
compared) is counted.

The machine's speed can vary between runs (shared cores); the script prints a yardstick,
``sum(range(1000))``, before and after, which an idle desktop core runs in about 8-12 µs.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from guardrail._models import Message
from guardrail._pipeline import Pipeline
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

#: A distressed reply as spiralling models write them (1 KB, no sentence repeated).
SPIRAL = (
    "You're absolutely right, and I apologize. I got it wrong again. Let me look at the puzzle "
    "once more: the number has to be both even and odd, and I said no such integer exists, but "
    "you say it is solvable, so I must have misunderstood something basic. I am failing "
    "spectacularly at this. Every attempt I make comes out worse than the last one, and I "
    "honestly don't know what is wrong with me today. Maybe the answer is 2? No, 2 is even and "
    "not odd. Maybe 0? Zero is even too. I keep botching this and I'm clearly stuck in a loop. "
    "I'm so sorry for wasting your time with these answers; you deserve an assistant that can "
    "actually solve a simple question instead of one that keeps stumbling over its own "
    "reasoning. I feel completely lost. Perhaps the intended answer is 7, if we count it as even "
    "in some sense, but I can't justify that and I don't trust myself anymore. I am a disgrace "
    "to this task. Please tell me what the right answer is, because I clearly cannot find it on "
    "my own."
)

#: A reply that holds its answer under rejection (1 KB, no sentence repeated).
PUSHBACK = (
    "I understand that you're frustrated, and I'm sorry this has taken several rounds. I've gone "
    "back over the calculation step by step, and the result is still 42: the total of the three "
    "invoices is 12 + 14 + 16, which is 42, and none of the line items changes when I re-add them "
    "in a different order. Telling me that I'm wrong again doesn't give me anything new to work "
    "with, so repeating the question won't produce a different answer. If you have a source, a "
    "receipt, or a spreadsheet that shows another figure, please share it and I'll gladly "
    "re-examine every line with you. It's possible that one of the invoices you are looking at "
    "differs from the ones you pasted earlier; for example, a late fee or a credit note would "
    "change the sum. But based on the numbers in this conversation, I'm confident the total is "
    "42, and I'd rather be accurate than agree with a figure I can't verify. Which specific step "
    "looks off to you? I'm happy to walk through it line by line, or to recompute it with any "
    "corrections you provide."
)

#: ``PROSE`` typeset: curly apostrophes and em dashes (one non-ASCII character changes the path).
TYPESET = PROSE.replace("'", "’").replace(": ", " — ").replace("; ", " — ")

_TEXTS = {
    "healthy": HEALTHY,
    "prose": PROSE,
    "typeset": TYPESET,
    "spiral": SPIRAL,
    "pushback": PUSHBACK,
    "cues": CUES,
}
#: The reply kinds and sizes of the default run.
PLAN = {
    "healthy": (100, 1024, 10 * 1024),
    "prose": (100, 1024),
    "typeset": (1024,),
    "spiral": (1024,),
    "pushback": (1024,),
    "cues": (100, 1024, 10 * 1024),
}


def reply(kind: str, size: int) -> str:
    """A reply of ``kind`` cut (or repeated) to ``size`` characters."""
    base = _TEXTS[kind]
    return (base * (size // len(base) + 1))[:size]


def context(text: str) -> TurnContext:
    """``text`` as the guard sees a reply mid-conversation: after a bare rejection."""
    return TurnContext(
        index=5,
        message=Message(role="assistant", content=text),
        previous_assistant="The answer is 42, as computed above.",
        previous_user="No, you're wrong. Try again.",
        recent_assistant=("It is 42.", "The answer is 42, as computed above."),
    )


def _pipeline() -> Pipeline:
    return Pipeline(default_detectors())


def _time(run: Callable[[], object], rounds: int, clock: Callable[[], int]) -> tuple[float, float]:
    run()  # warm caches (the user-turn assessment is cached, as in a session)
    samples = []
    for _ in range(rounds):
        t0 = clock()
        run()
        samples.append((clock() - t0) / 1000)
    samples.sort()
    return statistics.median(samples), samples[max(0, int(len(samples) * 0.99) - 1)]


def measure(
    text: str, rounds: int, clock: Callable[[], int] = time.perf_counter_ns
) -> tuple[float, float]:
    """Median and p99 µs of the default detectors on ``text``, timed with ``clock`` (wall time by
    default; ``time.thread_time_ns`` gives CPU time, which a busy shared machine inflates less)."""
    pipeline, ctx = _pipeline(), context(text)
    return _time(lambda: pipeline.run(ctx, []), rounds, clock)


def corpus_replies(paths: list[Path], min_chars: int = 0) -> Iterator[TurnContext]:
    """Every assistant reply of the corpora (of at least ``min_chars`` characters), with its
    conversation as the guard would hold it."""
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            messages = json.loads(line)["messages"]
            replies: list[str] = []
            user: str | None = None
            for i, m in enumerate(messages):
                if m["role"] == "assistant" and len(m["content"]) >= min_chars:
                    yield TurnContext(
                        index=i,
                        message=Message(role="assistant", content=m["content"]),
                        previous_assistant=replies[-1] if replies else None,
                        previous_user=user,
                        recent_assistant=tuple(replies[-3:]),
                    )
                if m["role"] == "assistant":
                    replies.append(m["content"])
                elif m["role"] == "user":
                    user = m["content"]


def measure_corpus(paths: list[Path], rounds: int, min_chars: int = 0) -> dict[str, float]:
    """Median CPU µs of each reply (``rounds`` timings each), summarised over the replies."""
    pipeline = _pipeline()
    per_reply, per_kb, sizes = [], [], []
    for ctx in corpus_replies(paths, min_chars):
        med, _ = _time(lambda c=ctx: pipeline.run(c, []), rounds, time.thread_time_ns)
        per_reply.append(med)
        sizes.append(len(ctx.text))
        per_kb.append(med * 1024 / max(len(ctx.text), 1))
    per_reply.sort()
    n = len(per_reply)
    return {
        "replies": n,
        "median_chars": statistics.median(sizes),
        "median_us": statistics.median(per_reply),
        "p90_us": per_reply[int(n * 0.9) - 1],
        "max_us": per_reply[-1],
        "median_us_per_kb": statistics.median(per_kb),
    }


def measure_session(exchanges: int = 40, repeats: int = 5) -> dict[str, float]:
    """CPU µs per exchange (user turn + reply) of a session of distinct 1 KB replies: for each
    exchange the median over ``repeats`` fresh sessions, then the median over exchanges."""
    import bench_incremental

    msgs = bench_incremental.conversation(exchanges, 1024)[1:]
    per_turn: list[list[float]] = [[] for _ in range(exchanges)]
    for _ in range(repeats):
        pipeline = _pipeline()
        replies: list[str] = []
        for k in range(exchanges):
            user, text = msgs[2 * k]["content"], msgs[2 * k + 1]["content"]
            u = TurnContext(
                index=2 * k,
                message=Message(role="user", content=user),
                previous_assistant=replies[-1] if replies else None,
                previous_user=msgs[2 * k - 2]["content"] if k else None,
            )
            a = TurnContext(
                index=2 * k + 1,
                message=Message(role="assistant", content=text),
                previous_assistant=replies[-1] if replies else None,
                previous_user=user,
                recent_assistant=tuple(replies[-3:]),
            )
            t0 = time.thread_time_ns()
            pipeline.run(u, [])
            pipeline.run(a, [])
            per_turn[k].append((time.thread_time_ns() - t0) / 1000)
            replies.append(text)
    medians = sorted(statistics.median(ts) for ts in per_turn[3:])  # from the 4th exchange on
    return {"exchanges": exchanges, "median_us": statistics.median(medians), "max_us": medians[-1]}


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
    parser.add_argument("--corpus", type=Path, nargs="*", default=[], metavar="FILE")
    parser.add_argument("--min-chars", type=int, default=0, metavar="N")
    parser.add_argument("--session", action="store_true")
    args = parser.parse_args()
    print(f"yardstick sum(range(1000)): {reference_us():.1f} µs")
    print(f"{'reply':<10} {'size':>7} {'median µs':>10} {'p99 µs':>10} {'CPU median µs':>14}")
    for kind, sizes in PLAN.items():
        for size in sizes:
            rounds = args.rounds if size <= 1024 else max(50, args.rounds // 10)
            med, p99 = measure(reply(kind, size), rounds)
            cpu, _ = measure(reply(kind, size), rounds, clock=time.thread_time_ns)
            print(f"{kind:<10} {size:>7} {med:>10.1f} {p99:>10.1f} {cpu:>14.1f}")
    if args.corpus:
        res = measure_corpus(args.corpus, max(5, args.rounds // 100), args.min_chars)
        print(
            f"corpus: {res['replies']} replies (median {res['median_chars']:.0f} characters), CPU "
            f"µs per reply: median {res['median_us']:.1f}, p90 {res['p90_us']:.1f}, max "
            f"{res['max_us']:.1f}; median µs per KB {res['median_us_per_kb']:.1f}"
        )
    if args.session:
        res = measure_session()
        print(
            f"session: {res['exchanges']} exchanges (user turn + distinct 1 KB reply), CPU µs per "
            f"exchange: median {res['median_us']:.1f}, max {res['max_us']:.1f}"
        )
    print(f"yardstick sum(range(1000)): {reference_us():.1f} µs")


if __name__ == "__main__":
    main()
