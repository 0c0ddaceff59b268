# Two commands for a fresh machine: `make run` and `make test`. `make bench` measures.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test bench load faults setup lint clean messages

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e ".[dev]"
	touch $(STAMP)

setup: $(STAMP)
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo

run: setup
	@echo "Portal on http://127.0.0.1:8000 (admin: /admin/, accounts in README). Ctrl-C stops it."
	@exec $(PY) manage.py serve_portal 127.0.0.1:8000

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

test: lint
	DJANGO_SETTINGS_MODULE=settings.test $(PY) manage.py check
	DJANGO_SETTINGS_MODULE=settings.test $(PY) manage.py makemigrations --check --dry-run
	$(PY) -m pytest -q

bench: $(STAMP)
	@command -v wrk >/dev/null || (apt-get update -qq && apt-get install -y -qq wrk)
	$(PY) -m home.bench

# 200 readers for 60 s while two editors publish and take down and the worker sends reminders
# (home/bench/load.py: LOAD_SECONDS, LOAD_CONNECTIONS, LOAD_WORKERS, LOAD_THREADS, LOAD_THINK_MS).
load: $(STAMP)
	@command -v wrk >/dev/null || (apt-get update -qq && apt-get install -y -qq wrk)
	$(PY) -m home.bench.load

# Issue 16's failures made for real under load (home/bench/faults.py): FAULT=postgres|redis|worker
# (comma-separated, or all). postgres and redis need DATABASE_URL and REDIS_URL on the local
# PostgreSQL and Redis, which the trials stop and start again (FAULT_AT, FAULT_FOR, FAULT_SECONDS).
FAULT ?= all
faults: $(STAMP)
	@command -v wrk >/dev/null || (apt-get update -qq && apt-get install -y -qq wrk)
	FAULT=$(FAULT) $(PY) -m home.bench.faults

clean:
	rm -rf $(VENV) var

# After changing user-facing strings (needs Debian's gettext): refresh and compile the catalogues.
# Then, and after upgrading Wagtail, wagtail-localize or django-q2: merge their new msgids into the
# plugin's Vietnamese catalogues of them and list those still without Vietnamese.
messages: $(STAMP)
	for app in ldld_wagtail home news documents qa schedule; do \
	  (cd $$app && DJANGO_SETTINGS_MODULE=settings.dev PYTHONPATH=$(CURDIR) \
	   $(CURDIR)/$(VENV)/bin/django-admin makemessages -l vi --no-location \
	     --ignore 'migrations/*' --ignore 'demo*' --ignore 'bench*' --ignore 'upstream_locale/*' && \
	   DJANGO_SETTINGS_MODULE=settings.dev PYTHONPATH=$(CURDIR) \
	   $(CURDIR)/$(VENV)/bin/django-admin compilemessages); done
	DJANGO_SETTINGS_MODULE=settings.dev $(VENV)/bin/python manage.py upstream_translations \
	  --refresh --compile --missing
