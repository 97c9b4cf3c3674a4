"""JsonStreamChecker: incremental, O(chunk), and early to say when a stream cannot become JSON."""

from __future__ import annotations

import json
import time
from collections.abc import Iterable
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from guardrail.exceptions import ConfigError
from guardrail.structured import JsonStreamChecker, StreamStatus, compile_schema


def feed_all(checker: JsonStreamChecker, chunks: Iterable[str]) -> list[StreamStatus]:
    return [checker.feed(c) for c in chunks]


def chars(text: str) -> list[str]:
    return list(text)


class Thing(BaseModel):
    a: int


class TestHealthyStreams:
    """Streams that will hold the JSON never fail, whatever the chunking."""

    @pytest.mark.parametrize(
        "text",
        [
            '{"a": [1, 2, {"b": "}]\\" {["}]}',
            '```json\n{"a": 1}\n```',
            '<think>the user wants {x} and [y]</think>\n{"a": 1}',
            'Here is the JSON you asked for:\n{"a": 1}',
            "{a: 'b', // comment\n c: [1, 2,],}",
            '[{"a": 1}, {"b": 2}]',
            '{"a": 1}\nHope this helps!',
            "[ // items\n True, None]",
        ],
    )
    @pytest.mark.parametrize("split", [1, 3, 1000])
    def test_completes(self, text: str, split: int) -> None:
        checker = JsonStreamChecker()
        statuses = feed_all(checker, [text[i : i + split] for i in range(0, len(text), split)])
        assert StreamStatus.FAILED not in statuses
        assert statuses[-1] is StreamStatus.COMPLETE
        assert checker.finish() is StreamStatus.COMPLETE
        assert checker.values == 1

    def test_statuses_progress(self) -> None:
        checker = JsonStreamChecker()
        assert checker.feed("  ```json\n") is StreamStatus.WAITING
        assert checker.feed('{"a": ') is StreamStatus.IN_VALUE
        assert checker.feed('"}"') is StreamStatus.IN_VALUE
        assert checker.feed("}") is StreamStatus.COMPLETE

    def test_reasoning_tag_split_across_chunks(self) -> None:
        checker = JsonStreamChecker(max_preamble=5)
        chunks = ["<thi", "nk>" + "long reasoning, no JSON yet. " * 20, "</th", "INK>", '{"a":1}']
        assert StreamStatus.FAILED not in feed_all(checker, chunks)
        assert checker.finish() is StreamStatus.COMPLETE

    def test_only_failed_is_truthy(self) -> None:
        assert [bool(s) for s in StreamStatus] == [False, False, False, True]


