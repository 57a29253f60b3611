"""The shared spider: run bookkeeping, known-URL skipping, conditional GET, paging rules, article chains."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, ClassVar
from urllib.parse import urlsplit

import scrapy
from scrapy.crawler import Crawler
from scrapy.http import Response
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet import threads
from twisted.python.failure import Failure

from crawler.extract.article import ExtractedArticle, extract_article, join_pages
from crawler.extract.charset import decode_page
from crawler.extract.feeds import FeedEntry
from crawler.extract.profiles import OUTLETS
from crawler.items import ArticleItem, FailedItem, PageCapture, SkippedItem
from crawler.store import MAX_ATTEMPTS, CrawlState, CrawlStore
from monitor.settings import Settings, load_settings
from monitor.text.urls import same_site, url_key

log = logging.getLogger(__name__)
SEARCH_TERMS = ("netralitas ASN", "netralitas")
INLINE_EXTRACTION_CHARS = 250_000  # decoded page size up to which an article page is read inline


@dataclass
class Chain:
    """A multi-page article being fetched page by page."""

    url: str
    first: ExtractedArticle
    captures: list[PageCapture]
    todo: list[str]
    done: list[str] = field(default_factory=list)
    later: list[ExtractedArticle] = field(default_factory=list)


def _truncated(body: bytes) -> bool:
    tail = body[-4096:].lower()
    return b"</html" not in tail and b"</body" not in tail


class NewsSpider(scrapy.Spider):
    """Base of the platform spiders; outlets subclass a platform spider and set data attributes."""

    platform: ClassVar[str] = ""
    search_terms: ClassVar[tuple[str, ...]] = SEARCH_TERMS
    # tag slugs about the topic (WordPress /tag/<slug>/); Disway tag ids are unknown, so its spider
    # follows the /listtag/ links of the home page instead
    topic_tags: ClassVar[tuple[str, ...]] = ("netralitas-asn",)
    categories: ClassVar[tuple[str, ...]] = ()  # category slugs to list during back-fill
    max_listing_pages: ClassVar[int] = 200

    def __init__(self, *args: Any, crawl_run_id: str | int | None = None, base_url: str | None = None,
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.crawl_run_id = int(crawl_run_id) if crawl_run_id not in (None, "") else None
        # a spider argument (`-a base_url=...`, or schedule.json on Scrapyd) overrides the setting
        self.base_url = base_url.rstrip("/") if base_url and base_url.startswith(("http://", "https://")) else ""
        if base_url and not self.base_url:
            log.warning("ignoring base_url argument %r: expected an http:// or https:// URL", base_url)
        self.cutoff: datetime | None = None
        self.known: set[str] = set()
        self.pending: set[str] = set()
        self.validators: dict[str, tuple[str | None, str | None]] = {}
        self.fresh_validators: dict[str, tuple[str | None, str | None]] = {}
        self.backfilling = False
        self.primary_ok = True
        self.run_id: int | None = None
        self.store: CrawlStore = None  # type: ignore[assignment]
        self.pantau: Settings = None  # type: ignore[assignment]
        self.allowed_domains: list[str] = []
        self._embedded: Any = None

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> NewsSpider:
        spider: NewsSpider = super().from_crawler(crawler, *args, **kwargs)
        settings: Settings = crawler.settings.get("PANTAU_SETTINGS") or load_settings()
        spider.pantau = settings
        spider.base_url = spider.base_url or settings.base_url(spider.name).rstrip("/")
        spider.allowed_domains = [urlsplit(spider.base_url).hostname or ""]
        spider.cutoff = settings.backfill_cutoff(datetime.now(UTC))
        database_url = crawler.settings.get("PANTAU_DATABASE_URL") or settings.database_url
        spider.store = CrawlStore(database_url or "", spider.name)
        return spider

    # -- outlet data -------------------------------------------------------------------------------
    @property
    def outlet_name(self) -> str:
        return OUTLETS[self.name].name if self.name in OUTLETS else self.name

    def url(self, path: str) -> str:
        return self.base_url + path

    # -- start ----------------------------------------------------------------------------------------
    async def start(self) -> AsyncIterator[Any]:
        if not self.store.database_url:
            from monitor.db.embedded import start_embedded

            url, self._embedded = await maybe_deferred_to_future(
                threads.deferToThread(start_embedded, self.pantau.data_dir)
            )
            self.store.database_url = url
        state: CrawlState = await maybe_deferred_to_future(
            threads.deferToThread(self.store.begin, self.outlet_name, self.platform, self.base_url, self.crawl_run_id)
        )
        self.run_id = state.run_id
        self.known = state.known
        self.validators = state.validators
        self.backfilling = not state.backfilled
        log.info(
            "%s: run %s, %d known URLs, %d to retry, %s",
            self.name, self.run_id, len(self.known), len(state.retry),
            f"back-fill since {self.cutoff:%Y-%m-%d}" if self.backfilling and self.cutoff else "incremental",
        )
        for url, attempts in state.retry:
            request = self.article_request(self.rebase(url), retry=True)
            if request is not None:
                request.meta["last_attempt"] = attempts + 1 >= MAX_ATTEMPTS
                yield request
        for request in self.discovery():
            yield request

    def discovery(self) -> Iterable[scrapy.Request]:
        """The primary source every pass, the others only while back-filling (platforms override)."""
        return ()

    def rebase(self, url: str) -> str:
        """A stored URL moved onto the configured base URL (same path), e.g. for replicas."""
        parts = urlsplit(url)
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        return self.base_url + path if not same_site(url, self.base_url) else url

    # -- article requests ---------------------------------------------------------------------------
    def is_new(self, url: str) -> bool:
        key = url_key(url)
        return key not in self.known and key not in self.pending

    def article_request(
        self, url: str, entry: FeedEntry | None = None, retry: bool = False
    ) -> scrapy.Request | None:
        """A request for an article not stored, seen or already scheduled; None otherwise."""
        if not same_site(url, self.base_url):
            return None
        key = url_key(url)
        if key in self.pending or (key in self.known and not retry):
            return None
        self.pending.add(key)
        hints: dict[str, Any] = {}
        if entry is not None:
            hints = {"title": entry.title, "published": entry.published, "authors": entry.authors, "tags": entry.tags}
        return scrapy.Request(
            url, callback=self.parse_article, errback=self.article_failed, meta={"hints": hints, "article_url": url}
        )

    def requests_for(
        self, entries: Iterable[FeedEntry], respect_cutoff: bool
    ) -> tuple[list[scrapy.Request | SkippedItem], int]:
        """(requests for new entries and records of too-old ones, how many entries were new)."""
        out: list[scrapy.Request | SkippedItem] = []
        new = 0
        for entry in entries:
            if not self.is_new(entry.url) or not same_site(entry.url, self.base_url):
                continue
            new += 1
            if respect_cutoff and self.too_old(entry.published):
                self.pending.add(url_key(entry.url))
                out.append(SkippedItem(self.name, entry.url))
                continue
            request = self.article_request(entry.url, entry)
            if request is not None:
                out.append(request)
        return out, new

    def too_old(self, published: datetime | None) -> bool:
        return published is not None and self.cutoff is not None and published < self.cutoff

    # -- feeds with conditional GET ----------------------------------------------------------------
    def feed_request(self, url: str, callback: Any, *, conditional: bool = True, primary: bool = False,
                     **meta: Any) -> scrapy.Request:
        headers: dict[str, str] = {}
        etag, modified = self.validators.get(url, (None, None)) if conditional else (None, None)
        if etag:
            headers["If-None-Match"] = etag
        if modified:
            headers["If-Modified-Since"] = modified
        meta = {**meta, "handle_httpstatus_list": [304], "conditional": conditional, "primary": primary,
                "source_url": url}
        return scrapy.Request(url, callback=callback, errback=self.source_failed, headers=headers, meta=meta,
                              dont_filter=True)

    def unchanged(self, response: Response) -> bool:
        """True for a 304; otherwise remember the new validators (saved only if the pass succeeds)."""
        if response.status == 304:
            self.crawler.stats.inc_value("pantau/not_modified")  # type: ignore[union-attr]
            return True
        if response.meta.get("conditional"):
            etag = response.headers.get("ETag")
            modified = response.headers.get("Last-Modified")
            if etag or modified:
                self.fresh_validators[response.meta.get("source_url", response.url)] = (
                    etag.decode("latin-1") if etag else None,
                    modified.decode("latin-1") if modified else None,
                )
        return False

    def validators_to_save(self) -> dict[str, tuple[str | None, str | None]]:
        return dict(self.fresh_validators)

    def source_failed(self, failure: Failure) -> Iterator[Any]:
        request = getattr(failure, "request", None)
        meta = request.meta if request is not None else {}
        if meta.get("primary"):
            self.primary_ok = False
            log.error("%s: primary source failed: %s", self.name, failure.getErrorMessage())
        else:
            log.info("%s: discovery source unavailable: %s", self.name, failure.getErrorMessage())
        self.crawler.stats.inc_value("pantau/source_errors")  # type: ignore[union-attr]
        return iter(())

    # -- articles -------------------------------------------------------------------------------------
    def article_failed(self, failure: Failure) -> Iterator[Any]:
        request = getattr(failure, "request", None)
        url = request.meta.get("article_url", request.url) if request is not None else ""
        message = failure.getErrorMessage()[:500] or failure.type.__name__  # type: ignore[union-attr]
        log.warning("%s: article failed %s: %s", self.name, url, message)
        if url:
            yield FailedItem(self.name, url, message)

    def _decode(self, response: Response) -> tuple[str, str]:
        declared = getattr(response, "_declared_encoding", lambda: None)()
        return decode_page(response.body, declared)

    async def _extract(self, text: str, url: str, **options: Any) -> ExtractedArticle:
        """extract_article here (a GIL-bound worker thread ran nothing in parallel and cost ~12% more crawl
        CPU), or in a worker thread for a page above INLINE_EXTRACTION_CHARS so the reactor keeps serving."""
        if len(text) <= INLINE_EXTRACTION_CHARS:
            return extract_article(text, url, self.name, **options)
        article: ExtractedArticle = await maybe_deferred_to_future(
            threads.deferToThread(extract_article, text, url, self.name, **options)
        )
        return article

    # Coroutines returning a list, not async generators: Scrapy passes a list through the middlewares cheaply.
    async def parse_article(self, response: Response) -> list[Any]:
        url = response.meta.get("article_url", response.url)
        body = response.body
        if _truncated(body) and not response.meta.get("last_attempt"):
            self.crawler.stats.inc_value("pantau/truncated")  # type: ignore[union-attr]
            return [FailedItem(self.name, url, f"truncated page ({len(body)} bytes)")]
        text, encoding = self._decode(response)
        try:
            article = await self._extract(text, response.url, hints=response.meta.get("hints") or None)
        except Exception as exc:  # extraction is defensive; this is the last net
            log.exception("%s: could not parse %s", self.name, response.url)
            return [FailedItem(self.name, url, f"parse error: {exc}")]
        capture = PageCapture(1, response.url, response.status, encoding, body)
        links = [link for link in article.page_links if same_site(link, self.base_url)]
        if not links:
            return [ArticleItem(self.name, url, article, (capture,))]
        chain = Chain(url, article, [capture], links, [response.url])
        return [self._next_page(chain)]

    def _next_page(self, chain: Chain) -> scrapy.Request:
        next_url = chain.todo.pop(0)
        chain.done.append(next_url)
        return scrapy.Request(
            next_url, callback=self.parse_later_page, errback=self.article_failed,
            meta={"chain": chain, "article_url": chain.url}, dont_filter=True,
        )

    async def parse_later_page(self, response: Response) -> list[Any]:
        chain: Chain = response.meta["chain"]
        if _truncated(response.body):
            return [FailedItem(self.name, chain.url, f"truncated page {response.url}")]
        text, encoding = self._decode(response)
        page = await self._extract(text, response.url, first_page=False)
        chain.later.append(page)
        chain.captures.append(PageCapture(len(chain.captures) + 1, response.url, response.status, encoding,
                                          response.body))
        for link in page.page_links:
            if link not in chain.done and link not in chain.todo and same_site(link, self.base_url):
                chain.todo.append(link)
        if chain.todo and len(chain.captures) < 50:
            return [self._next_page(chain)]
        return [ArticleItem(self.name, chain.url, join_pages(chain.first, chain.later), tuple(chain.captures))]

    def closed(self, reason: str) -> None:
        if self._embedded is not None:
            log.debug("embedded database left to stop with the last user")


__all__ = ["MAX_ATTEMPTS", "NewsSpider"]
