"""Stories in PostgreSQL: copies across outlets join one story, unrelated and old articles do not."""

from __future__ import annotations

import random
from datetime import timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from monitor.db.models import Article, ArticleSignature, SignatureBand, Story
from monitor.stories import assign_story, scheme
from tests.monitor.factory import NOW, add_articles, add_outlets, article_values, news_text, republished

WINDOW = timedelta(days=14)


def _assign(session: Session, ids: list[int], quotes: tuple[str, ...] = ()) -> list[int]:
    out = []
    for article_id in ids:
        article = session.get(Article, article_id)
        assert article is not None
        out.append(assign_story(session, article, quotes, WINDOW).id)
    return out


def test_copy_joins_story_and_unrelated_article_does_not(db_session: Session) -> None:
    rng = random.Random(11)
    add_outlets(db_session)
    body = news_text(rng)
    ids = add_articles(
        db_session,
        [
            article_values("magelangekspres", "Dua camat disanksi", body, NOW),
            article_values("radarmetro", "Camat kena sanksi netralitas", republished(rng, body), NOW + timedelta(hours=5)),
            article_values("diksi", "Bawaslu gelar apel", news_text(rng), NOW + timedelta(hours=6)),
        ],
    )
    first, copy, other = _assign(db_session, ids)
    assert first == copy
    assert other != first
    story = db_session.get(Story, first)
    assert story is not None and story.article_count == 2
    assert story.first_published_at == NOW
    sig = db_session.get(ArticleSignature, ids[0])
    assert sig is not None and sig.scheme == scheme() and len(sig.minhash) == 128 * 8
    bands = db_session.scalar(select(func.count()).where(SignatureBand.article_id == ids[0]))
    assert bands == 32


def test_copy_outside_the_window_starts_a_new_story(db_session: Session) -> None:
    rng = random.Random(12)
    add_outlets(db_session)
    body = news_text(rng)
    ids = add_articles(
        db_session,
        [
            article_values("magelangekspres", "Lama", body, NOW - timedelta(days=40)),
            article_values("radarmetro", "Baru", republished(rng, body), NOW),
        ],
    )
    old, new = _assign(db_session, ids)
    assert old != new


def test_same_long_quote_on_the_same_day_joins_the_story(db_session: Session) -> None:
    rng = random.Random(13)
    add_outlets(db_session)
    quote = "Tiga camat terbukti hadir dalam deklarasi dan kami rekomendasikan sanksi kepada bupati"
    said = f' "{quote}," kata Ketua Bawaslu Wonosobo Heri Kuswanto.'
    ids = add_articles(
        db_session,
        [
            article_values("magelangekspres", "A", news_text(rng) + said, NOW),
            article_values("radarmetro", "B", news_text(rng) + said, NOW + timedelta(hours=8)),
            article_values("diksi", "C", news_text(rng) + said, NOW + timedelta(days=6)),
        ],
    )
    first, second, later = _assign(db_session, ids, (quote,))
    assert first == second
    assert later != first


def test_assigning_again_keeps_the_story(db_session: Session) -> None:
    rng = random.Random(14)
    add_outlets(db_session)
    body = news_text(rng)
    ids = add_articles(
        db_session,
        [
            article_values("magelangekspres", "A", body, NOW),
            article_values("radarmetro", "B", republished(rng, body), NOW),
            article_values("diksi", "C", republished(rng, body), NOW),
        ],
    )
    before = _assign(db_session, ids)
    after = _assign(db_session, ids)
    assert before == after == [before[0]] * 3
    assert db_session.scalar(select(func.count()).select_from(Story)) == 1
    assert db_session.scalar(select(func.count()).select_from(SignatureBand)) == 96


def test_empty_articles_are_not_grouped(db_session: Session) -> None:
    add_outlets(db_session)
    ids = add_articles(
        db_session,
        [
            article_values("magelangekspres", "Video", "", NOW),
            article_values("radarmetro", "Foto", "Ilustrasi.", NOW),
            article_values("diksi", None, "Tonton videonya di sini", NOW),
        ],
    )
    stories = _assign(db_session, ids)
    assert len(set(stories)) == 3
    assert db_session.scalar(select(func.count()).select_from(SignatureBand)) == 0
