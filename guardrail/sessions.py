"""Session stores: where the guard keeps each conversation's incremental state.

- :class:`InMemorySessionStore` — one process; LRU plus idle TTL. The default.
- :class:`RedisSessionStore` — shared by a fleet of workers, so the turns of one conversation can be
  checked by different processes (or machines) with the same result as one process.

A store implements ``load(key)``, ``save(key, state)`` and ``lock(key)``; the guard holds
``lock(key)`` across load-process-save for a session id, so two workers handling turns of the same
conversation at once never lose an update.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from urllib.parse import urlsplit

import structlog

from guardrail._session import InMemorySessionStore, SessionState, SessionStore
from guardrail.exceptions import ConfigError, GuardrailError

__all__ = [
    "InMemorySessionStore",
    "RedisSessionStore",
    "SessionState",
    "SessionStore",
    "SessionStoreError",
]

log = structlog.get_logger("guardrail")


class SessionStoreError(GuardrailError):
    """A shared session store failed (unreachable, or a lock not acquired) with ``fail_open=False``."""


class RedisSessionStore:
    """Session state in Redis: JSON values, a TTL refreshed on every save, a distributed lock.

    ``RedisSessionStore("redis://host:6379/0", ttl=3600, prefix="guardrail:")``. State is stored
    under ``{prefix}session:{key}`` and expires ``ttl`` seconds after its last save. ``lock(key)``
    is redis-py's :class:`redis.lock.Lock`: it expires after ``lock_timeout`` seconds (so a
    crashed worker cannot block a session for ever) and waits at most ``lock_wait`` seconds.

    ``fail_open=True`` (the default) keeps traffic flowing when Redis is unreachable or a lock is
    not acquired in time: the failure is logged (``guardrail.session_store_error``,
    ``guardrail.session_lock_timeout``) and the call proceeds as on a fresh session. With
    ``fail_open=False`` those failures raise :class:`SessionStoreError`.

    Pass ``client=`` instead of a URL to reuse an existing ``redis.Redis``. Needs the ``redis``
    extra: ``pip install 'agent-guardrail[redis]'``.
    """

    def __init__(
        self,
        url: str | None = None,
        *,
        client: Any = None,
        ttl: float = 3600.0,
        prefix: str = "guardrail:",
        lock_timeout: float = 30.0,
        lock_wait: float = 10.0,
        fail_open: bool = True,
    ) -> None:
        if (url is None) == (client is None):
            raise ConfigError("RedisSessionStore needs exactly one of url or client")
        if ttl <= 0 or lock_timeout <= 0 or lock_wait < 0:
            raise ConfigError("ttl and lock_timeout must be positive, lock_wait non-negative")
        try:
            import redis
        except ImportError as exc:
            raise ConfigError(
                "RedisSessionStore needs the redis package: pip install 'agent-guardrail[redis]'"
            ) from exc
        self._errors: tuple[type[BaseException], ...] = (redis.RedisError, OSError)
        self._not_owned: type[BaseException] = redis.exceptions.LockError
        if url is not None:
            self._client, self._where = redis.Redis.from_url(url), _safe_url(url)
        else:
            self._client, self._where = client, type(client).__name__
        self.ttl = ttl
        self.prefix = prefix
        self.lock_timeout = lock_timeout
        self.lock_wait = lock_wait
        self.fail_open = fail_open

    def __repr__(self) -> str:
        return (
            f"RedisSessionStore({self._where!r}, ttl={self.ttl:g}, prefix={self.prefix!r}, "
            f"fail_open={self.fail_open})"
        )

    def _key(self, key: str) -> str:
        return f"{self.prefix}session:{key}"

    def _failed(self, op: str, key: str, exc: BaseException) -> None:
        if not self.fail_open:
            raise SessionStoreError(f"session store {op} failed: {type(exc).__name__}") from exc
        log.warning("guardrail.session_store_error", op=op, key=key, error=type(exc).__name__)

    def load(self, key: str) -> SessionState | None:
        try:
            raw = self._client.get(self._key(key))
        except self._errors as exc:
            self._failed("load", key, exc)
            return None
        if raw is None:
            return None
        try:
            return SessionState.from_dict(json.loads(raw))
        except (ValueError, TypeError) as exc:
            log.warning("guardrail.session_corrupt", key=key, error=type(exc).__name__)
            return None

    def save(self, key: str, state: SessionState) -> None:
        # ensure_ascii keeps lone surrogates (untrusted text) representable as JSON escapes.
        data = json.dumps(state.to_dict(), separators=(",", ":"))
        try:
            self._client.set(self._key(key), data, px=max(1, int(self.ttl * 1000)))
        except self._errors as exc:
            self._failed("save", key, exc)

    def delete(self, key: str) -> None:
        """Forget a session (GDPR erasure, tests)."""
        try:
            self._client.delete(self._key(key))
        except self._errors as exc:
            self._failed("delete", key, exc)

    @contextmanager
    def lock(self, key: str) -> Iterator[None]:
        """Hold the session's distributed lock for the duration of the block."""
        lk = self._client.lock(
            f"{self.prefix}lock:{key}",
            timeout=self.lock_timeout,
            blocking_timeout=self.lock_wait,
        )
        try:
            acquired = bool(lk.acquire())
        except self._errors as exc:
            self._failed("lock", key, exc)
            acquired = False
        else:
            if not acquired:
                if not self.fail_open:
                    raise SessionStoreError(f"session lock not acquired within {self.lock_wait:g}s")
                log.warning("guardrail.session_lock_timeout", key=key, waited=self.lock_wait)
        try:
            yield
        finally:
            if acquired:
                self._release(lk, key)

    def _release(self, lk: Any, key: str) -> None:
        try:
            lk.release()
        except self._not_owned:
            # Held past lock_timeout: another worker may have updated this session meanwhile.
            log.warning("guardrail.session_lock_lost", key=key, timeout=self.lock_timeout)
        except self._errors as exc:
            log.warning(
                "guardrail.session_store_error", op="unlock", key=key, error=type(exc).__name__
            )

    def close(self) -> None:
        self._client.close()


def _safe_url(url: str) -> str:
    """The URL without credentials (a store's repr may end up in logs)."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    port = f":{parts.port}" if parts.port else ""
    return f"{parts.scheme}://{host}{port}{parts.path}"
