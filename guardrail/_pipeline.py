"""Runs detectors over one turn, isolating failures (fail-open by default)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import structlog

from guardrail._models import Finding
from guardrail.detectors._base import Detector, TurnContext, detector_name
from guardrail.exceptions import ConfigError, DetectorError
from guardrail.review.redact import redact_secrets

__all__ = ["Pipeline"]

log = structlog.get_logger("guardrail")


class Pipeline:
    """A list of detectors run by one short loop. Validated once, at construction."""

    def __init__(self, detectors: Sequence[Any], *, fail_closed: bool = False) -> None:
        entries: list[tuple[str, Detector, frozenset[str] | None]] = []
        for det in detectors:
            if not callable(det):
                raise ConfigError(f"detector {det!r} is not callable")
            roles = getattr(det, "roles", None)
            entries.append((detector_name(det), det, frozenset(roles) if roles else None))
        self._entries = tuple(entries)
        self.fail_closed = fail_closed

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(name for name, _, _ in self._entries)

    def run(self, turn: TurnContext, errors: list[str]) -> list[Finding]:
        found: list[Finding] = []
        role = turn.message.role
        for name, det, roles in self._entries:
            if roles is not None and role not in roles:
                continue
            try:
                for finding in det(turn):
                    if not isinstance(finding, Finding):
                        raise TypeError(f"returned {type(finding).__name__}, not Finding")
                    found.append(
                        finding
                        if finding.detector
                        else finding.model_copy(update={"detector": name})
                    )
            except Exception as exc:
                if self.fail_closed:
                    raise DetectorError(name, exc) from exc
                log.warning(
                    "guardrail.detector_error",
                    detector=name,
                    index=turn.index,
                    error=redact_secrets(repr(exc)),
                )
                errors.append(redact_secrets(f"{name}: {type(exc).__name__}: {exc}"))
        return found
