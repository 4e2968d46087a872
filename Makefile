# Two commands a new user needs (see README): `make run` and `make test`.
# Both create .venv with the machine's Python 3.11+ and install the project into it.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint typecheck unit install clean bench package lock translations

$(BIN)/python:
	$(PYTHON) -c 'import sys; sys.exit("Grievance Desk needs Python 3.11 or newer") if sys.version_info < (3, 11) else None'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test,outlook]'
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/grievance-desk gui

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy grievance_desk

unit: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -n auto --maxprocesses 4

test: lint typecheck unit

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -s tests/benchmarks -p no:randomly --override-ini addopts=

clean:
	rm -rf $(VENV) build dist

# Bring every shipped catalogue (resources/translations/*.ts) up to date with the texts in
# ui/ (new ones arrive unfinished; translate them in Qt Linguist or by hand). The .qm files
# are compiled by packaging/build.py, or at the first start in that language.
# The code below the window has one gettext catalogue per language (resources/locale): the
# same step extracts its texts, updates each .po and compiles the .mo that ships beside it.
translations: $(STAMP)
	for ts in resources/translations/*.ts; do \
	  $(BIN)/pyside6-lupdate -silent -extensions py -locations relative -no-obsolete grievance_desk/ui -ts $$ts; \
	done
	mkdir -p build
	$(BIN)/pybabel --quiet extract -F resources/locale/babel.cfg --add-location=file --sort-by-file \
	  --no-wrap --project="Grievance Desk" -o build/grievance_desk.pot .
	$(BIN)/pybabel --quiet update -i build/grievance_desk.pot -d resources/locale -D grievance_desk \
	  --no-wrap --no-fuzzy-matching --ignore-obsolete
	$(BIN)/pybabel --quiet compile -d resources/locale -D grievance_desk

# The desktop app as one folder (packaging/dist/), frozen with PyInstaller in its own venv
# (packaging/.build-venv); see packaging/README.md. Never part of `make test`.
package:
	$(PYTHON) packaging/build.py

# Pin every run-time dependency with hashes for the frozen build (packaging/requirements-lock.txt),
# for every OS at once (uv's universal resolution), on the oldest Python we support. The frozen
# app includes the optional Outlook .msg reader, so its extra is locked too.
lock:
	$(PYTHON) -m venv packaging/.lock-venv
	packaging/.lock-venv/bin/python -m pip install --quiet uv
	packaging/.lock-venv/bin/uv pip compile pyproject.toml --universal --generate-hashes --extra outlook \
		--python-version 3.11 --quiet -o packaging/requirements-lock.txt
