"""`pantau crawl` (child processes, summary table, exit code) and `pantau export` records."""

from __future__ import annotations

import socket
from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from crawler.commands import crawl_command, export_articles
from crawler.testing import ReplicaSite
from monitor.db.models import Article, CrawlRun, Outlet, SanctionFinding, Statement
from monitor.db.session import make_engine
from monitor.settings import Settings


def _dead_url() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"  # nothing listens there once the socket is closed


@pytest.mark.timeout(300)
def test_crawl_command_reports_each_outlet(
    settings_factory: Callable[..., Settings], capsys: pytest.CaptureFixture[str]
) -> None:
    with ReplicaSite("posjayanews") as site:
        settings = settings_factory(
            posjayanews_base_url=site.base_url, diksi_base_url=_dead_url(), download_delay=0,
            autothrottle=False, retry_backoff=0.05, retry_times=1,
        )
        code = crawl_command(settings, ["posjayanews", "diksi"])
    out = capsys.readouterr().out
    assert code == 1  # diksi could not be crawled
    lines = {line.split()[0]: line.split() for line in out.splitlines()[1:]}
    assert lines["posjayanews"][1] == "ok" and int(lines["posjayanews"][3]) > 0
    assert lines["diksi"][1] == "failed"
    assert settings.database_url
    engine = make_engine(settings.database_url)
    try:
        with Session(engine) as session:
            runs = {r.outlet_key: r for r in session.scalars(select(CrawlRun))}
            assert runs["posjayanews"].status == "ok" and runs["posjayanews"].pid
            assert runs["diksi"].status == "failed" and runs["diksi"].error_message
            stored = session.scalars(select(Article).where(Article.outlet_key == "posjayanews")).all()
            assert len(stored) == runs["posjayanews"].new_articles
            assert all(a.crawl_run_id == runs["posjayanews"].id and a.state == "new" for a in stored)
    finally:
        engine.dispose()


def test_export_articles(db_session: Session) -> None:
    db_session.add(Outlet(key="diksi", name="DIKSI.CO", platform="wordpress", base_url="https://diksi.co"))
    db_session.flush()
    article = Article(
        canonical_url="https://diksi.co/index.php/camat-diperiksa", url_hash="a" * 40, outlet_key="diksi",
        title="Camat Diperiksa", published_at=datetime(2025, 3, 3, 0, 15, tzinfo=UTC), authors=["Rina"],
        body="Paragraf satu.\n\nParagraf dua.", page_count=1, tags=["Netralitas ASN"], category="Politik",
        content_hash="b" * 64, provenance={"title": "outlet"}, relevant=True,
    )
    db_session.add(article)
    db_session.flush()
    db_session.add(Statement(article_id=article.id, position=0, quote="Kami periksa.", speaker="Rina", verb="kata"))
    db_session.add(SanctionFinding(article_id=article.id, report=True, kind="case", count=1))
    db_session.flush()
    records = list(export_articles(db_session, datetime(2025, 1, 1, tzinfo=UTC)))
    assert len(records) == 1
    record = records[0]
    assert record["published"] == "2025-03-03T08:15:00+08:00"  # WITA, the outlet's zone
    assert record["body"].split("\n\n") == ["Paragraf satu.", "Paragraf dua."]
    assert record["statements"][0]["quote"] == "Kami periksa."
    assert record["sanction"]["report"] is True
    assert list(export_articles(db_session, datetime(2026, 1, 1, tzinfo=UTC))) == []
