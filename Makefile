# Mentorbook's tasks. On a fresh Debian machine with Python 3.11:
#   make site   installs everything into .venv and builds the example handbook into site/
#   make test   also installs what the tests need (Python packages, Chromium, fonts) and runs them
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/python -m pip --disable-pip-version-check -q
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_PACKAGES := chromium fonts-dejavu-core fonts-noto-core fonts-noto-cjk

.PHONY: site sites test lint bench serve clean system-deps

site: $(VENV)/.site
	$(BIN)/mentorbook build

serve: $(VENV)/.site
	$(BIN)/mentorbook serve

test: $(VENV)/.test system-deps
	$(BIN)/python -m pytest

lint: $(VENV)/.test
	$(BIN)/ruff check generator tests
	$(BIN)/ruff format --check generator tests

$(VENV)/.site: requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(PIP) install -r requirements.txt
	$(PIP) install --no-deps --no-build-isolation -e . 2>/dev/null || $(PIP) install --no-deps -e .
	touch $@

$(VENV)/.test: $(VENV)/.site requirements-test.txt
	$(PIP) install -r requirements-test.txt
	touch $@

# Debian packages the tests need: Chromium for the browser tests (Playwright cannot download
# its own browser here), fonts for PDFs. Installed only when missing.
system-deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing >/dev/null; \
	fi

clean:
	rm -rf site sites .site.building-* test-artifacts
