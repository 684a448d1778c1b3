# One command does the set-up: every target creates .venv and installs the project when needed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
JOBS ?= 2

.PHONY: ui-test test bless stress bench clean browser

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	$(BIN)/python -m compileall -q compiler harness
	touch $(STAMP)

ui-test: $(STAMP)
	$(BIN)/pytest ui_tests -n $(JOBS) -q

test: $(STAMP) browser
	$(BIN)/pytest -n $(JOBS) -q

# Debian's chromium for the HTML report's browser test (tests/test_report_html.py, driven by Playwright
# through the system browser: no browser download). Installed with apt-get where we are root; anywhere
# else the step says so and the test skips with the reason.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "installing Debian's chromium for the HTML report test (apt-get)"; \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	      || echo "chromium could not be installed: the browser test will skip"; \
	  else echo "chromium is not installed and apt-get needs root: the browser test will skip"; fi; }

bless: $(STAMP)
	$(BIN)/pytest ui_tests -n $(JOBS) -q --bless

stress: $(STAMP)
	$(BIN)/harness stress ui_tests --schedules 200 --strategy random
	$(BIN)/harness stress ui_tests --schedules 200 --strategy pct
	if command -v rustc >/dev/null; then $(BIN)/harness stress --compiler rustc ui_tests/rustc --runs 100; fi

bench: $(STAMP)
	@$(BIN)/python -m pip install --quiet -e '.[bench]' 2>/dev/null || \
	  echo "frontrun could not be installed: the kernel row of the bench will skip it"
	$(BIN)/python -m compileall -q compiler harness   # current bytecode, as an installed checkout runs
	$(BIN)/python bench/run.py
	$(BIN)/python bench/rustc_bench.py

clean:
	rm -rf $(VENV) reports/*.json reports/*.html reports/*.rs
