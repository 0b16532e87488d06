def evaluate(expected_output, program_output):
    return expected_output.split() == program_output.split()
