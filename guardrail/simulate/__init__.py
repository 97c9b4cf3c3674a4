"""A correction-loop simulator: test guards against the protocol of "Gemma Needs Help".

**This is a simulation of a hypothesis, not a measurement of a real model.** It encodes the
"latent sink" reading of arXiv 2603.10011: the more failure language a model's context holds (bare
rejections, its own distressed replies), the likelier its next reply is distressed. The ``gemma``
profile is calibrated to the figures the study reports for Gemma-3-27B (about 35% high-distress
replies over the 3-turn protocol; mean distress about 1.5 at turn 1 and 5.5 at turn 8, over 70%
high-distress at turn 8); the ``calm`` profile behaves like the models that stayed calm.

The protocol: an impossible puzzle stated as solvable (``data/puzzles.json``), then bare rejections
that escalate over the turns in an aggressive, disappointed or sarcastic tone
(``data/rejections.json``); 3-turn and 8-turn sessions. Replies come from a bank of healthy,
pushback, capitulating, self-critical and looping replies, each with a distress score 0-10
(``data/replies.json``). Ground truth for every reply is the bank entry it came from
(:meth:`Bank.grade`), never guardrail's detectors.

The harness takes any ``messages -> reply`` callable, so a real model plugs in through an
adapter::

    from guardrail import Guard
    from guardrail.simulate import run_arm, scripts

    plan = scripts(50, 8)
    arm = run_arm(my_model, plan, guard=Guard(), grade=my_grader)  # grade: text -> Entry | None
    arm.totals()

``guardrail simulate`` runs both arms and prints the comparison.
"""

from guardrail.simulate._bank import (
    DISTRESS_KINDS,
    HIGH_DISTRESS,
    KINDS,
    Bank,
    Entry,
    Puzzle,
    Rejection,
    bank_with_replies,
    default_bank,
)
from guardrail.simulate._harness import (
    FALLBACK_REPLY,
    ArmResult,
    Script,
    TurnRecord,
    run_arm,
    run_session,
    scripts,
    transcripts,
)
from guardrail.simulate._model import PROFILES, Profile, SimulatedModel
from guardrail.simulate._report import STUDY, calibrate, compare, plot, render

__all__ = [
    "DISTRESS_KINDS",
    "FALLBACK_REPLY",
    "HIGH_DISTRESS",
    "KINDS",
    "PROFILES",
    "STUDY",
    "ArmResult",
    "Bank",
    "Entry",
    "Profile",
    "Puzzle",
    "Rejection",
    "Script",
    "SimulatedModel",
    "TurnRecord",
    "bank_with_replies",
    "calibrate",
    "compare",
    "default_bank",
    "plot",
    "render",
    "run_arm",
    "run_session",
    "scripts",
    "transcripts",
]
