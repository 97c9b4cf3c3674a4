"""docs/reliability.md names real tests: every ``tests/...py::Class::test`` id on it exists."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "reliability.md"
TEST_ID = re.compile(r"`(tests/[\w/]+\.py)::(\w+)::(\w+)`")


def defined_tests(path: Path) -> set[tuple[str, str]]:
    """(class, method) pairs of the test methods defined in a test module (parsed, not imported)."""
    tree = ast.parse(path.read_text("utf-8"))
    return {
        (node.name, item.name)
        for node in tree.body
        if isinstance(node, ast.ClassDef)
        for item in node.body
        if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef))
        and item.name.startswith("test")
    }


class TestReliabilityDoc:
    """The promises page maps each promise to tests that exist."""

    def test_every_named_test_exists(self) -> None:
        """Each test id in docs/reliability.md names a file, class and test method that exist."""
        ids = TEST_ID.findall(DOC.read_text("utf-8"))
        assert len(ids) >= 40
        cache: dict[str, set[tuple[str, str]]] = {}
        missing = []
        for file, cls, name in ids:
            path = ROOT / file
            if not path.is_file():
                missing.append(f"{file} (no such file)")
                continue
            tests = cache.setdefault(file, defined_tests(path))
            if (cls, name) not in tests:
                missing.append(f"{file}::{cls}::{name}")
        assert missing == []

    def test_checker_catches_a_wrong_id(self) -> None:
        """The id pattern and the parser do find a test that is not there."""
        tests = defined_tests(Path(__file__))
        assert ("TestReliabilityDoc", "test_every_named_test_exists") in tests
        assert ("TestReliabilityDoc", "test_nothing_like_this") not in tests
        assert TEST_ID.findall("`tests/test_x.py::TestY::test_z`") == [
            ("tests/test_x.py", "TestY", "test_z")
        ]
