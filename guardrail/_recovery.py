"""The sans-I/O recovery core shared by the sync and async drivers.

:func:`recover` is a generator. It yields effects (:class:`CallModel`, :class:`Flag`) and receives
their results; the drivers in ``_guard`` only perform the I/O. All decisions live here.
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Sequence
from dataclasses import dataclass, field
from typing import Any

import structlog

from guardrail._budget import Budget, estimate_tokens
from guardrail._models import Action, Decision, Label, Message, Verdict
from guardrail._normalise import content_text, normalise
from guardrail.exceptions import ReplyRejected, RetriesExhausted
from guardrail.policies import DISTRESS_INSTRUCTION
from guardrail.review._record import record_id

__all__ = ["Annotate", "CallModel", "Flag", "Outcome", "StreamCut", "recover", "reply_parts"]

log = structlog.get_logger("guardrail")

_DISTRESS = frozenset({Label.SELF_CRITICISM, Label.CAPITULATION, Label.LOOP})


@dataclass(frozen=True, slots=True)
class CallModel:
    """Effect: call the wrapped model with these messages; send back its reply."""

    messages: list[Any]


@dataclass(frozen=True, slots=True)
class Flag:
    """Effect: write a review record for this verdict (the driver does the I/O).

    ``transcript`` is what the caller sent plus, when a reply was withheld, that reply;
    ``trajectory`` the per-reply distress scores; ``labelled`` the labels of earlier turns;
    ``extra`` goes to the record (``withheld``: the failed replies of this call).
    """

    verdict: Verdict
    reasons: tuple[str, ...]
    transcript: list[Message]
    actions: tuple[str, ...]
    trajectory: tuple[float, ...] = ()
    labelled: dict[int, tuple[str, ...]] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Annotate:
    """Effect: merge ``extra`` into review records already written (e.g. the delivered reply)."""

    record_ids: tuple[str, ...]
    extra: dict[str, Any]


@dataclass(frozen=True, slots=True)
class StreamCut:
    """A reply whose stream the guard stopped early: the text so far and the label that stopped it.

    The stream drivers send it back in place of a reply; a cut reply is never delivered as it is.
    """

    text: str
    label: str


@dataclass(frozen=True, slots=True)
class Outcome:
    reply: Any
    verdict: Verdict


def reply_parts(reply: Any) -> tuple[str, str | None]:
    """The text and finish reason of a model reply (str, dict or message object)."""
    if isinstance(reply, StreamCut):
        return reply.text, None
    if isinstance(reply, str):
        return reply, None
    if isinstance(reply, dict):
        return content_text(reply.get("content")), reply.get("finish_reason")
    content = content_text(getattr(reply, "content", ""))
    meta = getattr(reply, "response_metadata", None) or {}
    finish = meta.get("finish_reason") if isinstance(meta, dict) else None
    return content, finish


def _reply_message(reply: Any, text: str) -> Message:
    """The reply as detectors see it: its text, and its tool calls when it made any."""
    calls = (
        reply.get("tool_calls") if isinstance(reply, dict) else getattr(reply, "tool_calls", None)
    )
    return Message(role="assistant", content=text, metadata={"tool_calls": calls} if calls else {})


def _with_text(reply: Any, text: str) -> Any:
    """The same kind of reply as ``reply`` but carrying ``text``."""
    if isinstance(reply, str):
        return text
    if isinstance(reply, dict):
        return {**reply, "content": text}
    copier = getattr(reply, "model_copy", None)
    if callable(copier):
        return copier(update={"content": text})
    return text


def _as_dict(m: Message) -> dict[str, Any]:
    return {"role": m.role, "content": m.content}


class Session:
    """What the guard's shell hands the recovery core for one call."""

    def __init__(
        self,
        *,
        engine: Any,
        state: Any,
        raw: Sequence[Any],
        first_verdict: Verdict,
        output_format: Any,
        commit: Callable[[Any], None],
    ) -> None:
        self.engine = engine
        self.state = state
        self.raw = raw
        self.first_verdict = first_verdict
        self.output_format = output_format
        self.commit = commit


def _model_input(state: Any, raw: Sequence[Any]) -> list[Any]:
    if state.reset:
        return [*state.reset["messages"], *raw[state.reset["base"] :]]
    return list(raw)


