"""Compile once, run a program on tests, check outputs, aggregate verdicts and metrics."""
