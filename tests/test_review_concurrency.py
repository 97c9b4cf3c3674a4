"""Several processes flag sessions into one SQLite file; one is killed with SIGKILL part way."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

import guardrail

# Each worker adds records and, only after ``add`` returns, appends the id to its own log (fsync),
# so the log lists exactly the records whose ``add`` completed.
WORKER = r"""
import os, sys
from guardrail.review import ReviewRecord, SQLiteReviewQueue, TranscriptTurn, record_id

db, log, name, count, announce = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
queue = SQLiteReviewQueue(db)
fd = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
for i in range(count):
    sid = f"{name}-{i}"
    rec = ReviewRecord(
        id=record_id(sid, ("distress_spiral",)),
        session_id=sid,
        reasons=("distress_spiral",),
        transcript=(TranscriptTurn(index=0, role="assistant", content="I am a failure. " * 20),),
        scores=(0.2, 0.9),
    )
    queue.add(rec)
    os.write(fd, (rec.id + "\n").encode())
    os.fsync(fd)
    if i + 1 == announce:
        print("running", flush=True)
print("done", flush=True)
"""

PER_WORKER = 120


@pytest.mark.slow
class TestConcurrentWriters:
    """Four processes, one killed: every record whose add returned is present; no corruption."""

    def test_sigkill_mid_run(self, tmp_path: Path) -> None:
        db = tmp_path / "review.db"
        # No pre-created file: the workers race to create the file, the table and WAL mode.
        env = {**os.environ, "PYTHONPATH": str(Path(guardrail.__file__).parent.parent)}
        procs: list[tuple[subprocess.Popen[str], Path, int]] = []
        for k in range(4):
            log = tmp_path / f"w{k}.log"
            count = 100_000 if k == 0 else PER_WORKER  # worker 0 runs until it is killed
            args = [sys.executable, "-c", WORKER, str(db), str(log), f"w{k}", str(count), "15"]
            procs.append(
                (subprocess.Popen(args, stdout=subprocess.PIPE, text=True, env=env), log, count)
            )
        victim = procs[0][0]
        assert victim.stdout is not None
        assert victim.stdout.readline().strip() == "running"  # blocks until 15 adds returned
        victim.send_signal(signal.SIGKILL)
        assert victim.wait(timeout=30) == -signal.SIGKILL
        victim.stdout.close()
        for proc, _, _ in procs[1:]:
            out, _ = proc.communicate(timeout=60)
            assert proc.returncode == 0
            assert out.strip().endswith("done")

        with sqlite3.connect(db) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            stored = {row[0] for row in conn.execute("SELECT id FROM review_records")}
        conn.close()
        acknowledged = [set(log.read_text().split()) for _, log, _ in procs]
        assert len(acknowledged[0]) >= 15
        for k, ids in enumerate(acknowledged):
            missing = ids - stored
            assert not missing, f"worker {k}: {len(missing)} acknowledged records lost"
        for ids in acknowledged[1:]:
            assert len(ids) == PER_WORKER
        # The victim may have committed one record it never acknowledged, never more.
        assert len(stored) - sum(len(i) for i in acknowledged) in (0, 1)
