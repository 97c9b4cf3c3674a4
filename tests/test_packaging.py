"""Packaging and layering: adapters install as guardrail.adapters; the core never imports them."""

from __future__ import annotations

import ast
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


class TestLayering:
    def test_core_never_imports_adapters(self) -> None:
        """Nothing under guardrail/ imports adapters or guardrail.adapters."""
        offenders = {
            str(p.relative_to(ROOT)): sorted(
                m
                for m in imported_modules(p)
                if m.split(".")[0] == "adapters" or m.startswith("guardrail.adapters")
            )
            for p in (ROOT / "guardrail").rglob("*.py")
        }
        assert {k: v for k, v in offenders.items() if v} == {}

    def test_core_imports_no_model_sdk(self) -> None:
        """The core imports no third-party model SDK (openai, langchain agents)."""
        banned = {"openai", "langchain", "anthropic"}
        found = {
            str(p.relative_to(ROOT)): sorted(
                m for m in imported_modules(p) if m.split(".")[0] in banned
            )
            for p in (ROOT / "guardrail").rglob("*.py")
        }
        assert {k: v for k, v in found.items() if v} == {}


@pytest.mark.slow
class TestWheel:
    def test_wheel_layout(self, tmp_path: Path) -> None:
        """The wheel holds guardrail/adapters/ and no top-level adapters package."""
        subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "wheel",
                "--no-deps",
                "--no-build-isolation",
                "-q",
                "-w",
                str(tmp_path),
                str(ROOT),
            ],
            check=True,
            capture_output=True,
        )
        wheel = next(tmp_path.glob("agent_guardrail-*.whl"))
        names = zipfile.ZipFile(wheel).namelist()
        assert "guardrail/adapters/__init__.py" in names
        assert not [n for n in names if n.startswith("adapters/")]
        assert "guardrail/schemas/scan_output.schema.json" in names
        assert "guardrail/py.typed" in names
        # Every package of the source tree ships (an explicit package list is easy to forget).
        packages = {
            p.relative_to(ROOT).as_posix() for p in (ROOT / "guardrail").rglob("__init__.py")
        }
        packages |= {"guardrail/adapters/__init__.py"}
        assert packages - set(names) == set()
        data = {p.relative_to(ROOT).as_posix() for p in (ROOT / "guardrail").rglob("*.json")}
        assert data - set(names) == set()
