"""extract_json: candidates, repairs, truncation, schemas and the multiple policy."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import json_repair
import pytest
from pydantic import BaseModel

from guardrail.exceptions import ConfigError
from guardrail.structured import (
    CompiledSchema,
    ExtractError,
    compile_schema,
    extract_json,
    json_path,
)
from guardrail.structured._repair import implausible

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "malformed_json.jsonl"


class Person(BaseModel):
    name: str
    age: int


PERSON_SCHEMA = {
    "type": "object",
    "properties": {"name": {"type": "string"}, "age": {"type": "integer"}},
    "required": ["name", "age"],
}


class TestCleanReplies:
    """A reply that is already JSON comes back untouched, with no repairs."""

    @pytest.mark.parametrize("raw", ['{"a": 1}', "[1, 2]", '"text"', "42", "null", ' \n{"a": 1}\n'])
    def test_valid_json_needs_no_repair(self, raw: str) -> None:
        result = extract_json(raw)
        assert result.ok
        assert result.value == json.loads(raw)
        assert result.repairs == ()
        assert result.text is not None and json.loads(result.text) == json.loads(raw)

    def test_nan_is_not_json(self) -> None:
        assert not extract_json("NaN").ok


class TestCandidates:
    """Fences come first; prose around the value is dropped; prose braces are not JSON."""

    def test_fence_with_apology(self) -> None:
        raw = 'Sorry about that! Here\'s the corrected JSON: ```{"a": 1}```'
        result = extract_json(raw)
        assert result.value == {"a": 1}
        assert "code_fence" in result.repairs and "prose" in result.repairs

    def test_fence_is_preferred_over_bare_brackets(self) -> None:
        raw = 'See [1] and {"draft": true}.\n```json\n{"final": true}\n```'
        assert extract_json(raw).value == {"final": True}

    def test_backticks_inside_a_string_do_not_close_the_fence(self) -> None:
        raw = '```json\n{"code": "```py\\nx```"}\n```'
        assert extract_json(raw).value == {"code": "```py\nx```"}

    @pytest.mark.parametrize("raw", ['```""{', "```\n'a' + 1\n```", '```"x" "y"```'])
    def test_fence_holding_no_value_fails(self, raw: str) -> None:
        assert not extract_json(raw).ok

    def test_fenced_scalar(self) -> None:
        assert extract_json("Result:\n```\n42\n```").value == 42

    def test_python_fence_is_not_json(self) -> None:
        raw = "```python\nprint(d['k'])\n```\nResult:\n{\"k\": 1}"
        assert extract_json(raw).value == {"k": 1}

    @pytest.mark.parametrize(
        "raw",
        [
            "See [section] for details.",
            "{Note: keeping the original casing}",
            'She said "hi" and left {quietly}.',
            "The answer is 42, I think. {player_name} wins!",
        ],
    )
    def test_prose_with_brackets_fails_clearly(self, raw: str) -> None:
        if raw.startswith("{Note"):
            raw = "I'll fix it. " + raw + " Done."
        result = extract_json(raw)
        assert not result.ok
        assert result.errors[0].path == "$"
        assert "no JSON value" in result.errors[0].message

    def test_prose_brace_span_before_the_payload_is_skipped(self) -> None:
        raw = 'Working. {Note: keeping the casing} Result: {"name":"Ada","age":30}'
        assert extract_json(raw).value == {"name": "Ada", "age": 30}

    def test_no_json_at_all(self) -> None:
        result = extract_json("I'm sorry, I can't help with that.")
        assert not result.ok
        assert result.value is None and result.text is None
        assert "no JSON value found" in result.errors[0].message

    def test_empty_reply(self) -> None:
        assert not extract_json("").ok


class TestReasoningBlocks:
    """<think>-style blocks are removed before the value is looked for."""

    @pytest.mark.parametrize("tag", ["think", "thinking", "reasoning", "reflection"])
    def test_closed_block(self, tag: str) -> None:
        raw = f'<{tag}>maybe {{"draft": 1}}?</{tag}>\n{{"final": 2}}'
        result = extract_json(raw)
        assert result.value == {"final": 2}
        assert "reasoning_block" in result.repairs

    def test_orphan_closing_tag(self) -> None:
        raw = 'the user wants {"x": 0}</think>{"x": 1}'
        assert extract_json(raw).value == {"x": 1}

    @pytest.mark.parametrize(
        "raw",
        ['```json\n{"a": "<think>hi</think>",}\n```', 'Answer: {"a": "<think>hi</think>", }'],
    )
    def test_tags_quoted_inside_a_value_are_kept(self, raw: str) -> None:
        assert extract_json(raw).value == {"a": "<think>hi</think>"}

    def test_closing_tag_on_its_own_line(self) -> None:
        raw = 'the draft was {"d": 1}\n</think>\n\n{"a": 1}'
        assert extract_json(raw).value == {"a": 1}

    def test_unclosed_leading_block_fails_clearly(self) -> None:
        result = extract_json('<think>I should answer {"x": 1} but')
        assert not result.ok
        assert "unclosed reasoning block" in result.errors[0].message


class TestRepairs:
    """Each common breakage is repaired and named."""

    @pytest.mark.parametrize(
        ("raw", "value", "repair"),
        [
            ("{'a': 'b'}", {"a": "b"}, "single_quotes"),
            ("{a: 1}", {"a": 1}, "unquoted_keys"),
            ('{"a": True, "b": None}', {"a": True, "b": None}, "python_literals"),
            ('{"a": 1, // note\n "b": 2 /* x */}', {"a": 1, "b": 2}, "comments"),
            ('{"a": [1, 2,],}', {"a": [1, 2]}, "trailing_comma"),
            ('{"a": "line\nbreak"}', {"a": "line\nbreak"}, "control_chars"),
            ('{"f": "send\\_message"}', {"f": "send_message"}, "invalid_escapes"),
            ('{"p": "C:\\Users\\me",}', {"p": "C:\\Users\\me"}, "invalid_escapes"),
            ('{"s": """multi\nline"""}', {"s": "multi\nline"}, "triple_quotes"),
            ('{"a": 1, ...}', {"a": 1}, "ellipsis"),
            ("{\"g\": 'hello' + 'world'}", {"g": "helloworld"}, "string_concat"),
            ('{"c": (1, 2)}', {"c": [1, 2]}, "python_literals"),
            ("[False, None]", [False, None], "python_literals"),
            ("[ // the list\n  1, 2]", [1, 2], "comments"),
            ('{"key": "apple "bee" carrot"}', {"key": 'apple "bee" carrot'}, "json_repair"),
        ],
    )
    def test_repair(self, raw: str, value: Any, repair: str) -> None:
        result = extract_json(raw)
        assert result.ok, result.errors
        assert result.value == value
        assert repair in result.repairs

    def test_repaired_text_is_clean_json(self) -> None:
        result = extract_json("Here:\n```json\n{'a': [1, 2,], b: None}\n```")
        assert result.text is not None
        assert json.loads(result.text) == {"a": [1, 2], "b": None}
        again = extract_json(result.text)
        assert again.value == result.value and again.repairs == ()

    @pytest.mark.parametrize(
        ("candidate", "value"),
        [
            ('{:"lorem ipsum dolor sit amet consectetur"}', {}),
            ("[lorem ipsum dolor]", ""),
            ('{"lorem ipsum dolor sit amet": 1, "consectetur adipiscing elit": 2', "x"),
            ('{"a": "lorem ipsum dolor sit amet consectetur adipiscing elit sed do"}', {"a": ""}),
        ],
    )
    def test_silent_wrong_values_from_json_repair_are_rejected(
        self, candidate: str, value: Any
    ) -> None:
        assert implausible(candidate, value) is not None

    @pytest.mark.parametrize(
        ("candidate", "value"),
        [
            ("[1, 'a'  b' /* c */]", [1, "a", "b' /* c */"]),
            ('{"in": "{"x": "y"}"}', {"in": '{"x": "y', "y": ""}),
            ('{"in": "{"x": "y"}"}', {"k": [{"deep": '["cut'}]}),
            ('{ "height": "(5\'3")" }', {"height": '(5\'3")"'}),
            ('{"a": "x" "y", "b": "z"}', {"a": "x", 'y", "b': "z"}),
        ],
    )
    def test_swallowed_syntax_is_rejected(self, candidate: str, value: Any) -> None:
        assert implausible(candidate, value) is not None

    def test_stringified_json_may_end_in_a_quote(self) -> None:
        candidate = '{\\"s\\": \\"hello \\\\"world\\\\"\\"}'
        assert implausible(candidate, {"s": 'hello "world"'}) is None
        assert extract_json(candidate).value == {"s": 'hello "world"'}

    def test_swallowed_syntax_end_to_end(self) -> None:
        raw = '```json\n{"action": "go", "input": "{"foo": "bar", "bar": "foo"}"\n}\n```'
        result = extract_json(raw)
        assert not result.ok
        assert "split a quoted JSON value" in result.errors[0].message

    def test_plausible_json_repair_value_is_kept(self) -> None:
        assert implausible('{"a": "b",}', {"a": "b"}) is None

    def test_json_repair_empty_result_fails_end_to_end(self) -> None:
        raw = '{"k": lorem ipsum dolor sit amet {consectetur} adipiscing elit'
        result = extract_json(raw)
        assert not result.ok or json.dumps(result.value).count("lorem") == 1


class TestText:
    """``text`` is UTF-8 encodable JSON that reads back as ``value``."""

    def test_split_surrogate_pair_and_cut_escape(self) -> None:
        result = extract_json('["\\ud800\\udc00 and \\ud800", "\\udc0')
        assert result.ok and result.truncated
        assert result.text is not None
        result.text.encode("utf-8")
        assert json.loads(result.text) == result.value == ["\U00010000 and \ud800", ""]


class TestTruncation:
    """Cut-off replies are completed where possible and always marked truncated."""

    @pytest.mark.parametrize(
        ("raw", "value"),
        [
            ('{"foo": "bar", "bar": "foo', {"foo": "bar", "bar": "foo"}),
            ('{"foo": "bar", "bar": "foo}', {"foo": "bar", "bar": "foo}"}),
            ('{"foo": "bar", "bar":', {"foo": "bar"}),
            ('{"foo": "bar", "bar"', {"foo": "bar"}),
            ('{"foo":"bar\\', {"foo": "bar"}),
            ('{"items": [1, 2, {"k": tr', {"items": [1, 2, {}]}),
            ('[{"a": 1}, {"b": 2', [{"a": 1}, {"b": 2}]),
        ],
    )
    def test_cut_off_value(self, raw: str, value: Any) -> None:
        result = extract_json(raw)
        assert result.ok and result.value == value
        assert result.truncated
        assert "truncated" in result.repairs

    def test_missing_bracket_before_a_closing_fence_is_not_truncation(self) -> None:
        result = extract_json('```\n{"foo": "bar"\n```\nDone.')
        assert result.value == {"foo": "bar"}
        assert not result.truncated
        assert "missing_brackets" in result.repairs

    def test_finish_reason_length_marks_truncated(self) -> None:
        assert extract_json('{"a": 1}', finish_reason="length").truncated
        assert not extract_json('{"a": 1}', finish_reason="stop").truncated

    def test_truncated_reply_failing_the_schema(self) -> None:
        result = extract_json('{"name": "Ada", "ag', schema=PERSON_SCHEMA)
        assert not result.ok and result.truncated
        assert any("age" in e.message for e in result.errors)


class TestSchemas:
    """JSON Schema and pydantic formats: errors by JSON path, no invalid value passes."""

    def test_json_schema_errors_have_paths(self) -> None:
        schema = {
            "type": "object",
            "properties": {
                "items": {
                    "type": "array",
                    "items": {"type": "object", "properties": {"name": {"type": "string"}}},
                }
            },
        }
        result = extract_json(
            '{"items": [{"name": "a"}, {"name": "b"}, {"name": 3}]}', schema=schema
        )
        assert not result.ok
        assert result.errors == (
            ExtractError(path="$.items[2].name", message="3 is not of type 'string'"),
        )

    def test_repair_that_breaks_the_schema_is_a_failure(self) -> None:
        result = extract_json("{name: 'Ada', age: 'thirty'}", schema=PERSON_SCHEMA)
        assert not result.ok
        assert result.errors[0].path == "$.age"

    def test_pydantic_model_gives_an_instance(self) -> None:
        result = extract_json("```json\n{'name': 'Ada', 'age': 36}\n```", schema=Person)
        assert result.ok
        assert result.value == Person(name="Ada", age=36)
        assert result.text is not None and json.loads(result.text) == {"name": "Ada", "age": 36}

    def test_pydantic_errors_have_paths(self) -> None:
        result = extract_json('{"name": "Ada"}', schema=Person)
        assert not result.ok
        assert result.errors[0].path == "$.age"

    @pytest.mark.parametrize("bad", [{"type": "no-such-type"}, "yaml", 42, int])
    def test_invalid_schema_raises_config_error(self, bad: Any) -> None:
        with pytest.raises(ConfigError):
            extract_json("{}", schema=bad)

    def test_json_means_any_json(self) -> None:
        assert extract_json("[1]", schema="json").value == [1]

    def test_compiled_schema_is_cached_and_reusable(self) -> None:
        compiled = compile_schema(PERSON_SCHEMA)
        assert isinstance(compiled, CompiledSchema)
        assert compile_schema(PERSON_SCHEMA) is compiled
        assert compile_schema(compiled) is compiled
        assert compile_schema(None) is None and compile_schema("json") is None
        assert extract_json('{"name": "A", "age": 1}', schema=compiled).ok

    def test_schema_picks_the_first_conforming_candidate(self) -> None:
        raw = 'The user supplied {"is_verified": true}. The result is {"name": "Ada", "age": 3}.'
        assert extract_json(raw, schema=PERSON_SCHEMA).value == {"name": "Ada", "age": 3}
        assert extract_json(raw).value == {"is_verified": True}

    def test_json_path(self) -> None:
        assert json_path(["items", 2, "name"]) == "$.items[2].name"
        assert json_path(["a b", 0]) == '$["a b"][0]'
        assert json_path([]) == "$"


class TestMultiple:
    """Several values in one reply: first, last, all or error."""

    RAW = 'First: {"id": 1}\nSecond: {"id": 2}'

    def test_first(self) -> None:
        assert extract_json(self.RAW).value == {"id": 1}

    def test_last(self) -> None:
        assert extract_json(self.RAW, multiple="last").value == {"id": 2}

    def test_all(self) -> None:
        result = extract_json(self.RAW, multiple="all")
        assert result.value == [{"id": 1}, {"id": 2}]
        assert result.text is not None and json.loads(result.text) == result.value

    def test_all_validates_each_item(self) -> None:
        result = extract_json(
            self.RAW, multiple="all", schema={"properties": {"id": {"maximum": 1}}}
        )
        assert not result.ok
        assert result.errors[0].path == "$[1].id"

    def test_error(self) -> None:
        result = extract_json(self.RAW, multiple="error")
        assert not result.ok and "2 JSON values" in result.errors[0].message
        assert extract_json('{"id": 1}', multiple="error").ok

    def test_unknown_policy(self) -> None:
        with pytest.raises(ConfigError):
            extract_json("{}", multiple="any")


class TestLimits:
    """Size and depth limits fail with a clear error instead of recursing or stalling."""

    def test_size_limit(self) -> None:
        result = extract_json('{"a": "' + "x" * 100 + '"}', max_chars=50)
        assert not result.ok and "over the limit of 50" in result.errors[0].message

    @pytest.mark.parametrize("opener", ["[", '{"a":', '[{"k": '])
    def test_deep_nesting(self, opener: str) -> None:
        result = extract_json(opener * 100_000)
        assert not result.ok
        assert "deeper than 100 levels" in result.errors[0].message

    def test_depth_is_configurable(self) -> None:
        assert extract_json("[" * 150 + "]" * 150, max_depth=200).ok
        assert not extract_json("[" * 150 + "]" * 150).ok

    def test_repair_limit(self) -> None:
        raw = '{"a": "x" "y", "b": "' + "z" * 300 + '"}'
        result = extract_json(raw, max_repair_chars=100)
        assert not result.ok and "repair limit of 100" in result.errors[0].message

    def test_repair_budget_is_per_reply(self) -> None:
        broken = '{"a": "x" "b": "' + "z" * 60 + '"}'  # a missing comma: json-repair's job
        raw = f"One: {broken}\nTwo: {broken}"
        assert extract_json(broken, max_repair_chars=100).ok
        assert extract_json(raw, max_repair_chars=200, multiple="all").ok
        result = extract_json(raw, max_repair_chars=100, multiple="all")
        assert not result.ok and "repair limit" in result.errors[0].message

    @pytest.mark.parametrize("unit", ['"', "[", "{", "'", "`", "\\", '{"', "[{"])
    def test_a_megabyte_of_one_character(self, unit: str) -> None:
        result = extract_json(unit * (1_000_000 // len(unit)))
        assert isinstance(result.ok, bool)

    def test_not_a_string(self) -> None:
        assert not extract_json(b"{}").ok  # type: ignore[arg-type]


@pytest.mark.skipif(not CORPUS.is_file(), reason=f"shared corpus not found at {CORPUS}")
class TestSharedCorpus:
    """On the shared malformed-JSON corpus: more correct and fewer wrong values than json_repair."""

    def test_beats_json_repair(self) -> None:
        cases = [
            json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line
        ]
        ours = theirs = ours_wrong = theirs_wrong = 0
        for case in cases:
            result = extract_json(case["raw"])
            if result.ok:
                ok = result.value == case["expected"]
                ours += ok
                ours_wrong += not ok
            repaired = json_repair.loads(case["raw"])
            theirs += repaired == case["expected"]
            theirs_wrong += repaired != case["expected"]
        assert ours > theirs
        assert ours_wrong < theirs_wrong
