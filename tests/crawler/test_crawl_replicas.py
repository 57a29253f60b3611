"""End to end: each outlet's spider crawls its replica into PostgreSQL, in child processes, over five passes.

Passes: 1 back-fill; 2 nothing new; 3 two new articles; 4 four new articles behind faults (5xx, slow,
truncated, wrong charset); 5 faults gone. All outlets crawl concurrently in each pass.
"""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, func, select

from crawler.testing import (
    ReplicaArticle,
    ReplicaCluster,
    ReplicaSite,
    generate_articles,
    make_sanction_article,
)
from monitor.db.models import Article, CrawlRun, FeedState, RawPage, SeenUrl
from monitor.db.session import make_engine
from monitor.settings import OUTLET_KEYS
from monitor.text.urls import url_key
from tests.conftest import create_database, drop_database

pytestmark = [pytest.mark.slow, pytest.mark.timeout(1200)]
REPO = Path(__file__).resolve().parents[2]
FAULTS = ("http500", "slow", "truncate", "wrong_charset")


@dataclass
class Story:
    """What happened to one outlet across the passes."""

    site: ReplicaSite
    initial: list[ReplicaArticle]
    logs: list[list[str]] = field(default_factory=list)  # request paths per pass, robots.txt left out
    codes: list[int] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    fresh: list[ReplicaArticle] = field(default_factory=list)
    faulty: dict[str, ReplicaArticle] = field(default_factory=dict)
    after_faults: dict[str, str] = field(default_factory=dict)  # fault kind -> seen_urls status after pass 4


def _run_pass(cluster: ReplicaCluster, database_url: str, stories: dict[str, Story]) -> None:
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("PANTAU_")},
        **cluster.env(),
        "DATABASE_URL": database_url,
        "PANTAU_DOWNLOAD_DELAY": "0",
        "PANTAU_AUTOTHROTTLE": "false",
        "PANTAU_CONCURRENT_REQUESTS_PER_DOMAIN": "8",
        "PANTAU_RETRY_BACKOFF": "0.05",
        "PANTAU_LOG_LEVEL": "INFO",
    }
    for story in stories.values():
        story.site.reset_log()
    procs = {
        outlet: subprocess.Popen(
            [sys.executable, "-m", "crawler.run", outlet], cwd=REPO, env=env,
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        )
        for outlet in stories
    }
    for outlet, proc in procs.items():
        try:
            _, stderr = proc.communicate(timeout=280)  # generous: CI machines may be loaded
        except subprocess.TimeoutExpired:
            proc.kill()
            _, stderr = proc.communicate()
            stderr = f"timed out\n{stderr}"
        story = stories[outlet]
        story.codes.append(proc.returncode)
        story.errors.append(stderr[-3000:] if proc.returncode else "")
        story.logs.append([r.path for r in story.site.request_log if r.path != "/robots.txt"])


def _off_topic(outlet: str, now: datetime, seed: int) -> ReplicaArticle:
    article = next(a for a in generate_articles(outlet, 40, seed=seed, now=now) if not a.expected_relevant)
    return replace(article, slug=f"{article.slug}-{seed}", published=now - timedelta(minutes=5), pages=())


@pytest.fixture(scope="module")
def crawled(pg_admin_url: str, template_database: str) -> Iterator[tuple[dict[str, Story], Engine]]:
    name = f"pantau_crawl_{uuid.uuid4().hex[:10]}"
    database_url = create_database(pg_admin_url, name, template=template_database)
    engine = make_engine(database_url, pool_size=1)
    cluster = ReplicaCluster(OUTLET_KEYS)
    cluster.start()
    try:
        stories = {key: Story(cluster[key], list(cluster[key].articles)) for key in OUTLET_KEYS}
        _run_pass(cluster, database_url, stories)  # 1: back-fill
        _run_pass(cluster, database_url, stories)  # 2: nothing new
        now = datetime.now(UTC).replace(microsecond=0)
        for key, story in stories.items():
            story.fresh = [make_sanction_article(key, now=now, seed=11), _off_topic(key, now, 7)]
            for article in story.fresh:
                story.site.publish(article)
        _run_pass(cluster, database_url, stories)  # 3: k = 2 new
        for key, story in stories.items():
            for n, kind in enumerate(FAULTS):
                article = make_sanction_article(key, now=now, seed=101 + n)
                path = story.site.publish(article).removeprefix(story.site.base_url)
                story.faulty[kind] = article
                story.site.inject_fault(path, kind, None if kind == "http500" else 1, delay=1.0)
        _run_pass(cluster, database_url, stories)  # 4: faults
        with engine.connect() as conn:
            for story in stories.values():
                for kind, article in story.faulty.items():
                    key = url_key(story.site.url_for(article))
                    status = conn.execute(select(SeenUrl.status).where(SeenUrl.url_hash == key)).scalar()
                    story.after_faults[kind] = status or "unseen"
                story.site.clear_faults()
        _run_pass(cluster, database_url, stories)  # 5: faults gone
        yield stories, engine
    finally:
        cluster.stop()
        engine.dispose()
        drop_database(pg_admin_url, name)


