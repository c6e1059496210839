# Two commands for a new machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
DEV_INSTALLED := $(VENV)/.installed-dev
ADDRESS ?= 127.0.0.1:8000
AXE_VERSION := 4.14.1
AXE := node_modules/axe-core/axe.min.js
# Python keeps the compiled modules it imports (the machine's environment may say not to): the
# suite starts dozens of Python processes, and each compiled the app and the tests again.
export PYTHONDONTWRITEBYTECODE :=

.PHONY: run serve test test-ready test-deep setup lint browser test-sqlite test-postgres fixtures screenshots \
	backup restore move-to-postgres

run: setup
	$(BIN)/python manage.py runserver $(ADDRESS)

# Production: gunicorn (gunicorn.conf.py) and whitenoise's compressed, hashed static files. The
# set-up runs with the production settings too, so collectstatic writes the hashed files'
# manifest. Needs SECRET_KEY and ALLOWED_HOSTS (see "Serving in production" in the README).
serve: export DJANGO_ENV = production
serve: setup
	$(BIN)/gunicorn statements.config.wsgi --bind $(ADDRESS)

# Style checks, then the suite on SQLite and on a throwaway PostgreSQL. The passes run one
# after the other: side by side, four test processes and their browsers on two cores took a
# minute longer than in turn. A failing SQLite pass still lets the PostgreSQL pass run, so one
# run reports both. The browser tests run in the SQLite pass alone: what a page does in the
# browser, the views' tests check on both databases (see "Tests" in the README).
test:
	@$(MAKE) --no-print-directory --jobs=3 --output-sync=target test-ready
	@status=0; \
	$(MAKE) --no-print-directory test-sqlite || status=1; \
	$(MAKE) --no-print-directory test-postgres MARKS="not browser" || status=1; \
	exit $$status

# What the suite needs, side by side: Chromium from Debian's packages while pip installs the
# Python packages (each waits on its download and unpacking about as long as the other).
test-ready: setup $(DEV_INSTALLED) browser $(AXE) lint

# The long runs: 10,000 generated query strings per public URL and the full load test
# (50 readers and an editor for 30 s), on each database.
DEEP_TESTS := tests/test_fuzz.py tests/test_concurrent_load.py
test-deep: export FUZZ_EXAMPLES = 10000
test-deep: export LOAD_READERS = 50
test-deep: export LOAD_SECONDS = 30
test-deep: setup $(DEV_INSTALLED)
	$(BIN)/pytest $(PYTEST_PARALLEL) $(DEEP_TESTS)
	$(BIN)/python tests/with_postgres.py $(BIN)/pytest $(PYTEST_PARALLEL) $(DEEP_TESTS)

$(INSTALLED): requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

# Tests and style checks need more than the app: a server installs only requirements.txt.
$(DEV_INSTALLED): $(INSTALLED) requirements-dev.txt
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $@

# Migrate the embedded SQLite database and add the seed data it does not hold yet.
setup: $(INSTALLED)
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_seed

# The browser tests drive Debian's Chromium, through its headless shell when it is installed
# (half the processor time; tests/conftest.py). Install what is missing when we may: without
# Chromium the browser tests cannot run; without the shell they run on the full browser.
browser: export DEBIAN_FRONTEND = noninteractive
browser:
	@if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromium-headless-shell ]; then :; \
	elif [ "$$(id -u)" = 0 ]; then \
		apt-get update -qq; \
		apt-get install -y -qq chromium chromium-headless-shell || { \
			echo "Chromium's headless shell could not be installed: the browser tests use the full browser." >&2; \
			apt-get install -y -qq chromium; }; \
	else echo "Install Debian's 'chromium' and 'chromium-headless-shell' packages for the browser tests." >&2; fi

# axe-core, injected into pages by the accessibility tests.
$(AXE):
	npm install --prefix "$(CURDIR)" --no-save --no-package-lock --no-audit --no-fund axe-core@$(AXE_VERSION)

lint: $(DEV_INSTALLED)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --check templates

# The suite runs in two processes, one per core (pytest-xdist), each with its own test database.
# They take the tests one by one, so that they finish together, except that the tests of a module
# sharing a fixture of module scope stay in one process (tests/conftest.py).
PYTEST_PARALLEL ?= -n 2 --dist load
test-sqlite: $(DEV_INSTALLED)
	$(BIN)/pytest $(PYTEST_PARALLEL) $(if $(MARKS),-m "$(MARKS)")

# A throwaway PostgreSQL cluster, started for the run and removed after it. The pass leaves out
# the tests that make SQLite files of their own or use no database, which the SQLite pass runs
# the same.
test-postgres: $(DEV_INSTALLED)
	$(BIN)/python tests/with_postgres.py --replica $(BIN)/pytest $(PYTEST_PARALLEL) \
		-m "not same_on_any_database$(if $(MARKS), and $(MARKS))"

# Rebuild fixtures/seed.json after editing fixtures/annotations/.
fixtures: $(INSTALLED)
	$(BIN)/python manage.py build_seed_fixtures

# Refresh the README's screenshots in docs/screenshots/.
screenshots: setup $(DEV_INSTALLED) browser
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
	DATABASE_URL="$(TO)" DATABASE_REPLICA_URLS= $(BIN)/python manage.py keep_search_counts
