"""Malformed-JSON corpus: guardrail's extract_json vs json_repair vs langchain, side by side.

Usage::

    .venv/bin/python benchmarks/bench_json.py [CORPUS] [--repeat 5] [--out PATH] [--markdown]
        [--generated N]

CORPUS defaults to ``../shared/corpora/malformed_json.jsonl`` relative to the repository. Each line
holds ``raw`` (the model reply), ``expected`` (the value a careful reader gets out of it) and
``category``. A case whose ``expected`` is null, or that carries ``"expect_failure": true``,
expects no value: failing cleanly is then the correct outcome.

Per parser and category it counts *correct* (value == expected), *failed* (a clean failure: an
exception, or ``ok=False``) and *wrong* (a value returned that is not the expected one), and the
median time per case (each case timed ``--repeat`` times, median taken). Results also go to
``benchmarks/results/bench_json.json``.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import json_repair
from langchain_core.utils.json import parse_json_markdown

from guardrail.structured import extract_json

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "malformed_json.jsonl"
DEFAULT_OUT = ROOT / "benchmarks" / "results" / "bench_json.json"
_FAILED = object()


def _guardrail(raw: str) -> Any:
    result = extract_json(raw)
    return result.value if result.ok else _FAILED


def _json_repair(raw: str) -> Any:
    return json_repair.loads(raw)


def _langchain(raw: str) -> Any:
    return parse_json_markdown(raw)


PARSERS: dict[str, Callable[[str], Any]] = {
    "guardrail.extract_json": _guardrail,
    "json_repair.loads": _json_repair,
    "langchain parse_json_markdown": _langchain,
}


def _run(parse: Callable[[str], Any], raw: str) -> Any:
    try:
        return parse(raw)
    except Exception:  # a parser's exception is its clean failure
        return _FAILED


def _outcome(value: Any, case: dict[str, Any]) -> str:
    expects_failure = case.get("expect_failure") is True or case.get("expected") is None
    if value is _FAILED:
        return "correct" if expects_failure else "failed"
    if expects_failure:
        return "wrong"
    return "correct" if value == case["expected"] else "wrong"


def _time(parse: Callable[[str], Any], raw: str, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        _run(parse, raw)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def run(cases: list[dict[str, Any]], repeat: int) -> dict[str, Any]:
    """Per parser: per category counts and median microseconds, plus per-case outcomes."""
    report: dict[str, Any] = {"cases": len(cases), "repeat": repeat, "parsers": {}}
    for name, parse in PARSERS.items():
        cats: dict[str, dict[str, Any]] = {}
        per_case = {}
        for case in cases:
            outcome = _outcome(_run(parse, case["raw"]), case)
            seconds = _time(parse, case["raw"], repeat)
            for key in (case["category"], "TOTAL"):
                row = cats.setdefault(key, {"n": 0, "correct": 0, "failed": 0, "wrong": 0, "t": []})
                row["n"] += 1
                row[outcome] += 1
                row["t"].append(seconds)
            per_case[case["id"]] = outcome
        for row in cats.values():
            row["median_us"] = round(statistics.median(row.pop("t")) * 1e6, 1)
        report["parsers"][name] = {"categories": cats, "per_case": per_case}
    return report


_WORDS = [
    "alpha",
    "it's",
    'a "quoted" word',
    "x, y",
    "{brace}",
    "[br]",
    "C:\\dir",
    "ümlaut",
    "a\nb",
    "",
]
_CORRUPTIONS = (
    "fence",
    "prose",
    "think",
    "trailing_comma",
    "python_literals",
    "single_quotes",
    "unquoted_keys",
    "comments",
)


def generated_cases(n: int, seed: int = 0) -> list[dict[str, Any]]:
    """``n`` cases not drawn from any parser's tests: random JSON values, each with one common
    corruption applied (a check that the corpus figures do not come from tuning to the corpus)."""
    rng = random.Random(seed)

    def value(depth: int) -> Any:
        r = rng.random()
        if depth > 2 or r < 0.4:
            scalars = [rng.randint(-99, 999), round(rng.random() * 100, 3), True, False, None]
            return rng.choice([*scalars, rng.choice(_WORDS)])
        if r < 0.7:
            return {f"k{rng.randint(0, 99)}": value(depth + 1) for _ in range(rng.randint(1, 4))}
        return [value(depth + 1) for _ in range(rng.randint(1, 4))]

    cases = []
    while len(cases) < n:
        v = value(0)
        if not isinstance(v, (dict, list)):
            continue
        kind = _CORRUPTIONS[len(cases) % len(_CORRUPTIONS)]
        text = json.dumps(v, indent=rng.choice([None, 2]), ensure_ascii=False)
        raw = {
            "fence": lambda t: f"```json\n{t}\n```",
            "prose": lambda t: f"Sure! Here is the result: {t}\nLet me know if you need more.",
            "think": lambda t: f'<think>draft: {{"k": 1}}</think>\n{t}',
            "trailing_comma": lambda t: t[:-1].rstrip() + "," + t[-1],
            "python_literals": lambda t: re.sub(
                r'("(?:[^"\\]|\\.)*")|\b(true|false|null)\b',
                lambda m: (
                    m.group(1) or {"true": "True", "false": "False", "null": "None"}[m.group(2)]
                ),
                t,
            ),
            "single_quotes": lambda t: re.sub(
                r'"((?:[^"\\]|\\.)*)"',
                lambda m: "'" + m.group(1).replace('\\"', '"').replace("'", "\\'") + "'",
                t,
            ),
            "unquoted_keys": lambda t: re.sub(r'"(k\d+)":', r"\1:", t),
            "comments": lambda t: t[0] + " // a note: {x}\n" + t[1:],
        }[kind](text)
        if kind == "trailing_comma" and len(text) < 3:
            continue
        cases.append({"id": f"gen{len(cases)}", "raw": raw, "expected": v, "category": kind})
    return cases


def table(report: dict[str, Any], *, markdown: bool) -> str:
    names = list(report["parsers"])
    first = report["parsers"][names[0]]["categories"]
    cats = sorted((c for c in first if c != "TOTAL"), key=lambda c: (-first[c]["n"], c))
    cats.append("TOTAL")
    short = {
        "guardrail.extract_json": "extract_json",
        "json_repair.loads": "json_repair",
        "langchain parse_json_markdown": "langchain",
    }
    head = ["category", "n"] + [f"{short[n]} ok/fail/wrong" for n in names]
    head += [f"{short[n]} µs" for n in names]
    rows = []
    for c in cats:
        r0 = first[c]
        cells = [f"**{c}**" if markdown and c == "TOTAL" else c, str(r0["n"])]
        for n in names:
            r = report["parsers"][n]["categories"][c]
            cells.append(f"{r['correct']}/{r['failed']}/{r['wrong']}")
        for n in names:
            cells.append(f"{report['parsers'][n]['categories'][c]['median_us']:g}")
        rows.append(cells)
    if markdown:
        lines = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
        lines += ["| " + " | ".join(r) + " |" for r in rows]
        return "\n".join(lines)
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(len(head))]
    return "\n".join(
        "  ".join(cell.ljust(w) for cell, w in zip(r, widths, strict=True)).rstrip()
        for r in [head, *rows]
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--repeat", type=int, default=5, help="timing runs per case (median taken)")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="results JSON")
    ap.add_argument("--markdown", action="store_true", help="print a Markdown table")
    ap.add_argument(
        "--generated",
        type=int,
        default=0,
        metavar="N",
        help="also run N generated cases (random values, one common corruption each)",
    )
    args = ap.parse_args(argv)
    if not args.corpus.is_file():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 2
    with args.corpus.open(encoding="utf-8") as fh:
        cases = [json.loads(line) for line in fh if line.strip()]
    report = run(cases, max(1, args.repeat))
    report["corpus"] = str(args.corpus)
    report["python"] = sys.version.split()[0]
    if args.generated:
        report["generated"] = run(generated_cases(args.generated), 1)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(
        f"{len(cases)} cases from {args.corpus}; ok/fail/wrong = correct / failed cleanly / wrong value"
    )
    print(table(report, markdown=args.markdown))
    if args.generated:
        print(f"\n{args.generated} generated cases (seed 0):")
        print(table(report["generated"], markdown=args.markdown))
    print(f"results: {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
