"""What `pantau crawl` and `pantau export` run: crawls in child processes, articles as JSON records."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.orm import Session

from crawler.extract.dates import WIB
from crawler.extract.profiles import OUTLETS, profile_for
from monitor.db.models import Article, CrawlRun, Outlet, SanctionFinding, Statement
from monitor.settings import Settings, env_name

Progress = Callable[[str, str], None]


@dataclass(frozen=True)
class CrawlSummary:
    outlet: str
    status: str
    requests: int = 0
    new_articles: int = 0
    on_topic: int = 0
    off_topic: int = 0
    errors: int = 0
    field_coverage: dict[str, float] = field(default_factory=dict)
    exit_code: int | None = None
    seconds: float = 0.0
    error_message: str | None = None

    @property
    def ok(self) -> bool:
        return self.status == "ok" and self.exit_code == 0


def settings_env(settings: Settings, database_url: str) -> dict[str, str]:
    """Environment variables that make a child process load the same settings."""
    env: dict[str, str] = {}
    for name in Settings.model_fields:
        value = getattr(settings, name)
        if value is None:
            continue
        if isinstance(value, list):
            value = ",".join(str(v) for v in value)
        elif hasattr(value, "total_seconds"):
            value = str(value.total_seconds())
        elif isinstance(value, bool):
            value = "true" if value else "false"
        env[env_name(name)] = str(value)
    env["DATABASE_URL"] = database_url
    env.pop("PANTAU_DATABASE_URL", None)
    return env


def _prepare_run(session: Session, settings: Settings, outlet: str) -> int:
    meta = OUTLETS[outlet]
    session.execute(
        pg_insert(Outlet)
        .values(key=outlet, name=meta.name, platform=meta.platform, base_url=settings.base_url(outlet))
        .on_conflict_do_update(index_elements=[Outlet.key], set_={"base_url": settings.base_url(outlet)})
    )
    return int(session.execute(insert(CrawlRun).values(outlet_key=outlet).returning(CrawlRun.id)).scalar_one())


def crawl_outlets(
    settings: Settings, outlets: Sequence[str], progress: Progress | None = None, *, parallel: int = 3
) -> list[CrawlSummary]:
    """One pass of each outlet, each in its own `python -m crawler.run` child; summaries in `outlets` order."""
    from monitor.db.runtime import open_database

    say = progress or (lambda outlet, message: None)
    summaries: dict[str, CrawlSummary] = {}
    with open_database(settings, migrate=True, pool_size=1) as db:
        env = {**os.environ, **settings_env(settings, db.url)}
        with db.sessions() as session, session.begin():
            run_ids = {outlet: _prepare_run(session, settings, outlet) for outlet in outlets}
        waiting = list(outlets)
        running: dict[str, tuple[subprocess.Popen[bytes], float]] = {}
        while waiting or running:
            while waiting and len(running) < max(1, parallel):
                outlet = waiting.pop(0)
                command = [sys.executable, "-m", "crawler.run", outlet, "--crawl-run-id", str(run_ids[outlet])]
                say(outlet, "started")
                running[outlet] = (subprocess.Popen(command, env=env, stdin=subprocess.DEVNULL), time.monotonic())
            for outlet, (process, started) in list(running.items()):
                code = process.poll()
                if code is None:
                    continue
                del running[outlet]
                summaries[outlet] = _summary(db.sessions, outlet, run_ids[outlet], code, time.monotonic() - started)
                say(outlet, f"finished: {summaries[outlet].status}")
            time.sleep(0.1)
    return [summaries[outlet] for outlet in outlets]


def _summary(sessions: Any, outlet: str, run_id: int, code: int, seconds: float) -> CrawlSummary:
    with sessions() as session, session.begin():
        run = session.get(CrawlRun, run_id)
        if run is None:
            return CrawlSummary(outlet, "failed", exit_code=code, seconds=seconds)
        if run.status == "running":  # the child died before recording its end
            run.status = "failed"
            run.error_message = f"crawl process exited with code {code}"
        return CrawlSummary(
            outlet, run.status, run.requests, run.new_articles, run.on_topic, run.off_topic, run.errors,
            dict(run.field_coverage or {}), code, round(seconds, 1), run.error_message,
        )


def format_summaries(summaries: Sequence[CrawlSummary]) -> str:
    """The per-outlet table `pantau crawl` prints."""
    lines = [f"{'outlet':<16} {'status':<7} {'requests':>8} {'new':>5} {'on-topic':>8} {'errors':>6}  coverage"]
    for s in summaries:
        cover = " ".join(f"{k}={v:.0%}" for k, v in sorted(s.field_coverage.items())) or "-"
        lines.append(
            f"{s.outlet:<16} {s.status:<7} {s.requests:>8} {s.new_articles:>5} {s.on_topic:>8} {s.errors:>6}  {cover}"
        )
    return "\n".join(lines)


def crawl_command(settings: Settings, outlets: Sequence[str]) -> int:
    """`pantau crawl [OUTLET...]`: crawl, print the table; 0 when every outlet crawled."""
    summaries = crawl_outlets(
        settings, outlets, progress=lambda outlet, message: print(f"{outlet}: {message}", file=sys.stderr)
    )
    print(format_summaries(summaries))
    for s in summaries:
        if not s.ok and s.error_message:
            print(f"{s.outlet}: {s.error_message}", file=sys.stderr)
    return 0 if all(s.ok for s in summaries) else 1


def export_articles(session: Session, since: datetime | None = None) -> Iterator[dict[str, Any]]:
    """Stored articles as JSON-ready dicts, oldest first (published since `since`, when given)."""
    query = select(Article).order_by(Article.published_at.asc().nulls_first(), Article.id)
    if since is not None:
        query = query.where(Article.published_at >= since)
    for chunk in session.scalars(query.execution_options(yield_per=500)).partitions():
        ids = [article.id for article in chunk]
        statements: dict[int, list[Statement]] = {}
        for statement in session.scalars(
            select(Statement).where(Statement.article_id.in_(ids)).order_by(Statement.position)
        ):
            statements.setdefault(statement.article_id, []).append(statement)
        findings = {
            f.article_id: f
            for f in session.scalars(select(SanctionFinding).where(SanctionFinding.article_id.in_(ids)))
        }
        for article in chunk:
            yield _record(article, statements.get(article.id, []), findings.get(article.id))


def _record(article: Article, statements: list[Statement], finding: SanctionFinding | None) -> dict[str, Any]:
    tz = profile_for(article.outlet_key).timezone if article.outlet_key in OUTLETS else WIB
    return {
        "url": article.canonical_url,
        "outlet": article.outlet_key,
        "title": article.title,
        "published": article.published_at.astimezone(tz).isoformat() if article.published_at else None,
        "authors": list(article.authors or []),
        "body": article.body,
        "pages": article.page_count,
        "tags": list(article.tags or []),
        "category": article.category,
        "relevant": article.relevant,
        "story_id": article.story_id,
        "statements": [
            {"quote": s.quote, "speaker": s.speaker, "role": s.role, "verb": s.verb, "kind": s.kind}
            for s in statements
        ],
        "sanction": None if finding is None else {
            "report": finding.report, "kind": finding.kind, "subjects": finding.subjects,
            "count": finding.count, "sanction_type": finding.sanction_type, "violation": finding.violation,
            "authority": finding.authority, "region": finding.region, "evidence": finding.evidence,
            "score": finding.score,
        },
    }
