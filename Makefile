# The two commands a new developer needs: `make run` and `make test`.
# Everything else here is what those two are made of.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
PORT   ?= 8000
PG_URL ?= postgres://postgres@127.0.0.1:5432/postgres

.DEFAULT_GOAL := help
.PHONY: help run test test-postgres install messages makemessages lint format check demo clean browser faults

help:
	@echo "make run            set up, load the demo content, serve on http://127.0.0.1:$(PORT)"
	@echo "make test           the whole test suite (DATABASE_URL picks the database)"
	@echo "make test-postgres  the suite on PostgreSQL at $(PG_URL)"
	@echo "make lint           ruff lint + format check, Django checks, migrations check"
	@echo "make faults         outage drills: own PostgreSQL + Redis, gunicorn, prod settings"
	@echo "make makemessages   refresh locale/*/django.po from the code (needs GNU gettext)"
	@echo "make browser        install Debian's chromium + chromium-driver for tests/e2e (root)"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Reinstall only when the dependencies change.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $@

install: $(VENV)/.installed

# Compiled with Babel, so no GNU gettext is needed to run the site.
messages: install
	$(BIN)/pybabel compile --domain=django --directory=locale --statistics

makemessages: install
	$(BIN)/python manage.py makemessages --locale=cs --locale=de --no-obsolete \
		--ignore='.venv/*' --ignore='tests/*' --add-location=file

demo: install messages
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo_content
	$(BIN)/python manage.py createinitialrevisions --comment "Demo content"
	$(BIN)/python manage.py create_demo_admin

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

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
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
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache
	find locale -name '*.mo' -delete
