"""Redaction before storage: secrets always, personal data when configured.

A redactor is any callable ``str -> str``. :func:`redact_secrets` removes API-key-like tokens
(``sk-...``, GitHub and Slack tokens, AWS access keys and secret keys), bearer tokens and
``Authorization`` headers; the guard applies it to every review record whatever else is configured,
so secrets never reach a record. :func:`default_redactor` also removes e-mail addresses and phone
numbers; pass it (or your own callable) as ``Guard(redact=...)``.

Every pattern runs in linear time: each alternative starts at a token boundary and has bounded or
single-class repetition, so there is no nested quantifier to backtrack on.
"""

from __future__ import annotations

import re
from collections.abc import Callable

__all__ = ["Redactor", "compose", "default_redactor", "redact_personal", "redact_secrets"]

Redactor = Callable[[str], str]

_SECRET = re.compile(
    r"(?P<auth>(?i:\bauthorization)\s*[:=]\s*[A-Za-z]+\s+[A-Za-z0-9._~+/=-]{4,})"
    r"|(?P<bearer>(?i:\bbearer)\s+[A-Za-z0-9._~+/=-]{8,})"
    r"|(?P<sk>(?<![A-Za-z0-9])sk-[A-Za-z0-9_-]{16,})"
    r"|(?P<gh>(?<![A-Za-z0-9])(?:gh[pousr]|github_pat)_[A-Za-z0-9_]{20,})"
    r"|(?P<slack>(?<![A-Za-z0-9])xox[abprs]-[A-Za-z0-9-]{10,})"
    r"|(?P<akid>(?<![A-Z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Z0-9]))"
    r"|(?P<awssecret>(?i:aws_secret_access_key)\s*[:=]\s*[\"']?[A-Za-z0-9/+=]{40})"
    r"|(?P<keyvalue>(?i:\b(?:api[_-]?key|secret|password|token))\s*[:=]\s*[\"']?[^\s\"',;]{8,})"
)

_EMAIL = re.compile(
    r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,8}"
)
_PHONE = re.compile(r"(?<![\w+])\+?\(?\d[\d \t().-]{6,20}\d(?!\w)")
_MIN_PHONE_DIGITS = 9


def redact_secrets(text: str) -> str:
    """Replace API keys, bearer tokens, auth headers and AWS keys with ``[REDACTED:secret]``."""
    return _SECRET.sub("[REDACTED:secret]", text)


def _phone(m: re.Match[str]) -> str:
    digits = sum(ch.isdigit() for ch in m.group())
    return "[REDACTED:phone]" if digits >= _MIN_PHONE_DIGITS else m.group()


def redact_personal(text: str) -> str:
    """Replace e-mail addresses and phone numbers (9+ digits) with placeholders."""
    return _PHONE.sub(_phone, _EMAIL.sub("[REDACTED:email]", text))


def compose(*redactors: Redactor | None) -> Redactor:
    """One redactor applying each given one in order (``None`` entries are skipped)."""
    chain = [r for r in redactors if r is not None]

    def run(text: str) -> str:
        for r in chain:
            text = r(text)
        return text

    return run


def default_redactor(text: str) -> str:
    """Secrets, e-mail addresses and phone numbers."""
    return redact_personal(redact_secrets(text))
