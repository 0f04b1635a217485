# Two commands matter: `make run` and `make test`. Both set everything up first:
# the Debian packages they need (tools/debian-packages.txt; as root they are installed,
# otherwise the check says what to run), then .venv with PanelApp in it.
PYTHON ?= python3.11
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
# `make system-<groups>` checks those groups of tools/debian-packages.txt.
CHECK  := PYTHON=$(PYTHON) bash tools/system-check.sh

.PHONY: run test test-core test-ui lint bench venv clean screenshots installer doctor \
        system-python system-qt system-build

# Each target checks the system before it builds .venv (make runs prerequisites in order).
system-python:
	@$(CHECK) python
system-qt:
	@$(CHECK) python qt
system-build:
	@$(CHECK) python qt build

# What is there and what is missing, Debian packages and .venv.
doctor:
	@$(CHECK) --doctor || true
	@if [ -f $(STAMP) ] && $(PY) -c 'import panelapp' 2>/dev/null; then \
	    echo "$(VENV): PanelApp $$($(PY) -c 'import panelapp; print(panelapp.__version__)') installed with its test tools"; \
	else echo "$(VENV): not set up yet (make run or make test sets it up)"; fi
	@if [ -n "$$DISPLAY$$WAYLAND_DISPLAY" ]; then echo "display: $$DISPLAY$$WAYLAND_DISPLAY (make run opens a window there)"; \
	else echo "display: none (make run needs a desktop session; make test runs without one)"; fi

$(PY):
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "$(PYTHON) not found: install Python 3.11 (apt-get install python3.11 python3.11-venv)"; exit 1; }
	$(PYTHON) -m venv $(VENV)

$(STAMP): $(PY) pyproject.toml
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test,postgres,lint]'
	@touch $(STAMP)

venv: system-python $(STAMP)

run: system-qt $(STAMP)
	$(VENV)/bin/panelapp-desk $(ARGS)

test: system-qt $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest $(PYTEST_ARGS)

test-core: system-python $(STAMP)
	$(PY) -m pytest tests/core $(PYTEST_ARGS)

test-ui: system-qt $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest tests/ui $(PYTEST_ARGS)

# ruff and mypy (configured in pyproject.toml) over what passes so far: the desktop, the
# read layer and the tools; the rest of panelapp/ joins after its own clean-up.
LINT_PATHS ?= ui panelapp/queries panelapp/rules/wording.py panelapp/store_events.py tools
MYPY_PATHS ?= $(LINT_PATHS)

lint: system-python $(STAMP)
	$(PY) -m ruff check $(LINT_PATHS)
	$(PY) -m mypy $(MYPY_PATHS)

bench: system-python $(STAMP)
	$(PY) -m benchmarks

screenshots: system-qt $(STAMP)
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/panelapp-desk --screenshots screenshots

# The frozen app (dist/panelapp) and its Debian package (dist/panelapp_*.deb);
# installer/smoke.sh checks both. PyInstaller is a build tool, so it is not a project dependency.
installer: system-build $(STAMP)
	$(PY) -m pip install --quiet 'pyinstaller>=6'
	$(PY) -m PyInstaller --noconfirm --clean --distpath dist --workpath build/pyinstaller installer/panelapp.spec
	PY=$(PY) bash installer/collect_licences.sh
	bash installer/build_deb.sh

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache
