# Two commands do all set-up on a fresh machine (Python 3.11+):
#   make demo       create .venv, install blogscout, crawl + rank the bundled sample blogosphere
#   make test       create .venv, install blogscout with test extras (and redis-server when
#                   missing and installable), run the whole test suite
# For the quick loop and before a commit:
#   make test-fast  the suite without the end-to-end tests (marked e2e: crawls in subprocesses,
#                   the sandbox web, redis-server)
#   make lint       ruff check + ruff format --check
PYTHON ?= python3
VENV ?= .venv
BIN = $(VENV)/bin

.PHONY: demo test test-fast lint install system-deps clean

$(BIN)/blogscout: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(BIN)/blogscout

install: $(BIN)/blogscout

# redis-server for the distributed-crawl tests: from apt when missing (as root, or through
# passwordless sudo); otherwise those tests fail and say how to install it.
system-deps:
	@command -v redis-server >/dev/null 2>&1 || { \
	  echo "installing redis-server (apt-get)" >&2; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO="sudo -n"; fi; \
	  { $$SUDO apt-get update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null; } \
	    || echo "warning: could not install redis-server; the distributed tests will fail" >&2; \
	}

demo: install
	$(BIN)/blogscout demo

test: install system-deps
	$(BIN)/python -m pytest -q

test-fast: install
	$(BIN)/python -m pytest -q -m "not e2e"

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

clean:
	rm -rf $(VENV) data/demo.db* data/demo-partners.csv data/demo-report.html .pytest_cache
