# Two commands set everything up on a fresh machine with Python 3.11 and make:
#   make reports   build the reports (for now: export the tidy tables to reports/data/)
#   make test      run the test suite
# Each creates .venv and installs what it needs on first use.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: reports test bench check clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

reports: $(STAMP)
	$(BIN)/xbdata check
	$(BIN)/xbdata export -o reports/data

test: $(STAMP)
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python bench/bench_foundation.py

check: $(STAMP)
	$(BIN)/xbdata check

clean:
	rm -rf $(VENV) reports/data .pytest_cache .hypothesis
