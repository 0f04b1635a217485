# Two commands matter: `make run` and `make test`. Both set everything up first.
PYTHON ?= python3.11
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: run test test-core test-ui lint bench venv clean screenshots installer

$(PY):
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "$(PYTHON) not found: install Python 3.11 (apt-get install python3.11 python3.11-venv)"; exit 1; }
	$(PYTHON) -m venv $(VENV)

$(STAMP): $(PY) pyproject.toml
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test,postgres,lint]'
	@touch $(STAMP)

venv: $(STAMP)

run: $(STAMP)
	$(VENV)/bin/panelapp-desk $(ARGS)

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest $(PYTEST_ARGS)

test-core: $(STAMP)
	$(PY) -m pytest tests/core $(PYTEST_ARGS)

test-ui: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest tests/ui $(PYTEST_ARGS)

# ruff and mypy (configured in pyproject.toml) over what passes so far: the desktop, the
# read layer and the tools; the rest of panelapp/ joins after its own clean-up.
LINT_PATHS ?= ui panelapp/queries panelapp/rules/wording.py panelapp/store_events.py tools
MYPY_PATHS ?= $(LINT_PATHS)

lint: $(STAMP)
	$(PY) -m ruff check $(LINT_PATHS)
	$(PY) -m mypy $(MYPY_PATHS)

bench: $(STAMP)
	$(PY) -m benchmarks

screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/panelapp-desk --screenshots screenshots

# The frozen app (dist/panelapp) and its Debian package (dist/panelapp_*.deb);
# installer/smoke.sh checks both. PyInstaller is a build tool, so it is not a project dependency.
installer: $(STAMP)
	$(PY) -m pip install --quiet 'pyinstaller>=6'
	$(PY) -m PyInstaller --noconfirm --clean --distpath dist --workpath build/pyinstaller installer/panelapp.spec
	bash installer/build_deb.sh

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache
