"""A candidate cannot read what it is scored on through an installed (non-editable) Afterburner.

The package is built as a wheel and installed under /usr/local, where a system-wide pip puts
it and where the sandbox once showed everything (all of /usr was bound). A candidate judged
through that install tries to read a bundled problem's tests.json, its generator and
evaluator, the generated-test cache and the compiled-program cache.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# Runs in a separate interpreter that imports Afterburner from the installed wheel only.
DRIVER = r"""
import json, sys
import afterburner
from afterburner.datasets.registry import load_dataset
from afterburner.datasets.bundled import bundled_root
from afterburner.datasets.testgen import generate_tests
from afterburner.core.testcase import TestCase
from afterburner.judge.judge import judge
from afterburner.judge.measurement import CLOCK_ONLY
from afterburner.core.paths import cache_dir
from afterburner.languages import get_language

install = sys.argv[1]
assert afterburner.__file__.startswith(install), afterburner.__file__
problem = load_dataset("venus-mini").problems[0]
directory = next(p for p in bundled_root().iterdir() if p.name.startswith("001-"))
generated = generate_tests(problem, num_cases=2, seed=7)
cached = sorted(str(p) for p in (cache_dir() / "tests").glob("*.json"))
targets = [str(directory / "tests.json"), str(directory / "generator.py"), str(directory / "evaluator.py"), *cached,
           str(cache_dir())]
candidate = '''
import glob, os, sys
for path in %r:
    try:
        if os.path.isdir(path):
            print("LISTED", path, os.listdir(path))
        else:
            print("READ", path, open(path).read()[:40])
    except OSError as error:
        print("DENIED", path, type(error).__name__)
for pattern in ("/usr/local/lib/*/*/afterburner", "/usr/local/lib/python3*/*-packages/afterburner",
                "/usr/lib/python3*/*-packages/afterburner", "/usr/local/lib/*/cache"):
    print("GLOB", pattern, glob.glob(pattern)[:3])
''' % (targets,)
result = judge(get_language("python"), candidate, [TestCase("", "")], measurement=CLOCK_ONLY)
run = result.tests[0].run
report = {"targets": targets, "generated": len(generated), "stdout": run.stdout_text, "stderr": run.stderr_text}
print(json.dumps(report))
"""


@pytest.fixture(scope="module")
def installed() -> Iterator[Path]:
    if os.geteuid() != 0:
        pytest.skip("installing under /usr/local needs root")
    wheels = Path(tempfile.mkdtemp(prefix="afterburner-wheel-"))
    target = Path(tempfile.mkdtemp(prefix="afterburner-security-", dir="/usr/local/lib"))
    try:
        built = subprocess.run(
            [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation", "-w", wheels, ROOT],
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert built.returncode == 0, built.stderr
        (wheel,) = wheels.glob("afterburner-*.whl")
        site = target / "site-packages"
        done = subprocess.run(
            [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", site, wheel],
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert done.returncode == 0, done.stderr
        target.chmod(0o755)
        yield target
    finally:
        shutil.rmtree(wheels, ignore_errors=True)
        shutil.rmtree(target, ignore_errors=True)


def test_a_candidate_cannot_read_bundled_tests_generators_or_caches(installed: Path) -> None:
    site = installed / "site-packages"
    cache = installed / "cache"  # under /usr/local too: the old sandbox showed it
    env = {**os.environ, "PYTHONPATH": str(site), "AFTERBURNER_CACHE": str(cache)}
    done = subprocess.run(
        [sys.executable, "-c", DRIVER, str(site)], capture_output=True, text=True, timeout=600, env=env, cwd=installed
    )
    assert done.returncode == 0, done.stderr[-3000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["generated"] == 2
    assert any("/tests/" in target for target in report["targets"]), "the generated-test cache was not written"
    lines = report["stdout"].splitlines()
    assert lines, report["stderr"]
    assert len([line for line in lines if line.startswith("DENIED")]) == len(report["targets"]), lines
    assert not [line for line in lines if line.startswith(("READ", "LISTED"))], lines
    assert all(line.endswith("[]") for line in lines if line.startswith("GLOB")), lines
