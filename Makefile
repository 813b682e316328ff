# The two commands of the README: `make run` and `make test`. Everything else is a helper.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SHARED ?= $(abspath ../shared)
export FACE_SOURCE_DIR ?= $(SHARED)/models
export HADIR_DEV_FACES ?= $(SHARED)/faces/dev

.PHONY: run test setup models demo demo-reset lint bench-face bench-recap bench-load bench-peak clean fuzz

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

setup: $(VENV)/.installed  ## install the dependencies into .venv

models: setup  ## provision the face models into data/models (no network needed)
	$(BIN)/python -m face_engine fetch --out data/models --from "$(FACE_SOURCE_DIR)"
	$(BIN)/python -m face_engine build-models --out data/models

run: models  ## set up and run everything on SQLite with demo data
	bash scripts/run_demo.sh

test: setup  ## the whole test suite (TEST_DATABASE_URL=postgresql://... for PostgreSQL)
	FACE_MODELS_DIR="$${FACE_MODELS_DIR:-$(FACE_SOURCE_DIR)}" $(BIN)/python -m pytest -q $(PYTEST_ARGS)

demo-reset: models  ## regenerate the demo data
	$(BIN)/python -m data.demo --reset $(DEMO_ARGS)

lint: setup
	$(BIN)/ruff check .

bench-face: models
	$(BIN)/python -m face_engine bench

bench-load: models  ## the check-in API under load (docs/BENCHMARKS.md, issue 17)
	FACE_MODELS_DIR="$${FACE_MODELS_DIR:-$(FACE_SOURCE_DIR)}" $(BIN)/python bench/checkin_load.py

bench-peak: setup  ## the morning peak as a queue, from the measured capacity
	$(BIN)/python bench/morning_peak.py

clean:
	rm -rf data/hadir.db* data/jobs.db* data/uploads data/run data/demo_logins.json data/audit

fuzz: setup  ## the long schemathesis run (12x the CI budget; docs/RELIABILITY.md)
	FUZZ_SCALE=$${FUZZ_SCALE:-12} FACE_MODELS_DIR="$${FACE_MODELS_DIR:-$(FACE_SOURCE_DIR)}" $(BIN)/python -m pytest -q -s tests/fuzz
