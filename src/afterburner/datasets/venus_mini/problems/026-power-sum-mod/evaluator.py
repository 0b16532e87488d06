"""Evaluator for 026-power-sum-mod: a single exact integer."""


def evaluate(expected_output, program_output):
    return expected_output.split() == program_output.split()
