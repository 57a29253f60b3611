"""Injected faults fire exactly N times, then the same request succeeds; the request log sees everything."""

from __future__ import annotations

import http.client
from collections.abc import Iterator

import pytest

from crawler.testing import ReplicaSite
from tests.testing.conftest import fetch


@pytest.fixture(scope="module")
def site() -> Iterator[ReplicaSite]:
    with ReplicaSite("diksi") as s:
        yield s


@pytest.fixture(autouse=True)
def _clean(site: ReplicaSite) -> None:
    site.clear_faults()
    site.reset_log()


@pytest.mark.parametrize(("kind", "status"), [("http500", 500), ("http503", 503)])
def test_server_errors_fire_exactly_n_times(site: ReplicaSite, kind: str, status: int) -> None:
    fault = site.inject_fault("/index.php/feed/*", kind, times=2)
    codes = [fetch(site.base_url + "/index.php/feed/").status for _ in range(4)]
    assert codes == [status, status, 200, 200]
    assert fault.hits == 2 and fault.remaining == 0
    assert fetch(site.base_url + "/robots.txt").status == 200


def test_retry_after_on_503(site: ReplicaSite) -> None:
    site.inject_fault("/robots.txt", "http503", times=1)
    assert fetch(site.base_url + "/robots.txt").headers["retry-after"] == "1"


def test_slow_delays_then_answers(site: ReplicaSite) -> None:
    fault = site.inject_fault("/robots.txt", "slow", times=1, delay=0.2)
    assert fetch(site.base_url + "/robots.txt").status == 200
    assert fault.hits == 1
    site.inject_fault("/robots.txt", "slow", times=1, delay=1.0)
    with pytest.raises(TimeoutError):
        conn = http.client.HTTPConnection("127.0.0.1", site.port, timeout=0.3)
        try:
            conn.request("GET", "/robots.txt")
            conn.getresponse()
        finally:
            conn.close()


def test_truncate_cuts_inside_a_tag(site: ReplicaSite) -> None:
    path = site.entries[0].path
    full = fetch(site.base_url + path).body
    site.inject_fault(path, "truncate", times=1)
    cut = fetch(site.base_url + path)
    assert cut.status == 200 and len(cut.body) < len(full) and full.startswith(cut.body)
    assert cut.body.rsplit(b"<", 1)[1].find(b">") == -1  # ends inside an open tag
    assert not cut.text.rstrip().endswith("</html>")
    assert fetch(site.base_url + path).body == full


def test_wrong_charset_declares_latin1_for_utf8(site: ReplicaSite) -> None:
    path = site.entries[0].path
    site.inject_fault(path, "wrong_charset", times=1)
    got = fetch(site.base_url + path)
    assert "charset=iso-8859-1" in got.headers["content-type"].lower()
    assert b'<meta charset="iso-8859-1">' in got.body
    assert "“".encode() in got.body  # typographic quotes still UTF-8 encoded
    assert "charset=utf-8" in fetch(site.base_url + path).headers["content-type"].lower()


def test_wrong_charset_cp1252_sends_cp1252_bytes(site: ReplicaSite) -> None:
    path = site.entries[0].path
    site.inject_fault(path, "wrong_charset_cp1252", times=1)
    got = fetch(site.base_url + path)
    assert "charset=utf-8" in got.headers["content-type"].lower()
    assert b"\x93" in got.body  # cp1252 left double quotation mark
    with pytest.raises(UnicodeDecodeError):
        got.body.decode("utf-8")


def test_reset_drops_the_connection_then_recovers(site: ReplicaSite) -> None:
    fault = site.inject_fault("^/robots\\.txt$", "reset", times=1)
    with pytest.raises((ConnectionError, http.client.RemoteDisconnected)):
        fetch(site.base_url + "/robots.txt")
    assert fetch(site.base_url + "/robots.txt").status == 200
    assert fault.hits == 1


def test_unlimited_fault_and_clear(site: ReplicaSite) -> None:
    site.inject_fault("*/wp-sitemap*", "http500", times=None)
    assert {fetch(site.base_url + "/wp-sitemap.xml").status for _ in range(3)} == {500}
    site.clear_faults()
    assert fetch(site.base_url + "/wp-sitemap.xml").status == 200


def test_unknown_kind_is_refused(site: ReplicaSite) -> None:
    with pytest.raises(ValueError, match="unknown fault kind"):
        site.inject_fault("/", "explode")


def test_request_log_and_keep_alive(site: ReplicaSite) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", site.port, timeout=5)
    try:
        for path in ("/robots.txt", "/index.php/feed/?paged=2"):
            conn.request("GET", path, headers={"User-Agent": "pantau-test"})
            resp = conn.getresponse()
            resp.read()
            assert resp.status == 200 and resp.getheader("Connection") != "close"
    finally:
        conn.close()
    log = site.request_log
    assert [(r.method, r.path) for r in log] == [("GET", "/robots.txt"), ("GET", "/index.php/feed/?paged=2")]
    assert log[0].headers["User-Agent"] == "pantau-test"
    site.reset_log()
    assert site.request_log == []


def test_gzip_when_asked(site: ReplicaSite) -> None:
    got = fetch(site.base_url + "/index.php/feed/", headers={"Accept-Encoding": "gzip"})
    assert got.headers.get("content-encoding") == "gzip" and got.body[:2] == b"\x1f\x8b"


def test_stop_closes_kept_alive_connections_and_restart_reuses_the_port() -> None:
    site = ReplicaSite("posjayanews").start()
    port = site.port
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        conn.request("GET", "/robots.txt")
        resp = conn.getresponse()
        resp.read()
        site.stop()
        with pytest.raises((ConnectionError, http.client.HTTPException, OSError)):
            conn.request("GET", "/robots.txt")
            conn.getresponse().read()
    finally:
        conn.close()
    site.start()
    try:
        assert site.port == port and fetch(site.base_url + "/robots.txt").status == 200
    finally:
        site.stop()
