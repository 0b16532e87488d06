"""Evaluator for 009-product-except-self: exact token comparison."""


def evaluate(expected_output, program_output):
    return expected_output.split() == program_output.split()
