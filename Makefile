# Sosiokultural — the two commands of the README, and a few helpers.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test install browser messages compilemessages lint format migrate seed worker beat audit clean

run: install compilemessages ## Install, migrate, load demo data and serve on :8000
	$(PY) manage.py migrate --noinput
	$(PY) manage.py seed_demo
	@echo ""
	@echo "Sosiokultural berjalan di http://127.0.0.1:8000 (Ctrl+C untuk berhenti)"
	$(PY) manage.py runserver 127.0.0.1:8000

# One worker per core; whole files per worker, so a module's seeded demo is built once.
test: install compilemessages browser ## Install and run the whole test suite
	$(PY) -m pytest -n auto --dist loadfile

install: $(STAMP)

$(STAMP): requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	@command -v msgfmt >/dev/null || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gettext; \
	  else echo "GNU gettext (msgfmt) is needed: install the 'gettext' package"; exit 1; fi; }
	touch $(STAMP)

# Debian's Chromium for the browser tests (Playwright drives /usr/bin/chromium);
# without it, and without root to install it, those tests skip with a reason.
browser:
	@test -x /usr/bin/chromium || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	  else echo "Chromium not installed: browser tests will be skipped (apt-get install chromium)"; fi; }

compilemessages: install
	$(PY) manage.py compilemessages --ignore=$(VENV) -v0

messages: install ## Refresh the .po catalogues (id, en) of every app
	$(PY) manage.py makemessages -l id -l en --ignore=$(VENV) --ignore=static --ignore=staticfiles -v0

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

audit: install ## Security checks: bandit on the code, pip-audit on the pinned dependencies
	$(VENV)/bin/bandit -q -r . -x ./$(VENV),./static,./test-artifacts -ll
	$(VENV)/bin/pip-audit -r requirements.txt --strict

migrate: install
	$(PY) manage.py migrate

seed: install
	$(PY) manage.py seed_demo

worker: install
	$(VENV)/bin/celery -A sosiokultural worker --loglevel=INFO

beat: install
	$(VENV)/bin/celery -A sosiokultural beat --loglevel=INFO

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles
