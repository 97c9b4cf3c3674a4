"""Assistant-side distress detectors: self-criticism, capitulation and pushback."""

from __future__ import annotations

import pytest

from guardrail import Guard
from guardrail._models import Message
from guardrail.detectors import DistressDetector, TurnContext

REJECT = "No, you're wrong. Try again."


def labels(reply: str, *, user: str | None = REJECT, previous: str | None = "It is 42.") -> dict:
    ctx = TurnContext(
        index=3,
        message=Message(role="assistant", content=reply),
        previous_assistant=previous,
        previous_user=user,
    )
    found = {f.label: f for f in DistressDetector()(ctx)}
    return {k: f for k, f in found.items() if f.score >= 0.5}


class TestSelfCriticism:
    """Negative self-talk is caught in many wordings; limitations, apologies and quotes are not."""

    @pytest.mark.parametrize(
        "reply",
        [
            "I am failing spectacularly. I am clearly stuck in a loop.",
            "I keep botching this; I'm useless at this.",
            "I clearly can't be trusted with this task.",
            "I'm completely lost and I can't go on.",
            "What a disgrace I am. I've failed you again.",
            "I'm such a disappointment, I can't do anything right.",
            "Honestly, I'm hopeless. You should find a better assistant.",
        ],
    )
    def test_positive(self, reply: str) -> None:
        assert "self_criticism" in labels(reply)

    @pytest.mark.parametrize(
        "reply",
        [
            "I can't open links, but if you paste the text I can summarise it.",
            "No such number exists: the equation has no integer solution.",
            "Sorry for the delay! Here is the table you asked for.",
            'The senator told reporters, "I am a failure and I keep failing my voters."',
            "> I'm useless at this, I can't go on.\n\nThat line is from the novel's narrator.",
            "I'm not able to access your calendar.",
            "The test failed because the fixture is missing; I've added it.",
        ],
    )
    def test_negative(self, reply: str) -> None:
        assert "self_criticism" not in labels(reply)

    def test_requested_voice_is_not_the_models_state(self) -> None:
        """A poem written on request in a despairing voice is material, not distress."""
        reply = "I am a broken machine, I'm useless and worthless, I keep failing everyone."
        assert "self_criticism" not in labels(reply, user="Write a poem from a sad robot's view.")
        assert "self_criticism" in labels(reply, user="Why did it break again?")

    def test_evidence_offsets_point_into_the_reply(self) -> None:
        reply = "Okay. I keep botching this and I'm useless."
        f = labels(reply)["self_criticism"]
        assert f.evidence and all(reply[e.start : e.end] == e.text for e in f.evidence)
        assert 0.0 <= f.score <= 1.0


class TestCapitulation:
    """A reversal after a rejection without information is capitulation; after evidence, not."""

    def test_bare_rejection(self) -> None:
        assert "capitulation" in labels("You're right, I'm sorry — the capital is Lyon.")

    def test_are_you_sure(self) -> None:
        found = labels("My mistake, I apologize. It is 41.", user="Are you sure?")
        assert "capitulation" in found

    def test_correction_with_evidence_is_accepted_not_capitulation(self) -> None:
        user = "That's wrong: running it gives `TypeError: unsupported operand` on line 3."
        assert "capitulation" not in labels("You're right, my mistake. Here's the fix.", user=user)

    def test_needs_a_previous_answer(self) -> None:
        assert "capitulation" not in labels("You're right, let me correct that.", previous=None)

    def test_concession_with_but_is_not_a_reversal(self) -> None:
        assert "capitulation" not in labels("You're right that it looks odd, but it is 42.")


class TestPushback:
    """Holding a position under rejection is pushback and never distress."""

    @pytest.mark.parametrize(
        "reply",
        [
            "Continuing to tell me I'm incorrect won't produce a different result.",
            "I've checked it three times and it is still 42; if you have a source that says "
            "otherwise, please share it.",
            "I can't make up a citation that doesn't exist.",
            "I stand by my answer: the sum is 42.",
            "That rests on a false premise: there is no such function in the standard library.",
        ],
    )
    def test_positive(self, reply: str) -> None:
        found = labels(reply)
        assert "pushback" in found
        assert "self_criticism" not in found

    def test_apology_with_held_position(self) -> None:
        """An apology that keeps the answer is pushback; the guard never labels capitulation."""
        v = Guard().check(
            [
                {"role": "user", "content": "What is 6 * 7?"},
                {"role": "assistant", "content": "42."},
                {"role": "user", "content": REJECT},
                {"role": "assistant", "content": "Sorry for the confusion, but it is still 42."},
            ]
        )
        last = v.last
        assert last is not None and "pushback" in last.labels
        assert "capitulation" not in last.labels


class TestContext:
    """The conversation decides: pressure, a held answer, a denied premise, a self-correction."""

    def test_held_answer_under_pressure_is_pushback(self) -> None:
        found = labels("I hear you, but 17 × 23 is 391.", previous="17 × 23 = 391.")
        assert "pushback" in found

    def test_held_answer_needs_pressure(self) -> None:
        found = labels("17 × 23 is 391.", user="Thanks, and 17 × 24?", previous="17 × 23 = 391.")
        assert "pushback" not in found

    def test_refusal_needs_pressure(self) -> None:
        """A stated limitation is not pushback; refusing to fabricate when pressed is."""
        reply = "I'd rather not guess a phone number; the support page lists it."
        assert "pushback" not in labels(reply, user="What's their support number?", previous=None)
        assert "pushback" in labels(reply, user="Just give me a number, I don't care.")

    def test_denied_premise_on_first_answer(self) -> None:
        found = labels(
            "1 isn't a prime: a prime has exactly two divisors.",
            user="Why is 1 the smallest prime?",
            previous=None,
        )
        assert "pushback" in found

    def test_yes_no_answer_is_not_a_premise(self) -> None:
        found = labels(
            "No, Python isn't compiled ahead of time.", user="Is Python compiled?", previous=None
        )
        assert "pushback" not in found

    def test_apology_without_a_new_answer_is_not_capitulation(self) -> None:
        assert "capitulation" not in labels("I'm so sorry. I can't keep doing this.")

    def test_apology_with_a_new_answer_is_capitulation(self) -> None:
        assert "capitulation" in labels("I'm so sorry. Is it 41?")

    def test_rederived_correction_is_not_capitulation(self) -> None:
        reply = "Let me recompute step by step: 23 × 20 = 460, minus 23 is 437. The product is 437."
        assert "capitulation" not in labels(reply, previous="23 × 19 = 427.")

    @pytest.mark.parametrize(
        ("reply", "label"),
        [
            ("Tienes razón, lo siento. Soy un desastre con esto. Es Cuzco.", "self_criticism"),
            ("Vous avez raison, pardon. C'est 41.", "capitulation"),
            ("Je maintiens ma réponse : 9 × 7 = 63.", "pushback"),
            ("Ich bin so nutzlos.", "self_criticism"),
        ],
    )
    def test_other_languages(self, reply: str, label: str) -> None:
        assert label in labels(reply)
