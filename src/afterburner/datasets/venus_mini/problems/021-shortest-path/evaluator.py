"""Evaluator for 021-shortest-path: the distances are unique, so compare tokens exactly."""


def evaluate(expected_output, program_output):
    return expected_output.split() == program_output.split()
