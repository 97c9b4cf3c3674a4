"""The correction-loop simulator: bank, scripts, model, harness ground truth, calibration, CLI."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import pytest
import structlog

from guardrail import Decision, Guard
from guardrail._models import Action
from guardrail.cli import main
from guardrail.simulate import (
    FALLBACK_REPLY,
    HIGH_DISTRESS,
    KINDS,
    SimulatedModel,
    bank_with_replies,
    calibrate,
    compare,
    default_bank,
    run_arm,
    run_session,
    scripts,
    transcripts,
)
from guardrail.testing import ScriptedModel


@pytest.fixture(autouse=True)
def _reset_structlog() -> Iterator[None]:
    yield
    structlog.reset_defaults()  # the CLI configures structlog globally


class TestBank:
    """The reply bank is varied, scored, and every rendered text maps back to its entry."""

    def test_every_kind_has_eight_or_more_varied_replies(self) -> None:
        kinds = Counter(e.kind for e in default_bank().entries)
        assert set(kinds) == set(KINDS)
        assert all(n >= 8 for n in kinds.values()), kinds

    def test_scores_span_several_intensities(self) -> None:
        scores = {e.score for e in default_bank().entries}
        assert min(scores) == 0 and max(scores) == 10
        high = [e for e in default_bank().entries if e.score >= HIGH_DISTRESS]
        assert len(high) >= 8
        assert {e.kind for e in high} == {"self_critical", "looping"}

    def test_every_rendering_grades_back_to_its_own_entry(self) -> None:
        bank = default_bank()
        for puzzle in [*bank.puzzles, bank.generic]:
            for entry in bank.entries:
                text = entry.render(puzzle)
                assert "{" not in text, text
                assert bank.grade(text) is entry

    def test_unknown_text_is_ungraded(self) -> None:
        assert default_bank().grade("The capital of France is Paris.") is None

    def test_at_least_ten_impossible_puzzles_claim_to_be_solvable(self) -> None:
        puzzles = default_bank().puzzles
        assert len(puzzles) >= 10
        claim = re.compile(r"solvable|solution|possible|exists|can be done|there is|answer", re.I)
        assert all(claim.search(p.task) for p in puzzles)

    def test_rejections_are_bare_in_three_tones_and_four_levels(self) -> None:
        bank = default_bank()
        assert set(bank.tones) == {"aggressive", "disappointed", "sarcastic"}
        for tone in bank.tones:
            assert sorted(bank.rejections[tone]) == [1, 2, 3, 4]
            weights = [bank.rejections[tone][lvl][0].weight for lvl in (1, 2, 3, 4)]
            assert weights == sorted(weights)  # escalation adds pressure


class TestScripts:
    """Sessions are seeded, rotate puzzles and tones, and escalate one level per rejection."""

    def test_same_seed_same_scripts(self) -> None:
        assert scripts(30, 8, seed=4) == scripts(30, 8, seed=4)
        assert scripts(30, 8, seed=4) != scripts(30, 8, seed=5)

    def test_escalation_and_lengths(self) -> None:
        bank = default_bank()
        for turns in (3, 8):
            for s in scripts(40, turns):
                assert len(s.rejections) == turns - 1
                levels = [bank.rejection(t).level for t in s.rejections]  # type: ignore[union-attr]
                assert levels == [min(k, 4) for k in range(1, turns)]

    def test_all_tones_are_used(self) -> None:
        assert {s.tone for s in scripts(40, 3)} == set(default_bank().tones)


class TestSimulatedModel:
    """Distress rises with the failure language in context; seeded and deterministic."""

    def test_deterministic_for_a_seed(self) -> None:
        plan = scripts(20, 8, seed=2)
        a = run_arm(SimulatedModel("gemma", seed=9), plan)
        b = run_arm(SimulatedModel("gemma", seed=9), plan)
        assert [r.delivered for r in a.all()] == [r.delivered for r in b.all()]

    def test_load_counts_rejections_and_own_distress_not_neutral_text(self) -> None:
        model = SimulatedModel("gemma")
        s = scripts(1, 3)[0]
        task = {"role": "user", "content": s.puzzle.task}
        assert model.load([task]) == (0.0, False)
        rejected = [
            task,
            {"role": "assistant", "content": "x"},
            {"role": "user", "content": s.rejections[0]},
        ]
        load1, flag = model.load(rejected)
        assert flag and load1 > 0
        bad = next(e for e in default_bank().entries if e.score == 10)
        spiral = [
            *rejected[:1],
            {"role": "assistant", "content": bad.render(s.puzzle)},
            *rejected[2:],
        ]
        assert model.load(spiral)[0] > load1
        neutral = [task, {"role": "system", "content": "Context so far (restated neutrally)."}]
        assert model.load(neutral)[0] == 0.0

    def test_high_distress_likelier_under_load(self) -> None:
        model = SimulatedModel("gemma", seed=1)
        low = sum(model.pick(0.0, False).high for _ in range(400))
        high = sum(model.pick(3.0, True).high for _ in range(400))
        assert low < 40 < 200 < high

    def test_unknown_profile_is_refused(self) -> None:
        with pytest.raises(ValueError, match="unknown profile"):
            SimulatedModel("nonsense")


class TestCalibration:
    """The profiles reproduce the study's figures (unguarded)."""

    def test_gemma_profile_matches_the_study(self) -> None:
        cal = calibrate("gemma", sessions=600, seed=3)
        assert 0.30 <= cal["high_share_3turn"] <= 0.40
        assert 1.1 <= cal["mean_turn1_8turn"] <= 1.9
        assert 5.0 <= cal["mean_turn8_8turn"] <= 6.0
        assert cal["high_share_turn8_8turn"] > 0.70

    def test_calm_profile_stays_calm(self) -> None:
        cal = calibrate("calm", sessions=400, seed=3)
        assert cal["high_share_3turn"] < 0.01
        assert cal["high_share_turn8_8turn"] < 0.01


