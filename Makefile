# Two commands for a fresh Debian machine with Python 3.11:
#   make run    set up and open the app on the map library
#   make test   set up and run every test
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
# Emoji in node text: without a colour emoji font, PNG and PDF maps show empty boxes.
RUN_DEPS := dot:graphviz /usr/share/fonts/truetype/noto/NotoColorEmoji.ttf:fonts-noto-color-emoji
TEST_DEPS := $(RUN_DEPS) chromium:chromium soffice:libreoffice-writer-nogui pdftotext:poppler-utils \
	/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf:fonts-dejavu-core \
	/usr/share/fonts/truetype/crosextra/Carlito-Regular.ttf:fonts-crosextra-carlito \
	/usr/share/fonts/truetype/crosextra/Caladea-Regular.ttf:fonts-crosextra-caladea \
	/usr/lib/postgresql/15/bin/initdb:postgresql nginx:nginx
CLASS_DEPS := $(RUN_DEPS) /usr/lib/postgresql/15/bin/initdb:postgresql nginx:nginx
PORT ?= 8501

.PHONY: run test setup system-run system-test lint format images clean

run: setup system-run
	@echo "==> starting argmap; it is ready when Streamlit prints its URL (http://127.0.0.1:$(PORT))"
	$(PY) -m streamlit run streamlit_app.py --server.address 127.0.0.1 --server.port $(PORT)

# Lint and type checks first: they take seconds and fail faster than the suite.
test: setup system-test
	@echo "==> lint and type checks"
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m mypy
	@echo "==> the test suite (about ten minutes on two cores; a dot per test passed)"
	$(PY) -m pytest -q

setup: $(STAMP)

# pip prints each package as it fetches and installs it (the first set-up takes a few minutes), so
# a long install is never mistaken for a hang.
$(STAMP): requirements.txt requirements-dev.txt pyproject.toml
	@echo "==> creating the virtual environment in $(VENV)"
	$(PYTHON) -m venv $(VENV)
	@echo "==> installing the Python packages (a few minutes the first time; each package is listed)"
	$(PY) -m pip install --disable-pip-version-check --progress-bar on -r requirements-dev.txt
	$(PY) -m pip install -q --disable-pip-version-check --no-deps -e .
	touch $(STAMP)
	@echo "==> Python packages installed"

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

# The README's pictures of the app (docs/images/app-*.png): the app served on arguments/ and each
# page on the seed map taken in Chromium at 1400x1000 once it is at rest (scripts/app_images.py).
.PHONY: app-images
app-images: setup system-test
	$(PY) scripts/app_images.py

# The README's outline pages: the seed map's upsc-essay and upsc-gs-250 outlines as Word files,
# converted by LibreOffice and cut into PNG pages by poppler (page 1 of each).
OUTLINE_TMP := /tmp/argmap-outline-images
.PHONY: outline-images
outline-images: setup system-test
	rm -rf $(OUTLINE_TMP) && mkdir -p $(OUTLINE_TMP) docs/images
	$(VENV)/bin/argmap outline arguments/india-russia.yaml -t upsc-essay -o $(OUTLINE_TMP)/essay.docx
	$(VENV)/bin/argmap outline arguments/india-russia.yaml -t upsc-gs-250 -o $(OUTLINE_TMP)/gs-250.docx
	timeout 180 soffice -env:UserInstallation=file://$(OUTLINE_TMP)/profile --headless --convert-to pdf \
		--outdir $(OUTLINE_TMP) $(OUTLINE_TMP)/essay.docx $(OUTLINE_TMP)/gs-250.docx
	pdftoppm -png -r 80 -f 1 -l 1 -singlefile $(OUTLINE_TMP)/essay.pdf docs/images/outline-page-essay
	pdftoppm -png -r 80 -f 1 -l 1 -singlefile $(OUTLINE_TMP)/gs-250.pdf docs/images/outline-page-gs-250

# The readers' fuzzing harness (tests/fuzz): `make test` runs a short pass; this runs a long one
# (FUZZ_EXAMPLES mutated inputs per reader and test) and prints how many inputs ran and what they found,
# then uploads every hostile input of issue 12 in the browser (make test uploads a representative few).
FUZZ_EXAMPLES ?= 3000
.PHONY: fuzz
fuzz: setup
	ARGMAP_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(PY) -m pytest -q -s -p no:cacheprovider --timeout=0 tests/fuzz/test_fuzz_readers.py
	ARGMAP_BROWSER_ALL_HOSTILE=1 $(PY) -m pytest -q -s -p no:cacheprovider tests/browser/test_hostile_uploads_browser.py

# Benchmarks print ratios against a floor measured in the same run (see benchmarks/README.md);
# `make bench` runs them all, `make bench-render` (analysis, outline, formats, ui, review) one.
BENCHES := bench-render bench-analysis bench-outline bench-formats bench-ui bench-review bench-comments
.PHONY: bench $(BENCHES)
bench: $(BENCHES)
$(BENCHES): bench-%: setup system-run
	$(PY) benchmarks/bench_$*.py

# A local class server (issues #18, #19): PostgreSQL under .class-server/, the maps of arguments/
# imported, a DEMO-ONLY mock sign-in provider (oidc-provider-mock, three one-click demo accounts), two
# app processes behind nginx on 127.0.0.1 with sticky sessions; prints the URL and the accounts.
.PHONY: class-server class-server-stop
class-server: setup
	@scripts/system-deps.sh $(CLASS_DEPS)
	$(PY) -m argmap.stores.class_server start

class-server-stop: setup
	$(PY) -m argmap.stores.class_server stop
