"""`pantau status` data: last crawl per outlet, totals, and a leader only while its heartbeat is fresh."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from monitor.db.models import CrawlRun, Outlet, ServiceLeader
from monitor.db.session import make_engine, make_sessionmaker, transaction
from monitor.service.status import collect_status, render_status
from monitor.settings import Settings


def test_status_shows_last_crawl_and_hides_a_stale_leader(fresh_database_url: str) -> None:
    settings = Settings(_env_file=None, database_url=fresh_database_url,  # type: ignore[call-arg]
                        outlets=["diksi", "radarmetro"])
    engine = make_engine(fresh_database_url)
    sessions = make_sessionmaker(engine)
    now = datetime.now(UTC)
    try:
        with transaction(sessions) as session:
            session.add(Outlet(key="diksi", name="DIKSI.CO", platform="wordpress", base_url="http://x",
                               poll_interval=450, next_crawl_at=now + timedelta(minutes=7)))
            session.flush()
            session.add(CrawlRun(outlet_key="diksi", status="failed", started_at=now - timedelta(hours=1)))
            session.add(CrawlRun(outlet_key="diksi", status="ok", new_articles=3, started_at=now,
                                 finished_at=now, field_coverage={"title": 1.0}))
            session.add(ServiceLeader(id=1, pid=4242, host="node-a", since=now, heartbeat_at=now))
        status = collect_status(sessions, settings)
        assert status["leader"]["pid"] == 4242 and status["leader"]["host"] == "node-a"
        diksi, radarmetro = status["outlets"]
        assert diksi["last_crawl"]["status"] == "ok" and diksi["last_crawl"]["new_articles"] == 3
        assert diksi["last_crawl"]["field_coverage"] == {"title": 1.0}
        assert diksi["poll_interval"] == 450 and diksi["next_run"]
        assert radarmetro["last_crawl"] is None and radarmetro["next_run"] is None
        assert status["alerts"] == {"pending": 0, "sent": 0, "dead": 0}
        text = render_status(status)
        assert "pid 4242 on node-a" in text and "diksi" in text

        with transaction(sessions) as session:
            leader = session.get(ServiceLeader, 1)
            assert leader is not None
            leader.heartbeat_at = now - timedelta(minutes=5)
        status = collect_status(sessions, settings)
        assert status["leader"] is None
        assert "leader: none" in render_status(status)
    finally:
        engine.dispose()
