"""Evaluator for 010-top-k-frequent: exact token comparison (the order is part of the answer)."""


def evaluate(expected_output, program_output):
    return expected_output.split() == program_output.split()
