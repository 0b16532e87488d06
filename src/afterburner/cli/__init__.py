"""Thin command-line layer over the library."""
