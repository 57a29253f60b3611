"""Fixtures and an HTTP helper for the replica tests."""

from __future__ import annotations

import http.client
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

import pytest

from crawler.testing import ReplicaSite, generate_articles


@dataclass(frozen=True)
class Fetched:
    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")


def fetch(url: str, headers: dict[str, str] | None = None, method: str = "GET") -> Fetched:
    """One request without following redirects."""
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname or "127.0.0.1", parts.port, timeout=10)
    try:
        target = parts.path + (f"?{parts.query}" if parts.query else "")
        conn.request(method, target or "/", headers=headers or {})
        resp = conn.getresponse()
        return Fetched(resp.status, {k.lower(): v for k, v in resp.getheaders()}, resp.read())
    finally:
        conn.close()


@pytest.fixture(scope="module")
def big_sites() -> Iterator[dict[str, ReplicaSite]]:
    """One site per platform with enough articles to page through (read-only in tests)."""
    sites = {
        key: ReplicaSite(key, generate_articles(key, n, seed=3)).start()
        for key, n in (("magelangekspres", 95), ("diksi", 35), ("posjayanews", 330))
    }
    yield sites
    for site in sites.values():
        site.stop()
