"""The crawler's database side: run bookkeeping, known URLs, validators and batched article writes."""

from __future__ import annotations

import os
import socket
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Engine, Table, func, insert, select, text, update
from sqlalchemy.dialects.postgresql import insert as pg_insert

from crawler.bulk import insert_rows
from monitor.db.models import Article, CrawlRun, FeedState, Outlet, RawPage, SeenUrl
from monitor.db.session import make_engine

MAX_ATTEMPTS = 5  # a failing URL is retried on this many passes, then left alone
ARTICLES, RAW_PAGES, SEEN_URLS = (cast(Table, m.__table__) for m in (Article, RawPage, SeenUrl))
# a URL seen again: its latest status; `attempts` counts the failed passes
_SEEN_UPSERT = (
    "ON CONFLICT (url_hash) DO UPDATE SET status = EXCLUDED.status, article_id = EXCLUDED.article_id, "
    "last_error = EXCLUDED.last_error, last_seen = now(), "
    "attempts = CASE WHEN EXCLUDED.status = 'failed' THEN seen_urls.attempts + 1 ELSE seen_urls.attempts END"
)


@dataclass
class CrawlState:
    """What a pass starts from."""

    run_id: int
    known: set[str]  # url_keys never to request again
    retry: list[tuple[str, int]]  # failed URLs to try again, with attempts so far
    validators: dict[str, tuple[str | None, str | None]]  # url -> (etag, last_modified)
    backfilled: bool


@dataclass(frozen=True)
class ArticleRow:
    url_hash: str
    canonical_url: str
    values: dict[str, Any]  # articles columns
    pages: tuple[dict[str, Any], ...]  # raw_pages columns without article_id


@dataclass(frozen=True)
class SeenRow:
    url_hash: str
    canonical_url: str
    status: str  # stored | duplicate | off_topic | old | failed
    error: str | None = None


@dataclass
class BatchResult:
    inserted: int = 0
    duplicates: int = 0
    already: int = 0
    article_ids: dict[str, int] = field(default_factory=dict)


