"""A local HTTP endpoint that acts as Sentry: receives real envelopes and decodes them."""

from __future__ import annotations

import gzip
import json
import threading
import time
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import brotli


@dataclass
class SentrySink:
    port: int
    envelopes: list[list[dict[str, Any]]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def dsn(self) -> str:
        return f"http://publickey@127.0.0.1:{self.port}/1"

    def items(self, item_type: str) -> list[dict[str, Any]]:
        with self.lock:
            return [item for env in self.envelopes for item in env[1:] if item.get("_type") == item_type]

    def wait_for(self, item_type: str, count: int = 1, timeout: float = 10.0) -> list[dict[str, Any]]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = self.items(item_type)
            if len(found) >= count:
                return found
            time.sleep(0.05)
        return self.items(item_type)


def decode_body(body: bytes, encoding: str | None) -> bytes:
    if encoding == "br":
        return bytes(brotli.decompress(body))
    if encoding == "gzip":
        return gzip.decompress(body)
    if encoding == "deflate":
        return zlib.decompress(body)
    return body


def parse_envelope(raw: bytes) -> list[dict[str, Any]]:
    """Header line, then (item header, payload) pairs; each payload JSON-decoded with its `_type`."""
    lines = raw.split(b"\n")
    parsed: list[dict[str, Any]] = [json.loads(lines[0])]
    i = 1
    while i < len(lines):
        if not lines[i].strip():
            i += 1
            continue
        header = json.loads(lines[i])
        payload_line = lines[i + 1] if i + 1 < len(lines) else b"{}"
        try:
            payload = json.loads(payload_line)
        except ValueError:
            payload = {"raw": payload_line.decode("utf-8", "replace")}
        if isinstance(payload, dict):
            payload["_type"] = header.get("type")
            parsed.append(payload)
        i += 2
    return parsed


@contextmanager
def sentry_sink() -> Iterator[SentrySink]:
    sink = SentrySink(port=0)

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = decode_body(self.rfile.read(length), self.headers.get("Content-Encoding"))
            with sink.lock:
                sink.envelopes.append(parse_envelope(body))
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(b"{}")

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    sink.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield sink
    finally:
        server.shutdown()
        server.server_close()
