"""The article store behind one replica: ids, lookups and a change clock, copy-on-write for threads."""

from __future__ import annotations

import threading
import zlib
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from functools import cached_property

from crawler.testing.article import ReplicaArticle, slugify


@dataclass(frozen=True)
class Entry:
    """An article as placed on a site: its numeric id and path."""

    article: ReplicaArticle
    id: int
    path: str  # the article's URL path on the replica ("/read/669001/slug")


@dataclass(frozen=True)
class Snapshot:
    """An immutable view of the site's articles, newest first."""

    entries: tuple[Entry, ...]
    by_id: dict[int, Entry]
    by_slug: dict[str, Entry]
    changed: datetime  # last publication on the site (second precision, UTC)

    def in_category(self, slug: str) -> list[Entry]:
        return [e for e in self.entries if e.article.category == slug]

    def with_tag(self, tag_slug: str) -> list[Entry]:
        return list(self._tag_index.get(tag_slug, ()))

    def categories(self) -> dict[str, str]:
        """{category slug: name}; computed once per snapshot."""
        return self._categories

    def tags(self) -> dict[str, str]:
        """{tag slug: name}; computed once per snapshot."""
        return self._tags

    @cached_property
    def _categories(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for e in self.entries:
            out.setdefault(e.article.category, e.article.category_name)
        return out

    @cached_property
    def _tags(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for e in self.entries:
            for t in e.article.tags:
                out.setdefault(slugify(t), t)
        return out

    def position(self, entry: Entry) -> int:
        """Index of `entry` in `entries` (newest first)."""
        return self._positions[entry.id]

    @cached_property
    def _positions(self) -> dict[int, int]:
        return {e.id: i for i, e in enumerate(self.entries)}

    @cached_property
    def _tag_index(self) -> dict[str, list[Entry]]:
        index: dict[str, list[Entry]] = {}
        for e in self.entries:
            for t in e.article.tags:
                index.setdefault(slugify(t), []).append(e)
        return index

    def search(self, query: str) -> list[Entry]:
        words = [w for w in query.lower().split() if w]
        if not words:
            return []
        hits = []
        for e in self.entries:
            text = (e.article.title + " " + e.article.body_text).lower()
            if all(w in text for w in words):
                hits.append(e)
        return hits


def tag_id(tag: str) -> int:
    """A stable numeric id for a tag name (Disway's /listtag/<id>/<slug>)."""
    return 1000 + zlib.crc32(slugify(tag).encode("ascii")) % 90000


class ArticleStore:
    """Thread-safe store: `publish` swaps in a new Snapshot; readers just take `snapshot`."""

    def __init__(self, first_id: int, path_for: Callable[[ReplicaArticle, int], str]) -> None:
        self._lock = threading.Lock()
        self._next_id = first_id
        self._path_for = path_for
        self._snap = Snapshot((), {}, {}, datetime(2000, 1, 1, tzinfo=UTC))

    @property
    def snapshot(self) -> Snapshot:
        return self._snap

    def add(self, articles: list[ReplicaArticle], *, bump_clock: bool = True) -> list[Entry]:
        with self._lock:
            by_slug = dict(self._snap.by_slug)
            by_id = dict(self._snap.by_id)
            added = []
            # Oldest first so that ids grow with publication time, as on a real CMS.
            for article in sorted(articles, key=lambda a: a.published):
                slug, k = article.slug, 2
                while slug in by_slug:
                    slug, k = f"{article.slug}-{k}", k + 1
                if slug != article.slug:
                    article = replace(article, slug=slug)
                entry = Entry(article, self._next_id, self._path_for(article, self._next_id))
                self._next_id += 1
                by_slug[slug] = by_id[entry.id] = entry
                added.append(entry)
            self._commit(by_id, bump_clock)
            return added

    def update(self, article: ReplicaArticle) -> Entry:
        """Replace the article with the same slug (new title, body, `modified` ...); id and path stay."""
        with self._lock:
            old = self._snap.by_slug.get(article.slug)
            if old is None:
                raise KeyError(f"no article with slug {article.slug!r}")
            by_id = dict(self._snap.by_id)
            by_id[old.id] = Entry(article, old.id, old.path)
            self._commit(by_id, True)
            return by_id[old.id]

    def remove(self, slug: str) -> None:
        """Take an article down (its URL then answers 404)."""
        with self._lock:
            old = self._snap.by_slug.get(slug)
            if old is None:
                raise KeyError(f"no article with slug {slug!r}")
            by_id = dict(self._snap.by_id)
            del by_id[old.id]
            self._commit(by_id, True)

    def _commit(self, by_id: dict[int, Entry], bump_clock: bool) -> None:
        snap = self._snap
        entries = tuple(sorted(by_id.values(), key=lambda e: (e.article.published, e.id), reverse=True))
        by_slug = {e.article.slug: e for e in entries}
        changed = snap.changed
        newest = max((e.article.last_modified for e in entries), default=changed).astimezone(UTC)
        now = datetime.now(UTC).replace(microsecond=0)
        if bump_clock:
            # Strictly later than before, so If-Modified-Since (second precision) sees the change.
            changed = max(changed + timedelta(seconds=1), now)
        changed = max(changed, newest.replace(microsecond=0))
        self._snap = Snapshot(entries, by_id, by_slug, changed)
