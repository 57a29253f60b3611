"""Shared discovery callbacks: feed pages, HTML listings with pagination, sitemaps."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import scrapy
from scrapy.http import Response

from crawler.extract.feeds import FeedEntry, parse_feed
from crawler.extract.listing import parse_listing
from crawler.extract.profiles import profile_for
from crawler.platforms.base import NewsSpider


class DiscoveryMixin(NewsSpider):
    """Callbacks the platform spiders share; each stops paging at the first page with nothing new."""

    def parse_feed_page(self, response: Response) -> Iterator[Any]:
        """A feed page. meta: next_page (callable url->url|None), page (int)."""
        if self.unchanged(response):
            return
        feed = parse_feed(response.body, profile_for(self.name).timezone)
        requests, new = self.requests_for(feed.entries, respect_cutoff=True)
        self.crawler.stats.inc_value("pantau/discovered", new)  # type: ignore[union-attr]
        yield from requests
        page = int(response.meta.get("page", 1))
        all_new = bool(feed.entries) and new == len(feed.entries)
        some_recent = any(not self.too_old(e.published) for e in feed.entries)
        go_on = (all_new or (self.backfilling and new > 0)) and some_recent
        next_url = self.next_feed_url(response, feed.next_url, page, len(feed.entries))
        if go_on and next_url and page < self.max_listing_pages:
            yield self.feed_request(next_url, self.parse_feed_page, conditional=False, page=page + 1)
        elif all_new and not next_url and response.meta.get("primary") and not self.backfilling:
            # everything in an unpageable feed is new: articles may have slipped past it since the last pass
            self.crawler.stats.inc_value("pantau/feed_gaps")  # type: ignore[union-attr]
            yield from self.gap_fill()

    def gap_fill(self) -> Iterator[Any]:
        """Requests that reach articles an unpageable primary feed no longer lists (platforms override)."""
        return iter(())

    def next_feed_url(self, response: Response, advertised: str | None, page: int, count: int) -> str | None:
        return advertised

    def parse_listing_page(self, response: Response) -> Iterator[Any]:
        """An HTML listing (category, tag, search results) and its next page."""
        listing = parse_listing(response.text, response.url, self.platform, profile_for(self.name).timezone)
        entries = [FeedEntry(link.url, published=link.published) for link in listing.links]
        requests, new = self.requests_for(entries, respect_cutoff=True)
        self.crawler.stats.inc_value("pantau/discovered", new)  # type: ignore[union-attr]
        yield from requests
        page = int(response.meta.get("page", 1))
        dated = [e for e in entries if e.published is not None]
        all_old = bool(dated) and all(self.too_old(e.published) for e in dated)
        if new and not all_old and listing.next_url and page < self.max_listing_pages:
            yield scrapy.Request(
                listing.next_url, callback=self.parse_listing_page, errback=self.source_failed,
                meta={"page": page + 1},
            )

    def listing_request(self, url: str) -> scrapy.Request:
        return scrapy.Request(url, callback=self.parse_listing_page, errback=self.source_failed, meta={"page": 1})

    def parse_sitemap(self, response: Response) -> Iterator[Any]:
        """A sitemap index (follow post sitemaps) or a URL set (request recent, new articles)."""
        if self.unchanged(response):
            return
        feed = parse_feed(response.body, profile_for(self.name).timezone)
        if feed.kind == "sitemapindex":
            children = [e for e in feed.entries if self.wanted_sitemap(e.url)]
            for entry in children:
                if entry.published is None or not self.too_old(entry.published):
                    yield self.feed_request(entry.url, self.parse_sitemap, conditional=False)
            return
        requests, new = self.requests_for(feed.entries, respect_cutoff=True)
        self.crawler.stats.inc_value("pantau/discovered", new)  # type: ignore[union-attr]
        yield from requests

    def wanted_sitemap(self, url: str) -> bool:
        lowered = url.lower()
        return not any(word in lowered for word in ("page", "categor", "tag", "user", "author", "taxonom"))
