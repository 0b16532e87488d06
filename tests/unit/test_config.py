"""Config dataclasses validate themselves and are the CLI's one source of defaults and help."""

from __future__ import annotations

import pytest

from afterburner.core.config import default_of, help_of
from afterburner.core.errors import UsageError
from afterburner.judge.measurement import Measurement
from afterburner.optimize.feedback import FeedbackOptions
from afterburner.optimize.loop import LoopConfig
from afterburner.optimize.selection import NoisePolicy


@pytest.mark.parametrize(
    ("make", "named"),
    [
        (lambda: LoopConfig(iterations=-1), "iterations"),
        (lambda: LoopConfig(samples=0), "samples"),
        (lambda: LoopConfig(objective="speed"), "objective"),
        (lambda: LoopConfig(template="mine"), "template"),
        (lambda: Measurement(repeat=0), "repeat"),
        (lambda: Measurement(repeat=101), "repeat"),
        (lambda: Measurement(metric="peak_memory"), "metric"),
        (lambda: Measurement(counter="abacus"), "counter"),  # type: ignore[arg-type]
        (lambda: Measurement(metric="instructions", counter="off"), "needs a counter"),
        (lambda: NoisePolicy(min_gain=1.5), "min_gain"),
        (lambda: NoisePolicy(alpha=0.0), "alpha"),
        (lambda: NoisePolicy(min_samples=0), "min_samples"),
    ],
)
def test_bad_settings_are_refused_by_name(make: object, named: str) -> None:
    with pytest.raises(UsageError, match=named):
        make()  # type: ignore[operator]


def test_defaults_and_help_come_from_the_dataclasses() -> None:
    assert default_of(LoopConfig, "iterations") == LoopConfig().iterations
    assert "iteration 0" in help_of(LoopConfig, "iterations")
    assert help_of(NoisePolicy, "min_gain", with_default=True).endswith("[default: 0.05]")
    assert help_of(FeedbackOptions, "hotspots")


def test_the_cli_shows_the_dataclass_defaults() -> None:
    from typer.testing import CliRunner

    from afterburner.cli.main import app

    shown = CliRunner().invoke(app, ["optimize", "--help"], env={"COLUMNS": "200"}).output
    assert help_of(LoopConfig, "iterations") in shown
    assert f"[default: {LoopConfig().samples}]" in shown


def test_the_resume_identity_is_every_loop_setting_but_the_resumable_ones() -> None:
    """Derived from the config itself: a setting added later is part of it without anyone listing it."""
    import dataclasses

    identity = LoopConfig().identity()
    names = {f.name for f in dataclasses.fields(LoopConfig)}
    assert set(identity) == names - {"iterations", "samples"}
    assert "n" not in identity["generation"] and "max_tokens" in identity["generation"]
    assert LoopConfig(iterations=9).identity() == identity  # more iterations: the same run
    assert LoopConfig(repair=0).identity() != identity
    assert LoopConfig(measurement=Measurement(metric="cpu_time", counter="off")).identity() != identity


def test_optimize_options_come_from_the_config_dataclass() -> None:
    """Every OptimizeConfig field is an option of `afterburner optimize`, with its default and help."""
    import dataclasses

    from typer.testing import CliRunner

    from afterburner.cli.main import app
    from afterburner.optimize.run_config import OptimizeConfig

    shown = CliRunner().invoke(app, ["optimize", "--help"], env={"COLUMNS": "400"}).output
    for found in dataclasses.fields(OptimizeConfig):
        if not found.metadata.get("argument"):
            flag = (found.metadata.get("flags") or (f"--{found.name.replace('_', '-')}",))[0]
            assert flag in shown, flag
    assert OptimizeConfig().iterations == default_of(LoopConfig, "iterations")
    assert OptimizeConfig(iterations=3).loop_config("cpp").iterations == 3
    with pytest.raises(UsageError, match="parallel"):
        OptimizeConfig(parallel=0)
    with pytest.raises(UsageError, match="estimator"):
        OptimizeConfig(estimator="mode")
