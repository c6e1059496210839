# Two commands for a new machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
ADDRESS ?= 127.0.0.1:8000
AXE_VERSION := 4.14.1
AXE := node_modules/axe-core/axe.min.js

.PHONY: run serve test setup lint browser test-sqlite test-postgres fixtures screenshots backup restore \
	move-to-postgres

run: setup
	$(BIN)/python manage.py runserver $(ADDRESS)

# Production: gunicorn (gunicorn.conf.py) and whitenoise's compressed, hashed static files. The
# set-up runs with the production settings too, so collectstatic writes the hashed files'
# manifest. Needs SECRET_KEY and ALLOWED_HOSTS (see "Serving in production" in the README).
serve: export DJANGO_ENV = production
serve: setup
	$(BIN)/gunicorn statements.config.wsgi --bind $(ADDRESS)

test: setup browser $(AXE) lint test-sqlite test-postgres

$(INSTALLED): requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

# Migrate the embedded SQLite database and add the seed data it does not hold yet.
setup: $(INSTALLED)
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_seed

# The browser tests drive Debian's Chromium; install it when it is missing and we may.
browser:
	@if [ -x /usr/bin/chromium ]; then :; \
	elif [ "$$(id -u)" = 0 ]; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	else echo "Chromium is missing: install Debian's 'chromium' package for the browser tests." >&2; fi

# axe-core, injected into pages by the accessibility tests.
$(AXE):
	npm install --prefix "$(CURDIR)" --no-save --no-package-lock --no-audit --no-fund axe-core@$(AXE_VERSION)

lint: $(INSTALLED)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --check templates

test-sqlite: $(INSTALLED)
	$(BIN)/pytest

# A throwaway PostgreSQL cluster, started for the run and removed after it. The fuzz test sends
# its full 10,000 query strings per URL on SQLite and fewer here (see tests/test_fuzz.py).
FUZZ_EXAMPLES_POSTGRES ?= 1000
test-postgres: $(INSTALLED)
	FUZZ_EXAMPLES=$(FUZZ_EXAMPLES_POSTGRES) $(BIN)/python tests/with_postgres.py --replica $(BIN)/pytest

# Rebuild fixtures/seed.json after editing fixtures/annotations/.
fixtures: $(INSTALLED)
	$(BIN)/python manage.py build_seed_fixtures

# Refresh the README's screenshots in docs/screenshots/.
screenshots: setup browser
	UPDATE_SCREENSHOTS=1 $(BIN)/pytest tests/test_screenshots.py

# A consistent copy of the database, safe while the app runs, in backups/.
backup: $(INSTALLED)
	$(BIN)/python manage.py backup

# Replace the database with a backup: make restore FILE=backups/statement-timeline-….sqlite3
restore: $(INSTALLED)
	@test -n "$(FILE)" || { echo "usage: make restore FILE=backups/…" >&2; exit 2; }
	$(BIN)/python manage.py restore "$(FILE)"

# Copy everything to another database, migrated here first (see "Moving to PostgreSQL" in the
# README): make move-to-postgres TO=postgres://user:password@host:5432/name
move-to-postgres: $(INSTALLED)
	@test -n "$(TO)" || { echo "usage: make move-to-postgres TO=postgres://user:password@host/name" >&2; exit 2; }
	DATABASE_URL="$(TO)" DATABASE_REPLICA_URLS= $(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py move_database --to "$(TO)"
