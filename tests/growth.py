"""Complexity checks for stalls: time a function on an input and on one twice as large.

Not a speed figure (the machine is shared; bench/hostile.py prints those): only the ratio of two
sizes timed in the same process, interleaved, the best of several runs each, against a generous
bound. Linear work gives about 2, quadratic about 4.
"""

from __future__ import annotations

import gc
import time
from typing import Callable

LINEAR = 3.2  # quadratic work gives 4; the best of interleaved runs stays below 3.2 when linear


def _timed(run: Callable[[], object]) -> float:
    """CPU time of one run (on a shared machine, wall time mostly measures the other processes),
    with the garbage collector paused: its full collections cost more as more objects live,
    which would bend the curve of any code that allocates."""
    gc.collect()
    gc.disable()
    try:
        start = time.process_time()
        run()
        return time.process_time() - start
    finally:
        gc.enable()


def growth(run: Callable[[int], object], n: int, rounds: int = 3) -> float:
    """Best time of run(2n) / best time of run(n), the two sizes taking turns, so a burst of
    load from other processes slows both alike."""
    small, large = [], []
    for _ in range(rounds):
        small.append(_timed(lambda: run(n)))
        large.append(_timed(lambda: run(2 * n)))
    return min(large) / max(min(small), 1e-6)
