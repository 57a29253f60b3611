"""A stand-in for `python -m crawler.run` in service tests: behaves as PANTAU_FAKE_CRAWL says."""

from __future__ import annotations

import argparse
import os
import signal
import sys
import time

import psycopg


def mode_for(spec: str, outlet: str) -> str:
    """`hang` for every outlet, or per outlet: `diksi=hang-hard,patrolipost=crash` (others: ok)."""
    if "=" not in spec:
        return spec
    modes = dict(part.split("=", 1) for part in spec.split(",") if "=" in part)
    return modes.get(outlet, "ok")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("outlet")
    parser.add_argument("--crawl-run-id", type=int, required=True)
    args = parser.parse_args()
    mode = mode_for(os.environ.get("PANTAU_FAKE_CRAWL", "ok"), args.outlet)
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
