"""Session bookkeeping for the Guard: which state a call continues and which turns are new.

With an explicit ``session_id`` the stored state is checked against the caller's re-sent history
in O(window) (:func:`matches_prefix`); a mismatch re-syncs from scratch, keeping flags and an
ended session. Without one, state is addressed by a chained hash of the processed prefix; a second,
different continuation of a stored prefix forks its own session id.
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import structlog

from guardrail._models import Message
from guardrail._normalise import normalise_one
from guardrail._session import (
    SessionState,
    SessionStore,
    chain_hashes,
    fingerprint,
    fingerprint_parts,
    matches_prefix,
)
from guardrail.exceptions import InputError

__all__ = ["Opened", "SessionTracker"]

log = structlog.get_logger("guardrail")

#: Roles that need no normalisation, so a raw dict's role/content can be fingerprinted directly.
_PLAIN_ROLES = frozenset({"system", "developer", "user", "assistant", "tool"})
#: How many recent prefixes an anonymous call probes for a known session.
_ANON_PROBES = 8


class Opened:
    """A session opened for one call: its store key, its (cloned) state and the new turns."""

    __slots__ = ("key", "new", "start", "state")

    def __init__(self, key: str, state: SessionState, start: int, new: list[Message]) -> None:
        self.key, self.state, self.start, self.new = key, state, start, new


class SessionTracker:
    """Opens, saves and locks sessions in a store; normalises only the turns it needs."""

    def __init__(self, store: SessionStore, *, max_message_chars: int) -> None:
        self.store = store
        self.max_message_chars = max_message_chars

    @contextmanager
    def lock(self, session_id: str | None) -> Iterator[None]:
        """The store's lock for an explicit session; anonymous sessions lock when they fork."""
        if session_id is None:
            yield
            return
        with self.store.lock("sid:" + session_id):
            yield

    def message(self, raw: Any, index: int) -> Message:
        try:
            msg = normalise_one(raw)
        except InputError as exc:
            raise InputError(f"message {index}: {exc}") from None
        if len(msg.content) > self.max_message_chars:
            raise InputError(
                f"message {index}: {len(msg.content)} characters, over the limit of "
                f"{self.max_message_chars}"
            )
        return msg

    def open(self, raw: Sequence[Any], session_id: str | None) -> Opened:
        """Find the session's state and the messages it has not processed yet."""
        if isinstance(raw, (str, bytes)) or not isinstance(raw, Sequence):
            raise InputError("messages must be a list of messages")
        m = len(raw)
        if session_id is not None:
            key = "sid:" + session_id
            state = self.store.load(key)
            if state is not None:
                probe = {
                    0: None,
                    **{state.processed - k - 1: None for k in range(len(state.tail_fps))},
                }
                view = {i: self.fingerprint(raw[i], i) for i in probe if 0 <= i < m}
                if state.processed <= m and matches_prefix(state, view):
                    start = state.processed
                    return Opened(key, state.clone(), start, self.slice(raw, start))
                log.info(
                    "guardrail.resync", session_id=session_id, processed=state.processed, got=m
                )
                fresh = SessionState(
                    session_id=session_id, flagged=list(state.flagged), ended=state.ended
                )
                return Opened(key, fresh, 0, self.slice(raw, 0))
            return Opened(key, SessionState(session_id=session_id), 0, self.slice(raw, 0))
        hashes = chain_hashes([self.fingerprint(raw[i], i) for i in range(m)])
        for k in range(m, max(0, m - _ANON_PROBES), -1):
            found = self.store.load("anon:" + hashes[k - 1])
            if found is not None:
                return Opened("anon:", self._continue(found, hashes, k), k, self.slice(raw, k))
        sid = "anon-" + (hashes[0][:16] if hashes else "empty") + "-" + hex(time.time_ns())[-8:]
        return Opened("anon:", SessionState(session_id=sid), 0, self.slice(raw, 0))

    def _continue(self, found: SessionState, hashes: list[str], k: int) -> SessionState:
        """Continue an anonymous session; a second, different continuation forks a new id.

        The stored prefix remembers its first continuation, so two conversations that share an
        opening get separate session ids (and separate review records), not just separate state.
        """
        state = found.clone()
        state.extra.pop("successor", None)
        if k == len(hashes):
            return state
        successor = found.extra.get("successor")
        if successor is None:
            # Claim the first continuation atomically: two workers may fork this prefix at once.
            key = "anon:" + hashes[k - 1]
            with self.store.lock(key):
                current = self.store.load(key)
                successor = None if current is None else current.extra.get("successor")
                if current is not None and successor is None:
                    current.extra["successor"] = hashes[k]
                    self.store.save(key, current)
        if successor is not None and successor != hashes[k]:
            state.session_id = "anon-" + hashes[k][:16]
        return state

    def fingerprint(self, raw: Any, index: int) -> str:
        """Fingerprint without building a Message when the caller sends plain dicts (hot path)."""
        if type(raw) is dict:
            role, content = raw.get("role"), raw.get("content")
            if type(role) is str and type(content) is str and role in _PLAIN_ROLES:
                return fingerprint_parts(role, content)
        return fingerprint(self.message(raw, index))

    def slice(self, raw: Sequence[Any], start: int) -> list[Message]:
        return [self.message(raw[i], i) for i in range(start, len(raw))]

    def save(self, opened: Opened, state: SessionState) -> None:
        key = opened.key + state.chain if opened.key == "anon:" else opened.key
        state.updated_at = time.time()
        self.store.save(key, state)
