"""Message normalisation: OpenAI dicts, content parts, LangChain messages."""

from __future__ import annotations

import pytest
from langchain_core.messages import AIMessage, HumanMessage, SystemMessage, ToolMessage

from guardrail import InputError, Message
from guardrail._normalise import normalise, normalise_one


class TestNormalise:
    def test_openai_dict_with_parts(self) -> None:
        """List-of-parts content is flattened to text."""
        msg = normalise_one(
            {
                "role": "user",
                "content": [
                    {"type": "text", "text": "a"},
                    {"type": "image_url"},
                    {"type": "text", "text": "b"},
                ],
            }
        )
        assert msg == Message(role="user", content="ab")

    def test_assistant_tool_call_without_content(self) -> None:
        """An assistant tool call with content None keeps its tool calls as metadata."""
        msg = normalise_one({"role": "assistant", "content": None, "tool_calls": [{"id": "1"}]})
        assert msg.content == "" and msg.metadata["tool_calls"] == [{"id": "1"}]

    def test_langchain_messages(self) -> None:
        """LangChain messages map to our roles, tool calls kept."""
        out = normalise(
            [
                SystemMessage("s"),
                HumanMessage("h"),
                AIMessage("", tool_calls=[{"name": "f", "args": {}, "id": "c1"}]),
                ToolMessage("r", tool_call_id="c1"),
            ]
        )
        assert [m.role for m in out] == ["system", "user", "assistant", "tool"]
        assert out[2].metadata["tool_calls"][0]["name"] == "f"

    @pytest.mark.parametrize(
        ("bad", "message"),
        [
            ({"content": "x"}, "no 'role'"),
            ({"role": "wizard", "content": "x"}, "unknown role"),
            ({"role": "user", "content": 3}, "content must be"),
            (42, "must be a mapping"),
        ],
    )
    def test_errors_name_the_position(self, bad: object, message: str) -> None:
        """Errors say which message and what is wrong."""
        with pytest.raises(InputError, match=f"message 1: .*{message}"):
            normalise([{"role": "user", "content": "ok"}, bad])

    def test_messages_must_be_a_list(self) -> None:
        """A string is not a conversation."""
        with pytest.raises(InputError):
            normalise("hello")  # type: ignore[arg-type]
