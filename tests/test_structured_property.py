"""Property tests for extract_json on untrusted text: never raises, never returns an invalid value,
repairs are idempotent, and time grows linearly with the input."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator
from pydantic import BaseModel

from guardrail.structured import extract_json

_TOKENS = [
    *"{}[]()\"':,\\/*.` \n\tabcxyzTFN019-_<>+",
    "```",
    "<think>",
    "</think>",
    "True",
    "null",
    "...",
]
JSONISH = st.lists(st.sampled_from(_TOKENS), max_size=40).map("".join)

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**6), 10**6)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=10),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=6), children, max_size=4)
    ),
    max_leaves=12,
)

SCHEMAS: list[dict[str, Any]] = [
    {"type": "object", "required": ["a"], "properties": {"a": {"type": "integer"}}},
    {"type": "array", "items": {"type": "string"}, "minItems": 1},
    {"type": "object", "additionalProperties": {"type": "boolean"}},
    {"type": "string", "maxLength": 3},
]


class Item(BaseModel):
    a: int
    b: list[str] = []


def _mutations(value: Any) -> st.SearchStrategy[str]:
    text = json.dumps(value)
    return st.one_of(
        st.just(text),
        st.integers(0, len(text)).map(lambda k: text[:k]),  # cut off
        st.tuples(st.integers(0, len(text)), JSONISH).map(
            lambda p: text[: p[0]] + p[1] + text[p[0] :]
        ),
        st.sampled_from(["```json\n{}\n```", "Sure! {}", "<think>{{</think>{}", "{} and {}"]).map(
            lambda t: t.replace("{}", text)
        ),
    )


replies = st.one_of(
    JSONISH,
    st.text(max_size=60),
    json_values.flatmap(_mutations),
    st.tuples(st.sampled_from(["```", "```json\n", "Here: ", "<think>"]), JSONISH).map("".join),
)


class TestNeverRaises:
    """Any text gets a result, never an exception."""

    @settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(text=replies, multiple=st.sampled_from(["first", "last", "all", "error"]))
    def test_any_text(self, text: str, multiple: str) -> None:
        result = extract_json(text, multiple=multiple)
        assert result.ok == (result.text is not None)
        if result.ok:
            assert json.loads(result.text) == json.loads(json.dumps(result.value))
        else:
            assert result.errors


class TestSchemaConformance:
    """With a schema, ok=True never comes with a value that violates it."""

    @settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(
        text=replies, schema=st.sampled_from(SCHEMAS), multiple=st.sampled_from(["first", "last"])
    )
    def test_json_schema(self, text: str, schema: dict[str, Any], multiple: str) -> None:
        result = extract_json(text, schema=schema, multiple=multiple)
        if result.ok:
            assert Draft202012Validator(schema).is_valid(result.value)
            assert Draft202012Validator(schema).is_valid(json.loads(result.text or ""))

    @settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(
        text=st.one_of(
            replies,
            st.builds(
                lambda a, b: json.dumps({"a": a, "b": b}),
                st.one_of(st.integers(), st.text(max_size=4)),
                st.lists(st.one_of(st.text(max_size=3), st.integers()), max_size=3),
            ).flatmap(_mutations),
        )
    )
    def test_pydantic(self, text: str) -> None:
        result = extract_json(text, schema=Item)
        if result.ok:
            assert isinstance(result.value, Item)
            assert Item.model_validate_json(result.text or "") == result.value


class TestRoundTrip:
    """Plain JSON comes back exactly; a repaired value re-extracts unchanged with no repairs."""

    @settings(max_examples=300, deadline=None)
    @given(value=json_values)
    def test_valid_json_is_untouched(self, value: Any) -> None:
        result = extract_json(json.dumps(value))
        assert result.ok and result.value == value and result.repairs == ()

    @settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(text=replies)
    def test_repair_is_idempotent(self, text: str) -> None:
        result = extract_json(text)
        if result.ok:
            again = extract_json(result.text or "")
            assert again.ok and again.value == result.value and again.repairs == ()


def _best_time(fn: Callable[[], object], runs: int = 3) -> float:
    best = float("inf")
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


ADVERSARIAL: dict[str, Callable[[int], str]] = {
    "brackets": lambda n: "[" * n,
    "braces-with-keys": lambda n: '{"a":' * (n // 5),
    "quotes": lambda n: '"' * n,
    "single-quotes": lambda n: "'" * n,
    "backticks": lambda n: "`" * n,
    "unescaped-quotes": lambda n: '{"a": "' + 'x" ' * (n // 3),
    "prose-braces": lambda n: "{x} [y] " * (n // 8),
    "think-tags": lambda n: "<think>" * (n // 7),
    "orphan-closing-tags": lambda n: "</think>" * (n // 8),
    "fences": lambda n: "```json\n{\n```" * (n // 13),
    "long-valid-array": lambda n: "[" + "1, " * (n // 3) + "]",
    "many-objects": lambda n: '{"k": 1} ' * (n // 9),
    "comments": lambda n: '{"a": 1 ' + "/*" * (n // 2),
}


class TestLinearTime:
    """Doubling an adversarial input at most roughly doubles the time (generous ratio)."""

    @pytest.mark.parametrize("name", sorted(ADVERSARIAL))
    def test_size_doubling(self, name: str) -> None:
        make = ADVERSARIAL[name]
        small, large = make(100_000), make(200_000)
        t_small = _best_time(lambda: extract_json(small))
        t_large = _best_time(lambda: extract_json(large))
        assert t_large < 3.0 * t_small + 0.02, (name, t_small, t_large)
