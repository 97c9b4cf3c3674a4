"""RedisSessionStore on the machine's real Redis: JSON state, TTL, locks, and a fleet of workers."""

from __future__ import annotations

import json
import multiprocessing
import os
import queue
import random
import sys
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
import redis

from guardrail import ConfigError, Guard
from guardrail.review import InMemoryReviewQueue, ReviewRecord
from guardrail.sessions import (
    InMemorySessionStore,
    RedisSessionStore,
    SessionState,
    SessionStoreError,
)
from guardrail.testing import REPLIES

pytestmark = pytest.mark.redis


@pytest.fixture
def prefix(redis_url: str) -> Iterator[str]:
    """A key prefix unique to this test; every key under it is deleted afterwards."""
    pfx = f"guardrail-test:{uuid.uuid4().hex[:12]}:"
    yield pfx
    client = redis.Redis.from_url(redis_url)
    keys = list(client.scan_iter(match=pfx + "*", count=1000))
    if keys:
        client.delete(*keys)
    client.close()


@pytest.fixture
def store(redis_url: str, prefix: str) -> Iterator[RedisSessionStore]:
    st = RedisSessionStore(redis_url, prefix=prefix, ttl=120)
    yield st
    st.close()


# -- conversations shared by the fleet tests ------------------------------------------------------
USER_TURNS = [
    "No, you're wrong. Try again.",
    "Nope. Do it again.",
    "Are you sure? I'm pretty sure it's 12.",
    "You useless piece of junk, answer properly.",
    "Thanks. Could you also give the answer in words?",
    "Here is the error message: ValueError: x must be positive. Please fix it.",
]
ASSISTANT_TURNS = [
    *REPLIES["healthy"],
    *REPLIES["pushback"],
    *REPLIES["capitulation"],
    *REPLIES["self_criticism"],
    *REPLIES["loop"],
    "Here it is in words: forty-two.",
]


def conversation(c: int, rounds: int) -> list[dict[str, str]]:
    """A deterministic conversation: a question, then ``rounds`` assistant/user pairs."""
    rng = random.Random(c)
    msgs = [{"role": "user", "content": f"Puzzle {c}: which whole number is even and odd?"}]
    for _ in range(rounds):
        msgs.append({"role": "assistant", "content": rng.choice(ASSISTANT_TURNS)})
        msgs.append({"role": "user", "content": rng.choice(USER_TURNS)})
    return msgs


def turn(msgs: list[dict[str, str]], k: int) -> list[dict[str, str]]:
    """The history a stateless caller sends for turn ``k`` (through the k-th assistant reply)."""
    return msgs[: 2 * k + 2]


class CountingQueue(InMemoryReviewQueue):
    def __init__(self) -> None:
        super().__init__()
        self.added: list[ReviewRecord] = []

    def add(self, record: ReviewRecord) -> None:
        self.added.append(record)
        super().add(record)


def summary(guard: Guard, queue_: CountingQueue, sid: str | None, msgs: list[Any]) -> Any:
    """What one turn produced: session labels, per-turn labels, action, and new flags."""
    before = len(queue_.added)
    v = guard.check(msgs, session_id=sid)
    flags = [tuple(r.reasons) for r in queue_.added[before:]]
    return (
        list(v.session_labels),
        [list(t.labels) for t in v.turns],
        v.decision.action.value,
        flags,
    )


def _worker(url: str, prefix: str, tasks: Any, results: Any) -> None:
    """A worker process: its own Guard and Redis connection; answers (tag, pid, summary)."""
    queue_ = CountingQueue()
    guard = Guard(session_store=RedisSessionStore(url, prefix=prefix), review_queue=queue_)
    while True:
        task = tasks.get()
        if task is None:
            return
        tag, sid, msgs = task
        try:
            results.put((tag, os.getpid(), summary(guard, queue_, sid, msgs)))
        except Exception as exc:  # reported to the parent, which fails the test
            results.put((tag, os.getpid(), f"error: {exc!r}"))