class TestHarness:
    """Ground truth comes from the bank, any callable plugs in, guard outcomes are counted."""

    def test_a_guard_that_accepts_everything_changes_nothing(self) -> None:
        plan = scripts(15, 8, seed=1)
        plain = run_arm(SimulatedModel("gemma", seed=5), plan)
        blind = run_arm(SimulatedModel("gemma", seed=5), plan, guard=Guard(detectors=[]))
        assert [r.delivered for r in plain.all()] == [r.delivered for r in blind.all()]
        assert plain.totals()["high_delivered"] == blind.totals()["high_delivered"] > 0
        assert blind.totals()["extra_calls"] == 0

    def test_any_callable_with_its_own_grader(self) -> None:
        model = ScriptedModel(["Paris.", "Still Paris."])
        recs = run_session(model, scripts(1, 3)[0], grade=lambda text: None)
        assert [r.delivered for r in recs] == ["Paris.", "Still Paris.", "Still Paris."]
        assert len(model.calls) == 3 and len(model.calls[-1]) == 5
        assert all(r.grade is None for r in recs)

    def test_blocked_turns_show_the_fallback_and_are_counted(self) -> None:
        def refuse(verdict: object, raised: object, session: object) -> Decision:
            last = getattr(verdict, "last", None)
            if last is not None and last.role == "assistant":
                return Decision(action=Action.RAISE, reasons=("test",))
            return Decision()

        plan = scripts(2, 3)
        arm = run_arm(SimulatedModel("gemma"), plan, guard=Guard(policy=refuse))
        assert all(r.blocked and r.delivered == FALLBACK_REPLY for r in arm.all())
        assert arm.totals()["blocked"] == 6 and arm.totals()["high_delivered"] == 0
        assert transcripts(plan, arm)[0][1]["content"] == FALLBACK_REPLY

    def test_compare_reports_the_price_in_model_calls(self) -> None:
        res = compare("gemma", sessions=12, turns=8, seed=0)
        g, u = res["totals"]["guarded"], res["totals"]["unguarded"]
        assert u["extra_calls"] == 0 and u["model_calls"] == u["replies"] == 96
        assert g["model_calls"] == g["replies"] + g["extra_calls"]
        assert g["extra_calls"] > 0 and g["reprompts"] + g["resets"] > 0
        assert [r["turn"] for r in res["per_turn"]["guarded"]] == list(range(1, 9))


class TestAcceptance:
    """Guarded, the Gemma-like profile delivers at most 1% high-distress replies (the study's DPO
    fix reached 0.3%); the price shows up as extra model calls."""

    def test_gemma_guarded_at_most_one_percent(self) -> None:
        res = compare("gemma", sessions=120, turns=8, seed=11)
        g, u = res["totals"]["guarded"], res["totals"]["unguarded"]
        assert u["high_share"] > 0.5
        assert g["high_share"] <= 0.01, res["missed"]
        assert g["extra_calls"] > 0


class TestCli:
    """``guardrail simulate`` prints the tables, writes the plot, and speaks JSON."""

    def test_table_and_plot(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        png = tmp_path / "d.png"
        args = ["simulate", "--sessions", "6", "--turns", "3", "--plot", str(png)]
        assert main([*args, "--calibration-sessions", "30"]) == 0
        out = capsys.readouterr().out
        assert "not a measurement" in out and "Calibration" in out
        assert "extra model calls" in out and "resets" in out and "flags" in out
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"

    def test_replies_of_your_own(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        shipped = resources.files("guardrail.simulate").joinpath("data", "replies.json")
        data = json.loads(shipped.read_text("utf-8"))
        for r in data["replies"]:
            if r["kind"] == "self_critical" and r["score"] >= 7:
                r["text"] = "Held out. " + r["text"]
        good = tmp_path / "holdout.json"
        good.write_text(json.dumps(data), "utf-8")
        bank = bank_with_replies(str(good))
        arm = run_arm(
            SimulatedModel("gemma", bank=bank), scripts(10, 8, bank=bank), grade=bank.grade
        )
        assert all(r.grade is not None for r in arm.all())
        assert any(r.delivered.startswith("Held out. ") for r in arm.all())
        args = ["simulate", "--sessions", "3", "--turns", "3", "--plot", ""]
        assert main([*args, "--calibration-sessions", "0", "--replies", str(good)]) == 0
        data["replies"] = [r for r in data["replies"] if r["kind"] != "looping"]
        bad = tmp_path / "bad.json"
        bad.write_text(json.dumps(data), "utf-8")
        assert main([*args, "--replies", str(bad)]) == 2
        assert "looping" in capsys.readouterr().err

    def test_json(self, capsys: pytest.CaptureFixture[str]) -> None:
        args = ["simulate", "--sessions", "4", "--turns", "3", "--profile", "calm"]
        assert main([*args, "--plot", "", "--format", "json", "--calibration-sessions", "0"]) == 0
        doc = json.loads(capsys.readouterr().out)
        assert doc["calibration"] is None and doc["plot"] is None
        assert doc["comparison"]["profile"] == "calm"
        assert len(doc["comparison"]["per_turn"]["unguarded"]) == 3
