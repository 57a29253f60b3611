"""The replica's article record: what a page shows and what the monitor should conclude from it."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

WIB = timezone(timedelta(hours=7), "WIB")
WITA = timezone(timedelta(hours=8), "WITA")
WIT = timezone(timedelta(hours=9), "WIT")


@dataclass(frozen=True)
class ReplicaQuote:
    """One direct quotation as labeling.md §3 wants it extracted.

    `quote` is the exact words without the marks and without a final comma or full stop; a quotation broken
    by its attribution ("“A,” kata X, “b.”") is one statement whose parts are joined by one space.
    """

    quote: str
    speaker: str
    role: str | None
    verb: str


@dataclass(frozen=True)
class ReplicaSanction:
    """The sanction-report fields of labeling.md §2 for an article whose sanction_report is true."""

    subjects: tuple[str, ...]
    count: int | None
    sanction_type: str
    violation: str
    authority: str
    region: str
    kind: str = "case"  # "case" or "aggregate"


@dataclass(frozen=True)
class ReplicaArticle:
    """A news article served by a replica site; `expected_*` fields are the ground truth."""

    slug: str
    title: str
    published: datetime  # aware; rendered in the outlet's own zone
    authors: tuple[str, ...]
    # Body text without dateline, captions, BACA JUGA or footer lines. May hold &, <, NBSP, zero-width spaces
    # and emoji (kind "budget"): compare extracted text after whitespace normalisation.
    paragraphs: tuple[str, ...]
    category: str  # category slug
    category_name: str
    tags: tuple[str, ...]  # tag display names ("Netralitas ASN")
    expected_relevant: bool
    expected_sanction_report: bool
    city: str = ""  # dateline city, upper case ("MAGELANG")
    kind: str = ""  # template that produced it ("warning", "sanction_case", "sports", ...)
    editor: str | None = None
    pages: tuple[int, ...] = ()  # paragraphs per page (Disway); () = one page
    statements: tuple[ReplicaQuote, ...] = ()
    sanction: ReplicaSanction | None = None
    caption: str | None = None  # photo caption without the "-NAME-OUTLET" credit
    photographer: str | None = None
    source: str | None = None  # the "Sumber:" line (Disway) if any
    modified: datetime | None = None
    extra: dict[str, str] = field(default_factory=dict, compare=False, hash=False)

    def __post_init__(self) -> None:
        if self.published.tzinfo is None:
            raise ValueError("ReplicaArticle.published must be timezone-aware")
        if self.pages and sum(self.pages) != len(self.paragraphs):
            raise ValueError("ReplicaArticle.pages must add up to the number of paragraphs")

    @property
    def key(self) -> str:
        """The article's identity inside one site (its slug)."""
        return self.slug

    @property
    def page_count(self) -> int:
        return max(1, len(self.pages))

    def page_paragraphs(self, page: int) -> tuple[str, ...]:
        """Paragraphs shown on 1-based `page` (all of them when the article has one page)."""
        if not self.pages:
            return self.paragraphs if page == 1 else ()
        start = sum(self.pages[: page - 1])
        return self.paragraphs[start : start + self.pages[page - 1]]

    @property
    def body_text(self) -> str:
        return "\n\n".join(self.paragraphs)

    @property
    def last_modified(self) -> datetime:
        return self.modified or self.published


def slugify(text: str, limit: int = 80) -> str:
    """A WordPress-like slug: ascii, lower case, words joined with '-'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(slug) > limit:
        slug = slug[:limit].rsplit("-", 1)[0]
    return slug or "artikel"
