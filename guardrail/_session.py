"""Incremental per-session state, and the stores that keep it.

A stateless caller re-sends its whole history on every call. The guard keeps, per session, how many
messages it has processed plus fingerprints of the first and the last few of them; a new call is
checked against those in O(window) and only the new messages are processed. When the check fails
(the caller edited or truncated its history) the session re-syncs by processing the history anew.

Sessions without an explicit ``session_id`` are addressed by a hash of the processed prefix, so two
conversations that merely share an opening never share state.
"""

from __future__ import annotations

import copy
import hashlib
import threading
import time
from collections import OrderedDict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, fields
from typing import Any, Protocol, runtime_checkable

from guardrail._models import Message

__all__ = [
    "InMemorySessionStore",
    "SessionState",
    "SessionStore",
    "chain_hashes",
    "fingerprint",
    "fingerprint_parts",
    "matches_prefix",
]

#: How many recent messages a session keeps (content capped at ``CONTENT_CAP`` characters).
WINDOW = 8
CONTENT_CAP = 16_384
LABEL_MEMORY = 64


def fingerprint(message: Message) -> str:
    """A short stable hash of a message's role and content."""
    return fingerprint_parts(message.role, message.content)


def fingerprint_parts(role: str, content: str) -> str:
    h = hashlib.blake2b(digest_size=8)
    h.update(role.encode())
    h.update(b"\0")
    h.update(content.encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def _chain(prev: str, fp: str) -> str:
    return hashlib.blake2b(bytes.fromhex(prev) + fp.encode(), digest_size=12).hexdigest()


@dataclass
class SessionState:
    """Everything the guard remembers about one conversation. Bounded: a window plus counters."""

    session_id: str
    processed: int = 0
    chain: str = ""  # chained hash of the processed prefix (anonymous addressing)
    prev_chain: str = ""
    first_fp: str = ""
    tail_fps: list[str] = field(default_factory=list)
    window: list[dict[str, str]] = field(default_factory=list)
    counters: dict[str, int] = field(default_factory=dict)
    distress_ewma: float = 0.0
    distress_run: int = 0
    spiral: bool = False
    labels: list[str] = field(default_factory=list)  # sticky session labels, in order raised
    flagged: list[str] = field(default_factory=list)  # reasons already flagged (idempotence)
    reset: dict[str, Any] | None = None  # {"messages": [...], "base": int} once a reset happened
    ended: bool = False
    extra: dict[str, Any] = field(default_factory=dict)  # detector-private memory (small)
    updated_at: float = field(default_factory=time.time)

    # -- window helpers -------------------------------------------------------------------
    def push(self, message: Message) -> None:
        """Record a processed message: fingerprints, window and count."""
        fp = fingerprint(message)
        if self.processed == 0:
            self.first_fp = fp
        self.tail_fps.append(fp)
        del self.tail_fps[:-WINDOW]
        self.window.append({"role": message.role, "content": message.content[:CONTENT_CAP]})
        del self.window[:-WINDOW]
        self.prev_chain = self.chain
        self.chain = _chain(self.chain, fp)
        self.processed += 1

    def amend_last(self, message: Message) -> None:
        """Replace the last processed message (a repaired reply is what the caller receives)."""
        fp = fingerprint(message)
        self.tail_fps[-1] = fp
        self.window[-1] = {"role": message.role, "content": message.content[:CONTENT_CAP]}
        self.chain = _chain(self.prev_chain, fp)
        if self.processed == 1:
            self.first_fp = fp

    def clone(self) -> SessionState:
        """A copy whose containers can be changed without touching this one.

        Cheap by design (it runs on every call): window entries are replaced, never mutated, and
        ``extra`` values are copied one level deep, so detectors must keep them flat.
        """
        new = copy.copy(self)
        new.tail_fps = list(self.tail_fps)
        new.window = list(self.window)
        new.counters = dict(self.counters)
        new.labels = list(self.labels)
        new.flagged = list(self.flagged)
        new.reset = dict(self.reset) if self.reset is not None else None
        new.extra = {
            k: v.copy() if isinstance(v, (list, dict)) else v for k, v in self.extra.items()
        }
        return new

    def last(self, role: str) -> str | None:
        for item in reversed(self.window):
            if item["role"] == role:
                return item["content"]
        return None

    def recent(self, role: str, n: int) -> list[str]:
        return [item["content"] for item in self.window if item["role"] == role][-n:]

    def note_labels(self, index: int, labels: Sequence[str]) -> None:
        """Remember the labels of a recent turn (bounded) for resets and review records."""
        marks: dict[str, list[str]] = self.extra.setdefault("labelled", {})
        marks[str(index)] = list(labels)
        while len(marks) > LABEL_MEMORY:
            del marks[next(iter(marks))]

    def labelled(self) -> dict[int, frozenset[str]]:
        return {int(k): frozenset(v) for k, v in self.extra.get("labelled", {}).items()}

    def bump(self, counter: str, by: int = 1) -> int:
        self.counters[counter] = self.counters.get(counter, 0) + by
        return self.counters[counter]

    def raise_label(self, label: str) -> bool:
        """Add a sticky session label; True when it is new."""
        if label in self.labels:
            return False
        self.labels.append(label)
        return True

    # -- serialisation (for shared stores) ------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SessionState:
        """Rebuild from :meth:`to_dict`. Keys this version does not know are ignored, so workers
        of two versions can share a store during a rolling deploy."""
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known})


