"""Incremental crawl cost: HTTP requests per outlet for passes that find 0, 1 and 10 new articles.

Run: .venv/bin/python bench/incremental.py [--outlets a,b] [--json out.json]

For each of the five outlets: a replica (its default articles) and a throw-away database; a first pass
back-fills (reported, not judged); then passes after publishing 0, 1 and 10 new articles
(`make_sanction_article`), each `python -m crawler.run OUTLET` in a child process with the normal
settings (robots.txt obeyed; only the download delay is 0). Requests are read from the replica's
request_log; robots.txt is counted apart. Targets: 0 new <= 2 requests; k new <= k + 3 + the extra
pages of multi-page articles.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import _common

PASSES = (0, 1, 10)


def run_pass(outlet: str, base_url: str, database_url: str, workdir: Path) -> int:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PANTAU_") and k != "DATABASE_URL"}
    env.update({
        f"PANTAU_{outlet.upper()}_BASE_URL": base_url, "DATABASE_URL": database_url,
        "PANTAU_DATA_DIR": str(workdir), "PANTAU_DOWNLOAD_DELAY": "0", "PANTAU_LOG_LEVEL": "WARNING",
        "PYTHONPATH": str(_common.ROOT),
    })
    return subprocess.run([sys.executable, "-m", "crawler.run", outlet], env=env, cwd=_common.ROOT).returncode


def counted(site: Any) -> tuple[int, int]:
    """(requests without robots.txt, robots.txt requests) since the last reset."""
    paths = [entry.path.split("?")[0] for entry in site.request_log]
    robots = sum(path == "/robots.txt" for path in paths)
    return len(paths) - robots, robots


def bench_outlet(outlet: str, admin: str, workdir: Path, seed: int) -> list[dict[str, Any]]:
    from crawler.testing import ReplicaSite, make_sanction_article

    rows: list[dict[str, Any]] = []
    with _common.temp_database(admin) as url, ReplicaSite(outlet) as site:
        code = run_pass(outlet, site.base_url, url, workdir)
        requests, robots = counted(site)
        rows.append({"outlet": outlet, "new": "back-fill", "requests": requests, "robots": robots,
                     "allowed": "", "exit": code, "ok": ""})
        for k in PASSES:
            extra = 0
            for i in range(k):
                article = make_sanction_article(outlet, seed=seed * 1000 + k * 100 + i)
                extra += max(len(article.pages) - 1, 0)
                site.publish(article)
            site.reset_log()
            code = run_pass(outlet, site.base_url, url, workdir)
            requests, robots = counted(site)
            allowed = 2 if k == 0 else k + 3 + extra
            rows.append({"outlet": outlet, "new": k, "requests": requests, "robots": robots,
                         "allowed": allowed, "exit": code, "ok": "yes" if requests <= allowed and code == 0 else "NO"})
    return rows


def main(argv: list[str] | None = None) -> int:
    from crawler.testing import OUTLET_KEYS

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--outlets", default=",".join(OUTLET_KEYS))
    parser.add_argument("--seed", type=int, default=1)
    _common.add_common_arguments(parser)
    args = parser.parse_args(argv)
    print(f"incremental crawl requests; {_common.machine_line()}")
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="pantau-bench-inc-") as tmp, \
            _common.server_url(args.database_url) as admin:
        for outlet in [o.strip() for o in args.outlets.split(",") if o.strip()]:
            rows += bench_outlet(outlet, admin, Path(tmp), args.seed)
    columns = ["outlet", "new", "requests", "robots", "allowed", "ok", "exit"]
    print()
    _common.print_table(columns, [[row[c] for c in columns] for row in rows])
    judged = [row for row in rows if row["ok"]]
    met = all(row["ok"] == "yes" for row in judged)
    print(f"\ntargets (0 new <= 2; k new <= k + 3 + extra pages): {'met' if met else 'MISSED'} "
          f"({sum(row['ok'] == 'yes' for row in judged)}/{len(judged)} passes)")
    _common.write_json(args.json, "incremental", {"passes": rows, "targets_met": met})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
