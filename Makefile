# The two commands of the README:
#   make demo   install everything into .venv and check the bundled offline example
#   make test   install everything into .venv (plus optional system packages) and run the tests
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: install demo test lint system-deps benchmarks outlet-summary clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	$(BIN)/provenance setup  # lemma tries, WordNet maps, dictionary indexes, English and source-language word vectors: built now, not at the first check
	touch $@

install: $(BIN)/.installed

# The example has findings on purpose, so the gate exits 1 (and make reports the error).
EXAMPLE_CHECK := $(BIN)/provenance --sources examples/outlets check examples/article.md \
	--original examples/original.html --memory examples/memory.tsv --html report.html

demo: install
	@$(EXAMPLE_CHECK); status=$$?; \
	echo "provenance check exited with $$status (0: clean, 1: findings at or above --fail-on, 2: error)"; \
	exit $$status

# Debian packages the optional features use (Ding dictionary, headless Chromium); skipped with a
# reason where apt is not available, and the tests that need them skip too.
system-deps:
	@bash scripts/install-system-deps.sh

lint: install
	$(BIN)/ruff check .
	$(BIN)/lint-imports --no-cache

# `provenance setup` again: system-deps may have added dictionaries whose indexes it builds
test: install system-deps lint
	$(BIN)/provenance setup
	$(BIN)/python -m pytest -q

benchmarks: install
	$(BIN)/python -m benchmarks.run_all

# the per-language table at the end of docs/outlets.md, after adding outlets to sources/
outlet-summary: install
	$(BIN)/python scripts/outlet_summary.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache *.egg-info report.html