def matches_prefix(state: SessionState, probed: dict[int, str]) -> bool:
    """Do the probed fingerprints (index -> fingerprint) agree with what ``state`` processed?

    Checks the first message and the last ``WINDOW`` processed ones: O(window), not O(history).
    """
    n = state.processed
    if n == 0:
        return True
    if probed.get(0) != state.first_fp:
        return False
    k = len(state.tail_fps)
    return all(probed.get(n - k + j) == state.tail_fps[j] for j in range(k))


def chain_hashes(fingerprints: Sequence[str]) -> list[str]:
    """Chained hashes: element k identifies ``messages[:k+1]`` as a whole (anonymous sessions)."""
    out: list[str] = []
    prev = ""
    for fp in fingerprints:
        prev = _chain(prev, fp)
        out.append(prev)
    return out


@runtime_checkable
class SessionStore(Protocol):
    """Where session state lives. ``lock`` makes a load-modify-save atomic for one key."""

    def load(self, key: str) -> SessionState | None: ...

    def save(self, key: str, state: SessionState) -> None: ...

    def lock(self, key: str) -> Any: ...


class InMemorySessionStore:
    """Process-local store bounded by ``max_sessions`` (LRU) and ``ttl`` seconds of idleness."""

    def __init__(self, *, max_sessions: int = 10_000, ttl: float = 3600.0) -> None:
        if max_sessions < 1:
            raise ValueError("max_sessions must be >= 1")
        if ttl <= 0:
            raise ValueError("ttl must be > 0")
        self.max_sessions = max_sessions
        self.ttl = ttl
        self._data: OrderedDict[str, tuple[float, SessionState]] = OrderedDict()
        self._mutex = threading.Lock()
        self._locks: dict[str, threading.Lock] = {}

    def __repr__(self) -> str:
        return (
            f"InMemorySessionStore(max_sessions={self.max_sessions}, ttl={self.ttl}, "
            f"live={len(self._data)})"
        )

    def __len__(self) -> int:
        return len(self._data)

    def load(self, key: str) -> SessionState | None:
        now = time.monotonic()
        with self._mutex:
            item = self._data.get(key)
            if item is None:
                return None
            stamp, state = item
            if now - stamp > self.ttl:
                del self._data[key]
                return None
            self._data.move_to_end(key)
            return state

    def save(self, key: str, state: SessionState) -> None:
        now = time.monotonic()
        with self._mutex:
            self._data[key] = (now, state)
            self._data.move_to_end(key)
            while len(self._data) > self.max_sessions:
                old, _ = self._data.popitem(last=False)
                self._locks.pop(old, None)

    @contextmanager
    def lock(self, key: str) -> Iterator[None]:
        with self._mutex:
            lk = self._locks.setdefault(key, threading.Lock())
        with lk:
            yield
