# The two commands a new developer needs: `make run` and `make test`.
# Everything else here is what those two are made of.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
PORT   ?= 8000
PG_URL ?= postgres://postgres@127.0.0.1:5432/postgres

.DEFAULT_GOAL := help
.PHONY: help run test test-postgres install lock messages makemessages lint format check demo demo-reset clean browser eval-extraction bench-import screenshots bench wrk faults

help:
	@echo "make run            set up, load the demo content, serve on http://127.0.0.1:$(PORT)"
	@echo "make demo-reset     write the demo content back over any changes made to it"
	@echo "make test           the whole test suite (DATABASE_URL picks the database)"
	@echo "make test-postgres  the suite on PostgreSQL at $(PG_URL)"
	@echo "make lint           ruff, import layers, djhtml, Django checks, migrations check"
	@echo "make lock           refresh the lock files from pyproject.toml (UPGRADE=1: newest allowed)"
	@echo "make faults         outage drills: own PostgreSQL + Redis, gunicorn, prod settings"
	@echo "make makemessages   refresh locale/*/django.po from the code (needs GNU gettext)"
	@echo "make eval-extraction  precision and recall of the visit extraction on the annotated corpus"
	@echo "make bench-import   generate 10,000 exported articles and time their import"
	@echo "make browser        install Debian's chromium + chromium-driver for tests/e2e (root)"
	@echo "make screenshots    every public page type in cs/en/de at 1280 and 320 px -> artifacts/screenshots/"
	@echo "make bench          load sample archives, measure every page against a bare view"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Exactly the versions in the lock file, hash-checked; again when it changes.
$(VENV)/.locked: requirements-dev.lock | $(BIN)/python
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements-dev.lock
	@touch $@

# Then the project itself, resolving nothing again. pip check fails when
# pyproject.toml asks for a version the lock file does not hold: run make lock.
$(VENV)/.installed: requirements-dev.lock pyproject.toml $(VENV)/.locked
	$(BIN)/python -m pip install --quiet --no-deps -e .
	$(BIN)/python -m pip check
	@touch $@

install: $(VENV)/.installed

# requirements-dev.lock (everything, for make install) and requirements.lock
# (what production needs, at the same versions) from the ranges in
# pyproject.toml, for every platform and Python the project supports. Pins
# already in the files are kept unless a range excludes them; UPGRADE=1 moves
# every pin to the newest version its range allows.
LOCK_ARGS := pyproject.toml --universal --generate-hashes --quiet \
	--custom-compile-command 'make lock' $(if $(UPGRADE),--upgrade)

lock: $(VENV)/.locked
	$(BIN)/uv pip compile $(LOCK_ARGS) --extra dev -o requirements-dev.lock
	$(BIN)/uv pip compile $(LOCK_ARGS) -c requirements-dev.lock -o requirements.lock

# Compiled with Babel, so no GNU gettext is needed to run the site.
messages: install
	$(BIN)/pybabel compile --domain=django --directory=locale --statistics

makemessages: install
	$(BIN)/python manage.py makemessages --locale=cs --locale=de --no-obsolete \
		--ignore='.venv/*' --ignore='tests/*' --add-location=file

# The demo content is created when missing and otherwise left alone, so that
# `make run` keeps what an editor changed; `make demo-reset` restores it.
demo: install messages
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo_content
	$(BIN)/python manage.py create_demo_admin

demo-reset: install messages
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo_content --reset

run: demo
	@echo
	@echo "  Site:  http://127.0.0.1:$(PORT)/  (Czech /cs/, English /en/, German /de/)"
	@echo "  Admin: http://127.0.0.1:$(PORT)/admin/  user: admin  password: admin"
	@echo
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

test: install messages
	$(BIN)/python -m pytest

test-postgres:
	DATABASE_URL=$(PG_URL) $(MAKE) test

# The browser tests (tests/e2e) drive Debian's headless Chromium; without it
# they are skipped. Installs only what is missing, and only as root.
browser:
	@if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then \
		echo "chromium and chromedriver are installed"; \
	elif [ "$$(id -u)" = 0 ]; then \
		export DEBIAN_FRONTEND=noninteractive; \
		apt-get update && apt-get install -y chromium chromium-driver; \
	else \
		echo "Run as root (sudo make browser) to install chromium and chromium-driver." >&2; \
		exit 1; \
	fi

# Headless Chromium over the demo content in a throwaway SQLite database (served
# by runserver on a spare port). DOCS=1 also refreshes docs/screenshots/.
screenshots: install messages
	$(BIN)/python scripts/screenshots.py $(if $(DOCS),--docs)

# `make bench`: sizes, seconds per page and requests for the memory check; e.g.
# BENCH_ARTICLES=1000,100000 DATABASE_URL=postgres://... make bench
BENCH_ARTICLES ?= 1000,10000
BENCH_SECONDS ?= 10
BENCH_MEMORY_REQUESTS ?= 10000
BENCH_FLAGS ?= --readme

wrk:
	@if command -v wrk >/dev/null; then \
		true; \
	elif [ "$$(id -u)" = 0 ]; then \
		export DEBIAN_FRONTEND=noninteractive; \
		apt-get update && apt-get install -y wrk; \
	else \
		echo "Run as root (sudo make wrk) to install Debian's wrk." >&2; \
		exit 1; \
	fi

bench: install messages wrk
	$(BIN)/python bench/run.py --articles $(BENCH_ARTICLES) --seconds $(BENCH_SECONDS) \
		--memory-requests $(BENCH_MEMORY_REQUESTS) $(BENCH_FLAGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/djhtml --check templates
	$(BIN)/python manage.py check --fail-level WARNING
	$(BIN)/python manage.py makemigrations --check --dry-run

# Outage drills (about 2 minutes): PostgreSQL stopped and restarted, Redis
# killed, a worker killed; starts its own throwaway PostgreSQL and Redis.
faults: install messages
	$(BIN)/python .ci/faults.py

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(BIN)/djhtml templates

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache .import_linter_cache
	find locale -name '*.mo' -delete

# The extraction's rules measured on articles/extraction/corpus (no database needed).
eval-extraction: install
	$(BIN)/python manage.py eval_extraction

# 10,000 generated export files imported into a throw-away SQLite database.
bench-import: install
	DATABASE_URL=sqlite:////tmp/regionnews-bench-import.sqlite3 $(BIN)/python manage.py migrate --noinput -v0
	DATABASE_URL=sqlite:////tmp/regionnews-bench-import.sqlite3 $(BIN)/python manage.py bench_import --files 10000