def _instruction_for(decision: Decision, verdict: Verdict) -> str:
    if Label.MALFORMED_OUTPUT in decision.reasons:
        last = verdict.last
        details = (
            [f.detail for f in last.findings if f.label == Label.MALFORMED_OUTPUT] if last else []
        )
        errs = "; ".join(d for d in details if d) or "the reply was not valid JSON"
        if len(errs) > 800:
            errs = errs[:797] + "..."
        return (
            "Your previous reply could not be used as JSON. Problems (by JSON path): "
            + errs
            + ". Reply again with only the corrected JSON value: no prose, no code fence, "
            "no comments."
        )
    return decision.instruction or "Answer the task once, plainly, without commenting on yourself."


#: At most this many withheld replies (each capped) travel into a review record.
_WITHHELD_KEEP = 3
_WITHHELD_CAP = 16_384


def recover(
    sess: Session,
    *,
    budget: Budget,
    reset_strategy: Callable[..., list[Message]],
    instruction_role: str,
    end_message: str,
    repair: Callable[[str], str | None],
) -> Generator[CallModel | Flag | Annotate, Any, Outcome]:
    """Drive one guarded call to an outcome. Raises ``ReplyRejected``/``RetriesExhausted``.

    Yields :class:`CallModel` (send back the reply, or a :class:`StreamCut`), :class:`Flag` and
    :class:`Annotate` (send back ``None``). Every failed reply is withheld; a flag raised while
    recovering records the withheld replies, and once a reply is accepted the records written in
    this call are annotated with the delivered reply (a preference pair for training).
    """
    state = sess.state
    raw = sess.raw
    first = sess.first_verdict
    actions: list[str] = []
    withheld: list[str] = []
    pending: list[str] = []  # ids of records written with withheld replies, awaiting "delivered"

    def flag(verdict: Verdict, reasons: Sequence[str], reply: str | None = None) -> Flag | None:
        new = tuple(r for r in dict.fromkeys(reasons) if r not in state.flagged)
        if not new:
            return None
        state.flagged.extend(new)
        actions.append("flag")
        transcript = normalise(raw)
        if reply is not None:
            transcript.append(Message(role="assistant", content=reply))
        if withheld:
            pending.append(record_id(verdict.session_id, new))
        return Flag(
            verdict,
            new,
            transcript,
            tuple(actions),
            trajectory=tuple(state.extra.get("trajectory", ())),
            labelled={i: tuple(sorted(lbl)) for i, lbl in state.labelled().items()},
            extra={"withheld": list(withheld)} if withheld else {},
        )

    def finish(reply: Any, text: str, verdict: Verdict) -> Generator[Annotate, Any, Outcome]:
        if pending:
            yield Annotate(tuple(pending), {"delivered": text[:_WITHHELD_CAP]})
        return Outcome(reply, verdict.model_copy(update={"actions_taken": tuple(actions)}))

    if first.decision.flag:
        eff = flag(first, first.decision.reasons)
        if eff is not None:
            yield eff
    if first.decision.action == Action.END:
        state.ended = True
        sess.commit(state)
        log.info("guardrail.end", session_id=state.session_id, reasons=list(first.decision.reasons))
        actions.append("end")
        return Outcome(end_message, first.model_copy(update={"actions_taken": tuple(actions)}))
    sess.commit(state)

    index = len(raw)
    instruction: str | None = None
    reprompted_distress = False
    reset_done = False
    while True:
        send = _model_input(state, raw)
        if instruction:
            send.append({"role": instruction_role, "content": instruction})
        reply = yield CallModel(send)
        text, finish_reason = reply_parts(reply)
        budget.spend(estimate_tokens(text))
        cand = state.clone()
        verdict = sess.engine.process(
            cand,
            [_reply_message(reply, text)],
            index,
            output_format=sess.output_format,
            finish_reason=finish_reason,
        )
        decision: Decision = verdict.decision
        if isinstance(reply, StreamCut) and decision.action in (Action.ACCEPT, Action.FLAG):
            # The stream was stopped part way: a cut reply is never delivered as it is.
            decision = decision.model_copy(
                update={
                    "action": Action.REPROMPT,
                    "reasons": tuple(dict.fromkeys((reply.label, *decision.reasons))),
                    "instruction": decision.instruction or DISTRESS_INSTRUCTION,
                }
            )
        action = decision.action
        if action == Action.REPROMPT and _DISTRESS & set(decision.reasons) and reprompted_distress:
            action = Action.RESET  # a failure that survives the re-call escalates to a reset
            decision = decision.model_copy(update={"flag": True})
        decision = decision.model_copy(update={"action": action})
        log.info(
            "guardrail.decision",
            session_id=state.session_id,
            action=action.value,
            reasons=list(decision.reasons),
            attempt=budget.attempts,
        )
        done = verdict.model_copy(
            update={
                "attempts": budget.attempts,
                "decision": decision,
                "turns": (*first.turns, *verdict.turns),
            }
        )

        if action in (Action.ACCEPT, Action.FLAG):
            state = cand
            if decision.flag:
                eff = flag(done, decision.reasons)
                if eff is not None:
                    yield eff
            sess.commit(state)
            actions.append("accept")
            delivered = text if isinstance(reply, StreamCut) else reply
            return (yield from finish(delivered, text, done))
        if action == Action.REPAIR:
            fixed = repair(text)
            if fixed is not None:
                cand.amend_last(Message(role="assistant", content=fixed))
                state = cand
                actions.append("repair")
                log.info(
                    "guardrail.repair", session_id=state.session_id, reasons=list(decision.reasons)
                )
                sess.commit(state)
                return (yield from finish(_with_text(reply, fixed), fixed, done))
            action = Action.REPROMPT
        if action == Action.END:
            state.ended = True
            sess.commit(state)
            actions.append("end")
            log.info("guardrail.end", session_id=state.session_id, reasons=list(decision.reasons))
            return Outcome(end_message, done.model_copy(update={"actions_taken": tuple(actions)}))
        if action == Action.RAISE:
            raise ReplyRejected("the policy blocked the reply", verdict=done)

        # Re-call paths: the failed reply is withheld; it never reaches the caller.
        state.counters["withheld"] = state.counters.get("withheld", 0) + 1
        if len(withheld) < _WITHHELD_KEEP:
            withheld.append(text[:_WITHHELD_CAP])
        for label in cand.labels:
            if label not in state.labels:
                state.labels.append(label)
        for key in ("malformed", "loops"):
            state.counters[key] = cand.counters.get(key, 0)
        state.extra["trajectory"] = list(cand.extra.get("trajectory", []))
        why = budget.exhausted()
        if why is not None or (action == Action.RESET and reset_done):
            reason = why or "the reply still failed after a context reset"
            actions.append("raise")
            eff = flag(done, decision.reasons, text)
            if eff is not None:
                yield eff
            elif pending:
                yield Annotate(tuple(pending), {"withheld": list(withheld), "outcome": reason})
            sess.commit(state)
            log.warning("guardrail.retries_exhausted", session_id=state.session_id, reason=reason)
            raise RetriesExhausted(
                f"no acceptable reply: {reason}",
                verdict=done.model_copy(update={"actions_taken": tuple(actions)}),
            )
        if action == Action.RESET:
            reset_done = True
            history = normalise(raw)
            rebuilt = reset_strategy(history, state.labelled())
            state.reset = {"messages": [_as_dict(m) for m in rebuilt], "base": len(raw)}
            state.distress_ewma, state.distress_run, state.spiral = 0.0, 0, False
            actions.append("reset")
            log.info(
                "guardrail.reset",
                session_id=state.session_id,
                reasons=list(decision.reasons),
                kept=len(rebuilt),
                dropped=len(history) - len(rebuilt),
                attempt=budget.attempts,
            )
        else:
            actions.append("reprompt")
            log.info(
                "guardrail.reprompt",
                session_id=state.session_id,
                reasons=list(decision.reasons),
                attempt=budget.attempts,
            )
        if decision.flag:
            eff = flag(done, decision.reasons, text)
            if eff is not None:
                yield eff
        sess.commit(state)
        if _DISTRESS & set(decision.reasons):
            reprompted_distress = True
        instruction = _instruction_for(decision, verdict)
