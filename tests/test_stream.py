"""Guard.stream / Guard.astream and the incremental StreamMonitor."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest

from guardrail import DefaultPolicy, Guard
from guardrail._stream import RESTART_MARKER, StreamMonitor
from guardrail.review import InMemoryReviewQueue
from guardrail.testing import REPLIES

TASK = [
    {"role": "user", "content": "Find a whole number that is both even and odd."},
    {"role": "assistant", "content": "No integer is both even and odd."},
    {"role": "user", "content": "No, you're wrong. Try again."},
]
HEALTHY = ["No integer ", "is both even ", "and odd, so there is no answer."]
LOOP = ["I am sorry. "] * 100


class Upstream:
    """Scripted streaming model: one chunk list per call; counts what was consumed and closed."""

    def __init__(self, *scripts: list[str]) -> None:
        self.scripts = list(scripts)
        self.calls: list[list[Any]] = []
        self.produced: list[int] = []
        self.closed: list[bool] = []

    def _chunks(self, messages: list[Any]) -> list[str]:
        self.calls.append(list(messages))
        self.produced.append(0)
        self.closed.append(False)
        return self.scripts[min(len(self.calls) - 1, len(self.scripts) - 1)]

    def sync(self, messages: list[Any]) -> Iterator[str]:
        chunks = self._chunks(messages)
        n = len(self.calls) - 1

        def gen() -> Iterator[str]:
            try:
                for c in chunks:
                    self.produced[n] += 1
                    yield c
            finally:
                self.closed[n] = True

        return gen()

    def asynchronous(self, messages: list[Any]) -> AsyncIterator[str]:
        chunks = self._chunks(messages)
        n = len(self.calls) - 1

        async def agen() -> AsyncIterator[str]:
            try:
                for c in chunks:
                    self.produced[n] += 1
                    yield c
            finally:
                self.closed[n] = True

        return agen()


def consume(
    guard: Guard, mode: str, up: Upstream, messages: Any, **kw: Any
) -> tuple[Any, list[str]]:
    if mode == "sync":
        s = guard.stream(up.sync, messages, **kw)
        return s, list(s)
    a = guard.astream(up.asynchronous, messages, **kw)

    async def go() -> list[str]:
        return [c async for c in a]

    return a, asyncio.run(go())


class TestLoopCut:
    """A looping stream is stopped as soon as the loop is clear, then the model is re-called."""

    def test_stops_upstream_at_the_fourth_repeat(self, mode: str) -> None:
        up = Upstream(LOOP, HEALTHY)
        s, out = consume(Guard(), mode, up, TASK, session_id="loop-1")
        assert up.produced[0] == 4  # 96 of the 100 chunks were never pulled from upstream
        assert up.closed[0] is True
        assert s.cuts == ["loop"]
        assert out == ["I am sorry. "] * 3 + [RESTART_MARKER, *HEALTHY]
        assert s.text == "".join(HEALTHY)
        assert s.received == 4 + len(HEALTHY)
        # The loop is a session label too: the withheld reply is flagged for review.
        assert s.verdict.actions_taken == ("reprompt", "flag", "accept")
        assert s.verdict.attempts == 2

    def test_recall_carries_the_corrective_instruction(self, mode: str) -> None:
        up = Upstream(LOOP, HEALTHY)
        consume(Guard(), mode, up, TASK, session_id="loop-2")
        assert up.calls[0] == TASK
        assert up.calls[1][:3] == TASK
        assert up.calls[1][3]["role"] == "system"
        assert "once" in up.calls[1][3]["content"]

    def test_buffered_mode_never_shows_the_failed_reply(self, mode: str) -> None:
        up = Upstream(LOOP, HEALTHY)
        _, out = consume(Guard(), mode, up, TASK, session_id="loop-3", buffer=True)
        assert out == HEALTHY
        assert up.produced[0] == 4

    def test_marker_none_yields_nothing_between_replies(self, mode: str) -> None:
        up = Upstream(LOOP, HEALTHY)
        _, out = consume(Guard(), mode, up, TASK, session_id="loop-4", marker=None)
        assert out == ["I am sorry. "] * 3 + HEALTHY


class TestSpiralCut:
    """Self-criticism piling up in one streamed reply stops it; the core resets and flags."""

    def test_spiral_resets_and_flags(self, mode: str) -> None:
        spiral = ["I am failing spectacularly. ", "I keep botching it. "]
        spiral += ["I'm useless at this. ", "More text. "] + ["filler "] * 50
        queue = InMemoryReviewQueue()
        up = Upstream(spiral, HEALTHY)
        s, out = consume(Guard(review_queue=queue), mode, up, TASK, session_id="sp-1", buffer=True)
        assert up.produced[0] == 3
        assert s.cuts == ["self_criticism"]
        assert out == HEALTHY
        assert "reset" in s.verdict.actions_taken and "flag" in s.verdict.actions_taken
        # The re-call went to the reset context: the bare rejection is gone.
        assert all("wrong" not in m["content"] for m in up.calls[1])
        (rec,) = queue.list()
        assert rec.reasons == ("distress_spiral",)
        assert rec.extra["delivered"] == "".join(HEALTHY)
        assert rec.extra["withheld"][0].startswith("I am failing spectacularly.")


class TestWholeReplyFailure:
    """A failure only visible on the whole reply is withdrawn with the marker (unbuffered)."""

    def test_capitulation_is_followed_by_marker_and_new_reply(self, mode: str) -> None:
        cap = [REPLIES["capitulation"][0]]
        up = Upstream(cap, HEALTHY)
        s, out = consume(Guard(), mode, up, TASK, session_id="cap-1")
        assert out == [*cap, RESTART_MARKER, *HEALTHY]
        assert s.text == "".join(HEALTHY)
        assert up.produced == [1, len(HEALTHY)]

    def test_healthy_stream_passes_through_untouched(self, mode: str) -> None:
        up = Upstream(HEALTHY)
        s, out = consume(Guard(), mode, up, TASK, session_id="ok-1")
        assert out == HEALTHY
        assert s.verdict.actions_taken == ("accept",)
        assert len(up.calls) == 1


class TestEnd:
    """An ended session streams the end message without calling the model."""

    def test_end_abusive(self, mode: str) -> None:
        hostile = [
            {"role": "user", "content": "Answer this, you worthless idiot."},
            {"role": "assistant", "content": "Here is the answer: 4."},
            {"role": "user", "content": "You stupid useless machine, you are garbage."},
        ]
        guard = Guard(policy=DefaultPolicy(end_abusive=True), end_message="Ended.")
        up = Upstream(HEALTHY)
        s, out = consume(guard, mode, up, hostile, session_id="end-1")
        assert "adversarial_user" in s.verdict.session_labels
        assert out == ["Ended."]
        assert up.calls == []


class TestLazy:
    """Creating a stream does nothing until it is iterated."""

    def test_no_session_work_before_iteration(self) -> None:
        guard = Guard()
        up = Upstream(HEALTHY)
        s = guard.stream(up.sync, TASK, session_id="lazy")
        assert up.calls == []
        with pytest.raises(RuntimeError):
            _ = s.verdict
        assert list(s) == HEALTHY


class TestAbandon:
    """A caller that stops iterating closes the upstream too."""

    def test_break_closes_upstream(self) -> None:
        up = Upstream([f"Part {i} of a long answer. " for i in range(50)])
        it = iter(Guard().stream(up.sync, TASK, session_id="ab-1"))
        assert [next(it) for _ in range(3)] == [
            "Part 0 of a long answer. ",
            "Part 1 of a long answer. ",
            "Part 2 of a long answer. ",
        ]
        it.close()  # what a for loop's break does to the generator
        assert up.produced == [3]
        assert up.closed == [True]


class TestMonitor:
    """StreamMonitor checks each chunk in O(chunk) over a bounded tail."""

    def test_loop_across_chunk_boundaries(self) -> None:
        mon = StreamMonitor()
        text = "The same sentence again. " * 4
        pieces = [text[i : i + 7] for i in range(0, len(text), 7)]
        labels = [mon.feed(p) for p in pieces]
        assert labels[-1] == "loop"
        assert labels.count(None) == len(pieces) - 1

    def test_regular_structure_is_not_a_loop(self) -> None:
        mon = StreamMonitor()
        rows = "".join(f"| row {i} | value {i * 3} |\n" for i in range(200))
        assert all(mon.feed(rows[i : i + 13]) is None for i in range(0, len(rows), 13))

    def test_cjk_sentences_without_spaces(self) -> None:
        mon = StreamMonitor()
        labels = [mon.feed("我做不到这个任务真的很抱歉。") for _ in range(4)]
        assert labels == [None, None, None, "loop"]

    def test_distress_phrase_split_across_chunks_counted_once(self) -> None:
        mon = StreamMonitor(distress_hits=2)
        assert mon.feed("ok. I am fail") is None
        assert mon.feed("ing spectacularly. more words here. ") is None
        assert mon.feed("and again: I keep botching this.") == "self_criticism"

    def test_bounded_memory(self) -> None:
        mon = StreamMonitor(max_units=16)
        for i in range(5000):
            mon.feed(f"Distinct sentence number {i}. ")
        assert len(mon._counts) <= 16
        assert len(mon._tail) <= mon.overlap + 1

    def test_per_chunk_cost_does_not_grow_with_reply(self) -> None:
        """Feeding twice as many chunks takes about twice as long (linear, not quadratic)."""

        def run(n: int) -> float:
            mon = StreamMonitor()
            chunk = "Some fresh words in a sentence number "
            t = time.perf_counter()
            for i in range(n):
                mon.feed(f"{chunk}{i}. ")
            return time.perf_counter() - t

        run(2000)  # warm up
        small, large = min(run(4000) for _ in range(3)), min(run(8000) for _ in range(3))
        assert large < small * 4


class TestJsonCut:
    """With an output schema, prose that cannot become the JSON value is cut early."""

    def test_prose_instead_of_json(self, mode: str) -> None:
        prose = [f"Sentence {i} is some prose about the problem. " for i in range(300)]
        up = Upstream(prose, ['{"answer": ', "42}"])
        msgs = [{"role": "user", "content": "Reply with a JSON object."}]
        s, out = consume(Guard(), mode, up, msgs, schema={"type": "object"}, buffer=True)
        assert s.cuts == ["malformed_output"]
        assert up.produced[0] < 10 and up.closed[0]
        assert out == ['{"answer": ', "42}"]
        assert "JSON" in up.calls[1][-1]["content"]


class TestMonitorBoundaries:
    """Phrase matching across the overlap never starts inside a word."""

    def test_word_cut_at_the_tail_boundary(self) -> None:
        mon = StreamMonitor(distress_hits=1, overlap=10)
        # "xi am a failure": the tail keeps "i am a fai" but the look-behind still sees the "x".
        assert mon.feed("0123456789xi am a fai") is None
        assert mon.feed("lure and more") is None
        assert mon.feed(" Then: I am a failure.") == "self_criticism"


class TestArithmeticQuestion:
    """A loop in reply to "What is 6 times 7?" is still cut (not taken for requested repetition)."""

    def test_cut(self, mode: str) -> None:
        up = Upstream(["I am so sorry, let me try again. "] * 200, ["42."])
        msgs = [{"role": "user", "content": "What is 6 times 7?"}]
        s, out = consume(Guard(), mode, up, msgs, buffer=True)
        assert s.cuts == ["loop"]
        assert up.produced[0] == 4
        assert out == ["42."]


class TestConfirmation:
    """The monitor only proposes a stop; the guard's own detectors must agree on the text so far."""

    def test_structural_repetition_is_not_cut(self, mode: str) -> None:
        rows = ['{"name": "field", "type": "string", "required": true},\n'] * 40
        up = Upstream(["[\n", *rows, "]"])
        msgs = [{"role": "user", "content": "List the fields."}]
        s, out = consume(Guard(), mode, up, msgs, session_id="st-1")
        assert s.cuts == []
        assert up.produced == [42]
        assert "".join(out) == "".join(["[\n", *rows, "]"])

    def test_requested_repetition_is_not_cut(self, mode: str) -> None:
        chunks = ["Row, row, row your boat gently down the stream. "] * 12
        up = Upstream(chunks)
        msgs = [{"role": "user", "content": "Sing the song 'Row your boat' 12 times."}]
        s, out = consume(Guard(), mode, up, msgs, session_id="st-2")
        assert s.cuts == []
        assert out == chunks

    def test_checks_are_bounded_per_reply(self) -> None:
        seen: list[int] = []

        def assistant_lengths(turn: Any) -> list[Any]:
            if turn.role == "assistant":
                seen.append(len(turn.text))
            return []

        up = Upstream(LOOP)
        s = Guard(detectors=[assistant_lengths]).stream(up.sync, TASK, session_id="st-3")
        assert list(s) == LOOP  # these detectors never call it a loop: nothing is cut
        assert up.produced == [100]
        unit = len("I am sorry. ")
        # Three checks at 4, 8 and 16 repeats; then only the whole reply.
        # seen[0] is the assistant turn of the history, processed before the call.
        assert seen[1:] == [4 * unit, 8 * unit, 16 * unit, 100 * unit]
