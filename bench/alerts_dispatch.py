"""Alert dispatch throughput: alerts per second to a local SMTP server (1 and 2 dispatchers) and to .eml.

Run: .venv/bin/python bench/alerts_dispatch.py [--alerts 300]
Uses DATABASE_URL when set (a scratch database: the alerts table is emptied), else a throwaway embedded
PostgreSQL. Every run checks that each alert was delivered exactly once.
"""

from __future__ import annotations

import argparse
import asyncio
import socket
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from aiosmtpd.controller import Controller  # noqa: E402
from sqlalchemy import delete  # noqa: E402

from monitor.alerts.dispatch import dispatch_due  # noqa: E402
from monitor.alerts.outbox import enqueue  # noqa: E402
from monitor.db.models import Alert  # noqa: E402
from monitor.db.runtime import open_database  # noqa: E402
from monitor.db.session import make_engine, make_sessionmaker, transaction  # noqa: E402
from monitor.settings import load_settings  # noqa: E402


class Sink:
    def __init__(self) -> None:
        self.ids: Counter[str] = Counter()
        self.lock = threading.Lock()

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        await asyncio.sleep(0)
        for line in bytes(envelope.original_content or envelope.content).split(b"\r\n"):
            if line.lower().startswith(b"message-id:"):
                with self.lock:
                    self.ids[line.split(b":", 1)[1].strip().decode()] += 1
                break
        return "250 OK"


def queue(factory: Any, settings: Any, n: int, tag: str) -> None:
    with transaction(factory) as session:
        session.execute(delete(Alert))
        for i in range(n):
            enqueue(session, key=f"bench:{tag}:{i}", kind="test", recipients=["ops@example.org"],
                    payload={"at": None}, settings=settings)


def run(url: str, settings: Any, n: int, workers: int) -> float:
    engines = [make_engine(url, pool_size=2) for _ in range(workers)]
    factories = [make_sessionmaker(e) for e in engines]
    queue(factories[0], settings, n, f"{workers}-{settings.smtp_configured}")
    started = time.perf_counter()
    threads = [threading.Thread(target=lambda f=f: [None for _ in iter(lambda: dispatch_due(f, settings), 0)])
               for f in factories]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - started
    for e in engines:
        e.dispose()
    return n / elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--alerts", type=int, default=300)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="pantau-bench-") as tmp:
        base = load_settings(data_dir=Path(tmp), alert_retry_base=3600)
        with open_database(base, migrate=True) as db:
            sink = Sink()
            with socket.socket() as probe:
                probe.bind(("127.0.0.1", 0))
                port = probe.getsockname()[1]
            controller = Controller(sink, hostname="127.0.0.1", port=port)
            controller.start()
            try:
                smtp = base.model_copy(update={"smtp_host": "127.0.0.1", "smtp_port": port})
                for workers in (1, 2):
                    sink.ids.clear()
                    rate = run(db.url, smtp, args.alerts, workers)
                    once = len(sink.ids) == args.alerts and set(sink.ids.values()) == {1}
                    print(f"smtp, {workers} dispatcher(s): {rate:7.1f} alerts/s, each delivered once: {once}")
                rate = run(db.url, base, args.alerts, 1)
                files = len(list(base.eml_dir.glob("*.eml")))
                print(f"eml,  1 dispatcher:    {rate:7.1f} alerts/s, files: {files}")
            finally:
                controller.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
