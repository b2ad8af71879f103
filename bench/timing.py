"""Timing helpers shared by the bench scripts: samples in milliseconds, summarised the same way."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def summary(samples_ms: list[float]) -> dict[str, float]:
    """Median, p95 (nearest rank), min, max and count of samples in milliseconds."""
    ordered = sorted(samples_ms)
    p95 = ordered[max(0, min(len(ordered) - 1, round(0.95 * len(ordered) + 0.5) - 1))]
    return {
        "median": statistics.median(ordered),
        "p95": p95,
        "min": ordered[0],
        "max": ordered[-1],
        "n": len(ordered),
    }


def timed(call: Callable[[], object], runs: int, warmup: int = 2) -> dict[str, float]:
    """Milliseconds per call over ``runs`` calls after ``warmup`` untimed ones."""
    for _ in range(warmup):
        call()
    samples = []
    for _ in range(runs):
        start = time.perf_counter_ns()
        call()
        samples.append((time.perf_counter_ns() - start) / 1e6)
    return summary(samples)
