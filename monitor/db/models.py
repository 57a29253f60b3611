"""Typed SQLAlchemy models: the one schema every process shares (see alembic/ for migrations)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {datetime: DateTime(timezone=True), dict[str, Any]: JSONB, list[Any]: JSONB}  # noqa: RUF012


def _now() -> Any:
    return func.now()


class Outlet(Base):
    """One monitored site, its polling state and its health."""

    __tablename__ = "outlets"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    platform: Mapped[str] = mapped_column(String(32))
    base_url: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(server_default=_now())
    poll_interval: Mapped[int | None] = mapped_column(Integer)  # seconds, adaptive polling
    next_crawl_at: Mapped[datetime | None]
    backfilled_at: Mapped[datetime | None]  # first complete crawl; later crawls are incremental
    consecutive_failures: Mapped[int] = mapped_column(Integer, server_default="0")
    health_state: Mapped[str] = mapped_column(String(16), server_default="ok")  # ok | unhealthy
    health_reason: Mapped[str | None] = mapped_column(Text)
    health_changed_at: Mapped[datetime | None]


class CrawlRun(Base):
    """One pass of one outlet's spider."""

    __tablename__ = "crawl_runs"

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    outlet_key: Mapped[str] = mapped_column(ForeignKey("outlets.key"), index=True)
    started_at: Mapped[datetime] = mapped_column(server_default=_now())
    finished_at: Mapped[datetime | None]
    status: Mapped[str] = mapped_column(String(16), server_default="running")
    # running | ok | failed | killed | timeout | interrupted
    requests: Mapped[int] = mapped_column(Integer, server_default="0")
    new_articles: Mapped[int] = mapped_column(Integer, server_default="0")
    on_topic: Mapped[int] = mapped_column(Integer, server_default="0")
    off_topic: Mapped[int] = mapped_column(Integer, server_default="0")
    errors: Mapped[int] = mapped_column(Integer, server_default="0")
    field_coverage: Mapped[dict[str, Any] | None]
    error_message: Mapped[str | None] = mapped_column(Text)
    host: Mapped[str | None] = mapped_column(String(255))
    pid: Mapped[int | None] = mapped_column(Integer)
    node: Mapped[str | None] = mapped_column(Text)  # scrapyd node URL, when run there
    job_id: Mapped[str | None] = mapped_column(String(64))
    stats: Mapped[dict[str, Any] | None]


class Story(Base):
    """Articles about one event, across outlets."""

    __tablename__ = "stories"

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    created_at: Mapped[datetime] = mapped_column(server_default=_now())
    updated_at: Mapped[datetime] = mapped_column(server_default=_now())
    title: Mapped[str | None] = mapped_column(Text)
    first_published_at: Mapped[datetime | None]
    article_count: Mapped[int] = mapped_column(Integer, server_default="0")
    sanction_report: Mapped[bool] = mapped_column(Boolean, server_default="false")

    articles: Mapped[list[Article]] = relationship(back_populates="story")


class Article(Base):
    """A stored, on-topic article; also the processing queue (state column)."""

    __tablename__ = "articles"
    __table_args__ = (Index("ix_articles_state_id", "state", "id"),)

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    canonical_url: Mapped[str] = mapped_column(Text, unique=True)
    url_hash: Mapped[str] = mapped_column(String(40), unique=True)
    outlet_key: Mapped[str] = mapped_column(ForeignKey("outlets.key"), index=True)
    title: Mapped[str | None] = mapped_column(Text)
    published_at: Mapped[datetime | None] = mapped_column(index=True)
    authors: Mapped[list[Any]] = mapped_column(server_default="[]")
    body: Mapped[str] = mapped_column(Text, server_default="")
    page_count: Mapped[int] = mapped_column(SmallInteger, server_default="1")
    tags: Mapped[list[Any]] = mapped_column(server_default="[]")
    category: Mapped[str | None] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    provenance: Mapped[dict[str, Any]] = mapped_column(server_default="{}")  # field -> layer
    fetched_at: Mapped[datetime] = mapped_column(server_default=_now(), index=True)
    relevant: Mapped[bool | None] = mapped_column(Boolean)
    relevance_score: Mapped[float | None] = mapped_column(Float)
    story_id: Mapped[int | None] = mapped_column(ForeignKey("stories.id", ondelete="SET NULL"), index=True)
    crawl_run_id: Mapped[int | None] = mapped_column(ForeignKey("crawl_runs.id", ondelete="SET NULL"))
    # processing queue: new -> done | failed (retried up to a limit)
    state: Mapped[str] = mapped_column(String(16), server_default="new")
    attempts: Mapped[int] = mapped_column(Integer, server_default="0")  # counted (committed) before each try
    claimed_at: Mapped[datetime | None]  # lease of the worker trying it; NULL when no try is under way
    processed_at: Mapped[datetime | None]
    last_error: Mapped[str | None] = mapped_column(Text)

    story: Mapped[Story | None] = relationship(back_populates="articles")


