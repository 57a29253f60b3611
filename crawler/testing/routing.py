"""Request and reply records shared by the platform renderers, plus small markup helpers."""

from __future__ import annotations

import html
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from email.utils import format_datetime
from typing import Protocol, TypeVar
from urllib.parse import parse_qs, urlsplit

from crawler.testing.article import ReplicaArticle
from crawler.testing.state import Snapshot

T = TypeVar("T")
HTML = "text/html; charset=UTF-8"
GIF = (
    b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00\x00,"
    b"\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"
)


@dataclass(frozen=True)
class Request:
    """What a renderer sees of an HTTP request."""

    method: str
    target: str  # raw path with query
    path: str
    query: dict[str, str]
    base_url: str
    snap: Snapshot

    @classmethod
    def parse(cls, method: str, target: str, base_url: str, snap: Snapshot) -> Request:
        parts = urlsplit(target)
        query = {k: v[0] for k, v in parse_qs(parts.query, keep_blank_values=True).items()}
        return cls(method, target, parts.path or "/", query, base_url, snap)

    def url(self, path: str) -> str:
        return self.base_url + path

    def int_arg(self, name: str, default: int) -> int:
        try:
            return int(self.query.get(name, default))
        except ValueError:
            return default


@dataclass(frozen=True)
class Reply:
    """A rendered answer. `conditional` replies get ETag/Last-Modified and may become 304."""

    status: int = 200
    body: str | bytes = ""
    content_type: str = HTML
    headers: dict[str, str] = field(default_factory=dict)
    conditional: bool = False
    last_modified: datetime | None = None


class Platform(Protocol):
    """One CMS family: maps paths to replies and articles to paths."""

    def article_path(self, article: ReplicaArticle, post_id: int) -> str: ...

    def route(self, req: Request) -> Reply | None: ...


def esc(text: str) -> str:
    """Escape text content (quotation marks stay as typed)."""
    return html.escape(text, quote=False)


def attr(text: str) -> str:
    """Escape an attribute value."""
    return html.escape(text, quote=True)


def redirect(location: str, status: int = 301) -> Reply:
    return Reply(status, f'<a href="{esc(location)}">Moved</a>', headers={"Location": location})


def not_found(message: str = "Halaman tidak ditemukan") -> Reply:
    return Reply(404, f"<!DOCTYPE html><html><head><title>404</title></head><body><h1>404</h1>"
                      f"<p>{esc(message)}</p></body></html>")


def page_slice(items: Sequence[T], start: int, size: int) -> tuple[list[T], bool]:
    """Items [start, start+size) and whether more follow."""
    return list(items[start : start + size]), start + size < len(items)


def ad_slot(name: str) -> str:
    """A Google ad slot as the outlets embed them."""
    return (
        f'<div class="ads-slot ads-{name}">'
        '<script async src="https://pagead2.googlesyndication.com/pagead/js/adsbygoogle.js?'
        'client=ca-pub-0000000000000000" crossorigin="anonymous"></script>'
        '<ins class="adsbygoogle" style="display:block" data-ad-client="ca-pub-0000000000000000" '
        f'data-ad-slot="{zlib.crc32(name.encode()) % 10**10}" data-ad-format="auto"></ins>'
        "<script>(adsbygoogle = window.adsbygoogle || []).push({});</script></div>"
    )


def analytics_script() -> str:
    return (
        "<script>window.dataLayer = window.dataLayer || [];function gtag(){dataLayer.push(arguments);}"
        "gtag('js', new Date());gtag('config', 'G-REPLICA00');</script>"
    )


def rfc822(when: datetime) -> str:
    """An RSS date: 'Fri, 11 Oct 2024 19:28:00 +0700'."""
    return format_datetime(when)
