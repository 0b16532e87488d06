"""Evaluator for 022-number-of-islands: a single integer, compared token by token."""


def evaluate(expected_output, program_output):
    return expected_output.split() == program_output.split()
