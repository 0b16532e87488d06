# Afterburner: `make demo` and `make test` set everything up on a fresh Debian machine.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
AB := $(VENV)/bin/afterburner
# Toolchains of the six languages, the sandbox (bubblewrap, libseccomp) and valgrind.
APT_PACKAGES := bubblewrap libseccomp2 valgrind gcc g++ python3 openjdk-17-jdk-headless nodejs golang-go rustc

.PHONY: setup apt venv demo test lint bench clean

setup: apt venv
	@$(PY) -m afterburner.sandbox.monitor_binary >/dev/null

# Installs only what is missing, so a second run is a no-op.
apt:
	@missing=$$(for p in $(APT_PACKAGES); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q "install ok installed" || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "installing: $$missing"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi

venv: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@$(PY) -m pip install -q --upgrade pip
	@$(PY) -m pip install -q -e ".[dev]"
	@touch $@

# Until the optimizer exists, the main job judges the bundled example programs.
demo: setup
	@$(AB) doctor
	@for program in examples/count-primes/*.{py,cpp,java,js,go,rs}; do \
		echo; echo "== $$program"; \
		$(AB) judge $$program --tests examples/count-primes/tests.json --repeat 3 || exit 1; \
	done

test: setup lint
	@$(VENV)/bin/pytest -q

lint: venv
	@$(VENV)/bin/ruff check src tests benchmarks
	@$(VENV)/bin/mypy

bench: setup
	@$(PY) benchmarks/sandbox.py --json

clean:
	rm -rf $(VENV) build *.egg-info
