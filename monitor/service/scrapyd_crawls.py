"""Crawls on Scrapyd nodes: schedule on the least busy node, track each job, re-schedule when a node is lost.

The crawl_runs bookkeeping is in scrapyd_runs; node statuses and the HTTP client in scrapyd.
"""

from __future__ import annotations

import contextlib
import logging
import queue
import socket
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime

from sqlalchemy.orm import Session, sessionmaker

from monitor.service.crawls import KILL_GRACE, CrawlOutcome
from monitor.service.scrapyd import (
    NodeStatus,
    ScrapydClient,
    ScrapydError,
    choose_node,
    new_job_id,
    node_statuses,
    normalize_url,
    with_job,
)
from monitor.service.scrapyd_runs import Job, RunLedger
from monitor.settings import Settings

log = logging.getLogger(__name__)

CHECK_SECONDS = 2.0  # how often the nodes are asked about the jobs they run
LOST_AFTER = 3  # checks in a row a job's node is down (or has forgotten the job) before it counts as lost
START_GRACE = 120  # seconds a job may wait in a node's queue and start up, on top of the crawl time limit
MAX_NODES_PER_CRAWL = 3  # a crawl lost on this many nodes is given up until its next turn


class ScrapydCrawls:
    """The leader's crawls on Scrapyd: same interface as CrawlSupervisor; call `poll()` from one thread."""

    def __init__(self, sessions: sessionmaker[Session], settings: Settings, database_url: str,
                 on_finish: Callable[[CrawlOutcome], None] | None = None,
                 clients: Sequence[ScrapydClient] | None = None) -> None:
        self.sessions = sessions
        self.settings = settings
        self.database_url = database_url
        self.on_finish = on_finish
        self.runs = RunLedger(sessions, on_finish)
        self.clients = list(clients) if clients is not None else [ScrapydClient(u) for u in settings.scrapyd_urls]
        self.by_url = {client.url: client for client in self.clients}
        self.host = socket.gethostname()
        self._requests: queue.SimpleQueue[str] = queue.SimpleQueue()
        self._jobs: dict[str, Job] = {}
        self._next_check = 0.0
        self._adopted = False

    # -- called from scheduler jobs (any thread) ---------------------------------------
    def request(self, outlet: str) -> None:
        self._requests.put(outlet)

    def running(self) -> list[str]:
        return sorted(self._jobs)

    def running_run_ids(self) -> set[int]:
        return {job.run_id for job in list(self._jobs.values())}

    def placement(self) -> dict[str, str]:
        """outlet -> node URL of the crawls being tracked."""
        return {outlet: job.node for outlet, job in list(self._jobs.items())}

    # -- called from the supervising thread ----------------------------------------------
    def poll(self) -> list[CrawlOutcome]:
        """Schedule requested crawls, then (every CHECK_SECONDS) check the tracked jobs."""
        if not self._adopted:
            self._adopted = True
            self._adopt()
        outlets: list[str] = []
        while True:
            try:
                outlet = self._requests.get_nowait()
            except queue.Empty:
                break
            if outlet not in self._jobs and outlet not in outlets:
                outlets.append(outlet)
        outcomes: list[CrawlOutcome] = []
        if outlets:
            statuses = node_statuses(self.clients)
            for outlet in outlets:
                statuses, outcome = self._start(outlet, statuses)
                if outcome is not None:
                    outcomes.append(outcome)
        now = time.monotonic()
        if now >= self._next_check and self._jobs:
            self._next_check = now + CHECK_SECONDS
            outcomes += self._check(now)
        return outcomes

    def stop_all(self, grace: float = KILL_GRACE, reason: str = "interrupted") -> list[CrawlOutcome]:
        """Stop tracking. Jobs keep running on their nodes; the next leader adopts them from crawl_runs."""
        while True:
            try:
                self._requests.get_nowait()
            except queue.Empty:
                break
        if self._jobs:
            log.info("leaving %d Scrapyd job(s) running for the next leader: %s", len(self._jobs),
                     ", ".join(f"{j.outlet}@{j.node}" for j in self._jobs.values()))
        self._jobs.clear()
        self._adopted = False
        return []

    # -- scheduling ----------------------------------------------------------------------
    def _start(self, outlet: str, statuses: list[NodeStatus], tried: Sequence[str] = ()) -> tuple[
            list[NodeStatus], CrawlOutcome | None]:
        """Schedule one crawl of `outlet` (a new crawl_runs row); returns the updated statuses."""
        job_id = new_job_id()
        try:
            run_id = self.runs.open(outlet, self.host, job_id)
        except Exception as exc:
            log.error("cannot start a crawl of %s: %s", outlet, exc, extra={"outlet": outlet})
            return statuses, None
        refused: list[str] = list(tried)
        errors: list[str] = []
        while True:
            node = choose_node(statuses, exclude=refused)
            if node is None:
                break
            try:
                self.runs.update(run_id, node=node)
                self.by_url[node].schedule(outlet, job_id=job_id, args=self._args(outlet, run_id),
                                           settings=self._scrapy_settings())
            except ScrapydError as exc:
                log.warning("%s", exc, extra={"outlet": outlet, "node": node})
                errors.append(str(exc))
                refused.append(node)
                continue
            except Exception as exc:
                log.error("cannot record the node of crawl run %s: %s", run_id, exc)
                return statuses, None
            now = time.monotonic()
            self._jobs[outlet] = Job(outlet, run_id, node, job_id, now,
                                      now + self.settings.crawl_timeout + START_GRACE, tried=list(tried))
            log.info("crawl of %s scheduled on %s (run %s, job %s)", outlet, node, run_id, job_id,
                     extra={"outlet": outlet, "run_id": run_id, "node": node})
            return with_job(statuses, node), None
        down = [s.url for s in statuses if not s.reachable]
        message = "no Scrapyd node could take the crawl"
        if down:
            message += f"; unreachable: {', '.join(down)}"
        if errors:
            message += f"; {errors[-1]}"
        log.error("crawl of %s not started: %s", outlet, message, extra={"outlet": outlet, "run_id": run_id})
        return statuses, self.runs.close(outlet, run_id, "failed", message, time.monotonic())

    def _args(self, outlet: str, run_id: int) -> dict[str, str]:
        return {"crawl_run_id": str(run_id), "base_url": self.settings.base_url(outlet)}

    def _scrapy_settings(self) -> dict[str, str]:
        """Per-job Scrapy settings: where to write and the leader's time limit; the rest is the node's env."""
        settings = {"CLOSESPIDER_TIMEOUT": str(self.settings.crawl_timeout)}
        url = self.settings.scrapyd_database_url
        if url is None:
            url = self.database_url
        if url and url != "node":
            settings["PANTAU_DATABASE_URL"] = url
        return settings

    # -- tracking ---------------------------------------------------------------------------
    def _check(self, now: float) -> list[CrawlOutcome]:
        by_node: dict[str, dict[str, str] | None] = {}
        for node in {job.node for job in self._jobs.values()}:
            client = self.by_url.get(node)
            try:
                by_node[node] = client.jobs() if client is not None else None
            except ScrapydError as exc:
                log.warning("%s", exc, extra={"node": node})
                by_node[node] = None
        outcomes: list[CrawlOutcome] = []
        lost: list[Job] = []
        for outlet, job in list(self._jobs.items()):
            states = by_node.get(job.node)
            state = states.get(job.job_id) if states is not None else None
            if state in ("pending", "running"):
                job.missing = 0
                self._enforce_deadline(job, now)
                continue
            if state == "finished" or self.runs.recorded(job.run_id):
                del self._jobs[outlet]
                outcome = self._finished(job, now)
                if outcome is not None:
                    outcomes.append(outcome)
                continue
            job.missing += 1
            if job.missing >= LOST_AFTER:
                del self._jobs[outlet]
                lost.append(job)
        if lost:
            statuses = node_statuses(self.clients)
            for job in lost:
                statuses, outcome = self._failover(job, states_known=by_node.get(job.node) is not None,
                                                   statuses=statuses, now=now)
                if outcome is not None:
                    outcomes.append(outcome)
        return outcomes

    def _enforce_deadline(self, job: Job, now: float) -> None:
        client = self.by_url.get(job.node)
        if client is None:
            return
        signal = None
        if job.cancelled_at is None and now >= job.deadline:
            log.warning("crawl of %s on %s passed its time limit; cancelling job %s", job.outlet, job.node,
                        job.job_id, extra={"outlet": job.outlet, "run_id": job.run_id})
            job.reason, job.cancelled_at, signal = "timeout", now, "INT"
        elif job.cancelled_at is not None and now >= job.cancelled_at + KILL_GRACE:
            job.cancelled_at, signal = now, "KILL"
        if signal is not None:
            with contextlib.suppress(ScrapydError):
                client.cancel(job.job_id, signal)

    def _failover(self, job: Job, *, states_known: bool, statuses: list[NodeStatus],
                  now: float) -> tuple[list[NodeStatus], CrawlOutcome | None]:
        """The job's node is down or forgot it: close its run and crawl the outlet on another node."""
        why = "forgot the job (restarted?)" if states_known else "is unreachable"
        tried = [*job.tried, job.node]
        message = f"Scrapyd node {job.node} {why}; the crawl was lost"
        with contextlib.suppress(Exception):
            self.runs.update(job.run_id, status="interrupted", finished_at=datetime.now(UTC), error_message=message,
                         only_running=True)
        if job.node not in self.by_url:  # adopted from a node no longer configured
            log.warning("crawl run %s on %s (not a configured node) closed as interrupted", job.run_id, job.node)
            return statuses, self.runs.outcome(job, now)
        if len(tried) >= MAX_NODES_PER_CRAWL:
            log.error("crawl of %s lost on %d nodes; waiting for its next turn", job.outlet, len(tried))
            return statuses, self.runs.outcome(job, now)
        log.warning("%s; re-scheduling %s on another node", message, job.outlet,
                    extra={"outlet": job.outlet, "run_id": job.run_id, "node": job.node})
        return self._start(job.outlet, statuses, tried=tried)

    def _finished(self, job: Job, now: float) -> CrawlOutcome | None:
        if job.reason == "timeout":
            self.runs.update(job.run_id, status="timeout", finished_at=datetime.now(UTC),
                         error_message=f"crawl exceeded its {self.settings.crawl_timeout}s limit and was cancelled",
                         only_running=False)
        else:
            with contextlib.suppress(Exception):
                self.runs.update(job.run_id, status="failed", finished_at=datetime.now(UTC), only_running=True,
                             error_message=f"the Scrapyd job {job.job_id} on {job.node} ended without recording "
                                           "a result (see the node's job log)")
        return self.runs.outcome(job, now)

    def _adopt(self) -> None:
        """Track the Scrapyd jobs a previous leader left running (their rows name node and job id)."""
        try:
            rows = self.runs.running_jobs()
        except Exception as exc:
            log.error("cannot read running Scrapyd crawls: %s", exc)
            self._adopted = False
            return
        now = time.monotonic()
        for run_id, outlet, node, job_id in rows:
            if outlet in self._jobs:
                continue
            self._jobs[outlet] = Job(outlet, run_id, normalize_url(node), job_id, now,
                                      now + self.settings.crawl_timeout + START_GRACE)
        if rows:
            log.info("tracking %d Scrapyd crawl(s) started by a previous leader", len(rows))
