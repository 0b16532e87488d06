"""Evaluator for 030-sliding-window-maximum: the window maxima in order, compared token by token."""


def evaluate(expected_output, program_output):
    return expected_output.split() == program_output.split()
