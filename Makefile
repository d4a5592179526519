# Mentorbook's tasks. On a fresh Debian machine with Python 3.11:
#   make site   installs everything into .venv and builds the example handbook into site/
#   make test   also installs what the tests need (Python packages, Chromium, fonts, Java, the
#               Nu HTML checker, and a second venv with ProperDocs instead of MkDocs) and runs
#               them, including one that installs the built wheel into a fresh venv
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/python -m pip --disable-pip-version-check -q
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_PACKAGES := chromium fonts-dejavu-core fonts-noto-core fonts-noto-cjk poppler-utils  # poppler-utils: pdftotext reads right-to-left text as PDF viewers do
VNU_VERSION  := 26.9.27
PDFJS_VERSION := 4.10.38

PROPERDOCS := .venv-properdocs

.PHONY: site sites test test-fast test-deps lint bench zensical properdocs serve clean system-deps

site: $(VENV)/.site
	$(BIN)/mentorbook build

# Every example organization into sites/<slug>/, with a landing page at sites/index.html.
sites: $(VENV)/.site
	$(BIN)/mentorbook build --all

serve: $(VENV)/.site
	$(BIN)/mentorbook serve

test: test-deps
	$(BIN)/python -m pytest

# The edit-test loop: everything but the browser and the tests that lay out PDFs or build whole
# sites (marked `browser` and `slow`); `make test` is what CI runs. Two workers (pytest-xdist), a
# test file to each in turn, so a file's fixtures are made once: 40 s here against 64 s in one.
test-fast: $(VENV)/.test
	$(BIN)/python -m pytest -q -n 2 --dist loadfile -m "not browser and not slow"

test-deps: $(VENV)/.test system-deps .tools/.vnu-$(VNU_VERSION) .tools/.pdfjs-$(PDFJS_VERSION) $(PROPERDOCS)/.site

lint: $(VENV)/.test
	$(BIN)/ruff check generator tests
	$(BIN)/ruff format --check generator tests
	$(BIN)/mypy

# The commit `make bench` measures as "before", beside this checkout, in the same run (bench/run.py
# --before): the one before the PDF stage became a batch program (issue 25).
BENCH_BEFORE ?= 0e41e6e

# The benchmark (bench/run.py): 52 minutes on a fresh clone here (2 cores), --before's table included; also written to
# bench/results/bench.json. It installs the optional Zensical engine to compare it with MkDocs.
bench: $(VENV)/.bench
	$(BIN)/python bench/run.py --before $(BENCH_BEFORE)

zensical: $(VENV)/.zensical

$(VENV)/.bench: $(VENV)/.zensical requirements-bench.txt
	$(PIP) install -r requirements-bench.txt
	touch $@

# ProperDocs, the maintained continuation of MkDocs 1.x, in a venv of its own: Material
# requires mkdocs, so it comes in with the rest and goes again. tests/site/test_properdocs.py
# builds the example with it and compares the site with the MkDocs one.
properdocs: $(PROPERDOCS)/.site

$(PROPERDOCS)/.site: requirements.txt
	test -x $(PROPERDOCS)/bin/python || $(PYTHON) -m venv $(PROPERDOCS)
	$(PROPERDOCS)/bin/python -m pip --disable-pip-version-check -q install -r requirements.txt properdocs==1.6.7
	$(PROPERDOCS)/bin/python -m pip --disable-pip-version-check -q uninstall -y mkdocs
	touch $@

$(VENV)/.zensical: $(VENV)/.site requirements-zensical.txt
	$(PIP) install -r requirements-zensical.txt
	touch $@

$(VENV)/.site: requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(PIP) install -r requirements.txt
	$(PIP) install --no-deps --no-build-isolation -e . 2>/dev/null || $(PIP) install --no-deps -e .
	touch $@

$(VENV)/.test: $(VENV)/.site requirements-test.txt
	$(PIP) install -r requirements-test.txt
	touch $@

# The Nu HTML checker (tests/site/test_html_valid.py), from the npm registry into .tools/. Its install
# script would download a Java runtime from the web: skipped, Debian's Java runs it.
.tools/.vnu-$(VNU_VERSION): | system-deps
	npm install --prefix .tools --no-save --ignore-scripts --no-audit --no-fund --loglevel=error vnu-jar@$(VNU_VERSION)
	touch $@

# pdf.js, from the npm registry into .tools/pdfjs/ (a prefix of its own: an install with --no-save
# would remove the Nu checker): tests/bench/test_typst_proto.py fills the Typst prototype's form
# with it, as its viewer does, under Node.
.tools/.pdfjs-$(PDFJS_VERSION): | system-deps
	npm install --prefix .tools/pdfjs --no-save --ignore-scripts --no-audit --no-fund --loglevel=error pdfjs-dist@$(PDFJS_VERSION)
	touch $@

# Debian packages the tests need: Chromium for the browser tests (Playwright cannot download
# its own browser here), fonts for PDFs, Java and npm for the Nu HTML checker. Installed only
# when missing.
system-deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	command -v java >/dev/null || missing="$$missing default-jre-headless"; \
	command -v npm >/dev/null || missing="$$missing npm"; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing >/dev/null; \
	fi

clean:
	rm -rf site sites .site.building-* test-artifacts
