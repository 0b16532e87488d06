"""A static check of a Python candidate before a sandbox run is spent on it.

Only what cannot run is rejected: a syntax error, or a name used but never defined or imported
(the missing `import heapq` of a rewrite). The check parses the program exactly as it will be
judged (function-style code pasted into its runner, whose imports count), and never executes it.
Names that may come from a star import are not flagged (pyflakes reports those differently).
"""

from __future__ import annotations

import ast

from pyflakes import checker, messages

from afterburner.datasets.model import Problem


def python_precheck(problem: Problem, code: str) -> str:
    """'' when the code may run; else why it cannot, with lines of the submitted code."""
    pasted = problem.program_source("python", code)
    try:
        tree = ast.parse(pasted.text)
    except SyntaxError as error:
        line = (error.lineno or 0) - pasted.offset
        return f"SyntaxError: {error.msg} (line {line})"
    found = checker.Checker(tree, filename="solution.py")
    undefined = sorted(
        (message.lineno - pasted.offset, str(message.message_args[0]))
        for message in found.messages
        if isinstance(message, messages.UndefinedName)
    )
    if not undefined:
        return ""
    lines = code.splitlines()
    shown = []
    for line, name in undefined[:5]:
        text = lines[line - 1].strip() if 0 < line <= len(lines) else ""
        shown.append(f"'{name}' (line {line}: {text})" if text else f"'{name}' (line {line})")
    return f"NameError before running: undefined name {', '.join(shown)}; import or define it"
