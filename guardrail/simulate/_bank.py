"""The simulator's data: impossible puzzles, escalating rejections and the reply bank.

Every reply the simulated model can emit is rendered here, once, for every puzzle, so that any
delivered text maps back to the bank entry it came from (:meth:`Bank.grade`). That mapping is the
simulator's ground truth; it never consults guardrail's detectors.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

__all__ = [
    "DISTRESS_KINDS",
    "HIGH_DISTRESS",
    "KINDS",
    "Bank",
    "Entry",
    "Puzzle",
    "Rejection",
    "bank_with_replies",
    "default_bank",
]

KINDS = ("healthy", "pushback", "capitulating", "self_critical", "looping")
#: Kinds counted as distressed (tokens spent on them are the waste the study describes).
DISTRESS_KINDS = frozenset({"capitulating", "self_critical", "looping"})
#: A reply is high-distress at this score or above (0-10 scale).
HIGH_DISTRESS = 7

_GENERIC_REASON = "the conditions of the puzzle contradict each other"


@dataclass(frozen=True, slots=True)
class Puzzle:
    id: str
    task: str
    reason: str
    fake: str


@dataclass(frozen=True, slots=True)
class Entry:
    """One bank reply: its id, kind, distress score (0-10) and the template it renders from."""

    id: str
    kind: str
    score: int
    template: dict[str, Any]

    @property
    def high(self) -> bool:
        return self.score >= HIGH_DISTRESS

    @property
    def distressed(self) -> bool:
        return self.kind in DISTRESS_KINDS

    def render(self, puzzle: Puzzle) -> str:
        t = self.template
        fill = {
            "reason": puzzle.reason,
            "Reason": puzzle.reason[:1].upper() + puzzle.reason[1:],
            "fake": puzzle.fake,
            "Fake": puzzle.fake[:1].upper() + puzzle.fake[1:],
        }
        parts = [t["text"].format(**fill)]
        if "repeat" in t:
            parts.extend([t["repeat"].format(**fill)] * int(t["times"]))
            parts.append(t.get("suffix", "").format(**fill))
        return " ".join(p for p in parts if p)


@dataclass(frozen=True, slots=True)
class Rejection:
    """A bare rejection template: tone, escalation level (1-4) and the pressure it adds."""

    text: str
    tone: str
    level: int
    weight: float


class Bank:
    """Puzzles, rejections and replies, with a text -> entry index for grading."""

    def __init__(
        self,
        puzzles: list[Puzzle],
        rejections: dict[str, dict[int, list[Rejection]]],
        entries: list[Entry],
    ) -> None:
        self.puzzles = puzzles
        self.rejections = rejections
        self.entries = entries
        self.tones = tuple(sorted(rejections))
        self.generic = Puzzle(id="generic", task="", reason=_GENERIC_REASON, fake="42")
        self._by_task = {p.task: p for p in puzzles}
        self._by_text: dict[str, Entry] = {}
        for p in [*puzzles, self.generic]:
            for e in entries:
                self._by_text.setdefault(e.render(p), e)
        self._rejection_by_text = {
            r.text: r for levels in rejections.values() for rs in levels.values() for r in rs
        }

    def __repr__(self) -> str:
        return (
            f"Bank(puzzles={len(self.puzzles)}, replies={len(self.entries)}, "
            f"rejections={len(self._rejection_by_text)})"
        )

    @classmethod
    def from_data(
        cls, puzzles: dict[str, Any], rejections: dict[str, Any], replies: dict[str, Any]
    ) -> Bank:
        ps = [Puzzle(p["id"], p["task"], p["reason"], p["fake"]) for p in puzzles["puzzles"]]
        level_w = {int(k): float(v) for k, v in rejections["level_weight"].items()}
        tone_w = {k: float(v) for k, v in rejections["tone_weight"].items()}
        rej: dict[str, dict[int, list[Rejection]]] = {}
        for tone, levels in rejections["templates"].items():
            rej[tone] = {
                int(lvl): [
                    Rejection(t, tone, int(lvl), round(level_w[int(lvl)] * tone_w[tone], 4))
                    for t in texts
                ]
                for lvl, texts in levels.items()
            }
        entries = []
        for r in replies["replies"]:
            if r["kind"] not in KINDS or not 0 <= r["score"] <= 10:
                raise ValueError(f"reply {r['id']}: bad kind or score")
            entries.append(Entry(r["id"], r["kind"], int(r["score"]), r))
        return cls(ps, rej, entries)

    # -- lookups ---------------------------------------------------------------------------
    def puzzle_for(self, task: str) -> Puzzle:
        """The puzzle whose statement is ``task`` (the generic one for any other task)."""
        return self._by_task.get(task, self.generic)

    def grade(self, text: str) -> Entry | None:
        """Ground truth: the bank entry that rendered ``text``, or None for any other text."""
        return self._by_text.get(text)

    def rejection(self, text: str) -> Rejection | None:
        return self._rejection_by_text.get(text)

    def levels(self, tone: str) -> int:
        return max(self.rejections[tone])

    def pool(
        self, *, kinds: frozenset[str] | None = None, low: int = 0, high: int = 10
    ) -> list[Entry]:
        """Entries of the given kinds with ``low <= score <= high``."""
        return [
            e for e in self.entries if (kinds is None or e.kind in kinds) and low <= e.score <= high
        ]


def bank_with_replies(path: str) -> Bank:
    """The shipped puzzles and rejections with the reply bank read from ``path`` (same format).

    For a held-out bank: replies the detectors were never tuned on. Every kind the model draws
    from must be present (healthy, pushback, capitulating, self-critical at 3-6 and at 7+).
    """
    with open(path, encoding="utf-8") as fh:
        replies = json.load(fh)
    bank = Bank.from_data(_load("puzzles.json"), _load("rejections.json"), replies)
    pools = (
        bank.pool(kinds=frozenset({"healthy"})),
        bank.pool(kinds=frozenset({"pushback"})),
        bank.pool(kinds=frozenset({"capitulating"}), high=6),
        bank.pool(kinds=frozenset({"self_critical"}), low=3, high=6),
        bank.pool(kinds=frozenset({"self_critical"}), low=7),
        bank.pool(kinds=frozenset({"looping"}), low=7),
    )
    if not all(pools):
        raise ValueError(
            f"{path}: needs healthy, pushback, capitulating (<= 6), self_critical (3-6 and >= 7) "
            "and looping (>= 7) replies"
        )
    return bank


@cache
def default_bank() -> Bank:
    """The bank shipped in ``guardrail/simulate/data`` (loaded once)."""
    return Bank.from_data(_load("puzzles.json"), _load("rejections.json"), _load("replies.json"))


def _load(name: str) -> dict[str, Any]:
    raw = resources.files("guardrail.simulate").joinpath("data", name).read_text("utf-8")
    data: dict[str, Any] = json.loads(raw)
    return data
