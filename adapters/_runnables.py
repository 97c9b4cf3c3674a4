"""Rebuild a LangChain runnable with one runnable swapped for another (no recursion on depth).

``inner.bind_tools(...)`` and ``inner.with_structured_output(...)`` return compositions around
``inner``: bindings, sequences, parallel maps, assigns and fallbacks. Putting the guarded model
where ``inner`` was keeps the provider's own formatting of tools and schemas.
"""

from __future__ import annotations

from typing import Any

from langchain_core.runnables import (
    Runnable,
    RunnableBinding,
    RunnableParallel,
    RunnableSequence,
)
from langchain_core.runnables.fallbacks import RunnableWithFallbacks
from langchain_core.runnables.passthrough import RunnableAssign

__all__ = ["swap_runnable"]

#: Compositions deeper than this are not searched (runnable graphs are shallow in practice).
_MAX_NODES = 10_000


def _children(r: Any) -> list[Any]:
    if isinstance(r, RunnableBinding):
        return [r.bound]
    if isinstance(r, RunnableSequence):
        return list(r.steps)
    if isinstance(r, RunnableParallel):
        return list(r.steps__.values())
    if isinstance(r, RunnableAssign):
        return [r.mapper]
    if isinstance(r, RunnableWithFallbacks):
        return [r.runnable, *r.fallbacks]
    return []


def _rebuild(r: Any, kids: list[Any]) -> Any:
    if isinstance(r, RunnableBinding):
        return r.model_copy(update={"bound": kids[0]})
    if isinstance(r, RunnableSequence):
        return RunnableSequence(*kids, name=r.name)
    if isinstance(r, RunnableParallel):
        return RunnableParallel(dict(zip(r.steps__, kids, strict=True)))
    if isinstance(r, RunnableAssign):
        return RunnableAssign(kids[0])
    if isinstance(r, RunnableWithFallbacks):
        return r.model_copy(update={"runnable": kids[0], "fallbacks": kids[1:]})
    return r


def swap_runnable(root: Runnable[Any, Any], old: Any, new: Any) -> Any:
    """``root`` with every occurrence of ``old`` replaced by ``new``; ``root`` itself if none."""
    # Post-order over an explicit stack: children are rebuilt before their parent.
    done: dict[int, Any] = {}
    stack: list[tuple[Any, bool]] = [(root, False)]
    seen = 0
    while stack:
        node, expanded = stack.pop()
        if node is old:
            done[id(node)] = new
            continue
        kids = _children(node)
        if not expanded and kids:
            seen += len(kids)
            if seen > _MAX_NODES:
                return root
            stack.append((node, True))
            stack.extend((k, False) for k in kids)
            continue
        rebuilt = [done.get(id(k), k) for k in kids]
        changed = any(a is not b for a, b in zip(rebuilt, kids, strict=True))
        done[id(node)] = _rebuild(node, rebuilt) if changed else node
    return done.get(id(root), root)
