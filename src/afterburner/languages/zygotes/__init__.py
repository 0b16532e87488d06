"""Counting zygotes: programs that start a runtime once and run a program once per test in a fork."""
