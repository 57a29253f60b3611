"""Listing and search-result pages: the article links on them, their dates, and the next page."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urljoin, urlsplit

from crawler.extract import dom
from crawler.extract.dates import WIB, parse_date, plausible

ARTICLE_PATTERNS = {
    "disway": re.compile(r"^/(?:read|amp)/\d+/[^/?#]+"),
    "blogger": re.compile(r"^/\d{4}/\d{2}/[^/?#]+\.html$"),
    # WordPress permalinks vary; anything that is not an archive, feed or asset path
    "wordpress": re.compile(
        r"^/(?!(?:index\.php/)?(?:category|tag|author|page|feed|wp-|search|comments|xmlrpc|kategori|"
        r"tentang|about|kontak|contact|redaksi|pedoman|privacy|disclaimer)\b)"
        r"(?:index\.php/)?(?:\d{4}/\d{2}/(?:\d{2}/)?)?[a-z0-9][a-z0-9-]{8,}/?$",
        re.IGNORECASE,
    ),
}
_DATEISH = re.compile(r"\d{1,2}[-/. ]\s*(?:\d{1,2}|[A-Za-z]{3,9})[-/. ]\s*\d{2,4}")


@dataclass(frozen=True)
class ListingLink:
    url: str
    published: datetime | None = None


@dataclass(frozen=True)
class Listing:
    links: tuple[ListingLink, ...]
    next_url: str | None


def is_article_url(url: str, platform: str) -> bool:
    parts = urlsplit(url)
    pattern = ARTICLE_PATTERNS.get(platform)
    if pattern is None or (parts.query and platform != "wordpress"):
        return False
    if platform == "wordpress" and parts.query:
        return bool(re.fullmatch(r"p=\d+", parts.query))
    return bool(pattern.match(parts.path))


def _nearby_date(element: object, tz: object) -> datetime | None:
    node = element
    for _ in range(4):
        node = node.getparent() if node is not None else None  # type: ignore[attr-defined]
        if node is None:
            return None
        for candidate in dom.css(node, "time, .date, span.date, .entry-date, .published"):
            value = parse_date(dom.value_of(candidate), tz)  # type: ignore[arg-type]
            if plausible(value):
                return value
        text = dom.text_of(node)
        if len(text) < 400 and _DATEISH.search(text):
            value = parse_date(text, tz)  # type: ignore[arg-type]
            if plausible(value):
                return value
    return None


def parse_listing(html: str, url: str, platform: str, tz: object = WIB) -> Listing:
    """Article links on a listing page (same host only), in page order, with a date when one sits nearby."""
    root = dom.parse(html)
    if root is None:
        return Listing((), None)
    host = urlsplit(url).netloc
    seen: dict[str, ListingLink] = {}
    for anchor in root.iter("a"):
        href = (anchor.get("href") or "").strip()
        if not href or href.startswith(("#", "javascript:", "mailto:")):
            continue
        absolute = urljoin(url, href).split("#")[0]
        parts = urlsplit(absolute)
        if parts.netloc != host or not is_article_url(absolute, platform):
            continue
        if absolute not in seen:
            seen[absolute] = ListingLink(absolute, _nearby_date(anchor, tz))
    next_url = None
    for selector in ("a[rel=next]", "link[rel=next]", "a.next", ".pagination a.next", ".nav-previous a"):
        found = dom.css(root, selector)
        if found and found[0].get("href"):
            candidate = urljoin(url, found[0].get("href"))
            if urlsplit(candidate).netloc == host and candidate != url:
                next_url = candidate
                break
    return Listing(tuple(seen.values()), next_url)