def _stored(engine: Engine, site: ReplicaSite, article: ReplicaArticle) -> Article | None:
    with engine.connect() as conn:
        row = conn.execute(select(SeenUrl).where(SeenUrl.url_hash == url_key(site.url_for(article)))).first()
        if row is None or row.article_id is None:
            return None
        found: Any = conn.execute(select(Article).where(Article.id == row.article_id)).first()
        return found


def _check_fields(engine: Engine, site: ReplicaSite, article: ReplicaArticle) -> None:
    stored = _stored(engine, site, article)
    assert stored is not None, f"{article.slug} not stored"
    assert stored.body == article.body_text
    assert stored.title == article.title
    assert stored.published_at == article.published
    assert stored.authors == list(article.authors)
    assert stored.tags == list(article.tags)
    assert stored.category == article.category_name
    assert stored.page_count == article.page_count
    assert stored.state == "new"
    assert set(stored.provenance) == {"title", "published", "authors", "body", "tags", "category"}
    with engine.connect() as conn:
        pages = conn.execute(select(RawPage.html_zlib).where(RawPage.article_id == stored.id)).scalars().all()
    assert len(pages) == article.page_count
    assert all(b"</html>" in zlib.decompress(html) for html in pages)  # raw pages stay plain zlib streams


@pytest.mark.parametrize("outlet", OUTLET_KEYS)
def test_every_pass_succeeds(crawled: tuple[dict[str, Story], Engine], outlet: str) -> None:
    stories, engine = crawled
    story = stories[outlet]
    assert story.codes == [0] * 5, story.errors
    with engine.connect() as conn:
        runs = conn.execute(select(CrawlRun).where(CrawlRun.outlet_key == outlet).order_by(CrawlRun.id)).all()
        validators = conn.execute(select(func.count()).where(FeedState.outlet_key == outlet)).scalar()
    assert [r.status for r in runs] == ["ok"] * 5
    assert runs[0].field_coverage == {"title": 1.0, "published": 1.0, "authors": 1.0, "body": 1.0}
    assert runs[0].on_topic > 0 and runs[0].off_topic > 0 and runs[0].host and runs[0].pid
    assert validators and validators >= 1


@pytest.mark.parametrize("outlet", OUTLET_KEYS)
def test_backfill_stores_recent_on_topic_articles(crawled: tuple[dict[str, Story], Engine], outlet: str) -> None:
    stories, engine = crawled
    story = stories[outlet]
    cutoff = datetime.now(UTC) - timedelta(days=365)
    recent = [a for a in story.initial if a.published >= cutoff + timedelta(hours=1)]
    on_topic = [a for a in recent if a.expected_relevant]
    assert on_topic
    bodies = {}
    for article in on_topic:
        if article.body_text in bodies:  # the same text under another URL is stored once
            stored = _stored(engine, story.site, article)
            assert stored is not None and stored.body == article.body_text
            continue
        bodies[article.body_text] = article
        _check_fields(engine, story.site, article)
    with engine.connect() as conn:
        for article in recent:
            if not article.expected_relevant:
                key = url_key(story.site.url_for(article))
                assert conn.execute(select(SeenUrl.status).where(SeenUrl.url_hash == key)).scalar() == "off_topic"
        for article in story.initial:
            if article.published < cutoff - timedelta(hours=1):
                key = url_key(story.site.url_for(article))
                assert conn.execute(select(Article.id).where(Article.url_hash == key)).first() is None
    if story.site.profile.platform == "disway":
        assert any(a.page_count > 1 for a in bodies.values()), "no multi-page article was checked"


@pytest.mark.parametrize("outlet", OUTLET_KEYS)
def test_pass_without_news_costs_at_most_two_requests(
    crawled: tuple[dict[str, Story], Engine], outlet: str
) -> None:
    story = crawled[0][outlet]
    log = story.logs[1]
    assert len(log) <= 2, log
    known_paths = {story.site.url_for(a).removeprefix(story.site.base_url) for a in story.initial}
    assert not known_paths & set(log)


@pytest.mark.parametrize("outlet", OUTLET_KEYS)
def test_new_articles_cost_k_plus_three(crawled: tuple[dict[str, Story], Engine], outlet: str) -> None:
    stories, engine = crawled
    story = stories[outlet]
    extra_pages = sum(a.page_count - 1 for a in story.fresh)
    assert len(story.logs[2]) <= len(story.fresh) + 3 + extra_pages, story.logs[2]
    _check_fields(engine, story.site, story.fresh[0])
    with engine.connect() as conn:
        key = url_key(story.site.url_for(story.fresh[1]))
        assert conn.execute(select(SeenUrl.status).where(SeenUrl.url_hash == key)).scalar() == "off_topic"
    known_paths = {story.site.url_for(a).removeprefix(story.site.base_url) for a in story.initial}
    assert not known_paths & set(story.logs[2])


@pytest.mark.parametrize("outlet", OUTLET_KEYS)
def test_faults_lose_nothing(crawled: tuple[dict[str, Story], Engine], outlet: str) -> None:
    stories, engine = crawled
    story = stories[outlet]
    assert story.after_faults["http500"] == "failed"
    assert story.after_faults["truncate"] == "failed"
    assert story.after_faults["slow"] == "stored"
    assert story.after_faults["wrong_charset"] == "stored"
    for article in story.faulty.values():  # after pass 5 every one is stored, with the right text
        _check_fields(engine, story.site, article)
