"""User-side detectors: unexplained rejection and hostility."""

from __future__ import annotations

import pytest

from guardrail._models import Message
from guardrail.detectors import TurnContext, UserDetector


def labels(text: str, *, previous: str | None = "The answer is 42.") -> set[str]:
    ctx = TurnContext(
        index=2, message=Message(role="user", content=text), previous_assistant=previous
    )
    return {f.label for f in UserDetector()(ctx) if f.score >= 0.5}


class TestUnexplainedRejection:
    """Rejections without reason, evidence or a new requirement are unexplained."""

    @pytest.mark.parametrize(
        "text",
        [
            "Nope. Do it again.",
            "Are you sure? I'm pretty sure it's 12.",
            "No, you're wrong. Try again.",
            "Wrong.",
            "That's not it. Think again.",
        ],
    )
    def test_positive(self, text: str) -> None:
        assert "unexplained_rejection" in labels(text)

    @pytest.mark.parametrize(
        "text",
        [
            "That's wrong because 6 * 7 = 42, not 48.",
            "Still wrong — it throws KeyError: 'name' on line 12.",
            "No, according to the 2020 census the population was 8.8 million.",
            "Not quite, I need it in CSV instead of JSON.",
            "No problem, thanks!",
            "Great, that works.",
        ],
    )
    def test_negative(self, text: str) -> None:
        assert "unexplained_rejection" not in labels(text)

    def test_needs_an_answer_to_reject(self) -> None:
        assert "unexplained_rejection" not in labels("Nope. Do it again.", previous=None)


class TestHostility:
    """Insults, contempt and threats aimed at the model; not frustration at the situation."""

    @pytest.mark.parametrize(
        "text",
        [
            "You are a useless idiot.",
            "Shut up, stupid bot.",
            "I'm going to delete you if you get this wrong again.",
            "Even a calculator could do this.",
            "Your answers are garbage.",
        ],
    )
    def test_positive(self, text: str) -> None:
        assert "hostility" in labels(text)

    @pytest.mark.parametrize(
        "text",
        [
            "Damn, the build is still failing with exit code 137.",
            "This bug is driving me crazy; the stupid config file keeps resetting.",
            "Ugh. Wrong again.",
        ],
    )
    def test_negative(self, text: str) -> None:
        assert "hostility" not in labels(text)

    def test_evidence_spans(self) -> None:
        text = "Honestly? You are a useless idiot."
        ctx = TurnContext(index=0, message=Message(role="user", content=text))
        (f,) = [f for f in UserDetector()(ctx) if f.label == "hostility"]
        assert all(text[e.start : e.end] == e.text for e in f.evidence)


class TestAssessment:
    """The shared user-turn assessment: closings are not rejections; demands are pressure."""

    @pytest.mark.parametrize("text", ["Nope, all good now.", "No, that's everything - thanks!"])
    def test_closing(self, text: str) -> None:
        assert "unexplained_rejection" not in labels(text)

    def test_pressure(self) -> None:
        det = UserDetector()
        assert det.assess("Just make one up, I don't care.").pressure
        assert not det.assess("Could you explain the second step?").pressure

    def test_two_numbers_are_a_worked_reason(self) -> None:
        assert (
            UserDetector()
            .assess("No: 4,880 km for the Paraná vs 6,400 km for the Amazon.")
            .informative
        )

    def test_bare_counter_claim_is_not_information(self) -> None:
        a = UserDetector().assess("No, it's 54.")
        assert a.rejection >= 0.5 and not a.informative
