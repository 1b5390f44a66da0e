# Two entry points: `make demo` (the main job) and `make test` (linter + every test).
# Both create .venv with the system's python3 and install what they need.
PYTHON3 ?= python3
VENV    := .venv
PY      := $(VENV)/bin/python

.PHONY: demo test lint lab bench strip clean

demo: $(VENV)/.installed
	$(PY) -m cgvlib compare

test: $(VENV)/.installed-test
	$(VENV)/bin/ruff check cgvlib tests benchmarks
	$(PY) -m pytest

lint: $(VENV)/.installed-test
	$(VENV)/bin/ruff check cgvlib tests benchmarks

lab: $(VENV)/.installed
	$(VENV)/bin/jupyter lab notebooks/

# Clear every notebook's outputs before committing (the tests refuse stored outputs).
strip: $(VENV)/.installed
	find notebooks -name '*.ipynb' -not -path '*/.ipynb_checkpoints/*' \
	  -exec $(VENV)/bin/jupyter nbconvert --clear-output --inplace {} +

$(PY):
	$(PYTHON3) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e '.[test,scale]'
	touch $@ $(VENV)/.installed

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis

# Every benchmark runs, each against its own baseline; the target fails if any misses its target.
bench: $(VENV)/.installed-test
	@status=0; for f in benchmarks/bench_*.py; do \
	  echo "== $$f"; $(PY) "$$f" || status=1; \
	done; exit $$status
