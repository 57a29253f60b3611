"""Seeded generator of replica articles: the default set per outlet, bulk sets and fresh sanction reports."""

from __future__ import annotations

import itertools
import random
import zlib
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from crawler.testing.article import ReplicaArticle, slugify
from crawler.testing.drafting import Ctx, Draft
from crawler.testing.profiles import OutletProfile, profile
from crawler.testing.templates_more import MORE_OTHER, MORE_TOPIC
from crawler.testing.templates_other import OTHER_TEMPLATES
from crawler.testing.templates_topic import TOPIC_TEMPLATES
from crawler.testing.templates_varied import VARIED_TEMPLATES
from crawler.testing.wording import place_name

TEMPLATES: dict[str, Callable[[Ctx], Draft]] = {**TOPIC_TEMPLATES, **OTHER_TEMPLATES, **MORE_TOPIC, **MORE_OTHER}
FRESH_TEMPLATES = ("sanction_case", "sanction_recommendation", "teacher_forwarded")

# The default set: every template at least once, ages spread over two years (three older than 365 days).
_DEFAULT_PLAN: tuple[tuple[str, int, int], ...] = (
    # (template, age in days, Disway pages)
    ("sanction_case", 1, 3),
    ("warning", 3, 2),
    ("sports", 6, 1),
    ("examination", 12, 1),
    ("traffic", 25, 1),
    ("sanction_recommendation", 40, 2),
    ("tni_polri", 75, 1),
    ("socialisation", 120, 1),
    ("aggregate", 200, 1),
    ("logistics", 300, 1),
    ("absence", 380, 1),
    ("warning", 450, 1),
    ("sanction_case", 560, 2),
    ("sports", 690, 1),
)
_SOURCES = ("Sumber: Humas Pemda", "Sumber: Bawaslu", "Sumber: wawancara")
_fresh_counter = itertools.count(1)


def _seed(*parts: object) -> int:
    return zlib.crc32("|".join(str(p) for p in parts).encode("utf-8"))


