"""``extract_json``: a valid (schema-conforming) value out of a model reply, or a clear failure.

Pipeline: size check -> strict parse of the whole reply -> strip reasoning blocks -> candidates
(fences first, then balanced spans that start like JSON) -> per candidate: strict parse, lenient
normaliser, json-repair with a plausibility check -> schema validation -> the ``multiple`` policy.
Every step is linear in the reply; nesting is bounded by ``max_depth`` before any recursive parser
(json, json-repair, jsonschema, pydantic) sees the value.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel

from guardrail.exceptions import ConfigError
from guardrail.structured._candidates import (
    Candidate,
    TooDeep,
    find_candidates,
    scan_value,
    strip_reasoning,
)
from guardrail.structured._repair import Parsed, parse_candidate, strict_loads
from guardrail.structured._result import ExtractError, ExtractResult
from guardrail.structured._validate import CompiledSchema, canonical, compile_schema

__all__ = ["MULTIPLE", "extract_json"]

MULTIPLE = ("first", "last", "all", "error")
DEFAULT_MAX_CHARS = 1_000_000
DEFAULT_MAX_DEPTH = 100
DEFAULT_MAX_REPAIR_CHARS = 50_000


def _fail(message: str, *, path: str = "$", truncated: bool = False) -> ExtractResult:
    return ExtractResult(
        ok=False, errors=(ExtractError(path=path, message=message),), truncated=truncated
    )


def _prefixed(errors: Iterable[ExtractError], index: int) -> list[ExtractError]:
    return [ExtractError(path=f"$[{index}]" + e.path[1:], message=e.message) for e in errors]


class _Found:
    """A parsed candidate and what it took."""

    __slots__ = ("errors", "parsed", "text", "value")

    def __init__(self, parsed: Parsed, value: Any, text: str, errors: list[ExtractError]) -> None:
        self.parsed, self.value, self.text, self.errors = parsed, value, text, errors


def extract_json(
    text: str,
    *,
    schema: Any = None,
    multiple: str = "first",
    finish_reason: str | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
    max_depth: int = DEFAULT_MAX_DEPTH,
    max_repair_chars: int = DEFAULT_MAX_REPAIR_CHARS,
) -> ExtractResult:
    """Get the JSON value out of ``text``.

    ``schema``: None or ``"json"`` (any JSON), a JSON Schema dict (Draft 2020-12), a pydantic model
    class (``value`` is then an instance) or a :class:`CompiledSchema`. ``multiple`` chooses among
    several values: ``first`` / ``last`` (the first / last that parses and validates), ``all``
    (``value`` is the list; each item is validated) or ``error``. ``finish_reason="length"`` marks
    the result truncated. Replies over ``max_chars`` or nesting deeper than ``max_depth`` fail with
    a clear error; json-repair sees at most ``max_repair_chars`` characters of the reply in all.
    At most 64 candidates are considered.

    Raises :class:`~guardrail.exceptions.ConfigError` for an invalid schema or ``multiple``.
    """
    if multiple not in MULTIPLE:
        raise ConfigError(f"multiple must be one of {', '.join(MULTIPLE)}; got {multiple!r}")
    compiled = compile_schema(schema)
    cut = finish_reason == "length"
    if not isinstance(text, str):
        return _fail(f"expected the reply text, got {type(text).__name__}")
    if len(text) > max_chars:
        return _fail(
            f"the reply has {len(text)} characters, over the limit of {max_chars}", truncated=cut
        )
    whole = _strict_whole(text, max_depth)
    if whole is not None:
        return _finish([_check(whole, compiled)], multiple, compiled, cut)

    stripped, had_reasoning, unclosed = strip_reasoning(text)
    base = ["reasoning_block"] if had_reasoning else []
    try:
        candidates = find_candidates(stripped, max_depth=max_depth)
    except TooDeep as exc:
        return _fail(str(exc), truncated=cut)
    if not candidates:
        why = "no JSON value found in the reply"
        if unclosed:
            why += " (it ends inside an unclosed reasoning block)"
        return _fail(why, truncated=cut or unclosed)

    body_end = len(stripped.rstrip())
    order = candidates if multiple != "last" else candidates[::-1]
    found: list[_Found] = []
    failures: list[str] = []
    repair_budget = max_repair_chars  # for the whole reply, not per candidate
    for cand in order:
        parsed = parse_candidate(cand.text, max_depth=max_depth, max_repair_chars=repair_budget)
        repair_budget -= parsed.repair_chars
        if not parsed.ok:
            if multiple == "all":  # every value was asked for: an unreadable one fails the reply
                return _fail(parsed.error, truncated=cut or cand.scan.at_eof)
            failures.append(parsed.error)
            continue
        if not _credible(cand, parsed):
            continue
        parsed.repairs = [*base, *_context_repairs(stripped, cand), *parsed.repairs]
        parsed.truncated = _truncated(cand, parsed, body_end)
        if "truncated" in parsed.repairs and not parsed.truncated:
            parsed.repairs[parsed.repairs.index("truncated")] = "missing_brackets"
        item = _check(parsed, compiled)
        found.append(item)
        if multiple in ("first", "last") and not item.errors:
            break
    if not found:
        msg = failures[0] if failures else "no JSON value found in the reply (only prose)"
        return _fail(msg, truncated=cut or any(c.scan.at_eof for c in candidates[-1:]))
    if multiple == "last":
        found.reverse()
    return _finish(found, multiple, compiled, cut)


def _strict_whole(text: str, max_depth: int) -> Parsed | None:
    """The whole reply parsed strictly, when it is plain JSON within the depth limit."""
    body = text.strip()
    if not body or body[0] not in '{["-0123456789tfn':
        return None
    if body.count("[") + body.count("{") > max_depth and body[0] in "{[":
        try:  # enough openers to be too deep: check the nesting before parsing
            scan_value(body, 0, stop_at_fence=False, max_depth=max_depth)
        except TooDeep:
            return None
    try:
        return Parsed(True, strict_loads(body))
    except (ValueError, RecursionError):
        return None


def _check(parsed: Parsed, compiled: CompiledSchema | None) -> _Found:
    value, text = canonical(parsed.value)
    if compiled is None:
        return _Found(parsed, value, text, [])
    converted, errors = compiled.validate(value)
    if isinstance(converted, BaseModel):
        text = compiled.dump(converted)
    return _Found(parsed, converted, text, errors)


def _credible(cand: Candidate, parsed: Parsed) -> bool:
    """A bare span inside prose that needed repair must at least contain a quoted string."""
    if cand.fenced or cand.whole or not parsed.repairs:
        return True
    return '"' in cand.text


def _context_repairs(text: str, cand: Candidate) -> list[str]:
    out = ["code_fence"] if cand.fenced else []
    start, end = cand.outer
    if text[:start].strip() or text[end:].strip():
        out.append("prose")
    return out


def _truncated(cand: Candidate, parsed: Parsed, body_end: int) -> bool:
    """Cut off at the end of the reply (not merely missing a bracket before a closing fence)."""
    if cand.scan.balanced or cand.end < body_end:
        return False
    if "stringified" in parsed.repairs:
        return False
    return parsed.truncated or cand.scan.at_eof


def _finish(
    found: list[_Found],
    multiple: str,
    compiled: CompiledSchema | None,
    cut: bool,
) -> ExtractResult:
    if multiple == "error" and len(found) > 1:
        return _fail(
            f"the reply holds {len(found)} JSON values; expected exactly one", truncated=cut
        )
    if multiple == "all":
        errors = [e for i, f in enumerate(found) for e in _prefixed(f.errors, i)]
        repairs = list(dict.fromkeys(r for f in found for r in f.parsed.repairs))
        truncated = cut or any(f.parsed.truncated for f in found)
        if errors:
            return ExtractResult(
                ok=False, errors=tuple(errors), repairs=tuple(repairs), truncated=truncated
            )
        text = "[" + ",".join(f.text for f in found) + "]"
        return ExtractResult(
            ok=True,
            value=[f.value for f in found],
            repairs=tuple(repairs),
            truncated=truncated,
            text=text,
        )
    best = next((f for f in found if not f.errors), None)
    if best is None:
        first = found[0]
        return ExtractResult(
            ok=False,
            errors=tuple(first.errors),
            repairs=tuple(first.parsed.repairs),
            truncated=cut or first.parsed.truncated,
        )
    return ExtractResult(
        ok=True,
        value=best.value,
        repairs=tuple(best.parsed.repairs),
        truncated=cut or best.parsed.truncated,
        text=best.text,
    )
