# Two commands do all set-up on a fresh machine (Python 3.11+):
#   make demo   create .venv, install blogscout, crawl + rank the bundled sample blogosphere
#   make test   create .venv, install blogscout with test extras, run the test suite
PYTHON ?= python3
VENV ?= .venv
BIN = $(VENV)/bin

.PHONY: demo test install clean

$(BIN)/blogscout: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(BIN)/blogscout

install: $(BIN)/blogscout

demo: install
	$(BIN)/blogscout demo

test: install
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) data/demo.db* data/demo-partners.csv .pytest_cache
