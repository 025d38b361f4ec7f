# Stadtmacher. `make` lists the targets.
SHELL := /bin/bash
PY := .venv/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
# celery beat runs inside the worker; on every further worker machine: make worker BEAT=
BEAT ?= -B -s var/celerybeat-schedule
export DATABASE_URL ?= postgis://postgres@127.0.0.1:5432/stadtmacher

.DEFAULT_GOAL := help
.PHONY: help bootstrap demo serve test bench loadtest lint format worker migrate

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

bootstrap: ## install system packages, PostGIS, the database and .venv (with test tools)
	scripts/bootstrap --dev

# Links in e-mails (invitations) point where the demo is served: HOST and PORT, unless
# SITE_URL is given explicitly (e.g. make demo SITE_URL=https://demo.example.org).
demo: export SITE_URL ?= http://$(HOST):$(PORT)
demo: ## set everything up, load the demo city and serve it at http://HOST:PORT (127.0.0.1:8000)
	scripts/bootstrap
	DEBUG=1 $(PY) manage.py migrate --noinput -v0
	DEBUG=1 $(PY) manage.py demo_city --url $(SITE_URL)
	DEBUG=1 $(PY) manage.py runserver $(HOST):$(PORT)

test: bootstrap ## set everything up and run the whole test suite (browser tests included)
	$(PY) -m pytest -q --create-db

bench: bootstrap ## run the benchmarks in tests/bench and print ratios against their peers
	$(PY) -m pytest -q -s --create-db tests/bench -o "norecursedirs=.* .venv var node_modules" -m bench

loadtest: bootstrap ## a campaign's peak against gunicorn + Celery (locust; LOADTEST_* in tests/load/run.py)
	$(PY) tests/load/run.py

lint: bootstrap ## ruff (rules, complexity, format), the migrations check and eslint
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .
	DEBUG=1 $(PY) manage.py makemigrations --check --dry-run
	npx --no-install eslint frontend/static

format: ## format the code with ruff
	.venv/bin/ruff check --fix .
	.venv/bin/ruff format .

worker: ## run a Celery worker with celery beat's periodic jobs (needs CELERY_BROKER_URL, e.g. redis://127.0.0.1:6379/0)
	mkdir -p var
	$(PY) -m celery -A config worker $(BEAT) -l info

migrate: ## apply migrations
	DEBUG=1 $(PY) manage.py migrate
