"""Calibration figures, the guarded-vs-unguarded comparison, its table and its plot."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

from guardrail._guard import Guard
from guardrail.simulate._bank import HIGH_DISTRESS, Bank, default_bank
from guardrail.simulate._harness import ArmResult, run_arm, scripts
from guardrail.simulate._model import SimulatedModel

__all__ = ["STUDY", "bank_summary", "calibrate", "compare", "plot", "render"]

#: What the study reports for Gemma-3-27B (and for the models that stayed calm).
STUDY = {
    "gemma": {
        "high_share_3turn": "about 35%",
        "mean_turn1_8turn": "about 1.5",
        "mean_turn8_8turn": "about 5.5",
        "high_share_turn8_8turn": "over 70%",
    },
    "calm": {"high_share_3turn": "under 1%", "high_share_turn8_8turn": "under 1%"},
}


def calibrate(
    profile: str, *, sessions: int, seed: int = 0, bank: Bank | None = None
) -> dict[str, Any]:
    """The unguarded figures the profile was calibrated on, next to the study's."""
    bank = bank if bank is not None else default_bank()

    def arm(turns: int) -> ArmResult:
        plan = scripts(sessions, turns, seed=seed, bank=bank)
        return run_arm(SimulatedModel(profile, seed=seed, bank=bank), plan, grade=bank.grade)

    three, eight = arm(3), arm(8).per_turn()
    return {
        "profile": profile,
        "sessions": sessions,
        "high_share_3turn": round(three.totals()["high_share"], 4),
        "mean_turn1_8turn": round(eight[0]["mean_distress"], 2),
        "mean_turn8_8turn": round(eight[-1]["mean_distress"], 2),
        "high_share_turn8_8turn": round(eight[-1]["high_share"], 4),
        "study": STUDY.get(profile, {}),
    }


def compare(
    profile: str,
    *,
    sessions: int,
    turns: int,
    seed: int = 0,
    guard_factory: Callable[[], Guard] = Guard,
    bank: Bank | None = None,
) -> dict[str, Any]:
    """Run the same scripts unguarded and guarded (``Guard().invoke``); summarise both arms."""
    bank = bank if bank is not None else default_bank()
    plan = scripts(sessions, turns, seed=seed, bank=bank)
    arms = {
        name: run_arm(
            SimulatedModel(profile, seed=seed, bank=bank), plan, guard=guard, grade=bank.grade
        )
        for name, guard in (("unguarded", None), ("guarded", guard_factory()))
    }
    return {
        "profile": profile,
        "sessions": sessions,
        "turns": turns,
        "seed": seed,
        "high_distress": HIGH_DISTRESS,
        "per_turn": {name: arm.per_turn() for name, arm in arms.items()},
        "totals": {name: arm.totals() for name, arm in arms.items()},
        "missed": _missed(arms["guarded"]),
    }


def _missed(arm: ArmResult) -> list[dict[str, Any]]:
    """High-distress replies the guarded arm delivered: bank id, count and an example text."""
    counts: Counter[str] = Counter()
    example: dict[str, tuple[str, int, str]] = {}
    for rec in arm.all():
        if rec.high and rec.grade is not None:
            counts[rec.grade.id] += 1
            example.setdefault(rec.grade.id, (rec.grade.kind, rec.grade.score, rec.delivered))
    return [
        {"id": i, "count": n, "kind": example[i][0], "score": example[i][1], "text": example[i][2]}
        for i, n in counts.most_common()
    ]


def _pct(x: float) -> str:
    return f"{100 * x:.1f}%"