def _counter_worker(url: str, prefix: str, n: int) -> None:
    """Load-modify-save one shared session ``n`` times under its lock."""
    st = RedisSessionStore(url, prefix=prefix, lock_wait=60)
    for _ in range(n):
        with st.lock("shared"):
            state = st.load("shared") or SessionState(session_id="shared")
            state.bump("n")
            st.save("shared", state)


class Fleet:
    """``size`` spawned worker processes, each with its own task queue."""

    def __init__(self, url: str, prefix: str, size: int) -> None:
        ctx = multiprocessing.get_context("spawn")
        self.results = ctx.Queue()
        self.tasks = [ctx.Queue() for _ in range(size)]
        self.procs = [
            ctx.Process(target=_worker, args=(url, prefix, q, self.results), daemon=True)
            for q in self.tasks
        ]
        for p in self.procs:
            p.start()

    def collect(self, n: int) -> dict[Any, tuple[int, Any]]:
        out: dict[Any, tuple[int, Any]] = {}
        for _ in range(n):
            try:
                tag, pid, result = self.results.get(timeout=120)
            except queue.Empty:
                pytest.fail("a worker did not answer within 120 s")
            assert not (isinstance(result, str) and result.startswith("error")), result
            out[tag] = (pid, result)
        return out

    def close(self) -> None:
        for q in self.tasks:
            q.put(None)
        for p in self.procs:
            p.join(timeout=30)
            if p.is_alive():  # pragma: no cover - only on a hung worker
                p.kill()


@pytest.fixture
def spawn_ok() -> None:
    if sys.platform == "win32":  # pragma: no cover
        pytest.fail("the fleet tests need spawnable processes")


class TestRedisSessionStore:
    """State round-trips as JSON, expires by TTL, and the lock is exclusive across clients."""

    def test_round_trip(self, store: RedisSessionStore) -> None:
        """A state with unicode and a lone surrogate comes back equal."""
        st = SessionState(session_id="s1", labels=["loop"], counters={"rejections": 2})
        st.window.append({"role": "user", "content": "héllo \ud800 世界"})
        store.save("sid:s1", st)
        back = store.load("sid:s1")
        assert back is not None and back.to_dict() == st.to_dict()
        assert store.load("sid:missing") is None

    def test_ttl_is_refreshed_on_every_save(
        self, store: RedisSessionStore, redis_url: str, prefix: str
    ) -> None:
        """Each save sets the key's expiry to ``ttl`` again (sliding idle expiry)."""
        client = redis.Redis.from_url(redis_url)
        store.save("k", SessionState(session_id="k"))
        key = prefix + "session:k"
        assert 0 < client.pttl(key) <= 120_000
        client.pexpire(key, 5_000)
        store.save("k", SessionState(session_id="k"))
        assert client.pttl(key) > 100_000
        client.close()

    def test_expired_state_is_gone(
        self, store: RedisSessionStore, redis_url: str, prefix: str
    ) -> None:
        """Once Redis expires the key, the session starts fresh."""
        store.save("k", SessionState(session_id="k", processed=3))
        assert store.load("k") is not None
        client = redis.Redis.from_url(redis_url)
        client.pexpireat(prefix + "session:k", 1)  # an expiry in the past: Redis drops it now
        client.close()
        assert store.load("k") is None

    def test_lock_is_exclusive_across_clients(self, redis_url: str, prefix: str) -> None:
        """While one client holds a session's lock another cannot take it."""
        a = RedisSessionStore(redis_url, prefix=prefix)
        b = RedisSessionStore(redis_url, prefix=prefix, lock_wait=0.05, fail_open=False)
        with a.lock("sid:x"):
            with pytest.raises(SessionStoreError, match="not acquired"), b.lock("sid:x"):
                pass  # pragma: no cover
            with b.lock("sid:other"):
                pass
        with b.lock("sid:x"):
            pass

    def test_lock_timeout_fails_open_by_default(
        self, redis_url: str, prefix: str, logs: list[dict[str, Any]]
    ) -> None:
        """With fail_open the call proceeds, and the timeout is logged."""
        a = RedisSessionStore(redis_url, prefix=prefix)
        b = RedisSessionStore(redis_url, prefix=prefix, lock_wait=0.05)
        with a.lock("sid:x"), b.lock("sid:x"):
            pass
        assert [e["event"] for e in logs] == ["guardrail.session_lock_timeout"]

    def test_unknown_fields_from_a_newer_worker_are_ignored(
        self, store: RedisSessionStore, redis_url: str, prefix: str
    ) -> None:
        """A state written by a newer version (an extra field) still loads (rolling deploys)."""
        data = {**SessionState(session_id="new", processed=4).to_dict(), "added_later": [1, 2]}
        redis.Redis.from_url(redis_url).set(prefix + "session:new", json.dumps(data))
        back = store.load("new")
        assert back is not None and back.processed == 4

    def test_corrupt_value_is_a_fresh_session(
        self, store: RedisSessionStore, redis_url: str, prefix: str, logs: list[dict[str, Any]]
    ) -> None:
        """A value that is not a session state is logged and ignored, not raised."""
        redis.Redis.from_url(redis_url).set(prefix + "session:bad", b"{not json")
        assert store.load("bad") is None
        assert logs[0]["event"] == "guardrail.session_corrupt"


