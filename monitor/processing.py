"""The processing queue: claim new articles, judge them, group stories, enqueue alerts, one transaction each."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import delete, func, select, text, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import Session, sessionmaker

from monitor.db.models import Article, SanctionFinding, Statement, Story
from monitor.settings import Settings
from monitor.stories import assign_story
from monitor.text.relevance import judge_relevance
from monitor.text.sanctions import detect_sanction
from monitor.text.statements import extract_statements

log = logging.getLogger(__name__)

MAX_ERROR_CHARS = 2000


@dataclass(frozen=True, slots=True)
class Outcome:
    """What processing one article decided."""

    article_id: int
    story_id: int
    relevant: bool
    statements: int
    sanction_report: bool
    alerted: bool


def _text(value: Any, limit: int | None = None) -> str | None:
    """A finding field as text: sequences joined, None kept, long values cut."""
    if value is None:
        return None
    if isinstance(value, list | tuple | set | frozenset):
        value = "; ".join(str(v) for v in value if v not in (None, ""))
    result = str(value).replace("\x00", "")
    if not result:
        return None
    return result[:limit] if limit else result


def _store_statements(session: Session, article: Article) -> list[Any]:
    found = extract_statements(article.body, title=article.title)
    session.execute(delete(Statement).where(Statement.article_id == article.id))
    if found:
        session.execute(
            insert(Statement),
            [
                {
                    "article_id": article.id,
                    "position": i,
                    "quote": _text(s.quote) or "",
                    "speaker": _text(s.speaker),
                    "role": _text(s.role),
                    "verb": _text(s.verb, 64),
                    "kind": _text(s.kind, 16) or "direct",
                }
                for i, s in enumerate(found)
            ],
        )
    return list(found)


def _store_finding(session: Session, article: Article) -> bool:
    finding = detect_sanction(article.title or "", article.body, article.published_at)
    values = {
        "report": bool(finding.report),
        "kind": _text(finding.kind, 16),
        "subjects": _text(finding.subjects),
        "count": finding.count if isinstance(finding.count, int) else None,
        "sanction_type": _text(finding.sanction_type),
        "violation": _text(finding.violation),
        "authority": _text(finding.authority),
        "region": _text(finding.region),
        "evidence": _text(finding.evidence),
        "score": float(finding.score) if finding.score is not None else None,
    }
    stmt = insert(SanctionFinding).values(article_id=article.id, **values)
    session.execute(
        stmt.on_conflict_do_update(index_elements=[SanctionFinding.article_id], set_={**values, "created_at": func.now()})
    )
    return bool(finding.report)


def _enqueue_alert(session: Session, story: Story, article: Article, settings: Settings) -> bool:
    try:
        from monitor.alerts.outbox import enqueue_story_alert
    except ImportError:  # the outbox is optional for tools that only judge and group
        log.debug("monitor.alerts.outbox not available; no alert for story %s", story.id)
        return False
    return enqueue_story_alert(session, story, article, settings) is not None


def process_article(session: Session, article: Article, settings: Settings) -> Outcome:
    """Judge one claimed article and store every result, inside the caller's transaction."""
    relevance = judge_relevance(article.title, article.body)
    article.relevant = bool(relevance.relevant)
    article.relevance_score = float(relevance.score)
    article.state = "done"  # written with the story id in one UPDATE; rolled back with everything on error
    article.processed_at = datetime.now(UTC)
    article.last_error = None
    statements = _store_statements(session, article)
    report = _store_finding(session, article)
    quotes = [s.quote for s in statements if getattr(s, "kind", "direct") == "direct" and s.quote]
    story = assign_story(session, article, quotes, timedelta(days=settings.story_window_days))
    alerted = _enqueue_alert(session, story, article, settings) if report and story.sanction_report else False
    return Outcome(article.id, story.id, bool(article.relevant), len(statements), report, alerted)


def _next_batch(sessions: sessionmaker[Session], after: int, size: int) -> list[int]:
    """Ids of the next new articles, in id order: a plain read, each is claimed on its own below.

    No row is locked here: a lock taken only to read would make another worker's claim skip
    an article that nobody is processing.
    """
    with sessions() as session, session.begin():
        return list(
            session.scalars(
                select(Article.id).where(Article.state == "new", Article.id > after).order_by(Article.id).limit(size)
            )
        )


def _claim(session: Session, article_id: int) -> Article | None:
    """Lock one article for this transaction if it is still new and no other worker holds it."""
    return session.scalars(
        select(Article).where(Article.id == article_id, Article.state == "new").with_for_update(skip_locked=True)
    ).first()


def _async_commit(session: Session) -> None:
    """Don't wait for the WAL flush at commit: processing is idempotent and safe to lose.

    If PostgreSQL itself crashes, the last few results may be lost as a whole (never partly): the
    articles are still 'new' and are processed again. An alert enqueued here is durable before it can
    be sent, because the dispatcher's claim is a synchronous commit, which flushes all earlier WAL.
    """
    session.execute(text("SET LOCAL synchronous_commit = off"))


def _process_one(sessions: sessionmaker[Session], article_id: int, settings: Settings, max_attempts: int) -> str:
    """Process one article in its own transaction: 'done', 'failed', 'retry', or 'busy' (another worker has it)."""
    with sessions() as session:
        try:
            with session.begin():
                _async_commit(session)
                article = _claim(session, article_id)
                if article is None:
                    return "busy"
                article.attempts += 1
                process_article(session, article, settings)
            return "done"
        except Exception as exc:  # a poison article is recorded in a new transaction, never blocks the queue
            error = f"{type(exc).__name__}: {exc}"[:MAX_ERROR_CHARS]
            cause = exc
        with session.begin():
            article = _claim(session, article_id)
            if article is None:
                return "busy"
            article.attempts += 1
            failed = article.attempts >= max_attempts
            article.state = "failed" if failed else "new"
            article.last_error = error
            article.processed_at = datetime.now(UTC)
            log.warning("article %s failed (attempt %s of %s): %s", article_id, article.attempts, max_attempts,
                        error, exc_info=cause if failed else None)
            return "failed" if failed else "retry"


def process_pending(sessions: sessionmaker[Session], settings: Settings, limit: int | None = None) -> int:
    """Process new articles until none is left (or `limit` were done); returns how many were processed.

    Reads new ids in batches of PANTAU_PROCESS_BATCH; each article is then claimed with
    SELECT ... FOR UPDATE SKIP LOCKED (still 'new') and processed in one transaction, so several
    workers can run at once, a crash loses nothing and nothing is processed twice.
    An article that fails is retried on later runs, then marked 'failed' after
    PANTAU_PROCESS_MAX_ATTEMPTS attempts.
    """
    max_attempts = settings.process_max_attempts
    processed = 0
    after = 0
    while limit is None or processed < limit:
        ids = _next_batch(sessions, after, settings.process_batch)
        if not ids:
            break
        for article_id in ids:
            if limit is not None and processed >= limit:
                break
            result = _process_one(sessions, article_id, settings, max_attempts)
            processed += result in ("done", "failed")  # 'busy': another worker holds it and will finish it
        after = ids[-1]
    if processed:
        log.info("processed %s article(s)", processed)
    return processed


def reprocess_all(sessions: sessionmaker[Session], settings: Settings) -> int:
    """Judge every stored article again (after a rule change); stories and alerts stay idempotent."""
    with sessions() as session, session.begin():
        session.execute(
            update(Article)
            .values(state="new", attempts=0, last_error=None)
            .execution_options(synchronize_session=False)
        )
    return process_pending(sessions, settings)
