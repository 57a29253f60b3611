"""The WordPress replica: diksi.co (PATHINFO permalinks under /index.php) and patrolipost (dated permalinks)."""

from __future__ import annotations

import json
import re
from urllib.parse import quote_plus

from crawler.testing import wordpress_feeds as feeds
from crawler.testing.article import ReplicaArticle
from crawler.testing.profiles import OutletProfile
from crawler.testing.routing import Reply, Request, not_found, redirect
from crawler.testing.state import Entry
from crawler.testing.wordpress_pages import archive_page, article_page

PER_PAGE = 10
_ARCHIVE = re.compile(r"^/(category|tag)/([a-z0-9-]+)(?:/page/(\d+))?(/?)$")
_ARCHIVE_FEED = re.compile(r"^/(category|tag)/([a-z0-9-]+)/feed/?$")
_HOME_PAGE = re.compile(r"^/page/(\d+)/?$")
_SITEMAP_POSTS = re.compile(r"^/wp-sitemap-posts-post-(\d+)\.xml$")
_DATED = re.compile(r"^/(\d{4})/(\d{2})/(\d{2})/([a-z0-9-]+)(/?)$")
_PLAIN = re.compile(r"^/([a-z0-9-]+)(/?)$")


class WordPressSite:
    """Routes of a WordPress news site."""

    def __init__(self, prof: OutletProfile) -> None:
        self.prof = prof
        self.prefix = "/index.php" if prof.index_php else ""

    def article_path(self, article: ReplicaArticle, post_id: int) -> str:
        if self.prof.index_php:
            return f"/index.php/{article.slug}"
        local = article.published.astimezone(self.prof.tz)
        return f"/{local:%Y/%m/%d}/{article.slug}/"

    def robots(self, req: Request) -> Reply:
        body = ("User-agent: *\nDisallow: /wp-admin/\nAllow: /wp-admin/admin-ajax.php\n\n"
                f"Sitemap: {req.url('/wp-sitemap.xml')}\n")
        return Reply(body=body, content_type="text/plain; charset=UTF-8")

    def route(self, req: Request) -> Reply | None:
        path = req.path
        if path == "/robots.txt":
            return self.robots(req)
        if path in ("/", "/index.php", "/index.php/"):
            return self._root(req, 1)
        rest = path[len("/index.php") :] if path.startswith("/index.php/") else path
        article = self._article(req, path, rest)
        if article is not None:
            return article
        if rest in ("/feed", "/feed/"):
            return feeds.rss(req, self.prof, list(req.snap.entries), self.prof.name, f"{self.prefix}/feed/")
        if m := _ARCHIVE_FEED.match(rest):
            entries = self._archive_entries(req, m.group(1), m.group(2))
            if not entries:
                return not_found()
            title = f"{self.prof.name} » {entries[0][1]}"
            return feeds.rss(req, self.prof, entries[1], title, f"{self.prefix}{rest}")
        if m := _ARCHIVE.match(rest):
            if not m.group(4):
                return redirect(req.url(path + "/"))
            found = self._archive_entries(req, m.group(1), m.group(2))
            if not found:
                return not_found()
            base = f"{self.prefix}/{m.group(1)}/{m.group(2)}/"
            return self._listing(req, found[0], found[1], int(m.group(3) or 1), base)
        if m := _HOME_PAGE.match(rest):
            return self._root(req, int(m.group(1)))
        if rest == "/wp-sitemap.xml":
            return feeds.sitemap_index(req, self.prof)
        if m := _SITEMAP_POSTS.match(rest):
            return feeds.sitemap_posts(req, self.prof, int(m.group(1)))
        if rest == "/wp-sitemap-taxonomies-category-1.xml":
            return feeds.sitemap_categories(req, self.prof)
        if rest.rstrip("/") == "/wp-json/wp/v2/posts":
            return feeds.rest_posts(req, self.prof)
        if rest.rstrip("/") == "/wp-json":
            body = json.dumps({"name": self.prof.name, "url": req.base_url, "namespaces": ["wp/v2"]})
            return Reply(body=body, content_type="application/json; charset=UTF-8")
        return None

    def _root(self, req: Request, page: int) -> Reply:
        if "p" in req.query:
            entry = req.snap.by_id.get(req.int_arg("p", 0))
            return redirect(req.url(entry.path)) if entry else not_found()
        if "feed" in req.query:
            return feeds.rss(req, self.prof, list(req.snap.entries), self.prof.name, "/?feed=rss2")
        if "s" in req.query:
            q = req.query["s"]
            entries = req.snap.search(q)
            return self._listing(req, f"Hasil pencarian untuk: {q}", entries, page, f"{self.prefix}/",
                                 "?s=" + quote_plus(q))
        return self._listing(req, self.prof.name, list(req.snap.entries), page, f"{self.prefix}/")

    def _archive_entries(self, req: Request, kind: str, slug: str) -> tuple[str, list[Entry]] | None:
        if kind == "category":
            name = req.snap.categories().get(slug)
            return (name, req.snap.in_category(slug)) if name else None
        tag = req.snap.tags().get(slug)
        return (tag, req.snap.with_tag(slug)) if tag else None

    def _listing(
        self, req: Request, title: str, entries: list[Entry], page: int, base: str, query: str = ""
    ) -> Reply:
        start = (page - 1) * PER_PAGE
        if page < 1 or (page > 1 and start >= len(entries)):
            return not_found()
        chunk = entries[start : start + PER_PAGE]
        more = start + PER_PAGE < len(entries)
        return Reply(body=archive_page(req, self.prof, title, chunk, page, more, base, query))

    def _article(self, req: Request, path: str, rest: str) -> Reply | None:
        if self.prof.index_php:
            m = _PLAIN.match(rest)
            if not m or not path.startswith("/index.php/"):
                return None
            entry = req.snap.by_slug.get(m.group(1))
            if entry is None:
                return None
            if m.group(2):
                return redirect(req.url(entry.path))
            return Reply(body=article_page(req, entry, self.prof))
        m = _DATED.match(path)
        entry = req.snap.by_slug.get(m.group(4)) if m else None
        if m is None:
            plain = _PLAIN.match(path)
            entry = req.snap.by_slug.get(plain.group(1)) if plain else None
            # WordPress redirects an old or bare slug to the canonical permalink.
            return redirect(req.url(entry.path)) if entry else None
        if entry is None:
            return None
        if path != entry.path:
            return redirect(req.url(entry.path))
        return Reply(body=article_page(req, entry, self.prof))
