"""Actions do the I/O that policies decide on: reset, reprompt, flag, end."""

from guardrail.actions.reset import (
    ResetStrategy,
    drop_failed_turns,
    fresh_start,
    neutral_summary,
)

__all__ = ["ResetStrategy", "drop_failed_turns", "fresh_start", "neutral_summary"]
