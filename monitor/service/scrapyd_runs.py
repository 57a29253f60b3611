"""The crawl_runs rows of Scrapyd crawls: open, update, read back the spider's result, report the outcome."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from monitor.db.models import CrawlRun
from monitor.db.session import transaction
from monitor.service.crawls import CrawlOutcome, run_after_crawl

log = logging.getLogger("monitor.service.scrapyd_crawls")  # one logger for the Scrapyd crawls


@dataclass
class Job:
    """A Scrapyd job the leader tracks: its outlet, crawl run, node and clocks."""

    outlet: str
    run_id: int
    node: str
    job_id: str
    started: float
    deadline: float
    tried: list[str] = field(default_factory=list)  # nodes this crawl was lost on
    missing: int = 0
    reason: str | None = None  # why we cancelled it: timeout
    cancelled_at: float | None = None


class RunLedger:
    """Reads and writes the crawl_runs rows of Scrapyd crawls; the database has the final say."""

    def __init__(self, sessions: sessionmaker[Session], on_finish: Callable[[CrawlOutcome], None] | None) -> None:
        self.sessions = sessions
        self.on_finish = on_finish

    def open(self, outlet: str, host: str, job_id: str) -> int:
        """A new running crawl_runs row; its id."""
        with transaction(self.sessions) as session:
            run = CrawlRun(outlet_key=outlet, status="running", host=host, job_id=job_id)
            session.add(run)
            session.flush()
            return run.id

    def running_jobs(self) -> list[tuple[int, str, str, str]]:
        """(run id, outlet, node, job id) of the Scrapyd crawls still marked running."""
        with self.sessions() as session:
            rows = session.execute(
                select(CrawlRun.id, CrawlRun.outlet_key, CrawlRun.node, CrawlRun.job_id)
                .where(CrawlRun.status == "running", CrawlRun.node.is_not(None), CrawlRun.job_id.is_not(None))
                .order_by(CrawlRun.id)
            ).all()
        return [(run_id, outlet, str(node), str(job_id)) for run_id, outlet, node, job_id in rows]

    def recorded(self, run_id: int) -> bool:
        """True when the spider wrote its result (the database has the final say)."""
        try:
            with self.sessions() as session:
                run = session.get(CrawlRun, run_id)
                return run is None or (run.status != "running" and run.finished_at is not None)
        except Exception:
            return False

    def update(self, run_id: int, *, only_running: bool = False, **values: object) -> None:
        with transaction(self.sessions) as session:
            stmt = update(CrawlRun).where(CrawlRun.id == run_id)
            if only_running:
                stmt = stmt.where(CrawlRun.status == "running")
            session.execute(stmt.values(**values))

    def close(self, outlet: str, run_id: int, status: str, message: str, started: float) -> CrawlOutcome | None:
        try:
            self.update(run_id, status=status, finished_at=datetime.now(UTC), error_message=message)
        except Exception as exc:
            log.error("cannot close crawl run %s: %s", run_id, exc)
            return None
        return self.outcome(Job(outlet, run_id, "", "", started, started), time.monotonic())

    def outcome(self, job: Job, now: float) -> CrawlOutcome | None:
        try:
            with self.sessions() as session:
                run = session.get(CrawlRun, job.run_id)
                if run is None:
                    return None
                outcome = CrawlOutcome(job.outlet, job.run_id, run.status, run.new_articles, run.requests,
                                       run.errors, None, now - job.started)
        except Exception as exc:
            log.error("cannot read crawl run %s: %s", job.run_id, exc)
            return None
        log.info("crawl of %s ended: %s, %s new articles (run %s on %s)", job.outlet, outcome.status,
                 outcome.new_articles, job.run_id, job.node or "no node",
                 extra={"outlet": job.outlet, "run_id": job.run_id})
        run_after_crawl(self.on_finish, outcome)
        return outcome
