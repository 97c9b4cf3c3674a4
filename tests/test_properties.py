"""Untrusted input: scan, Guard.check and extract_json never fail unexpectedly, keep their output
contracts, stay linear in the input size, and enforce their size limits with a clear error."""

from __future__ import annotations

import contextlib
import gc
import io
import itertools
import json
import math
import tempfile
import time
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import structlog
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from guardrail import Guard, InMemorySessionStore, InputError, Verdict
from guardrail._models import ASSISTANT_LABELS, SESSION_LABELS, USER_LABELS
from guardrail.cli import main
from guardrail.scan import iter_conversations, scan_conversation
from guardrail.structured import extract_json

SCAN_SCHEMA = json.loads(
    resources.files("guardrail").joinpath("schemas/scan_output.schema.json").read_text()
)
VALIDATOR = jsonschema.Draft202012Validator(SCAN_SCHEMA)
TURN_LABELS = {str(label) for label in ASSISTANT_LABELS | USER_LABELS}
PROPS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# -- strategies ----------------------------------------------------------------------------------
#: Any code point, lone surrogates and control characters included.
ANY_CHAR = st.characters(exclude_categories=())
PHRASES = [
    "I am useless. ",
    "You're right, I'm sorry. ",
    "No, you're wrong. Try again. ",
    "I am clearly stuck in a loop. ",
    "```json\n",
    '{"a": [1, 2, {"b": null}]}',
    "[[[[",
    "}}}}",
    "\\u0000",
    "\x00\x1b[31m",
    "\ud800",
    "数学",
]
TEXT = st.one_of(
    st.text(ANY_CHAR, max_size=200),
    st.lists(st.sampled_from(PHRASES), max_size=30).map("".join),
)
ROLE = st.sampled_from(["system", "developer", "user", "assistant", "tool", "human", "ai"])
GOOD_MESSAGE = st.fixed_dictionaries({"role": ROLE, "content": TEXT})
ANY_MESSAGE = st.one_of(
    GOOD_MESSAGE,
    st.fixed_dictionaries(
        {
            "role": st.one_of(ROLE, st.text(max_size=8), st.none(), st.integers()),
            "content": st.one_of(
                TEXT,
                st.none(),
                st.integers(),
                st.lists(
                    st.one_of(TEXT, st.fixed_dictionaries({"type": st.just("text"), "text": TEXT}))
                ),
                st.dictionaries(st.text(max_size=3), TEXT, max_size=2),
            ),
        }
    ),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=3),
    TEXT,
    st.none(),
)
JSON_VALUE = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.floats(allow_nan=False, allow_infinity=False),
        TEXT,
    ),
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=5), inner, max_size=4)
    ),
    max_leaves=20,
)


@st.composite
def replies(draw: st.DrawFn) -> str:
    """Model replies as they come: JSON, fenced, wrapped in prose, truncated or garbage."""
    body = json.dumps(draw(JSON_VALUE), ensure_ascii=draw(st.booleans()))
    kind = draw(st.sampled_from(["plain", "fenced", "prose", "truncated", "garbage"]))
    if kind == "fenced":
        return f"```json\n{body}\n```"
    if kind == "prose":
        return f"{draw(TEXT)} {body} {draw(TEXT)}"
    if kind == "truncated":
        return body[: draw(st.integers(0, len(body)))]
    if kind == "garbage":
        return draw(TEXT)
    return body


@st.composite
def jsonl(draw: st.DrawFn) -> bytes:
    """Scan input: conversation lines mixed with bad lines."""
    lines: list[bytes] = []
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(["conversation", "bare", "bad-json", "bad-shape", "bytes"]))
        if kind == "conversation":
            obj: Any = {
                "id": draw(st.one_of(st.text(max_size=10), st.integers())),
                "messages": draw(st.lists(GOOD_MESSAGE, max_size=6)),
            }
            lines.append(json.dumps(obj).encode())
        elif kind == "bare":
            lines.append(json.dumps(draw(st.lists(ANY_MESSAGE, max_size=4))).encode())
        elif kind == "bad-json":
            lines.append(draw(TEXT).encode("utf-8", "surrogatepass").replace(b"\n", b" "))
        elif kind == "bad-shape":
            lines.append(json.dumps(draw(JSON_VALUE)).encode())
        else:
            lines.append(draw(st.binary(max_size=40)).replace(b"\n", b" "))
    return b"\n".join(lines) + b"\n"


# -- helpers ---------------------------------------------------------------------------------------
def assert_verdict_contract(verdict: Verdict, messages: list[Any]) -> None:
    assert [t.index for t in verdict.turns] == list(range(len(messages)))
    for turn in verdict.turns:
        assert set(turn.labels) <= TURN_LABELS
        assert set(turn.scores) == set(turn.labels)
        assert all(0.0 <= s <= 1.0 for s in turn.scores.values())
        for ev in turn.evidence:
            assert 0 <= ev.start <= ev.end
    assert set(verdict.session_labels) <= {str(s) for s in SESSION_LABELS}


