def evaluate(expected_output, program_output):
    return expected_output.strip().lower().split() == program_output.strip().lower().split()
