# MCDS task runner. CI calls these same targets (see .ci/run).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
MCDS   := $(BIN)/mcds
HOST   ?= 127.0.0.1
PORT   ?= 8000

.PHONY: setup generate check validate build serve portal test clean harvest

# Create the virtual environment and install MCDS with everything it needs (once per pyproject change).
setup: $(VENV)/.installed
$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

# Regenerate schema/generated/ from schema/mcds.yaml.
generate: setup
	$(MCDS) generate

# Fail when schema/generated/ is stale.
check: setup
	$(MCDS) generate --check

# Validate the sample submissions.
validate: setup
	$(MCDS) validate datapackages/*/

# Build the bilingual portal into site/.
build: setup
	$(MCDS) build --submissions datapackages --out site

# Serve the built portal and its validation service (POST /api/validate, the page Validate your file).
serve: setup
	$(MCDS) serve --dir site --host $(HOST) --port $(PORT)

# Harvest every publisher of the registry into $(HARVESTED) (kept across runs: each publisher's last good data
# and status record), then build the portal from it. A deployment runs this every night.
REGISTRY  ?= registry/publishers.csv
HARVESTED ?= harvested
harvest: setup
	$(MCDS) harvest $(REGISTRY) --out $(HARVESTED)
	$(MCDS) build --submissions $(HARVESTED) --out site

# Quickstart 1: set up, generate, validate the samples, build, and serve the portal with its validation service.
portal: generate validate build serve

# Quickstart 2: the whole test suite, lint, drift and release checks included.
test: setup
	$(BIN)/ruff check --no-cache .
	$(MCDS) generate --check
	$(MCDS) release --check
	$(BIN)/python -m pytest

# Remove what the build makes (not the committed artefacts).
clean:
	rm -rf site build .pytest_cache
