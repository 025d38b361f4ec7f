"""Shared benchmark helpers: time a callable, print one BENCH line per comparison.

    from tests.bench.timing import median_seconds, report

    ours = median_seconds(lambda: client.get(url))
    peer = median_seconds(lambda: peer_call())
    report("proposals-bbox", ours=ours, serializer=peer)
    # or, on a busy machine: report(name, **interleaved_medians({"ours": f, "serializer": g}))
    # BENCH proposals-bbox: ours 41.0 ms, serializer 980.0 ms (ours 23.90x faster)

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


def interleaved_medians(fns: dict[str, Callable[[], object]], repeat: int = 5) -> dict:
    """Median seconds of each callable, timed in rounds (a, b, c, a, b, c, ...) so that load
    from other processes on a shared machine falls on all of them alike. One warm-up round."""
    for fn in fns.values():
        fn()
    runs = {name: [] for name in fns}
    for _ in range(repeat):
        for name, fn in fns.items():
            start = time.perf_counter()
            fn()
            runs[name].append(time.perf_counter() - start)
    return {name: statistics.median(times) for name, times in runs.items()}


def report(name: str, ours: float | None = None, **peers: float) -> str:
    """Print and return one BENCH line: each timing (seconds) in ms and, when `ours` is
    given, how ours compares with each peer ("ours 23.90x faster" / "ours 1.17x slower")."""
    parts = []
    if ours is not None:
        parts.append(f"ours {ours * 1000:.1f} ms")
    for peer, seconds in peers.items():
        text = f"{peer.replace('_', ' ')} {seconds * 1000:.1f} ms"
        if ours and seconds:
            if seconds >= ours:
                text += f" (ours {seconds / ours:.2f}x faster)"
            else:
                text += f" (ours {ours / seconds:.2f}x slower)"
        parts.append(text)
    line = f"BENCH {name}: " + ", ".join(parts)
    print(line, flush=True)
    return line
