# jobfit — every target installs what it needs into .venv first.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
ONNX_MODEL := var/models/minilm-l6-int8.onnx
HOST ?= 127.0.0.1
PORT ?= 8000
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export TOKENIZERS_PARALLELISM := false
export OMP_NUM_THREADS ?= 1

.PHONY: install run test lint eval bench clean screenshots

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	# torch is pinned in the same resolve as sentence-transformers so pip keeps the CPU build.
	$(BIN)/pip install --quiet torch==2.13.0 -e '.[dev]'
	touch $(STAMP)

$(ONNX_MODEL): $(STAMP) matcher/onnx_export.py
	$(BIN)/jobfit models export-onnx --out $(ONNX_MODEL)

install: $(STAMP) $(ONNX_MODEL)

run: install
	$(BIN)/jobfit serve --with-worker --host $(HOST) --port $(PORT)

test: install
	$(BIN)/python -m pytest

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports

eval: install
	$(BIN)/python -m evals

bench: install
	$(BIN)/python -m bench

screenshots: install
	JOBFIT_UPDATE_SCREENSHOTS=1 $(BIN)/python -m pytest tests/web

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache
