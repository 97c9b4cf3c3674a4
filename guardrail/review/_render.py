"""Text rendering of review records for ``guardrail review list`` and ``review show``."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from guardrail._models import Evidence
from guardrail.review._record import ReviewRecord

__all__ = ["highlight", "render_list", "render_record", "sparkline"]

_BARS = "▁▂▃▄▅▆▇█"
_ANSI_ON, _ANSI_OFF = "\x1b[1;31m", "\x1b[0m"


def sparkline(values: Sequence[float]) -> str:
    """One bar per value in [0, 1] (``▁`` calm ... ``█`` extreme)."""
    out = []
    for v in values:
        v = min(1.0, max(0.0, float(v)))
        out.append(_BARS[min(len(_BARS) - 1, int(v * len(_BARS)))])
    return "".join(out)


def _merged(spans: Iterable[Evidence], size: int) -> list[tuple[int, int]]:
    ivs = sorted((max(0, e.start), min(size, e.end)) for e in spans if e.end > e.start)
    out: list[tuple[int, int]] = []
    for a, b in ivs:
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def highlight(text: str, spans: Iterable[Evidence], *, color: bool = False) -> str:
    """``text`` with the evidence marked: ``[[...]]``, or bold red when ``color``."""
    on, off = (_ANSI_ON, _ANSI_OFF) if color else ("[[", "]]")
    parts: list[str] = []
    pos = 0
    for a, b in _merged(spans, len(text)):
        parts += [text[pos:a], on, text[a:b], off]
        pos = b
    parts.append(text[pos:])
    return "".join(parts)


def _indent(text: str, pad: str) -> str:
    return "\n".join(pad + line for line in text.splitlines() or [""])


def render_record(rec: ReviewRecord, *, color: bool = False) -> str:
    """A reviewer's view of one record: header, distress trajectory, highlighted transcript."""
    lines = [
        f"record   {rec.id}",
        f"session  {rec.session_id}",
        f"created  {rec.created_at:%Y-%m-%d %H:%M:%S %Z}",
        f"reasons  {', '.join(rec.reasons)}   severity {rec.severity}",
        f"status   {rec.status}"
        + (f" by {rec.reviewer}" if rec.reviewer else "")
        + (f": {rec.note}" if rec.note else ""),
        f"actions  {' -> '.join(rec.actions) or '-'}",
    ]
    if rec.scores:
        scores = " ".join(f"{s:.2f}" for s in rec.scores)
        lines.append(f"distress {sparkline(rec.scores)}  ({scores}, one per assistant reply)")
    lines.append("")
    reply_index = rec.extra.get("reply_index")
    for turn in rec.transcript:
        tags = [f"{k}={v:.2f}" for k, v in turn.scores.items()] or list(turn.labels)
        head = f"#{turn.index} {turn.role}"
        if turn.index == reply_index:
            head += " (withheld: never delivered)"
        lines.append(head + (f"  [{', '.join(tags)}]" if tags else ""))
        lines.append(_indent(highlight(turn.content, turn.evidence, color=color), "    "))
    delivered = rec.extra.get("delivered")
    if isinstance(delivered, str):
        lines += ["", "delivered instead (after recovery):", _indent(delivered, "    ")]
    return "\n".join(lines)


def render_list(records: Sequence[ReviewRecord]) -> str:
    """One row per record (newest first, as the queue returns them)."""
    head = f"{'id':<20}  {'created (UTC)':<16}  {'sev':<6}  {'status':<9}  {'reasons':<32}  session"
    rows = [head, "-" * len(head)]
    for r in records:
        rows.append(
            f"{r.id:<20}  {r.created_at:%Y-%m-%d %H:%M}  {r.severity:<6}  {r.status:<9}  "
            f"{','.join(r.reasons):<32}  {r.session_id}"
        )
    rows.append(f"{len(records)} record(s)")
    return "\n".join(rows)
