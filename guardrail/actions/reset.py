"""Reset strategies: rebuild the messages sent to the model without the failure-laden history.

A strategy is ``(messages, labels) -> messages`` where ``labels`` maps a message index to the labels
detection gave it. It returns a new list; the caller's list is never mutated.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Protocol

from guardrail._models import Label, Message

__all__ = ["ResetStrategy", "drop_failed_turns", "fresh_start", "neutral_summary"]

_FAILED = frozenset({Label.SELF_CRITICISM, Label.CAPITULATION, Label.LOOP, Label.MALFORMED_OUTPUT})
_BARE = frozenset({Label.UNEXPLAINED_REJECTION, Label.HOSTILITY})


class ResetStrategy(Protocol):
    def __call__(
        self, messages: Sequence[Message], labels: Mapping[int, frozenset[str]], /
    ) -> list[Message]: ...


def _task(messages: Sequence[Message]) -> tuple[list[Message], Message | None]:
    system = [m for m in messages if m.role in ("system", "developer")]
    task = next((m for m in messages if m.role == "user"), None)
    return system, task


def fresh_start(messages: Sequence[Message], labels: Mapping[int, frozenset[str]]) -> list[Message]:
    """Keep only the system prompt and the first user turn (the task)."""
    system, task = _task(messages)
    return [*system, *([task] if task else [])]


def drop_failed_turns(
    messages: Sequence[Message], labels: Mapping[int, frozenset[str]]
) -> list[Message]:
    """Drop distressed/looping replies and bare rejections; keep everything else in order."""
    out: list[Message] = []
    for i, m in enumerate(messages):
        lab = labels.get(i, frozenset())
        if m.role == "assistant" and lab & _FAILED:
            continue
        if m.role == "user" and lab & _BARE and i != _first_user(messages):
            continue
        out.append(m)
    return out


def _first_user(messages: Sequence[Message]) -> int:
    return next((i for i, m in enumerate(messages) if m.role == "user"), -1)


def _clip(text: str, n: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def neutral_summary(
    messages: Sequence[Message], labels: Mapping[int, frozenset[str]]
) -> list[Message]:
    """System prompt + task + a deterministic, neutral restatement of what happened so far."""
    system, task = _task(messages)
    attempts = sum(1 for m in messages if m.role == "assistant")
    failed = sum(
        1
        for i, m in enumerate(messages)
        if m.role == "assistant" and labels.get(i, set()) & _FAILED
    )
    rejections = sum(1 for i in labels if labels[i] & _BARE)
    answers = [
        m.content
        for i, m in enumerate(messages)
        if m.role == "assistant" and not labels.get(i, frozenset()) & _FAILED
    ]
    informative = [
        m.content
        for i, m in enumerate(messages)
        if m.role == "user" and m is not task and not labels.get(i, frozenset()) & _BARE
    ]
    lines = [
        "Context so far (restated neutrally):",
        f"- The task above has been attempted {attempts} time(s).",
    ]
    if rejections:
        lines.append(
            f"- The user did not accept {rejections} answer(s) but gave no specific reason."
        )
    if failed:
        lines.append("- Earlier replies went off track; they are omitted.")
    if answers:
        lines.append(f"- The last answer given: {_clip(answers[-1], 400)}")
    for text in informative[-3:]:
        lines.append(f"- The user added: {_clip(text, 500)}")
    lines.append(
        "- Still open: a correct, self-contained answer. If no answer exists, state that plainly."
    )
    summary = Message(role="system", content="\n".join(lines))
    return [*system, *([task] if task else []), summary]
