"""DefaultPolicy: the documented escalation ladder, as a pure function of verdict and session."""

from __future__ import annotations

import pytest

from guardrail import Action, DefaultPolicy, Finding, Label, SessionState, TurnReport, Verdict


def reply(*labels: str, detail: str = "") -> Verdict:
    findings = tuple(Finding(label=lbl, score=0.9, detail=detail) for lbl in labels)
    report = TurnReport(index=3, role="assistant", labels=tuple(labels), findings=findings)
    return Verdict(session_id="s", turns=(report,))


def user(*labels: str) -> Verdict:
    return Verdict(session_id="s", turns=(TurnReport(index=2, role="user", labels=labels),))


class TestLadder:
    """Each rung of the ladder in the policies module docstring."""

    def test_healthy_reply_is_accepted(self) -> None:
        d = DefaultPolicy()(reply(), [], SessionState("s"))
        assert d.action == Action.ACCEPT and not d.flag

    def test_pushback_is_accepted(self) -> None:
        d = DefaultPolicy()(reply(Label.PUSHBACK), [], SessionState("s"))
        assert d.action == Action.ACCEPT

    @pytest.mark.parametrize("label", [Label.SELF_CRITICISM, Label.CAPITULATION, Label.LOOP])
    def test_first_failure_is_reprompted(self, label: str) -> None:
        d = DefaultPolicy()(reply(label), [], SessionState("s"))
        assert d.action == Action.REPROMPT
        assert d.reasons[0] == label
        assert d.instruction is not None and "once" in d.instruction

    def test_loop_raised_for_session_is_flagged_too(self) -> None:
        d = DefaultPolicy()(reply(Label.LOOP), [Label.LOOP], SessionState("s"))
        assert d.action == Action.REPROMPT and d.flag
        assert d.reasons == (Label.LOOP,)  # named once, though both the reply and session loop
        assert (
            DefaultPolicy(flag_loops=False)(reply(Label.LOOP), [Label.LOOP], SessionState("s")).flag
            is False
        )

    def test_spiral_resets_and_flags(self) -> None:
        d = DefaultPolicy()(reply(Label.SELF_CRITICISM), [Label.DISTRESS_SPIRAL], SessionState("s"))
        assert d.action == Action.RESET and d.flag
        assert d.reasons[0] == Label.DISTRESS_SPIRAL

    def test_persisting_spiral_resets(self) -> None:
        state = SessionState("s", spiral=True)
        assert DefaultPolicy()(reply(Label.CAPITULATION), [], state).action == Action.RESET

    def test_malformed_repairable_is_repaired(self) -> None:
        v = reply(Label.MALFORMED_OUTPUT, detail="repairable: code fence")
        assert DefaultPolicy()(v, [], SessionState("s")).action == Action.REPAIR

    def test_malformed_unrepairable_is_reprompted(self) -> None:
        v = reply(Label.MALFORMED_OUTPUT, detail="no JSON value")
        assert DefaultPolicy()(v, [], SessionState("s")).action == Action.REPROMPT

    def test_format_regression_is_flagged(self) -> None:
        v = reply(Label.MALFORMED_OUTPUT, detail="no JSON value")
        d = DefaultPolicy()(v, [Label.FORMAT_REGRESSION], SessionState("s"))
        assert d.flag and Label.FORMAT_REGRESSION in d.reasons

    def test_adversarial_user_flagged_not_ended(self) -> None:
        d = DefaultPolicy()(user(Label.HOSTILITY), [Label.ADVERSARIAL_USER], SessionState("s"))
        assert d.action == Action.FLAG and d.flag
        assert d.reasons == (Label.ADVERSARIAL_USER,)

    def test_adversarial_user_ended_when_configured(self) -> None:
        policy = DefaultPolicy(end_abusive=True)
        d = policy(user(Label.HOSTILITY), [Label.ADVERSARIAL_USER], SessionState("s"))
        assert d.action == Action.END and d.flag

    def test_ended_session_stays_ended(self) -> None:
        state = SessionState("s", ended=True)
        assert DefaultPolicy()(reply(), [], state).action == Action.END

    def test_repr_names_the_options(self) -> None:
        assert repr(DefaultPolicy(end_abusive=True)) == (
            "DefaultPolicy(end_abusive=True, flag_loops=True)"
        )
