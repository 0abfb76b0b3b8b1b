# Two commands: `make run` and `make test`. Everything else is a step they share.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
VENDOR := web/static/vendor
# Security scanners live in their own venv: semgrep pins versions the app does not want.
TOOLS := .venv-tools
# pip-tools, for `make lock` only, in its own venv as well.
LOCKTOOLS := .venv-lock
# Every dependency, direct or transitive, pinned with its hashes: the dev lock (make, CI)
# and the runtime lock (Dockerfile), compiled from pyproject.toml by `make lock`.
DEV_LOCK := requirements-dev.lock
RUNTIME_LOCK := requirements.lock
PIP_COMPILE := $(LOCKTOOLS)/bin/pip-compile --quiet --generate-hashes --allow-unsafe \
	--strip-extras --no-emit-index-url --no-emit-find-links

.PHONY: run test install lock assets translations lint types contracts pytest bench clean

run: install assets
	$(BIN)/zow run

test: install assets lint types contracts security pytest

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml $(DEV_LOCK)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet --require-hashes -r $(DEV_LOCK)
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

# Regenerate both lock files after changing a pin in pyproject.toml (one command).
lock: $(LOCKTOOLS)/.installed
	$(PIP_COMPILE) --extra dev -o $(DEV_LOCK) pyproject.toml
	$(PIP_COMPILE) -c $(DEV_LOCK) -o $(RUNTIME_LOCK) pyproject.toml

$(LOCKTOOLS)/.installed:
	$(PYTHON) -m venv $(LOCKTOOLS)
	$(LOCKTOOLS)/bin/pip install --quiet pip-tools==7.6.2
	touch $@

assets: $(VENDOR)/.installed translations

# The English catalogue is compiled at build time; only the .po file is kept in git.
translations: install
	$(BIN)/pybabel -q compile -d web/translations

$(VENDOR)/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	mkdir -p $(VENDOR)/utrecht $(VENDOR)/chartjs
	cp node_modules/@utrecht/component-library-css/dist/index.css $(VENDOR)/utrecht/component-library.css
	cp node_modules/@utrecht/design-tokens/dist/index.css $(VENDOR)/utrecht/design-tokens.css
	cp node_modules/chart.js/dist/chart.umd.min.js $(VENDOR)/chartjs/chart.umd.min.js
	touch $@

lint:
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

types:
	$(BIN)/mypy

contracts:
	$(BIN)/lint-imports

security: $(TOOLS)/.installed
	$(TOOLS)/bin/bandit -q -ll -r matcher web jobs models
	SEMGREP_ENABLE_VERSION_CHECK=0 $(TOOLS)/bin/semgrep --config .semgrep/rules.yml --metrics=off --error --quiet matcher web jobs models

$(TOOLS)/.installed:
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet bandit==1.9.4 semgrep==1.180.0
	touch $@

pytest:
	$(BIN)/pytest

bench: install
	$(BIN)/python bench/linking.py
	$(BIN)/python bench/matching.py
	$(BIN)/python bench/weekly.py
	$(BIN)/python bench/intake.py
	@if [ -n "$(BENCH_DATABASE_URL)" ]; then $(BIN)/python bench/web.py --database-url "$(BENCH_DATABASE_URL)"; \
	else echo "bench/web.py skipped: set BENCH_DATABASE_URL=postgresql+psycopg://... to run it"; fi

clean:
	rm -rf $(VENV) $(TOOLS) $(LOCKTOOLS) node_modules $(VENDOR) .pytest_cache .mypy_cache .ruff_cache
