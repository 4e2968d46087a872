"""Helpers shared by tests: obviously fictitious case data."""
