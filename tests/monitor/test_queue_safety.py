"""Crash and concurrency: a SIGKILLed worker loses nothing, two workers never process an article twice."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import sentry_sdk
from sqlalchemy import func, select, text
from sqlalchemy.orm import Session, sessionmaker

from monitor.db.models import Article, SanctionFinding, Statement, Story
from monitor.db.session import make_engine, make_sessionmaker, transaction
from monitor.errortracking import init_sentry
from monitor.processing import process_pending, reprocess_all
from monitor.settings import Settings
from monitor.stories import assign_story
from tests.conftest import REPO_ROOT, create_database, drop_database
from tests.monitor.factory import add_articles, add_outlets, article_values, corpus, news_text, republished
from tests.sentry_sink import sentry_sink

WINDOW = timedelta(days=14)


def _load(url: str, rows: list[dict[str, Any]]) -> sessionmaker[Session]:
    sessions = make_sessionmaker(make_engine(url))
    with transaction(sessions) as session:
        add_outlets(session)
        add_articles(session, rows)
    return sessions


def _state(session: Session) -> dict[str, Any]:
    """Everything that must come out the same however the queue was run, keyed by URL."""
    url = {i: u for i, u in session.execute(select(Article.id, Article.canonical_url))}
    groups: dict[int | None, set[str]] = {}
    for article_id, story_id in session.execute(select(Article.id, Article.story_id)):
        groups.setdefault(story_id, set()).add(url[article_id])
    counts = dict(session.execute(select(Story.id, Story.article_count)).all())
    assert counts == {sid: len(members) for sid, members in groups.items()}, "story counts match members"
    stmts = session.execute(select(Statement.article_id, Statement.position, Statement.quote)).all()
    assert len({(a, p) for a, p, _ in stmts}) == len(stmts), "no duplicate statement rows"
    return {
        "states": {u: s for u, s in session.execute(select(Article.canonical_url, Article.state))},
        "stories": sorted(sorted(g) for g in groups.values()),
        "statements": sorted((url[a], p, q) for a, p, q in stmts),
        "findings": sorted(
            (url[a], r) for a, r in session.execute(select(SanctionFinding.article_id, SanctionFinding.report))
        ),
    }


def _kill_when_hung(url: str, marker: Path, after: int, lease: int | None = None) -> int:
    """Run crash_worker until it hangs inside an article's transaction, SIGKILL it; the article's id."""
    marker.unlink(missing_ok=True)
    extra = [] if lease is None else [str(lease)]
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.monitor.crash_worker", url, str(marker), str(after), *extra],
        cwd=REPO_ROOT,
        env={**os.environ, "PYTHONPATH": str(REPO_ROOT)},
    )
    try:
        deadline = time.monotonic() + 120
        while not marker.exists():
            assert child.poll() is None, "the worker ended before it hung"
            assert time.monotonic() < deadline, f"the worker never reached article {after + 1}"
            time.sleep(0.05)
        hanging = int(marker.read_text())
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.kill()
        child.wait()
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            deadline = time.monotonic() + 60
            while conn.scalar(  # the killed worker's backend notices the closed socket and lets go
                text(
                    "SELECT count(*) FROM pg_locks WHERE pid <> pg_backend_pid() "
                    "AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"
                )
            ):
                assert time.monotonic() < deadline, "the killed worker's locks were never released"
                time.sleep(0.05)
                conn.rollback()
    finally:
        engine.dispose()
    return hanging


def test_sigkill_mid_batch_loses_nothing_and_rerun_processes_once(
    fresh_database_url: str, pg_admin_url: str, template_database: str, tmp_path: Path,
    settings_factory: Callable[..., Settings],
) -> None:
    rows = corpus(seed=31, count=60)
    sessions = _load(fresh_database_url, rows)
    hanging = _kill_when_hung(fresh_database_url, tmp_path / "hanging", 25)
    with transaction(sessions) as session:
        assert session.scalar(select(func.count()).where(Article.state == "done")) == 25
        stuck = session.get(Article, hanging)
        # rolled back, but the attempt was committed before the work, with its lease
        assert stuck is not None and (stuck.state, stuck.story_id, stuck.attempts) == ("new", None, 1)
        assert stuck.claimed_at is not None
        assert session.scalar(select(func.count()).where(Statement.article_id == hanging)) == 0
    # within the lease the article is left alone (its worker might still be at it) ...
    assert process_pending(sessions, settings_factory(process_batch=7)) == 34
    with transaction(sessions) as session:
        stuck = session.get(Article, hanging)
        assert stuck is not None and (stuck.state, stuck.attempts) == ("new", 1)
    # ... and once it has run out, processed once more
    settings = settings_factory(process_batch=7, process_lease=0)
    assert process_pending(sessions, settings) == 1
    with transaction(sessions) as session:
        attempts = dict(session.execute(select(Article.id, Article.attempts)).all())
        assert attempts.pop(hanging) == 2 and set(attempts.values()) == {1}
        assert set(session.scalars(select(Article.claimed_at))) == {None}
        after_crash = _state(session)
    # the same articles processed without a crash, in a database of their own
    name = f"pantau_t_{uuid.uuid4().hex[:12]}"
    clean_url = create_database(pg_admin_url, name, template=template_database)
    try:
        clean = _load(clean_url, rows)
        assert process_pending(clean, settings_factory(database_url=clean_url)) == 60
        with transaction(clean) as session:
            assert _state(session) == after_crash
        clean.kw["bind"].dispose()
    finally:
        drop_database(pg_admin_url, name)
    sessions.kw["bind"].dispose()


def test_article_that_kills_its_worker_is_given_up_after_the_limit(
    fresh_database_url: str, tmp_path: Path, settings_factory: Callable[..., Settings],
) -> None:
    sessions = _load(fresh_database_url, corpus(seed=37, count=4))
    marker = tmp_path / "hanging"
    poison = _kill_when_hung(fresh_database_url, marker, 1)  # the second article never finishes
    for attempt in (2, 3):  # killed again on the same article, each time after its lease ran out
        assert _kill_when_hung(fresh_database_url, marker, 0, lease=0) == poison
        with transaction(sessions) as session:
            article = session.get(Article, poison)
            assert article is not None and (article.state, article.attempts) == ("new", attempt)
    settings = settings_factory(process_lease=0, process_max_attempts=3)
    with sentry_sink() as sink:
        assert init_sentry(settings.model_copy(update={"sentry_dsn": sink.dsn}), component="test")
        try:
            assert process_pending(sessions, settings) == 3  # given up on unread, the others processed
            sentry_sdk.flush(timeout=5)
            events = sink.wait_for("event")
        finally:
            sentry_sdk.get_client().close(timeout=5)
            sentry_sdk.init(dsn=None)
    with transaction(sessions) as session:
        article = session.get(Article, poison)
        assert article is not None
        assert (article.state, article.attempts, article.story_id, article.claimed_at) == ("failed", 3, None, None)
        assert article.last_error is not None and "never finished" in article.last_error
        assert set(session.scalars(select(Article.state).where(Article.id != poison))) == {"done"}
    assert [e["tags"]["article_id"] for e in events] == [str(poison)]
    assert "marked failed after 3 attempt(s)" in events[0]["message"]
    assert process_pending(sessions, settings) == 0  # a failed article is not tried again ...
    assert reprocess_all(sessions, settings) == 4  # ... until `pantau reprocess` starts its count afresh
    with transaction(sessions) as session:
        assert set(session.execute(select(Article.state, Article.attempts)).all()) == {("done", 1)}
    sessions.kw["bind"].dispose()


def test_two_workers_process_each_article_once(fresh_database_url: str, settings_factory: Callable[..., Settings]) -> None:
    rows = corpus(seed=41, count=500, copies_every=5, sentences=4)
    sessions = _load(fresh_database_url, rows)
    settings = settings_factory(process_batch=25)
    counts: list[int] = []
    errors: list[BaseException] = []

    def worker() -> None:
        try:
            counts.append(process_pending(sessions, settings))
        except BaseException as exc:  # reported by the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=240)
    assert not errors
    assert sum(counts) == 500 and all(c > 0 for c in counts), counts
    with transaction(sessions) as session:
        assert set(session.scalars(select(Article.state))) == {"done"}
        assert set(session.scalars(select(Article.attempts))) == {1}
        assert session.scalar(select(func.count()).select_from(SanctionFinding)) == 500
        story_of = dict(session.execute(select(Article.canonical_url, Article.story_id)).all())
        state = _state(session)
    # every copy (each fifth row, made from the row before) ended in its original's story
    for i in range(4, 500, 5):
        assert story_of[rows[i]["canonical_url"]] == story_of[rows[i - 1]["canonical_url"]]
    assert len(state["stories"]) <= 400
    sessions.kw["bind"].dispose()


def test_two_copies_grouped_at_the_same_time_end_in_one_story(fresh_database_url: str) -> None:
    rng = random.Random(51)
    body = news_text(rng)
    sessions = _load(fresh_database_url, [
        article_values("magelangekspres", "Asli", body),
        article_values("radarmetro", "Salinan", republished(rng, body)),
    ])
    with transaction(sessions) as session:
        first_id, second_id = sorted(session.scalars(select(Article.id)))
    holder = sessions()
    holder.begin()
    first = holder.get(Article, first_id)
    assert first is not None
    story_id = assign_story(holder, first, (), WINDOW).id  # keys locked until this transaction ends
    seen: dict[str, int] = {}

    def second_worker() -> None:
        with transaction(sessions) as session:
            seen["pid"] = session.scalar(text("SELECT pg_backend_pid()"))
            article = session.get(Article, second_id)
            assert article is not None
            seen["story"] = assign_story(session, article, (), WINDOW).id

    thread = threading.Thread(target=second_worker)
    thread.start()
    with transaction(sessions) as probe:  # the second worker waits on an advisory lock of a shared band
        deadline = time.monotonic() + 60
        while not probe.scalar(
            text("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND pid = :pid"),
            {"pid": seen.get("pid", -1)},
        ):
            assert time.monotonic() < deadline and thread.is_alive(), "the second worker did not wait"
            time.sleep(0.02)
    holder.commit()
    holder.close()
    thread.join(timeout=60)
    assert seen["story"] == story_id
    with transaction(sessions) as session:
        story = session.get(Story, story_id)
        assert story is not None and story.article_count == 2
    sessions.kw["bind"].dispose()
