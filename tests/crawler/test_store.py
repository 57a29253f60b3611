"""The crawler's database side: idempotent batches, duplicates by content, failures retried up to a cap."""

from __future__ import annotations

import zlib
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import DataError

from crawler.store import MAX_ATTEMPTS, ArticleRow, CrawlStore, SeenRow
from monitor.db.models import Article, CrawlRun, FeedState, Outlet, RawPage, SeenUrl
from monitor.text.urls import canonical_url, url_key


def _row(url: str, body: str, content: str) -> ArticleRow:
    values: dict[str, Any] = {
        "canonical_url": canonical_url(url), "url_hash": url_key(url), "outlet_key": "diksi", "title": "Judul",
        "body": body, "content_hash": content, "authors": [], "tags": [], "provenance": {}, "state": "new",
    }
    page = {"page_no": 1, "url": url, "http_status": 200, "encoding": "utf-8", "html_zlib": b"x"}
    return ArticleRow(url_key(url), canonical_url(url), values, (page,))


def test_batches_are_idempotent_and_dedup_by_content(fresh_database_url: str) -> None:
    store = CrawlStore(fresh_database_url, "diksi")
    try:
        state = store.begin("DIKSI.CO", "wordpress", "http://127.0.0.1:1", None)
        assert state.known == set() and not state.backfilled
        first = _row("http://127.0.0.1:1/index.php/a", "Isi berita.", "c" * 64)
        twin = _row("http://127.0.0.1:1/index.php/a-2", "Isi berita.", "c" * 64)  # same text, other URL
        failing = "http://127.0.0.1:1/index.php/rusak"
        result = store.write([first, twin], [SeenRow(url_key(failing), canonical_url(failing), "failed", "HTTP 500")])
        assert (result.inserted, result.duplicates) == (1, 1)
        again = store.write([first], [SeenRow(url_key(failing), canonical_url(failing), "failed", "HTTP 500")])
        assert (again.inserted, again.already) == (0, 1)
        store.finish(state.run_id, {"status": "ok", "requests": 3}, {"http://127.0.0.1:1/feed/": ('"e1"', None)}, True)

        with store.engine.connect() as conn:
            seen = {r.url_hash: r for r in conn.execute(select(SeenUrl))}
            article_id = conn.execute(select(Article.id)).scalar_one()
            assert conn.execute(select(RawPage.article_id)).scalars().all() == [article_id]
            assert conn.execute(select(FeedState.etag)).scalar_one() == '"e1"'
            assert conn.execute(select(Outlet.backfilled_at)).scalar_one() is not None
            assert conn.execute(select(CrawlRun.status)).scalar_one() == "ok"
        assert seen[first.url_hash].status == "stored" and seen[first.url_hash].article_id == article_id
        assert seen[twin.url_hash].status == "duplicate" and seen[twin.url_hash].article_id == article_id
        assert seen[url_key(failing)].attempts == 2

        state = store.begin("DIKSI.CO", "wordpress", "http://127.0.0.1:1", None)
        assert {first.url_hash, twin.url_hash} <= state.known and url_key(failing) not in state.known
        assert state.retry == [(canonical_url(failing), 2)] and state.backfilled
        assert state.validators == {"http://127.0.0.1:1/feed/": ('"e1"', None)}
        for _ in range(MAX_ATTEMPTS - 2):
            store.write([], [SeenRow(url_key(failing), canonical_url(failing), "failed", "HTTP 500")])
        state = store.begin("DIKSI.CO", "wordpress", "http://127.0.0.1:1", None)
        assert url_key(failing) in state.known and state.retry == []  # given up after MAX_ATTEMPTS
    finally:
        store.close()


def test_batch_columns_round_trip_in_order_and_lengths_are_checked(fresh_database_url: str) -> None:
    store = CrawlStore(fresh_database_url, "diksi")
    try:
        state = store.begin("DIKSI.CO", "wordpress", "http://127.0.0.1:1", None)
        rows = [_row(f"http://127.0.0.1:1/index.php/b{i}", f"Isi {i}.", f"{i:064d}") for i in range(5)]
        published = datetime(2024, 6, 21, 9, 30, tzinfo=timezone(timedelta(hours=8)))
        extra = {"published_at": None, "page_count": 1, "relevance_score": None, "relevant": True,
                 "crawl_run_id": state.run_id, "category": None}  # fmt: skip
        rows = [replace(r, values={**r.values, **extra}) for r in rows]  # one column set for the batch
        rows[2].values.update({
            "published_at": published, "authors": ["Ana", "Budi"], "tags": ["ASN"], "page_count": 2,
            "provenance": {"title": "outlet", "body": "generic"}, "relevance_score": 1, "relevant": None,
        })  # fmt: skip
        html = zlib.compress(b"<html>\x00\xff</html>", 1)
        rows[3] = replace(rows[3], pages=({**rows[3].pages[0], "html_zlib": html, "encoding": "cp1252"},))
        result = store.write(rows, [])
        assert result.inserted == 5
        with store.engine.connect() as conn:
            stored = conn.execute(select(Article.__table__).order_by(Article.id)).all()
            raw = conn.execute(
                select(RawPage.__table__).where(RawPage.article_id == result.article_ids[rows[3].url_hash])
            ).one()
        assert [a.url_hash for a in stored] == [r.url_hash for r in rows]  # ids follow the batch order
        second = stored[2]
        assert (second.published_at, second.authors, second.tags, second.page_count) == (
            published, ["Ana", "Budi"], ["ASN"], 2)
        assert second.provenance == {"title": "outlet", "body": "generic"}
        assert (second.relevance_score, second.relevant, second.category) == (1.0, None, None)
        assert stored[0].published_at is None and stored[0].authors == [] and stored[0].relevant is True
        assert zlib.decompress(raw.html_zlib) == b"<html>\x00\xff</html>" and raw.encoding == "cp1252"

        too_long = _row("http://127.0.0.1:1/index.php/c", "Isi c.", "d" * 65)  # content_hash is varchar(64)
        with pytest.raises(DataError):
            store.write([too_long], [])
        with store.engine.connect() as conn:  # the failed batch left nothing behind
            assert conn.execute(select(func.count()).select_from(Article)).scalar() == 5
    finally:
        store.close()
