# The README's commands. `make run` and `make test` work on a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Where `make run` listens, and the site's own address in its links (canonical,
# hreflang, the sitemap, the admin login it prints): `make run PORT=8100`.
HOST ?= 127.0.0.1
PORT ?= 8000
WAGTAILADMIN_BASE_URL ?= http://$(HOST):$(PORT)
export WAGTAILADMIN_BASE_URL
# A development-only admin password; production sets its own (see README).
MOCI_ADMIN_PASSWORD ?= moci-admin
export MOCI_ADMIN_PASSWORD

.PHONY: run test install messages setup lint format browser-test reliability bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed

# Compiled catalogues, rebuilt only when a .po file changed (so two test runs
# side by side never write the same .mo files at once).
PO_FILES := $(wildcard locale/*/LC_MESSAGES/django.po)
locale/.compiled: $(PO_FILES) | $(VENV)/.installed
	$(BIN)/python manage.py compilemessages --ignore=.venv -v 0
	touch $@

messages: install locale/.compiled

setup: messages
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_moci_content --site-url $(WAGTAILADMIN_BASE_URL)

run: setup
	@echo "Serving MOCI on $(WAGTAILADMIN_BASE_URL)/ — admin at $(WAGTAILADMIN_BASE_URL)/admin/ (user admin, password $(MOCI_ADMIN_PASSWORD))"
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

test: messages
	$(BIN)/python -m pytest $(PYTEST_ARGS)

browser-test: messages
	$(BIN)/python -m pytest tests/browser $(PYTEST_ARGS)

# Faults under load, backup and restore, two app processes: real gunicorn on
# PostgreSQL and Redis (see tests/reliability/). Needs both running locally.
reliability: messages
	$(BIN)/python -m pytest tests/reliability -m reliability -s $(PYTEST_ARGS)

# The performance benchmark (bin/bench, GitHub issue 7): wrk against gunicorn on a
# fresh PostgreSQL database, Redis db 13. Needs both running locally, and wrk.
bench: messages
	$(BIN)/python bin/bench

lint: install
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .
	$(BIN)/python manage.py makemigrations --check --dry-run

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf $(VENV) static media db.sqlite3 screenshots locale/.compiled
