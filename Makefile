# ClientVault developer commands. Everything runs inside .venv (created on demand).
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-test

export QT_QPA_PLATFORM ?= offscreen

.PHONY: run test lint bench package smoke translations clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e '.[test,dev]'
	touch $(STAMP)

translations: $(STAMP)
	$(BIN)/python resources/translations/build.py --release

run: $(STAMP) translations
	QT_QPA_PLATFORM= $(BIN)/python -m clientvault --demo --vault demo-vault

test: $(STAMP) translations
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check desktop tests bench
	$(BIN)/ruff format --check desktop tests bench
	$(BIN)/mypy desktop/clientvault/core desktop/clientvault/storage desktop/clientvault/security desktop/clientvault/services desktop/clientvault/documents
	$(BIN)/lint-imports

# The long form of the fault harness (docs/RELIABILITY.md); the short form runs inside 'make test'.
stress: $(STAMP)
	$(BIN)/python -m tests.stress --long --json stress-results.json

bench: $(STAMP) translations
	$(BIN)/python -m bench

# PyInstaller is a build tool, not a dependency of the app: pinned here, installed on demand.
PYINSTALLER := pyinstaller==6.22.3

package: $(STAMP) translations
	$(BIN)/python -m pip install -q $(PYINSTALLER)
	$(BIN)/pyinstaller --noconfirm packaging/clientvault.spec

# Build the bundle, then run it with an empty environment (no Python on PATH): verbs, selfcheck,
# demo firm, consent form, verify, the window up 3 s, start-up time beside the source checkout.
smoke: package
	$(BIN)/python packaging/smoke.py

clean:
	rm -rf build dist .pytest_cache .mypy_cache .ruff_cache
