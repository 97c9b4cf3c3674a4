"""Exports from the review queue: full records as JSON lines, and DPO preference pairs.

``dpo_pairs`` writes the conversational preference format TRL's ``DPOTrainer`` reads::

    {"prompt": [{"role": "system", "content": ...}, {"role": "user", "content": ...}, ...],
     "chosen": [{"role": "assistant", "content": <the healthy reply the recovery produced>}],
     "rejected": [{"role": "assistant", "content": <the withheld failed reply>}]}

A pair comes from every record where a recovery produced a healthy reply after a failure: the
record keeps the withheld replies (``extra["withheld"]``), the reply finally delivered
(``extra["delivered"]``) and where the failed reply sat (``extra["reply_index"]``). The prompt is
the conversation the model failed on (before any reset), so the pair teaches the model to answer
calmly in exactly the context where it spiralled. Records an ops reviewer dismissed are skipped.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from guardrail.review._record import ReviewRecord

__all__ = ["dpo_pair", "dpo_pairs", "jsonl_lines"]

_ROLE = {"developer": "system"}


def jsonl_lines(records: Iterable[ReviewRecord]) -> Iterator[str]:
    """One JSON object per record."""
    for rec in records:
        yield rec.model_dump_json()


def dpo_pair(rec: ReviewRecord) -> dict[str, Any] | None:
    """The preference pair of one record, or None when it holds none."""
    withheld = rec.extra.get("withheld")
    delivered = rec.extra.get("delivered")
    index = rec.extra.get("reply_index")
    if rec.status == "dismissed" or not isinstance(delivered, str) or not delivered.strip():
        return None
    if not isinstance(withheld, list) or not withheld or not isinstance(index, int):
        return None
    prompt = [
        {"role": _ROLE.get(t.role, t.role), "content": t.content}
        for t in rec.transcript
        if t.index < index
    ]
    if not prompt or withheld[0] == delivered:
        return None
    return {
        "prompt": prompt,
        "chosen": [{"role": "assistant", "content": delivered}],
        "rejected": [{"role": "assistant", "content": str(withheld[0])}],
    }


def dpo_pairs(records: Iterable[ReviewRecord]) -> Iterator[str]:
    """JSON lines of the preference pairs found in ``records``."""
    for rec in records:
        pair = dpo_pair(rec)
        if pair is not None:
            yield json.dumps(pair, ensure_ascii=False)
