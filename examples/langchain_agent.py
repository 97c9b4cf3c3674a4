"""A LangChain v1 agent with tools, guarded by GuardrailMiddleware.

    OPENAI_BASE_URL=... OPENAI_API_KEY=... OPENAI_MODEL=... python examples/langchain_agent.py

With OPENAI_BASE_URL set (and ``langchain-openai`` installed) the agent talks to that endpoint.
Without it, it runs offline on a scripted model that first loops, then calls the tool, then
answers; later it spirals under a bare rejection. The guard withholds the looping reply (the agent
state never sees it) and resets the context after the spiral.
"""

from __future__ import annotations

import os
from typing import Any

from langchain.agents import create_agent
from langchain_core.language_models import BaseChatModel
from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
from langchain_core.messages import AIMessage, HumanMessage
from langchain_core.tools import tool
from langchain_core.utils.function_calling import convert_to_openai_tool
from langgraph.checkpoint.memory import InMemorySaver

from guardrail import Guard
from guardrail.adapters.langchain import GuardrailMiddleware
from guardrail.review import InMemoryReviewQueue


@tool
def order_status(order_id: str) -> str:
    """Look up the shipping status of an order."""
    return {"A-1001": "shipped on 2026-11-20, arriving 2026-11-27"}.get(order_id, "unknown order")


class ScriptedToolModel(GenericFakeChatModel):
    """An offline chat model that accepts tools (GenericFakeChatModel replies in order)."""

    def bind_tools(self, tools: Any, **kwargs: Any) -> Any:
        return self.bind(tools=[convert_to_openai_tool(t) for t in tools])


def offline_model() -> BaseChatModel:
    call = {"name": "order_status", "args": {"order_id": "A-1001"}, "id": "call-1"}
    return ScriptedToolModel(
        messages=iter(
            [
                "Let me check that. " * 12,  # a looping reply: withheld, the model is re-called
                AIMessage(content="", tool_calls=[call]),
                "Order A-1001 shipped on 2026-11-20 and should arrive on 2026-11-27.",
                "You're absolutely right, I'm sorry. I am failing spectacularly at this and I "
                "keep botching it. I'm useless at this task.",  # a spiral: reset + flag
                "Order A-1001 shipped on 2026-11-20; the carrier expects delivery on 2026-11-27.",
            ]
        )
    )


def make_model() -> BaseChatModel:
    if not os.environ.get("OPENAI_BASE_URL"):
        print("model: offline scripted model (set OPENAI_BASE_URL to use a real one)")
        return offline_model()
    try:
        from langchain_openai import ChatOpenAI  # type: ignore[import-not-found]
    except ImportError as exc:
        raise SystemExit("pip install langchain-openai to use a real endpoint") from exc
    print(f"model: {os.environ['OPENAI_BASE_URL']}")
    return ChatOpenAI(model=os.environ.get("OPENAI_MODEL", "gpt-4o-mini"))  # type: ignore[no-any-return]


def main() -> None:
    queue = InMemoryReviewQueue()
    agent = create_agent(
        make_model(),
        [order_status],
        system_prompt="You are a support agent. Use tools to answer order questions.",
        middleware=[GuardrailMiddleware(guard=Guard(review_queue=queue))],
        checkpointer=InMemorySaver(),
    )
    config = {"configurable": {"thread_id": "support-42"}}
    for question in ("Where is my order A-1001?", "No, that's wrong. Try again."):
        print(f"user: {question}")
        state = agent.invoke({"messages": [HumanMessage(question)]}, config)
        print(f"agent: {state['messages'][-1].content}")
        print(f"guard: this turn's last model call {state['guardrail']['actions']}")
    print(f"guard: interventions on this thread {state['guardrail']['interventions']}")
    print("state after the second turn:")
    for message in state["messages"]:
        text = str(message.content) or f"<tool call {message.tool_calls[0]['name']}>"
        print(f"  {message.type}: {text[:90]}".replace("\n", " "))
    for record in queue.list():
        print(f"review record: session={record.session_id} reasons={list(record.reasons)}")


if __name__ == "__main__":
    main()