class CrawlStore:
    """Opened per crawl process; every method is one transaction (call them off the reactor thread)."""

    def __init__(self, database_url: str, outlet: str) -> None:
        self.database_url = database_url
        self.outlet = outlet
        self._engine: Engine | None = None

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            self._engine = make_engine(
                self.database_url, pool_size=2, application_name=f"pantau-crawl-{self.outlet}"
            )
        return self._engine

    def begin(self, name: str, platform: str, base_url: str, run_id: int | None) -> CrawlState:
        with self.engine.begin() as conn:
            conn.execute(
                pg_insert(Outlet)
                .values(key=self.outlet, name=name, platform=platform, base_url=base_url)
                .on_conflict_do_update(
                    index_elements=[Outlet.key],
                    set_={"name": name, "platform": platform, "base_url": base_url},
                )
            )
            values = {"status": "running", "host": socket.gethostname()[:255], "pid": os.getpid()}
            if run_id is not None:
                found = conn.execute(
                    update(CrawlRun).where(CrawlRun.id == run_id).values(**values).returning(CrawlRun.id)
                ).scalar()
                run_id = found
            if run_id is None:
                run_id = conn.execute(
                    insert(CrawlRun).values(outlet_key=self.outlet, **values).returning(CrawlRun.id)
                ).scalar_one()
            known = set(
                conn.execute(
                    select(SeenUrl.url_hash).where(
                        SeenUrl.outlet_key == self.outlet,
                        (SeenUrl.status != "failed") | (SeenUrl.attempts >= MAX_ATTEMPTS),
                    )
                ).scalars()
            )
            known.update(
                conn.execute(select(Article.url_hash).where(Article.outlet_key == self.outlet)).scalars()
            )
            retry = [
                (url, attempts)
                for url, attempts in conn.execute(
                    select(SeenUrl.canonical_url, SeenUrl.attempts).where(
                        SeenUrl.outlet_key == self.outlet,
                        SeenUrl.status == "failed",
                        SeenUrl.attempts < MAX_ATTEMPTS,
                    )
                ).all()
            ]
            validators = {
                url: (etag, modified)
                for url, etag, modified in conn.execute(
                    select(FeedState.url, FeedState.etag, FeedState.last_modified).where(
                        FeedState.outlet_key == self.outlet
                    )
                ).all()
            }
            backfilled = (
                conn.execute(select(Outlet.backfilled_at).where(Outlet.key == self.outlet)).scalar()
                is not None
            )
        assert run_id is not None
        return CrawlState(run_id, known, retry, validators, backfilled)

    def write(self, articles: Sequence[ArticleRow], seen: Sequence[SeenRow]) -> BatchResult:
        """Store a batch: new articles once (by URL and by content), raw pages, and every URL's status."""
        result = BatchResult()
        seen_rows: dict[str, dict[str, Any]] = {}
        with self.engine.begin() as conn:
            unique: dict[str, ArticleRow] = {}
            hashes: set[str] = set()
            for row in articles:
                if row.url_hash in unique or row.values["content_hash"] in hashes:
                    continue
                unique[row.url_hash] = row
                hashes.add(row.values["content_hash"])
            if unique:
                inserted = insert_rows(
                    conn, ARTICLES, [row.values for row in unique.values()],
                    "ON CONFLICT DO NOTHING RETURNING id, url_hash",
                ).all()
                result.article_ids = {row.url_hash: row.id for row in inserted}
                result.inserted = len(inserted)
                pages = [
                    {**page, "article_id": result.article_ids[row.url_hash]}
                    for row in unique.values()
                    if row.url_hash in result.article_ids
                    for page in row.pages
                ]
                if pages:
                    insert_rows(conn, RAW_PAGES, pages, "ON CONFLICT DO NOTHING")
            leftovers = [row for row in articles if row.url_hash not in result.article_ids]
            if leftovers:
                by_url = dict(
                    conn.execute(
                        select(Article.url_hash, Article.id).where(
                            Article.url_hash.in_([r.url_hash for r in leftovers])
                        )
                    ).all()
                )
                by_content = dict(
                    conn.execute(
                        select(Article.content_hash, Article.id).where(
                            Article.content_hash.in_([r.values["content_hash"] for r in leftovers])
                        )
                    ).all()
                )
                for row in leftovers:
                    if row.url_hash in by_url:
                        result.already += 1
                        seen_rows[row.url_hash] = self._seen(
                            row.url_hash, row.canonical_url, "stored", by_url[row.url_hash]
                        )
                    elif row.values["content_hash"] in by_content:
                        result.duplicates += 1
                        seen_rows[row.url_hash] = self._seen(
                            row.url_hash,
                            row.canonical_url,
                            "duplicate",
                            by_content[row.values["content_hash"]],
                        )
            for url_hash, article_id in result.article_ids.items():
                seen_rows[url_hash] = self._seen(
                    url_hash, unique[url_hash].canonical_url, "stored", article_id
                )
            for item in seen:
                if item.url_hash not in seen_rows:
                    seen_rows[item.url_hash] = self._seen(
                        item.url_hash, item.canonical_url, item.status, None, item.error
                    )
            if seen_rows:
                insert_rows(conn, SEEN_URLS, list(seen_rows.values()), _SEEN_UPSERT)
        return result

    def _seen(
        self, url_hash: str, canonical: str, status: str, article_id: int | None, error: str | None = None
    ) -> dict[str, Any]:
        return {
            "url_hash": url_hash, "canonical_url": canonical, "outlet_key": self.outlet, "status": status,
            "article_id": article_id, "last_error": (error or None) and error[:2000], "attempts": 1,
        }

    def finish(
        self,
        run_id: int,
        summary: dict[str, Any],
        validators: dict[str, tuple[str | None, str | None]],
        backfilled: bool,
    ) -> None:
        with self.engine.begin() as conn:
            conn.execute(
                update(CrawlRun).where(CrawlRun.id == run_id).values(finished_at=func.now(), **summary)
            )
            if validators:
                stmt = pg_insert(FeedState)
                conn.execute(
                    stmt.on_conflict_do_update(
                        index_elements=[FeedState.url],
                        set_={"etag": stmt.excluded.etag, "last_modified": stmt.excluded.last_modified,
                              "updated_at": func.now()},
                    ),
                    [{"url": url, "outlet_key": self.outlet, "etag": etag, "last_modified": modified}
                     for url, (etag, modified) in validators.items()],
                )
            if backfilled:
                conn.execute(
                    update(Outlet)
                    .where(Outlet.key == self.outlet, Outlet.backfilled_at.is_(None))
                    .values(backfilled_at=func.now())
                )

    def ping(self) -> None:
        with self.engine.connect() as conn:
            conn.execute(text("SELECT 1"))

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None


def now_utc() -> datetime:
    from datetime import UTC

    return datetime.now(UTC)
