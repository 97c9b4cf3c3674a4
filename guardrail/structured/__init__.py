"""Structured-output protection: get a valid JSON value out of a model reply, or fail clearly.

:func:`extract_json` finds the value (code fences, prose, reasoning blocks), parses it strictly,
repairs what models commonly break (lenient normaliser, then json-repair, with a plausibility
check against silent wrong values), validates it against a JSON Schema or pydantic model, and
reports truncation. :class:`JsonStreamChecker` watches a stream and says early when it cannot
become the required JSON.
"""

from guardrail.structured._extract import MULTIPLE, extract_json
from guardrail.structured._result import ExtractError, ExtractResult
from guardrail.structured._stream import JsonStreamChecker, StreamStatus
from guardrail.structured._validate import CompiledSchema, compile_schema, json_path

__all__ = [
    "MULTIPLE",
    "CompiledSchema",
    "ExtractError",
    "ExtractResult",
    "JsonStreamChecker",
    "StreamStatus",
    "compile_schema",
    "extract_json",
    "json_path",
]