class SeenUrl(Base):
    """Every URL a spider resolved: stored (and under which article), off topic, or failed."""

    __tablename__ = "seen_urls"

    url_hash: Mapped[str] = mapped_column(String(40), primary_key=True)
    canonical_url: Mapped[str] = mapped_column(Text)
    outlet_key: Mapped[str] = mapped_column(ForeignKey("outlets.key"), index=True)
    status: Mapped[str] = mapped_column(String(16))  # stored | duplicate | off_topic | failed
    article_id: Mapped[int | None] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    attempts: Mapped[int] = mapped_column(Integer, server_default="1")
    last_error: Mapped[str | None] = mapped_column(Text)
    first_seen: Mapped[datetime] = mapped_column(server_default=_now())
    last_seen: Mapped[datetime] = mapped_column(server_default=_now())


class RawPage(Base):
    """The HTML of each fetched page, zlib-compressed, so extraction can be re-run."""

    __tablename__ = "raw_pages"
    __table_args__ = (UniqueConstraint("article_id", "page_no", name="uq_raw_pages_article_page"),)

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    page_no: Mapped[int] = mapped_column(SmallInteger, server_default="1")
    url: Mapped[str] = mapped_column(Text)
    fetched_at: Mapped[datetime] = mapped_column(server_default=_now())
    http_status: Mapped[int | None] = mapped_column(SmallInteger)
    encoding: Mapped[str | None] = mapped_column(String(40))
    html_zlib: Mapped[bytes] = mapped_column(LargeBinary)


class FeedState(Base):
    """Validators for conditional GET of feeds and sitemaps."""

    __tablename__ = "feed_state"

    url: Mapped[str] = mapped_column(Text, primary_key=True)
    outlet_key: Mapped[str] = mapped_column(ForeignKey("outlets.key"), index=True)
    etag: Mapped[str | None] = mapped_column(Text)
    last_modified: Mapped[str | None] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(server_default=_now())


class ArticleSignature(Base):
    """MinHash signature of an article's body, with the scheme that made it."""

    __tablename__ = "article_signatures"

    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True)
    scheme: Mapped[str] = mapped_column(String(64))
    minhash: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(server_default=_now())


class SignatureBand(Base):
    """LSH bands: articles sharing a (band, hash) are story candidates."""

    __tablename__ = "signature_bands"
    __table_args__ = (Index("ix_signature_bands_lookup", "band", "band_hash", "created_at"),)

    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True)
    band: Mapped[int] = mapped_column(SmallInteger, primary_key=True)
    band_hash: Mapped[int] = mapped_column(BigInteger)
    created_at: Mapped[datetime] = mapped_column(server_default=_now())


class Statement(Base):
    """A quotation in an article and who said it."""

    __tablename__ = "statements"

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    quote: Mapped[str] = mapped_column(Text)
    speaker: Mapped[str | None] = mapped_column(Text)
    role: Mapped[str | None] = mapped_column(Text)
    verb: Mapped[str | None] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(16), server_default="direct")  # direct | indirect


class SanctionFinding(Base):
    """The monitor's judgement of one article: sanction report or not, and its details."""

    __tablename__ = "sanction_findings"

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), unique=True)
    report: Mapped[bool] = mapped_column(Boolean)
    kind: Mapped[str | None] = mapped_column(String(16))  # case | aggregate
    subjects: Mapped[str | None] = mapped_column(Text)
    count: Mapped[int | None] = mapped_column(Integer)
    sanction_type: Mapped[str | None] = mapped_column(Text)
    violation: Mapped[str | None] = mapped_column(Text)
    authority: Mapped[str | None] = mapped_column(Text)
    region: Mapped[str | None] = mapped_column(Text)
    evidence: Mapped[str | None] = mapped_column(Text)
    score: Mapped[float | None] = mapped_column(Float)
    created_at: Mapped[datetime] = mapped_column(server_default=_now())


class Alert(Base):
    """The outbox: one row per message to send, unique per idempotency key."""

    __tablename__ = "alerts"
    __table_args__ = (Index("ix_alerts_status_next", "status", "next_attempt_at"),)

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    idempotency_key: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[str] = mapped_column(String(32))  # sanction | health | recovered | digest | test
    story_id: Mapped[int | None] = mapped_column(ForeignKey("stories.id", ondelete="SET NULL"), index=True)
    outlet_key: Mapped[str | None] = mapped_column(ForeignKey("outlets.key"))
    status: Mapped[str] = mapped_column(String(16), server_default="pending")  # pending | sent | dead
    attempts: Mapped[int] = mapped_column(Integer, server_default="0")
    next_attempt_at: Mapped[datetime] = mapped_column(server_default=_now())
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(server_default=_now())
    sent_at: Mapped[datetime | None]
    message_id: Mapped[str] = mapped_column(String(255))
    recipients: Mapped[list[Any]] = mapped_column(server_default="[]")
    payload: Mapped[dict[str, Any]] = mapped_column(server_default="{}")


class ServiceLeader(Base):
    """Who holds the leader advisory lock (for `pantau status`); the lock itself decides."""

    __tablename__ = "service_leader"

    id: Mapped[int] = mapped_column(SmallInteger, primary_key=True)
    pid: Mapped[int] = mapped_column(Integer)
    host: Mapped[str] = mapped_column(String(255))
    since: Mapped[datetime] = mapped_column(server_default=_now())
    heartbeat_at: Mapped[datetime] = mapped_column(server_default=_now())
