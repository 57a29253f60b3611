"""What spiders hand to the pipeline: a fetched article (all its pages) or a URL that failed."""

from __future__ import annotations

from dataclasses import dataclass

from crawler.extract.article import ExtractedArticle


@dataclass(frozen=True)
class PageCapture:
    """One fetched page of an article, kept for raw_pages."""

    page_no: int
    url: str
    http_status: int
    encoding: str
    html: bytes


@dataclass(frozen=True)
class ArticleItem:
    outlet: str
    url: str
    article: ExtractedArticle
    pages: tuple[PageCapture, ...]


@dataclass(frozen=True)
class FailedItem:
    outlet: str
    url: str
    error: str


@dataclass(frozen=True)
class SkippedItem:
    """A URL not fetched because its listed date is before the back-fill cutoff (remembered as `old`)."""

    outlet: str
    url: str
