"""Exceptions raised by guardrail.

::

    GuardrailError(Exception)
    ├── ConfigError(GuardrailError, ValueError)   bad detector/policy/schema; raised at construction
    ├── InputError(GuardrailError, ValueError)    a conversation that cannot be read (shape, size)
    ├── DetectorError(GuardrailError)             a detector crashed (only surfaces with fail_closed)
    ├── ModelError(GuardrailError)                raised by adapters, translated from SDK errors
    │   ├── TransientModelError                   rate limit / timeout / 5xx: retried with backoff
    │   └── FatalModelError
    └── ReplyRejected(GuardrailError)             policy chose to block; carries the verdict
        └── RetriesExhausted                      reprompt budget spent

Flagging is a result plus a hook, not an exception.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from guardrail._models import Verdict

__all__ = [
    "ConfigError",
    "DetectorError",
    "FatalModelError",
    "GuardrailError",
    "InputError",
    "ModelError",
    "ReplyRejected",
    "RetriesExhausted",
    "TransientModelError",
]


class GuardrailError(Exception):
    """Base class of every error raised by guardrail."""


class ConfigError(GuardrailError, ValueError):
    """A detector, policy, schema or store was configured wrongly."""


class InputError(GuardrailError, ValueError):
    """A conversation could not be read: wrong shape, unknown role, or over the size limit."""


class DetectorError(GuardrailError):
    """A detector raised; only surfaces when the guard runs with ``fail_closed=True``."""

    def __init__(self, detector: str, cause: BaseException) -> None:
        super().__init__(f"detector {detector!r} failed: {type(cause).__name__}: {cause}")
        self.detector = detector


class ModelError(GuardrailError):
    """The wrapped model failed; adapters translate SDK errors into this family."""


class TransientModelError(ModelError):
    """A failure worth retrying: rate limit, timeout, 5xx, dropped connection."""

    def __init__(self, message: str, *, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class FatalModelError(ModelError):
    """A failure that retrying will not fix: bad request, authentication, malformed response."""


class ReplyRejected(GuardrailError):
    """The policy blocked the reply; ``verdict`` says why."""

    def __init__(self, message: str, *, verdict: Verdict | None = None) -> None:
        super().__init__(message)
        self.verdict = verdict


class RetriesExhausted(ReplyRejected):
    """The re-call budget (attempts, wall time or tokens) was spent without an acceptable reply."""
