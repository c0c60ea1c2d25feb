"""Timing the three report pages through the Django test client, and the
hand-written SQL that computes the same numbers."""

import math
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass

from django.db import connection
from django.test.utils import CaptureQueriesContext


@dataclass(frozen=True)
class Timing:
    name: str
    median_ms: float
    p95_ms: float
    queries: int
    raw_median_ms: float
    raw_p95_ms: float
    same_numbers: bool

    @property
    def ratio(self) -> float:
        """Page p95 ÷ raw SQL p95."""
        return self.p95_ms / self.raw_p95_ms if self.raw_p95_ms else math.inf


def p95(values: list[float]) -> float:
    """Nearest-rank 95th percentile."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


def timed(action: Callable[[], object], repeat: int, warmup: int = 2) -> list[float]:
    for __ in range(warmup):
        action()
    out = []
    for __ in range(repeat):
        start = time.perf_counter()
        action()
        out.append((time.perf_counter() - start) * 1000)
    return out


def page(client, url: str) -> Callable[[], object]:
    def get():
        response = client.get(url)
        if response.status_code != 200:
            raise RuntimeError(f"{url} answered {response.status_code}")
        return response

    return get


def query_count(action: Callable[[], object]) -> int:
    with CaptureQueriesContext(connection) as context:
        action()
    return len(context)


def measure(
    *,
    name: str,
    view: Callable[[], object],
    raw: Callable[[], object] | None,
    same_numbers: bool,
    repeat: int,
) -> Timing:
    view_times = timed(view, repeat)
    raw_times = timed(raw, repeat) if raw else [0.0]
    return Timing(
        name=name,
        median_ms=statistics.median(view_times),
        p95_ms=p95(view_times),
        queries=query_count(view),
        raw_median_ms=statistics.median(raw_times),
        raw_p95_ms=p95(raw_times),
        same_numbers=same_numbers,
    )
