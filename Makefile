# Two commands do all set-up on a fresh machine (Python 3.11+):
#   make demo       create .venv, install blogscout, crawl + rank the bundled sample blogosphere
#   make test       create .venv, install blogscout with test extras (and the system packages
#                   the suite needs when missing and installable), run the whole test suite
# Both install the exact versions the suite passed with (requirements/lock.txt, with hashes).
# For the quick loop and before a commit:
#   make test-fast  the suite without the end-to-end tests (marked e2e: crawls in subprocesses,
#                   the sandbox web, redis-server)
#   make lint       ruff check + ruff format --check
# When dependencies move:
#   make test-latest  the whole suite in .venv-latest against the newest releases pyproject.toml allows
#   make lock         re-resolve requirements/lock.txt to the newest releases (then run make test)
#   make fuzz         the property tests with fresh random examples (make test replays fixed ones)
PYTHON ?= python3
VENV ?= .venv
BIN = $(VENV)/bin
LOCK = requirements/lock.txt
UV_VERSION = 0.13.10

.PHONY: demo test test-fast test-latest lint lock fuzz install system-deps clean

$(BIN)/blogscout: pyproject.toml $(LOCK)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --require-hashes -r $(LOCK)
	$(BIN)/pip install --quiet --no-deps -e .
	touch $(BIN)/blogscout

install: $(BIN)/blogscout

# System packages the suite needs, from apt when missing (as root, or through passwordless sudo):
# redis-server (distributed crawls), chromium + chromium-driver (browser tests), capsh (libcap2-bin,
# the read-only database test run as root). When they cannot be installed, those tests fail and say so.
system-deps:
	@pkgs=""; \
	command -v redis-server >/dev/null 2>&1 || pkgs="$$pkgs redis-server"; \
	command -v chromium >/dev/null 2>&1 || pkgs="$$pkgs chromium"; \
	command -v chromedriver >/dev/null 2>&1 || pkgs="$$pkgs chromium-driver"; \
	command -v capsh >/dev/null 2>&1 || [ -x /sbin/capsh ] || pkgs="$$pkgs libcap2-bin"; \
	if [ -n "$$pkgs" ]; then \
	  echo "installing$$pkgs (apt-get)" >&2; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO="sudo -n"; fi; \
	  { $$SUDO apt-get update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$pkgs >/dev/null; } \
	    || echo "warning: could not install$$pkgs; the tests that need them will fail" >&2; \
	fi

demo: install
	$(BIN)/blogscout demo

test: install system-deps
	$(BIN)/python -m pytest -q

test-fast: install
	$(BIN)/python -m pytest -q -m "not e2e"

test-latest: system-deps
	rm -rf .venv-latest
	$(PYTHON) -m venv .venv-latest
	.venv-latest/bin/pip install --quiet --upgrade pip
	.venv-latest/bin/pip install --quiet --upgrade -e '.[test]'
	.venv-latest/bin/pip freeze --exclude-editable > .venv-latest/versions.txt
	.venv-latest/bin/python -m pytest -q

lock:
	$(PYTHON) -m venv .venv-tools
	.venv-tools/bin/pip install --quiet uv==$(UV_VERSION)
	.venv-tools/bin/uv pip compile pyproject.toml --extra test --generate-hashes --universal \
	  --python-version 3.11 --upgrade --no-header --quiet -o $(LOCK)

fuzz: install
	HYPOTHESIS_PROFILE=explore $(BIN)/python -m pytest -q tests/test_fuzz_urls.py tests/test_fuzz_pages.py \
	  tests/test_fuzz_export.py tests/test_extract_fuzz.py

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

clean:
	rm -rf $(VENV) .venv-3.13 .venv-latest .venv-tools data/demo.db* data/demo-partners.csv data/demo-report.html .pytest_cache
