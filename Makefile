# Two entry points: `make demo` (the main job: the HTML reports) and `make test` (linter + every
# test).
# Both create .venv with the system's python3 and install what they need.
PYTHON3 ?= python3
VENV    := .venv
PY      := $(VENV)/bin/python

.PHONY: demo test lint lab dashboard dashboard-en bench strip clean

# The main job: the report for every vendor (one HTML page each) and one over all of them
# together, into a new dated folder under reports/ (an earlier run's reports are never replaced).
ifndef REPORTS
REPORTS := reports/$(shell date +%Y-%m-%d_%H%M%S)
endif

demo: $(VENV)/.installed
	$(PY) -m cgvlib report --all --out $(REPORTS)
	$(PY) -m cgvlib report --all --together --out $(REPORTS)
	@echo "Open the HTML reports in a browser: $(REPORTS)/vendors.html (all vendors), $(REPORTS)/<vendor>.html"

test: $(VENV)/.installed-test
	$(VENV)/bin/ruff check cgvlib tests benchmarks
	$(PY) -m pytest

lint: $(VENV)/.installed-test
	$(VENV)/bin/ruff check cgvlib tests benchmarks

lab: $(VENV)/.installed
	$(VENV)/bin/jupyter lab notebooks/

# Every app of the workbook in one page (notebooks/dashboard.ipynb), served by Voilà on this
# machine only; Ctrl-C stops it.
PORT ?= 8866
dashboard: $(VENV)/.installed
	@echo "Open http://127.0.0.1:$(PORT)/ in a browser (Ctrl-C stops the server)"
	$(VENV)/bin/voila notebooks/dashboard.ipynb --no-browser --port=$(PORT) --Voila.ip=127.0.0.1

# The same page in English (notebooks/dashboard.en.ipynb, the English edition).
dashboard-en: $(VENV)/.installed
	@echo "Open http://127.0.0.1:$(PORT)/ in a browser (Ctrl-C stops the server)"
	$(VENV)/bin/voila notebooks/dashboard.en.ipynb --no-browser --port=$(PORT) --Voila.ip=127.0.0.1

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

# Every benchmark runs, each against its own baseline, and benchmarks/RESULTS.md is written
# with what each printed; the target fails if any misses its target.
bench: $(VENV)/.installed-test
	$(PY) benchmarks/write_results.py
