"""Structured-output protection: get a valid JSON value out of a model reply, or fail clearly.

First cut (strict parse after fence stripping); the full pipeline lands with issue 4.
"""

from __future__ import annotations

import json
import re
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["ExtractError", "ExtractResult", "extract_json"]

_FENCE = re.compile(r"```(?:json)?[ \t]*\n?(.*?)```", re.DOTALL)


class ExtractError(BaseModel):
    model_config = ConfigDict(frozen=True)

    path: str = "$"
    message: str


class ExtractResult(BaseModel):
    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    ok: bool
    value: Any = None
    repairs: tuple[str, ...] = ()
    errors: tuple[ExtractError, ...] = ()
    truncated: bool = False
    text: str | None = Field(default=None, description="the value serialised as JSON, when ok")


def extract_json(
    text: str, *, schema: Any = None, multiple: str = "first", finish_reason: str | None = None
) -> ExtractResult:
    repairs: list[str] = []
    body = text.strip()
    m = _FENCE.search(body)
    if m:
        body = m.group(1).strip()
        repairs.append("code_fence")
    try:
        value = json.loads(body)
    except json.JSONDecodeError as exc:
        return ExtractResult(ok=False, errors=(ExtractError(message=str(exc)),))
    return ExtractResult(ok=True, value=value, repairs=tuple(repairs), text=json.dumps(value))
