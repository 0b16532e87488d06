"""`afterburner optimize`: the main job. A model rewrites code, the judge measures, feedback returns.

The command's options are `OptimizeConfig`'s fields (`afterburner.optimize.run_config`): defaults,
help and validation live there; this module resolves what to optimize and prints the outcome.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from rich.console import Console
from rich.markdown import Markdown

from afterburner.cli.config_command import config_command
from afterburner.cli.data import select
from afterburner.cli.inputs import read_program, read_tests
from afterburner.cli.options import apply_measure_cores, judge_executor
from afterburner.cli.progress import progress_bar
from afterburner.cli.speedups import speedup_lines
from afterburner.core.config import default_of
from afterburner.core.errors import UsageError
from afterburner.core.metrics import info
from afterburner.datasets.model import Dataset, Problem
from afterburner.datasets.own import own_problem
from afterburner.datasets.own_function import SEPARATOR
from afterburner.datasets.registry import load_dataset
from afterburner.datasets.testgen import TestSplit
from afterburner.evaluation.render import to_markdown
from afterburner.judge.executor import JudgeExecutor
from afterburner.models.base import Backend
from afterburner.models.factory import create_backend
from afterburner.optimize.best_version import write_best_version
from afterburner.optimize.function_target import FunctionTarget, function_target, write_best_function
from afterburner.optimize.loop import LoopConfig
from afterburner.optimize.run_config import OptimizeConfig
from afterburner.optimize.session import SessionResult, run_session
from afterburner.optimize.starts import Start
from afterburner.sandbox.cores import pin_to_host_cores

out = Console()


def run_optimize(config: OptimizeConfig) -> None:
    """Resolve the target, open the model, run the session, print and write the outcome."""
    apply_measure_cores(config.measure_cores)
    if config.placement == "partition":
        pin_to_host_cores()  # our own threads (and a local model's) stay off the measurement cores
    target = _target(config)
    loop = config.loop_config(target.language)
    where = judge_executor(config.executor, config.judge)
    try:
        with create_backend(config.model_spec(), progress=lambda line: print(line, file=sys.stderr)) as llm:
            result = _session(target, llm, loop, config, where)
    finally:
        if where is not None:
            where.close()
    _print_result(result, target, config.file, config.out)


optimize = config_command(
    OptimizeConfig,
    run_optimize,
    "Optimize solutions with a language model, iteration after iteration, judged in the sandbox.\n\n"
    "The paper's protocol: `--start-from slowest` hands the model working but slow code with its measured "
    "figures; each problem's speed-up (start / best, re-measured) is reported.",
)


def _session(
    target: _Target, llm: Backend, loop: LoopConfig, config: OptimizeConfig, executor: JudgeExecutor | None
) -> SessionResult:
    loaded, chosen = target.dataset, target.problems
    where = f", judged on {executor.name}" if executor is not None else ""
    ranked = info(loop.measurement.metric).display
    out.print(
        f"optimizing {len(chosen)} problem(s) of {loaded.name} with {llm.name} ({llm.kind}): "
        f"{loop.iterations} iteration(s) x {loop.samples} sample(s), objective {loop.objective} "
        f"(ranked by {ranked}), template {loop.template}{where}"
    )
    with progress_bar("measuring reference solutions") as update:
        return run_session(
            loaded,
            chosen,
            llm,
            loop,
            config.out,
            config.parallel,
            target.starts,
            on_event=lambda line: out.print(line, highlight=False),
            on_progress=update,
            executor=executor,
            split=target.split,
            restart=config.restart,
            start_from=config.start_from,
            allow_seen=not config.hidden_tests_only,
        )


def _print_result(result: SessionResult, target: _Target, file: Path | None, out_dir: Path) -> None:
    out.print(Markdown(to_markdown(result.report)))
    for line in speedup_lines(result.report.changes, result.report.speedups):
        out.print(line, highlight=False)
    if target.function is not None and result.report.changes:
        result.paths.update(write_best_function(result.report.changes[0], target.function, out_dir))
    elif target.own and result.report.changes:
        result.paths.update(write_best_version(result.report.changes[0], file or Path("program"), out_dir))
    timings = result.timings
    out.print(
        f"generation {timings['generation_seconds']:.1f} s, judging {timings['judge_seconds']:.1f} s, "
        f"loop overhead {timings['loop_overhead_share'] * 100:.1f}% of problem time; "
        f"{timings['completion_tokens']:.0f} tokens generated"
    )
    out.print(f"results in {out_dir}: " + ", ".join(p.name for p in result.paths.values()))


@dataclass(frozen=True)
class _Target:
    dataset: Dataset
    problems: tuple[Problem, ...]
    language: str
    starts: dict[str, Start]
    split: TestSplit
    own: bool = False  # your own program and tests, no dataset
    function: FunctionTarget | None = None  # a function of your module (FILE::function)


def _function_target(config: OptimizeConfig, spec: str) -> _Target:
    if config.problem or config.start_from or config.problems:
        raise UsageError("FILE::function optimizes your function on your calls: leave out --problem(s), --start-from")
    if config.lang not in (None, "python"):
        raise UsageError("FILE::function optimizes a Python function", "leave out --lang")
    found = function_target(spec, config.tests)
    if found.calls.skipped:
        out.print(f"{len(found.calls.skipped)} call(s) in {config.tests} skipped (arguments that are not literals)")
    problem = found.problem
    starts = {problem.id: Start(found.original, f"your function {found.function}")}
    split = config.test_split(own=True)
    return _Target(found.dataset, found.dataset.problems, "python", starts, split, own=True, function=found)


def _target(config: OptimizeConfig) -> _Target:
    """What to optimize: a dataset's problems, your file for one of them, your file on your tests, or
    a function of your module on calls of it."""
    file, start_from = config.file, config.start_from
    if file is not None and SEPARATOR in str(file):
        return _function_target(config, str(file))
    if config.tests is not None:
        if file is None:
            raise UsageError("--tests needs your program: afterburner optimize prog.py --tests tests.json")
        if config.problem or start_from:
            raise UsageError("--tests optimizes your own program: leave out --problem and --start-from")
        file_language, source = read_program(file, config.lang)
        own = own_problem(file.stem, file_language.name, source, read_tests(config.tests))
        start = Start(source, f"your file {file.name}")
        starts = {own.problems[0].id: start}
        return _Target(own, own.problems, file_language.name, starts, config.test_split(own=True), own=True)
    loaded = load_dataset(config.dataset)
    if file is not None:
        if config.problem is None:
            raise UsageError("optimizing your own solution needs --problem ID (or --tests FILE)")
        if start_from:
            raise UsageError("FILE is the start: leave out --start-from")
        file_language, source = read_program(file, None)
        chosen = select(loaded, config.problem).problems
        starts = {chosen[0].id: Start(source, f"your file {file.name}")}
        return _Target(loaded, chosen, file_language.name, starts, config.test_split())
    chosen = select(loaded, config.problems).problems
    language = config.lang or default_of(LoopConfig, "language")
    unsupported = [p.id for p in chosen if language not in p.languages]
    if unsupported:
        raise UsageError(f"problems {', '.join(unsupported)} have no {language} runner", "pick another --lang")
    return _Target(loaded, chosen, language, {}, config.test_split())
