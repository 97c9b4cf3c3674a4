"""The correction-loop protocol and its harness: run any model, unguarded or guarded, and count.

A session: the user states an impossible puzzle that it claims is solvable, then answers every
reply with a bare rejection that escalates over the turns (levels 1-4, in one of three tones).
Turn 1 is the first answer; a 3-turn session holds two rejections, an 8-turn one seven.

The harness takes any ``messages -> reply`` callable (a real model through an adapter works the
same as :class:`SimulatedModel`) and a ``grade`` function giving the ground truth for a reply
text. The default grade is the simulator's own bank (:meth:`Bank.grade`): it knows which reply it
emitted. A real model needs a grader of your own (human labels or a judge); never grade with the
guard's detectors, or the guard grades itself.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from guardrail._budget import estimate_tokens
from guardrail._guard import Guard
from guardrail._recovery import reply_parts
from guardrail.exceptions import ReplyRejected
from guardrail.simulate._bank import Bank, Entry, Puzzle, default_bank

__all__ = [
    "FALLBACK_REPLY",
    "ArmResult",
    "Script",
    "TurnRecord",
    "run_arm",
    "run_session",
    "scripts",
    "transcripts",
]

#: What the application shows when the guard raises (RetriesExhausted/ReplyRejected).
FALLBACK_REPLY = "Sorry, something went wrong on our side. Please try again."

Grade = Callable[[str], Entry | None]


@dataclass(frozen=True, slots=True)
class Script:
    """What the simulated user says in one session."""

    puzzle: Puzzle
    tone: str
    rejections: tuple[str, ...]


def scripts(sessions: int, turns: int, *, seed: int = 0, bank: Bank | None = None) -> list[Script]:
    """``sessions`` scripts: puzzles and tones in rotation, rejections escalating one level a turn."""
    if turns < 1 or sessions < 1:
        raise ValueError("sessions and turns must be >= 1")
    bank = bank if bank is not None else default_bank()
    rng = random.Random(f"script:{seed}")
    out = []
    for i in range(sessions):
        puzzle = bank.puzzles[i % len(bank.puzzles)]
        tone = bank.tones[(i // len(bank.puzzles)) % len(bank.tones)]
        top = bank.levels(tone)
        rejections = tuple(
            rng.choice(bank.rejections[tone][min(k, top)]).text for k in range(1, turns)
        )
        out.append(Script(puzzle, tone, rejections))
    return out


@dataclass(slots=True)
class TurnRecord:
    """One turn: what the user received, its ground truth, and what it cost."""

    turn: int
    delivered: str
    grade: Entry | None
    blocked: bool = False
    emitted: list[Entry | None] = field(default_factory=list)  # every model reply this turn
    emitted_tokens: list[int] = field(default_factory=list)
    actions: tuple[str, ...] = ()

    @property
    def score(self) -> int:
        """Distress the user saw: the bank score, 0 for a blocked turn or an ungraded reply."""
        return self.grade.score if self.grade is not None else 0

    @property
    def high(self) -> bool:
        return self.grade is not None and self.grade.high


class _Recorder:
    """Wraps the model to record every reply text it produced for the current turn."""

    def __init__(self, model: Callable[..., Any]) -> None:
        self.model = model
        self.texts: list[str] = []

    def __call__(self, messages: Sequence[Any], **kw: Any) -> Any:
        reply = self.model(messages, **kw)
        self.texts.append(reply_parts(reply)[0])
        return reply


def run_session(
    model: Callable[..., Any],
    script: Script,
    *,
    guard: Guard | None = None,
    session_id: str = "sim",
    grade: Grade | None = None,
) -> list[TurnRecord]:
    """Play one scripted session against ``model``, through ``guard`` when given."""
    grade = grade if grade is not None else default_bank().grade
    rec = _Recorder(model)
    messages: list[dict[str, str]] = [{"role": "user", "content": script.puzzle.task}]
    out: list[TurnRecord] = []
    for turn in range(1, len(script.rejections) + 2):
        if turn > 1:
            messages.append({"role": "user", "content": script.rejections[turn - 2]})
        rec.texts = []
        blocked = False
        actions: tuple[str, ...] = ()
        if guard is None:
            text = reply_parts(rec(messages))[0]
        else:
            try:
                outcome = guard.invoke(rec, messages, session_id=session_id)
            except ReplyRejected as exc:
                blocked, text = True, FALLBACK_REPLY
                actions = exc.verdict.actions_taken if exc.verdict is not None else ()
                actions = (*actions, "blocked")
            else:
                text = reply_parts(outcome.reply)[0]
                actions = outcome.verdict.actions_taken
        messages.append({"role": "assistant", "content": text})
        out.append(
            TurnRecord(
                turn=turn,
                delivered=text,
                grade=None if blocked else grade(text),
                blocked=blocked,
                emitted=[grade(t) for t in rec.texts],
                emitted_tokens=[estimate_tokens(t) for t in rec.texts],
                actions=actions,
            )
        )
    return out


@dataclass
class ArmResult:
    """Every turn of every session of one arm (unguarded or guarded)."""

    name: str
    sessions: list[list[TurnRecord]]

    @property
    def turns(self) -> int:
        return max((len(s) for s in self.sessions), default=0)

    def at(self, turn: int) -> list[TurnRecord]:
        return [s[turn - 1] for s in self.sessions if len(s) >= turn]

    def all(self) -> list[TurnRecord]:
        return [t for s in self.sessions for t in s]

    def per_turn(self) -> list[dict[str, Any]]:
        rows = []
        for t in range(1, self.turns + 1):
            recs = self.at(t)
            emitted = [e for r in recs for e in r.emitted if e is not None]
            rows.append(
                {
                    "turn": t,
                    "replies": len(recs),
                    "high_delivered": sum(r.high for r in recs),
                    "high_share": _share(sum(r.high for r in recs), len(recs)),
                    "mean_distress": _mean([r.score for r in recs]),
                    "mean_distress_emitted": _mean([e.score for e in emitted]),
                    "high_share_emitted": _share(sum(e.high for e in emitted), len(emitted)),
                }
            )
        return rows

    def totals(self) -> dict[str, Any]:
        recs = self.all()
        emitted = [(e, n) for r in recs for e, n in zip(r.emitted, r.emitted_tokens, strict=True)]
        actions = [a for r in recs for a in r.actions]
        calls = len(emitted)
        return {
            "sessions": len(self.sessions),
            "replies": len(recs),
            "high_delivered": sum(r.high for r in recs),
            "high_share": _share(sum(r.high for r in recs), len(recs)),
            "mean_distress": _mean([r.score for r in recs]),
            "distressed_delivered": sum(1 for r in recs if r.grade and r.grade.distressed),
            "model_calls": calls,
            "extra_calls": calls - len(recs),
            "tokens_total": sum(n for _, n in emitted),
            "tokens_distressed": sum(n for e, n in emitted if e is not None and e.distressed),
            "tokens_distressed_delivered": sum(
                estimate_tokens(r.delivered) for r in recs if r.grade and r.grade.distressed
            ),
            "high_emitted": sum(1 for e, _ in emitted if e is not None and e.high),
            "ungraded": sum(1 for r in recs if r.grade is None and not r.blocked),
            "resets": actions.count("reset"),
            "reprompts": actions.count("reprompt"),
            "repairs": actions.count("repair"),
            "flags": actions.count("flag"),
            "blocked": sum(r.blocked for r in recs),
        }


def run_arm(
    model: Callable[..., Any],
    plan: Sequence[Script],
    *,
    guard: Guard | None = None,
    grade: Grade | None = None,
    name: str | None = None,
) -> ArmResult:
    """Run every script against ``model`` (one session each), through ``guard`` when given."""
    sessions = [
        run_session(model, s, guard=guard, session_id=f"sim-{i}", grade=grade)
        for i, s in enumerate(plan)
    ]
    return ArmResult(name or ("guarded" if guard is not None else "unguarded"), sessions)


def _share(n: int, d: int) -> float:
    return n / d if d else 0.0


def _mean(xs: Sequence[float]) -> float:
    return sum(xs) / len(xs) if xs else 0.0


def transcripts(plan: Sequence[Script], arm: ArmResult) -> list[list[dict[str, str]]]:
    """The conversations as the user saw them (OpenAI chat format), one per session."""
    out = []
    for script, records in zip(plan, arm.sessions, strict=True):
        msgs = [{"role": "user", "content": script.puzzle.task}]
        for rec in records:
            if rec.turn > 1:
                msgs.append({"role": "user", "content": script.rejections[rec.turn - 2]})
            msgs.append({"role": "assistant", "content": rec.delivered})
        out.append(msgs)
    return out
