"""Evaluator for 005-nearby-duplicate: one boolean token, case-insensitive."""


def evaluate(expected_output, program_output):
    exp = expected_output.strip().lower().split()
    got = program_output.strip().lower().split()
    return exp == got
