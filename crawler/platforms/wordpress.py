"""WordPress: the main feed every pass; back-fill from feed pages, sitemaps, REST search and listings."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any, ClassVar
from urllib.parse import quote_plus

import scrapy
from scrapy.http import Response

from crawler.extract.feeds import FeedEntry
from crawler.platforms.listings import DiscoveryMixin


class WordPressSpider(DiscoveryMixin):
    platform = "wordpress"
    prefix: ClassVar[str] = ""  # "/index.php" for PATHINFO permalinks
    sitemaps: ClassVar[tuple[str, ...]] = ("/wp-sitemap.xml", "/sitemap_index.xml")

    def discovery(self) -> Iterable[scrapy.Request]:
        yield self.feed_request(self.url(f"{self.prefix}/feed/"), self.parse_feed_page, primary=True)
        if not self.backfilling:
            return
        for path in self.sitemaps:
            yield self.feed_request(self.url(path), self.parse_sitemap, conditional=False)
        for term in self.search_terms:
            yield self.rest_request(term, 1)
        for slug in self.categories:
            yield self.listing_request(self.url(f"{self.prefix}/category/{slug}/"))
        for slug in self.topic_tags:
            yield self.listing_request(self.url(f"{self.prefix}/tag/{slug}/"))

    def next_feed_url(self, response: Response, advertised: str | None, page: int, count: int) -> str | None:
        return self.url(f"{self.prefix}/feed/?paged={page + 1}") if count else None

    def rest_request(self, term: str, page: int) -> scrapy.Request:
        url = self.url(f"/wp-json/wp/v2/posts?search={quote_plus(term)}&per_page=100&page={page}&_fields=link,date_gmt")
        return scrapy.Request(url, callback=self.parse_rest, errback=self.source_failed,
                              meta={"term": term, "page": page})

    def parse_rest(self, response: Response) -> Iterator[Any]:
        try:
            posts = json.loads(response.text)
        except ValueError:
            return
        if not isinstance(posts, list):
            return
        entries = [FeedEntry(str(p["link"])) for p in posts if isinstance(p, dict) and p.get("link")]
        requests, new = self.requests_for(entries, respect_cutoff=False)
        yield from requests
        if new and len(posts) >= 100:
            yield self.rest_request(response.meta["term"], int(response.meta["page"]) + 1)
