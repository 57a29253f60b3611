"""The daily digest: once a day at PANTAU_DIGEST_TIME (WIB), a summary of what the monitor saw."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from monitor.alerts.i18n import WIB, parse_time
from monitor.alerts.outbox import enqueue, is_backfilled, outlet_names
from monitor.db.models import Alert, Article, CrawlRun, Outlet, SanctionFinding, Statement, Story
from monitor.db.session import transaction
from monitor.settings import Settings

log = logging.getLogger(__name__)

MAX_WINDOW = timedelta(days=7)
LISTED_MEMORY = timedelta(days=90)
LIST_LIMIT = 30
SPEAKERS = 10


def digest_key(day: str) -> str:
    return f"digest:{day}"


def maybe_enqueue_digest(sessions: sessionmaker[Session], settings: Settings, now: datetime) -> bool:
    """Queue today's digest once it is digest_time in WIB (only with PANTAU_DIGEST_TO). True if queued."""
    if not settings.digest_to:
        return False
    local = now.astimezone(WIB)
    if local.time().replace(tzinfo=None) < settings.digest_time:
        return False
    key = digest_key(local.date().isoformat())
    with transaction(sessions) as session:
        if session.scalar(select(Alert.id).where(Alert.idempotency_key == key)) is not None:
            return False
        previous = session.scalars(
            select(Alert).where(Alert.kind == "digest").order_by(Alert.created_at.desc(), Alert.id.desc()).limit(1)
        ).first()
        since = parse_time((previous.payload or {}).get("until")) if previous else None
        if since is None or since > now or now - since > MAX_WINDOW:
            since = now - timedelta(days=1)
        payload = collect(session, settings, since, now)
        payload["date"] = local.date().isoformat()
        alert = enqueue(session, key=key, kind="digest", recipients=list(settings.digest_to),
                        payload=payload, settings=settings)
    if alert is not None:
        log.info("digest %s queued", key)
    return alert is not None


def _first_links(session: Session, story_ids: list[int]) -> dict[int, tuple[str, list[str]]]:
    """Per story: the first article's URL and the outlets that carried it."""
    names = outlet_names(session)
    out: dict[int, tuple[str, list[str]]] = {}
    if not story_ids:
        return out
    rows = session.execute(
        select(Article.story_id, Article.canonical_url, Article.outlet_key)
        .where(Article.story_id.in_(story_ids))
        .order_by(Article.story_id, Article.published_at.asc().nulls_last(), Article.id)
    ).all()
    for story_id, url, outlet_key in rows:
        if story_id is None:
            continue
        _first, outlets = out.setdefault(story_id, (url, []))
        name = names.get(outlet_key, outlet_key)
        if name not in outlets:
            outlets.append(name)
    return out


