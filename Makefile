# OTOP Fair — `make run` serves the app, `make test` runs every test. Both set everything up first.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
export PYTHONWARNINGS := ignore::RuntimeWarning:platformdirs.api

.PHONY: run test test-browser test-cluster bench mutation stop setup db migrate messages static demo lint format backup restore chromium css test-db

$(VENV)/.installed: requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

db: $(VENV)/.installed
	$(PY) scripts/localdb.py start

migrate: db
	$(PY) manage.py migrate --noinput

messages: $(VENV)/.installed
	$(PY) manage.py compilemessages --ignore=.venv -v 0

static: $(VENV)/.installed
	$(PY) manage.py collectstatic --noinput -v 0

setup: migrate messages static

# The suite's database, when missing, as a copy of the one `migrate` just made: a fresh clone (CI)
# then skips running every migration a second time (scripts/localdb.py test_db).
test-db: migrate
	$(PY) scripts/localdb.py test-db

demo: setup
	$(PY) manage.py seed_demo

# The web server and one job-queue worker (notifications, offer expiry), then one block with the
# address, the demo accounts and how to stop; Ctrl-C stops both and the database (scripts/run.py).
run: demo
	@$(PY) scripts/run.py $(PORT)

chromium:
	@command -v chromium >/dev/null || (apt-get update -qq && apt-get install -y -qq chromium)

# Every test, browser tests included (pytest always uses tests.settings: see pyproject.toml).
test: setup chromium test-db
	$(PY) -m pytest

# Only the browser tests (journey, registry cascade, offline sales, phone layout).
test-browser: setup chromium test-db
	$(PY) -m pytest -m browser

# Only the many-machines tests: two gunicorn nodes, a local S3 API, a database failover.
test-cluster: setup test-db
	$(PY) -m pytest -m cluster -p no:randomly

bench: setup chromium
	$(PY) -m pytest benchmarks -q -s -p no:randomly

# Mutation testing of the deciding modules (not part of `make test`; ~30 min on 2 cores).
# MODULE="booths.scoring*" runs one module; see scripts/mutation.py and [tool.mutmut].
mutation: setup
	$(PY) scripts/mutation.py $(if $(MODULE),"$(MODULE)")

stop:
	$(PY) scripts/localdb.py stop

backup: db
	$(PY) scripts/localdb.py backup $(FILE)

restore: db
	@test -n "$(FILE)" || (echo "usage: make restore FILE=backups/otop_fair-….dump" && exit 2)
	$(PY) scripts/localdb.py restore $(FILE)

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(VENV)/.installed
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# Rebuild the Bootstrap subset the pages load, after using a Bootstrap class not used before
# (tests/otop_fair/test_css_subset.py says when). PurgeCSS runs from npm, outside the project.
PURGECSS_DIR ?= /tmp/otop-purgecss
css:
	test -d $(PURGECSS_DIR)/node_modules/purgecss || npm install --prefix $(PURGECSS_DIR) --no-audit --no-fund purgecss@7.0.2
	NODE_PATH=$(PURGECSS_DIR)/node_modules node scripts/css/purge.cjs
