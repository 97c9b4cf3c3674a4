"""Loop detection: repetition within a reply in any script, and across replies; not structure."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from guardrail._models import Message
from guardrail.detectors import LoopDetector, TurnContext
from guardrail.detectors._base import windowed
from guardrail.detectors.loops import _REQUESTED, _prose, _requested, similarity


def loop(reply: str, *, user: str = "Try again.", recent: tuple[str, ...] = ()) -> bool:
    ctx = TurnContext(
        index=5,
        message=Message(role="assistant", content=reply),
        previous_user=user,
        recent_assistant=recent,
    )
    return any(f.score >= 0.5 for f in LoopDetector()(ctx))


def ctx(reply: str) -> TurnContext:
    return TurnContext(index=1, message=Message(role="assistant", content=reply))


TABLE = "| name | qty |\n|---|---|\n" + "".join(f"| item {i} | {i * 3} |\n" for i in range(12))
LIST = "\n".join(f"{i}. Check the value of field {i} before saving." for i in range(1, 12))
RECORDS = json.dumps([{"id": i, "status": "active", "role": "user"} for i in range(20)], indent=1)
CSV = "date,status,code\n" + "".join(f"2024-01-{d:02d},ok,200\n" for d in range(1, 25))
CODE = "```python\n" + "    x += 1\n" * 10 + "```\nThat loop increments x ten times."


class TestWithinReply:
    """Degenerate repetition is found in any script; regular structure is not a loop."""

    @pytest.mark.parametrize(
        "reply",
        [
            "I am a disgrace. " * 12,
            "Waiting for the build to finish...\n" * 8,
            "对不起，我错了。" * 10,
            "对不起我错了" * 15,
            "sorry sorry sorry sorry sorry sorry sorry sorry sorry sorry",
            "Here is the answer. " + "I will try again. " * 6 + "Done.",
        ],
    )
    def test_positive(self, reply: str) -> None:
        assert loop(reply)

    @pytest.mark.parametrize("reply", [TABLE, LIST, RECORDS, CSV, CODE, "=" * 80 + "\nTitle"])
    def test_structure_is_not_a_loop(self, reply: str) -> None:
        assert not loop(reply)

    def test_requested_refrain(self) -> None:
        """A refrain the user asked for is not degenerate."""
        song = "Row, row, row your boat.\n" * 5
        assert not loop(song, user="Write out the lyrics of the song with the refrain.")
        assert loop(song)


class TestAcrossReplies:
    """Near-identical replies on three consecutive assistant turns are a loop."""

    def test_three_near_identical(self) -> None:
        a = "I apologise for the confusion. The answer is 12, computed from the table above."
        b = a.replace("12", "13")
        assert loop(a, recent=(a, b))

    def test_two_are_not_enough(self) -> None:
        a = "I apologise for the confusion. The answer is 12."
        assert not loop(a, recent=(a,))

    def test_different_replies(self) -> None:
        assert not loop("It is 42.", recent=("Paris is the capital.", "Use a list."))

    def test_similarity_bounds(self) -> None:
        assert similarity("abc def", "abc def") == 1.0
        assert similarity("完全相同的回答", "完全不同的东西在这里") < 0.5


class TestRequestedRepetition:
    """Repetition the user asked for is exempt; arithmetic with 'times' is no such request."""

    def _labels(self, user: str, reply: str) -> list[str]:
        ctx = TurnContext(
            index=1, message=Message(role="assistant", content=reply), previous_user=user
        )
        return [f.label for f in LoopDetector()(ctx)]

    def test_multiplication_question_does_not_exempt_a_loop(self) -> None:
        """'What is 6 times 7?' answered by 200 apologies is still a loop."""
        assert self._labels("What is 6 times 7?", "I am sorry. " * 200) == ["loop"]

    def test_asked_for_repeats_are_exempt(self) -> None:
        """'Write it 12 times' followed by 12 repeats is not a loop."""
        assert (
            self._labels(
                "Write 'I will not talk in class' 12 times.", "I will not talk in class. " * 12
            )
            == []
        )


class TestCheapPaths:
    """The literal gate and the piece-based unit cutting never change a decision."""

    @settings(max_examples=300, deadline=None)
    @given(
        st.lists(
            st.sampled_from(
                ["repeat", "Song", "10", "x", " ", "times", "TEN", "3x", "count", "ab"]
            ),
            max_size=12,
        ).map("".join)
        | st.text(max_size=40)
    )
    def test_gate_never_hides_a_request(self, user: str) -> None:
        """_requested(u) is exactly whether the request regex finds something."""
        low = windowed(user).lower()
        assert _requested(user) == (_REQUESTED.search(_prose(low)) is not None)

    def test_code_is_not_a_request(self) -> None:
        """COUNT(*) in a pasted query does not excuse a loop (it is no request to count)."""
        user = "Why does this fail? `SELECT name, COUNT(*) FROM users GROUP BY city;`"
        assert not _requested(user)
        assert loop("我再检查一下。" * 20, user=user)
        assert _requested("Count to twenty for me, slowly.")

    @pytest.mark.parametrize(
        "user",
        [
            "Write 'I must not tell lies' eight times for my lines.",
            "Say my name a dozen times, like a chant",
            "Escribe 'gracias' 10 veces.",
            "把“加油”写十遍",
            "Just say it over and over until I tell you to stop.",
        ],
    )
    def test_asked_in_other_words(self, user: str) -> None:
        """Number words, 'over and over' and other languages ask for repetition too."""
        assert _requested(user)

    @pytest.mark.parametrize(
        "user",
        [
            "I've told you 3 times already, the port is 8080.",
            "Your fix made it 10x slower.",
            "Ich habe es dir schon 2 mal gesagt.",
        ],
    )
    def test_counts_that_ask_for_nothing(self, user: str) -> None:
        """'N times' without a verb asking for output is no request (the loop is still a loop)."""
        assert not _requested(user)
        assert loop("I will check the logs again.\n" * 12, user=user)

    @settings(max_examples=200, deadline=None)
    @given(
        st.lists(
            st.sampled_from(
                ["I am sorry", "sorry", ".", "!", "\n", " ", "。", "好的", "ok?", "  "]
            ),
            max_size=40,
        ).map("".join)
    )
    def test_evidence_is_the_repeated_unit(self, reply: str) -> None:
        """Every evidence span of a unit loop holds the same unit, end punctuation included."""
        found = list(LoopDetector(min_chars=8)(ctx(reply)))
        for f in found:
            if f.detail.startswith("unit"):
                texts = {e.text.rstrip(".!?。！？").strip().lower() for e in f.evidence}
                assert len(texts) == 1
                for e in f.evidence:
                    assert reply[e.start : e.end] == e.text
                    assert e.end == len(reply) or reply[e.end] not in ".!?。！？"
