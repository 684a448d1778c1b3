# One command does the set-up: every target creates .venv and installs the project when needed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
JOBS ?= 2

.PHONY: ui-test test bless stress bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	$(BIN)/python -m compileall -q compiler harness
	touch $(STAMP)

ui-test: $(STAMP)
	$(BIN)/pytest ui_tests -n $(JOBS) -q

test: $(STAMP)
	$(BIN)/pytest -n $(JOBS) -q

bless: $(STAMP)
	$(BIN)/pytest ui_tests -n $(JOBS) -q --bless

stress: $(STAMP)
	$(BIN)/harness stress ui_tests --schedules 200 --strategy random
	$(BIN)/harness stress ui_tests --schedules 200 --strategy pct
	if command -v rustc >/dev/null; then $(BIN)/harness stress --compiler rustc ui_tests/rustc --runs 100; fi

bench: $(STAMP)
	$(BIN)/python bench/run.py
	$(BIN)/python bench/rustc_bench.py

clean:
	rm -rf $(VENV) reports/*.json reports/*.html reports/*.rs