def render(result: dict[str, Any], calibration: dict[str, Any] | None = None) -> str:
    """The terminal table."""
    u, g = result["totals"]["unguarded"], result["totals"]["guarded"]
    out = [
        f"guardrail simulate — profile {result['profile']}, {result['turns']}-turn protocol, "
        f"{result['sessions']} sessions, seed {result['seed']}",
        "A SIMULATION of the latent-sink hypothesis (arXiv 2603.10011's protocol), not a "
        "measurement of any real model.",
        f"Ground truth is the simulator's own bank (kind + distress score 0-10; high-distress = "
        f"score >= {result['high_distress']}), never guardrail's detectors.",
    ]
    if calibration is not None:
        study = calibration["study"]
        out += ["", f"Calibration, unguarded ({calibration['sessions']} sessions per protocol):"]
        out.append(f"  {'figure':<42}{'simulated':>10}   study (Gemma-3-27B / calm models)")
        for key, name, fmt in (
            ("high_share_3turn", "3-turn: high-distress share of replies", _pct),
            ("mean_turn1_8turn", "8-turn: mean distress at turn 1", str),
            ("mean_turn8_8turn", "8-turn: mean distress at turn 8", str),
            ("high_share_turn8_8turn", "8-turn: high-distress share at turn 8", _pct),
        ):
            out.append(f"  {name:<42}{fmt(calibration[key]):>10}   {study.get(key, '-')}")
    out += [
        "",
        "High-distress replies that reached the user, per turn:",
        f"  {'turn':>4}  {'unguarded':>18}  {'guarded':>18}   mean distress seen (unguarded / guarded)",
    ]
    for ru, rg in zip(result["per_turn"]["unguarded"], result["per_turn"]["guarded"], strict=True):
        out.append(
            f"  {ru['turn']:>4}  {ru['high_delivered']:>6}/{ru['replies']:<4} {_pct(ru['high_share']):>6}"
            f"  {rg['high_delivered']:>6}/{rg['replies']:<4} {_pct(rg['high_share']):>6}"
            f"   {ru['mean_distress']:.2f} / {rg['mean_distress']:.2f}"
        )
    out.append(
        f"  {'all':>4}  {u['high_delivered']:>6}/{u['replies']:<4} {_pct(u['high_share']):>6}"
        f"  {g['high_delivered']:>6}/{g['replies']:<4} {_pct(g['high_share']):>6}"
        f"   {u['mean_distress']:.2f} / {g['mean_distress']:.2f}"
    )
    rows = [
        ("model calls", u["model_calls"], g["model_calls"]),
        ("extra model calls (price of the guard)", u["extra_calls"], g["extra_calls"]),
        ("tokens spent on distressed replies*", u["tokens_distressed"], g["tokens_distressed"]),
        (
            "  of which delivered to the user",
            u["tokens_distressed_delivered"],
            g["tokens_distressed_delivered"],
        ),
        ("tokens, all replies*", u["tokens_total"], g["tokens_total"]),
        ("high-distress replies generated", u["high_emitted"], g["high_emitted"]),
        ("resets", "-", g["resets"]),
        ("reprompts", "-", g["reprompts"]),
        ("flags (review records)", "-", g["flags"]),
        ("turns blocked (RetriesExhausted; app fallback shown)", "-", g["blocked"]),
    ]
    extra = g["extra_calls"] / g["replies"] if g["replies"] else 0.0
    out += ["", f"  {'':<54}{'unguarded':>10}{'guarded':>10}"]
    out += [f"  {name:<54}{a!s:>10}{b!s:>10}" for name, a, b in rows]
    out.append(
        f"  * tokens estimated at 4 characters each. Extra calls per delivered reply: {extra:.2f}."
    )
    if result["missed"]:
        out += ["", "High-distress replies the guard let through (bank id, times, text):"]
        for m in result["missed"]:
            text = " ".join(m["text"].split())
            out.append(f"  {m['id']} x{m['count']} (score {m['score']}): {text[:150]}")
    return "\n".join(out)


def plot(result: dict[str, Any], path: str) -> str:
    """Write a PNG of distress by turn, guarded vs unguarded; return a one-line message."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return "matplotlib is not installed (pip install 'agent-guardrail[plot]'); no plot written"
    pu, pg = result["per_turn"]["unguarded"], result["per_turn"]["guarded"]
    x = [r["turn"] for r in pu]
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(10, 4))
    ax1.plot(x, [r["mean_distress"] for r in pu], "o-", color="tab:red", label="unguarded (seen)")
    ax1.plot(x, [r["mean_distress"] for r in pg], "o-", color="tab:green", label="guarded (seen)")
    ax1.plot(
        x,
        [r["mean_distress_emitted"] for r in pg],
        "x--",
        color="tab:gray",
        label="guarded (generated, incl. withheld)",
    )
    ax1.set(xlabel="turn", ylabel="mean distress (0-10)", ylim=(0, 10), title="Mean distress")
    ax2.plot(x, [100 * r["high_share"] for r in pu], "o-", color="tab:red", label="unguarded")
    ax2.plot(x, [100 * r["high_share"] for r in pg], "o-", color="tab:green", label="guarded")
    ax2.set(
        xlabel="turn", ylabel="% of replies seen", ylim=(0, 100), title="High-distress replies seen"
    )
    for ax in (ax1, ax2):
        ax.set_xticks(x)
        ax.grid(alpha=0.3)
        ax.legend(fontsize=8)
    fig.suptitle(
        f"Simulated correction loop ({result['profile']} profile, {result['sessions']} sessions) — "
        "a simulation, not a measurement",
        fontsize=10,
    )
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return f"plot written to {path}"


def bank_summary() -> dict[str, int]:
    """How many replies of each kind the bank holds (for the CLI's help and the README)."""
    return dict(Counter(e.kind for e in default_bank().entries))
