"""ReplicaSite: one outlet's site served by a stdlib ThreadingHTTPServer on 127.0.0.1 in a background thread."""

from __future__ import annotations

import contextlib
import socket
import threading
from collections import deque
from dataclasses import replace
from datetime import datetime
from http.server import ThreadingHTTPServer
from types import TracebackType
from typing import Any, NamedTuple

from crawler.testing.article import ReplicaArticle
from crawler.testing.blogger import BloggerSite
from crawler.testing.corpus import default_articles
from crawler.testing.disway import DiswaySite
from crawler.testing.faults import Fault, FaultBook
from crawler.testing.handler import ReplicaHandler
from crawler.testing.profiles import OutletProfile, profile
from crawler.testing.routing import GIF, Platform, Reply, Request, not_found
from crawler.testing.state import ArticleStore, Entry
from crawler.testing.wordpress import WordPressSite

LOG_LIMIT = 200_000


class LoggedRequest(NamedTuple):
    """One request the replica served: (method, path with query, headers)."""

    method: str
    path: str
    headers: dict[str, str]


def make_platform(prof: OutletProfile) -> Platform:
    if prof.platform == "disway":
        return DiswaySite(prof)
    if prof.platform == "wordpress":
        return WordPressSite(prof)
    return BloggerSite(prof)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    site: ReplicaSite

    def __init__(self, address: tuple[str, int]) -> None:
        super().__init__(address, ReplicaHandler)
        self.open_connections: set[socket.socket] = set()
        self.connections_lock = threading.Lock()

    def process_request(self, request: Any, client_address: Any) -> None:
        with self.connections_lock:
            self.open_connections.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request: Any) -> None:
        with self.connections_lock:
            self.open_connections.discard(request)
        super().shutdown_request(request)

    def drop_connections(self) -> None:
        """Close kept-alive connections, so a stopped site really stops answering."""
        with self.connections_lock:
            open_now = list(self.open_connections)
        for conn in open_now:
            with contextlib.suppress(OSError):
                conn.shutdown(socket.SHUT_RDWR)


class ReplicaSite:
    """A real HTTP server replicating one outlet. Thread-safe; use as a context manager."""

    def __init__(
        self,
        outlet_key: str,
        articles: list[ReplicaArticle] | None = None,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        now: datetime | None = None,
    ) -> None:
        self.outlet = outlet_key
        self.profile = profile(outlet_key)
        self.platform = make_platform(self.profile)
        self.host, self.port = host, port
        self._store = ArticleStore(self.profile.first_id, self.platform.article_path)
        initial = default_articles(outlet_key, now) if articles is None else articles
        self._store.add(list(initial), bump_clock=False)
        self.faults = FaultBook()
        # Bounded so a long `serve` run does not grow without end; tests never come near it.
        self._log: deque[LoggedRequest] = deque(maxlen=LOG_LIMIT)
        self._log_lock = threading.Lock()
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    # -- lifecycle ---------------------------------------------------------------
    def start(self) -> ReplicaSite:
        if self._server is not None:
            return self
        server = _Server((self.host, self.port))
        server.site = self
        self._server = server
        self.port = server.server_address[1]
        self._thread = threading.Thread(
            target=server.serve_forever, kwargs={"poll_interval": 0.05}, name=f"replica-{self.outlet}",
            daemon=True,
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        server, self._server = self._server, None
        if server is None:
            return
        server.shutdown()
        server.server_close()
        server.drop_connections()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def __enter__(self) -> ReplicaSite:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    @property
    def base_url(self) -> str:
        if self._server is None:
            raise RuntimeError(f"replica {self.outlet} is not running; call start() first")
        return f"http://{self.host}:{self.port}"

    # -- content -----------------------------------------------------------------
    @property
    def entries(self) -> tuple[Entry, ...]:
        """Articles as placed on the site (id, path), newest first."""
        return self._store.snapshot.entries

    @property
    def articles(self) -> list[ReplicaArticle]:
        return [e.article for e in self._store.snapshot.entries]

    def publish(self, article: ReplicaArticle) -> str:
        """Add `article` (a repeated slug gets a suffix); returns its URL. Feeds, listings, sitemaps follow."""
        if article.published.tzinfo is None:
            raise ValueError("published must be timezone-aware")
        (entry,) = self._store.add([replace(article)])
        return self.base_url + entry.path

    def update(self, article: ReplicaArticle) -> str:
        """Replace the published article with the same slug (e.g. a new headline); returns its URL."""
        return self.base_url + self._store.update(article).path

    def remove(self, article: ReplicaArticle | str) -> None:
        """Take an article down: its URL answers 404 and it leaves feeds, listings and sitemaps."""
        self._store.remove(article if isinstance(article, str) else article.slug)

    def entry_for(self, article: ReplicaArticle | str) -> Entry:
        slug = article if isinstance(article, str) else article.slug
        return self._store.snapshot.by_slug[slug]

    def url_for(self, article: ReplicaArticle | str, page: int = 1) -> str:
        """The URL of an article (by record or slug); `page` > 1 gives a Disway page URL."""
        entry = self.entry_for(article)
        if page == 1:
            return self.base_url + entry.path
        return f"{self.base_url}{entry.path}/{(page - 1) * self.profile.page_step}"

    # -- faults and log ----------------------------------------------------------
    def inject_fault(self, path_pattern: str, kind: str, times: int | None = 1, *, delay: float = 2.0) -> Fault:
        """Spoil the next `times` requests (None = all) whose path matches the glob (or ^regex)."""
        return self.faults.add(path_pattern, kind, times, delay=delay)

    def clear_faults(self) -> None:
        self.faults.clear()

    @property
    def request_log(self) -> list[LoggedRequest]:
        with self._log_lock:
            return list(self._log)

    def reset_log(self) -> None:
        with self._log_lock:
            self._log.clear()

    def record(self, method: str, path: str, headers: dict[str, str]) -> None:
        with self._log_lock:
            self._log.append(LoggedRequest(method, path, headers))

    # -- rendering ---------------------------------------------------------------
    def render(self, method: str, target: str, base_url: str | None = None) -> Reply:
        """The reply for a request target, before faults and conditional GET.

        `base_url` renders links for another origin (e.g. the real outlet's) without a running server.
        """
        req = Request.parse(method, target, base_url or self.base_url, self._store.snapshot)
        if req.path.startswith(("/uploads/", "/assets/", "/wp-content/", "/img/")):
            if req.path.endswith((".jpg", ".png", ".gif", ".webp")):
                return Reply(body=GIF, content_type="image/gif")
            if req.path.endswith(".css"):
                return Reply(body="body{margin:0}", content_type="text/css; charset=UTF-8")
            if req.path.endswith(".js"):
                return Reply(body="void 0;", content_type="application/javascript; charset=UTF-8")
        if req.path == "/favicon.ico":
            return Reply(body=GIF, content_type="image/gif")
        reply = self.platform.route(req)
        return reply if reply is not None else not_found()
