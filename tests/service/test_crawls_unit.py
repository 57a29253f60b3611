"""Crawl bookkeeping without a service: child environment, command line, stale-run sweep."""

from __future__ import annotations

import os
import socket
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import select

from monitor.db.models import CrawlRun, Outlet
from monitor.db.session import make_engine, make_sessionmaker, transaction
from monitor.service.crawls import close_stale_runs, crawl_argv, settings_env
from monitor.settings import Settings


def _settings(**values: Any) -> Settings:
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]


def test_child_environment_spells_out_every_setting() -> None:
    settings = _settings(outlets=["diksi", "radarmetro"], adaptive_polling=False, alert_to=["a@x.id", "b@x.id"],
                         alert_max_age=timedelta(hours=12), diksi_base_url="http://127.0.0.1:9999")
    env = settings_env(settings, "postgresql://u@127.0.0.1/db")
    assert env["DATABASE_URL"] == "postgresql://u@127.0.0.1/db"
    assert env["PANTAU_OUTLETS"] == "diksi,radarmetro"
    assert env["PANTAU_ADAPTIVE_POLLING"] == "false"
    assert env["PANTAU_DIKSI_BASE_URL"] == "http://127.0.0.1:9999"
    assert "PANTAU_CRAWL_COMMAND" not in env
    # the child reads back the same settings
    saved = dict(os.environ)
    try:
        os.environ.clear()
        os.environ.update(env)
        child = Settings(_env_file=None)  # type: ignore[call-arg]
    finally:
        os.environ.clear()
        os.environ.update(saved)
    assert child.outlets == settings.outlets and child.alert_to == settings.alert_to
    assert child.alert_max_age == settings.alert_max_age and child.adaptive_polling is False
    assert child.digest_time == settings.digest_time and child.data_dir == settings.data_dir


def test_crawl_command_line() -> None:
    assert crawl_argv(_settings(), "diksi", 7)[-4:] == ["crawler.run", "diksi", "--crawl-run-id", "7"]
    assert crawl_argv(_settings(crawl_command="fake --x"), "diksi", 7) == ["fake", "--x", "diksi",
                                                                          "--crawl-run-id", "7"]


def test_sweep_closes_runs_of_dead_processes_only(fresh_database_url: str) -> None:
    engine = make_engine(fresh_database_url)
    sessions = make_sessionmaker(engine)
    host = socket.gethostname()
    old = datetime.now(UTC) - timedelta(hours=2)
    try:
        with transaction(sessions) as session:
            session.add(Outlet(key="diksi", name="DIKSI.CO", platform="wordpress", base_url="http://x"))
            session.flush()
            session.add_all([
                CrawlRun(outlet_key="diksi", host=host, pid=None, started_at=old),  # died before it got a pid
                CrawlRun(outlet_key="diksi", host=host, pid=2**22 + 12345),  # no such process
                CrawlRun(outlet_key="diksi", host=host, pid=os.getpid()),  # alive, but not a diksi crawl
                CrawlRun(outlet_key="diksi", host="elsewhere", pid=1),  # another host, recent: unknown
                CrawlRun(outlet_key="diksi", host="elsewhere", pid=1, started_at=old),  # another host, old
                CrawlRun(outlet_key="diksi", host=host, pid=None, status="ok"),
                CrawlRun(outlet_key="diksi", host=host, pid=None),  # its process is being started right now
            ])
        settings = _settings(crawl_timeout=600)
        assert close_stale_runs(sessions, settings, host=host) == 4
        with sessions() as session:
            statuses = [r.status for r in session.scalars(select(CrawlRun).order_by(CrawlRun.id))]
        assert statuses == ["interrupted", "interrupted", "interrupted", "running", "interrupted", "ok",
                            "running"]
        assert close_stale_runs(sessions, settings, host=host) == 0
    finally:
        engine.dispose()
