"""Built-in detectors. A detector is any callable ``(TurnContext) -> Iterable[Finding]``."""

from __future__ import annotations

from typing import Any

from guardrail.detectors._base import Detector, TurnContext, evidence, load_table
from guardrail.detectors.distress import DistressDetector
from guardrail.detectors.judge import JudgeDetector
from guardrail.detectors.loops import LoopDetector
from guardrail.detectors.session import SessionRules
from guardrail.detectors.structured import StructuredDetector
from guardrail.detectors.users import UserDetector

__all__ = [
    "Detector",
    "DistressDetector",
    "JudgeDetector",
    "LoopDetector",
    "SessionRules",
    "StructuredDetector",
    "TurnContext",
    "UserDetector",
    "default_detectors",
    "evidence",
    "load_table",
]


def default_detectors() -> list[Any]:
    """The built-in detector set: pure, compiled once, no model calls."""
    users = UserDetector()  # shared: the capitulation check re-reads the user turn it answers
    return [DistressDetector(users=users), LoopDetector(), users, StructuredDetector()]
