"""The processing queue: claim new articles (committed lease), judge them, group stories, enqueue alerts."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import sentry_sdk
from sentry_sdk.integrations.logging import ignore_logger
from sqlalchemy import delete, func, or_, select, text, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import Session, sessionmaker

from monitor.db.models import Article, SanctionFinding, Statement, Story
from monitor.logs import redact
from monitor.settings import Settings
from monitor.stories import assign_story
from monitor.text.relevance import judge_relevance
from monitor.text.sanctions import detect_sanction
from monitor.text.statements import extract_statements

log = logging.getLogger(__name__)
ignore_logger(__name__)  # an article given up on is captured explicitly below, with its context, once

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
    """Ids of the next new articles, in id order: a plain read (a lock taken only to read would make
    another worker's claim skip an article nobody is processing); each is claimed on its own below."""
    with sessions() as session, session.begin():
        return list(
            session.scalars(
                select(Article.id).where(Article.state == "new", Article.id > after).order_by(Article.id).limit(size)
            )
        )


def _async_commit(session: Session) -> None:
    """Don't wait for the WAL flush at commit: processing is idempotent and safe to lose.

    If PostgreSQL itself crashes, the last few results may be lost as a whole (never partly): the
    articles are still 'new' and are processed again. An alert enqueued here is durable before it can
    be sent, because the dispatcher's claim is a synchronous commit, which flushes all earlier WAL.
    """
    session.execute(text("SET LOCAL synchronous_commit = off"))


@dataclass(frozen=True, slots=True)
class Claim:
    """A committed attempt on one article: the lease this worker holds on it."""

    article_id: int
    attempt: int
    token: datetime  # the claimed_at written by this claim; the work only goes ahead while it is unchanged


@dataclass(frozen=True, slots=True)
class GaveUp:
    """An article marked failed at its claim: its earlier attempts never finished."""

    article_id: int
    outlet_key: str
    attempts: int
    error: str


def _claim(sessions: sessionmaker[Session], article_id: int, settings: Settings) -> Claim | GaveUp | None:
    """Committed before any work: count the attempt and take the lease; None while another worker holds either.

    An article whose `attempts` already reached the limit was claimed that often without a result (its
    worker died: segfault, OOM killer), so it is marked 'failed' unread.
    """
    lease_free = or_(
        Article.claimed_at.is_(None), Article.claimed_at <= func.now() - timedelta(seconds=settings.process_lease)
    )
    claimable = (Article.id == article_id, Article.state == "new", lease_free)
    limit = settings.process_max_attempts
    with sessions() as session, session.begin():
        _async_commit(session)  # visible to every worker at once; only a PostgreSQL crash could forget it
        row = session.execute(
            update(Article)
            .where(Article.id.in_(
                select(Article.id).where(*claimable, Article.attempts < limit).with_for_update(skip_locked=True)
            ))
            .values(attempts=Article.attempts + 1, claimed_at=func.clock_timestamp())
            .returning(Article.attempts, Article.claimed_at)
            .execution_options(synchronize_session=False)
        ).first()
        if row is not None:
            assert row.claimed_at is not None  # just written
            return Claim(article_id, row.attempts, row.claimed_at)
        article = session.scalars(  # busy, or given up on (conditions on the locked row itself, rechecked)
            select(Article).where(*claimable, Article.attempts >= limit).with_for_update(skip_locked=True)
        ).first()
        if article is None:
            return None
        error = f"gave up after {article.attempts} attempt(s)"
        if article.claimed_at is not None:
            error += ": the last one never finished (the worker process died while processing it)"
        if article.last_error:
            error += f"; earlier: {article.last_error}"
        article.state = "failed"
        article.claimed_at = None
        article.last_error = error[:MAX_ERROR_CHARS]
        article.processed_at = datetime.now(UTC)
        return GaveUp(article.id, article.outlet_key, article.attempts, article.last_error)


def _lock_claimed(session: Session, claim: Claim) -> Article | None:
    """Lock the claimed article for this transaction if it is still new and the lease is still ours.

    Waits rather than skips: another worker's claim attempt can hold the row for a moment (PostgreSQL
    keeps the lock of a row it then finds leased); a worker that took over an expired lease makes the
    wait end in None.
    """
    return session.scalars(
        select(Article)
        .where(Article.id == claim.article_id, Article.state == "new", Article.claimed_at == claim.token)
        .with_for_update()
    ).first()


def _report_failed(article_id: int, outlet_key: str, attempts: int, error: str,
                   exc: BaseException | None = None) -> None:
    """One error line and one Sentry event for an article given up on (`pantau reprocess` retries it)."""
    log.error("article %s (%s) marked failed after %s attempt(s): %s", article_id, outlet_key, attempts, error,
              extra={"article_id": article_id})
    with sentry_sdk.new_scope() as scope:
        scope.set_tag("article_id", str(article_id))
        scope.set_tag("outlet", outlet_key)
        scope.set_context("article", {"id": article_id, "outlet": outlet_key, "attempts": attempts})
        if exc is not None:
            sentry_sdk.capture_exception(exc)
            return
        sentry_sdk.capture_message(f"article {article_id} ({outlet_key}) marked failed after {attempts} "
                                   f"attempt(s): {redact(error)}", level="error")


def _process_one(sessions: sessionmaker[Session], article_id: int, settings: Settings) -> str:
    """Claim one article, then process it in its own transaction: 'done', 'failed', 'retry' or 'busy'.

    'busy': another worker holds it (or held it and died less than PANTAU_PROCESS_LEASE seconds ago).
    """
    claim = _claim(sessions, article_id, settings)
    if claim is None:
        return "busy"
    if isinstance(claim, GaveUp):
        _report_failed(claim.article_id, claim.outlet_key, claim.attempts, claim.error)
        return "failed"
    with sessions() as session:
        try:
            with session.begin():
                _async_commit(session)
                article = _lock_claimed(session, claim)
                if article is None:  # the lease ran out before the lock and another worker took it over
                    return "busy"
                article.claimed_at = None
                process_article(session, article, settings)
            return "done"
        except Exception as exc:  # a poison article is recorded in a new transaction, never blocks the queue
            error = f"{type(exc).__name__}: {exc}"[:MAX_ERROR_CHARS]
            cause = exc
        with session.begin():
            article = _lock_claimed(session, claim)
            if article is None:
                return "busy"
            failed = article.attempts >= settings.process_max_attempts
            article.state = "failed" if failed else "new"
            article.claimed_at = None  # free to retry at once, on the next run
            article.last_error = error
            article.processed_at = datetime.now(UTC)
            outlet_key = article.outlet_key
    if failed:
        _report_failed(article_id, outlet_key, claim.attempt, error, cause)
        return "failed"
    log.warning("article %s failed (attempt %s of %s), will retry: %s", article_id, claim.attempt,
                settings.process_max_attempts, error)
    return "retry"


def process_pending(sessions: sessionmaker[Session], settings: Settings, limit: int | None = None) -> int:
    """Process new articles until none is left (or `limit` were done); returns how many were processed.

    Reads new ids in batches of PANTAU_PROCESS_BATCH. Each article is first claimed in a short committed
    transaction (SELECT ... FOR UPDATE SKIP LOCKED, `attempts` + 1, `claimed_at` lease), then locked again
    and processed in one transaction, so several workers can run at once, nothing is processed twice, and
    a worker that dies mid-article leaves its attempt counted: the article is retried once the lease has
    run out, and marked 'failed' when PANTAU_PROCESS_MAX_ATTEMPTS attempts gave no result.
    """
    processed = 0
    after = 0
    while limit is None or processed < limit:
        ids = _next_batch(sessions, after, settings.process_batch)
        if not ids:
            break
        for article_id in ids:
            if limit is not None and processed >= limit:
                break
            result = _process_one(sessions, article_id, settings)
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
            .values(state="new", attempts=0, claimed_at=None, last_error=None)
            .execution_options(synchronize_session=False)
        )
    return process_pending(sessions, settings)
