"""The outbox: one alert per story, none for back-filled articles, a full payload snapshot."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from monitor.alerts.outbox import enqueue_story_alert, message_id_for
from monitor.db.models import Alert, SanctionFinding
from monitor.settings import Settings
from tests.alerts.conftest import add_article, add_sanction_story

NOW = dt.datetime.now(dt.UTC)


def settings(**overrides: Any) -> Settings:
    values: dict[str, Any] = {"alert_to": ["ops@example.org"], "alert_from": "pantau@example.org"}
    values.update(overrides)
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]


def test_one_alert_per_story_with_a_full_snapshot(db_session: Session) -> None:
    story, article = add_sanction_story(
        db_session, published=NOW - dt.timedelta(hours=3),
        statements=[(None, None, "kutipan tanpa pembicara"),
                    ("Hadi Santoso", "Sekda", "Kami sudah menjatuhkan sanksi sesuai aturan")])
    alert = enqueue_story_alert(db_session, story, article, settings())
    assert alert is not None
    assert alert.idempotency_key == f"story:{story.id}:sanction"
    assert alert.kind == "sanction" and alert.status == "pending" and alert.story_id == story.id
    assert alert.recipients == ["ops@example.org"]
    assert alert.message_id == message_id_for(alert.idempotency_key, "pantau@example.org")
    assert alert.message_id.endswith("@example.org>")
    payload = alert.payload
    assert payload["finding"]["sanction_type"] == "penundaan kenaikan pangkat"
    assert payload["finding"]["evidence"].startswith("Bupati menjatuhkan")
    assert payload["statements"][0]["speaker"] == "Hadi Santoso"  # attributed quotes first
    assert [a["url"] for a in payload["articles"]] == [article.canonical_url]
    assert payload["articles"][0]["published_at"] is not None

    later = add_article(db_session, story, outlet="diksi", title="Berita yang sama di media lain",
                        published=NOW)
    db_session.add(SanctionFinding(article_id=later.id, report=True, kind="case"))
    assert enqueue_story_alert(db_session, story, later, settings()) is None
    count = db_session.scalar(select(func.count()).select_from(Alert).where(Alert.story_id == story.id))
    assert count == 1


def test_backfilled_article_raises_no_alert(db_session: Session) -> None:
    story, article = add_sanction_story(db_session, published=NOW - dt.timedelta(days=40), fetched=NOW)
    assert enqueue_story_alert(db_session, story, article, settings(alert_max_age="3d")) is None
    assert db_session.scalar(select(func.count()).select_from(Alert)) == 0
    fresh_story, fresh = add_sanction_story(db_session, published=NOW - dt.timedelta(days=2), fetched=NOW)
    assert enqueue_story_alert(db_session, fresh_story, fresh, settings(alert_max_age="3d")) is not None


def test_article_without_publication_time_still_alerts(db_session: Session) -> None:
    story, article = add_sanction_story(db_session)
    article.published_at = None
    assert enqueue_story_alert(db_session, story, article, settings()) is not None
