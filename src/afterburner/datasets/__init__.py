"""Datasets in the Venus schema: problems, tests, reference solutions, loaders, profiling."""
