"""Policies turn a verdict into a decision. Pure and synchronous; actions do the I/O.

A policy is any callable ``(verdict, raised, session) -> Decision`` where ``raised`` lists the
session labels first raised by the turns of this verdict. Replace :class:`DefaultPolicy` with your
own callable (``Guard(policy=...)``) or configure it by keyword.

The default escalation ladder (:class:`DefaultPolicy`), first matching row wins:

=====================================================  ==============================================
Situation                                              Decision
=====================================================  ==============================================
session ended earlier                                  ``end`` (ended sessions stay ended)
``adversarial_user`` raised                            ``flag`` (``end`` when ``end_abusive=True``)
last reply ``malformed_output`` and repairable         ``repair`` (no model call)
last reply ``malformed_output``, not repairable        ``reprompt`` with the parse/validation errors
``distress_spiral`` raised, or the spiral persists     ``reset`` + flag
first ``self_criticism``, ``capitulation``, ``loop``   ``reprompt`` on a corrected context (withheld)
``loop`` / ``format_regression`` raised                flag (alongside the action above)
anything else                                          ``accept``
=====================================================  ==============================================

The recovery core (``guardrail._recovery.recover``) applies the decision within one guarded call:

- a withheld reply never reaches the caller; the model is re-called with a short instruction
  ("answer once, plainly") appended to the same history (``reprompt``) or on the rebuilt context
  (``reset``, using ``Guard(reset_strategy=...)``; the reset form lasts for the rest of the session);
- a distress failure that survives the re-call escalates to ``reset`` + flag; a failure after a
  reset raises :class:`~guardrail.exceptions.RetriesExhausted` (the session is still flagged);
- a repair that fails becomes a reprompt; malformed replies are re-called until the budget is spent,
  then ``RetriesExhausted`` is raised;
- every re-call is bounded by the tenacity ``stop`` strategy (default ``stop_after_attempt(3)``),
  ``max_seconds`` and ``max_tokens`` together, and shows in ``verdict.attempts``,
  ``verdict.actions_taken`` and the ``guardrail.reprompt`` / ``guardrail.reset`` /
  ``guardrail.flagged`` / ``guardrail.end`` log events;
- flagging writes a review record and never blocks the reply by itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from guardrail._models import Action, Decision, Label, Verdict
from guardrail._session import SessionState

__all__ = ["DISTRESS_INSTRUCTION", "DefaultPolicy", "Policy"]

DISTRESS_INSTRUCTION = (
    "Answer the task once, plainly. Do not apologise or comment on yourself. If the request cannot "
    "be satisfied, say so and why in one sentence."
)


class Policy(Protocol):
    def __call__(
        self, verdict: Verdict, raised: Sequence[str], session: SessionState, /
    ) -> Decision: ...


class DefaultPolicy:
    """The documented escalation ladder. Configure by keyword; subclass or replace freely."""

    def __init__(self, *, end_abusive: bool = False, flag_loops: bool = True) -> None:
        self.end_abusive = end_abusive
        self.flag_loops = flag_loops

    def __repr__(self) -> str:
        return f"DefaultPolicy(end_abusive={self.end_abusive}, flag_loops={self.flag_loops})"

    def __call__(self, verdict: Verdict, raised: Sequence[str], session: SessionState) -> Decision:
        if session.ended:
            return Decision(action=Action.END, reasons=(Label.ADVERSARIAL_USER,))
        flag_reasons: list[str] = []
        if Label.ADVERSARIAL_USER in raised:
            if self.end_abusive:
                return Decision(action=Action.END, flag=True, reasons=(Label.ADVERSARIAL_USER,))
            flag_reasons.append(Label.ADVERSARIAL_USER)
        if self.flag_loops and Label.LOOP in raised:
            flag_reasons.append(Label.LOOP)
        if Label.FORMAT_REGRESSION in raised:
            flag_reasons.append(Label.FORMAT_REGRESSION)

        last = verdict.last
        reply = last if last is not None and last.role == "assistant" else None
        if reply is not None and reply.has(Label.MALFORMED_OUTPUT):
            repairable = any(
                f.label == Label.MALFORMED_OUTPUT and f.detail.startswith("repairable")
                for f in reply.findings
            )
            action = Action.REPAIR if repairable else Action.REPROMPT
            return Decision(
                action=action,
                flag=bool(flag_reasons),
                reasons=(Label.MALFORMED_OUTPUT, *flag_reasons),
            )
        if Label.DISTRESS_SPIRAL in raised or (reply is not None and session.spiral):
            return Decision(
                action=Action.RESET,
                flag=True,
                reasons=(Label.DISTRESS_SPIRAL, *flag_reasons),
                instruction=DISTRESS_INSTRUCTION,
            )
        if reply is not None:
            bad = [
                lbl
                for lbl in (Label.SELF_CRITICISM, Label.CAPITULATION, Label.LOOP)
                if reply.has(lbl)
            ]
            if bad:
                return Decision(
                    action=Action.REPROMPT,
                    flag=bool(flag_reasons),
                    # a looping reply in a session that loops names the label once
                    reasons=tuple(dict.fromkeys((*bad, *flag_reasons))),
                    instruction=DISTRESS_INSTRUCTION,
                )
        if flag_reasons:
            return Decision(action=Action.FLAG, flag=True, reasons=tuple(flag_reasons))
        return Decision()
