"""Shared fixtures: sync/async mode, service addresses (skip locally, fail in CI)."""

from __future__ import annotations

import asyncio
import inspect
import os
import socket
from collections.abc import Callable
from typing import Any
from urllib.parse import urlparse

import pytest
import structlog
from structlog.testing import capture_logs

POSTGRES_DSN = os.environ.get("GUARDRAIL_TEST_POSTGRES_DSN", "postgresql://127.0.0.1:5432/test")
REDIS_URL = os.environ.get("GUARDRAIL_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")


def _reachable(url: str, default_port: int) -> bool:
    parsed = urlparse(url)
    try:
        with socket.create_connection(
            (parsed.hostname or "127.0.0.1", parsed.port or default_port), 1
        ):
            return True
    except OSError:
        return False


def _need(url: str, port: int, what: str) -> str:
    if _reachable(url, port):
        return url
    msg = f"{what} is not reachable at {url} (set the env var to point at one)"
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI requires {msg}")
    pytest.skip(msg)


@pytest.fixture
def postgres_dsn() -> str:
    """The test PostgreSQL DSN (GUARDRAIL_TEST_POSTGRES_DSN); skips locally, fails in CI."""
    return _need(POSTGRES_DSN, 5432, "PostgreSQL")


@pytest.fixture
def redis_url() -> str:
    """The test Redis URL (GUARDRAIL_TEST_REDIS_URL); skips locally, fails in CI."""
    return _need(REDIS_URL, 6379, "Redis")


@pytest.fixture(params=["sync", "async"])
def mode(request: pytest.FixtureRequest) -> str:
    """Run a behavioural test once synchronously and once asynchronously."""
    return str(request.param)


@pytest.fixture
def run() -> Callable[[Any], Any]:
    """Resolve a value that may be awaitable (for bodies shared by sync and async modes)."""

    def _run(value: Any) -> Any:
        if inspect.isawaitable(value):
            return asyncio.run(_await(value))
        return value

    return _run


async def _await(value: Any) -> Any:
    return await value


@pytest.fixture(autouse=True)
def _reset_structlog() -> Any:
    """The CLI configures structlog in-process; never let that leak into the next test."""
    yield
    structlog.reset_defaults()


@pytest.fixture
def logs() -> Any:
    with capture_logs() as captured:
        yield captured
