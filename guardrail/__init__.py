"""guardrail: run-time guard for LLM conversations.

Catches a model that is spiralling (self-criticism, capitulation, loops) or emitting malformed
structured output, and users who troll or gaslight it; then repairs, reprompts, resets the context,
or flags the session for review.
"""

from guardrail._guard import Guard
from guardrail._models import (
    Action,
    Decision,
    Evidence,
    Finding,
    Label,
    Message,
    TurnReport,
    Verdict,
)
from guardrail._recovery import Outcome
from guardrail._retry import ModelRetry, wait_retry_after
from guardrail._session import InMemorySessionStore, SessionState, SessionStore
from guardrail._version import __version__
from guardrail.detectors import TurnContext, default_detectors
from guardrail.exceptions import (
    ConfigError,
    DetectorError,
    FatalModelError,
    GuardrailError,
    InputError,
    ModelError,
    ReplyRejected,
    RetriesExhausted,
    TransientModelError,
)
from guardrail.policies import DefaultPolicy, Policy

__all__ = [
    "Action",
    "ConfigError",
    "Decision",
    "DefaultPolicy",
    "DetectorError",
    "Evidence",
    "FatalModelError",
    "Finding",
    "Guard",
    "GuardrailError",
    "InMemorySessionStore",
    "InputError",
    "Label",
    "Message",
    "ModelError",
    "ModelRetry",
    "Outcome",
    "Policy",
    "ReplyRejected",
    "RetriesExhausted",
    "SessionState",
    "SessionStore",
    "TransientModelError",
    "TurnContext",
    "TurnReport",
    "Verdict",
    "__version__",
    "default_detectors",
    "wait_retry_after",
]