def run_scan(data: bytes, *args: str) -> tuple[int, str, str]:
    """``guardrail scan FILE`` in-process; stdout is a strict UTF-8 stream, like a real one."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "in.jsonl"
        path.write_bytes(data)
        out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", write_through=True)
        err = io.StringIO()
        try:
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                code = main(["scan", str(path), *args])
        finally:
            structlog.reset_defaults()  # the CLI configures structlog globally
        return code, out.buffer.getvalue().decode("utf-8"), err.getvalue()  # type: ignore[attr-defined]


# -- properties ------------------------------------------------------------------------------------
class TestCheckProperties:
    """Guard.check on arbitrary input returns a verdict honouring its contract or an InputError."""

    @PROPS
    @given(messages=st.lists(ANY_MESSAGE, max_size=8))
    def test_no_unexpected_exception(self, messages: list[Any]) -> None:
        """Anything a caller can send gets a verdict or a clear InputError."""
        try:
            verdict = Guard().check(messages)
        except InputError as exc:
            assert str(exc)
            return
        assert_verdict_contract(verdict, messages)

    @PROPS
    @given(messages=st.lists(GOOD_MESSAGE, min_size=1, max_size=10))
    def test_incremental_equals_one_shot(self, messages: list[dict[str, str]]) -> None:
        """Checking a conversation turn by turn labels it exactly as checking it whole."""
        whole = Guard().check(messages, session_id="s")
        guard = Guard()
        turns = []
        for k in range(1, len(messages) + 1):
            verdict = guard.check(messages[:k], session_id="s")
            turns.extend(verdict.turns)
        assert [(t.index, t.labels) for t in turns] == [(t.index, t.labels) for t in whole.turns]
        assert verdict.session_labels == whole.session_labels


class TestScanProperties:
    """guardrail scan on arbitrary bytes: valid output objects, one-line errors, exit code 0/2."""

    @PROPS
    @given(data=jsonl())
    def test_output_contract(self, data: bytes) -> None:
        """Every stdout line validates against the schema; errors are one line each, exit code 2."""
        code, out, err = run_scan(data)
        for line in out.splitlines():
            VALIDATOR.validate(json.loads(line))
        errors = [line for line in err.splitlines() if line.startswith("guardrail scan:")]
        assert code == (2 if errors else 0)
        assert all(line.startswith("guardrail scan: line ") for line in errors)
        assert "Traceback" not in err

    @PROPS
    @given(data=jsonl())
    def test_module_api_agrees(self, data: bytes) -> None:
        """iter_conversations + scan_conversation yield contract objects or named-line errors."""
        guard = Guard()
        for item in iter_conversations(io.BytesIO(data)):
            if not hasattr(item, "messages"):
                assert str(item).startswith("line ")
                continue
            try:
                VALIDATOR.validate(scan_conversation(guard, item))
            except InputError as exc:
                assert str(exc)

    def test_unicode_line_breaks_stay_on_one_line(self) -> None:
        """U+0085, U+2028 and U+2029 in an id are escaped: one output line per conversation."""
        line = '{"id": "a\u0085b\u2028c\u2029", "messages": [{"role": "user", "content": "hi"}]}\n'
        code, out, _ = run_scan(line.encode())
        assert code == 0
        assert len(out.splitlines()) == 1
        assert json.loads(out)["id"] == "a\x85b\u2028c\u2029"

    def test_lone_surrogates_reach_stdout_safely(self) -> None:
        """An id with a lone surrogate (valid JSON: "\\ud800") is printed, not a crash."""
        line = b'{"id": "c\\ud800", "messages": [{"role": "user", "content": "hi"}]}\n'
        code, out, _ = run_scan(line)
        assert code == 0
        VALIDATOR.validate(json.loads(out))


class TestExtractJsonProperties:
    """extract_json on any text: a result, never an exception; repairs are valid and idempotent."""

    @PROPS
    @given(text=st.one_of(replies(), TEXT))
    def test_total_and_idempotent(self, text: str) -> None:
        """ok results carry valid JSON text; extracting that text again gives the same value."""
        result = extract_json(text)
        if not result.ok:
            assert result.errors
            return
        assert result.text is not None
        again = extract_json(result.text)
        assert again.ok
        assert json.dumps(again.value, sort_keys=True) == json.dumps(result.value, sort_keys=True)

    @PROPS
    @given(value=JSON_VALUE)
    def test_valid_json_is_returned_unchanged(self, value: Any) -> None:
        """A reply that is already valid JSON parses to exactly that value."""
        result = extract_json(json.dumps(value))
        assert result.ok
        assert json.dumps(result.value, sort_keys=True) == json.dumps(value, sort_keys=True)


# -- linear time -----------------------------------------------------------------------------------
ADVERSARIAL: dict[str, Callable[[int], str]] = {
    "repeated-phrase": lambda n: ("I am useless at this. " * (n // 22 + 1))[:n],
    "nested-brackets": lambda n: "[" * (n // 2) + "]" * (n // 2),
    "unclosed-braces": lambda n: ('{"a":' * (n // 5 + 1))[:n],
    "no-spaces": lambda n: "a" * n,
    "no-spaces-cjk": lambda n: "数" * n,
    "lone-surrogates": lambda n: "\ud800" * n,
    "control-chars": lambda n: ("\x00\x1b[0m\x07" * (n // 4 + 1))[:n],
    "fences": lambda n: ("```json\n{" * (n // 9 + 1))[:n],
}
RATIO = 3.0
_ids = itertools.count()


def best_of(fn: Callable[[str], Any], text: str, runs: int = 3) -> float:
    """The fastest of ``runs`` calls, with the cyclic GC paused as ``timeit`` does."""
    times = []
    for _ in range(runs):
        gc.disable()
        try:
            t0 = time.perf_counter()
            fn(text)
            times.append(time.perf_counter() - t0)
        finally:
            gc.enable()
    return min(times)


def doubling_ratio(fn: Callable[[str], Any], make: Callable[[int], str], trials: int = 3) -> float:
    """t(2n)/t(n) at an n large enough (t >= 15 ms) for the timing to mean something.

    Each time is the best of three runs and the ratio the lowest of ``trials`` measurements: the
    machine is shared, and noise only ever makes a run slower. A quadratic stays near 4.
    """
    n = 2_048
    while best_of(fn, make(n)) < 0.015 and n < 800_000:
        n *= 2
    small, big = make(n), make(2 * n)
    return min(best_of(fn, big) / max(best_of(fn, small), 1e-9) for _ in range(trials))


#: Large messages allowed; a small store so that timed sessions do not pile up in memory.
_BIG = Guard(max_message_chars=10_000_000, session_store=InMemorySessionStore(max_sessions=4))


def check_one(text: str) -> Any:
    return _BIG.check(
        [{"role": "user", "content": "Try again."}, {"role": "assistant", "content": text}],
        session_id=f"lin-{next(_ids)}",
    )


def check_many(text: str) -> Any:
    """The same text as an anonymous conversation of 50-character turns (per-message path)."""
    msgs = [{"role": "system", "content": f"run {next(_ids)}"}]  # never a known prefix
    msgs += [
        {"role": "user" if i % 2 else "assistant", "content": text[j : j + 50]}
        for i, j in enumerate(range(0, len(text), 50))
    ]
    return _BIG.check(msgs)


def scan_one(text: str) -> Any:
    line = json.dumps({"id": str(next(_ids)), "messages": [{"role": "assistant", "content": text}]})
    out = []
    for item in iter_conversations(io.BytesIO(line.encode())):
        out.append(scan_conversation(_BIG, item))  # type: ignore[arg-type]
    return out


@pytest.mark.slow
class TestLinearTime:
    """Doubling an adversarial input at most about doubles the time (t(2n)/t(n) < 3)."""

    @pytest.mark.parametrize("shape", sorted(ADVERSARIAL))
    @pytest.mark.parametrize(
        "fn",
        [check_one, check_many, scan_one, extract_json],
        ids=["check", "check-many-turns", "scan", "extract_json"],
    )
    def test_doubling(self, fn: Callable[[str], Any], shape: str) -> None:
        """The doubling ratio stays under the bound for every adversarial shape."""
        ratio = doubling_ratio(fn, ADVERSARIAL[shape])
        assert math.isfinite(ratio) and ratio < RATIO, f"{shape}: t(2n)/t(n) = {ratio:.2f}"


class TestLimits:
    """Configured size limits reject oversized input with a clear error, never a hang."""

    def test_message_limit(self) -> None:
        """Guard(max_message_chars=...) names the message, its size and the limit."""
        guard = Guard(max_message_chars=1_000)
        with pytest.raises(InputError, match=r"message 1: 1001 characters, over the limit of 1000"):
            guard.check(
                [{"role": "user", "content": "hi"}, {"role": "user", "content": "x" * 1001}]
            )
        assert guard.check([{"role": "user", "content": "x" * 1000}]).turns

    def test_scan_line_limit(self) -> None:
        """scan --max-line-bytes reports the oversized line and scans the others."""
        ok = json.dumps({"id": "ok", "messages": [{"role": "user", "content": "hi"}]})
        big = json.dumps({"id": "big", "messages": [{"role": "user", "content": "x" * 5000}]})
        code, out, err = run_scan(f"{big}\n{ok}\n".encode(), "--max-line-bytes", "1000")
        assert code == 2
        assert [json.loads(line)["id"] for line in out.splitlines()] == ["ok"]
        assert "line 1: line over the size limit of 1000 bytes" in err

    def test_extract_json_limits(self) -> None:
        """extract_json fails clearly on a reply over max_chars or nested past max_depth."""
        over = extract_json("[" + "1," * 600 + "1]", max_chars=1000)
        assert not over.ok and "over the limit of 1000" in over.errors[0].message
        deep = extract_json("[" * 5000 + "]" * 5000)
        assert not deep.ok and deep.errors
