"""Evaluator for 027-course-schedule: a single word true/false, compared case-insensitively."""


def evaluate(expected_output, program_output):
    return expected_output.strip().lower().split() == program_output.strip().lower().split()
