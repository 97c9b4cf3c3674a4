"""Incremental session state: prefix recognition, re-sync, anonymous addressing, stores."""

from __future__ import annotations

from typing import Any

import pytest

from guardrail import Finding, Guard, InMemorySessionStore, Label, SessionState
from guardrail.detectors import TurnContext


class Recorder:
    """A detector that records which message indices it was run on."""

    name = "recorder"

    def __init__(self) -> None:
        self.seen: list[int] = []

    def __call__(self, turn: TurnContext) -> list[Finding]:
        self.seen.append(turn.index)
        return []


def convo(n: int, *, prompt: str = "You are helpful.", first: str = "Hi") -> list[dict[str, Any]]:
    msgs: list[dict[str, Any]] = [
        {"role": "system", "content": prompt},
        {"role": "user", "content": first},
    ]
    for i in range(n):
        msgs.append({"role": "assistant", "content": f"answer {i}"})
        msgs.append({"role": "user", "content": f"question {i}"})
    return msgs


@pytest.fixture
def rec() -> Recorder:
    return Recorder()


class TestIncremental:
    def test_only_new_turns_are_processed(self, rec: Recorder) -> None:
        """A re-sent history runs detectors on the new turns only."""
        guard = Guard(detectors=[rec])
        msgs = convo(2)
        guard.check(msgs, session_id="s")
        rec.seen.clear()
        guard.check([*msgs, {"role": "assistant", "content": "more"}], session_id="s")
        assert rec.seen == [len(msgs)]

    def test_verdict_indices_are_positions_in_the_input(self, rec: Recorder) -> None:
        """Turn reports carry the message's position in the caller's list."""
        guard = Guard(detectors=[rec])
        msgs = convo(1)
        guard.check(msgs, session_id="s")
        v = guard.check([*msgs, {"role": "assistant", "content": "x"}], session_id="s")
        assert [t.index for t in v.turns] == [len(msgs)]

    def test_edited_recent_turn_resyncs(self, rec: Recorder) -> None:
        """Editing a recent turn makes the session process the whole history again."""
        guard = Guard(detectors=[rec])
        msgs = convo(3)
        guard.check(msgs, session_id="s")
        rec.seen.clear()
        edited = [dict(m) for m in msgs]
        edited[-2]["content"] = "a different answer"
        guard.check(edited, session_id="s")
        assert rec.seen == list(range(len(msgs)))

    def test_truncated_history_resyncs(self, rec: Recorder) -> None:
        """A shorter history than already processed re-syncs from scratch."""
        guard = Guard(detectors=[rec])
        msgs = convo(3)
        guard.check(msgs, session_id="s")
        rec.seen.clear()
        guard.check(msgs[:3], session_id="s")
        assert rec.seen == [0, 1, 2]

    def test_resync_keeps_flags_and_end(self) -> None:
        """Editing history cannot escape an ended session or re-open its flags."""
        guard = Guard()
        store = guard.store
        state = SessionState(session_id="s", flagged=["adversarial_user"], ended=True)
        store.save("sid:s", state)
        state.processed = 99  # pretend we had processed more than the caller sends
        v = guard.check(convo(1), session_id="s")
        assert v.action == "end"

    def test_counters_survive_across_calls(self) -> None:
        """Three bare rejections over three calls raise adversarial_user."""
        guard = Guard()
        msgs: list[dict[str, str]] = [{"role": "user", "content": "What is 2+2?"}]
        verdict = None
        for _ in range(3):
            msgs.append({"role": "assistant", "content": "It is 4."})
            msgs.append({"role": "user", "content": "Nope. Do it again."})
            verdict = guard.check(msgs, session_id="adv")
        assert verdict is not None and Label.ADVERSARIAL_USER in verdict.session_labels


class TestAnonymous:
    def test_shared_opening_never_shares_state(self) -> None:
        """Two conversations with the same system prompt and question keep separate counters."""
        guard = Guard()
        base = convo(0)
        a = [
            *base,
            {"role": "assistant", "content": "4"},
            {"role": "user", "content": "Wrong. Try again."},
        ]
        b = [
            *base,
            {"role": "assistant", "content": "four"},
            {"role": "user", "content": "Thanks!"},
        ]
        guard.check(base)
        va = guard.check(a)
        vb = guard.check(b)
        assert va.session_id != vb.session_id
        assert Label.UNEXPLAINED_REJECTION in va.last.labels  # type: ignore[union-attr]
        assert vb.last is not None and not vb.last.labels

    def test_anonymous_continuation_is_recognised(self, rec: Recorder) -> None:
        """Without a session id, the processed prefix is found by its hash."""
        guard = Guard(detectors=[rec])
        msgs = convo(2)
        v1 = guard.check(msgs)
        rec.seen.clear()
        v2 = guard.check([*msgs, {"role": "assistant", "content": "next"}])
        assert rec.seen == [len(msgs)]
        assert v1.session_id == v2.session_id


class TestInMemoryStore:
    def test_lru_bound(self) -> None:
        """The store keeps at most max_sessions, evicting the least recently used."""
        store = InMemorySessionStore(max_sessions=2)
        for key in "abc":
            store.save(key, SessionState(session_id=key))
        assert store.load("a") is None
        assert store.load("c") is not None
        assert len(store) == 2

    def test_ttl_expiry(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """A session idle longer than ttl is gone."""
        import guardrail._session as mod

        now = [1000.0]
        monkeypatch.setattr(mod.time, "monotonic", lambda: now[0])
        store = InMemorySessionStore(ttl=10)
        store.save("a", SessionState(session_id="a"))
        now[0] += 11
        assert store.load("a") is None

    def test_rejects_bad_bounds(self) -> None:
        """Bounds are validated at construction."""
        with pytest.raises(ValueError):
            InMemorySessionStore(max_sessions=0)

    def test_state_round_trips_through_dict(self) -> None:
        """State serialises for shared stores."""
        guard = Guard()
        guard.check(convo(2), session_id="rt")
        state = guard.store.load("sid:rt")
        assert state is not None
        assert SessionState.from_dict(state.to_dict()) == state

    def test_window_is_bounded(self) -> None:
        """Memory per session does not grow with conversation length."""
        guard = Guard()
        guard.check(convo(200), session_id="long")
        state = guard.store.load("sid:long")
        assert state is not None
        assert len(state.window) <= 8 and len(state.tail_fps) <= 8
        assert state.processed == 402