def collect(session: Session, settings: Settings, since: datetime, until: datetime) -> dict[str, Any]:
    """Everything the digest shows for the window [since, until)."""
    names = outlet_names(session)
    in_window = Article.fetched_at >= since, Article.fetched_at < until
    counts = dict(session.execute(
        select(Article.outlet_key, func.count())
        .where(*in_window, Article.relevant.is_not(False))
        .group_by(Article.outlet_key)
    ).all())
    health = dict(session.execute(select(Outlet.key, Outlet.health_state)).all())
    outlets: list[dict[str, Any]] = []
    for key in dict.fromkeys([*settings.outlets, *counts]):
        runs = session.execute(
            select(CrawlRun.status).where(CrawlRun.outlet_key == key, CrawlRun.started_at >= since,
                                          CrawlRun.started_at < until)
            .order_by(CrawlRun.started_at.desc())
        ).scalars().all()
        outlets.append({
            "key": key, "name": names.get(key, key), "articles": int(counts.get(key, 0)),
            "runs": len(runs), "failed": sum(1 for s in runs if s in ("failed", "killed", "timeout")),
            "last_status": runs[0] if runs else None, "health": health.get(key, "ok"),
        })

    new_stories = session.scalars(
        select(Story).where(Story.created_at >= since, Story.created_at < until)
        .order_by(Story.created_at).limit(LIST_LIMIT)
    ).all()
    links = _first_links(session, [s.id for s in new_stories])
    stories = [{"id": s.id, "title": s.title, "url": links.get(s.id, ("", []))[0],
                "outlets": links.get(s.id, ("", []))[1], "article_count": s.article_count}
               for s in new_stories]

    update_rows = session.execute(
        select(Article, Story.title)
        .join(Story, Story.id == Article.story_id)
        .where(*in_window, Story.created_at < since)
        .order_by(Article.story_id, Article.id).limit(LIST_LIMIT * 3)
    ).all()
    updates: dict[int, dict[str, Any]] = {}
    for article, story_title in update_rows:
        entry = updates.setdefault(article.story_id or 0, {"story_id": article.story_id, "title": story_title,
                                                           "articles": []})
        entry["articles"].append({"title": article.title, "url": article.canonical_url,
                                  "outlet_name": names.get(article.outlet_key, article.outlet_key)})

    sanctions = _sanctions(session, settings, since, until, names)
    speakers = [
        {"speaker": speaker, "role": role, "count": int(count)}
        for speaker, role, count in session.execute(
            select(Statement.speaker, func.max(Statement.role), func.count())
            .join(Article, Article.id == Statement.article_id)
            .where(*in_window, Statement.speaker.is_not(None), Statement.speaker != "")
            .group_by(Statement.speaker)
            .order_by(func.count().desc(), Statement.speaker).limit(SPEAKERS)
        ).all()
    ]
    return {
        "since": since.isoformat(), "until": until.isoformat(),
        "outlets": outlets, "max_articles": max([int(o["articles"]) for o in outlets] or [0]),
        "new_stories": stories, "updates": list(updates.values())[:LIST_LIMIT],
        "sanctions": sanctions, "speakers": speakers,
        "totals": {"articles": sum(o["articles"] for o in outlets), "stories": len(stories),
                   "sanctions": len(sanctions)},
    }


def listed_before(session: Session, until: datetime) -> set[int]:
    """Stories (or, without a story, negated article ids) already listed by earlier digests."""
    groups: set[int] = set()
    payloads = session.scalars(
        select(Alert.payload).where(Alert.kind == "digest", Alert.created_at > until - LISTED_MEMORY)
    ).all()
    for payload in payloads:
        for entry in (payload or {}).get("sanctions") or []:
            if isinstance(entry.get("story_id"), int):
                groups.add(entry["story_id"])
            elif isinstance(entry.get("article_id"), int):
                groups.add(-entry["article_id"])
    return groups


def _sanctions(session: Session, settings: Settings, since: datetime, until: datetime,
               names: dict[str, str]) -> list[dict[str, Any]]:
    """Sanction reports judged in the window, one per story; back-filled ones are flagged."""
    rows = session.execute(
        select(SanctionFinding, Article)
        .join(Article, Article.id == SanctionFinding.article_id)
        .where(SanctionFinding.report.is_(True), SanctionFinding.created_at >= since,
               SanctionFinding.created_at < until)
        .order_by(SanctionFinding.created_at, SanctionFinding.id)
    ).all()
    alerted = set(session.scalars(select(Alert.story_id).where(Alert.kind == "sanction",
                                                               Alert.story_id.is_not(None))).all())
    out: list[dict[str, Any]] = []
    seen = listed_before(session, until)  # `pantau reprocess` renews findings; list each report once
    for finding, article in rows:
        group = article.story_id if article.story_id is not None else -article.id
        if group in seen:
            continue
        seen.add(group)
        out.append({
            "story_id": article.story_id, "article_id": article.id, "title": article.title,
            "url": article.canonical_url,
            "outlet_name": names.get(article.outlet_key, article.outlet_key),
            "subjects": finding.subjects, "sanction_type": finding.sanction_type, "region": finding.region,
            "published_at": article.published_at.isoformat() if article.published_at else None,
            "backfilled": article.story_id not in alerted and is_backfilled(article, settings),
        })
    return out[:LIST_LIMIT]
