"""The processing queue: judgements stored once, stories, one alert per story, poison articles, reprocess."""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

import monitor.processing as processing
from monitor.db.models import Alert, Article, SanctionFinding, Statement, Story
from monitor.db.session import make_engine, make_sessionmaker, transaction
from monitor.settings import Settings
from tests.monitor.factory import (
    NOW,
    SANCTION_BODY,
    add_articles,
    add_outlets,
    article_values,
    news_text,
    republished,
)


@pytest.fixture
def sessions(fresh_database_url: str) -> Iterator[sessionmaker[Session]]:
    engine = make_engine(fresh_database_url)
    yield make_sessionmaker(engine)
    engine.dispose()


@pytest.fixture
def settings(settings_factory: Callable[..., Settings]) -> Settings:
    return settings_factory(alert_to=["ops@example.org"], process_batch=2)


def _seed(sessions: sessionmaker[Session]) -> list[int]:
    rng = random.Random(21)
    body = news_text(rng)
    with transaction(sessions) as session:
        add_outlets(session)
        return add_articles(
            session,
            [
                article_values("magelangekspres", "Dua camat dijatuhi hukuman disiplin", SANCTION_BODY, NOW),
                article_values("radarmetro", "Bawaslu awasi ASN", body, NOW),
                article_values("diksi", "Apel netralitas", news_text(rng), NOW),
                article_values("radarmetro", "Camat Temanggung dihukum", republished(rng, SANCTION_BODY),
                               NOW + timedelta(hours=4)),
                article_values("diksi", "Bawaslu awasi ASN (2)", republished(rng, body), NOW + timedelta(hours=2)),
            ],
        )


def _snapshot(session: Session) -> dict[str, Any]:
    return {
        "stories": sorted(session.execute(select(Article.id, Article.story_id)).all()),
        "statements": session.scalar(select(func.count()).select_from(Statement)),
        "findings": session.scalar(select(func.count()).select_from(SanctionFinding)),
        "alerts": sorted(session.execute(select(Alert.idempotency_key, Alert.story_id)).all()),
    }


def test_process_pending_judges_groups_and_alerts_once(sessions: sessionmaker[Session], settings: Settings) -> None:
    ids = _seed(sessions)
    assert processing.process_pending(sessions, settings) == 5
    assert processing.process_pending(sessions, settings) == 0
    with transaction(sessions) as session:
        articles = {a.id: a for a in session.scalars(select(Article))}
        assert {a.state for a in articles.values()} == {"done"}
        assert all(a.attempts == 1 and a.processed_at is not None and a.relevant is not None for a in articles.values())
        sanction, plain, other, sanction_copy, plain_copy = (articles[i] for i in ids)
        assert sanction.story_id == sanction_copy.story_id
        assert plain.story_id == plain_copy.story_id
        assert len({sanction.story_id, plain.story_id, other.story_id}) == 3
        story = session.get(Story, sanction.story_id)
        assert story is not None and story.sanction_report and story.article_count == 2
        finding = session.scalar(select(SanctionFinding).where(SanctionFinding.article_id == sanction.id))
        assert finding is not None and finding.report
        quotes = session.scalars(select(Statement.quote).where(Statement.article_id == sanction.id)).all()
        assert any("surat keputusan hukuman disiplin" in q for q in quotes)
        alerts = session.scalars(select(Alert)).all()
        assert [(a.kind, a.story_id) for a in alerts] == [("sanction", sanction.story_id)]


def test_reprocess_all_is_idempotent(sessions: sessionmaker[Session], settings: Settings) -> None:
    _seed(sessions)
    processing.process_pending(sessions, settings)
    with transaction(sessions) as session:
        before = _snapshot(session)
    assert processing.reprocess_all(sessions, settings) == 5
    with transaction(sessions) as session:
        assert _snapshot(session) == before
        assert session.scalar(select(func.count()).select_from(Story)) == 3


def test_poison_article_is_retried_then_failed_without_blocking(
    sessions: sessionmaker[Session], settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = _seed(sessions)
    real = processing.detect_sanction

    def flaky(title: str, text: str, published: Any = None) -> Any:
        if title == "Apel netralitas":
            raise ValueError("rusak")
        return real(title, text, published)

    monkeypatch.setattr(processing, "detect_sanction", flaky)
    assert processing.process_pending(sessions, settings) == 4
    with transaction(sessions) as session:
        poison = session.get(Article, ids[2])
        assert poison is not None
        assert (poison.state, poison.attempts, poison.story_id) == ("new", 1, None)
        assert poison.last_error == "ValueError: rusak"
        assert session.scalar(select(func.count()).where(Statement.article_id == ids[2])) == 0
    processing.process_pending(sessions, settings)
    assert processing.process_pending(sessions, settings) == 1  # third attempt: marked failed
    assert processing.process_pending(sessions, settings) == 0
    with transaction(sessions) as session:
        poison = session.get(Article, ids[2])
        assert poison is not None and (poison.state, poison.attempts) == ("failed", 3)
    monkeypatch.setattr(processing, "detect_sanction", real)
    assert processing.reprocess_all(sessions, settings) == 5
    with transaction(sessions) as session:
        assert set(session.scalars(select(Article.state))) == {"done"}


def test_limit_stops_early(sessions: sessionmaker[Session], settings: Settings) -> None:
    _seed(sessions)
    assert processing.process_pending(sessions, settings, limit=3) == 3
    assert processing.process_pending(sessions, settings) == 2


def test_hostile_text_is_processed_without_crashing(sessions: sessionmaker[Session], settings: Settings) -> None:
    odd = [
        '"' * 3000 + "ASN netral" + "“" * 500,
        "\x01\x02\x7f ASN \u202e\u200b kampanye 😀🙏 " * 400,
        "kata " * 5000,
        "Bupati menjatuhkan sanksi kepada kepada kepada " + "x" * 20000,
    ]
    with transaction(sessions) as session:
        add_outlets(session)
        add_articles(session, [article_values("diksi", f"Aneh {i}", body, NOW) for i, body in enumerate(odd)])
    assert processing.process_pending(sessions, settings) == len(odd)
    with transaction(sessions) as session:
        assert set(session.scalars(select(Article.state))) == {"done"}
