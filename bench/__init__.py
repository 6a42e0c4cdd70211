"""Benchmark scripts (run each as a script; see README)."""
