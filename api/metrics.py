"""Prometheus metrics, on a registry owned by one app (so test apps never collide).

Under gunicorn, ``jobfit serve`` points ``PROMETHEUS_MULTIPROC_DIR`` at a fresh folder before
the workers start: each worker then writes its counts there and ``/metrics``, whichever worker
answers, reports the sum over all of them (including workers that have since been replaced).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.multiprocess import MultiProcessCollector

from jobfit.config import METRICS_DIR_ENV

LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)


@dataclass
class Metrics:
    registry: CollectorRegistry = field(
        default_factory=lambda: CollectorRegistry(auto_describe=True)
    )

    def __post_init__(self) -> None:
        self.requests = Counter(
            "jobfit_http_requests",
            "HTTP requests answered, by route, method and status.",
            ["route", "method", "status"],
            registry=self.registry,
        )
        self.latency = Histogram(
            "jobfit_http_request_duration_seconds",
            "Time to answer a request, by route.",
            ["route", "method"],
            buckets=LATENCY_BUCKETS,
            registry=self.registry,
        )
        self.documents = Counter(
            "jobfit_documents_parsed",
            "Documents parsed, by kind (resume or job) and format.",
            ["kind", "format"],
            registry=self.registry,
        )
        self.errors = Counter(
            "jobfit_errors",
            "Error responses, by error code.",
            ["code"],
            registry=self.registry,
        )

    def exposition(self) -> bytes:
        if os.environ.get(METRICS_DIR_ENV):
            every_worker = CollectorRegistry()
            MultiProcessCollector(every_worker)
            return generate_latest(every_worker)
        return generate_latest(self.registry)
