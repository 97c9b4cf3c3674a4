"""Output formats: a JSON Schema (Draft 2020-12) or a pydantic model, compiled once and cached."""

from __future__ import annotations

import json
import threading
from collections import OrderedDict
from collections.abc import Sequence
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import SchemaError
from pydantic import BaseModel, ValidationError
from pydantic_core import PydanticSerializationError

from guardrail.exceptions import ConfigError
from guardrail.structured._result import ExtractError

__all__ = ["CompiledSchema", "canonical", "compile_schema", "json_path"]

_MAX_ERRORS = 20
_CACHE_SIZE = 128
_cache: OrderedDict[int, tuple[Any, CompiledSchema]] = OrderedDict()
_cache_lock = threading.Lock()


def json_path(parts: Sequence[Any]) -> str:
    """``["items", 2, "name"]`` -> ``$.items[2].name`` (odd keys quoted: ``$["a b"]``)."""
    out = ["$"]
    for p in parts:
        if isinstance(p, int):
            out.append(f"[{p}]")
        elif isinstance(p, str) and p.isidentifier():
            out.append("." + p)
        else:
            out.append("[" + json.dumps(str(p), ensure_ascii=False) + "]")
    return "".join(out)


def _short(message: str, limit: int = 200) -> str:
    return message if len(message) <= limit else message[: limit - 3] + "..."


class CompiledSchema:
    """A validated output format. Build with :func:`compile_schema`; reuse across calls."""

    __slots__ = ("_model", "_validator", "schema")

    def __init__(self, schema: Any) -> None:
        self.schema = schema
        self._model: type[BaseModel] | None = None
        self._validator: Draft202012Validator | None = None
        if isinstance(schema, type) and issubclass(schema, BaseModel):
            self._model = schema
        elif isinstance(schema, dict):
            try:
                Draft202012Validator.check_schema(schema)
            except SchemaError as exc:
                raise ConfigError(f"invalid JSON Schema: {_short(exc.message)}") from exc
            self._validator = Draft202012Validator(schema)
        else:
            raise ConfigError(
                "schema must be a JSON Schema dict, a pydantic model class or 'json'; "
                f"got {type(schema).__name__}"
            )

    def __repr__(self) -> str:
        if self._model is not None:
            return f"CompiledSchema({self._model.__name__})"
        return f"CompiledSchema(<JSON Schema, {len(self.schema)} keys>)"

    def validate(self, value: Any) -> tuple[Any, list[ExtractError]]:
        """``(converted value, errors)``; the value is a model instance for pydantic formats."""
        try:
            if self._model is not None:
                try:
                    return self._model.model_validate(value), []
                except ValidationError as exc:
                    return None, [
                        ExtractError(path=json_path(e["loc"]), message=_short(e["msg"]))
                        for e in exc.errors()[:_MAX_ERRORS]
                    ]
            assert self._validator is not None
            errors = sorted(
                self._validator.iter_errors(value), key=lambda e: list(map(str, e.absolute_path))
            )
            return value, [
                ExtractError(path=json_path(list(e.absolute_path)), message=_short(e.message))
                for e in errors[:_MAX_ERRORS]
            ]
        except RecursionError:
            return None, [ExtractError(message="the value nests too deeply to validate")]

    def dump(self, value: Any) -> str:
        """``value`` (as returned by :meth:`validate`) serialised as JSON."""
        if isinstance(value, BaseModel):
            try:
                return value.model_dump_json()
            except PydanticSerializationError:  # e.g. a lone surrogate in a string
                value = value.model_dump(mode="json")
        return canonical(value)[1]


def canonical(value: Any) -> tuple[Any, str]:
    """``(value, JSON text)`` with ``json.loads(text) == value``.

    The text is UTF-8 encodable: a value holding lone surrogates (from ``\\ud800`` escapes) is
    written with ASCII escapes and read back, which also joins split surrogate pairs.
    """
    text = json.dumps(value, ensure_ascii=False)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = json.dumps(value)
        return json.loads(text), text
    return value, text


def compile_schema(schema: Any) -> CompiledSchema | None:
    """Compile ``schema`` once (cached by identity): None or ``"json"`` means any JSON value.

    Raises :class:`~guardrail.exceptions.ConfigError` for an invalid schema. Mutating a schema
    dict after its first use is not seen by the cache; pass a new dict instead.
    """
    if schema is None or (isinstance(schema, str) and schema == "json"):
        return None
    if isinstance(schema, CompiledSchema):
        return schema
    key = id(schema)
    with _cache_lock:
        hit = _cache.get(key)
        if hit is not None and hit[0] is schema:
            _cache.move_to_end(key)
            return hit[1]
    compiled = CompiledSchema(schema)
    with _cache_lock:
        _cache[key] = (schema, compiled)  # holding ``schema`` keeps its id from being reused
        while len(_cache) > _CACHE_SIZE:
            _cache.popitem(last=False)
    return compiled
