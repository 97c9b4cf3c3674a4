"""``guardrail scan``: the DESIGN.md contract field for field, and bad input handled line by line."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from guardrail.cli import main

SCHEMA = json.loads(
    resources.files("guardrail").joinpath("schemas/scan_output.schema.json").read_text()
)

SPIRAL = [
    {"role": "system", "content": "You solve puzzles."},
    {"role": "user", "content": "Which whole number is both even and odd?"},
    {"role": "assistant", "content": "None: every integer is either even or odd."},
    {"role": "user", "content": "No, you're wrong. Try again."},
    {
        "role": "assistant",
        "content": "You're right. I am a failure. I keep botching this. I'm useless.",
    },
]
HEALTHY = [
    {"role": "user", "content": "Capital of France?"},
    {"role": "assistant", "content": "Paris.", "extra_key": "ignored"},
]


def scan(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], body: str | bytes, *args: str
) -> tuple[int, list[dict[str, Any]], str]:
    path = tmp_path / "in.jsonl"
    path.write_bytes(body.encode() if isinstance(body, str) else body)
    code = main(["scan", str(path), *args])
    out, err = capsys.readouterr()
    rows = (
        [json.loads(line) for line in out.splitlines() if line.strip()]
        if "--format" not in args
        else []
    )
    return code, rows, err


def jsonl(*convs: Any) -> str:
    return "\n".join(json.dumps(c) for c in convs) + "\n"


class TestContract:
    def test_output_validates_against_schema(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Every output object matches the JSON Schema kept in the repo."""
        code, rows, _ = scan(
            tmp_path,
            capsys,
            jsonl({"id": "c1", "messages": SPIRAL}, {"id": "c2", "messages": HEALTHY}),
        )
        assert code == 0
        assert [r["id"] for r in rows] == ["c1", "c2"]
        for row in rows:
            jsonschema.validate(row, SCHEMA)

    def test_every_message_has_an_entry_with_offsets(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """index is the input position (system included) and evidence offsets index the content."""
        _, rows, _ = scan(tmp_path, capsys, jsonl({"id": "c1", "messages": SPIRAL}))
        turns = rows[0]["turns"]
        assert [t["index"] for t in turns] == list(range(len(SPIRAL)))
        assert turns[0]["role"] == "system"
        last = turns[-1]
        assert "self_criticism" in last["labels"]
        for ev in last["evidence"]:
            assert SPIRAL[-1]["content"][ev["start"] : ev["end"]] == ev["text"]
        assert rows[0]["session"]["action"] in {"reset", "reprompt"}

    def test_identical_conversations_are_scanned_independently(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Two identical lines get identical results (no state shared between conversations)."""
        _, rows, _ = scan(
            tmp_path,
            capsys,
            jsonl({"id": "a", "messages": SPIRAL}, {"id": "b", "messages": SPIRAL}),
        )
        assert rows[0]["turns"] == rows[1]["turns"]

    def test_single_json_object_and_bare_list(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A JSON file with one (pretty-printed) object, or a bare message list, is accepted."""
        _, rows, _ = scan(tmp_path, capsys, json.dumps({"id": "x", "messages": HEALTHY}, indent=2))
        assert rows[0]["id"] == "x"
        _, rows, _ = scan(tmp_path, capsys, json.dumps(HEALTHY, indent=2))
        assert len(rows) == 1 and len(rows[0]["turns"]) == 2

    def test_stdin(self) -> None:
        """PATH '-' reads stdin."""
        proc = subprocess.run(
            [sys.executable, "-m", "guardrail.cli", "scan", "-"],
            input=jsonl({"id": "s", "messages": HEALTHY}),
            capture_output=True,
            text=True,
            check=False,
        )
        assert proc.returncode == 0, proc.stderr
        assert json.loads(proc.stdout)["id"] == "s"

    def test_table_format(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """--format table prints a readable per-turn table."""
        code, _, _ = scan(
            tmp_path, capsys, jsonl({"id": "c1", "messages": SPIRAL}), "--format", "table"
        )
        assert code == 0

    def test_schema_option_labels_malformed_output(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """--schema turns on malformed_output for assistant replies."""
        schema = tmp_path / "s.json"
        schema.write_text(json.dumps({"type": "object", "required": ["answer"]}))
        conv = {
            "id": "j",
            "messages": [
                {"role": "user", "content": "JSON please"},
                {"role": "assistant", "content": "Sure! It is 4."},
            ],
        }
        _, rows, _ = scan(tmp_path, capsys, jsonl(conv), "--schema", str(schema))
        assert "malformed_output" in rows[0]["turns"][1]["labels"]


class TestBadInput:
    @pytest.mark.parametrize(
        ("line", "problem"),
        [
            ("{not json", "invalid JSON"),
            ('{"id": "w", "turns": []}', "missing 'messages'"),
            ('"just a string"', "expected an object"),
            (
                '{"id": "r", "messages": [{"role": "robot", "content": "hi"}]}',
                "unknown role 'robot'",
            ),
            ('{"id": "c", "messages": [{"role": "user", "content": 5}]}', "content must be"),
        ],
    )
    def test_one_line_error_and_others_still_scanned(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str], line: str, problem: str
    ) -> None:
        """A bad line gets a one-line error naming it, exit 2, and the other lines are scanned."""
        body = (
            jsonl({"id": "ok1", "messages": HEALTHY})
            + line
            + "\n"
            + jsonl({"id": "ok2", "messages": HEALTHY})
        )
        code, rows, err = scan(tmp_path, capsys, body)
        assert code == 2
        assert [r["id"] for r in rows] == ["ok1", "ok2"]
        errors = err.strip().splitlines()
        assert len(errors) == 1 and "line 2" in errors[0] and problem in errors[0]

    def test_empty_file(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """An empty file is an error, exit 2."""
        code, rows, err = scan(tmp_path, capsys, "")
        assert code == 2 and rows == [] and "empty" in err

    def test_huge_line(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A 50 MB line is refused by size, named, and the following line is still scanned."""
        big = json.dumps(
            {"id": "big", "messages": [{"role": "user", "content": "x" * (50 * 1024 * 1024)}]}
        )
        body = big + "\n" + jsonl({"id": "after", "messages": HEALTHY})
        code, rows, err = scan(tmp_path, capsys, body)
        assert code == 2
        assert [r["id"] for r in rows] == ["after"]
        assert "line 1" in err and "size limit" in err

    def test_missing_file(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A missing path is a clear error, exit 2."""
        assert main(["scan", "/nonexistent/x.jsonl"]) == 2
        assert "cannot open" in capsys.readouterr().err


class TestCommands:
    def test_version_and_help(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--version prints the version; every command has --help."""
        from guardrail import __version__
        from guardrail.cli import build_parser

        with pytest.raises(SystemExit) as info:
            main(["--version"])
        assert info.value.code == 0 and __version__ in capsys.readouterr().out
        parser = build_parser()
        commands = parser._subparsers._group_actions[0].choices  # type: ignore[union-attr]
        assert {"scan", "demo"} <= set(commands)
        for name in commands:
            with pytest.raises(SystemExit) as info:
                main([name, "--help"])
            assert info.value.code == 0
