"""Reference point: guardrails-ai ``Guard().validate`` with one trivial (always-pass) validator.

Runs in whichever interpreter has ``guardrails-ai`` installed; ``make bench`` keeps it in
``.venv-bench`` because guardrails-ai pins ``openai<3`` while the project's venv carries openai 3.
The suite (``bench_suite.py``) starts this script as a subprocess, sends the inputs on stdin as
JSON (``{"texts": {label: text}, "n": int, "warmup": int}``) and reads one JSON object back.

The validator is a custom one written with guardrails-ai's ``register_validator`` decorator, so no
hub download is needed. Telemetry is switched off (no network), as a benchmark should be.
"""

from __future__ import annotations

import json
import os
import sys
import time
from importlib import metadata
from typing import Any

from _timing import sample, stats


def measure(texts: dict[str, str], n: int, warmup: int) -> dict[str, Any]:
    os.environ.setdefault("OTEL_SDK_DISABLED", "true")
    t0 = time.perf_counter()
    try:
        from guardrails import Guard
        from guardrails.classes.rc import RC
        from guardrails.settings import settings
        from guardrails.validators import PassResult, register_validator
    except ImportError as exc:
        return {"available": False, "reason": f"guardrails-ai is not installed ({exc})"}
    import guardrails

    settings.rc = RC(enable_metrics=False)
    import_s = time.perf_counter() - t0

    @register_validator(name="bench/always-pass", data_type="string")  # type: ignore[untyped-decorator]
    def always_pass(value: Any, metadata: dict[str, Any]) -> Any:
        return PassResult()

    guard = Guard().use(always_pass())
    out: dict[str, Any] = {
        "available": True,
        "version": getattr(guardrails, "__version__", None) or metadata.version("guardrails-ai"),
        "python": sys.version.split()[0],
        "import_seconds": round(import_s, 2),
        "validate": {},
    }
    for label, text in texts.items():
        if not guard.validate(text).validation_passed:
            return {"available": False, "reason": "the trivial validator did not pass"}
        out["validate"][label] = stats(
            *sample(lambda _i, t=text: guard.validate(t), n=n, warmup=warmup)
        )
    return out


def main() -> None:
    req = json.load(sys.stdin)
    try:
        result = measure(req["texts"], int(req["n"]), int(req["warmup"]))
    except Exception as exc:  # report, never crash the suite
        result = {"available": False, "reason": f"{type(exc).__name__}: {exc}"}
    sys.stdout.write(json.dumps(result) + "\n")


if __name__ == "__main__":
    main()