def _split_pages(n_paragraphs: int, pages: int) -> tuple[int, ...]:
    pages = max(1, min(pages, n_paragraphs // 2))
    if pages == 1:
        return ()
    base, extra = divmod(n_paragraphs, pages)
    return tuple(base + (1 if i < extra else 0) for i in range(pages))


def _straight_quotes(text: str) -> str:
    return text.replace("“", '"').replace("”", '"')


def build_article(
    outlet: str, template: str, rng: random.Random, published: datetime, *, pages: int = 1, varied: bool = False
) -> ReplicaArticle:
    """Write one article for `outlet` from `template`, published at `published` (aware).

    `varied`: wording, quotes and names drawn per article (generated articles), so that two reports
    from one template are two events; off for the hand-planned default set (the saved fixtures).
    """
    prof = profile(outlet)
    local = published.astimezone(prof.tz).replace(second=0, microsecond=0)
    region = rng.choice(prof.regions)
    write = VARIED_TEMPLATES.get(template, TEMPLATES[template]) if varied else TEMPLATES[template]
    draft = write(Ctx(rng, prof, region, local, varied=varied))
    return _finish(prof, draft, rng, local, region.city, pages)


def _finish(
    prof: OutletProfile, draft: Draft, rng: random.Random, local: datetime, city: str, pages: int
) -> ReplicaArticle:
    paragraphs = tuple(draft.paragraphs)
    statements = tuple(draft.statements)
    if prof.platform in ("disway", "blogger"):
        paragraphs = tuple(_straight_quotes(p) for p in paragraphs)
    reporter = rng.choice(prof.reporters)
    disway = prof.platform == "disway"
    return ReplicaArticle(
        slug=slugify(draft.title),
        title=draft.title,
        published=local,
        authors=(reporter,),
        paragraphs=paragraphs,
        category=draft.category,
        category_name=draft.category_name,
        tags=tuple(draft.tags),
        expected_relevant=draft.relevant,
        expected_sanction_report=draft.sanction_report,
        city=city,
        kind=draft.kind,
        editor=rng.choice(prof.editors),
        pages=_split_pages(len(paragraphs), pages) if disway else (),
        statements=statements,
        sanction=draft.sanction,
        caption=draft.caption or f"Ilustrasi berita {draft.category_name.lower()}",
        photographer=reporter if disway else None,
        source=rng.choice(_SOURCES) if disway and rng.random() < 0.4 else None,
    )


def default_articles(outlet: str, now: datetime | None = None) -> list[ReplicaArticle]:
    """The hand-planned set of 14 articles every replica starts with (newest first)."""
    now = now or datetime.now(UTC)
    rng = random.Random(_seed("default", outlet))
    articles: list[ReplicaArticle] = []
    for template, age_days, pages in _DEFAULT_PLAN:
        when = now - timedelta(days=age_days, hours=rng.randint(0, 9), minutes=rng.randint(0, 59))
        articles.append(build_article(outlet, template, rng, when, pages=pages))
    return unique_slugs(articles)


def generate_articles(
    outlet: str, n: int, seed: int = 0, now: datetime | None = None, *, topic_share: float = 0.35
) -> list[ReplicaArticle]:
    """`n` articles over the last two years, about `topic_share` of them on topic (cheap: no I/O)."""
    now = now or datetime.now(UTC)
    rng = random.Random(_seed("bulk", outlet, seed))
    topic, other = sorted({**TOPIC_TEMPLATES, **MORE_TOPIC}), sorted({**OTHER_TEMPLATES, **MORE_OTHER})
    twist = random.Random(_seed("twist", outlet, seed))  # separate stream: headlines only
    prof = profile(outlet)
    articles: list[ReplicaArticle] = []
    titles: set[str] = set()
    for _ in range(n):
        template = rng.choice(topic if rng.random() < topic_share else other)
        when = now - timedelta(minutes=rng.randint(30, 730 * 24 * 60))
        pages = rng.choice((1, 1, 2, 3))
        article = build_article(outlet, template, rng, when, pages=pages, varied=True)
        if article.title in titles:
            article = _retitle(article, titles, twist, prof)
        titles.add(article.title)
        articles.append(article)
    articles.sort(key=lambda a: a.published, reverse=True)
    return unique_slugs(articles)


_TWISTS = (
    "{t}, Begini Penjelasannya", "{t}, Ini Kata Warga", "Pekan Ini, {t}", "{t}, Simak Selengkapnya",
    "Update: {t}", "{t}, Ini Faktanya", "Warga {d} Soroti: {t}", "{t}, Warga {d} Angkat Bicara",
    "Dari {d}: {t}",
)


def _retitle(article: ReplicaArticle, taken: set[str], rng: random.Random, prof: OutletProfile) -> ReplicaArticle:
    """Give a bulk article whose headline is taken a new one, as desks rewrite repeated stories."""
    districts = [d for region in prof.regions for d in region.districts]
    rng.shuffle(districts)
    for pattern in rng.sample(_TWISTS, len(_TWISTS)):
        for district in districts if "{d}" in pattern else districts[:1]:
            title = pattern.format(t=article.title, d=district)
            if title not in taken:
                return replace(article, title=title, slug=slugify(title))
    for _ in range(1000):  # every twist taken: name an invented village instead of a district
        title = rng.choice(_TWISTS[6:]).format(t=article.title, d=place_name(rng))
        if title not in taken:
            return replace(article, title=title, slug=slugify(title))
    return article


def make_sanction_article(outlet: str, now: datetime | None = None, seed: int | None = None) -> ReplicaArticle:
    """A fresh on-topic sanction report (`expected_sanction_report=True`) published at `now`."""
    now = now or datetime.now(UTC)
    if seed is None:
        seed = next(_fresh_counter) * 7919 + int(now.timestamp())
    rng = random.Random(_seed("fresh", outlet, seed))
    template = rng.choice(FRESH_TEMPLATES)
    article = build_article(outlet, template, rng, now, pages=rng.choice((1, 2)), varied=True)
    return replace(article, slug=f"{article.slug}-{seed % 100000}")


def unique_slugs(articles: list[ReplicaArticle]) -> list[ReplicaArticle]:
    """Append -2, -3 ... to repeated slugs, the way WordPress does."""
    seen: set[str] = set()
    out = []
    for article in articles:
        slug, k = article.slug, 2
        while slug in seen:
            slug, k = f"{article.slug}-{k}", k + 1
        seen.add(slug)
        out.append(article if slug == article.slug else replace(article, slug=slug))
    return out
