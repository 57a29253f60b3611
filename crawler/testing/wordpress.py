"""The WordPress replica (placeholder)."""

from __future__ import annotations

from crawler.testing.article import ReplicaArticle
from crawler.testing.profiles import OutletProfile
from crawler.testing.routing import Reply, Request


class WordPressSite:
    def __init__(self, prof: OutletProfile) -> None:
        self.prof = prof

    def article_path(self, article: ReplicaArticle, post_id: int) -> str:
        return f"/index.php/{article.slug}"

    def route(self, req: Request) -> Reply | None:
        return None
