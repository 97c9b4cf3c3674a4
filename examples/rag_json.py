"""A RAG answer step that must return JSON: Guard(schema=...) around a LangChain chat model.

    OPENAI_BASE_URL=... OPENAI_API_KEY=... OPENAI_MODEL=... python examples/rag_json.py

The answer step retrieves passages, asks the model for ``{"answer": ..., "sources": [...]}`` and
hands the caller parsed JSON from every call: a reply wrapped in prose or a code fence is repaired
without a model call; a reply that breaks the schema is re-asked with the validation errors.
Without OPENAI_BASE_URL it runs offline on a scripted model that makes both mistakes.
"""

from __future__ import annotations

import json
import os
import re
from typing import Any

from langchain_core.language_models import BaseChatModel
from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
from langchain_core.messages import HumanMessage, SystemMessage

from guardrail import Guard
from guardrail.adapters.langchain import GuardedChatModel

ANSWER_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["answer", "sources"],
    "properties": {
        "answer": {"type": "string"},
        "sources": {"type": "array", "items": {"type": "string"}, "minItems": 1},
    },
    "additionalProperties": False,
}

DOCS = {
    "kb-1": "Refunds are issued within 14 days of receiving the returned item.",
    "kb-2": "Returns are accepted within 30 days of delivery, in the original packaging.",
    "kb-3": "Express shipping takes 1-2 business days within the EU.",
}


def retrieve(question: str, k: int = 2) -> list[tuple[str, str]]:
    """A toy keyword retriever (swap in your vector store)."""
    words = set(re.findall(r"\w+", question.lower()))
    scored = sorted(
        DOCS.items(), key=lambda kv: -len(words & set(re.findall(r"\w+", kv[1].lower())))
    )
    return scored[:k]


def offline_model() -> BaseChatModel:
    return GenericFakeChatModel(
        messages=iter(
            [
                # Prose around a fenced JSON value: repaired locally, no second call.
                "Sure! Here is the answer:\n```json\n"
                '{"answer": "Within 14 days of receiving the return.", "sources": ["kb-1"]}\n```',
                # Breaks the schema (no sources): re-asked with the validation errors.
                '{"answer": "Within 30 days of delivery."}',
                '{"answer": "Within 30 days of delivery.", "sources": ["kb-2"]}',
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
    return ChatOpenAI(model=os.environ.get("OPENAI_MODEL", "gpt-4o-mini"), temperature=0)  # type: ignore[no-any-return]


def answer(model: GuardedChatModel, question: str) -> dict[str, Any]:
    """The answer step: retrieved passages in, parsed and schema-valid JSON out."""
    passages = "\n".join(f"[{doc_id}] {text}" for doc_id, text in retrieve(question))
    messages = [
        SystemMessage(
            "Answer from the passages only. Reply with a JSON object "
            '{"answer": string, "sources": [passage ids]} and nothing else.'
        ),
        HumanMessage(f"Passages:\n{passages}\n\nQuestion: {question}"),
    ]
    reply = model.invoke(messages)
    parsed: dict[str, Any] = json.loads(str(reply.content))
    return parsed


def main() -> None:
    model = GuardedChatModel(model=make_model(), guard=Guard(schema=ANSWER_SCHEMA))
    for question in ("How long do refunds take?", "How long do I have to return an item?"):
        print(f"question: {question}")
        print(f"json: {json.dumps(answer(model, question))}")


if __name__ == "__main__":
    main()
