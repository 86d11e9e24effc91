# The two commands: `make figures` (the main job) and `make test`. Both set up .venv first.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# Tests and nbval never write into figures/ or the user's cache.
TEST_ENV := CORPUS_LIB_FIGURES_DIR=$(CURDIR)/.test-output/figures CORPUS_LIB_CACHE=$(CURDIR)/.test-output/cache MPLBACKEND=Agg

.PHONY: install figures test unit nbval lab bench clean

install: $(STAMP)

$(STAMP): requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $(STAMP)

figures: install
	$(BIN)/python -m corpus_lib run

test: install unit nbval

unit: install
	$(TEST_ENV) $(BIN)/python -m pytest -q tests --doctest-modules corpus_lib

nbval: install
	$(TEST_ENV) $(BIN)/python -m pytest -q --nbval notebooks --nbval-sanitize-with tests/nbval_sanitize.cfg -p no:cacheprovider

lab: install
	$(BIN)/jupyter lab notebooks

bench: install
	$(BIN)/python benchmarks/bench_segment.py
	$(BIN)/python benchmarks/bench_pipeline.py

clean:
	rm -rf .test-output
