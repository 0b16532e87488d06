"""Judge batches and results as JSON: what another judge receives, and how it treats evaluators."""

from __future__ import annotations

import json
import pickle

import pytest

from afterburner.core.errors import UsageError
from afterburner.core.limits import Limits
from afterburner.core.testcase import TestCase
from afterburner.core.verdicts import Verdict
from afterburner.judge.checkers import Evaluator, FloatTolerance, SandboxedEvaluator, exact, tokens
from afterburner.judge.executor import JudgeBatch, judge_on, run_locally
from afterburner.judge.judge import JudgeItem
from afterburner.judge.measurement import Measurement
from afterburner.judge.wire import batch_from_dict, batch_to_dict, result_from_dict, result_to_dict, source_digest
from afterburner.languages import get_language
from afterburner.sandbox.runner import SandboxOptions

EVALUATOR = "def evaluate(expected, actual):\n    return expected.split() == actual.split()\n"
SUM = "a, b = map(int, input().split())\nprint(a + b)\n"


def _batch() -> JudgeBatch:
    tests = (TestCase("1 2\n", "3"), TestCase("2 2\n", "4"))
    python = get_language("python")
    items = (
        JudgeItem(python, SUM, tests, tokens),
        JudgeItem(python, "print(0)\n", tests, Evaluator(EVALUATOR)),
        JudgeItem(python, SUM, tests, FloatTolerance(1e-3)),
        JudgeItem(python, SUM, tests, exact),
    )
    return JudgeBatch(
        items, Limits(cpu_time=2), Measurement(2, "median", "cpu_time", "off"), options=SandboxOptions(sample_hz=1000)
    )


def test_a_batch_survives_json_and_shared_tests_are_sent_once() -> None:
    batch = _batch()
    data = json.loads(json.dumps(batch_to_dict(batch)))
    assert len(data["tests"]) == 1  # four programs, one test list
    back = batch_from_dict(data)
    assert [i.source for i in back.items] == [i.source for i in batch.items]
    assert [i.tests for i in back.items] == [i.tests for i in batch.items]
    assert back.limits == batch.limits and back.measurement == batch.measurement
    assert back.options.sample_hz == 1000
    assert back.items[0].checker is tokens and back.items[3].checker is exact
    assert back.items[2].checker == FloatTolerance(1e-3)


def test_an_evaluator_from_the_wire_runs_sandboxed_unless_its_source_is_trusted() -> None:
    data = batch_to_dict(_batch())
    untrusted = batch_from_dict(data)
    assert isinstance(untrusted.items[1].checker, SandboxedEvaluator)
    trusted = batch_from_dict(data, trusted=lambda digest: digest == source_digest(EVALUATOR))
    assert isinstance(trusted.items[1].checker, Evaluator)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"items": []}, "non-empty"),
        ({"measurement": {"repeat": 0}}, "repeat"),
        ({"measurement": {"repeat": 101}}, "repeat"),
        ({"measurement": {"estimator": "max"}}, "estimator"),
        ({"measurement": {"counter": "magic"}}, "counter"),
        ({"measurement": {"metric": "peak_memory"}}, "metric"),
        ({"measurement": {"metric": "instructions", "counter": "off"}}, "needs a counter"),
        ({"measurement": {"speed": "fast"}}, "unknown measurement settings"),
        ({"limits": {"cpu_time": 99999}}, "CPU time"),
        ({"limits": {"gpu": 1}}, "unknown limits"),
        ({"options": {"sample_hz": 1}}, "sample_hz"),
    ],
)
def test_a_malformed_batch_is_refused_with_the_reason(change: dict[str, object], message: str) -> None:
    data = {**batch_to_dict(_batch()), **change}
    with pytest.raises(UsageError, match=message):
        batch_from_dict(data)


def test_unknown_languages_and_checkers_are_refused() -> None:
    data = batch_to_dict(_batch())
    data["items"][0]["language"] = "cobol"
    with pytest.raises(UsageError, match="unknown language"):
        batch_from_dict(data)
    data = batch_to_dict(_batch())
    data["items"][0]["checker"] = {"kind": "regex"}
    with pytest.raises(UsageError, match="checker kind"):
        batch_from_dict(data)


def test_results_survive_json_with_verdicts_figures_and_failures() -> None:
    batch = _batch()
    results = run_locally(batch)
    assert [r.verdict for r in results] == [Verdict.AC, Verdict.WA, Verdict.AC, Verdict.WA]
    back = [result_from_dict(json.loads(json.dumps(result_to_dict(r)))) for r in results]
    for original, copy in zip(results, back, strict=True):
        assert copy.verdict is original.verdict
        assert copy.metrics == original.metrics and copy.measured == original.measured
        assert copy.spread.keys() == original.spread.keys()
        assert [t.verdict for t in copy.tests] == [t.verdict for t in original.tests]
        assert [t.detail for t in copy.tests] == [t.detail for t in original.tests]
        assert [t.run.cpu_time for t in copy.tests] == [t.run.cpu_time for t in original.tests]
    assert back[1].first_failure is not None and "expected" in back[1].first_failure.detail


def test_evaluators_pickle_as_their_source_for_ray_workers() -> None:
    evaluator = pickle.loads(pickle.dumps(Evaluator(EVALUATOR)))
    assert evaluator.source == EVALUATOR and evaluator("1 2", "1  2") and not evaluator("1", "2")


class _Elsewhere:
    """An executor that runs batches through the wire format, as a remote judge would."""

    name = "elsewhere"
    capacity = 1

    def run(self, batch: JudgeBatch) -> list:  # type: ignore[type-arg]
        received = batch_from_dict(json.loads(json.dumps(batch_to_dict(batch))))
        return [result_from_dict(result_to_dict(r)) for r in run_locally(received)]

    def close(self) -> None:
        pass


def test_judge_on_another_executor_reports_each_test_as_local_judging_does() -> None:
    seen: list[Verdict] = []
    results = judge_on(_Elsewhere(), _batch(), on_test=lambda outcome: seen.append(outcome.verdict))
    assert [r.verdict for r in results] == [Verdict.AC, Verdict.WA, Verdict.AC, Verdict.WA]
    assert seen.count(Verdict.AC) >= 4 and Verdict.WA in seen
