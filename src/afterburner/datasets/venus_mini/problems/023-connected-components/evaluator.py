"""Evaluator for 023-connected-components: one exact count per line, compared token by token."""


def evaluate(expected_output, program_output):
    return expected_output.split() == program_output.split()
