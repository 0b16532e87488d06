"""Evaluator for 006-range-sum-queries: exact token comparison, one sum per query."""


def evaluate(expected_output, program_output):
    return expected_output.split() == program_output.split()
