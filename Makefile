# Two commands do all set-up: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PLUGIN_DIRS := $(wildcard plugins/*/pyproject.toml)
DEMO_WEEK ?= 2026-W49

.PHONY: demo test lint typecheck pytest docs bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Re-install when the project's or any plugin's metadata changes.
$(STAMP): $(BIN)/python pyproject.toml $(PLUGIN_DIRS)
	$(BIN)/python -m pip install --quiet -e '.[dev]' $(foreach p,$(PLUGIN_DIRS),-e $(dir $(p)))
	touch $(STAMP)

# The demo keeps its posting history under out/, so the example kits stay as they are in git.
demo: $(STAMP)
	@for kit in examples/*/; do \
		name=$$(basename $$kit); \
		[ -f $$kit/kit.yaml ] || continue; \
		ADVOCACY_KIT_HISTORY=out/$$name/history.sqlite3 \
			$(BIN)/advocacy-kit plan $$kit --week $(DEMO_WEEK) --format html,md,ics,json --out out/$$name || exit $$?; \
	done

LINT_DIRS := $(wildcard src tests plugins benchmarks examples docs/examples)

lint: $(STAMP)
	$(BIN)/ruff check $(LINT_DIRS)
	$(BIN)/ruff format --check $(LINT_DIRS)

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP)
	$(BIN)/pytest

docs: $(STAMP)
	$(BIN)/sphinx-build -W --keep-going -q -b html docs docs/_build/html

test: lint typecheck pytest docs

# The benchmark compares X counting with the PyPI port of twitter-text (extra `bench`).
BENCH_STAMP := $(VENV)/.installed-bench
$(BENCH_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[dev,bench]' $(foreach p,$(PLUGIN_DIRS),-e $(dir $(p)))
	touch $(BENCH_STAMP)

bench: $(BENCH_STAMP)
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) out docs/_build .pytest_cache .mypy_cache .ruff_cache
