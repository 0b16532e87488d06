"""One measured program: what the profile, reward, loop and evaluation records hold.

A figure is a program's total over its tests (peak memory: the maximum), summarized over its
measured passes by the estimator; `samples` keeps one total per pass. A metric that was not
measured is None with its reason in `unmeasured`, never a number. Instruction counts also come
net of start-up (`net`): the language's empty program counted on the same tests, subtracted.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from afterburner.core.metrics import Metric, metric
from afterburner.core.verdicts import Verdict


@dataclass(frozen=True)
class Measured:
    """Verdict and figures of one program over one test list."""

    verdict: Verdict
    figures: Mapping[str, float | None] = field(default_factory=dict)  # metric -> value (None: unmeasured)
    samples: Mapping[str, list[float]] = field(default_factory=dict)  # metric -> one total per measured pass
    unmeasured: Mapping[str, str] = field(default_factory=dict)  # metric -> why it is None although it passed
    flaky: bool = False  # the first pass passed, a later one did not (the verdict is the later one's)
    estimator: str = "min"
    detail: str = ""  # the first failure's detail, or the compiler's message
    net: Mapping[str, float | None] = field(default_factory=dict)  # metric -> figure net of start-up

    def __post_init__(self) -> None:
        object.__setattr__(self, "verdict", Verdict(self.verdict))  # also from a JSON string

    @property
    def passed(self) -> bool:
        return self.verdict is Verdict.AC

    @property
    def infrastructure_error(self) -> bool:
        """Our side failed (IE): never the program's fault, never scored."""
        return self.verdict is Verdict.IE

    def figure(self, name: str | Metric) -> float | None:
        """The figure of a metric; None when the program failed or the metric was not measured."""
        value = self.figures.get(str(metric(name)))
        return None if value is None or not self.passed else float(value)

    def passes(self, name: str | Metric) -> list[float]:
        return list(self.samples.get(str(metric(name)), ()))

    def to_dict(self) -> dict[str, Any]:
        return {
            "verdict": self.verdict.value,
            "figures": dict(self.figures),
            "samples": {name: list(values) for name, values in self.samples.items()},
            "unmeasured": dict(self.unmeasured),
            "flaky": self.flaky,
            "estimator": self.estimator,
            "detail": self.detail,
            "net": dict(self.net),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Measured:
        def floats(values: Any) -> dict[str, float | None]:
            return {str(k): (None if v is None else float(v)) for k, v in dict(values or {}).items()}

        return cls(
            verdict=Verdict(data["verdict"]),
            figures=floats(data.get("figures")),
            samples={str(k): [float(v) for v in values] for k, values in dict(data.get("samples") or {}).items()},
            unmeasured={str(k): str(v) for k, v in dict(data.get("unmeasured") or {}).items()},
            flaky=bool(data.get("flaky", False)),
            estimator=str(data.get("estimator", "min")),
            detail=str(data.get("detail", "")),
            net=floats(data.get("net")),
        )

    @classmethod
    def failed(cls, verdict: Verdict, detail: str = "") -> Measured:
        return cls(verdict, detail=detail)
