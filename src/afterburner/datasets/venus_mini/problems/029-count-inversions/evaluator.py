"""Evaluator for 029-count-inversions: a single exact integer."""


def evaluate(expected_output, program_output):
    return expected_output.split() == program_output.split()
