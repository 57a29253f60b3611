"""Stories: candidates by signature in PostgreSQL, verification, stored keys, and grouping articles into stories.

The keys themselves (content hash, MinHash, LSH and quote keys) are pure and live in monitor.signatures.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, func, select, text, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import Session

from monitor.db.models import Article, ArticleSignature, SanctionFinding, SignatureBand, Story
from monitor.signatures import (  # re-exported: the keys were defined here before
    BANDS,
    MAX_QUOTE_KEYS,
    MIN_SIGNED_WORDS,
    QUOTE_BAND_BASE,
    QUOTE_BAND_SLOTS,
    QUOTE_MIN_WORDS,
    ROWS,
    SCHEME_MAX,
    StoryKeys,
    _similarity,
    band_hashes,
    content_hash,
    jaccard_estimate,
    minhash_bytes,
    normalise_text,
    quote_keys,
    scheme,
    signature_text,
    story_keys,
)

QUOTE_SAME_EVENT = timedelta(days=2)  # a shared quote groups articles published this close together
MIN_JACCARD = 0.3  # MinHash estimate below this is not even shown to similarity.same_story
SURE_JACCARD = 0.6  # ... and from this on it is a republished copy without asking (std of the estimate ~0.04)
MAX_CANDIDATES = 32
LOCK_NAMESPACE = 0x5354  # pg_advisory_xact_lock(int4, int4): first key "ST" for story keys

__all__ = [
    "BANDS",
    "MAX_QUOTE_KEYS",
    "MIN_SIGNED_WORDS",
    "QUOTE_BAND_BASE",
    "QUOTE_BAND_SLOTS",
    "QUOTE_MIN_WORDS",
    "ROWS",
    "SCHEME_MAX",
    "Candidate",
    "Match",
    "StoryKeys",
    "assign_story",
    "band_hashes",
    "content_hash",
    "find_candidates",
    "jaccard_estimate",
    "lock_story_keys",
    "minhash_bytes",
    "normalise_text",
    "quote_keys",
    "reference_time",
    "refresh_story",
    "scheme",
    "signature_text",
    "store_keys",
    "story_keys",
    "verify",
]


# -- candidates in PostgreSQL ---------------------------------------------------------------------

_CANDIDATES = text(
    """
    SELECT c.article_id, a.story_id, s.minhash, c.band_hits, c.quote_hits, c.ref
    FROM (
        SELECT sb.article_id,
               count(*) FILTER (WHERE sb.band < :quote_base) AS band_hits,
               count(*) FILTER (WHERE sb.band >= :quote_base) AS quote_hits,
               min(sb.created_at) AS ref
        FROM unnest(CAST(:bands AS smallint[]), CAST(:hashes AS bigint[])) AS q(band, band_hash)
        CROSS JOIN LATERAL (  -- one index probe per key, whatever the planner's estimates
            SELECT b.article_id, b.band, b.created_at FROM signature_bands b
            WHERE b.band = q.band AND b.band_hash = q.band_hash AND b.created_at BETWEEN :lo AND :hi
        ) AS sb
        WHERE sb.article_id <> CAST(:self AS bigint)
        GROUP BY sb.article_id
        ORDER BY count(*) DESC, sb.article_id
        LIMIT :limit
    ) c
    JOIN articles a ON a.id = c.article_id AND a.story_id IS NOT NULL
    JOIN article_signatures s ON s.article_id = c.article_id AND s.scheme = :scheme
    """
)


@dataclass(frozen=True, slots=True)
class Candidate:
    article_id: int
    story_id: int
    jaccard: float
    band_hits: int
    quote_hits: int
    ref: datetime


@dataclass(frozen=True, slots=True)
class Match:
    story_id: int
    article_id: int
    score: float
    reason: str  # near-duplicate | same-quote


def reference_time(article: Article) -> datetime:
    """When an article happened for grouping: its publication time, else when it was fetched."""
    return article.published_at or article.fetched_at


def find_candidates(
    session: Session, keys: StoryKeys, article_id: int, ref: datetime, window: timedelta
) -> list[Candidate]:
    """Articles sharing an LSH band or a quote key within `window` of `ref` (one indexed query)."""
    if not keys.bands:
        return []
    rows = session.execute(
        _CANDIDATES,
        {
            "bands": [b for b, _ in keys.bands],
            "hashes": [h for _, h in keys.bands],
            "lo": ref - window,
            "hi": ref + window,
            "self": article_id,
            "scheme": scheme(),
            "quote_base": QUOTE_BAND_BASE,
            "limit": MAX_CANDIDATES,
        },
    ).all()
    return [
        Candidate(r.article_id, r.story_id, jaccard_estimate(keys.minhash, r.minhash), r.band_hits, r.quote_hits, r.ref)
        for r in rows
    ]


def verify(session: Session, article: Article, ref: datetime, candidates: Sequence[Candidate]) -> list[Match]:
    """Keep the candidates that are the same story, best first.

    A MinHash estimate of SURE_JACCARD or more is a republished copy outright; other band candidates
    reaching MIN_JACCARD, and quote candidates published within QUOTE_SAME_EVENT of the article, are
    shown to `similarity.same_story` with both texts.
    """
    sure = [c for c in candidates if c.band_hits and c.jaccard >= SURE_JACCARD]
    doubtful = [
        c for c in candidates
        if c.jaccard < SURE_JACCARD
        and ((c.band_hits and c.jaccard >= MIN_JACCARD) or (c.quote_hits and abs(c.ref - ref) <= QUOTE_SAME_EVENT))
    ]
    confirmed = list(sure)
    if doubtful:
        others = {
            row.id: signature_text(row.title, row.body)
            for row in session.execute(
                select(Article.id, Article.title, Article.body).where(Article.id.in_([c.article_id for c in doubtful]))
            )
        }
        mine = signature_text(article.title, article.body)
        same_story = _similarity().same_story
        confirmed += [c for c in doubtful if c.article_id in others and same_story(mine, others[c.article_id])]
    matches = [
        Match(c.story_id, c.article_id, c.jaccard + 0.1 * c.quote_hits,
              "near-duplicate" if c.jaccard >= MIN_JACCARD else "same-quote")
        for c in confirmed
    ]
    return sorted(matches, key=lambda m: (-m.score, m.article_id))


# -- assignment ------------------------------------------------------------------------------------


def lock_story_keys(session: Session, keys: StoryKeys) -> None:
    """Serialise workers grouping possibly-related articles: xact advisory locks on every key, in order.

    Two copies of one text share band keys, so the second waits for the first to commit and then
    finds it as a candidate; unrelated articles share no key and never wait for each other.
    """
    session.execute(
        text(
            "SELECT count(pg_advisory_xact_lock(:ns, k)) "
            "FROM (SELECT k FROM unnest(CAST(:keys AS int[])) AS k ORDER BY k) AS ordered"
        ),
        {"ns": LOCK_NAMESPACE, "keys": keys.lock_keys()},
    )


def store_keys(session: Session, article_id: int, keys: StoryKeys, ref: datetime, fresh: bool = False) -> None:
    """Store the article's signature and bands (band rows carry its reference time for the window).

    `fresh`: the article never had keys, so there are no old bands to remove.
    """
    stmt = insert(ArticleSignature).values(article_id=article_id, scheme=scheme(), minhash=keys.minhash)
    session.execute(
        stmt.on_conflict_do_update(
            index_elements=[ArticleSignature.article_id],
            set_={"scheme": stmt.excluded.scheme, "minhash": stmt.excluded.minhash, "created_at": func.now()},
        )
    )
    bands = [b for b, _ in keys.bands]
    if not fresh:
        session.execute(
            delete(SignatureBand).where(SignatureBand.article_id == article_id, SignatureBand.band.not_in(bands))
        )
    if not bands:
        return
    session.execute(
        text(
            "INSERT INTO signature_bands (article_id, band, band_hash, created_at) "
            "SELECT :id, b, h, :ref FROM unnest(CAST(:bands AS smallint[]), CAST(:hashes AS bigint[])) AS t(b, h) "
            "ON CONFLICT (article_id, band) DO UPDATE SET band_hash = excluded.band_hash, "
            "created_at = excluded.created_at"
        ),
        {"id": article_id, "ref": ref, "bands": bands, "hashes": [h for _, h in keys.bands]},
    )


def refresh_story(session: Session, story_id: int) -> Story | None:
    """Recount a story from its articles (one UPDATE); delete it when it has none left."""
    members = Article.story_id == story_id
    count = select(func.count(Article.id)).where(members).scalar_subquery()
    story = session.scalars(
        update(Story)
        .where(Story.id == story_id)
        .values(
            article_count=count,
            first_published_at=select(func.min(func.coalesce(Article.published_at, Article.fetched_at)))
            .where(members)
            .scalar_subquery(),
            sanction_report=select(func.coalesce(func.bool_or(SanctionFinding.report), False))
            .select_from(Article)
            .join(SanctionFinding, SanctionFinding.article_id == Article.id)
            .where(members)
            .scalar_subquery(),
            updated_at=func.now(),
        )
        .returning(Story)
        .execution_options(populate_existing=True)
    ).one_or_none()
    if story is not None and story.article_count == 0:
        session.delete(story)
        session.flush()
        return None
    return story


def _is_anchor(session: Session, story_id: int, article_id: int) -> bool:
    first = session.scalar(select(func.min(Article.id)).where(Article.story_id == story_id))
    return first == article_id


def assign_story(session: Session, article: Article, quotes: Iterable[str], window: timedelta) -> Story:
    """Put the article into the best verified candidate's story, or a new one; store its keys.

    Idempotent for reprocessing: an article keeps its story while it still matches a member of it
    (or is the story's first article).
    """
    keys = story_keys(article.title, article.body, quotes)
    ref = reference_time(article)
    lock_story_keys(session, keys)
    matches = verify(session, article, ref, find_candidates(session, keys, article.id, ref, window))
    current = article.story_id
    chosen: int | None = None
    if current is not None and (
        any(m.story_id == current for m in matches) or _is_anchor(session, current, article.id)
    ):
        chosen = current
    elif matches:
        chosen = matches[0].story_id
    store_keys(session, article.id, keys, ref, fresh=current is None)
    if chosen is None:
        story = Story(title=article.title, first_published_at=article.published_at, article_count=0)
        session.add(story)
        session.flush()
        chosen = story.id
    else:
        session.execute(select(Story.id).where(Story.id == chosen).with_for_update())
    article.story_id = chosen
    session.flush()
    if current is not None and current != chosen:
        refresh_story(session, current)
    result = refresh_story(session, chosen)
    assert result is not None  # it holds this article
    return result
