"""`python -m crawler.run OUTLET [--crawl-run-id N]`: one pass of one outlet in this process (exit 0 = ok)."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from monitor.errors import PantauError
from monitor.logs import setup_logging
from monitor.settings import OUTLET_KEYS, load_settings

log = logging.getLogger("crawler.run")


def run_outlet(outlet: str, crawl_run_id: int | None = None) -> int:
    """Crawl `outlet` once with the environment's settings; 0 when the pass was recorded ok."""
    from scrapy.crawler import CrawlerProcess

    from crawler.settings import scrapy_settings
    from monitor.db.runtime import open_database

    settings = load_settings()
    secrets = (settings.database_url, settings.smtp_password, settings.sentry_dsn)
    setup_logging(settings.log_level, settings.log_format, secrets)
    with open_database(settings, pool_size=1) as db:
        # the service's log format (text or JSON) and redaction, not Scrapy's own root handler
        process = CrawlerProcess({**scrapy_settings(settings, database_url=db.url), "LOG_INSTALL_ROOT_HANDLER": False})
        setup_logging(settings.log_level, settings.log_format, secrets)  # Scrapy reset the levels
        crawler = process.create_crawler(outlet)
        process.crawl(crawler, crawl_run_id=crawl_run_id)
        process.start()
        stats = crawler.stats
        status = stats.get_value("pantau/status") if stats is not None else None
    log.info("%s: crawl finished with status %s", outlet, status)
    return 0 if status == "ok" else 1


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m crawler.run", description=__doc__)
    parser.add_argument("outlet", choices=OUTLET_KEYS)
    parser.add_argument("--crawl-run-id", type=int, default=None, help="crawl_runs row to fill in")
    args = parser.parse_args(argv)
    try:
        return run_outlet(args.outlet, args.crawl_run_id)
    except PantauError as exc:
        print(f"crawler.run: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
