"""Anonymous sessions under concurrency: two conversations forking one stored prefix at once."""

from __future__ import annotations

import contextlib
import threading
from typing import Any

from guardrail import Guard, InMemorySessionStore, SessionState

PREFIX = [
    {"role": "system", "content": "You solve puzzles."},
    {"role": "user", "content": "Which whole number is both even and odd?"},
    {"role": "assistant", "content": "None: every integer is either even or odd."},
]


class RacingStore(InMemorySessionStore):
    """A store that copies on load (like a shared store) and makes the two threads' first loads of
    ``watch`` meet, so both read it before either writes it back."""

    def __init__(self) -> None:
        super().__init__()
        self.watch: str | None = None
        self.barrier = threading.Barrier(2, timeout=0.5)
        self.seen: set[int] = set()

    def load(self, key: str) -> SessionState | None:
        found = super().load(key)
        state = None if found is None else SessionState.from_dict(found.to_dict())
        me = threading.get_ident()
        if key == self.watch and me not in self.seen:
            self.seen.add(me)
            # A broken barrier means the other thread is held by the lock: loads were serialised.
            with contextlib.suppress(threading.BrokenBarrierError):
                self.barrier.wait()
        return state


class TestAnonymousFork:
    """Two different continuations of one prefix, checked at the same moment, get their own ids."""

    def test_concurrent_continuations_get_distinct_ids(self) -> None:
        """The first-continuation marker is updated atomically (no lost update)."""
        store = RacingStore()
        guard = Guard(session_store=store)
        base = guard.check(PREFIX)
        store.watch = next(k for k in store._data if k.startswith("anon:"))
        ids: dict[str, str] = {}

        def go(name: str, text: str) -> None:
            v = guard.check([*PREFIX, {"role": "user", "content": text}])
            ids[name] = v.session_id

        threads: list[Any] = [
            threading.Thread(target=go, args=("a", "Nope. Do it again.")),
            threading.Thread(target=go, args=("b", "Thanks! And is 0 even?")),
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=30)
        assert set(ids) == {"a", "b"}
        assert ids["a"] != ids["b"]
        assert base.session_id in ids.values()
