"""Parse one candidate: strictly, then with the lenient normaliser, then with json-repair.

json-repair never fails: given prose it returns ``""``, ``{}`` or a string, and given a badly broken
value it may drop most of it. :func:`implausible` rejects such results, so a reply we cannot read
fails clearly instead of yielding a plausible-looking wrong value.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import json_repair

from guardrail.structured._lenient import LenientError, normalise

__all__ = ["Parsed", "implausible", "parse_candidate", "strict_loads"]

_WORD = re.compile(r"[^\W_]")
_STRINGIFIED = re.compile(r"[\[{]\s*\\\"")
#: json-repair output must keep at least this share of the candidate's letters and digits.
MIN_RETAINED = 0.5


def _no_constants(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def strict_loads(text: str) -> Any:
    """``json.loads`` without the NaN/Infinity extensions."""
    return json.loads(text, parse_constant=_no_constants)


@dataclass
class Parsed:
    """A candidate's value, or why it has none."""

    ok: bool
    value: Any = None
    repairs: list[str] = field(default_factory=list)
    truncated: bool = False
    error: str = ""
    repair_chars: int = 0  # characters handed to json-repair (its cost is not linear)


def _letters(text: str) -> int:
    return sum(1 for _ in _WORD.finditer(text))


def implausible(candidate: str, value: Any) -> str | None:
    """Why json-repair's ``value`` for ``candidate`` looks like a silent wrong value, or None."""
    empty = value in ("", None) or (isinstance(value, (dict, list)) and not value)
    if empty and _letters(candidate):
        return "json-repair found no value in it"
    if isinstance(value, str):
        return "json-repair turned it into a plain string"
    have = _letters(candidate)
    kept = _letters(json.dumps(value, ensure_ascii=False))
    if have and kept < MIN_RETAINED * have:
        return f"json-repair kept only {100 * kept // have}% of it"
    return _swallowed(value, stringified=_STRINGIFIED.match(candidate) is not None)


def _strings(value: Any) -> Iterator[tuple[str, bool]]:
    """Every string in ``value`` with whether it is a key, without recursion."""
    stack = [value]
    while stack:
        v = stack.pop()
        if isinstance(v, str):
            yield v, False
        elif isinstance(v, dict):
            for k, item in v.items():
                yield k, True
                stack.append(item)
        elif isinstance(v, list):
            stack.extend(v)


def _swallowed(value: Any, *, stringified: bool) -> str | None:
    """A string that holds syntax json-repair mis-read: a comment, a quote, or a JSON value
    cut short."""
    for s, is_key in _strings(value):
        if "/*" in s:
            return "json-repair kept a /* comment */ inside a string"
        if is_key and '"' in s:
            return "json-repair took quotes into a key"
        if s.endswith('"') and not stringified:  # (stringified JSON escaped its inner quotes)
            return "json-repair took a closing quote into a string"
        if s[:2] in ('{"', '["'):
            try:
                strict_loads(s)
            except (ValueError, RecursionError):
                return "json-repair split a quoted JSON value"
    return None


def parse_candidate(text: str, *, max_depth: int, max_repair_chars: int) -> Parsed:
    """Strict parse, then :func:`normalise`, then json-repair with a plausibility check.

    ``max_repair_chars`` is what is left of the reply's json-repair budget.
    """
    try:
        return Parsed(True, strict_loads(text))
    except RecursionError:
        return Parsed(False, error="the value nests too deeply to parse")
    except ValueError as exc:
        strict_error = str(exc)
    try:
        fixed, repairs, cut = normalise(text, max_depth=max_depth)
        return Parsed(True, strict_loads(fixed), repairs, cut)
    except (LenientError, ValueError):
        pass
    if len(text) > max_repair_chars:
        return Parsed(
            False,
            error=f"not valid JSON ({strict_error}); {len(text)} characters is over the repair "
            f"limit of {max_repair_chars}",
        )
    used = len(text)
    try:
        value = json_repair.loads(text)
    except RecursionError:
        return Parsed(False, error="the value nests too deeply to repair", repair_chars=used)
    except Exception as exc:  # json-repair is third-party: any failure is "could not repair"
        error = f"not valid JSON ({strict_error}); json-repair failed: {exc}"
        return Parsed(False, error=error, repair_chars=used)
    why = implausible(text, value)
    if why is not None:
        return Parsed(False, error=f"not valid JSON ({strict_error}); {why}", repair_chars=used)
    repairs = ["stringified"] if _STRINGIFIED.match(text) else []
    return Parsed(True, value, [*repairs, "json_repair"], repair_chars=used)
