"""A local SMTP sink (aiosmtpd) that keeps what it receives, for `pantau demo` and the freshness bench."""

from __future__ import annotations

import socket
import threading
import time
from dataclasses import dataclass
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any

from aiosmtpd.controller import Controller


@dataclass(frozen=True)
class Received:
    """One accepted message and when the sink accepted it (time.time())."""

    accepted_at: float
    message: EmailMessage


class _Handler:
    def __init__(self, sink: SmtpSink) -> None:
        self.sink = sink

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        raw = envelope.original_content or envelope.content or b""
        if isinstance(raw, str):
            raw = raw.encode("utf-8", "replace")
        msg = message_from_bytes(raw, policy=policy.default)
        if isinstance(msg, EmailMessage):
            self.sink._add(Received(time.time(), msg))
        return "250 2.0.0 OK queued"


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


class SmtpSink:
    """`with SmtpSink() as sink:` listens on 127.0.0.1:`sink.port` and collects messages."""

    def __init__(self, host: str = "127.0.0.1", port: int | None = None) -> None:
        self.host = host
        self.port = port or free_port(host)
        self.received: list[Received] = []
        self._cond = threading.Condition()
        self._controller = Controller(_Handler(self), hostname=host, port=self.port)

    def _add(self, item: Received) -> None:
        with self._cond:
            self.received.append(item)
            self._cond.notify_all()

    def start(self) -> SmtpSink:
        self._controller.start()
        return self

    def stop(self) -> None:
        self._controller.stop()

    def __enter__(self) -> SmtpSink:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def wait_for(self, predicate: Any, timeout: float) -> Received | None:
        """The first received message for which `predicate(message)` holds, waiting up to `timeout` s."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                for item in self.received:
                    if predicate(item.message):
                        return item
                left = deadline - time.monotonic()
                if left <= 0:
                    return None
                self._cond.wait(min(left, 0.5))


def message_text(msg: EmailMessage) -> str:
    """The plain-text body of a message (or its first text part)."""
    part = msg.get_body(preferencelist=("plain", "html"))
    if part is None:
        return ""
    content = part.get_content()  # type: ignore[attr-defined]
    return content if isinstance(content, str) else ""
