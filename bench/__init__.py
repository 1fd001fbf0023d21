"""Reproducible benchmarks with their baselines: ``python -m bench`` (see docs/BENCHMARKS.md)."""
