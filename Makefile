# Two commands set everything up on a fresh machine with Python 3.11 and make:
#   make reports   build the reports (HTML, executed notebooks, tables and an index in reports/)
#   make test      run the test suite
# Each creates .venv and installs what it needs on first use.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: reports test bench eval check clean browser lab lock

# Exactly the versions in requirements.lock, each checked against its hash; then xbdata itself.
$(STAMP): pyproject.toml requirements.lock
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	@touch $(STAMP)

# Refresh requirements.lock after changing the dependencies in pyproject.toml (or to take newer
# releases): one resolution for every platform, with the hashes of every file.
lock:
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet uv
	$(BIN)/uv pip compile pyproject.toml --extra test --extra dask --extra pdf --universal --python-version 3.11 --generate-hashes \
	  --custom-compile-command "make lock" -o requirements.lock

reports: $(STAMP)
	$(BIN)/xbdata build

# JupyterLab on the notebooks, on this machine only; the venv's kernel (with xbdata) is the default.
lab: $(STAMP)
	$(BIN)/jupyter lab --ip=127.0.0.1 --no-browser --notebook-dir=notebooks $(if $(filter 0,$(shell id -u)),--allow-root)

# The browser tests drive Debian's Chromium (never a downloaded browser) and need CJK fonts.
# The PDF tests read what Chromium printed with poppler's pdftotext.
browser:
	@if [ ! -x /usr/bin/chromium ] || ! command -v pdftotext >/dev/null || ! fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; then \
	  echo "installing Debian's chromium, fonts-noto-cjk and poppler-utils for the browser and PDF tests (needs root)"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk poppler-utils >/dev/null; \
	fi

# On two workers (pytest-xdist), each test module whole in one of them, the slowest modules first
# (tests/conftest.py); `.venv/bin/pytest` alone runs the same tests one after another.
test: $(STAMP) browser
	$(BIN)/python -m pytest -n 2 --dist loadfile --no-loadscope-reorder

bench: $(STAMP)
	$(BIN)/python bench/bench_foundation.py
	$(BIN)/python bench/bench_build.py
	$(BIN)/python bench/bench_report.py
	$(BIN)/python bench/bench_extract_corpus.py

# Recall and precision of the extractor on the evaluation articles in eval/ (see eval/README.md).
eval: $(STAMP)
	$(BIN)/python eval/score.py

check: $(STAMP)
	$(BIN)/xbdata check

clean:
	rm -rf $(VENV) reports/data .pytest_cache .hypothesis
