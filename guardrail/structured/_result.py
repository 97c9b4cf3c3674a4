"""The result of :func:`~guardrail.structured.extract_json`."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["ExtractError", "ExtractResult"]


class ExtractError(BaseModel):
    """One problem, located by a JSON path (``$`` is the whole value, ``$.items[2].name`` deeper)."""

    model_config = ConfigDict(frozen=True)

    path: str = "$"
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


class ExtractResult(BaseModel):
    """What :func:`extract_json` found.

    ``ok`` is true when ``value`` is a usable value (schema-valid when a schema was given);
    ``repairs`` names every repair applied to get it (empty for a clean reply); ``truncated``
    says the reply was cut off (unbalanced at the end, or ``finish_reason == "length"``);
    ``text`` is ``value`` serialised as JSON when ``ok``.
    """

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    ok: bool
    value: Any = None
    repairs: tuple[str, ...] = ()
    errors: tuple[ExtractError, ...] = ()
    truncated: bool = False
    text: str | None = Field(default=None, description="the value serialised as JSON, when ok")

    def __repr__(self) -> str:
        if self.ok:
            return (
                f"ExtractResult(ok=True, repairs={list(self.repairs)}, truncated={self.truncated})"
            )
        errs = "; ".join(str(e) for e in self.errors[:3])
        return f"ExtractResult(ok=False, errors={errs!r}, truncated={self.truncated})"
