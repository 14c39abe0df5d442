# make run: set up .venv and run the pipeline on the bundled sample papers.
# make test: set up .venv and run every test.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint bench samples clean

# setuptools warns on every editable install that a folder named like a package may shadow it:
# that is the point of an editable install, so that one warning is silenced (nothing else is)
$(STAMP): pyproject.toml
	$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "bvtrack needs Python 3.11+"'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	PYTHONWARNINGS="ignore::UserWarning:setuptools.command.editable_wheel" $(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/bvtrack run --workspace . --no-email

test: $(STAMP)
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check pipeline extractors tests scripts
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python scripts/bench.py
	$(BIN)/python scripts/bench_matching.py

samples: $(STAMP)
	$(BIN)/python scripts/make_samples.py raw

clean:
	rm -rf staged/*.parquet outputs/*.xlsx outputs/*.html outputs/*.eml
