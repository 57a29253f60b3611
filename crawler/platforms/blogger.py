"""Blogger: the posts feed every pass; back-fill by paging it, label and query feeds, and the sitemap."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar
from urllib.parse import quote, quote_plus

import scrapy
from scrapy.http import Response

from crawler.platforms.listings import DiscoveryMixin

PAGE = 150  # Blogger's cap on max-results


class BloggerSpider(DiscoveryMixin):
    platform = "blogger"
    topic_labels: ClassVar[tuple[str, ...]] = ("Netralitas ASN",)

    def feed_url(self, start: int = 1, suffix: str = "", query: str = "") -> str:
        extra = f"&q={quote_plus(query)}" if query else ""
        start_part = f"&start-index={start}" if start > 1 else ""
        return self.url(f"/feeds/posts/default{suffix}?max-results={PAGE}{start_part}{extra}")

    def discovery(self) -> Iterable[scrapy.Request]:
        yield self.feed_request(self.feed_url(), self.parse_feed_page, primary=True)
        if not self.backfilling:
            return
        for label in self.topic_labels:
            yield self.feed_request(self.feed_url(suffix=f"/-/{quote(label)}"), self.parse_feed_page,
                                    conditional=False)
        for term in self.search_terms:
            yield self.feed_request(self.feed_url(query=term), self.parse_feed_page, conditional=False)
        yield self.feed_request(self.url("/sitemap.xml"), self.parse_sitemap, conditional=False)

    def next_feed_url(self, response: Response, advertised: str | None, page: int, count: int) -> str | None:
        if advertised:
            return advertised
        if count < PAGE:
            return None
        url = response.url
        start = 1 + page * PAGE
        if "start-index=" in url:
            import re

            return re.sub(r"start-index=\d+", f"start-index={start}", url)
        return f"{url}&start-index={start}" if "?" in url else f"{url}?start-index={start}"

    def wanted_sitemap(self, url: str) -> bool:
        return True
