"""The sans-I/O recovery core shared by the sync and async drivers.

:func:`recover` is a generator. It yields effects (:class:`CallModel`, :class:`Flag`) and receives
their results; the drivers in ``_guard`` only perform the I/O. All decisions live here.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Generator, Sequence
from dataclasses import dataclass
from typing import Any

import structlog

from guardrail._budget import Budget, estimate_tokens
from guardrail._models import Action, Decision, Label, Message, Verdict
from guardrail._normalise import content_text, normalise
from guardrail.exceptions import ReplyRejected, RetriesExhausted

__all__ = ["CallModel", "Flag", "Outcome", "recover", "reply_parts"]

log = structlog.get_logger("guardrail")

_DISTRESS = frozenset({Label.SELF_CRITICISM, Label.CAPITULATION, Label.LOOP})


@dataclass(frozen=True, slots=True)
class CallModel:
    """Effect: call the wrapped model with these messages; send back its reply."""

    messages: list[Any]


@dataclass(frozen=True, slots=True)
class Flag:
    """Effect: write a review record for this verdict (the driver does the I/O)."""

    verdict: Verdict
    reasons: tuple[str, ...]
    transcript: list[Message]
    actions: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Outcome:
    reply: Any
    verdict: Verdict


def reply_parts(reply: Any) -> tuple[str, str | None]:
    """The text and finish reason of a model reply (str, dict or message object)."""
    if isinstance(reply, str):
        return reply, None
    if isinstance(reply, dict):
        return content_text(reply.get("content")), reply.get("finish_reason")
    content = content_text(getattr(reply, "content", ""))
    meta = getattr(reply, "response_metadata", None) or {}
    finish = meta.get("finish_reason") if isinstance(meta, dict) else None
    return content, finish


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
        return (
            "Your previous reply could not be used: "
            + errs[:800]
            + ". Reply again with only the JSON value, no prose and no code fence."
        )
    return decision.instruction or "Answer the task once, plainly, without commenting on yourself."


def recover(
    sess: Session,
    *,
    budget: Budget,
    reset_strategy: Callable[..., list[Message]],
    instruction_role: str,
    end_message: str,
    repair: Callable[[str], str | None],
) -> Generator[CallModel | Flag, Any, Outcome]:
    """Drive one guarded call to an outcome. Raises ``ReplyRejected``/``RetriesExhausted``."""
    state = sess.state
    raw = sess.raw
    first = sess.first_verdict
    actions: list[str] = []

    def flag(verdict: Verdict, reasons: Sequence[str]) -> Flag | None:
        new = tuple(r for r in dict.fromkeys(reasons) if r not in state.flagged)
        if not new:
            return None
        state.flagged.extend(new)
        actions.append("flag")
        return Flag(verdict, new, [*normalise(raw)], tuple(actions))

    if first.decision.flag:
        eff = flag(first, first.decision.reasons)
        if eff is not None:
            yield eff
    if first.decision.action == Action.END:
        state.ended = True
        sess.commit(state)
        log.info("guardrail.end", session_id=state.session_id, reasons=list(first.decision.reasons))
        return Outcome(end_message, first.model_copy(update={"actions_taken": ("end",)}))
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
        text, finish = reply_parts(reply)
        budget.spend(estimate_tokens(text))
        cand = state.clone()
        verdict = sess.engine.process(
            cand,
            [Message(role="assistant", content=text)],
            index,
            output_format=sess.output_format,
            finish_reason=finish,
        )
        decision: Decision = verdict.decision
        log.info(
            "guardrail.decision",
            session_id=state.session_id,
            action=decision.action.value,
            reasons=list(decision.reasons),
            attempt=budget.attempts,
        )
        action = decision.action
        if action == Action.REPROMPT and _DISTRESS & set(decision.reasons) and reprompted_distress:
            action = Action.RESET  # a failure that survives the re-call escalates to a reset
            decision = decision.model_copy(update={"flag": True})
        done = verdict.model_copy(update={"attempts": budget.attempts})

        if action in (Action.ACCEPT, Action.FLAG):
            state = cand
            if decision.flag:
                eff = flag(done, decision.reasons)
                if eff is not None:
                    yield eff
            sess.commit(state)
            actions.append("accept")
            return Outcome(reply, done.model_copy(update={"actions_taken": tuple(actions)}))
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
                return Outcome(
                    _with_text(reply, fixed),
                    done.model_copy(update={"actions_taken": tuple(actions)}),
                )
            action = Action.REPROMPT
        if action == Action.END:
            state.ended = True
            sess.commit(state)
            actions.append("end")
            return Outcome(end_message, done.model_copy(update={"actions_taken": tuple(actions)}))
        if action == Action.RAISE:
            raise ReplyRejected("the policy blocked the reply", verdict=done)

        # Re-call paths: the failed reply is withheld; it never reaches the caller.
        state.counters["withheld"] = state.counters.get("withheld", 0) + 1
        for label in cand.labels:
            if label not in state.labels:
                state.labels.append(label)
        for key in ("malformed", "loops"):
            state.counters[key] = cand.counters.get(key, 0)
        why = budget.exhausted()
        if why is not None or (action == Action.RESET and reset_done):
            sess.commit(state)
            reason = why or "the reply still failed after a context reset"
            log.warning("guardrail.retries_exhausted", session_id=state.session_id, reason=reason)
            raise RetriesExhausted(f"no acceptable reply: {reason}", verdict=done)
        if decision.flag:
            eff = flag(done, decision.reasons)
            if eff is not None:
                yield eff
        if action == Action.RESET:
            reset_done = True
            labels = cand.labelled()
            history = normalise(raw)
            rebuilt = reset_strategy(history, labels)
            state.reset = {"messages": [_as_dict(m) for m in rebuilt], "base": len(raw)}
            state.distress_ewma, state.distress_run, state.spiral = 0.0, 0, False
            actions.append("reset")
            log.info(
                "guardrail.reset",
                session_id=state.session_id,
                kept=len(rebuilt),
                dropped=len(history) - len(rebuilt),
            )
        else:
            actions.append("reprompt")
            log.info(
                "guardrail.reprompt", session_id=state.session_id, reasons=list(decision.reasons)
            )
        if _DISTRESS & set(decision.reasons):
            reprompted_distress = True
        instruction = _instruction_for(decision, verdict)


def dumps_value(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)
