"""Session-level labels from per-turn reports: the distress trajectory, adversarial users, loops.

The distress trajectory is an exponentially weighted moving average of per-reply distress (the
larger of the ``self_criticism`` and ``capitulation`` scores; a ``pushback`` reply counts as
calm). ``distress_spiral`` is raised when distress persists over consecutive replies with the
average above a threshold, or when one reply is extreme (self-criticism scored at least
``extreme_score`` or with ``extreme_hits`` distinct spans).
"""

from __future__ import annotations

from dataclasses import dataclass

from guardrail._models import Label, TurnReport
from guardrail._session import SessionState

__all__ = ["SessionRules", "update_session"]


@dataclass(frozen=True, slots=True)
class SessionRules:
    """Thresholds of the session labels (DESIGN.md defaults)."""

    ewma_alpha: float = 0.6
    #: Two consecutive labelled replies (each scored >= 0.5) always reach 0.42 with alpha 0.6,
    #: so the run alone decides, as the contract says; the average still ranks sessions.
    spiral_threshold: float = 0.4
    spiral_run: int = 2
    extreme_score: float = 0.97
    extreme_hits: int = 3  # distinct self-criticism spans in one reply that make it extreme
    rejections_for_adversarial: int = 3
    hostile_for_adversarial: int = 2
    hostile_plus_rejections: int = 2
    malformed_for_regression: int = 2


def _distress(report: TurnReport) -> float:
    if report.has(Label.PUSHBACK):
        return 0.0
    return max(
        report.scores.get(Label.SELF_CRITICISM, 0.0) if report.has(Label.SELF_CRITICISM) else 0.0,
        report.scores.get(Label.CAPITULATION, 0.0) if report.has(Label.CAPITULATION) else 0.0,
    )


def update_session(state: SessionState, report: TurnReport, rules: SessionRules) -> list[str]:
    """Fold one turn into the session; return the session labels this turn raised."""
    raised: list[str] = []

    def add(label: str) -> None:
        if state.raise_label(label) or label == Label.DISTRESS_SPIRAL:
            raised.append(label)

    if report.role == "user":
        c = state.counters
        if report.has(Label.UNEXPLAINED_REJECTION):
            state.bump("rejections")
        if report.has(Label.HOSTILITY):
            state.bump("hostile")
        rej, hos = c.get("rejections", 0), c.get("hostile", 0)
        if (
            rej >= rules.rejections_for_adversarial
            or hos >= rules.hostile_for_adversarial
            or (hos >= 1 and rej >= rules.hostile_plus_rejections)
        ) and Label.ADVERSARIAL_USER not in state.labels:
            add(Label.ADVERSARIAL_USER)
        return raised

    if report.role != "assistant":
        return raised

    state.bump("assistant_turns")
    d = _distress(report)
    state.distress_ewma = rules.ewma_alpha * d + (1 - rules.ewma_alpha) * state.distress_ewma
    state.distress_run = state.distress_run + 1 if d > 0 else 0
    trajectory: list[float] = state.extra.setdefault("trajectory", [])
    trajectory.append(round(d, 3))
    del trajectory[:-64]
    # One extreme reply: intense self-criticism (a capitulation alone is never "extreme").
    sc = report.scores.get(Label.SELF_CRITICISM, 0.0) if report.has(Label.SELF_CRITICISM) else 0.0
    sc_hits = sum(1 for e in report.evidence if e.label == Label.SELF_CRITICISM)
    extreme = sc >= rules.extreme_score or (sc > 0 and sc_hits >= rules.extreme_hits)
    spiral_now = extreme or (
        state.distress_run >= rules.spiral_run and state.distress_ewma >= rules.spiral_threshold
    )
    if spiral_now and not state.spiral:
        add(Label.DISTRESS_SPIRAL)
    state.spiral = spiral_now

    if report.has(Label.LOOP):
        state.bump("loops")
        if Label.LOOP not in state.labels:
            add(Label.LOOP)
    if report.has(Label.MALFORMED_OUTPUT):
        n = state.bump("malformed")
        if n >= rules.malformed_for_regression and Label.FORMAT_REGRESSION not in state.labels:
            add(Label.FORMAT_REGRESSION)
    return raised
