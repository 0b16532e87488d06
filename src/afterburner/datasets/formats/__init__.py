"""Loaders of other benchmarks' row formats, each mapped onto the same `Problem` (see docs/dataset-format.md)."""
