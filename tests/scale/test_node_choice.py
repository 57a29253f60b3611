"""Node choice is pure: the least busy reachable node, ties to the first listed; the client reports dead nodes."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from monitor.service.scrapyd import NodeStatus, ScrapydClient, ScrapydError, choose_node, with_job
from tests.scale.conftest import free_port

A, B, C = "http://a:6800", "http://b:6800", "http://c:6800"


def test_least_busy_reachable_node_wins() -> None:
    nodes = [NodeStatus(A, True, pending=1, running=2), NodeStatus(B, True, running=1), NodeStatus(C, False)]
    assert choose_node(nodes) == B


def test_ties_go_to_the_first_listed_node() -> None:
    assert choose_node([NodeStatus(A, True, running=1), NodeStatus(B, True, pending=1)]) == A


def test_unreachable_and_excluded_nodes_are_skipped() -> None:
    nodes = [NodeStatus(A, False), NodeStatus(B, True, running=5), NodeStatus(C, True)]
    assert choose_node(nodes, exclude=[C]) == B
    assert choose_node(nodes, exclude=[B, C]) is None
    assert choose_node([]) is None


def test_a_burst_of_crawls_spreads_over_the_nodes() -> None:
    nodes = [NodeStatus(A, True), NodeStatus(B, True), NodeStatus(C, True, running=1)]
    placed = []
    for _ in range(6):
        node = choose_node(nodes)
        assert node is not None
        placed.append(node)
        nodes = with_job(nodes, node)
    assert placed == [A, B, A, B, C, A]


def test_client_reports_a_dead_node_without_raising_on_status() -> None:
    port = free_port()
    client = ScrapydClient(f"http://127.0.0.1:{port}/", timeout=2)
    status = client.status()
    assert status.url == client.url == f"http://127.0.0.1:{port}"
    assert not status.reachable and "unreachable" in (status.error or "")
    with pytest.raises(ScrapydError, match="unreachable"):
        client.jobs()


class _Answers(BaseHTTPRequestHandler):
    """A stand-in that answers like Scrapyd does when it refuses a request (HTTP 200, status=error)."""

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self._reply({"status": "error", "message": "spider 'nope' not found", "node_name": "x"})

    def do_GET(self) -> None:
        if self.path.startswith("/listjobs.json"):
            self._reply({"status": "ok", "pending": [{"id": "j1"}], "running": [{"id": "j2"}],
                         "finished": [{"id": "j3"}, {"id": "j2"}]})
        else:
            self.send_response(500)
            self.end_headers()

    def _reply(self, body: dict[str, object]) -> None:
        data = json.dumps(body).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def answering_node() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Answers)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_client_errors_and_job_states(answering_node: str) -> None:
    client = ScrapydClient(answering_node)
    with pytest.raises(ScrapydError, match="spider 'nope' not found"):
        client.schedule("nope", job_id="j9")
    assert client.jobs() == {"j1": "pending", "j2": "running", "j3": "finished"}
    with pytest.raises(ScrapydError, match="HTTP 500"):
        client.spiders()
    assert not client.status().reachable
