# Alliance Archive: one command to preview, one to test. Needs Python 3.11+, make and git.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
export NO_MKDOCS_2_WARNING := 1

.PHONY: install serve build test lint typecheck pytest score bench bench-worst mutation clean

$(STAMP): requirements-pip.lock requirements-dev.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements-pip.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements-dev.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

install: $(STAMP)

serve: install  ## live preview at http://127.0.0.1:8000 (rebuilds when a seed changes)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: install  ## the site into site/, failing on any warning
	$(BIN)/mkdocs build --strict

test: lint typecheck pytest  ## everything CI runs

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: install
	$(BIN)/mypy

pytest: install
	$(BIN)/pytest

SHARED ?= ../shared

score: install  ## cleaning and extraction figures on the development corpus and the seeds, chrome vocabulary on and off, beside jusText
	@for vocabulary in on off; do \
	  echo "== chrome vocabulary $$vocabulary: development corpus"; \
	  ARCHIVE_CHROME_VOCABULARY=$$vocabulary $(SHARED)/tools/score-corpus | tail -1; \
	  echo "== chrome vocabulary $$vocabulary: seeds"; \
	  ARCHIVE_CHROME_VOCABULARY=$$vocabulary $(SHARED)/tools/score-corpus --gold $(SHARED)/seeds-gold --raw $(SHARED)/seeds | tail -1; \
	done
	@echo "== jusText beside the archive's cleaner: development corpus"
	@$(BIN)/python scripts/compare_justext.py --gold $(SHARED)/corpus
	@echo "== jusText beside the archive's cleaner: seeds"
	@$(BIN)/python scripts/compare_justext.py --gold $(SHARED)/seeds-gold --raw $(SHARED)/seeds
	@echo "== low confidence against errors: development corpus"
	@$(BIN)/python scripts/confidence_check.py --gold $(SHARED)/corpus

MODULES ?=
mutation: install  ## mutmut over the pipeline package (MODULES="dates registry" for some): score per module and survivors
	$(BIN)/python scripts/mutation.py $(MODULES)

bench: install bench-worst  ## build speed and memory at scale, and the worst-case seeds
	$(BIN)/python benchmarks/bench_build.py

bench-worst: install  ## ms per KB of every hostile seed shape; a build with a 1 MB seed of each
	$(BIN)/python benchmarks/bench_worst_case.py

clean:
	rm -rf site $(VENV) .pytest_cache .mypy_cache .ruff_cache mutants build/mutation
