"""Shared benchmark helpers: time a callable, print one BENCH line per comparison.

    from tests.bench.timing import median_seconds, report

    ours = median_seconds(lambda: client.get(url))
    peer = median_seconds(lambda: peer_call())
    report("proposals-bbox", ours=ours, serializer=peer)
    # BENCH proposals-bbox: ours 41.0 ms, serializer 980.0 ms (23.90x ours)

Sizes come from environment variables with the issue's sizes as defaults (see each bench).
"""

import statistics
import time
from collections.abc import Callable


def median_seconds(fn: Callable[[], object], repeat: int = 5, warmup: int = 1) -> float:
    """Median wall-clock seconds of `repeat` calls of fn, after `warmup` untimed calls."""
    for _ in range(warmup):
        fn()
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def report(name: str, ours: float | None = None, **peers: float) -> str:
    """Print and return one line: each timing in ms and, when `ours` is given, each peer's
    time as a multiple of ours (>1: we are that many times faster)."""
    parts = []
    if ours is not None:
        parts.append(f"ours {ours * 1000:.1f} ms")
    for peer, seconds in peers.items():
        text = f"{peer} {seconds * 1000:.1f} ms"
        if ours:
            text += f" ({seconds / ours:.2f}x ours)"
        parts.append(text)
    line = f"BENCH {name}: " + ", ".join(parts)
    print(line, flush=True)
    return line
