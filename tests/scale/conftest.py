"""Fixtures for scale-out tests: the crawler egg, real Scrapyd nodes on 127.0.0.1 ports."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from monitor.service.scrapyd import ScrapydClient

REPO_ROOT = Path(__file__).resolve().parents[2]
DEPLOY_DIR = REPO_ROOT / "deploy" / "scrapyd"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def build_egg(out: Path) -> Path:
    """The deploy step of the README: `setup.py bdist_egg` in deploy/scrapyd, built outside the tree."""
    out.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [sys.executable, "setup.py", "-q", "egg_info", "--egg-base", str(out), "build", "--build-base",
         str(out / "build"), "bdist_egg", "--bdist-dir", str(out / "bdist"), "-d", str(out / "dist")],
        cwd=DEPLOY_DIR, check=True, capture_output=True, timeout=120,
    )
    return next((out / "dist").glob("*.egg"))


def node_env() -> dict[str, str]:
    """What a Scrapyd node's environment carries: the crawl settings (fast and polite to 127.0.0.1)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PANTAU_") and k not in ("DATABASE_URL",
                                                                                               "SENTRY_DSN")}
    env.update({"PANTAU_DOWNLOAD_DELAY": "0", "PANTAU_AUTOTHROTTLE": "false", "PANTAU_RETRY_BACKOFF": "0.1",
                "PANTAU_LOG_LEVEL": "INFO", "PYTHONPATH": str(REPO_ROOT)})
    return env


class ScrapydNode:
    """A real `scrapyd` server in its own process group (stopping it ends its crawls too, like a lost machine).

    `installed=True` configures the `pantau` project as deploy/scrapyd/ does (the installed package, no egg);
    otherwise the project exists once the crawler egg is uploaded.
    """

    def __init__(self, workdir: Path, port: int, *, installed: bool = False) -> None:
        self.workdir = workdir
        self.port = port
        self.installed = installed
        self.url = f"http://127.0.0.1:{port}"
        workdir.mkdir(parents=True, exist_ok=True)
        (workdir / "scrapyd.conf").write_text(
            "[scrapyd]\n"
            "bind_address = 127.0.0.1\n"
            f"http_port = {port}\n"
            f"eggs_dir = {workdir / 'eggs'}\n"
            f"logs_dir = {workdir / 'logs'}\n"
            f"dbs_dir = {workdir / 'dbs'}\n"
            "max_proc = 2\n"
            "poll_interval = 0.5\n"
            + ("\n[settings]\npantau = crawler.settings\n" if installed else "")
        )
        self.log_path = workdir / "scrapyd.log"
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> ScrapydNode:
        with self.log_path.open("ab") as log:
            env = node_env()
            if self.installed:
                env["SCRAPY_SETTINGS_MODULE"] = "crawler.settings"
            self.proc = subprocess.Popen([sys.executable, "-m", "scrapyd"], cwd=self.workdir, env=env,
                                         stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                                         start_new_session=True)
        return self

    def wait_ready(self, timeout: float = 60) -> None:
        client = ScrapydClient(self.url, timeout=2)
        deadline = time.monotonic() + timeout
        while not client.status().reachable:
            if self.proc is not None and self.proc.poll() is not None:
                raise AssertionError(f"scrapyd on {self.url} exited:\n{self.log()}")
            if time.monotonic() > deadline:
                raise AssertionError(f"scrapyd on {self.url} did not answer within {timeout}s:\n{self.log()}")
            time.sleep(0.2)

    def kill(self) -> None:
        """SIGKILL the node and every crawl it started (one process group)."""
        if self.proc is None:
            return
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait(timeout=10)

    def log(self) -> str:
        text = self.log_path.read_text(errors="replace") if self.log_path.exists() else ""
        for job_log in sorted((self.workdir / "logs").rglob("*.log")):
            text += f"\n--- {job_log.name}\n" + job_log.read_text(errors="replace")[-3000:]
        return text[-12000:]


@pytest.fixture(scope="session")
def crawler_egg(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    return build_egg(tmp_path_factory.mktemp("egg")).read_bytes()


@pytest.fixture(scope="module")
def two_nodes(tmp_path_factory: pytest.TempPathFactory, crawler_egg: bytes) -> Iterator[list[ScrapydNode]]:
    """Two Scrapyd nodes shared by a module (a test may kill one, last): the first runs the uploaded crawler
    egg, the second the installed package (both ways of deploy/scrapyd/)."""
    base = tmp_path_factory.mktemp("scrapyd")
    nodes = [ScrapydNode(base / "scrapyd-1", free_port()).start(),
             ScrapydNode(base / "scrapyd-2", free_port(), installed=True).start()]
    try:
        for node in nodes:
            node.wait_ready()
        answer = ScrapydClient(nodes[0].url).add_version("1", crawler_egg)  # lists the egg's spiders first
        assert answer["spiders"] == 5, answer
        with ThreadPoolExecutor(2) as pool:  # warm the nodes' spider list cache used by schedule.json
            assert all(len(names) == 5 for names in pool.map(lambda n: ScrapydClient(n.url).spiders(), nodes))
        yield nodes
    finally:
        for node in nodes:
            node.kill()
