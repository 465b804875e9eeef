"""Complexity checks for stalls: time a function on an input and on one twice as large.

Not a speed figure (the machine is shared; bench/hostile.py prints those): only the ratio of two
runs in the same process, the better of three each, against a generous bound. Linear work
gives about 2, quadratic about 4.
"""

from __future__ import annotations

import time
from typing import Callable

LINEAR = 3.2  # quadratic work would give 4; noise on a shared machine stays well below 3.2


def best_time(run: Callable[[], object], repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def growth(run: Callable[[int], object], n: int) -> float:
    """Time of run(2n) / time of run(n)."""
    small = best_time(lambda: run(n))
    large = best_time(lambda: run(2 * n))
    return large / max(small, 1e-6)
