"""Where each platform and outlet keeps its fields: selector lists and boilerplate patterns as data."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import timezone
from urllib.parse import urlsplit

from crawler.extract.dates import WIB, WITA


@dataclass(frozen=True)
class Profile:
    """CSS selectors (tried in order) and patterns for one platform, or one outlet on it."""

    platform: str
    title: tuple[str, ...] = ()
    date: tuple[str, ...] = ()  # element text or its datetime/title/content attribute
    authors: tuple[str, ...] = ()
    editor: tuple[str, ...] = ()
    body: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    category: tuple[str, ...] = ()
    pagination: str = ""  # links to later pages of one article
    drop: tuple[str, ...] = ()  # removed from the body before reading paragraphs
    datelines: tuple[re.Pattern[str], ...] = ()
    timezone: timezone = WIB
    first_tag_is_category: bool = False  # Blogger: the first label serves as the section


@dataclass(frozen=True)
class OutletProfile:
    """An outlet's identity and its overrides on top of its platform's profile."""

    key: str
    name: str
    platform: str
    domains: tuple[str, ...]
    profile: Profile = field(repr=False, default_factory=lambda: Profile(platform=""))


_COMMON_DROP = (
    "script", "style", "noscript", "iframe", "form", "ins", ".adsbygoogle", ".ads-slot", "[class*=ads-]",
    "figure", "figcaption", ".wp-caption", ".wp-caption-text", "small", ".baca-juga", ".bacajuga",
    "#comments", ".comments", ".comment-respond", ".sharedaddy", ".jp-relatedposts", ".related-posts",
    ".crp_related", ".yarpp-related", ".bacaan-lainnya", ".baca-lainnya", ".related", ".share", ".social-share", ".post-tags", ".tags",
)  # fmt: skip

_GENERIC_DATELINE = re.compile(
    r"^\s*[A-Z][A-Za-z .'’()/-]{1,40}(?:,|\|)\s*[A-Za-z0-9.]{2,40}\s*[-–—]{1,2}\s*(?=\S)"
)

DISWAY = Profile(
    platform="disway",
    title=("h1.text-black-1", "h1"),
    date=("span.date", ".date"),
    authors=("div#author strong", "div#author", ".author strong"),
    editor=("div#editor strong", "div#editor"),
    body=("div.post.text-black-1", "div.post", "article .post-content"),
    tags=('a[href*="/listtag/"]',),
    category=('.breadcrumb a[href*="/kategori/"]', 'a[href*="/kategori/"]'),
    pagination="ul.pagination a[data-ci-pagination-page]",
    drop=(*_COMMON_DROP, "div#author", "div#editor", "ul.pagination", ".pagination"),
    datelines=(
        re.compile(
            r"^\s*[A-Z][A-Za-z .'’-]{1,40},\s*[A-Z0-9.]*(?:DISWAY\.ID|\.ID|\.COM|EKSPRES|METRO)[A-Z0-9.]*\s*[-–—]+\s*",
            re.IGNORECASE,
        ),
        re.compile(r"^\s*(?:RADARMETRO|MAGELANGEKSPRES)(?:\.[A-Z.]+)?\s*[-–—]+\s*", re.IGNORECASE),
    ),
)

WORDPRESS = Profile(
    platform="wordpress",
    title=("h1.entry-title", "h1.post-title", "h1.jeg_post_title", "h1.tdb-title-text", "article h1", "h1"),
    date=(
        "time.entry-date[datetime]", "time.published[datetime]", ".posted-on time[datetime]",
        ".jeg_date", ".td-post-date time[datetime]", ".entry-date",
    ),
    authors=(".author.vcard a", ".byline .author", "a[rel=author]", ".jeg_meta_author a", ".td-post-author-name a"),
    body=(".entry-content", ".td-post-content", ".jeg_post_content .content-inner", ".jeg_post_content",
          ".post-content", "article .content"),
    tags=("a[rel=tag]", ".tags-links a", ".jeg_post_tags a"),
    category=('a[rel="category tag"]', ".cat-links a", ".jeg_meta_category a"),
    pagination=".page-links a, .post-page-numbers",
    drop=(*_COMMON_DROP, ".page-links", ".widget", "aside", ".post-navigation", ".author-box"),
)  # fmt: skip

BLOGGER = Profile(
    platform="blogger",
    title=("h3.post-title.entry-title", "h1.post-title", "h3.post-title", ".post-title", "h1"),
    date=("abbr.published[title]", "time.published[datetime]", "meta[itemprop=datePublished]",
          ".date-header span", ".post-timestamp", ".published"),
    authors=(".post-author .fn", "span.fn", ".g-profile span", "a[rel=author]"),
    body=("div.post-body.entry-content", "div.post-body", ".entry-content"),
    tags=(".post-labels a[rel=tag]", "a[rel=tag]", ".post-labels a"),
    category=(),
    first_tag_is_category=True,
    drop=(*_COMMON_DROP, ".tr-caption", ".post-share-buttons", ".post-footer", "#comments", ".comments"),
)  # fmt: skip

PLATFORMS = {"disway": DISWAY, "wordpress": WORDPRESS, "blogger": BLOGGER}

OUTLETS: dict[str, OutletProfile] = {
    "magelangekspres": OutletProfile(
        "magelangekspres", "Magelang Ekspres", "disway",
        ("magelangekspres.disway.id", "magelangekspres.com"), DISWAY,
    ),
    "radarmetro": OutletProfile("radarmetro", "Radar Metro", "disway", ("radarmetro.disway.id",), DISWAY),
    "diksi": OutletProfile(
        "diksi", "DIKSI.CO", "wordpress", ("diksi.co",),
        replace(WORDPRESS, timezone=WITA, datelines=(
            re.compile(r"^\s*DIKSI\.CO\s*,?\s*[A-Z][A-Za-z .'-]{1,40}\s*[-–—]+\s*", re.IGNORECASE),
        )),
    ),
    "patrolipost": OutletProfile(
        "patrolipost", "Patroli Post", "wordpress", ("patrolipost.com",),
        replace(WORDPRESS, timezone=WITA, datelines=(
            re.compile(r"^\s*[A-Z][A-Za-z .,'-]{1,40}\s*\|\s*patrolipost\.com\s*[-–—]+\s*", re.IGNORECASE),
        )),
    ),
    "posjayanews": OutletProfile(
        "posjayanews", "POSJAYANEWS", "blogger", ("posjayanews.com", "posjayanews.blogspot.com"),
        replace(BLOGGER, datelines=(re.compile(r"^\s*POSJAYANEWS(?:\.COM)?\s*[-–—]+\s*", re.IGNORECASE),)),
    ),
}  # fmt: skip

GENERIC_DATELINE = _GENERIC_DATELINE


def profile_for(outlet: str | None, platform: str | None = None) -> Profile:
    """The selectors for an outlet (its platform's when the outlet is unknown)."""
    if outlet in OUTLETS:
        return OUTLETS[outlet].profile
    return PLATFORMS.get(platform or "", WORDPRESS)


def outlet_for_url(url: str | None) -> str | None:
    """The outlet whose real domain hosts `url`, if any."""
    if not url:
        return None
    host = (urlsplit(url).hostname or "").lower()
    for key, outlet in OUTLETS.items():
        if any(host == domain or host.endswith("." + domain) for domain in outlet.domains):
            return key
    return None


def detect(html: str, url: str | None) -> tuple[str | None, str | None]:
    """(outlet key, platform) guessed from the URL, then from markers in the page."""
    key = outlet_for_url(url)
    if key:
        return key, OUTLETS[key].platform
    head = html[:200_000].lower()
    for key, outlet in OUTLETS.items():
        if any(domain in head for domain in outlet.domains[:1]):
            platform = outlet.platform
            return key, platform
    if "data-ci-pagination-page" in head or "disway" in head:
        return None, "disway"
    if "blogger" in head and ("post-body" in head or "blogspot" in head):
        return None, "blogger"
    if "wp-content" in head or "wp-json" in head or "entry-content" in head:
        return None, "wordpress"
    return None, None
