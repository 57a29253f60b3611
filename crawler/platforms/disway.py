"""Disway regional CMS: /rss every pass; back-fill from category and tag listings and topic searches."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any, ClassVar
from urllib.parse import quote_plus, urljoin, urlsplit

import scrapy
from scrapy.http import Response

from crawler.platforms.listings import DiscoveryMixin

_SECTION = re.compile(r"^/(?:kategori/[a-z0-9-]+|kategori/\d+/[a-z0-9-]+|listtag/\d+/[a-z0-9-]+)/?$")


class DiswaySpider(DiscoveryMixin):
    platform = "disway"
    feed_path: ClassVar[str] = "/rss"

    def discovery(self) -> Iterable[scrapy.Request]:
        yield self.feed_request(self.url(self.feed_path), self.parse_feed_page, primary=True)
        if not self.backfilling:
            return
        yield scrapy.Request(self.url("/"), callback=self.parse_home, errback=self.source_failed)
        for slug in self.categories:
            yield self.listing_request(self.url(f"/kategori/{slug}"))
        for term in self.search_terms:
            yield self.listing_request(self.url(f"/search/kata/?c={quote_plus(term)}"))

    def gap_fill(self) -> Iterator[Any]:
        """/rss holds 30 items and has no pages: walk the section listings until they bring nothing new."""
        yield scrapy.Request(self.url("/"), callback=self.parse_home, errback=self.source_failed)

    def parse_home(self, response: Response) -> Iterator[Any]:
        """The home page: its own article links, then every category and tag listing it links to."""
        yield from self.parse_listing_page(response)
        sections: list[str] = []
        for href in response.css("a::attr(href)").getall():
            absolute = urljoin(response.url, href)
            parts = urlsplit(absolute)
            if (
                parts.netloc == urlsplit(self.base_url).netloc
                and _SECTION.match(parts.path)
                and absolute not in sections
                and not any(absolute.endswith(f"/kategori/{slug}") for slug in self.categories)
            ):
                sections.append(absolute)
        for section in sections:
            yield self.listing_request(section)
