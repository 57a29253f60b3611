"""Scrapyd nodes: a small JSON API client, the least-busy node choice, and the egg upload."""

from __future__ import annotations

import json
import logging
import uuid
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.error import HTTPError, URLError
from urllib.parse import urlencode
from urllib.request import Request, urlopen

log = logging.getLogger(__name__)

PROJECT = "pantau"  # the Scrapyd project the crawler egg is deployed as
TIMEOUT = 5.0  # seconds per request: a dead node must not hold the leader up for long
# schedule.json and listspiders.json run `scrapy list` in a child process on the node the first time after a
# deploy (the node answers nothing else meanwhile), which takes a while on a busy machine
LIST_TIMEOUT = 90.0


class ScrapydError(Exception):
    """A Scrapyd node is unreachable or refused a request (the message says which and why)."""


@dataclass(frozen=True)
class NodeStatus:
    """One node's answer to daemonstatus.json (reachable=False when it did not answer)."""

    url: str
    reachable: bool
    pending: int = 0
    running: int = 0
    error: str | None = None

    @property
    def load(self) -> int:
        return self.pending + self.running


def choose_node(nodes: Sequence[NodeStatus], exclude: Collection[str] = ()) -> str | None:
    """The least busy reachable node not in `exclude`; ties go to the node listed first. None if none."""
    candidates = [(node.load, index, node.url) for index, node in enumerate(nodes)
                  if node.reachable and node.url not in exclude]
    return min(candidates)[2] if candidates else None


def with_job(nodes: Sequence[NodeStatus], url: str) -> list[NodeStatus]:
    """The statuses after scheduling one more job on `url` (so a burst of crawls spreads out)."""
    return [NodeStatus(n.url, n.reachable, n.pending + 1, n.running, n.error) if n.url == url else n
            for n in nodes]


def normalize_url(url: str) -> str:
    return url.strip().rstrip("/")


def new_job_id() -> str:
    return uuid.uuid4().hex


class ScrapydClient:
    """The parts of the Scrapyd JSON API Pantau uses, for one node."""

    def __init__(self, url: str, *, project: str = PROJECT, timeout: float = TIMEOUT) -> None:
        self.url = normalize_url(url)
        self.project = project
        self.timeout = timeout

    def __repr__(self) -> str:
        return f"ScrapydClient({self.url!r})"

    # -- transport -----------------------------------------------------------------------------
    def _call(self, endpoint: str, *, query: Sequence[tuple[str, str]] = (),
              form: Sequence[tuple[str, str]] | None = None, body: bytes | None = None,
              content_type: str | None = None, timeout: float | None = None) -> dict[str, Any]:
        target = f"{self.url}/{endpoint}"
        if query:
            target += "?" + urlencode(list(query))
        data = body
        headers = {"Accept": "application/json"}
        if form is not None:
            data = urlencode(list(form)).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        elif content_type is not None:
            headers["Content-Type"] = content_type
        request = Request(target, data=data, headers=headers, method="POST" if data is not None else "GET")
        try:
            with urlopen(request, timeout=timeout or self.timeout) as response:
                raw = response.read()
        except HTTPError as exc:
            raise ScrapydError(f"Scrapyd node {self.url}: {endpoint} answered HTTP {exc.code}") from None
        except (URLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise ScrapydError(f"Scrapyd node {self.url} is unreachable: {reason}") from None
        try:
            answer = json.loads(raw)
        except ValueError:
            raise ScrapydError(f"Scrapyd node {self.url}: {endpoint} did not answer JSON") from None
        if not isinstance(answer, dict):
            raise ScrapydError(f"Scrapyd node {self.url}: {endpoint} gave an unexpected answer")
        if answer.get("status") != "ok":
            message = str(answer.get("message") or answer)[:500]
            raise ScrapydError(f"Scrapyd node {self.url}: {endpoint} failed: {message}")
        return answer

    # -- API -------------------------------------------------------------------------------------
    def status(self) -> NodeStatus:
        """daemonstatus.json; never raises (an unreachable node is reported as such)."""
        try:
            answer = self._call("daemonstatus.json")
            return NodeStatus(self.url, True, int(answer.get("pending", 0)), int(answer.get("running", 0)))
        except (ScrapydError, TypeError, ValueError) as exc:
            return NodeStatus(self.url, False, error=str(exc))

    def schedule(self, spider: str, *, job_id: str, args: Mapping[str, str] | None = None,
                 settings: Mapping[str, str] | None = None) -> str:
        """schedule.json: queue `spider` with spider arguments and Scrapy settings; returns the job id."""
        form = [("project", self.project), ("spider", spider), ("jobid", job_id)]
        form += [("setting", f"{key}={value}") for key, value in (settings or {}).items()]
        form += [(key, str(value)) for key, value in (args or {}).items()]
        answer = self._call("schedule.json", form=form, timeout=LIST_TIMEOUT)
        return str(answer.get("jobid") or job_id)

    def jobs(self) -> dict[str, str]:
        """listjobs.json: job id -> pending | running | finished, for this project."""
        answer = self._call("listjobs.json", query=[("project", self.project)])
        states: dict[str, str] = {}
        for state in ("finished", "pending", "running"):  # a job moving between lists counts as the later one
            for job in answer.get(state) or []:
                if isinstance(job, dict) and job.get("id"):
                    states[str(job["id"])] = state
        return states

    def cancel(self, job_id: str, signal: str = "INT") -> str | None:
        """cancel.json: INT asks Scrapy to stop cleanly, KILL ends it; returns the job's previous state."""
        answer = self._call("cancel.json", form=[("project", self.project), ("job", job_id), ("signal", signal)])
        prev = answer.get("prevstate")
        return str(prev) if prev else None

    def spiders(self) -> list[str]:
        """listspiders.json (also fills the node's spider list cache that schedule.json uses)."""
        answer = self._call("listspiders.json", query=[("project", self.project)], timeout=LIST_TIMEOUT)
        return [str(name) for name in answer.get("spiders") or []]

    def add_version(self, version: str, egg: bytes, *, timeout: float = 180.0) -> dict[str, Any]:
        """addversion.json: upload the crawler egg (multipart/form-data, as scrapyd-deploy sends it).

        The node lists the egg's spiders in a Scrapy process before it answers, hence the long timeout.
        """
        boundary = "pantau-" + uuid.uuid4().hex
        parts: list[bytes] = []
        for name, value in (("project", self.project), ("version", version)):
            parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="egg"; filename="{self.project}.egg"\r\n'
                     "Content-Type: application/octet-stream\r\n\r\n".encode() + egg + b"\r\n")
        parts.append(f"--{boundary}--\r\n".encode())
        return self._call("addversion.json", body=b"".join(parts), timeout=timeout,
                          content_type=f"multipart/form-data; boundary={boundary}")


def node_statuses(clients: Sequence[ScrapydClient]) -> list[NodeStatus]:
    statuses = [client.status() for client in clients]
    for status in statuses:
        if not status.reachable:
            log.warning("%s", status.error, extra={"node": status.url})
    return statuses
