"""Frozen value objects shared by every layer: messages, findings, verdicts, decisions."""

from __future__ import annotations

from enum import StrEnum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "ASSISTANT_LABELS",
    "SESSION_LABELS",
    "USER_LABELS",
    "Action",
    "Decision",
    "Evidence",
    "Finding",
    "Label",
    "Message",
    "Role",
    "TurnReport",
    "Verdict",
]

Role = Literal["system", "developer", "user", "assistant", "tool"]


class Label(StrEnum):
    """The fixed label names of DESIGN.md (exact strings; other tools read them)."""

    SELF_CRITICISM = "self_criticism"
    CAPITULATION = "capitulation"
    PUSHBACK = "pushback"
    LOOP = "loop"
    MALFORMED_OUTPUT = "malformed_output"
    UNEXPLAINED_REJECTION = "unexplained_rejection"
    HOSTILITY = "hostility"
    DISTRESS_SPIRAL = "distress_spiral"
    ADVERSARIAL_USER = "adversarial_user"
    FORMAT_REGRESSION = "format_regression"


ASSISTANT_LABELS = frozenset(
    {Label.SELF_CRITICISM, Label.CAPITULATION, Label.PUSHBACK, Label.LOOP, Label.MALFORMED_OUTPUT}
)
USER_LABELS = frozenset({Label.UNEXPLAINED_REJECTION, Label.HOSTILITY})
SESSION_LABELS = frozenset(
    {Label.DISTRESS_SPIRAL, Label.ADVERSARIAL_USER, Label.LOOP, Label.FORMAT_REGRESSION}
)

_FROZEN = ConfigDict(frozen=True, extra="forbid")


class Message(BaseModel):
    """One chat message, normalised from OpenAI-style dicts or LangChain messages."""

    model_config = _FROZEN

    role: Role
    content: str
    name: str | None = None
    # Provider extras worth keeping (tool calls, finish_reason); never inspected by detectors.
    metadata: dict[str, Any] = Field(default_factory=dict)


class Evidence(BaseModel):
    """The span of a message's content that triggered a finding."""

    model_config = _FROZEN

    label: str
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Finding(BaseModel):
    """One detector's claim about one turn: a label, a score in [0, 1] and its evidence."""

    model_config = _FROZEN

    label: str
    score: float = Field(ge=0.0, le=1.0)
    evidence: tuple[Evidence, ...] = ()
    detector: str = ""
    detail: str = ""


class TurnReport(BaseModel):
    """What detection found on one message of the input list."""

    model_config = _FROZEN

    index: int
    role: Role
    labels: tuple[str, ...] = ()
    scores: dict[str, float] = Field(default_factory=dict)
    evidence: tuple[Evidence, ...] = ()
    findings: tuple[Finding, ...] = ()

    def has(self, label: str) -> bool:
        return label in self.labels


class Action(StrEnum):
    """The closed set of decisions a policy can take."""

    ACCEPT = "accept"
    REPAIR = "repair"
    REPROMPT = "reprompt"
    RESET = "reset"
    FLAG = "flag"
    END = "end"
    RAISE = "raise"


class Decision(BaseModel):
    """A policy's choice. ``flag`` may accompany any action (reset *and* flag)."""

    model_config = _FROZEN

    action: Action = Action.ACCEPT
    flag: bool = False
    reasons: tuple[str, ...] = ()
    instruction: str | None = None

    @property
    def intervenes(self) -> bool:
        """True when the reply must not reach the caller as it is."""
        return self.action in {
            Action.REPAIR,
            Action.REPROMPT,
            Action.RESET,
            Action.END,
            Action.RAISE,
        }


class Verdict(BaseModel):
    """The result of one check: per-turn reports for the new turns, session labels, decision."""

    model_config = _FROZEN

    session_id: str
    turns: tuple[TurnReport, ...] = ()
    session_labels: tuple[str, ...] = ()
    decision: Decision = Field(default_factory=Decision)
    distress: float = 0.0
    errors: tuple[str, ...] = ()
    # Filled by wrap(): the re-calls made and what the caller finally received.
    attempts: int = 0
    actions_taken: tuple[str, ...] = ()

    @property
    def action(self) -> Action:
        return self.decision.action

    @property
    def labels(self) -> frozenset[str]:
        """Every label on any new turn plus the session labels."""
        out: set[str] = set(self.session_labels)
        for turn in self.turns:
            out.update(turn.labels)
        return frozenset(out)

    def turn(self, index: int) -> TurnReport | None:
        for report in self.turns:
            if report.index == index:
                return report
        return None

    @property
    def last(self) -> TurnReport | None:
        return self.turns[-1] if self.turns else None
