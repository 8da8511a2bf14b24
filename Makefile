# make extract: set up .venv if needed, then run the pipeline on CORPUS into OUTPUT with RULES.
# make test:    set up .venv if needed, then run the test suite.
PYTHON ?= python3
VENV ?= .venv
CORPUS ?= corpus
OUTPUT ?= output
RULES ?= rules
PYTEST_ARGS ?=

BIN := $(VENV)/bin
# Touched after a successful install: pip runs again only when pyproject.toml changes.
INSTALLED := $(VENV)/.installed

.PHONY: extract test clean venv

extract: $(INSTALLED)
	$(BIN)/extract run "$(CORPUS)" --output "$(OUTPUT)" --rules "$(RULES)"

test: $(INSTALLED)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

venv: $(INSTALLED)

$(INSTALLED): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

clean:
	rm -rf "$(OUTPUT)"
