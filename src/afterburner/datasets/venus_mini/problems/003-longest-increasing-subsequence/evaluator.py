"""Evaluator for 003-longest-increasing-subsequence: exact token comparison."""


def evaluate(expected_output, program_output):
    return expected_output.split() == program_output.split()
