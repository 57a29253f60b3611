"""Pure article extraction: HTML and URL in, a frozen record out, each field from the first layer that has it.

Layers, in order: the outlet's selectors ("outlet"), platform metadata such as meta tags, JSON-LD and
feed fields ("metadata"/"feed"), then trafilatura ("generic"). `provenance` says which layer gave what.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any
from urllib.parse import urljoin

from crawler.extract import dom
from crawler.extract.clean import clean_paragraphs, normalise
from crawler.extract.dates import parse_date, plausible
from crawler.extract.generic import GenericFields, generic_fields
from crawler.extract.people import authors_from_text, clean_names
from crawler.extract.profiles import GENERIC_DATELINE, OUTLETS, Profile, detect, profile_for
from monitor.text.urls import canonical_url

MIN_BODY_CHARS = 80


@dataclass(frozen=True)
class ExtractedArticle:
    """What one article page (or a joined multi-page article) says."""

    url: str | None
    canonical_url: str | None
    outlet: str | None
    title: str | None
    published: datetime | None
    authors: tuple[str, ...]
    body_paragraphs: tuple[str, ...]
    tags: tuple[str, ...] = ()
    category: str | None = None
    page_links: tuple[str, ...] = ()
    provenance: Mapping[str, str] = field(default_factory=dict)
    editor: str | None = None
    platform: str | None = None
    pages: int = 1

    @property
    def body(self) -> str:
        return "\n\n".join(self.body_paragraphs)


def _first_text(root: Any, selectors: tuple[str, ...]) -> str:
    for selector in selectors:
        for element in dom.css(root, selector):
            text = dom.text_of(element)
            if text:
                return text
    return ""


def _all_texts(root: Any, selectors: tuple[str, ...]) -> list[str]:
    for selector in selectors:
        found = [dom.text_of(e).lstrip("#").strip() for e in dom.css(root, selector)]
        found = [t for t in found if t]
        if found:
            return list(dict.fromkeys(found))
    return []


def _strip_site(title: str) -> str:
    return re.split(r"\s+[|–—-]\s+(?=[^|–—-]*$)", title)[0].strip() if title else ""


def _date(root: Any, profile: Profile) -> datetime | None:
    for selector in profile.date:
        for element in dom.css(root, selector):
            value = parse_date(dom.value_of(element), profile.timezone)
            if plausible(value):
                return value
    return None


def _page_links(root: Any, profile: Profile, url: str | None) -> tuple[tuple[str, ...], int]:
    """(links to the later pages of this article, in order; this page's number)."""
    if not profile.pagination or root is None:
        return (), 1
    current = 1
    for marker in dom.current_page_markers(root):
        digits = dom.text_of(marker).strip()
        if digits.isdigit():
            current = int(digits)
            break
    numbered: dict[int, str] = {}
    for element in dom.css(root, profile.pagination):
        number_text = element.get("data-ci-pagination-page") or dom.text_of(element)
        if not number_text or not number_text.strip().isdigit():
            continue
        number = int(number_text.strip())
        href = element.get("href")
        parent = element.getparent()
        active = parent is not None and "active" in (parent.get("class") or "")
        if not href or href.startswith("#") or "current" in (element.get("class") or "") or active:
            current = number
            continue
        absolute = urljoin(url, href) if url else href
        if url and absolute.split("#")[0] == url.split("#")[0]:
            current = number
            continue
        numbered.setdefault(number, absolute)
    return tuple(href for number, href in sorted(numbered.items()) if number > current), current


@dataclass(frozen=True)
class _Layered:
    value: Any
    layer: str


def _pick(*candidates: tuple[Any, str]) -> _Layered:
    """The first non-empty candidate; a candidate may be a callable, evaluated only when reached."""
    for value, layer in candidates:
        if callable(value):
            value = value()
        if value:
            return _Layered(value, layer)
    return _Layered(None, "none")


def extract_article(
    html: str,
    url: str | None,
    outlet: str | None,
    *,
    hints: Mapping[str, Any] | None = None,
    first_page: bool | None = None,
) -> ExtractedArticle:
    """Read an article page. `hints` are feed fields (title, published, authors, tags, category).

    `first_page` (None = tell from the page's pagination) decides whether a dateline is stripped.
    """
    html = html or ""
    root = dom.parse(html)
    if url is None and root is not None:  # a saved page: trust its own canonical link
        for link in dom.css(root, 'link[rel="canonical"]'):
            if (link.get("href") or "").startswith(("http://", "https://")):
                url = link.get("href")
                break
        else:
            url = dom.meta(root, "og:url") or None
    platform: str | None = OUTLETS[outlet].platform if outlet in OUTLETS else None
    if outlet is None or platform is None:
        found_outlet, platform = detect(html, url)
        outlet = outlet or found_outlet
    profile = profile_for(outlet, platform)
    hints = hints or {}
    page_links, page_no = _page_links(root, profile, url)
    if first_page is None:
        first_page = page_no <= 1
    # the lower layers are read only when a field reaches them (each at most once)
    memo: dict[str, Any] = {}

    def once(key: str, compute: Callable[[], Any]) -> Any:
        if key not in memo:
            memo[key] = compute()
        return memo[key]

    def ld() -> dict[str, Any]:
        found: dict[str, Any] = once("ld", lambda: dom.json_ld_article(root))
        return found

    def generic() -> GenericFields:
        # later pages of a multi-page article lend only their body; no generic pass for them
        usable = root is not None and first_page is not False
        fields: GenericFields = once("generic", lambda: generic_fields(html, url) if usable else GenericFields())
        return fields

    def header() -> tuple[list[str], list[str]]:
        names: tuple[list[str], list[str]] = once("header", lambda: authors_from_text(root))
        return names

    # -- body (outlet selectors, then generic) --------------------------------------------------
    raw: list[str] = []
    body_layer = "none"
    if root is not None:
        for selector in profile.body:
            containers = dom.css(root, selector)
            if not containers:
                continue
            container = copy.deepcopy(containers[0])
            dom.remove(container, profile.drop)
            raw = dom.paragraphs(container)
            if sum(len(p) for p in raw) >= MIN_BODY_CHARS or not first_page:
                body_layer = "outlet"
                break
            raw = []
    datelines = (*profile.datelines, GENERIC_DATELINE)
    cleaned = clean_paragraphs(raw, datelines, first_page=first_page)
    if body_layer == "outlet" and not cleaned.paragraphs and first_page:
        body_layer = "none"
    if body_layer == "none" and root is not None:
        cleaned = clean_paragraphs(generic().paragraphs, datelines, first_page=first_page)
        body_layer = "generic" if cleaned.paragraphs else "none"

    # -- title --------------------------------------------------------------------------------
    def ld_text(key: str) -> str:
        value = ld().get(key)
        return normalise(value) if isinstance(value, str) else ""

    title = _pick(
        (_first_text(root, profile.title), "outlet"),
        (normalise(hints.get("title")), "feed"),
        (lambda: _strip_site(dom.meta(root, "og:title", "twitter:title")), "metadata"),
        (lambda: ld_text("headline"), "metadata"),
        (lambda: generic().title, "generic"),
    )

    # -- published ----------------------------------------------------------------------------
    def meta_date() -> datetime | None:
        for value in (
            lambda: dom.meta(root, "article:published_time", "pubdate", "datepublished", "publishdate", "date"),
            lambda: str(ld().get("datePublished") or ""),
        ):
            parsed = parse_date(value(), profile.timezone)
            if plausible(parsed):
                return parsed
        return None

    hinted = hints.get("published")
    published = _pick(
        (lambda: _date(root, profile) if root is not None else None, "outlet"),
        (meta_date, "metadata"),
        (hinted if isinstance(hinted, datetime) and hinted.tzinfo else None, "feed"),
        (lambda: parse_date(generic().date, profile.timezone), "generic"),
    )

    # -- authors ------------------------------------------------------------------------------
    authors = _pick(
        (tuple(clean_names(cleaned.credits)), "outlet"),
        (lambda: tuple(clean_names(
            [*_all_texts(root, profile.authors), *cleaned.reporters, *header()[0]]
        )), "outlet"),
        (tuple(clean_names(list(hints.get("authors") or ()))), "feed"),
        (lambda: tuple(clean_names([dom.meta(root, "author", "article:author"), *dom.ld_names(ld().get("author"))])),
         "metadata"),
        (lambda: tuple(clean_names(list(generic().authors))), "generic"),
    )  # fmt: skip
    # the first editor name: from the selectors when they give one (then the rest cannot come first)
    editor_names = clean_names(_all_texts(root, profile.editor)) or clean_names([*cleaned.editors, *header()[1]])

    # -- tags and category --------------------------------------------------------------------
    def ld_keywords() -> tuple[str, ...]:
        keywords = ld().get("keywords")
        if isinstance(keywords, str):
            keywords = [k.strip() for k in keywords.split(",")]
        return tuple(normalise(k) for k in keywords or () if isinstance(k, str) and normalise(k))

    tags = _pick(
        (tuple(_all_texts(root, profile.tags)), "outlet"),
        (tuple(normalise(t) for t in hints.get("tags") or () if normalise(t)), "feed"),
        (lambda: tuple(dom.meta_all(root, "article:tag")), "metadata"),
        (ld_keywords, "metadata"),
    )
    label_category = ""
    if profile.first_tag_is_category and tags.layer == "outlet" and tags.value:
        label_category, tags = tags.value[0], _Layered(tags.value[1:], "outlet")
    category = _pick(
        (_first_text(root, profile.category), "outlet"),
        (label_category, "outlet"),
        (normalise(hints.get("category")), "feed"),
        (lambda: dom.meta(root, "article:section"), "metadata"),
        (lambda: ld_text("articleSection"), "metadata"),
    )

    provenance = {
        "title": title.layer, "published": published.layer, "authors": authors.layer,
        "body": body_layer, "tags": tags.layer, "category": category.layer,
    }  # fmt: skip
    return ExtractedArticle(
        url=url,
        canonical_url=canonical_url(url) if url else None,
        outlet=outlet,
        title=title.value or None,
        published=published.value,
        authors=authors.value or (),
        body_paragraphs=cleaned.paragraphs,
        tags=tags.value or (),
        category=category.value or None,
        page_links=page_links,
        provenance=provenance,
        editor=editor_names[0] if editor_names else None,
        platform=profile.platform,
    )


def join_pages(first: ExtractedArticle, later: list[ExtractedArticle]) -> ExtractedArticle:
    """One article from its pages in order: body paragraphs concatenated, missing fields filled in."""
    paragraphs = list(first.body_paragraphs)
    authors = first.authors
    editor = first.editor
    for page in later:
        paragraphs.extend(page.body_paragraphs)
        authors = authors or page.authors
        editor = editor or page.editor
    return replace(
        first, body_paragraphs=tuple(paragraphs), authors=authors, editor=editor,
        pages=1 + len(later), page_links=first.page_links,
    )  # fmt: skip
