"""The transactional outbox: alerts are rows written in the same transaction as what caused them."""

from __future__ import annotations

import hashlib
import logging
import re
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import Session

from monitor.db.models import Alert, Article, Outlet, SanctionFinding, Statement, Story
from monitor.settings import Settings

log = logging.getLogger(__name__)

FINDING_FIELDS = ("kind", "subjects", "count", "sanction_type", "violation", "authority", "region", "evidence")
MAX_STATEMENTS = 6
MAX_ARTICLES = 30


def story_key(story_id: int) -> str:
    return f"story:{story_id}:sanction"


def message_id_for(key: str, sender: str) -> str:
    """A stable Message-ID derived from the idempotency key, so a resent alert can be deduplicated."""
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]
    domain = sender.rpartition("@")[2] if "@" in sender else ""
    domain = re.sub(r"[^A-Za-z0-9.-]", "", domain).strip(".") or "pantau.invalid"
    return f"<pantau.{digest}@{domain}>"


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def enqueue(
    session: Session,
    *,
    key: str,
    kind: str,
    recipients: list[str],
    payload: dict[str, Any],
    settings: Settings,
    story_id: int | None = None,
    outlet_key: str | None = None,
) -> Alert | None:
    """Insert one alert unless its idempotency key exists; returns the new row or None."""
    stmt = (
        insert(Alert)
        .values(
            idempotency_key=key,
            kind=kind,
            story_id=story_id,
            outlet_key=outlet_key,
            status="pending",
            message_id=message_id_for(key, settings.alert_from),
            recipients=list(recipients),
            payload=payload,
        )
        .on_conflict_do_nothing(index_elements=["idempotency_key"])
        .returning(Alert.id)
    )
    new_id = session.execute(stmt).scalar()
    if new_id is None:
        log.debug("alert %s already in the outbox", key)
        return None
    log.info("alert %s queued (%s)", key, kind)
    return session.get(Alert, new_id)


def outlet_names(session: Session) -> dict[str, str]:
    return {key: name for key, name in session.execute(select(Outlet.key, Outlet.name)).all()}


def story_articles(session: Session, story_id: int) -> list[dict[str, Any]]:
    """Every outlet and link of a story, oldest first."""
    names = outlet_names(session)
    rows = session.scalars(
        select(Article)
        .where(Article.story_id == story_id)
        .order_by(Article.published_at.asc().nulls_last(), Article.id)
        .limit(MAX_ARTICLES)
    ).all()
    return [
        {
            "article_id": a.id,
            "outlet_key": a.outlet_key,
            "outlet_name": names.get(a.outlet_key, a.outlet_key),
            "title": a.title,
            "url": a.canonical_url,
            "published_at": _iso(a.published_at),
            "fetched_at": _iso(a.fetched_at),
        }
        for a in rows
    ]


def _finding(session: Session, story: Story, article: Article) -> SanctionFinding | None:
    own = session.scalar(select(SanctionFinding).where(SanctionFinding.article_id == article.id))
    if own is not None and own.report:
        return own
    return session.scalars(
        select(SanctionFinding)
        .join(Article, Article.id == SanctionFinding.article_id)
        .where(Article.story_id == story.id, SanctionFinding.report.is_(True))
        .order_by(SanctionFinding.id)
        .limit(1)
    ).first() or own


def key_statements(session: Session, story_id: int, first_article_id: int) -> list[dict[str, Any]]:
    """Direct quotes with a speaker first, the sanction article's own first."""
    rows = session.scalars(
        select(Statement)
        .join(Article, Article.id == Statement.article_id)
        .where(Article.story_id == story_id)
        .order_by(Statement.article_id != first_article_id, Statement.article_id, Statement.position)
        .limit(100)
    ).all()
    ranked = sorted(rows, key=lambda s: (s.kind != "direct", not s.speaker))
    chosen: list[dict[str, Any]] = []
    seen: set[str] = set()
    for s in ranked:
        norm = " ".join(s.quote.split()).lower()
        if not norm or norm in seen:
            continue
        seen.add(norm)
        chosen.append({"speaker": s.speaker, "role": s.role, "quote": s.quote, "kind": s.kind})
        if len(chosen) >= MAX_STATEMENTS:
            break
    return chosen


def is_backfilled(article: Article, settings: Settings) -> bool:
    """Published longer than alert_max_age before it was fetched: listed in the digest, no alert."""
    if article.published_at is None:
        return False
    fetched = article.fetched_at or datetime.now(UTC)
    published = article.published_at
    if published.tzinfo is None:
        published = published.replace(tzinfo=UTC)
    if fetched.tzinfo is None:
        fetched = fetched.replace(tzinfo=UTC)
    return fetched - published > settings.alert_max_age


def story_payload(session: Session, story: Story, article: Article) -> dict[str, Any]:
    finding = _finding(session, story, article)
    details = {name: getattr(finding, name) for name in FINDING_FIELDS} if finding else {}
    articles = story_articles(session, story.id)
    if not any(a["article_id"] == article.id for a in articles):
        names = outlet_names(session)
        articles.append(
            {"article_id": article.id, "outlet_key": article.outlet_key,
             "outlet_name": names.get(article.outlet_key, article.outlet_key), "title": article.title,
             "url": article.canonical_url, "published_at": _iso(article.published_at),
             "fetched_at": _iso(article.fetched_at)}
        )
    return {
        "story_id": story.id,
        "article_id": article.id,
        "title": article.title or story.title,
        "finding": details,
        "statements": key_statements(session, story.id, article.id),
        "articles": articles,
        "published_at": _iso(article.published_at),
    }


def enqueue_story_alert(session: Session, story: Story, article: Article, settings: Settings) -> Alert | None:
    """Queue the one sanction alert of a story, in the caller's transaction.

    Returns None when the story already has its alert or the article was back-filled
    (published more than PANTAU_ALERT_MAX_AGE before it was fetched); the digest lists those.
    """
    session.flush()
    if is_backfilled(article, settings):
        log.info("story %s: article %s is back-filled, listed in the digest instead of alerting",
                 story.id, article.id)
        return None
    return enqueue(
        session,
        key=story_key(story.id),
        kind="sanction",
        recipients=list(settings.alert_to),
        payload=story_payload(session, story, article),
        settings=settings,
        story_id=story.id,
        outlet_key=article.outlet_key,
    )
