"""Crawl health per outlet: measured values against thresholds and the outlet's own recent runs."""

from __future__ import annotations

import logging
import statistics
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from monitor.alerts.outbox import enqueue
from monitor.db.models import CrawlRun, Outlet
from monitor.db.session import transaction
from monitor.settings import Settings

log = logging.getLogger(__name__)

FAILED = frozenset({"failed", "killed", "timeout"})
SKIPPED = frozenset({"running", "interrupted"})  # neither success nor failure of the site
HISTORY_RUNS = 10  # ok runs that make an outlet's baseline
MIN_HISTORY = 3  # fewer ok runs before the recent ones: no comparison yet
RECENT_RUNS = 2  # a coverage drop must hold for this many ok runs that read articles
QUIET_RUNS = 8  # an article-count drop must hold for this many ok runs: quiet hours are normal
COUNT_RATIO = 0.25  # articles read fall below a quarter of the usual median
MIN_COUNT_BASELINE = 4.0  # ... and only when the usual median is at least this
COVERAGE_RATIO = 0.5  # a field's coverage falls below half its usual median
MIN_COVERAGE_BASELINE = 0.5


@dataclass(frozen=True)
class RunFacts:
    """What one finished crawl run measured."""

    id: int
    status: str
    articles: int
    coverage: dict[str, float]


@dataclass(frozen=True)
class Check:
    """One measured value, its baseline from the outlet's own runs, the threshold and the verdict."""

    name: str
    value: float
    baseline: float
    threshold: float
    ok: bool


@dataclass(frozen=True)
class Verdict:
    healthy: bool | None  # None: not enough evidence either way (e.g. one failed run)
    reason: str | None
    checks: tuple[Check, ...]
    run_id: int | None


def _coverage(raw: Any) -> dict[str, float]:
    if not isinstance(raw, dict):
        return {}
    out = {}
    for field, value in raw.items():
        if isinstance(value, int | float) and not isinstance(value, bool) and 0 <= value <= 1:
            out[str(field)] = float(value)
    return out


def facts(run: CrawlRun) -> RunFacts:
    return RunFacts(run.id, run.status, int(run.on_topic or 0) + int(run.off_topic or 0),
                    _coverage(run.field_coverage))


def degradation_checks(ok_runs: Sequence[RunFacts]) -> tuple[Check, ...]:
    """Compare the latest ok runs (newest first) with the median of the ones before them.

    Article counts: the best of the last QUIET_RUNS runs against the runs before them, so a quiet
    night does not count as a broken outlet. Field coverage: only runs that read articles count
    (a run that found nothing new measures no coverage), the weaker of the last RECENT_RUNS of them.
    """
    checks = []
    recent, history = ok_runs[:QUIET_RUNS], ok_runs[QUIET_RUNS : QUIET_RUNS + HISTORY_RUNS]
    if len(recent) == QUIET_RUNS and len(history) >= MIN_HISTORY:
        base_count = statistics.median(r.articles for r in history)
        if base_count >= MIN_COUNT_BASELINE:
            best = float(max(r.articles for r in recent))
            limit = base_count * COUNT_RATIO
            checks.append(Check("articles", best, float(base_count), round(limit, 2), best >= limit))
    measured = [r for r in ok_runs if r.articles > 0 and r.coverage]
    recent, history = measured[:RECENT_RUNS], measured[RECENT_RUNS : RECENT_RUNS + HISTORY_RUNS]
    if len(recent) < RECENT_RUNS or len(history) < MIN_HISTORY:
        return tuple(checks)
    for field in sorted({f for r in history for f in r.coverage}):
        base = statistics.median(r.coverage.get(field, 0.0) for r in history)
        if base < MIN_COVERAGE_BASELINE:
            continue
        value = max(r.coverage.get(field, 0.0) for r in recent)
        threshold = base * COVERAGE_RATIO
        checks.append(Check(f"coverage:{field}", round(value, 3), round(base, 3), round(threshold, 3),
                            value >= threshold))
    return tuple(checks)


def judge(runs: Sequence[RunFacts], failures_limit: int) -> Verdict:
    """Runs newest first. Unhealthy: N failures in a row, or a sustained drop against the baseline."""
    finished = [r for r in runs if r.status not in SKIPPED]
    if not finished:
        return Verdict(None, None, (), None)
    latest = finished[0]
    streak = 0
    for run in finished:
        if run.status not in FAILED:
            break
        streak += 1
    if streak >= failures_limit:
        reason = f"{streak} crawls in a row failed (last: {latest.status})"
        return Verdict(False, reason, (Check("failures", streak, 0, failures_limit, False),), latest.id)
    if streak:
        return Verdict(None, None, (), latest.id)
    ok_runs = [r for r in finished if r.status not in FAILED]
    checks = degradation_checks(ok_runs)
    bad = [c for c in checks if not c.ok]
    if bad:
        reason = "; ".join(f"{c.name} {c.value} < {c.threshold} (usual {c.baseline})" for c in bad)
        return Verdict(False, reason, checks, latest.id)
    return Verdict(True, None, checks, latest.id)


def check_health(sessions: sessionmaker[Session], settings: Settings, outlet_key: str) -> None:
    """After a crawl run: move the outlet between ok and unhealthy, queueing one message per change."""
    with transaction(sessions) as session:
        outlet = session.scalars(select(Outlet).where(Outlet.key == outlet_key).with_for_update()).first()
        if outlet is None:
            log.warning("health check: unknown outlet %s", outlet_key)
            return
        runs = session.scalars(
            select(CrawlRun)
            .where(CrawlRun.outlet_key == outlet_key, CrawlRun.status != "running")
            .order_by(CrawlRun.started_at.desc(), CrawlRun.id.desc())
            .limit(QUIET_RUNS + HISTORY_RUNS + 40)
        ).all()
        verdict = judge([facts(r) for r in runs], settings.health_failures)
        if verdict.healthy is False and outlet.health_state != "unhealthy":
            _change(session, outlet, "unhealthy", "health", verdict, settings)
        elif verdict.healthy is False:
            outlet.health_reason = verdict.reason  # still unhealthy: keep the reason current, no message
        elif verdict.healthy is True and outlet.health_state == "unhealthy":
            _change(session, outlet, "ok", "recovered", verdict, settings)


def _change(session: Session, outlet: Outlet, state: str, kind: str, verdict: Verdict,
            settings: Settings) -> None:
    previous_reason = outlet.health_reason
    outlet.health_state = state
    outlet.health_reason = verdict.reason
    outlet.health_changed_at = func.now()
    session.flush()
    session.refresh(outlet, ["health_changed_at"])
    payload = {
        "outlet_key": outlet.key,
        "outlet_name": outlet.name,
        "reason": verdict.reason if kind == "health" else None,
        "previous_reason": previous_reason if kind == "recovered" else None,
        "checks": [asdict(c) for c in verdict.checks],
        "run_id": verdict.run_id,
        "at": outlet.health_changed_at.isoformat() if outlet.health_changed_at else None,
    }
    log.warning("outlet %s is %s: %s", outlet.key, state, verdict.reason or "back to normal",
                extra={"outlet": outlet.key})
    enqueue(session, key=f"{kind}:{outlet.key}:{verdict.run_id}", kind=kind,
            recipients=list(settings.health_to or settings.alert_to), payload=payload, settings=settings,
            outlet_key=outlet.key)
