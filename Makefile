# The two commands: `make figures` (the main job) and `make test`. Both set up .venv first.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# Tests and nbval never write into figures/ or the user's cache.
# PNG only: SVG/PDF export (font subsetting) is slow and tested on its own in tests/test_export.py.
TEST_ENV := CORPUS_LIB_FIGURES_DIR=$(CURDIR)/.test-output/figures CORPUS_LIB_CACHE=$(CURDIR)/.test-output/cache \
            CORPUS_LIB_FORMATS=png MPLBACKEND=Agg

UNIT_ARGS  := tests --doctest-modules corpus_lib
NBVAL_ARGS := --nbval notebooks --nbval-sanitize-with tests/nbval_sanitize.cfg -p no:cacheprovider

.PHONY: install figures test unit nbval lab bench clean

install: $(STAMP)

$(STAMP): requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $(STAMP)

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

nbval: install
	$(TEST_ENV) $(BIN)/python -m pytest -q $(NBVAL_ARGS)

lab: install
	$(BIN)/jupyter lab notebooks

bench: install
	$(BIN)/python benchmarks/bench_segment.py
	$(BIN)/python benchmarks/bench_pipeline.py

clean:
	rm -rf .test-output
