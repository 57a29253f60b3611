"""The Blogger replica (posjayanews): post pages, Atom/RSS feeds with start-index paging, sitemap, labels."""

from __future__ import annotations

import re
from datetime import UTC
from urllib.parse import unquote, urlencode

from crawler.testing.article import ReplicaArticle
from crawler.testing.blogger_pages import AUTHOR, BLOG_ID, iso_ms, labels, list_page, post_page
from crawler.testing.profiles import OutletProfile
from crawler.testing.routing import Reply, Request, esc, not_found, rfc822
from crawler.testing.state import Entry

FEED_DEFAULT, FEED_CAP, HOME_SIZE, SITEMAP_SIZE = 25, 150, 7, 150
_POST = re.compile(r"^/(\d{4})/(\d{2})/([a-z0-9-]+)\.html$")
_FEED = re.compile(r"^/feeds/posts/(default|summary)(?:/-/(.+?))?/?$")
ROBOTS = "User-agent: Mediapartners-Google\nDisallow: \n\nUser-agent: *\nDisallow: /search\nAllow: /\n\n"


class BloggerSite:
    """Routes of a Blogger blog with a classic template."""

    def __init__(self, prof: OutletProfile) -> None:
        self.prof = prof

    def article_path(self, article: ReplicaArticle, post_id: int) -> str:
        local = article.published.astimezone(self.prof.tz)
        return f"/{local:%Y/%m}/{article.slug}.html"

    def route(self, req: Request) -> Reply | None:
        path = req.path
        if path == "/robots.txt":
            body = ROBOTS + f"Sitemap: {req.url('/sitemap.xml')}\n"
            return Reply(body=body, content_type="text/plain; charset=UTF-8")
        if path == "/":
            return self._list(req, self.prof.name, list(req.snap.entries), "/search")
        if m := _POST.match(path):
            return self._post(req, path, m.group(3))
        if m := _FEED.match(path):
            return self._feed(req, m.group(1), unquote(m.group(2)) if m.group(2) else None)
        if path == "/sitemap.xml":
            return self._sitemap(req)
        if path.startswith("/search/label/"):
            label = unquote(path[len("/search/label/") :])
            entries = [e for e in req.snap.entries if label in labels(e)]
            return self._list(req, f"{self.prof.name}: {label}", entries, path)
        if path == "/search":
            entries = req.snap.search(req.query["q"]) if req.query.get("q") else list(req.snap.entries)
            return self._list(req, self.prof.name, entries, path)
        return None

    def _post(self, req: Request, path: str, slug: str) -> Reply:
        entry = req.snap.by_slug.get(slug)
        if entry is None or entry.path != path:
            return not_found("Maaf, halaman yang Anda cari di blog ini tidak ada.")
        entries = req.snap.entries
        i = req.snap.position(entry)
        newer = entries[i - 1] if i > 0 else None
        older = entries[i + 1] if i + 1 < len(entries) else None
        return Reply(body=post_page(req, entry, self.prof, newer, older))

    def _list(self, req: Request, title: str, entries: list[Entry], base: str) -> Reply:
        """Blogger pages lists by `updated-max` (older than) and `max-results`."""
        size = min(req.int_arg("max-results", HOME_SIZE), 20)
        if "updated-max" in req.query:
            cut = req.query["updated-max"]
            entries = [e for e in entries if iso_ms(e, self.prof) < cut]
        chunk = entries[:size]
        older = None
        if len(entries) > size:
            query = {k: v for k, v in req.query.items() if k not in ("updated-max", "max-results")}
            query.update({"updated-max": iso_ms(chunk[-1], self.prof), "max-results": str(size)})
            older = req.url(base) + "?" + urlencode(query)
        return Reply(body=list_page(req, self.prof, title, chunk, older))

    def _feed(self, req: Request, kind: str, label: str | None) -> Reply:
        entries = req.snap.search(req.query["q"]) if req.query.get("q") else list(req.snap.entries)
        if label is not None:
            entries = [e for e in entries if label in labels(e)]
        size = max(1, min(req.int_arg("max-results", FEED_DEFAULT), FEED_CAP))
        start = max(1, req.int_arg("start-index", 1))
        chunk = entries[start - 1 : start - 1 + size]
        more = start - 1 + size < len(entries)
        self_path = req.path + (f"?{urlencode(req.query)}" if req.query else "")
        nxt = None
        if more:
            query = {**req.query, "start-index": str(start + size), "max-results": str(size)}
            nxt = req.url(req.path) + "?" + urlencode(query)
        if req.query.get("alt") == "rss":
            body = self._rss(req, chunk, label, len(entries), start, size, nxt)
            ctype = "application/rss+xml; charset=UTF-8"
        else:
            body = self._atom(req, chunk, kind, label, len(entries), start, size, self_path, nxt)
            ctype = "application/atom+xml; charset=UTF-8"
        return Reply(body=body, content_type=ctype, conditional=True, last_modified=req.snap.changed)

    def _content(self, e: Entry) -> str:
        paras = [f"<div>{esc(p)}</div>" for p in e.article.paragraphs]
        if paras:
            paras[0] = f"<div><b>{esc(self.prof.name)}</b> - {esc(e.article.paragraphs[0])}</div>"
        paras.append(f"<div>({esc(e.article.authors[0])})</div>")
        return "".join(paras)

    def _atom(
        self, req: Request, chunk: list[Entry], kind: str, label: str | None, total: int, start: int, size: int,
        self_path: str, nxt: str | None,
    ) -> str:
        updated = req.snap.changed.astimezone(self.prof.tz).isoformat(timespec="milliseconds")
        items = []
        for e in chunk:
            art = e.article
            cats = "".join(f"<category scheme='http://www.blogger.com/atom/ns#' term='{esc(lb)}'/>"
                           for lb in labels(e))
            text = (f"<summary type='text'>{esc(art.paragraphs[0][:250])}</summary>" if kind == "summary"
                    else f"<content type='html'>{esc(self._content(e))}</content>")
            items.append(
                f"<entry><id>tag:blogger.com,1999:blog-{BLOG_ID}.post-{e.id}</id>"
                f"<published>{iso_ms(e, self.prof)}</published>"
                f"<updated>{art.last_modified.astimezone(self.prof.tz).isoformat(timespec='milliseconds')}</updated>"
                f"{cats}<title type='text'>{esc(art.title)}</title>{text}"
                f"<link rel='alternate' type='text/html' href='{req.url(e.path)}' title='{esc(art.title)}'/>"
                f"<author><name>{AUTHOR}</name></author><thr:total>0</thr:total></entry>\n"
            )
        next_link = f"<link rel='next' type='application/atom+xml' href='{esc(nxt)}'/>" if nxt else ""
        title = self.prof.name + (f" - {label}" if label else "")
        return (
            "<?xml version='1.0' encoding='UTF-8'?><feed xmlns='http://www.w3.org/2005/Atom' "
            "xmlns:openSearch='http://a9.com/-/spec/opensearchrss/1.0/' "
            "xmlns:blogger='http://schemas.google.com/blogger/2008' "
            "xmlns:thr='http://purl.org/syndication/thread/1.0'>"
            f"<id>tag:blogger.com,1999:blog-{BLOG_ID}</id><updated>{updated}</updated>"
            f"<title type='text'>{esc(title)}</title><subtitle type='html'>Berita Terkini</subtitle>"
            f"<link rel='http://schemas.google.com/g/2005#feed' type='application/atom+xml' "
            f"href='{req.url('/feeds/posts/default')}'/>"
            f"<link rel='self' type='application/atom+xml' href='{esc(req.url(self_path))}'/>"
            f"<link rel='alternate' type='text/html' href='{req.url('/')}'/>{next_link}"
            f"<author><name>{AUTHOR}</name></author><generator version='7.00' uri='http://www.blogger.com'>"
            f"Blogger</generator><openSearch:totalResults>{total}</openSearch:totalResults>"
            f"<openSearch:startIndex>{start}</openSearch:startIndex>"
            f"<openSearch:itemsPerPage>{size}</openSearch:itemsPerPage>\n" + "".join(items) + "</feed>\n"
        )

    def _rss(
        self, req: Request, chunk: list[Entry], label: str | None, total: int, start: int, size: int,
        nxt: str | None,
    ) -> str:
        items = "".join(
            f"<item><guid isPermaLink='false'>tag:blogger.com,1999:blog-{BLOG_ID}.post-{e.id}</guid>"
            f"<pubDate>{rfc822(e.article.published.astimezone(UTC))}</pubDate>"
            + "".join(f"<category domain='http://www.blogger.com/atom/ns#'>{esc(lb)}</category>" for lb in labels(e))
            + f"<title>{esc(e.article.title)}</title><description>{esc(self._content(e))}</description>"
            f"<link>{req.url(e.path)}</link><author>noreply@blogger.com ({AUTHOR})</author></item>\n"
            for e in chunk
        )
        next_link = f"<atom:link rel='next' href='{esc(nxt)}'/>" if nxt else ""
        return (
            "<?xml version='1.0' encoding='UTF-8'?><rss xmlns:atom='http://www.w3.org/2005/Atom' "
            "xmlns:openSearch='http://a9.com/-/spec/opensearchrss/1.0/' version='2.0'><channel>"
            f"<title>{esc(self.prof.name + (f' - {label}' if label else ''))}</title><link>{req.url('/')}</link>"
            f"<description>Berita Terkini</description>{next_link}"
            f"<lastBuildDate>{rfc822(req.snap.changed)}</lastBuildDate>"
            f"<openSearch:totalResults>{total}</openSearch:totalResults>"
            f"<openSearch:startIndex>{start}</openSearch:startIndex>"
            f"<openSearch:itemsPerPage>{size}</openSearch:itemsPerPage>\n{items}</channel></rss>\n"
        )

    def _sitemap(self, req: Request) -> Reply:
        entries = req.snap.entries
        if "page" not in req.query:
            pages = max(1, -(-len(entries) // SITEMAP_SIZE))
            maps = "".join(f"<sitemap><loc>{req.url(f'/sitemap.xml?page={n}')}</loc></sitemap>"
                           for n in range(1, pages + 1))
            body = ("<?xml version='1.0' encoding='UTF-8'?>"
                    f"<sitemapindex xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>{maps}</sitemapindex>\n")
        else:
            n = req.int_arg("page", 1)
            chunk = entries[(n - 1) * SITEMAP_SIZE : n * SITEMAP_SIZE] if n >= 1 else ()
            if not chunk:
                return not_found()
            urls = "".join(
                f"<url><loc>{req.url(e.path)}</loc><lastmod>"
                f"{e.article.last_modified.astimezone(UTC).strftime('%Y-%m-%dT%H:%M:%SZ')}</lastmod></url>"
                for e in chunk
            )
            body = ("<?xml version='1.0' encoding='UTF-8'?>"
                    f"<urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>{urls}</urlset>\n")
        return Reply(body=body, content_type="application/xml; charset=UTF-8", conditional=True,
                     last_modified=req.snap.changed)


