"""Litmus: how candidate solutions compare with the distribution of reference (human) solutions."""
