# argmap: `make demo` renders every map in maps/ into output/; `make test` runs the
# linters, then the tests. Both first install what the machine lacks (system packages
# via apt-get, a .venv); Chromium only for the tests, which drive it to test the
# interactive HTML and argmap's Mermaid output, rendered by the official `mermaid`
# package, which `npm ci` installs from the npm registry into tests/js/node_modules,
# with the official Argdown CLI (`@argdown/cli`), which tests/test_argdown_reference.py
# compares argmap's Argdown reading with. ARGMAP_BROWSER_TESTS=0 (environment or
# `make test ARGMAP_BROWSER_TESTS=0`) installs no Chromium and runs no browser test;
# the npm packages are installed either way.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
MAPS := $(wildcard maps/*.yaml)

NODE_MODULES := tests/js/node_modules/.package-lock.json

.PHONY: demo gallery test lint fuzz bench bench-startup bench-overhead setup system-deps clean

# One command per kind of output over every map in maps/ (-j $(DEMO_JOBS) processes;
# the same files whatever the number).
DEMO_JOBS ?= 2

demo: export ARGMAP_BROWSER_TESTS = 0
demo: setup
	@set -e; argmap="$(BIN)/argmap"; many="maps/ -j $(DEMO_JOBS) --outdir"; \
	$$argmap render $$many output --to svg,png,html; \
	$$argmap render $$many output --layout column --suffix .column; \
	$$argmap render $$many output --slides --suffix .slides --to pdf,html; \
	$$argmap render $$many output/slides --slides --to svg; \
	$$argmap render $$many output --paper a4 --suffix .a4; \
	for m in $(MAPS); do \
	  $$argmap worksheet $$m --kind fill -o output/$$(basename $$m .yaml).fill.pdf; \
	done; \
	for t in default classroom print colorblind; do \
	  $$argmap render $$many output --theme $$t --suffix .$$t; \
	done; \
	$$argmap convert $$many output --to mermaid; \
	$$argmap convert $$many output --to argdown; \
	echo "== argmap check maps/"; \
	status=0; $$argmap check maps/ || status=$$?; \
	if [ $$status -ge 2 ]; then exit $$status; fi

# The small pictures of the teaching maps that README.md and docs/teaching/ show
# (committed; tests/test_gallery.py re-renders them and compares bytes).
GALLERY_MAPS := $(filter-out maps/two-michaels.yaml,$(MAPS))
GALLERY_OPTIONS := --theme classroom --no-legend --width 280

gallery: setup
	@for m in $(GALLERY_MAPS); do \
	  $(BIN)/argmap render $$m $(GALLERY_OPTIONS) \
	    -o docs/teaching/img/$$(basename $$m .yaml).svg || exit $$?; \
	done

test: lint $(NODE_MODULES)
	$(BIN)/python -m pytest

# The Mermaid renderer for the browser tests and the Argdown CLI, exactly as
# tests/js/package-lock.json says.
$(NODE_MODULES): tests/js/package.json tests/js/package-lock.json | system-deps
	cd tests/js && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

# The fuzz tests (tests/test_fuzz_*.py) with the long, randomized "fuzz" profile
# (tests/conftest.py); `make test` runs them with the fixed "ci" profile. Prints how
# many inputs each test tried and their sum.
fuzz: setup
	@ARGMAP_FUZZ_PROFILE=fuzz $(BIN)/python -m pytest -p no:cacheprovider \
	  --hypothesis-show-statistics tests/test_fuzz_readers.py tests/test_fuzz_roundtrip.py \
	  > .fuzz.log 2>&1; status=$$?; cat .fuzz.log; \
	awk '/ passing, / { for (i = 2; i <= NF; i++) if ($$i == "passing,") n += $$(i-1) } \
	  END { print "fuzz: " n " inputs tried" }' .fuzz.log; \
	rm -f .fuzz.log; exit $$status

# In this order; make stops at the first that fails.
lint: setup
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests
	$(BIN)/mypy
	$(BIN)/lint-imports --no-logo

bench: setup  # every benchmark, its verdicts -> bench/RESULTS.md (npm for the Argdown comparison)
	$(BIN)/python bench/all.py

bench-startup: setup  # small commands against a bare Python start and the Argdown CLI
	$(BIN)/python bench/startup.py

bench-overhead: setup  # argmap's own share of an SVG rendering next to bare Graphviz
	$(BIN)/python bench/render_overhead.py

setup: system-deps $(STAMP)

system-deps:
	@bash .ci/system-deps

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q -e '.[test]'
	@touch $(STAMP)

clean:
	rm -rf $(VENV) build *.egg-info tests/js/node_modules
