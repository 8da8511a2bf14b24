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
# Not inside OUTPUT: extract writes only into a folder that is new, empty or its own.
EVAL_OUTPUT ?= output-eval
EVAL_ARGS ?=

BIN := $(VENV)/bin
# Touched after a successful install: pip runs again only when pyproject.toml changes.
INSTALLED := $(VENV)/.installed

.PHONY: extract test eval rules-check clean venv lint

extract: $(INSTALLED)
	$(BIN)/extract run "$(CORPUS)" --output "$(OUTPUT)" --rules "$(RULES)"

test: $(INSTALLED)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

eval: $(INSTALLED)
	$(BIN)/extract run "$(EVAL_POSTS)" --output "$(EVAL_OUTPUT)" --rules "$(RULES)" --quiet
	$(BIN)/extract eval "$(EVAL_OUTPUT)" --gold "$(EVAL_GOLD)" $(EVAL_ARGS)

# make lint: ruff (style and mistakes) and mypy (types) over the code; configured in pyproject.toml.
lint: $(INSTALLED)
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy

rules-check: $(INSTALLED)
	$(BIN)/extract rules check --rules "$(RULES)"

# make docs: regenerate docs/tables.md (the data dictionary) from the table schemas.
.PHONY: docs
docs: $(INSTALLED)
	$(BIN)/python -m extract.data_dictionary docs/tables.md

# make bench: bare GiNZA vs extract run (cold, re-runs, --no-ner) on a seeded sample of BENCH_POSTS
# archive posts (BENCH_FULL=1: the whole archive); table on stdout, JSON in bench/results/.
BENCH_POSTS ?= 100
BENCH_FULL ?= 0
# BENCH_MEMORY=200,2000: instead, peak RSS of a cold run at each sample size (BENCH_NO_NER=1: --no-ner runs).
BENCH_MEMORY ?=
BENCH_NO_NER ?= 0
BENCH_JOBS ?= all
BENCH_BARE_POSTS ?= 100
BENCH_ARCHIVE ?= ../shared/archive/posts
.PHONY: bench
bench: $(INSTALLED)
	$(BIN)/python bench/run.py --posts "$(BENCH_POSTS)" --full "$(BENCH_FULL)" --jobs "$(BENCH_JOBS)" \
		--bare-posts "$(BENCH_BARE_POSTS)" --archive "$(BENCH_ARCHIVE)" --memory "$(BENCH_MEMORY)" \
		$(if $(filter 1,$(BENCH_NO_NER)),--memory-no-ner)

venv: $(INSTALLED)

$(INSTALLED): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

clean:
	rm -rf "$(OUTPUT)"
