"""Afterburner: make code faster and leaner with language models, judged by a precise sandbox."""

__version__ = "0.1.0"
