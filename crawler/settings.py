"""Scrapy settings, built from the one `Settings` object (scrapy.cfg points here)."""

from __future__ import annotations

from typing import Any

from monitor.settings import Settings, load_settings

BOT_NAME = "pantau"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"


def scrapy_settings(settings: Settings, database_url: str | None = None) -> dict[str, Any]:
    """The Scrapy settings for a crawl; `database_url` overrides the (maybe embedded) configured one."""
    return {
        "BOT_NAME": BOT_NAME,
        "SPIDER_MODULES": SPIDER_MODULES,
        "NEWSPIDER_MODULE": NEWSPIDER_MODULE,
        "USER_AGENT": settings.user_agent,
        "ROBOTSTXT_OBEY": settings.obey_robots,
        "CONCURRENT_REQUESTS": 16,
        # Scrapy starts this many asyncio tasks for every callback's output; our items only join a batch
        "CONCURRENT_ITEMS": 8,
        "CONCURRENT_REQUESTS_PER_DOMAIN": settings.concurrent_requests_per_domain,
        "DOWNLOAD_DELAY": settings.download_delay,
        "AUTOTHROTTLE_ENABLED": settings.autothrottle,
        "AUTOTHROTTLE_START_DELAY": max(settings.download_delay, 0.1),
        "AUTOTHROTTLE_MAX_DELAY": 30.0,
        "AUTOTHROTTLE_TARGET_CONCURRENCY": float(settings.concurrent_requests_per_domain) / 2 or 1.0,
        "DOWNLOAD_TIMEOUT": 30,
        "DOWNLOAD_MAXSIZE": settings.max_page_bytes,
        "DOWNLOAD_WARNSIZE": settings.max_page_bytes // 2,
        "DOWNLOAD_FAIL_ON_DATALOSS": True,
        "RETRY_ENABLED": True,
        "RETRY_TIMES": settings.retry_times,
        "RETRY_HTTP_CODES": [500, 502, 503, 504, 522, 524, 408, 429],
        "RETRY_BACKOFF_BASE": settings.retry_backoff,
        "RETRY_BACKOFF_MAX": 10.0,
        "DOWNLOADER_MIDDLEWARES": {
            "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
            "crawler.middlewares.BackoffRetryMiddleware": 550,
        },
        "ITEM_PIPELINES": {"crawler.pipelines.StorePipeline": 300},
        "COOKIES_ENABLED": False,
        "TELNETCONSOLE_ENABLED": False,
        "REMOTE_CONTROL_ENABLED": False,  # no listening ports in a crawl process
        "LOG_INSTALL_ROOT_HANDLER": True,
        # end gracefully (and record the run) a little before the service would kill the process
        "CLOSESPIDER_TIMEOUT": max(5, settings.crawl_timeout - min(60, settings.crawl_timeout // 10)),
        "LOG_LEVEL": settings.log_level,
        "REQUEST_FINGERPRINTER_IMPLEMENTATION": "2.7",
        "PANTAU_SETTINGS": settings,
        "PANTAU_DATABASE_URL": database_url or settings.database_url,
        "PANTAU_WRITE_BATCH": 200,
    }


# `scrapy crawl <outlet>` from the repository root reads this module: the environment is read here,
# nothing connects until a spider starts.
globals().update(scrapy_settings(load_settings()))
