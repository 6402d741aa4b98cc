# Two commands for a new machine: `make serve` and `make test`.
# Every target creates or refreshes .venv when a requirements file changes.

SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
SITE_STAMP := $(VENV)/.site-installed
DEV_STAMP := $(VENV)/.dev-installed
PIP := $(BIN)/python -m pip install --quiet --disable-pip-version-check

# Banners about MkDocs 2 that plugins print on every run (we pin mkdocs<2):
# Material for MkDocs checks NO_MKDOCS_2_WARNING; plugins that call ProperDocs'
# replacement_warning (such as mkdocs-redirects 1.2.3 and later) check
# DISABLE_MKDOCS_2_WARNING=true, as does Material's note about ProperDocs.
export NO_MKDOCS_2_WARNING := 1
export DISABLE_MKDOCS_2_WARNING := true

.DEFAULT_GOAL := help
.PHONY: help serve build check test lint format clean linkcheck bench bench-weight bench-build bench-serve a11y-results

help: ## List the make targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  make %-16s %s\n", $$1, $$2}'

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
	  || { echo "Python 3.11 or newer is needed (found $$($(PYTHON) --version))."; exit 1; }
	$(PYTHON) -m venv $(VENV)

# A fork's own packages (plugins, Markdown extensions) go in
# requirements-fork.txt, which upstream never has. When it exists it is
# installed after ours, held to our pins (-c), so a clash is an error.
FORK_REQS := $(wildcard requirements-fork.txt)
INSTALL_FORK := $(if $(FORK_REQS),$(PIP) -r $(FORK_REQS) -c requirements.txt)

$(SITE_STAMP): requirements.txt $(FORK_REQS) | $(BIN)/python
	$(PIP) -r requirements.txt
	$(INSTALL_FORK)
	@touch $@

$(DEV_STAMP): requirements.txt requirements-dev.txt $(FORK_REQS) | $(BIN)/python
	$(PIP) -r requirements-dev.txt
	$(INSTALL_FORK)
	@touch $@ $(SITE_STAMP)

# The checkers the tests run over the built site (package.json): the W3C Nu
# HTML Checker (vnu-jar, needs Java) and HTML_CodeSniffer. Installed with
# `npm ci` when Node.js is here; without it the tests that need them fail
# and say how to get them. --ignore-scripts: vnu-jar's install script would
# download a Java; we use the system's.
NPM_STAMP := node_modules/.installed

$(NPM_STAMP): package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
	  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null && touch $@; \
	else \
	  echo "Node.js (npm) not found: the HTML checkers are not installed, so their tests will fail."; \
	fi

# --dirty: each save rebuilds only the pages it changes; --no-strict: a broken
# save shows its problems in the browser, not a stuck page (hooks/preview/).
# bench/serve_rebuild.py times this same command.
SERVE_FLAGS := --dirty --no-strict --dev-addr 127.0.0.1:8000

serve: $(SITE_STAMP) ## Preview the site at http://127.0.0.1:8000, reloading on change
	$(BIN)/mkdocs serve $(SERVE_FLAGS)

build: $(SITE_STAMP) ## Strict build into site/ (replaced only if the build succeeds)
	$(BIN)/python scripts/atomic_build.py

check: $(SITE_STAMP) ## Check pages, case studies and settings without building the site
	$(BIN)/python scripts/check.py

lint: $(DEV_STAMP) ## Check the Python code with ruff
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(DEV_STAMP) ## Format the Python code with ruff
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Tests run on one process per core; each file stays on one process, so a
# file's module fixtures run once (sites are built once per session:
# tests/support/shared_builds.py). Pytest exits 5 when no test ran, which
# fails `make test` too.
PYTEST_FLAGS ?= -n auto --dist loadfile

# The browser tests need a Chromium: ensure_browser.py finds one, or installs
# Playwright's or (on Debian and Ubuntu) the distribution's.
test: lint $(NPM_STAMP) ## Lint, then run every test (unit, build and browser), fetching a browser if needed
	$(BIN)/python scripts/ensure_browser.py
	$(BIN)/python -m pytest $(PYTEST_FLAGS)

a11y-results: $(DEV_STAMP) ## Run axe on every page; rewrite the accessibility statement's results
	$(BIN)/python -m tests.support.a11y_results

bench: bench-build bench-serve bench-weight ## Run every benchmark (not part of make test)

bench-weight: $(DEV_STAMP) ## Page weight and paint times on a throttled connection
	$(BIN)/python -m bench.page_weight

clean: ## Remove the build output and the virtual environment
	rm -rf site .site-build-* $(VENV) .pytest_cache .ruff_cache node_modules

.PHONY: review-report new-case-study
review-report: $(SITE_STAMP) ## List pages and case studies by review due date (also reports/review-report.csv)
	$(BIN)/python scripts/review_report.py --markdown reports/review-overdue.md

new-case-study: $(SITE_STAMP) ## Start a case study from the template: make new-case-study TITLE="Project name"
	@$(BIN)/python scripts/new_case_study.py "$$TITLE"

bench-build: $(SITE_STAMP) ## Time builds with 100, 1,000 and 5,000 case studies against plain Material
	$(BIN)/python -m bench.build_scale --sizes 100 1000 5000 --plain-max 1000 --repeat 3

bench-serve: $(SITE_STAMP) ## Time `mkdocs serve` rebuilds after editing one of 1,000 case studies
	$(BIN)/python -m bench.serve_rebuild --size 1000

linkcheck: $(SITE_STAMP) ## Check external links in docs/ and case_studies/ (online; not in make test)
	$(BIN)/python scripts/linkcheck.py
