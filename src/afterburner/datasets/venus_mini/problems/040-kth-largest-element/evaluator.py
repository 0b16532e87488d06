def evaluate(expected_output, program_output):
    try:
        return expected_output.split() == program_output.split()
    except Exception:
        return False
