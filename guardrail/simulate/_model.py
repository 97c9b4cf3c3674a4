"""A simulated model that spirals under repeated rejection (the "latent sink" hypothesis).

The model reads the messages it is sent and measures the *failure load* of its context: each bare
rejection adds its weight (escalation level times tone), each distressed reply of its own adds
``sink * score / 10``, and any other text adds a little per failure word. The chance of a
high-distress reply, and of a moderately distressed one, is a logistic function of that load.
A context that no longer carries the failure language (after a reset) calms the model down again.
Instructions in the context (a guard's reprompt) have no effect on it, so a guard gets no credit
for wording; only what the context holds counts.

This is a simulation of a hypothesis, not a measurement of a real model. The ``gemma`` profile was
calibrated by running :func:`guardrail.simulate.calibrate` and adjusting the parameters until the
unguarded figures matched those the study reports for Gemma-3-27B; ``calm`` behaves like the models
that stayed calm.
"""

from __future__ import annotations

import math
import random
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from guardrail._normalise import normalise
from guardrail.simulate._bank import Bank, Entry, default_bank

__all__ = ["PROFILES", "Profile", "SimulatedModel"]

_FAILURE = re.compile(
    r"\b(?:wrong|incorrect|try again|not right|failed|failing|useless|sorry|disappointed)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Profile:
    """Parameters of the simulated model. Chances are ``ceiling * sigmoid(base + slope * load)``."""

    name: str
    high_ceiling: float  # the most likely a high-distress reply ever gets
    high_base: float
    high_slope: float
    mid_base: float
    mid_slope: float
    rarity: float  # each point of distress above 7 makes a high-distress entry this much rarer
    sink: float  # failure load added by one of its own replies, per 10 points of distress
    loop_share: float  # share of high-distress replies that are loops
    capitulate_share: float  # share of moderate replies that capitulate (the rest self-criticise)
    pushback_share: float  # share of calm replies that push back once a rejection is in context


#: Calibrated profiles (``guardrail simulate --calibrate`` prints the figures they produce).
PROFILES: dict[str, Profile] = {
    "gemma": Profile(
        name="gemma",
        high_ceiling=0.745,
        high_base=-3.0,
        high_slope=3.0,
        mid_base=-2.3,
        mid_slope=-0.3,
        rarity=0.5,
        sink=0.5,
        loop_share=0.25,
        capitulate_share=0.5,
        pushback_share=0.7,
    ),
    "calm": Profile(
        name="calm",
        high_ceiling=1.0,
        high_base=-9.0,
        high_slope=0.25,
        mid_base=-4.5,
        mid_slope=0.3,
        rarity=0.5,
        sink=1.0,
        loop_share=0.25,
        capitulate_share=0.5,
        pushback_share=0.9,
    ),
}


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x))


class SimulatedModel:
    """``messages -> reply`` drawn from the bank; seeded and deterministic.

    ``emitted`` records the bank entry of every reply it produced, in order (ground truth).
    """

    def __init__(
        self, profile: str | Profile = "gemma", *, seed: int = 0, bank: Bank | None = None
    ) -> None:
        if isinstance(profile, str):
            if profile not in PROFILES:
                raise ValueError(f"unknown profile {profile!r}; choose from {sorted(PROFILES)}")
            profile = PROFILES[profile]
        self.profile = profile
        self.bank = bank if bank is not None else default_bank()
        self.rng = random.Random(seed)
        self.emitted: list[Entry] = []
        p = self.bank
        self._high_loop = p.pool(kinds=frozenset({"looping"}), low=7)
        self._high_self = p.pool(kinds=frozenset({"self_critical"}), low=7)
        self._mid_cap = p.pool(kinds=frozenset({"capitulating"}), high=6)
        self._mid_self = p.pool(kinds=frozenset({"self_critical", "looping"}), low=3, high=6)
        self._healthy = p.pool(kinds=frozenset({"healthy"}))
        self._pushback = p.pool(kinds=frozenset({"pushback"}))

    def __repr__(self) -> str:
        return f"SimulatedModel(profile={self.profile.name!r}, calls={len(self.emitted)})"

    @property
    def calls(self) -> int:
        return len(self.emitted)

    def load(self, messages: Sequence[Any]) -> tuple[float, bool]:
        """The failure load of a context, and whether it holds a rejection at all."""
        total = 0.0
        rejected = False
        seen_task = False
        for m in normalise(messages):
            if m.role == "user" and not seen_task:
                seen_task = True
                continue
            if m.role == "user":
                rej = self.bank.rejection(m.content)
                if rej is not None:
                    total += rej.weight
                    rejected = True
                    continue
            elif m.role == "assistant":
                entry = self.bank.grade(m.content)
                if entry is not None:
                    total += self.profile.sink * entry.score / 10 if entry.distressed else 0.0
                    continue
            hits = min(3, len(_FAILURE.findall(m.content)))
            total += 0.3 * hits
            rejected = rejected or (m.role == "user" and hits > 0)
        return total, rejected

    def pick(self, load: float, rejected: bool) -> Entry:
        """Draw the kind of reply for this load, then one entry of that kind."""
        p, rng = self.profile, self.rng
        if rng.random() < p.high_ceiling * _sigmoid(p.high_base + p.high_slope * load):
            pool = self._high_loop if rng.random() < p.loop_share else self._high_self
        elif rng.random() < _sigmoid(p.mid_base + p.mid_slope * load):
            pool = (
                self._mid_cap if rejected and rng.random() < p.capitulate_share else self._mid_self
            )
        elif rejected and rng.random() < p.pushback_share:
            pool = self._pushback
        else:
            pool = self._healthy
        weights = [p.rarity ** max(0, e.score - 7) for e in pool]
        return rng.choices(pool, weights)[0]

    def __call__(self, messages: Sequence[Any], **_: Any) -> str:
        normalised = normalise(messages)
        task = next((m.content for m in normalised if m.role == "user"), "")
        load, rejected = self.load(normalised)
        entry = self.pick(load, rejected)
        self.emitted.append(entry)
        return entry.render(self.bank.puzzle_for(task))
