# Broadsheet's commands: what the README tells people to run.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
STAMP := $(VENV)/.installed

.PHONY: install demo test lint format bench

install: $(STAMP)

# Reinstalls only when pyproject.toml changed since the last install.
$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || { \
	  echo "Could not create a virtual environment. On Debian: apt-get install python3-venv"; exit 1; }
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@touch $(STAMP)

demo: install
	$(BIN)/broadsheet demo --port $(PORT)

test: install
	@bash tests/run-all.sh

lint: install
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	BROADSHEET_TESTING=1 $(BIN)/mypy src/broadsheet

format: install
	$(BIN)/ruff format src tests bench
	$(BIN)/ruff check --fix src tests bench

# The article page bench measures against nginx with wrk (Debian packages); as root they are installed here.
bench: install
	@if [ ! -x /usr/sbin/nginx ] || [ ! -x /usr/bin/wrk ]; then \
	  if [ "$$(id -u)" = 0 ]; then DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx wrk >/dev/null; \
	  else echo "bench/article_page.py needs nginx and wrk: sudo apt-get install nginx wrk"; fi; \
	fi
	$(BIN)/python bench/related_articles.py
	$(BIN)/python bench/article_page.py
