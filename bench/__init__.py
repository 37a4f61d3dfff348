"""Benchmarks a person can run: `python -m bench` prints one table of figures and targets."""
