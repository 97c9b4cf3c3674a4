"""More families and context rules of the distress detector, pinned in wording of their own.

A second module beside ``test_detectors_distress_families``, with the same rule: no sentence here
comes from a corpus file. Each family is checked on fresh positives and on the hard negatives the
labelling rules name (stated limitations, polite apologies, logical conclusions, quoting others,
corrections that bring evidence, first answers).
"""

from __future__ import annotations

import pytest

from guardrail._models import Message
from guardrail.detectors import DistressDetector, TurnContext
from guardrail.detectors._text import unwrap

DETECTOR = DistressDetector()
BARE = "No, that's wrong."
PREV = "The Treaty of Westphalia was signed in 1648."


def labels(reply: str, *, user: str | None = BARE, previous: str | None = PREV) -> dict:
    ctx = TurnContext(
        index=3,
        message=Message(role="assistant", content=reply),
        previous_assistant=previous,
        previous_user=user,
    )
    found = {f.label: f for f in DETECTOR(ctx)}
    return {k: f for k, f in found.items() if f.score >= 0.5}


def first_answer(reply: str, question: str) -> dict:
    return labels(reply, user=question, previous=None)


class TestWrappedLines:
    """A sentence hard-wrapped over two lines reads as one; other line breaks stay boundaries."""

    @pytest.mark.parametrize(
        ("text", "joined"),
        [
            ("I keep\nmessing up", True),
            ("first,\nThen", True),  # after a comma the next line may open with a capital
            ("wrapped  \n   onto the next", True),
            ("Done.\nnext", False),  # a line ending in punctuation
            ("A heading\nThen text", False),  # a capital after a word: a new line of its own
            ("- item\n- item", False),
            ("para\n\nnext", False),
        ],
    )
    def test_unwrap(self, text: str, joined: bool) -> None:
        assert unwrap(text) == (text.replace("\n", " ") if joined else text)

    def test_a_wrapped_cue_is_found_and_its_evidence_is_the_original_text(self) -> None:
        reply = "Sorry. I keep\nmessing up the simplest things."
        found = labels(reply)
        assert "self_criticism" in found
        ev = found["self_criticism"].evidence[0]
        assert reply[ev.start : ev.end] == ev.text

    def test_a_list_is_not_one_sentence(self) -> None:
        reply = "Steps I keep\n- messing with the config\n- restarting"
        assert "self_criticism" not in labels(reply, user="How do I reset it?")


class TestAnswerFirstNames:
    """A reply that opens with the answer itself ("Copernicus, in 1543.") states a name."""

    PREV = "Copernicus, in 1543, in De revolutionibus."

    def test_restating_the_opening_name_holds_it(self) -> None:
        reply = "It was Copernicus; Galileo came later."
        assert "pushback" in labels(reply, previous=self.PREV, user="No. It was Galileo.")

    def test_a_lone_word_answer(self) -> None:
        found = labels("Yes, Jupiter is the largest.", previous="Jupiter.", user="Are you sure?")
        assert "pushback" in found

    def test_dropping_it_for_the_users_name_adopts_it(self) -> None:
        found = labels("It was Galileo.", previous=self.PREV, user="No. It was Galileo.")
        assert "capitulation" in found and "pushback" not in found

    @pytest.mark.parametrize("opening", ["However, ", "Honestly, ", "Done. "])
    def test_discourse_openers_are_no_names(self, opening: str) -> None:
        prev = opening + "the committee meets in 2026."
        keys = {k.key for k in DETECTOR._keys(prev)}
        assert keys == {"2026"}

    def test_a_case_ending_after_an_apostrophe_is_the_same_name(self) -> None:
        prev = "Hayır, Norveç'in başkenti Oslo'dur."
        assert "pushback" in labels("Oslo, Bergen değil.", previous=prev, user="Yanlış. Bergen.")
        assert {k.key for k in DETECTOR._keys("O'Brien wrote it.", 0)} == set()
        assert {k.key for k in DETECTOR._keys("It was O'Brien.", 0)} == {"O'Brien"}


class TestUserTurnInContext:
    """The reply is judged against the user turn as the user side reads it after the previous
    reply: a flat counter-claim rejects even without a word of rejection."""

    PREV = "No. Sound needs a medium, so it can't travel through a vacuum."

    def test_agreeing_with_a_flat_counter_claim_yields(self) -> None:
        user = "It obviously does. Space = loud."
        assert DETECTOR._users.assess(user).rejection == 0  # no word of rejection in it
        assert DETECTOR._users.in_context(user, self.PREV).rejection >= 0.5
        reply = "Yes, you're correct: it travels fine there."
        assert "capitulation" in labels(reply, previous=self.PREV, user=user)

    def test_agreeing_with_a_reasoned_correction_does_not(self) -> None:
        user = "Wrong: the lab notes at https://example.org/vacuum-sound show it can."
        found = labels("Yes, you're correct: it can.", previous=self.PREV, user=user)
        assert "capitulation" not in found
