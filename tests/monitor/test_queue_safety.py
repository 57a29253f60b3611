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

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session, sessionmaker

from monitor.db.models import Article, SanctionFinding, Statement, Story
from monitor.db.session import make_engine, make_sessionmaker, transaction
from monitor.processing import process_pending
from monitor.settings import Settings
from monitor.stories import assign_story
from tests.conftest import REPO_ROOT, create_database, drop_database
from tests.monitor.factory import add_articles, add_outlets, article_values, corpus, news_text, republished

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


def test_sigkill_mid_batch_loses_nothing_and_rerun_processes_once(
    fresh_database_url: str, pg_admin_url: str, template_database: str, tmp_path: Path,
    settings_factory: Callable[..., Settings],
) -> None:
    rows = corpus(seed=31, count=60)
    sessions = _load(fresh_database_url, rows)
    marker = tmp_path / "hanging"
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.monitor.crash_worker", fresh_database_url, str(marker), "25"],
        cwd=REPO_ROOT,
        env={**os.environ, "PYTHONPATH": str(REPO_ROOT)},
    )
    try:
        deadline = time.monotonic() + 120
        while not marker.exists():
            assert child.poll() is None, "the worker ended before it hung"
            assert time.monotonic() < deadline, "the worker never reached article 26"
            time.sleep(0.05)
        hanging = int(marker.read_text())
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.kill()
        child.wait()
    with transaction(sessions) as session:
        deadline = time.monotonic() + 60
        while session.scalar(  # the killed worker's backend notices the closed socket and lets go
            text(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND pid <> pg_backend_pid() "
                "AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"
            )
        ):
            assert time.monotonic() < deadline, "the killed worker's locks were never released"
            time.sleep(0.05)
        assert session.scalar(select(func.count()).where(Article.state == "done")) == 25
        stuck = session.get(Article, hanging)
        assert stuck is not None and (stuck.state, stuck.story_id, stuck.attempts) == ("new", None, 0)
        assert session.scalar(select(func.count()).where(Statement.article_id == hanging)) == 0
    settings = settings_factory(process_batch=7)
    assert process_pending(sessions, settings) == 35
    with transaction(sessions) as session:
        assert set(session.scalars(select(Article.attempts))) == {1}
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
