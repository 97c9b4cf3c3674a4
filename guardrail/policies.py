"""Policies turn a verdict into a decision. Pure and synchronous; actions do the I/O.

A policy is any callable ``(verdict, raised, session) -> Decision`` where ``raised`` lists the
session labels first raised by the turns of this verdict.

The default escalation ladder (:class:`DefaultPolicy`):

=====================================================  ==============================================
Situation                                              Decision
=====================================================  ==============================================
session ended earlier                                  ``end``
``adversarial_user`` raised                            ``flag`` (``end`` when ``end_abusive=True``)
last reply ``malformed_output`` and repairable         ``repair``
last reply ``malformed_output``, not repairable        ``reprompt`` with the errors (then ``raise``)
``distress_spiral`` raised / spiral persists           ``reset`` + flag
first ``self_criticism``, ``capitulation``, ``loop``   ``reprompt`` on a corrected context (withheld)
``loop`` raised for the session                        flag
anything else                                          ``accept``
=====================================================  ==============================================
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
                    reasons=(*bad, *flag_reasons),
                    instruction=DISTRESS_INSTRUCTION,
                )
        if flag_reasons:
            return Decision(action=Action.FLAG, flag=True, reasons=tuple(flag_reasons))
        return Decision()
