"""A stand-in for `python -m crawler.run` in service tests: behaves as PANTAU_FAKE_CRAWL says."""

from __future__ import annotations

import argparse
import os
import signal
import sys
import time

import psycopg


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("outlet")
    parser.add_argument("--crawl-run-id", type=int, required=True)
    args = parser.parse_args()
    mode = os.environ.get("PANTAU_FAKE_CRAWL", "ok")
    if mode == "hang-hard":  # ignores SIGTERM: only SIGKILL ends it
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
    if mode.startswith("hang"):
        while True:
            time.sleep(1)
    if mode == "crash":
        return 3
    new = int(os.environ.get("PANTAU_FAKE_NEW", "0"))
    with psycopg.connect(os.environ["DATABASE_URL"], autocommit=True) as conn:
        conn.execute(
            "UPDATE crawl_runs SET status = 'ok', finished_at = now(), new_articles = %s, requests = 3 "
            "WHERE id = %s",
            (new, args.crawl_run_id),
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
