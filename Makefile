# The two commands: `make figures` (the main job) and `make test`. Both set up .venv first.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# Tests and nbval never write into figures/ or the user's cache.
# PNG only: SVG/PDF export (font subsetting) is slow and tested on its own in tests/test_export.py.
TEST_ENV := CORPUS_LIB_FIGURES_DIR=$(CURDIR)/.test-output/figures CORPUS_LIB_CACHE=$(CURDIR)/.test-output/cache \
            CORPUS_LIB_FORMATS=png MPLBACKEND=Agg

UNIT_ARGS  := tests --ignore=tests/browser --ignore=tests/office --doctest-modules corpus_lib
NBVAL_ARGS := --nbval notebooks --nbval-sanitize-with tests/nbval_sanitize.cfg -p no:cacheprovider

SUPPORTED := 3.10 to 3.13
# Shipped into the venv: Lab never saves widget state, and the server drops widget views on save,
# so a notebook saved in Lab reopens with its text fallback instead of "Error displaying widget".
LAB_SETTINGS  := $(VENV)/share/jupyter/lab/settings/overrides.json
SERVER_CONFIG := $(VENV)/etc/jupyter/jupyter_server_config.json

.PHONY: install check-python figures test quick unit nbval lab test-browser test-docx check-lock check-wheel bench clean

install: $(STAMP) $(LAB_SETTINGS) $(SERVER_CONFIG)

check-python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if (3, 10) <= sys.version_info[:2] <= (3, 13) else 1)' 2>/dev/null || \
	{ echo "error: this project needs CPython $(SUPPORTED); '$(PYTHON)' is $$($(PYTHON) --version 2>/dev/null || echo 'not found'). Try: make PYTHON=python3.12"; exit 1; }

# A failed venv or install leaves no half-built .venv behind, so the next make starts clean.
$(STAMP): requirements.txt pyproject.toml
	@test -x $(BIN)/python || $(MAKE) --no-print-directory check-python
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || { rm -rf $(VENV); echo "error: could not create $(VENV)"; exit 1; }
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt || \
	{ rm -rf $(VENV); echo "error: installing requirements.txt failed; $(VENV) removed (see the messages above)"; exit 1; }
	touch $(STAMP)

$(LAB_SETTINGS): jupyter/overrides.json $(STAMP)
	@mkdir -p $(dir $@)
	cp jupyter/overrides.json $@

$(SERVER_CONFIG): jupyter/jupyter_server_config.json $(STAMP)
	@mkdir -p $(dir $@)
	cp jupyter/jupyter_server_config.json $@

figures: install
	$(BIN)/python -m corpus_lib run

# Unit tests and nbval run side by side (the machine has 2 cores); nbval's report follows the unit tests'.
test: install
	@mkdir -p .test-output
	@echo "unit tests and nbval, in parallel"
	@$(TEST_ENV) $(BIN)/python -m pytest -q $(NBVAL_ARGS) > .test-output/nbval.log 2>&1 & nbval_pid=$$!; \
	$(TEST_ENV) $(BIN)/python -m pytest -q $(UNIT_ARGS); unit=$$?; \
	wait $$nbval_pid; nbval=$$?; \
	echo "--- nbval (every notebook against its stored outputs) ---"; cat .test-output/nbval.log; \
	test $$unit -eq 0 && test $$nbval -eq 0

unit: install
	$(TEST_ENV) $(BIN)/python -m pytest -q $(UNIT_ARGS)

# The inner loop: unit tests and doctests without the ones marked slow (whole runs, JupyterLab, 300 documents); no nbval.
quick: install
	$(TEST_ENV) $(BIN)/python -m pytest -q -m "not slow" $(UNIT_ARGS)

nbval: install
	$(TEST_ENV) $(BIN)/python -m pytest -q $(NBVAL_ARGS)

# Opens at the repository root (notebooks/, figures/ and figures/tables/ in the file browser); --allow-root only as root.
lab: install
	$(BIN)/jupyter lab --notebook-dir=. $$(test "$$(id -u)" = 0 && echo --allow-root)

# A real browser (Debian chromium through Playwright) opens, runs and saves every notebook in JupyterLab.
test-browser: install
	$(TEST_ENV) $(BIN)/python -m pytest -q -p no:cacheprovider tests/browser

# report.docx end to end: run on the seed folder, LibreOffice converts the report to PDF, poppler renders its
# first pages (apt-get install -y libreoffice-writer poppler-utils fonts-noto-cjk; skipped with a message if absent).
test-docx: install
	$(TEST_ENV) $(BIN)/python -m pytest -q -s -p no:cacheprovider tests/office

# The lock resolves for every supported Python (uv evaluates the markers for each version).
check-lock: install
	@for version in 3.10.12 3.12.8 3.13.1; do \
	  $(BIN)/uv pip compile --quiet --python-version $$version --no-header requirements.txt -o /dev/null \
	  && echo "requirements.txt resolves for Python $$version" || exit 1; done

# The wheel, built from this checkout and installed with the lock into a fresh venv outside the repository, runs
# `python -m corpus_lib docs` and notebook 00 from outside the repository (.ci/check-wheel says each step).
check-wheel: install
	.ci/check-wheel $(BIN)/python

# bench_run.py runs every notebook on 2,800 documents, cold and warm: it takes many minutes.
bench: install
	$(BIN)/python benchmarks/bench_segment.py
	$(BIN)/python benchmarks/bench_pipeline.py
	$(BIN)/python benchmarks/bench_run.py

clean:
	rm -rf .test-output
