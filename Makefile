# Two commands for a fresh Debian machine with Python 3.11:
#   make run    set up and open the app on the map library
#   make test   set up and run every test
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
RUN_DEPS := dot:graphviz
TEST_DEPS := $(RUN_DEPS) chromium:chromium soffice:libreoffice-writer-nogui pdftotext:poppler-utils fc-list:fonts-dejavu-core
PORT ?= 8501

.PHONY: run test setup system-run system-test lint format bench images clean

run: setup system-run
	$(PY) -m streamlit run streamlit_app.py --server.address 127.0.0.1 --server.port $(PORT)

test: setup system-test
	$(PY) -m pytest -q

setup: $(STAMP)

$(STAMP): requirements.txt requirements-dev.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check -r requirements-dev.txt
	$(PY) -m pip install -q --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

system-run:
	@scripts/system-deps.sh $(RUN_DEPS)

system-test:
	@scripts/system-deps.sh $(TEST_DEPS)

lint: setup
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

format: setup
	$(PY) -m ruff format .
	$(PY) -m ruff check --fix .

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .mypy_cache

# The README's map pictures, drawn from the seed map by the renderer (never edited by hand).
images: setup system-run
	mkdir -p docs/images
	$(VENV)/bin/argmap render arguments/india-russia.yaml -o docs/images/seed-map.png
	$(VENV)/bin/argmap render arguments/india-russia.yaml -o docs/images/seed-map.svg
	$(VENV)/bin/argmap render arguments/india-russia.yaml --theme print -o docs/images/seed-map-print.png

bench-analysis: setup
	$(PY) benchmarks/bench_analysis.py
