# Two commands set everything up on a fresh machine with Python 3.11 and make:
#   make reports   build the reports (HTML, executed notebooks, tables and an index in reports/)
#   make test      run the test suite
# Each creates .venv and installs what it needs on first use.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: reports test bench check clean browser lab

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

reports: $(STAMP)
	$(BIN)/xbdata build

# JupyterLab on the notebooks, on this machine only; the venv's kernel (with xbdata) is the default.
lab: $(STAMP)
	$(BIN)/jupyter lab --ip=127.0.0.1 --no-browser --notebook-dir=notebooks $(if $(filter 0,$(shell id -u)),--allow-root)

# The browser tests drive Debian's Chromium (never a downloaded browser) and need CJK fonts.
browser:
	@if [ ! -x /usr/bin/chromium ] || ! fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; then \
	  echo "installing Debian's chromium and fonts-noto-cjk for the browser tests (needs root)"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null; \
	fi

test: $(STAMP) browser
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python bench/bench_foundation.py
	$(BIN)/python bench/bench_build.py

check: $(STAMP)
	$(BIN)/xbdata check

clean:
	rm -rf $(VENV) reports/data .pytest_cache .hypothesis
