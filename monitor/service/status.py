"""`pantau status`: the state of outlets, crawls, stories and alerts, as data."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from monitor.db.models import Alert, Article, CrawlRun, Outlet, ServiceLeader, Story
from monitor.settings import Settings


def leader_stale_seconds(settings: Settings) -> int:
    """A leader whose heartbeat (every 5 s) is older than this is not shown: it is dead or cut off."""
    return max(30, 3 * settings.leader_takeover_seconds)


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def collect_status(sessions: sessionmaker[Session], settings: Settings) -> dict[str, Any]:
    with sessions() as session:
        leader_row = session.get(ServiceLeader, 1)
        stale_after = leader_stale_seconds(settings)
        fresh = leader_row is not None and bool(
            session.scalar(select(func.now() - ServiceLeader.heartbeat_at <= timedelta(seconds=stale_after))
                           .where(ServiceLeader.id == 1))
        )
        leader = (
            {"pid": leader_row.pid, "host": leader_row.host, "since": _iso(leader_row.since),
             "heartbeat_at": _iso(leader_row.heartbeat_at)}
            if leader_row is not None and fresh
            else None
        )
        known = {o.key: o for o in session.scalars(select(Outlet))}
        outlets = []
        for key in settings.outlets:
            outlet = known.get(key)
            last = session.scalars(
                select(CrawlRun).where(CrawlRun.outlet_key == key).order_by(CrawlRun.id.desc()).limit(1)
            ).first()
            outlets.append(
                {
                    "key": key,
                    "base_url": settings.base_url(key),
                    "health": outlet.health_state if outlet else None,
                    "last_crawl": None
                    if last is None
                    else {
                        "started_at": _iso(last.started_at),
                        "finished_at": _iso(last.finished_at),
                        "status": last.status,
                        "requests": last.requests,
                        "new_articles": last.new_articles,
                        "field_coverage": last.field_coverage,
                    },
                    "next_run": _iso(outlet.next_crawl_at) if outlet else None,
                    "poll_interval": outlet.poll_interval if outlet else None,
                }
            )
        alerts = dict(session.execute(select(Alert.status, func.count()).group_by(Alert.status)).all())
        return {
            "leader": leader,
            "outlets": outlets,
            "articles": session.scalar(select(func.count()).select_from(Article)) or 0,
            "stories": session.scalar(select(func.count()).select_from(Story)) or 0,
            "alerts": {s: int(alerts.get(s, 0)) for s in ("pending", "sent", "dead")},
        }


def render_status(status: dict[str, Any]) -> str:
    lines = []
    leader = status["leader"]
    lines.append(
        f"leader: pid {leader['pid']} on {leader['host']} since {leader['since']}" if leader else "leader: none"
    )
    lines.append(f"{'outlet':<16} {'last crawl':<26} {'status':<10} {'new':>5} {'next run':<26}")
    for outlet in status["outlets"]:
        last = outlet["last_crawl"] or {}
        lines.append(
            f"{outlet['key']:<16} {str(last.get('started_at') or '-')[:25]:<26} "
            f"{last.get('status') or '-':<10} {last.get('new_articles', '-')!s:>5} "
            f"{str(outlet['next_run'] or '-')[:25]:<26}"
        )
    alerts = status["alerts"]
    lines.append(
        f"articles: {status['articles']}  stories: {status['stories']}  "
        f"alerts: {alerts['pending']} pending, {alerts['sent']} sent, {alerts['dead']} dead"
    )
    return "\n".join(lines)
