# The two set-up commands: `make demo` and `make test`. Both create .venv on a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEVSTAMP := $(VENV)/.installed-dev

.PHONY: demo test lint typecheck pytest bench simulate clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(DEVSTAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $@ $(STAMP)

demo: $(STAMP)
	$(BIN)/guardrail demo

lint: $(DEVSTAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(DEVSTAMP)
	$(BIN)/mypy

pytest: $(DEVSTAMP)
	$(BIN)/pytest

test: lint typecheck pytest

# guardrails-ai (a reference point of the bench) pins openai<3, so it gets its own venv instead of
# downgrading the project's; the suite runs it there in a subprocess. If it cannot install, the
# bench reports it as unavailable.
BENCHVENV := .venv-bench
BENCHSTAMP := $(BENCHVENV)/.installed

$(BENCHSTAMP): pyproject.toml
	$(PYTHON) -m venv $(BENCHVENV)
	$(BENCHVENV)/bin/pip install --quiet -e ".[bench]" && touch $@ \
		|| echo "guardrails-ai did not install; guardrail bench will report it as unavailable"

bench: $(DEVSTAMP) $(BENCHSTAMP)
	$(BIN)/guardrail bench

simulate: $(STAMP)
	$(BIN)/guardrail simulate

clean:
	rm -rf $(VENV) $(BENCHVENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache
