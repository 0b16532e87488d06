def _pairs(text):
    tokens = [int(t) for t in text.split()]
    if len(tokens) % 2:
        return None
    return sorted(zip(tokens[0::2], tokens[1::2]))


def evaluate(expected_output, program_output):
    # the set of k points is unique; their order is free
    try:
        exp = _pairs(expected_output)
        got = _pairs(program_output)
        return exp is not None and exp == got
    except Exception:
        return False
