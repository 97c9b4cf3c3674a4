"""Smoke tests of the benchmark harness (tiny sizes; no timing assertions)."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import structlog

from guardrail.cli import main
from guardrail.cli._bench import find_benchmarks

BENCH = Path(__file__).resolve().parents[1] / "benchmarks"
sys.path.insert(0, str(BENCH))

import _timing  # noqa: E402
import bench_overhead  # noqa: E402
import bench_reference  # noqa: E402


@pytest.fixture(autouse=True)
def _reset_structlog() -> Iterator[None]:
    yield
    structlog.reset_defaults()  # the CLI configures structlog globally


class TestTiming:
    """Inputs are exact-size and distinct; statistics are the median and nearest-rank p99."""

    def test_prose_has_the_exact_size_and_replies_differ(self) -> None:
        for size in _timing.SIZES.values():
            texts = _timing.replies(size, 5)
            assert all(len(t) == size == len(t.encode()) for t in texts)
            assert len(set(texts)) == 5

    def test_stats(self) -> None:
        ns = [1000 * k for k in range(1, 101)]  # 1..100 µs
        st = _timing.stats(ns, [2000] * 100)
        assert st["median_us"] == 50.5 and st["p99_us"] == 99.0 and st["n"] == 100
        assert st["cpu_median_us"] == 2.0

    def test_sample_discards_warmup_and_runs_setup_outside(self) -> None:
        seen: list[int] = []
        wall, cpu = _timing.sample(seen.append, n=3, warmup=2, setup=lambda i: i * 10)
        assert seen == [0, 10, 20, 30, 40] and len(wall) == len(cpu) == 3


class TestHarnessPieces:
    """Each measurement runs on tiny sizes and reports what it measured."""

    def test_guardrail_costs(self) -> None:
        assert bench_overhead.check_cost(100, n=3, warmup=1)["n"] == 3
        assert bench_overhead.wrapped_cost(1024, n=3, warmup=1)["n"] == 3
        st = bench_overhead.stream_cost(1024, chunk=16, n=2, warmup=1)
        assert st["available"] is False or st["chunks"] == 64

    def test_streaming_is_reported_na_without_guard_stream(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.delattr(bench_overhead.Guard, "stream")
        res = bench_overhead.stream_cost(1024, chunk=16, n=2, warmup=1)
        assert res == {"available": False, "reason": "Guard.stream does not exist in this build"}

    def test_memory(self) -> None:
        mem = bench_overhead.memory(sessions=3, live=5, turns=2, size=100)
        assert mem["bytes_per_session"] > 0 and mem["live_sessions"] == 5

    def test_langchain_hook(self) -> None:
        res = bench_reference.langchain_hook("ok " * 10, n=3, warmup=1)
        assert res["available"], res
        assert {"after_model_added_us", "wrap_model_call_added_us"} <= set(res)

    def test_guardrails_ai_reports_unavailable_honestly(self) -> None:
        res = bench_reference.guardrails_ai({"x": "y"}, n=1, warmup=0, python="/nonexistent/python")
        assert res == {"available": False, "reason": res["reason"]} and res["reason"]


class TestCli:
    """``guardrail bench --quick`` prints the table and writes JSON."""

    def test_finds_the_suite(self) -> None:
        assert find_benchmarks() == BENCH

    @pytest.mark.slow
    def test_quick_run(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        import bench_suite

        assert main(["bench", "--quick", "--no-write"]) == 0
        out = capsys.readouterr().out
        for row in (
            "Guard.check",
            "Default detectors alone",
            "guarded call",
            "guardrails-ai",
            "LangChain",
            "Ratios",
            "turn 10",
            "Scan throughput",
            "Streaming",
            "Memory",
            "Structured output",
        ):
            assert row in out, row
        res = json.loads(
            (bench_suite.write({"when": "2026-01-01T00:00:00+00:00"}, tmp_path)).read_text()
        )
        assert res["when"].startswith("2026") and (tmp_path / "latest.json").is_file()
