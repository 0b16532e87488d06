"""Evaluator for 024-ugly-number: one exact integer per query, compared token by token."""


def evaluate(expected_output, program_output):
    return expected_output.split() == program_output.split()
