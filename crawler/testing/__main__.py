"""`python -m crawler.testing serve|fixtures`: run the five replicas, or write saved-page fixtures."""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from pathlib import Path

from crawler.testing.cluster import ReplicaCluster, env_name
from crawler.testing.profiles import OUTLET_KEYS


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m crawler.testing", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    serve = sub.add_parser("serve", help="serve the outlet replicas until interrupted")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port-base", type=int, default=18080,
                       help=f"first port; outlets get port-base+0..4 in the order {','.join(OUTLET_KEYS)} "
                       "(0 = any free port)")
    serve.add_argument("--articles", type=int, default=None, help="articles per outlet (default: 14)")
    serve.add_argument("--seed", type=int, default=0)
    serve.add_argument("--outlets", default=",".join(OUTLET_KEYS), help="comma-separated outlet keys")
    fixtures = sub.add_parser("fixtures", help="write tests/fixtures/<outlet>/<case>/page.html + meta.json")
    fixtures.add_argument("root", type=Path, nargs="?", default=Path("tests/fixtures"))
    args = parser.parse_args(argv)

    if args.command == "fixtures":
        from crawler.testing.fixtures import write_fixtures

        for folder in write_fixtures(args.root):
            print(folder)
        return 0

    outlets = [key.strip() for key in args.outlets.split(",") if key.strip()]
    unknown = [key for key in outlets if key not in OUTLET_KEYS]
    if unknown:
        parser.error(f"unknown outlet(s): {', '.join(unknown)}")
    cluster = ReplicaCluster(outlets, n_articles=args.articles, seed=args.seed, host=args.host,
                             port_base=args.port_base)
    try:
        urls = cluster.start()
    except OSError as exc:
        print(f"cannot start the replicas: {exc} (try another --port-base)", file=sys.stderr)
        return 1
    for key, url in urls.items():
        print(f"{env_name(key)}={url}")
    sys.stdout.flush()
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    try:
        # A timed wait: a signal delivered to a server thread only runs its handler when the main thread wakes.
        while not stop.wait(0.2):
            pass
    except KeyboardInterrupt:
        pass
    finally:
        cluster.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
