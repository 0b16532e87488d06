"""The HTML report in a real headless browser (Debian's Chromium): every plot decodes and shows something.

A probe page next to the report loads it in an iframe and, on load, writes for each <img> what the
browser made of it (decoded size, and how many pixels are not background, read back through a canvas)
into its own DOM, which `chromium --dump-dom` prints. The report itself is not changed.
"""

from __future__ import annotations

import base64
import html
import io
import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from afterburner.evaluation.metrics import Execution, References, Scores
from afterburner.evaluation.render import write_report
from afterburner.evaluation.report import GeneratedScores, build_report

CHROMIUM = shutil.which("chromium")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="needs Debian's chromium (`make test` installs it)")

# Pixel sizes at 90 dpi: categories 7.5 x 2.8 in, iterations 6.5 x 3.6 in, distributions 2 panels of 3.2 x 1.9 in.
EXPECTED = {
    "category breakdown per metric": (675, 252),
    "best so far after each iteration": (585, 324),
    "reference distributions with candidate executions": (576, 171),
}
PROBE = """<!DOCTYPE html>
<html><body>
<iframe id="report" src="REPORT" style="width: 1200px; height: 3000px"></iframe>
<pre id="result">pending</pre>
<script>
window.addEventListener("load", () => {
  const doc = document.getElementById("report").contentDocument;
  const images = Array.from(doc.images).map((img) => {
    const seen = {alt: img.alt, complete: img.complete, width: img.naturalWidth, height: img.naturalHeight, inked: 0};
    if (img.naturalWidth > 0) {
      const canvas = document.createElement("canvas");
      canvas.width = img.naturalWidth;
      canvas.height = img.naturalHeight;
      const context = canvas.getContext("2d");
      context.drawImage(img, 0, 0);
      const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
      for (let i = 0; i < pixels.length; i += 4) {
        if (pixels[i + 3] > 0 && (pixels[i] < 235 || pixels[i + 1] < 235 || pixels[i + 2] < 235)) seen.inked++;
      }
    }
    return seen;
  });
  document.getElementById("result").textContent = JSON.stringify(images);
});
</script>
</body></html>
"""


def _report_html(out_dir: Path) -> Path:
    refs = References(
        {
            "p1": {"cpu_time": [0.001, 0.002, 0.003], "peak_memory": [1e6, 2e6, 3e6], "memory_integral": [1.0, 2.0]},
            "p2": {"cpu_time": [0.010, 0.020], "peak_memory": [1e7, 2e7], "memory_integral": [10.0, 20.0]},
        }
    )
    executions = [
        Execution.of("p1", True, 0.0025, 2.5e6, 1.5, iteration=0),
        Execution.of("p2", False, None, None, None, iteration=0),
        Execution.of("p1", True, 0.0008, 0.9e6, 0.8, iteration=1),
        Execution.of("p2", True, 0.015, 1.5e7, 12.0, iteration=1),
    ]
    generated = GeneratedScores({0: Scores(4, 0.5, 0.2, 0.3, 0.1), 1: Scores(4, 0.75, 0.5, 0.4, 0.3)}, "selection")
    report = build_report("browser", executions, refs, rounds=50, best_so_far=True, generated=generated)
    return write_report(report, out_dir)["html"]


def _seen_by_browser(report: Path) -> list[dict[str, Any]]:
    """What Chromium decoded for each <img> of the report."""
    assert CHROMIUM is not None
    probe = report.with_name("probe.html")
    probe.write_text(PROBE.replace("REPORT", report.name), encoding="utf-8")
    done = subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--allow-file-access-from-files",  # the probe reads the report's frame: both are file:// pages
            "--virtual-time-budget=10000",
            "--window-size=1200,3000",
            "--dump-dom",
            probe.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    match = re.search(r'<pre id="result">(.*?)</pre>', done.stdout, re.DOTALL)
    assert match, f"no result from chromium (rc {done.returncode}): {done.stderr[-2000:]}"
    seen: list[dict[str, Any]] = json.loads(html.unescape(match.group(1)))
    return seen


def _assert_plots_rendered(seen: list[dict[str, Any]]) -> None:
    assert {image["alt"] for image in seen} == set(EXPECTED), seen
    assert len(seen) == len(EXPECTED)
    for image in seen:
        width, height = EXPECTED[image["alt"]]
        assert image["complete"] and (image["width"], image["height"]) == (width, height), image
        # A plot has axes, text and data: well over 1% of its pixels are not background.
        assert image["inked"] > 0.01 * width * height, image


def _pngs(page: str) -> list[bytes]:
    return [base64.b64decode(data) for data in re.findall(r'src="data:image/png;base64,([^"]+)"', page)]


def test_plots_render_in_chromium(tmp_path: Path) -> None:
    report = _report_html(tmp_path)
    _assert_plots_rendered(_seen_by_browser(report))
    for png in _pngs(report.read_text(encoding="utf-8")):  # the files agree with what the browser decoded
        assert Image.open(io.BytesIO(png)).size in EXPECTED.values()


def _replace_first_png(page: str, png: bytes) -> str:
    first = _pngs(page)[0]
    return page.replace(base64.b64encode(first).decode("ascii"), base64.b64encode(png).decode("ascii"), 1)


def test_the_check_catches_broken_blank_and_missing_plots(tmp_path: Path) -> None:
    report = _report_html(tmp_path)
    page = report.read_text(encoding="utf-8")
    size = Image.open(io.BytesIO(_pngs(page)[0])).size
    blank = io.BytesIO()
    Image.new("RGB", size, "white").save(blank, format="PNG")
    broken_pages = {
        "truncated": _replace_first_png(page, _pngs(page)[0][:200]),
        "blank": _replace_first_png(page, blank.getvalue()),
        "missing": re.sub(r"<img [^>]*>", "", page, count=1),
    }
    for name, broken in broken_pages.items():
        path = tmp_path / f"{name}.html"
        path.write_text(broken, encoding="utf-8")
        with pytest.raises(AssertionError):
            _assert_plots_rendered(_seen_by_browser(path))
