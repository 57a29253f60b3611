"""`pantau run` crawls through Scrapyd exactly when PANTAU_SCRAPYD_URLS is set."""

from __future__ import annotations

from collections.abc import Callable

from monitor.db.runtime import open_database
from monitor.service.crawls import CrawlSupervisor
from monitor.service.runner import Service
from monitor.service.scrapyd_crawls import ScrapydCrawls
from monitor.settings import Settings


def test_service_uses_scrapyd_when_nodes_are_configured(settings_factory: Callable[..., Settings]) -> None:
    settings = settings_factory(scrapyd_urls="http://127.0.0.1:6800/, http://127.0.0.1:6801")
    with open_database(settings) as db:
        service = Service(settings, db)
        assert isinstance(service.supervisor, ScrapydCrawls)
        assert [c.url for c in service.supervisor.clients] == ["http://127.0.0.1:6800", "http://127.0.0.1:6801"]
        assert service.jobs.request_crawl == service.supervisor.request


def test_service_crawls_locally_without_nodes(settings_factory: Callable[..., Settings]) -> None:
    settings = settings_factory()
    with open_database(settings) as db:
        assert isinstance(Service(settings, db).supervisor, CrawlSupervisor)
