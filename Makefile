# Two commands: `make run` and `make test`. Everything else is a step they share.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
VENDOR := web/static/vendor
# Security scanners live in their own venv: semgrep pins versions the app does not want.
TOOLS := .venv-tools

.PHONY: run test install assets translations lint types contracts pytest bench clean

run: install assets
	$(BIN)/zow run

test: install assets lint types contracts security pytest

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
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
	@if [ -n "$(BENCH_DATABASE_URL)" ]; then $(BIN)/python bench/web.py --database-url "$(BENCH_DATABASE_URL)"; \
	else echo "bench/web.py skipped: set BENCH_DATABASE_URL=postgresql+psycopg://... to run it"; fi

clean:
	rm -rf $(VENV) $(TOOLS) node_modules $(VENDOR) .pytest_cache .mypy_cache .ruff_cache
