"""Evaluator for 001-two-sum: the two indices, in either order."""


def evaluate(expected_output, program_output):
    exp = expected_output.split()
    got = program_output.split()
    if len(got) != len(exp):
        return False
    return sorted(exp) == sorted(got)
