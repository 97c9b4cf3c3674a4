"""Redaction before storage: secrets always, personal data when configured; linear time."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from guardrail.exceptions import ConfigError
from guardrail.review.redact import compose, default_redactor, redact_personal, redact_secrets

SECRETS = [
    "sk-proj-AbCdEf0123456789GhIjKlMn",
    "sk-ABCDEFGHIJKLMNOPQRSTUV",
    "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig",
    "bearer abcdefghijklmnop",
    "AKIAIOSFODNN7EXAMPLE",
    "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    "ghp_0123456789abcdefghijABCDEFGHIJ012345",
    "xoxb-1234567890-abcdefghij",
    "api_key=9f8e7d6c5b4a3210",
    'password: "hunter2hunter2"',
]


class TestSecrets:
    """API keys, bearer tokens, auth headers and AWS keys never survive."""

    @pytest.mark.parametrize("secret", SECRETS)
    def test_removed(self, secret: str) -> None:
        out = redact_secrets(f"my config: {secret} thanks")
        assert "[REDACTED:secret]" in out
        tail = secret.split()[-1].strip('"')
        assert tail[-8:] not in out

    def test_ordinary_text_untouched(self) -> None:
        text = "The skeleton key (sk-1) is short; ask the API for a token later."
        assert redact_secrets(text) == text


class TestPersonal:
    """E-mail addresses and phone numbers (9+ digits), not dates or short numbers."""

    def test_email_and_phone(self) -> None:
        out = redact_personal("Mail ana.lopez+x@mail.example.co.uk or call +1 (415) 555-0132.")
        assert out == "Mail [REDACTED:email] or call [REDACTED:phone]."

    def test_dates_and_small_numbers_kept(self) -> None:
        text = "On 2026-11-26 the answer was 42 and 1,234 items."
        assert redact_personal(text) == text

    def test_default_and_compose(self) -> None:
        text = "a@b.io sk-ABCDEFGHIJKLMNOPQRSTUV"
        assert default_redactor(text) == "[REDACTED:email] [REDACTED:secret]"
        assert compose(None, str.upper)("x") == "X"


class TestLinear:
    """Adversarial input is processed in linear time (size-doubling check, generous ratio)."""

    @pytest.mark.parametrize(
        "unit", ["a" * 50 + "@", "1 " * 20 + "x", "sk-" + "a" * 10 + " ", "Bearer  ", "a.b@c" * 5]
    )
    def test_doubling(self, unit: str) -> None:
        def cost(n: int) -> float:
            text = unit * n
            best = float("inf")
            for _ in range(3):
                t = time.perf_counter()
                default_redactor(text)
                best = min(best, time.perf_counter() - t)
            return best

        cost(500)
        small, large = cost(2000), cost(4000)
        assert large < small * 4 + 1e-3

    @settings(max_examples=200, deadline=None)
    @given(st.text(max_size=400))
    def test_never_raises_and_idempotent(self, text: str) -> None:
        once = default_redactor(text)
        assert default_redactor(once) == once


class TestPostgresExtra:
    """Without psycopg the Postgres backend fails with a clear error naming the extra."""

    def test_missing_psycopg(self, monkeypatch: pytest.MonkeyPatch) -> None:
        import sys

        from guardrail.review import PostgresReviewQueue

        monkeypatch.setitem(sys.modules, "psycopg", None)
        with pytest.raises(ConfigError, match=r"agent-guardrail\[postgres\]"):
            PostgresReviewQueue("postgresql://127.0.0.1/none")