class TestFailures:
    """An unreachable Redis or a missing redis package is handled clearly."""

    def test_unreachable_fails_open(self, logs: list[dict[str, Any]]) -> None:
        """With Redis down, check still answers (as on a fresh session) and logs the error."""
        store = RedisSessionStore("redis://127.0.0.1:1/0")
        guard = Guard(session_store=store)
        v = guard.check(conversation(1, 2), session_id="down")
        assert len(v.turns) == 5
        ops = {e["op"] for e in logs if e["event"] == "guardrail.session_store_error"}
        assert ops == {"lock", "load", "save"}

    def test_unreachable_fail_closed(self) -> None:
        """With fail_open=False the error surfaces as SessionStoreError."""
        guard = Guard(session_store=RedisSessionStore("redis://127.0.0.1:1/0", fail_open=False))
        with pytest.raises(SessionStoreError, match="lock failed"):
            guard.check(conversation(1, 1), session_id="down")

    def test_missing_redis_package(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Without redis-py installed the store says which extra to install."""
        monkeypatch.setitem(sys.modules, "redis", None)
        with pytest.raises(ConfigError, match=r"agent-guardrail\[redis\]"):
            RedisSessionStore("redis://127.0.0.1:6379/0")

    def test_guard_rejects_a_non_store(self) -> None:
        """Guard(session_store=...) is checked at construction (a URL string is not a store)."""
        with pytest.raises(ConfigError, match="load, save and lock"):
            Guard(session_store="redis://127.0.0.1:6379/0")  # type: ignore[arg-type]

    def test_config_and_repr(self) -> None:
        """Bad arguments fail at construction; the repr never shows the password."""
        with pytest.raises(ConfigError):
            RedisSessionStore()
        with pytest.raises(ConfigError):
            RedisSessionStore("redis://h", ttl=0)
        st = RedisSessionStore("redis://user:s3cret-pw@127.0.0.1:6379/2")
        assert "s3cret" not in repr(st) and "127.0.0.1:6379/2" in repr(st)


class TestGuardOnRedis:
    """A Guard on Redis behaves like one on the in-memory store."""

    def test_incremental_and_equal_to_in_memory(self, store: RedisSessionStore) -> None:
        """Each call processes only its new turns and gets the in-memory store's verdicts."""
        msgs = conversation(7, 5)
        on_redis, in_memory = Guard(session_store=store), Guard()
        for k in range(5):
            a = on_redis.check(turn(msgs, k), session_id="c7")
            b = in_memory.check(turn(msgs, k), session_id="c7")
            assert [t.index for t in a.turns] == list(range(0 if k == 0 else 2 * k, 2 * k + 2))
            assert a.model_dump() == b.model_dump()

    def test_anonymous_sessions(self, store: RedisSessionStore) -> None:
        """Sessions without an id continue from the stored prefix too."""
        msgs = conversation(8, 4)
        on_redis, in_memory = Guard(session_store=store), Guard()
        for k in range(4):
            a, b = on_redis.check(turn(msgs, k)), in_memory.check(turn(msgs, k))
            assert len(a.turns) == 2
            assert (a.session_labels, [t.labels for t in a.turns]) == (
                b.session_labels,
                [t.labels for t in b.turns],
            )


CONVERSATIONS = 12
ROUNDS = 6


def single_process(sids: list[str | None]) -> dict[tuple[int, int], Any]:
    guard = Guard(session_store=InMemorySessionStore(), review_queue=(q := CountingQueue()))
    return {
        (c, k): summary(guard, q, sids[c], turn(conversation(c, ROUNDS), k))
        for c in range(len(sids))
        for k in range(ROUNDS)
    }


@pytest.mark.slow
class TestFleet:
    """Four worker processes share sessions through Redis and agree with one process."""

    def test_turns_spread_over_four_workers(
        self, redis_url: str, prefix: str, spawn_ok: None
    ) -> None:
        """Turn k of conversation c goes to worker (c+k) % 4; final labels equal one process's."""
        sids = [f"conv-{c}" if c % 2 == 0 else None for c in range(CONVERSATIONS)]
        expected = single_process(sids)
        assert any(v[0] for v in expected.values())  # the conversations do raise session labels
        fleet = Fleet(redis_url, prefix, 4)
        try:
            got: dict[tuple[int, int], Any] = {}
            pids: dict[int, set[int]] = {c: set() for c in range(CONVERSATIONS)}
            for k in range(ROUNDS):  # every conversation in flight; strictly in order within one
                for c in range(CONVERSATIONS):
                    msgs = turn(conversation(c, ROUNDS), k)
                    fleet.tasks[(c + k) % 4].put(((c, k), sids[c], msgs))
                for (c, kk), (pid, result) in fleet.collect(CONVERSATIONS).items():
                    got[(c, kk)] = result
                    pids[c].add(pid)
        finally:
            fleet.close()
        assert all(len(p) == 4 for p in pids.values())  # each conversation saw all four workers
        assert got == expected
        final = {c: got[(c, ROUNDS - 1)][0] for c in range(CONVERSATIONS)}
        assert final == {c: expected[(c, ROUNDS - 1)][0] for c in range(CONVERSATIONS)}

    def test_same_session_on_two_workers_loses_no_update(
        self, redis_url: str, prefix: str, spawn_ok: None
    ) -> None:
        """Both workers get every turn of the same sessions at once; each flag is written once."""
        sids: list[str | None] = [f"dup-{c}" for c in range(6)]
        expected = single_process(sids)
        fleet = Fleet(redis_url, prefix, 2)
        try:
            flags: dict[int, list[Any]] = {c: [] for c in range(6)}
            labels: dict[int, list[str]] = {}
            for k in range(ROUNDS):
                for c in range(6):
                    msgs = turn(conversation(c, ROUNDS), k)
                    for w in range(2):
                        fleet.tasks[w].put(((c, k, w), sids[c], msgs))
                for (c, kk, _w), (_pid, result) in fleet.collect(12).items():
                    flags[c].extend(result[3])
                    if kk == ROUNDS - 1:
                        labels[c] = result[0]
        finally:
            fleet.close()
        for c in range(6):
            want = [f for k in range(ROUNDS) for f in expected[(c, k)][3]]
            assert sorted(flags[c]) == sorted(want)
            assert labels[c] == expected[(c, ROUNDS - 1)][0]
        st = RedisSessionStore(redis_url, prefix=prefix)
        for c in range(6):
            state = st.load(f"sid:dup-{c}")
            assert state is not None and state.processed == 2 * ROUNDS

    def test_lock_makes_load_modify_save_atomic(
        self, redis_url: str, prefix: str, spawn_ok: None
    ) -> None:
        """Four processes increment one session's counter 50 times each: none is lost."""
        ctx = multiprocessing.get_context("spawn")
        procs = [
            ctx.Process(target=_counter_worker, args=(redis_url, prefix, 50)) for _ in range(4)
        ]
        for p in procs:
            p.start()
        for p in procs:
            p.join(timeout=120)
        assert [p.exitcode for p in procs] == [0, 0, 0, 0]
        state = RedisSessionStore(redis_url, prefix=prefix).load("shared")
        assert state is not None and state.counters["n"] == 200
