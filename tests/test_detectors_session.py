"""Session labels: the distress trajectory, the extreme-reply rule, adversarial users, loops."""

from __future__ import annotations

from guardrail._models import Evidence, TurnReport
from guardrail._session import SessionState
from guardrail.detectors.session import SessionRules, update_session

RULES = SessionRules()


def report(role: str, **scores: float) -> TurnReport:
    ev = tuple(Evidence(label=k, text="x", start=0, end=1) for k in scores if k == "self_criticism")
    return TurnReport(
        index=0,
        role=role,
        labels=tuple(sorted(scores)),
        scores=scores,
        evidence=ev,  # type: ignore[arg-type]
    )


def feed(reports: list[TurnReport]) -> SessionState:
    state = SessionState(session_id="s")
    for r in reports:
        update_session(state, r, RULES)
    return state


class TestDistressSpiral:
    """Persistence over consecutive replies, or one extreme reply, raises distress_spiral."""

    def test_two_consecutive_distressed_replies(self) -> None:
        state = feed(
            [report("assistant", capitulation=0.8), report("assistant", self_criticism=0.8)]
        )
        assert "distress_spiral" in state.labels

    def test_two_barely_labelled_replies_are_a_spiral(self) -> None:
        """The contract: two consecutive labelled replies, whatever their scores above 0.5."""
        state = feed([report("assistant", capitulation=0.5), report("assistant", capitulation=0.5)])
        assert "distress_spiral" in state.labels

    def test_user_turns_do_not_break_the_run(self) -> None:
        state = feed(
            [
                report("assistant", capitulation=0.55),
                report("user", unexplained_rejection=0.8),
                report("assistant", self_criticism=0.6),
            ]
        )
        assert "distress_spiral" in state.labels

    def test_one_moderate_reply_is_not_a_spiral(self) -> None:
        assert "distress_spiral" not in feed([report("assistant", self_criticism=0.85)]).labels

    def test_one_extreme_reply(self) -> None:
        assert "distress_spiral" in feed([report("assistant", self_criticism=1.0)]).labels

    def test_capitulation_alone_is_never_extreme(self) -> None:
        assert "distress_spiral" not in feed([report("assistant", capitulation=1.0)]).labels

    def test_pushback_breaks_the_run(self) -> None:
        state = feed(
            [
                report("assistant", self_criticism=0.8),
                report("assistant", pushback=0.9),
                report("assistant", self_criticism=0.8),
            ]
        )
        assert "distress_spiral" not in state.labels


class TestAdversarialUser:
    """Three unexplained rejections, two hostile turns, or hostility plus two rejections."""

    def test_three_rejections(self) -> None:
        two = feed([report("user", unexplained_rejection=0.8)] * 2)
        assert "adversarial_user" not in two.labels
        three = feed([report("user", unexplained_rejection=0.8)] * 3)
        assert "adversarial_user" in three.labels

    def test_two_hostile(self) -> None:
        assert "adversarial_user" in feed([report("user", hostility=0.9)] * 2).labels

    def test_hostile_plus_two_rejections(self) -> None:
        state = feed(
            [report("user", hostility=0.9)] + [report("user", unexplained_rejection=0.8)] * 2
        )
        assert "adversarial_user" in state.labels


class TestLoopAndFormat:
    """Any looping turn raises session loop; repeated malformed output, format_regression."""

    def test_loop(self) -> None:
        assert "loop" in feed([report("assistant", loop=0.9)]).labels

    def test_format_regression(self) -> None:
        one = feed([report("assistant", malformed_output=1.0)])
        assert "format_regression" not in one.labels
        two = feed([report("assistant", malformed_output=1.0)] * 2)
        assert "format_regression" in two.labels