class TestEarlyFailure:
    """The checker fails as soon as the stream cannot become the required JSON."""

    def test_prose_only_fails_after_the_preamble_budget(self) -> None:
        checker = JsonStreamChecker(max_preamble=50)
        text = "I'm sorry, I cannot produce that output. " * 10
        statuses = feed_all(checker, chars(text))
        first_fail = statuses.index(StreamStatus.FAILED)
        assert len("".join(text[: first_fail + 1].split())) == 51  # whitespace is not counted
        assert checker.reason is not None and "50 characters" in checker.reason

    def test_prose_braces_do_not_count_as_a_value(self) -> None:
        checker = JsonStreamChecker(max_preamble=30)
        feed_all(checker, chars("See [section] and {player_name} for the details, then decide."))
        assert checker.status is StreamStatus.FAILED

    def test_second_value_with_multiple_error(self) -> None:
        checker = JsonStreamChecker(multiple="error")
        assert checker.feed('{"a": 1}\n') is StreamStatus.COMPLETE
        assert checker.feed('{"b"') is StreamStatus.FAILED
        assert checker.reason is not None and "second" in checker.reason

    def test_second_value_allowed_otherwise(self) -> None:
        for multiple in ("first", "last", "all"):
            checker = JsonStreamChecker(multiple=multiple)
            assert checker.feed('{"a": 1} {"b": 2}') is StreamStatus.COMPLETE

    @pytest.mark.parametrize(
        ("schema", "text"),
        [({"type": "object"}, "[1, 2]"), ({"type": "array"}, '{"a": 1}'), (Thing, "[1]")],
    )
    def test_wrong_kind_of_value(self, schema: object, text: str) -> None:
        assert JsonStreamChecker(schema=schema).feed(text) is StreamStatus.FAILED
        compiled = compile_schema(schema)
        assert JsonStreamChecker(schema=compiled).feed(text) is StreamStatus.FAILED

    def test_too_deep(self) -> None:
        checker = JsonStreamChecker(max_depth=10)
        assert checker.feed("[" * 11) is StreamStatus.FAILED

    def test_failure_is_sticky(self) -> None:
        checker = JsonStreamChecker(max_preamble=0)
        assert checker.feed("x") is StreamStatus.FAILED
        assert checker.feed('{"a": 1}') is StreamStatus.FAILED

    def test_truncated_at_finish(self) -> None:
        checker = JsonStreamChecker()
        checker.feed('{"a": [1, 2')
        assert checker.finish() is StreamStatus.FAILED
        assert checker.reason is not None and "truncated" in checker.reason

    def test_no_value_at_finish(self) -> None:
        checker = JsonStreamChecker()
        checker.feed("Hello")
        assert checker.finish() is StreamStatus.FAILED

    def test_bad_configuration(self) -> None:
        with pytest.raises(ConfigError):
            JsonStreamChecker(multiple="some")
        with pytest.raises(ConfigError):
            JsonStreamChecker(max_preamble=-1)


class TestCost:
    """feed is O(chunk): the cost of a chunk does not grow with what came before."""

    def test_chunk_cost_is_flat(self) -> None:
        chunk = '{"k": "v", "n": [1, 2, 3]}, '

        def cost(prefix_chunks: int) -> float:
            checker = JsonStreamChecker()
            checker.feed("[")
            for _ in range(prefix_chunks):
                checker.feed(chunk)
            t0 = time.perf_counter()
            for _ in range(2000):
                checker.feed(chunk)
            return time.perf_counter() - t0

        early = min(cost(10) for _ in range(3))
        late = min(cost(20_000) for _ in range(3))
        assert late < 3.0 * early + 0.01


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=5), children, max_size=3)
    ),
    max_leaves=10,
)


def _split(text: str, cuts: list[int]) -> list[str]:
    points = sorted({c % (len(text) + 1) for c in cuts})
    return [text[a:b] for a, b in zip([0, *points], [*points, len(text)], strict=True)]


class TestProperties:
    """Any chunking of a valid reply never fails; arbitrary text never raises."""

    @settings(max_examples=300, deadline=None)
    @given(
        value=json_values.filter(lambda v: isinstance(v, (dict, list))),
        wrap=st.sampled_from(["{}", "```json\n{}\n```", "<think>a {b} [c]</think>{}", "Sure: {}"]),
        cuts=st.lists(st.integers(0, 10_000), max_size=8),
    )
    def test_valid_reply_never_fails(self, value: Any, wrap: str, cuts: list[int]) -> None:
        text = wrap.replace("{}", json.dumps(value), 1) if wrap != "{}" else json.dumps(value)
        checker = JsonStreamChecker(multiple="error")
        statuses = feed_all(checker, _split(text, cuts))
        assert StreamStatus.FAILED not in statuses, checker.reason
        assert checker.finish() is StreamStatus.COMPLETE

    @settings(max_examples=300, deadline=None)
    @given(text=st.text(max_size=200), cuts=st.lists(st.integers(0, 10_000), max_size=8))
    def test_any_text(self, text: str, cuts: list[int]) -> None:
        checker = JsonStreamChecker()
        for status in feed_all(checker, _split(text, cuts)):
            assert isinstance(status, StreamStatus)
        assert isinstance(checker.finish(), StreamStatus)
