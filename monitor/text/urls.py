"""URL normalisation: one article, one key, whatever variant of its URL a page links to."""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

_HOST_PREFIXES = ("www.", "m.", "amp.", "mobile.")
_TRACKING = re.compile(
    r"^(utm_\w+|fbclid|gclid|dclid|msclkid|yclid|mc_cid|mc_eid|igshid|ref|ref_src|source|amp|m|"
    r"share|shared|s_src|from|_ga|_gl|output|noamp|page)$",
    re.IGNORECASE,
)
_DISWAY_ARTICLE = re.compile(r"^/(?:read|amp)/(\d+)/([^/]+)(?:/\d+)?/?$")
_TRAILING_PAGE = re.compile(r"^(.*/[^/]*[^/\d][^/]*)/(?:page/)?\d{1,3}/?$")


@lru_cache(maxsize=65536)  # pure, and asked several times per URL on the crawl's hot path
def canonical_url(url: str) -> str:
    """The canonical form of an article URL.

    Lower-cases scheme and host, drops `www.`/`m.`/`amp.` host prefixes, default ports, fragments,
    tracking parameters, AMP variants and page suffixes (Disway `/read/<id>/<slug>/<n>`,
    WordPress `/<slug>/<n>/`), and trailing slashes. The scheme is kept; `url_key` ignores it.
    """
    parts = urlsplit(url.strip())
    scheme = (parts.scheme or "https").lower()
    host = (parts.hostname or "").lower().rstrip(".")
    for prefix in _HOST_PREFIXES:
        if host.startswith(prefix) and host.count(".") >= 2:
            host = host[len(prefix) :]
            break
    port = parts.port
    netloc = host if port is None or (scheme, port) in (("http", 80), ("https", 443)) else f"{host}:{port}"

    path = re.sub(r"/{2,}", "/", parts.path or "/")
    disway = _DISWAY_ARTICLE.match(path)
    if disway:
        path = f"/read/{disway.group(1)}/{disway.group(2)}"
    else:
        segments = [seg for seg in path.split("/") if seg.lower() != "amp"]
        path = "/".join(segments) or "/"
        if not path.startswith("/"):
            path = "/" + path
        if not path.endswith(".html"):
            paged = _TRAILING_PAGE.match(path)
            if paged and not re.search(r"/\d{4}/\d{2}(/\d{2})?$", paged.group(1) + "/"):
                path = paged.group(1)
    if len(path) > 1:
        path = path.rstrip("/")

    query_pairs = [
        (key, value)
        for key, value in parse_qsl(parts.query, keep_blank_values=True)
        if not _TRACKING.match(key)
    ]
    query = urlencode(sorted(query_pairs))
    return urlunsplit((scheme, netloc, path, query, ""))


def url_key(url: str) -> str:
    """A 40-character hash of the canonical URL without its scheme: the dedup key of a URL."""
    canonical = canonical_url(url)
    schemeless = canonical.split("://", 1)[-1]
    return hashlib.sha1(schemeless.encode("utf-8")).hexdigest()


def same_site(url: str, base_url: str) -> bool:
    """Whether `url` lies on the site of `base_url` (host prefixes such as www. ignored)."""
    a = urlsplit(canonical_url(url))
    b = urlsplit(canonical_url(base_url))
    return a.netloc == b.netloc
