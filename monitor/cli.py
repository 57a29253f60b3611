"""The `pantau` command: parses arguments, reads settings once, and drives the parts.

Exit codes: 0 ok, 1 failure, 2 usage or configuration error.
"""

from __future__ import annotations

import argparse
import importlib
import json
import logging
import sys
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, time
from pathlib import Path
from types import ModuleType
from typing import Any

from monitor import __version__
from monitor.errors import ConfigError, NotYetAvailable, PantauError
from monitor.settings import Settings, load_settings

log = logging.getLogger("pantau")


def _feature(module: str, issue: str) -> ModuleType:
    """Import the module that implements a command, or say plainly that it has not landed."""
    try:
        return importlib.import_module(module)
    except ModuleNotFoundError as exc:
        if exc.name and (module == exc.name or module.startswith(exc.name + ".")):
            raise NotYetAvailable(f"this command is not available yet ({issue} has not landed)") from None
        raise


# -- commands ----------------------------------------------------------------------


def cmd_db_upgrade(args: argparse.Namespace, settings: Settings) -> int:
    from monitor.db.runtime import open_database
    from monitor.db.session import redact_url

    with open_database(settings, migrate=True) as db:
        print(f"database at {redact_url(db.url)} is at the latest schema")
    return 0


def cmd_status(args: argparse.Namespace, settings: Settings) -> int:
    from monitor.db.runtime import open_database
    from monitor.service.status import collect_status, render_status

    with open_database(settings, migrate=True) as db:
        status = collect_status(db.sessions, settings)
    print(json.dumps(status, indent=2, ensure_ascii=False) if args.json else render_status(status))
    return 0


def cmd_run(args: argparse.Namespace, settings: Settings) -> int:
    runner = _feature("monitor.service.runner", "the service issue")
    return int(runner.run_service(settings))


def cmd_worker(args: argparse.Namespace, settings: Settings) -> int:
    worker = _feature("monitor.service.worker", "the scale-out issue")
    return int(worker.run_worker(settings))


def cmd_demo(args: argparse.Namespace, settings: Settings) -> int:
    demo = _feature("monitor.service.demo", "the service issue")
    return int(demo.run_demo(settings))


def cmd_crawl(args: argparse.Namespace, settings: Settings) -> int:
    commands = _feature("crawler.commands", "the spiders issue")
    outlets = args.outlets or settings.outlets
    return int(commands.crawl_command(settings, outlets))


def cmd_export(args: argparse.Namespace, settings: Settings) -> int:
    commands = _feature("crawler.commands", "the spiders issue")
    from monitor.db.runtime import open_database

    since = datetime.combine(args.since, time(0, 0), tzinfo=UTC) if args.since else None
    with open_database(settings, migrate=True) as db, db.sessions() as session:
        for record in commands.export_articles(session, since):
            sys.stdout.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
    return 0


def cmd_analyze(args: argparse.Namespace, settings: Settings | None) -> int:
    analyze = _feature("monitor.analyze", "the monitor issue")
    failed = 0
    for name in args.files:
        path = Path(name)
        try:
            result = analyze.analyze_file(path, outlet=args.outlet)
        except (OSError, ValueError) as exc:
            print(f"pantau analyze: {name}: {exc}", file=sys.stderr)
            failed += 1
            continue
        sys.stdout.write(json.dumps(result, ensure_ascii=False, default=str) + "\n")
    return 1 if failed else 0


def cmd_reprocess(args: argparse.Namespace, settings: Settings) -> int:
    processing = _feature("monitor.processing", "the monitor issue")
    from monitor.db.runtime import open_database

    with open_database(settings, migrate=True) as db:
        count = processing.reprocess_all(db.sessions, settings)
    print(f"{count} articles queued and processed again")
    return 0


def cmd_alerts(args: argparse.Namespace, settings: Settings) -> int:
    commands = _feature("monitor.alerts.commands", "the alerts issue")
    if args.alerts_command == "test":
        return int(commands.send_test(settings))
    return int(commands.list_alerts(settings, status=args.status, limit=args.limit))


# -- parser ------------------------------------------------------------------------


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date YYYY-MM-DD, got {value!r}") from None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="pantau",
        description="Pantau watches Indonesian news for sanctions against civil servants (netralitas ASN).",
    )
    parser.add_argument("--version", action="version", version=f"pantau {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    def add(name: str, func: Callable[..., int], help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.set_defaults(func=func)
        return p

    add("run", cmd_run, "run the service: scheduled crawls, processing, alerts, digest")
    add("worker", cmd_worker, "run processing and alert dispatch only (no scheduling), for scale-out")
    add("demo", cmd_demo, "run the whole chain offline against local site replicas and print the alert")
    crawl = add("crawl", cmd_crawl, "crawl outlets once (default: all), then process what was stored")
    crawl.add_argument("outlets", nargs="*", metavar="OUTLET", help="outlet keys, e.g. magelangekspres diksi")
    analyze = add("analyze", cmd_analyze, "analyse saved pages (.html) or text files (.txt) without a database")
    analyze.add_argument("files", nargs="+", metavar="FILE")
    analyze.add_argument("--outlet", help="outlet key of .html pages (detected from the page when omitted)")
    export = add("export", cmd_export, "print every stored article as one JSON object per line")
    export.add_argument("--since", type=_date, help="only articles fetched on or after this date (YYYY-MM-DD)")
    status = add("status", cmd_status, "show outlets, last crawls, totals, alerts and the leader")
    status.add_argument("--json", action="store_true", help="print JSON instead of a table")
    add("reprocess", cmd_reprocess, "judge every stored article again (after a rule change)")

    db = sub.add_parser("db", help="database maintenance", description="database maintenance")
    db_sub = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    up = db_sub.add_parser("upgrade", help="apply database migrations", description="apply database migrations")
    up.set_defaults(func=cmd_db_upgrade)

    alerts = sub.add_parser("alerts", help="alert outbox", description="alert outbox")
    alerts_sub = alerts.add_subparsers(dest="alerts_command", metavar="ACTION", required=True)
    test = alerts_sub.add_parser("test", help="send a test message", description="send a test message")
    test.set_defaults(func=cmd_alerts)
    listing = alerts_sub.add_parser("list", help="show pending, sent and dead alerts",
                                    description="show pending, sent and dead alerts")
    listing.add_argument("--status", choices=["pending", "sent", "dead"], help="only alerts in this state")
    listing.add_argument("--limit", type=int, default=50, help="at most this many rows (default 50)")
    listing.set_defaults(func=cmd_alerts)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        settings = load_settings()
    except ConfigError as exc:
        if args.command != "analyze":  # analyze needs no configuration
            print(f"pantau: {exc}", file=sys.stderr)
            return exc.exit_code
        settings = None
    from monitor.logs import setup_logging

    if settings is not None:
        secrets = (settings.smtp_password, settings.sentry_dsn, settings.database_url)
        setup_logging(settings.log_level, settings.log_format, secrets)
        from monitor.errortracking import init_sentry

        init_sentry(settings, component=args.command)
    else:
        setup_logging()
    func: Callable[[argparse.Namespace, Any], int] = args.func
    try:
        return func(args, settings)
    except PantauError as exc:
        print(f"pantau {args.command}: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
