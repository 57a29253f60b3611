"""The daily digest: queued once per day at digest time, with counts, stories, sanctions, speakers."""

from __future__ import annotations

import datetime as dt
from email import message_from_bytes, policy
from email.message import EmailMessage

from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from monitor.alerts.digest import maybe_enqueue_digest
from monitor.alerts.dispatch import dispatch_due
from monitor.alerts.i18n import WIB
from monitor.alerts.outbox import enqueue_story_alert
from monitor.db.models import Alert, CrawlRun, SanctionFinding, Statement, Story
from monitor.db.session import transaction
from tests.alerts.conftest import add_article, add_sanction_story
from tests.alerts.helpers import SettingsFactory

NOW = dt.datetime.now(dt.UTC)


def populate(sessions: sessionmaker[Session], settings: object) -> None:
    with transaction(sessions) as session:
        story, article = add_sanction_story(
            session, title="Tiga ASN dijatuhi sanksi moral", published=NOW - dt.timedelta(hours=2),
            statements=[("Hadi Santoso", "Sekda", "Netralitas itu harga mati"),
                        ("Hadi Santoso", "Sekda", "Kami tidak akan mentolerir pelanggaran")])
        enqueue_story_alert(session, story, article, settings)  # type: ignore[arg-type]
        later = add_article(session, story, outlet="diksi", title="Tiga ASN disanksi, kata Sekda")
        session.add(Statement(article_id=later.id, position=0, quote="Ini peringatan bagi semua",
                              speaker="Rina Wati", role="Ketua Bawaslu", kind="direct"))
        old, backfilled = add_sanction_story(
            session, title="Kepala desa dicopot karena kampanye", outlet="radarmetro",
            published=NOW - dt.timedelta(days=90), finding={"subjects": "kepala desa", "region": "Lampung"})
        assert enqueue_story_alert(session, old, backfilled, settings) is None  # type: ignore[arg-type]
        plain = Story(title="Bawaslu imbau ASN netral", article_count=1)
        session.add(plain)
        session.flush()
        add_article(session, plain, outlet="diksi", title="Bawaslu imbau ASN netral")
        session.add(CrawlRun(outlet_key="diksi", status="ok"))
        session.add(CrawlRun(outlet_key="diksi", status="failed"))


def test_digest_is_queued_once_per_day_after_digest_time(settings_factory: SettingsFactory,
                                                         sessions: sessionmaker[Session]) -> None:
    settings = settings_factory(digest_to=["editor@example.org"], alert_to=["ops@example.org"],
                                digest_time="07:00")
    populate(sessions, settings)
    written = dt.datetime.now(dt.UTC)  # not NOW: in a long test run this module was imported minutes ago
    seven = dt.datetime.combine(written.astimezone(WIB).date(), dt.time(7, 0), tzinfo=WIB)
    after = max(seven, written + dt.timedelta(minutes=1))  # digest time, and after the rows were written
    today = after.astimezone(WIB).date()
    before = dt.datetime.combine(today, dt.time(6, 59), tzinfo=WIB)
    assert maybe_enqueue_digest(sessions, settings, before) is False
    assert maybe_enqueue_digest(sessions, settings, after) is True
    assert maybe_enqueue_digest(sessions, settings, after + dt.timedelta(minutes=1)) is False

    with sessions() as session:
        digest = session.scalars(select(Alert).where(Alert.kind == "digest")).one()
    assert digest.idempotency_key == f"digest:{today.isoformat()}"
    assert digest.recipients == ["editor@example.org"]
    p = digest.payload
    per_outlet = {o["key"]: o for o in p["outlets"]}
    assert per_outlet["diksi"]["articles"] == 2 and per_outlet["magelangekspres"]["articles"] == 1
    assert per_outlet["diksi"]["runs"] == 2 and per_outlet["diksi"]["failed"] == 1
    sanctions = {s["title"]: s for s in p["sanctions"]}
    assert sanctions["Tiga ASN dijatuhi sanksi moral"]["backfilled"] is False
    assert sanctions["Kepala desa dicopot karena kampanye"]["backfilled"] is True
    assert p["speakers"][0] == {"speaker": "Hadi Santoso", "role": "Sekda", "count": 2}
    assert {s["title"] for s in p["new_stories"]} >= {"Bawaslu imbau ASN netral", "Tiga ASN dijatuhi sanksi moral"}

    assert dispatch_due(sessions, settings) == 2  # the sanction alert and the digest, as .eml files
    [path] = [f for f in settings.eml_dir.glob("*.eml") if "digest" in f.name]
    msg = message_from_bytes(path.read_bytes(), policy=policy.default)
    assert isinstance(msg, EmailMessage)
    assert str(msg["Subject"]) == f"[Pantau] Ringkasan harian {today.isoformat()}"
    html = msg.get_body(("html",))
    assert html is not None
    content = str(html.get_content())
    assert 'bgcolor="#8b1a1a"' in content and "ditemukan belakangan" in content

    # the next day's digest covers only what came after this one: the back-filled report is not repeated
    next_day = after + dt.timedelta(days=1)
    assert maybe_enqueue_digest(sessions, settings, next_day) is True
    with sessions() as session:
        second = session.scalars(select(Alert).where(Alert.kind == "digest").order_by(Alert.id.desc())).first()
    assert second is not None and second.payload["sanctions"] == []

    # `pantau reprocess` renews the findings' created_at: already listed reports are not listed again
    with transaction(sessions) as session:
        session.execute(update(SanctionFinding).values(created_at=next_day + dt.timedelta(hours=1)))
    assert maybe_enqueue_digest(sessions, settings, next_day + dt.timedelta(days=1)) is True
    with sessions() as session:
        third = session.scalars(select(Alert).where(Alert.kind == "digest").order_by(Alert.id.desc())).first()
    assert third is not None and third.payload["sanctions"] == []


def test_no_digest_without_recipients(settings_factory: SettingsFactory, sessions: sessionmaker[Session]) -> None:
    settings = settings_factory(alert_to=["ops@example.org"])
    assert maybe_enqueue_digest(sessions, settings, NOW) is False
