# Two commands for a clinic: `make run` and `make test`. Everything else is optional.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint bench clean-venv

$(STAMP): requirements.lock pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $(STAMP)

## make run: install, create instance/ with secrets, migrate, seed the demo, serve on :5000
run: $(STAMP)
	$(BIN)/clinic bootstrap
	$(BIN)/clinic run --host 127.0.0.1 --port 5000

## make test: install, then the whole test suite (unit, functional, browser) and the linters
test: $(STAMP)
	$(BIN)/python -m tests.preflight
	$(BIN)/ruff check .
	$(BIN)/mypy .
	$(BIN)/bandit -ll -q -r intake crypto redaction config.py
	$(BIN)/python -m pytest -n auto --ignore=tests/faults
	$(BIN)/python -m pytest tests/faults  # restarts services: after the rest, on its own

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy .

bench: $(STAMP)
	$(BIN)/python bench/crypto.py
	$(BIN)/python bench/redaction.py

clean-venv:
	rm -rf $(VENV)
