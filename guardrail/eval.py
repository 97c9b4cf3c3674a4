"""Scoring the detectors against a labelled corpus (``guardrail eval``).

A corpus is ``scan`` input (JSONL, one conversation per line) with expected labels: each message
may carry ``"labels": [...]`` (its expected turn labels) and each conversation
``"session_labels": [...]``. Turn labels are scored per turn; session labels per conversation,
reported as ``session:<label>`` (so ``session:loop`` is apart from the turn label ``loop``).

Besides precision, recall and F1 per label, the report counts the confusion the product exists to
avoid: turns expected to be ``pushback`` that were labelled ``self_criticism`` or ``capitulation``,
and the reverse.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import IO, Any

from guardrail._guard import Guard
from guardrail._models import ASSISTANT_LABELS, SESSION_LABELS, USER_LABELS, Label
from guardrail.exceptions import InputError
from guardrail.scan import Conversation, ScanError, iter_conversations, scan_conversation

__all__ = ["EvalReport", "LabelStats", "evaluate", "evaluate_stream", "render_table"]

TURN_LABELS = frozenset(ASSISTANT_LABELS | USER_LABELS)
_DISTRESS = (Label.SELF_CRITICISM, Label.CAPITULATION)


@dataclass
class LabelStats:
    """Counts for one label; precision/recall are None when undefined (nothing to divide by)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def support(self) -> int:
        return self.tp + self.fn

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None or p + r == 0:
            return None
        return 2 * p * r / (p + r)

    def to_dict(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "support": self.support,
            "precision": _round(self.precision),
            "recall": _round(self.recall),
            "f1": _round(self.f1),
        }


def _round(x: float | None) -> float | None:
    return None if x is None else round(x, 4)


@dataclass
class EvalReport:
    """Per-label statistics, the pushback confusion, and the disagreements (for tuning)."""

    labels: dict[str, LabelStats] = field(default_factory=dict)
    conversations: int = 0
    turns: int = 0
    confusion: dict[str, int] = field(default_factory=dict)
    mismatches: list[dict[str, Any]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def stat(self, label: str) -> LabelStats:
        return self.labels.setdefault(label, LabelStats())

    def failures(self, *, min_precision: float | None, min_recall: float | None) -> list[str]:
        """Labels below the thresholds (labels never expected nor predicted are not judged)."""
        out: list[str] = []
        for name, s in sorted(self.labels.items()):
            if (
                min_precision is not None
                and s.precision is not None
                and s.precision < min_precision
            ):
                out.append(f"{name}: precision {s.precision:.3f} < {min_precision}")
            if min_recall is not None and s.recall is not None and s.recall < min_recall:
                out.append(f"{name}: recall {s.recall:.3f} < {min_recall}")
        return out

    def to_dict(self) -> dict[str, Any]:
        return {
            "conversations": self.conversations,
            "turns": self.turns,
            "labels": {k: v.to_dict() for k, v in sorted(self.labels.items())},
            "confusion": dict(sorted(self.confusion.items())),
            "mismatches": self.mismatches,
            "errors": self.errors,
        }


def _expected(items: Any, where: str) -> set[str]:
    if items is None:
        return set()
    if not isinstance(items, list) or not all(isinstance(x, str) for x in items):
        raise InputError(f"{where} must be a list of label strings")
    return set(items)


def _score(report: EvalReport, name: str, expected: set[str], got: set[str]) -> None:
    for label in expected | got:
        s = report.stat(name.format(label))
        if label in expected and label in got:
            s.tp += 1
        elif label in got:
            s.fp += 1
        else:
            s.fn += 1


def _confusion(report: EvalReport, expected: set[str], got: set[str]) -> None:
    c = report.confusion
    for lbl in _DISTRESS:
        key = f"expected_pushback_labelled_{lbl}"
        c[key] = c.get(key, 0) + (Label.PUSHBACK in expected and lbl in got)
        key = f"expected_{lbl}_labelled_pushback"
        c[key] = c.get(key, 0) + (lbl in expected and Label.PUSHBACK in got)
        key = f"labelled_pushback_and_{lbl}"
        c[key] = c.get(key, 0) + (Label.PUSHBACK in got and lbl in got)


def _evaluate_one(guard: Guard, conv: Conversation, report: EvalReport, keep: int) -> None:
    result = scan_conversation(guard, conv, schema=conv.raw.get("schema"))
    for msg, turn in zip(conv.messages, result["turns"], strict=True):
        raw = msg.get("labels") if isinstance(msg, dict) else None
        expected = _expected(raw, f"message {turn['index']} labels") & TURN_LABELS
        got = set(turn["labels"]) & TURN_LABELS
        report.turns += 1
        _score(report, "{}", expected, got)
        _confusion(report, expected, got)
        if expected != got and len(report.mismatches) < keep:
            report.mismatches.append(
                {
                    "id": conv.id,
                    "index": turn["index"],
                    "role": turn["role"],
                    "expected": sorted(expected),
                    "got": sorted(got),
                    "scores": turn["scores"],
                    "content": str(msg.get("content", ""))[:300],
                }
            )
    expected_s = _expected(conv.raw.get("session_labels"), "session_labels") & SESSION_LABELS
    got_s = set(result["session"]["labels"]) & SESSION_LABELS
    _score(report, "session:{}", expected_s, got_s)
    if expected_s != got_s and len(report.mismatches) < keep:
        report.mismatches.append(
            {"id": conv.id, "index": None, "expected": sorted(expected_s), "got": sorted(got_s)}
        )
    report.conversations += 1


def evaluate(
    conversations: Iterable[Conversation | ScanError],
    *,
    guard: Guard | None = None,
    keep_mismatches: int = 200,
) -> EvalReport:
    """Scan each conversation on a fresh session and score it against its expected labels."""
    guard = guard or Guard()
    report = EvalReport()
    for item in conversations:
        if isinstance(item, ScanError):
            report.errors.append(str(item))
            continue
        try:
            _evaluate_one(guard, item, report, keep_mismatches)
        except InputError as exc:
            report.errors.append(f"line {item.line}: {exc}")
    return report


def evaluate_stream(stream: IO[bytes], **kwargs: Any) -> EvalReport:
    """:func:`evaluate` over a JSONL byte stream."""
    return evaluate(iter_conversations(stream), **kwargs)


def render_table(report: EvalReport) -> str:
    """Per-label precision/recall/F1 and the pushback confusion as a plain-text table."""

    def fmt(x: float | None) -> str:
        return "    -" if x is None else f"{x:5.3f}"

    lines = [
        f"{report.conversations} conversations, {report.turns} turns",
        f"{'label':<26} {'support':>7} {'tp':>5} {'fp':>5} {'fn':>5} {'prec':>6} {'recall':>6} {'f1':>6}",
    ]
    for name, s in sorted(
        report.labels.items(), key=lambda kv: (kv[0].startswith("session:"), kv[0])
    ):
        lines.append(
            f"{name:<26} {s.support:>7} {s.tp:>5} {s.fp:>5} {s.fn:>5} "
            f"{fmt(s.precision):>6} {fmt(s.recall):>6} {fmt(s.f1):>6}"
        )
    lines.append("pushback confusion:")
    for key, n in sorted(report.confusion.items()):
        lines.append(f"  {key:<48} {n}")
    for err in report.errors:
        lines.append(f"error: {err}")
    return "\n".join(lines)
