"""Feeds and sitemaps (RSS, Atom, sitemap XML) to entry lists; broken XML is read as far as it goes."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from lxml import etree

from crawler.extract.clean import normalise
from crawler.extract.dates import WIB, parse_date

_PARSER = etree.XMLParser(recover=True, resolve_entities=False, no_network=True, huge_tree=False)


@dataclass(frozen=True)
class FeedEntry:
    url: str
    title: str = ""
    published: datetime | None = None
    authors: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class Feed:
    kind: str  # rss | atom | urlset | sitemapindex | unknown
    entries: tuple[FeedEntry, ...] = ()
    next_url: str | None = None  # Atom rel=next
    total: int | None = None  # openSearch:totalResults


def _local(tag: Any) -> str:
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def _child(node: Any, name: str) -> Any:
    for child in node:
        if _local(child.tag) == name:
            return child
    return None


def _children(node: Any, name: str) -> list[Any]:
    return [child for child in node if _local(child.tag) == name]


def _text(node: Any) -> str:
    return normalise("".join(node.itertext())) if node is not None else ""


def parse_feed(data: bytes | str, default_tz: Any = WIB) -> Feed:
    """Entries of an RSS 2.0 / Atom feed or a sitemap (index); `Feed("unknown")` when unreadable."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    raw = re.sub(rb"^\s+", b"", raw or b"")
    if not raw:
        return Feed("unknown")
    try:
        root = etree.fromstring(raw, _PARSER)
    except (etree.XMLSyntaxError, ValueError):
        return Feed("unknown")
    if root is None:
        return Feed("unknown")
    kind = _local(root.tag)
    if kind == "rss":
        channel = _child(root, "channel")
        return Feed("rss", tuple(_rss_items(channel, default_tz)) if channel is not None else ())
    if kind == "feed":
        return _atom(root, default_tz)
    if kind in ("urlset", "sitemapindex"):
        entries = []
        for node in root:
            loc = _text(_child(node, "loc"))
            if loc:
                lastmod = parse_date(_text(_child(node, "lastmod")), default_tz)
                entries.append(FeedEntry(url=loc, published=lastmod))
        return Feed(kind, tuple(entries))
    return Feed("unknown")


def _rss_items(channel: Any, tz: Any) -> list[FeedEntry]:
    entries = []
    for item in _children(channel, "item"):
        link = _text(_child(item, "link")) or _text(_child(item, "guid"))
        if not link.startswith(("http://", "https://", "/")):
            continue
        authors = [_text(a) for a in item if _local(a.tag) in ("creator", "author")]
        entries.append(
            FeedEntry(
                url=link,
                title=_text(_child(item, "title")),
                published=parse_date(_text(_child(item, "pubdate")) or _text(_child(item, "date")), tz),
                authors=tuple(a for a in authors if a),
                tags=tuple(t for t in (_text(c) for c in _children(item, "category")) if t),
            )
        )
    return entries


def _atom(root: Any, tz: Any) -> Feed:
    entries = []
    next_url = None
    for link in _children(root, "link"):
        if link.get("rel") == "next" and link.get("href"):
            next_url = link.get("href")
    total_node = _child(root, "totalresults")
    total = int(_text(total_node)) if total_node is not None and _text(total_node).isdigit() else None
    for entry in _children(root, "entry"):
        url = ""
        for link in _children(entry, "link"):
            if link.get("rel") in (None, "alternate") and link.get("href"):
                url = link.get("href")
                break
        if not url:
            continue
        authors = [_text(_child(a, "name")) for a in _children(entry, "author")]
        tags = [c.get("term", "") for c in _children(entry, "category")]
        published = _text(_child(entry, "published")) or _text(_child(entry, "updated"))
        entries.append(
            FeedEntry(
                url=url,
                title=_text(_child(entry, "title")),
                published=parse_date(published, tz),
                authors=tuple(a for a in authors if a and a.lower() != "unknown"),
                tags=tuple(normalise(t) for t in tags if t and "#" not in t),
            )
        )
    return Feed("atom", tuple(entries), next_url, total)
