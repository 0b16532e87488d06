"""Evaluator for 028-kth-smallest-in-sorted-matrix: a single exact integer."""


def evaluate(expected_output, program_output):
    return expected_output.split() == program_output.split()
