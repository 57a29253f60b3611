"""Prometheus metrics and the /healthz endpoint, served on 127.0.0.1:PANTAU_METRICS_PORT."""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    disable_created_metrics,
    generate_latest,
)

log = logging.getLogger(__name__)

HealthCheck = Callable[[], tuple[bool, dict[str, Any]]]

_DURATION_BUCKETS = (1, 5, 15, 30, 60, 120, 300, 600, 1200, 3600)


class ServiceMetrics:
    """The service's counters, on a registry of its own (one per process)."""

    def __init__(self) -> None:
        disable_created_metrics()  # no *_created series: they double the output and nobody graphs them
        self.registry = CollectorRegistry()
        r = self.registry
        self.crawls = Counter("pantau_crawls", "Finished crawls by outcome", ["outlet", "status"], registry=r)
        self.crawl_duration = Histogram("pantau_crawl_duration_seconds", "Wall time of crawls", ["outlet"],
                                        buckets=_DURATION_BUCKETS, registry=r)
        self.requests = Counter("pantau_crawl_requests", "HTTP requests made by crawls", ["outlet"], registry=r)
        self.articles = Counter("pantau_articles_new", "New articles stored by crawls", ["outlet"], registry=r)
        self.crawl_errors = Counter("pantau_crawl_errors", "Errors counted by crawls", ["outlet"], registry=r)
        self.last_success = Gauge("pantau_last_successful_crawl_timestamp_seconds",
                                  "Unix time of the last successful crawl", ["outlet"], registry=r)
        self.processed = Counter("pantau_articles_processed", "Articles taken off the processing queue",
                                 registry=r)
        self.alerts_sent = Counter("pantau_alerts_dispatched", "Alerts handed to SMTP (or written as .eml)",
                                   registry=r)
        self.job_errors = Counter("pantau_job_errors", "Scheduled jobs that raised", ["job"], registry=r)
        self.job_duration = Histogram("pantau_job_duration_seconds", "Wall time of scheduled jobs", ["job"],
                                      registry=r)
        self.leader = Gauge("pantau_leader", "1 while this process is the leader", registry=r)
        self.alerts_queue = Gauge("pantau_alerts", "Alerts in the outbox by status", ["status"], registry=r)

    def render(self) -> bytes:
        return generate_latest(self.registry)


class _Handler(BaseHTTPRequestHandler):
    server: MetricsServer

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0]
        if path == "/metrics":
            try:
                self.server.refresh()
            except Exception:  # a scrape must never fail because a gauge could not be refreshed
                log.debug("refreshing gauges failed", exc_info=True)
            self._send(200, self.server.metrics.render(), CONTENT_TYPE_LATEST)
        elif path == "/healthz":
            try:
                ok, detail = self.server.health()
            except Exception as exc:
                ok, detail = False, {"error": str(exc)}
            body = json.dumps({"status": "ok" if ok else "unhealthy", **detail}, default=str).encode()
            self._send(200 if ok else 503, body, "application/json")
        else:
            self._send(404, b"not found\n", "text/plain")

    def _send(self, code: int, body: bytes, content_type: str) -> None:
        self.send_response(code)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        log.debug("metrics endpoint: " + format, *args)


class MetricsServer(ThreadingHTTPServer):
    """Serves /metrics and /healthz from a daemon thread."""

    daemon_threads = True

    def __init__(self, host: str, port: int, metrics: ServiceMetrics, health: HealthCheck,
                 refresh: Callable[[], None] | None = None) -> None:
        super().__init__((host, port), _Handler)
        self.metrics = metrics
        self.health = health
        self._refresh = refresh
        self._thread = threading.Thread(target=self.serve_forever, name="pantau-metrics", daemon=True)

    @property
    def port(self) -> int:
        return int(self.server_address[1])

    def refresh(self) -> None:
        if self._refresh is not None:
            self._refresh()

    def start(self) -> MetricsServer:
        self._thread.start()
        log.info("metrics on http://%s:%s/metrics, health on /healthz", self.server_address[0], self.port)
        return self

    def stop(self) -> None:
        self.shutdown()
        self.server_close()
