"""The HTTP/1.1 request handler of the replicas: logging, faults, conditional GET, gzip, keep-alive."""

from __future__ import annotations

import gzip
import hashlib
import logging
import re
import socket
import struct
import time
from email.utils import format_datetime, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler
from typing import TYPE_CHECKING, Any

from crawler.testing.faults import Fault
from crawler.testing.routing import Reply

if TYPE_CHECKING:
    from crawler.testing.site import ReplicaSite

log = logging.getLogger(__name__)
_META_CHARSET = re.compile(rb"""(<meta charset=["']|encoding=["']|charset=)utf-8""", re.IGNORECASE)


def truncate(body: bytes) -> bytes:
    """Cut the document just inside a tag past its middle, as a dropped connection would."""
    cut = body.find(b"<", len(body) // 2)
    return body[: cut + 3] if cut >= 0 else body[: len(body) // 2]


def misdeclare(content_type: str, body: bytes) -> tuple[str, bytes]:
    """Declare ISO-8859-1 for a UTF-8 body (header, <meta> and XML declaration)."""
    ctype = re.sub(r"charset=[\w-]+", "charset=ISO-8859-1", content_type, flags=re.IGNORECASE)
    body = _META_CHARSET.sub(lambda m: m.group(1) + b"iso-8859-1", body, count=2)
    return ctype, body


def misencode(body: bytes) -> bytes:
    """Re-encode a UTF-8 body as windows-1252 while it still declares UTF-8."""
    return body.decode("utf-8", "replace").encode("cp1252", "replace")


class ReplicaHandler(BaseHTTPRequestHandler):
    """Serves one ReplicaSite (found on the server object)."""

    protocol_version = "HTTP/1.1"
    server_version = "nginx/1.24.0"
    sys_version = ""
    timeout = 30
    disable_nagle_algorithm = True  # headers and body go out in two writes; avoid 40 ms ACK stalls

    @property
    def site(self) -> ReplicaSite:
        return self.server.site  # type: ignore[attr-defined,no-any-return]

    def log_message(self, format: str, *args: Any) -> None:
        log.debug("replica %s: " + format, self.site.outlet, *args)

    def do_GET(self) -> None:
        self._serve(head=False)

    def do_HEAD(self) -> None:
        self._serve(head=True)

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        self.site.record("POST", self.path, dict(self.headers.items()))
        self._send(Reply(405, "Method Not Allowed", "text/plain; charset=UTF-8"), head=False)

    def _serve(self, head: bool) -> None:
        method = "HEAD" if head else "GET"
        self.site.record(method, self.path, dict(self.headers.items()))
        fault = self.site.faults.take(self.path)
        if fault is not None and fault.kind == "reset":
            self._reset()
            return
        if fault is not None and fault.kind == "slow":
            time.sleep(fault.delay)
        if fault is not None and fault.kind in ("http500", "http503"):
            status = 500 if fault.kind == "http500" else 503
            headers = {"Retry-After": "1"} if status == 503 else {}
            page = f"<html><body><h1>{status}</h1><p>Server error</p></body></html>"
            self._send(Reply(status, page, headers=headers), head=head)
            return
        try:
            reply = self.site.render(method, self.path)
        except Exception:
            log.exception("replica %s failed to render %s", self.site.outlet, self.path)
            reply = Reply(500, "<html><body><h1>500</h1></body></html>")
        self._send(reply, head=head, fault=fault)

    def _reset(self) -> None:
        """Abort the connection with a TCP RST and no response."""
        self.close_connection = True
        try:
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.connection.close()
        except OSError:
            pass

    def _not_modified(self, etag: str, last_modified: str | None) -> bool:
        inm = self.headers.get("If-None-Match")
        if inm is not None:
            tags = [t.strip() for t in inm.split(",")]
            return "*" in tags or etag in tags or f"W/{etag}" in tags
        ims = self.headers.get("If-Modified-Since")
        if ims and last_modified:
            try:
                return parsedate_to_datetime(ims) >= parsedate_to_datetime(last_modified)
            except (TypeError, ValueError):
                return False
        return False

    def _send(self, reply: Reply, head: bool, fault: Fault | None = None) -> None:
        body = reply.body.encode("utf-8") if isinstance(reply.body, str) else reply.body
        ctype = reply.content_type
        headers = dict(reply.headers)
        status = reply.status
        if reply.conditional and status == 200:
            etag = '"' + hashlib.sha1(body).hexdigest()[:20] + '"'
            headers["ETag"] = etag
            last_modified = format_datetime(reply.last_modified, usegmt=True) if reply.last_modified else None
            if last_modified:
                headers["Last-Modified"] = last_modified
            if self._not_modified(etag, last_modified):
                status, body = 304, b""
        if fault is not None and status == 200:
            if fault.kind == "truncate":
                body = truncate(body)
            elif fault.kind == "wrong_charset":
                ctype, body = misdeclare(ctype, body)
            elif fault.kind == "wrong_charset_cp1252":
                body = misencode(body)
        accept = self.headers.get("Accept-Encoding", "")
        if status == 200 and "gzip" in accept and len(body) > 1024 and not ctype.startswith("image/"):
            body = gzip.compress(body, compresslevel=5, mtime=0)
            headers["Content-Encoding"] = "gzip"
            headers["Vary"] = "Accept-Encoding"
        self.send_response(status)
        if status != 304:
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name, value)
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        if not head and status != 304:
            try:
                self.wfile.write(body)
            except OSError:
                self.close_connection = True
