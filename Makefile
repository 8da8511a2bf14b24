# make extract: set up .venv if needed, then run the pipeline on CORPUS into OUTPUT with RULES.
# make test:    set up .venv if needed, then run the test suite.
# make eval:    extract EVAL_POSTS into EVAL_OUTPUT and score it against EVAL_GOLD.
PYTHON ?= python3
VENV ?= .venv
CORPUS ?= corpus
OUTPUT ?= output
RULES ?= rules
PYTEST_ARGS ?=
EVAL_POSTS ?= ../shared/eval/posts
EVAL_GOLD ?= ../shared/eval/gold.jsonl
EVAL_OUTPUT ?= output/eval
EVAL_ARGS ?=

BIN := $(VENV)/bin
# Touched after a successful install: pip runs again only when pyproject.toml changes.
INSTALLED := $(VENV)/.installed

.PHONY: extract test eval rules-check clean venv

extract: $(INSTALLED)
	$(BIN)/extract run "$(CORPUS)" --output "$(OUTPUT)" --rules "$(RULES)"

test: $(INSTALLED)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

eval: $(INSTALLED)
	$(BIN)/extract run "$(EVAL_POSTS)" --output "$(EVAL_OUTPUT)" --rules "$(RULES)" --quiet
	$(BIN)/extract eval "$(EVAL_OUTPUT)" --gold "$(EVAL_GOLD)" $(EVAL_ARGS)

rules-check: $(INSTALLED)
	$(BIN)/extract rules check --rules "$(RULES)"

venv: $(INSTALLED)

$(INSTALLED): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

clean:
	rm -rf "$(OUTPUT)"
