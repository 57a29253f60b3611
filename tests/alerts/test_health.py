"""Health alerts: one message when an outlet turns unhealthy, one when it recovers, none in between."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from monitor.alerts.health import RunFacts, check_health, judge
from monitor.db.models import Alert, CrawlRun, Outlet
from monitor.db.session import transaction
from tests.alerts.conftest import add_outlet
from tests.alerts.helpers import SettingsFactory

GOOD = {"title": 1.0, "published_at": 0.95, "body": 1.0}


def run(n: int, status: str = "ok", articles: int = 20, coverage: dict[str, float] | None = None) -> RunFacts:
    return RunFacts(n, status, articles, coverage if coverage is not None else GOOD)


def test_judge_counts_failures_in_a_row() -> None:
    history = [run(i) for i in range(10, 0, -1)]
    assert judge([run(13, "failed"), run(12, "timeout"), *history], 3).healthy is None
    verdict = judge([run(14, "killed"), run(13, "failed"), run(12, "timeout"), *history], 3)
    assert verdict.healthy is False and verdict.reason and "3 crawls in a row" in verdict.reason
    interrupted = judge([run(15, "interrupted"), run(14, "failed"), run(13, "failed"), run(12, "ok"), *history], 3)
    assert interrupted.healthy is None  # an interrupted run neither counts nor breaks the streak
    assert judge([run(11), *history], 3).healthy is True


def test_judge_notices_a_sustained_drop_against_the_outlets_own_runs() -> None:
    history = [run(i) for i in range(10, 0, -1)]
    one_bad = judge([run(12, coverage={"title": 1.0, "published_at": 0.1, "body": 1.0}), run(11), *history], 3)
    assert one_bad.healthy is True  # a single weak run is noise
    low = {"title": 1.0, "published_at": 0.1, "body": 1.0}
    verdict = judge([run(12, coverage=low), run(11, coverage=low), *history], 3)
    assert verdict.healthy is False and verdict.reason and "coverage:published_at" in verdict.reason
    quiet = [run(n, articles=0, coverage={}) for n in range(18, 10, -1)]
    empty = judge([*quiet, *history], 3)
    assert empty.healthy is False and empty.reason and empty.reason.startswith("articles")
    young = judge([run(3, articles=0), run(2, articles=0), run(1)], 3)
    assert young.healthy is True and young.checks == ()  # too little history to compare


def test_quiet_runs_are_not_a_drop() -> None:
    """Runs that found nothing new measure no coverage, and a few quiet runs are normal."""
    history = [run(i) for i in range(10, 0, -1)]
    quiet = [run(n, articles=0, coverage={}) for n in range(17, 10, -1)]  # seven quiet runs
    verdict = judge([*quiet, *history], 3)
    assert verdict.healthy is True, verdict.reason
    assert {c.name for c in verdict.checks} >= {"coverage:title"}  # still measured on the earlier runs
    low = {"title": 1.0, "published_at": 0.1, "body": 1.0}
    between = [run(13, articles=3, coverage=low), *quiet[:2], run(12, articles=2, coverage=low)]
    dropped = judge([*between, *history], 3)  # quiet runs between two weak ones do not hide the drop
    assert dropped.healthy is False and dropped.reason and "coverage:published_at" in dropped.reason


def add_run(sessions: sessionmaker[Session], status: str, on_topic: int = 5, off_topic: int = 15,
            coverage: dict[str, float] | None = None) -> None:
    with transaction(sessions) as session:
        add_outlet(session, "radarmetro", "Radar Metro")
        session.add(CrawlRun(outlet_key="radarmetro", status=status, on_topic=on_topic, off_topic=off_topic,
                             field_coverage=coverage or GOOD, error_message=None if status == "ok" else "boom"))


def test_one_health_alert_and_one_recovery(settings_factory: SettingsFactory,
                                           sessions: sessionmaker[Session]) -> None:
    settings = settings_factory(health_failures=3, alert_to=["ops@example.org"], health_to=["noc@example.org"])
    for _ in range(5):
        add_run(sessions, "ok")
        check_health(sessions, settings, "radarmetro")
    for _ in range(6):  # six failures in a row: one alert, not four
        add_run(sessions, "failed")
        check_health(sessions, settings, "radarmetro")
    for _ in range(3):
        add_run(sessions, "ok")
        check_health(sessions, settings, "radarmetro")
    check_health(sessions, settings, "nonexistent")  # logged, not raised

    with sessions() as session:
        alerts = session.scalars(select(Alert).order_by(Alert.id)).all()
        outlet = session.get(Outlet, "radarmetro")
    assert [a.kind for a in alerts] == ["health", "recovered"]
    assert alerts[0].recipients == ["noc@example.org"]
    assert "3 crawls in a row failed" in alerts[0].payload["reason"]
    assert alerts[0].payload["outlet_name"] == "Radar Metro"
    assert outlet is not None and outlet.health_state == "ok" and outlet.health_changed_at is not None


def test_coverage_drop_marks_the_outlet_unhealthy(settings_factory: SettingsFactory,
                                                  sessions: sessionmaker[Session]) -> None:
    settings = settings_factory(alert_to=["ops@example.org"])
    for _ in range(6):
        add_run(sessions, "ok")
    for _ in range(3):
        add_run(sessions, "ok", coverage={"title": 1.0, "published_at": 0.0, "body": 1.0})
        check_health(sessions, settings, "radarmetro")
    with sessions() as session:
        kinds = session.scalars(select(Alert.kind)).all()
        outlet = session.get(Outlet, "radarmetro")
    assert kinds == ["health"]
    assert outlet is not None and outlet.health_state == "unhealthy"
    assert outlet.health_reason and "coverage:published_at" in outlet.health_reason
