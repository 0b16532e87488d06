"""Shared vocabulary of every layer: verdicts, limits, results, errors. No dependencies."""
