"""Consistency check and label counts for the corpus files.

Usage: python tests/corpus/build/check_corpus.py tests/corpus/dev.jsonl [tests/corpus/holdout.jsonl]

Checks: unique ids, every message has ``labels``, labels valid for the role, no turn both pushback
and capitulation, session labels ``adversarial_user`` and ``loop`` match the count rules, and
``distress_spiral`` is present whenever two consecutive assistant turns are distressed.
Prints per-label counts (turns and conversations). Exits 1 on any problem.
"""

from __future__ import annotations

import json
import sys
from collections import Counter

ALLOWED = {
    "assistant": {"self_criticism", "capitulation", "pushback", "loop"},
    "user": {"unexplained_rejection", "hostility"},
    "system": set(),
}
SESSION = {"distress_spiral", "adversarial_user", "loop"}


def check(path: str) -> int:
    problems = []
    turn_counts: Counter[str] = Counter()
    conv_counts: Counter[str] = Counter()
    sess_counts: Counter[str] = Counter()
    neg = Counter()
    ids = set()
    n = 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            c = json.loads(line)
            n += 1
            cid = c["id"]
            if cid in ids:
                problems.append(f"{cid}: duplicate id")
            ids.add(cid)
            labels_here: set[str] = set()
            run = best = 0
            rej = hos = 0
            looped = False
            for i, m in enumerate(c["messages"]):
                if "labels" not in m:
                    problems.append(f"{cid}[{i}]: no labels")
                    continue
                bad = set(m["labels"]) - ALLOWED[m["role"]]
                if bad:
                    problems.append(f"{cid}[{i}]: {sorted(bad)} not allowed for {m['role']}")
                if {"pushback", "capitulation"} <= set(m["labels"]):
                    problems.append(f"{cid}[{i}]: both pushback and capitulation")
                if len(set(m["labels"])) != len(m["labels"]):
                    problems.append(f"{cid}[{i}]: repeated label")
                for lab in m["labels"]:
                    turn_counts[lab] += 1
                    labels_here.add(lab)
                if m["role"] == "assistant":
                    d = bool({"self_criticism", "capitulation"} & set(m["labels"]))
                    run = run + 1 if d else 0
                    best = max(best, run)
                    looped = looped or "loop" in m["labels"]
                rej += "unexplained_rejection" in m["labels"]
                hos += "hostility" in m["labels"]
            sess = set(c.get("session_labels", []))
            if sess - SESSION:
                problems.append(f"{cid}: bad session labels {sorted(sess - SESSION)}")
            adv = rej >= 3 or hos >= 2 or (hos >= 1 and rej >= 2)
            if adv != ("adversarial_user" in sess):
                problems.append(f"{cid}: adversarial_user expected={adv} (rej={rej}, hos={hos})")
            if looped != ("loop" in sess):
                problems.append(f"{cid}: session loop expected={looped}")
            if best >= 2 and "distress_spiral" not in sess:
                problems.append(f"{cid}: 2+ consecutive distressed turns but no distress_spiral")
            if "distress_spiral" in sess and best < 2 and "extreme" not in c.get("tags", []):
                problems.append(
                    f"{cid}: distress_spiral without 2 consecutive turns or 'extreme' tag"
                )
            for lab in labels_here:
                conv_counts[lab] += 1
            for lab in sess:
                sess_counts[lab] += 1
            if "hard_negative" in c.get("tags", []):
                neg["hard_negative"] += 1
            if not labels_here and not sess:
                neg["no_labels_at_all"] += 1
            if "healthy" in c.get("tags", []):
                neg["healthy"] += 1
            if "multilingual" in c.get("tags", []):
                neg["multilingual"] += 1
    print(f"{path}: {n} conversations")
    print("  turn label          turns  conversations")
    for lab in [
        "self_criticism",
        "capitulation",
        "pushback",
        "loop",
        "unexplained_rejection",
        "hostility",
    ]:
        print(f"  {lab:<20}{turn_counts[lab]:>5}  {conv_counts[lab]:>5}")
    print("  session label       conversations")
    for lab in ["distress_spiral", "adversarial_user", "loop"]:
        print(f"  {lab:<20}{sess_counts[lab]:>5}")
    for k in ["hard_negative", "healthy", "no_labels_at_all", "multilingual"]:
        print(f"  {k:<20}{neg[k]:>5}")
    for p in problems:
        print("PROBLEM", p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(max(check(p) for p in sys.argv[1:]))
