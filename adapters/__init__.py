"""Integrations (installed as ``guardrail.adapters``): LangChain and OpenAI-compatible clients."""
