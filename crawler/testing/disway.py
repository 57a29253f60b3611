"""The Disway CMS replica: home, RSS, category/tag/search listings, articles and AMP twins."""

from __future__ import annotations

import re
from urllib.parse import quote_plus

from crawler.testing.article import ReplicaArticle, slugify
from crawler.testing.disway_pages import (
    amp_page,
    article_page,
    category_num,
    disway_date,
    footer,
    header,
    kategori_path,
    sidebar,
)
from crawler.testing.profiles import OutletProfile
from crawler.testing.routing import Reply, Request, esc, not_found, page_slice, rfc822
from crawler.testing.state import Entry, tag_id

PER_PAGE = 30
_ARTICLE = re.compile(r"^/(read|amp)/(\d+)/([^/]+)(?:/(\d+))?/?$")
_KATEGORI = re.compile(r"^/kategori/(?:(\d+)/)?([a-z0-9-]+)(?:/(\d+))?/?$")
_LISTTAG = re.compile(r"^/listtag/(\d+)/([a-z0-9-]+)(?:/(\d+))?/?$")
_SEARCH = re.compile(r"^/search/kata/?(\d+)?/?$")
_RSS = re.compile(r"^/rss(?:/([a-z0-9-]+))?/?$")
ROBOTS = "User-agent: *\nDisallow: /admin\nDisallow: /api/\nAllow: /\n"


class DiswaySite:
    """Routes of a Disway regional site."""

    def __init__(self, prof: OutletProfile) -> None:
        self.prof = prof

    def article_path(self, article: ReplicaArticle, post_id: int) -> str:
        return f"/read/{post_id}/{article.slug}"

    def route(self, req: Request) -> Reply | None:
        path = req.path
        if path == "/":
            return Reply(body=self._listing(req, "Berita Terkini", list(req.snap.entries), 0, "/"))
        if path == "/robots.txt":
            return Reply(body=ROBOTS, content_type="text/plain; charset=UTF-8")
        if m := _ARTICLE.match(path):
            return self._article(req, m.group(1) == "amp", int(m.group(2)), m.group(4))
        if m := _KATEGORI.match(path):
            num, slug, offset = m.groups()
            entries = req.snap.in_category(slug)
            if not entries or (num is not None and int(num) != category_num(slug)):
                return not_found()
            base = f"/kategori/{num}/{slug}" if num else f"/kategori/{slug}"
            return self._paged(req, req.snap.categories()[slug], entries, offset, base)
        if m := _LISTTAG.match(path):
            tag = req.snap.tags().get(m.group(2))
            if tag is None or tag_id(tag) != int(m.group(1)):
                return not_found()
            entries = req.snap.with_tag(m.group(2))
            return self._paged(req, f"#{tag}", entries, m.group(3), f"/listtag/{m.group(1)}/{m.group(2)}")
        if m := _SEARCH.match(path):
            q = req.query.get("c", "")
            entries = req.snap.search(q)
            suffix = "?c=" + quote_plus(q)
            return self._paged(req, f"Hasil pencarian: {q}", entries, m.group(1), "/search/kata", suffix)
        if m := _RSS.match(path):
            return self._rss(req, m.group(1))
        return None

    def _paged(
        self, req: Request, title: str, entries: list[Entry], offset: str | None, base: str, suffix: str = ""
    ) -> Reply:
        start = int(offset or 0)
        if start % PER_PAGE or (start and start >= len(entries)):
            return not_found()
        return Reply(body=self._listing(req, title, entries, start, base, suffix))

    def _listing(
        self, req: Request, title: str, entries: list[Entry], start: int, base: str, suffix: str = ""
    ) -> str:
        items, more = page_slice(entries, start, PER_PAGE)
        rows = "".join(
            f'<div class="media post-list"><a href="{req.url(e.path)}"><img class="mr-3" '
            f'src="{req.url(f"/uploads/thumb/{e.id}.jpg")}" alt=""></a><div class="media-body">'
            f'<h2 class="media-heading"><a href="{req.url(e.path)}">{esc(e.article.title)}</a></h2>'
            f'<span class="date">{disway_date(e, self.prof)}</span>'
            f"<p>{esc(e.article.paragraphs[0][:140])}...</p></div></div>\n"
            for e in items
        )
        if not rows:
            rows = '<p class="empty">Tidak ada berita.</p>'
        base = base.rstrip("/")
        links = []
        if start:
            prev = f"{base}/{start - PER_PAGE}" if start > PER_PAGE else base or "/"
            links.append(f'<li><a href="{req.url(prev)}{suffix}" rel="prev" '
                         f'data-ci-pagination-page="{start // PER_PAGE}">&lt;</a></li>')
        links.append(f'<li class="active"><a href="#">{start // PER_PAGE + 1}</a></li>')
        if more:
            links.append(f'<li><a href="{req.url(f"{base}/{start + PER_PAGE}")}{suffix}" rel="next" '
                         f'data-ci-pagination-page="{start // PER_PAGE + 2}">&gt;</a></li>')
        nav = '<ul class="pagination">' + "".join(links) + "</ul>\n"
        return (
            header(req, self.prof, f"{title} - {self.prof.name}")
            + '<div class="container"><div class="row"><main class="col-md-8">\n'
            + f'<h1 class="title-section">{esc(title)}</h1>\n{rows}{nav}</main>\n'
            + sidebar(req) + "</div></div>\n" + footer(self.prof)
        )

    def _article(self, req: Request, amp: bool, post_id: int, offset: str | None) -> Reply:
        entry = req.snap.by_id.get(post_id)
        if entry is None:
            return not_found("Berita tidak ditemukan")
        page = 1
        if offset is not None:
            n = int(offset)
            if n % self.prof.page_step or not 0 < n // self.prof.page_step < entry.article.page_count:
                return not_found("Halaman tidak ditemukan")
            page = n // self.prof.page_step + 1
        render = amp_page if amp else article_page
        return Reply(body=render(req, entry, self.prof, page))

    def _rss(self, req: Request, category: str | None) -> Reply:
        entries = list(req.snap.entries) if category is None else req.snap.in_category(category)
        if category is not None and not entries:
            return not_found()
        items = "".join(
            "<item>"
            f"<title>{esc(e.article.title)}</title><link>{req.url(e.path)}</link>"
            f'<guid isPermaLink="true">{req.url(e.path)}</guid>'
            f"<pubDate>{rfc822(e.article.published.astimezone(self.prof.tz))}</pubDate>"
            f"<category>{esc(e.article.category_name)}</category>"
            f"<description>{esc(e.article.paragraphs[0][:200])}</description>"
            f'<enclosure url="{req.url(f"/uploads/thumb/{e.id}.jpg")}" type="image/jpeg" length="0"/>'
            "</item>\n"
            for e in entries[:PER_PAGE]
        )
        channel_link = req.url("/" if category is None else kategori_path(self.prof, slugify(category)))
        body = (
            '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0">\n<channel>\n'
            f"<title>{esc(self.prof.name)}</title><link>{channel_link}</link>"
            f"<description>Berita terkini {esc(self.prof.name)}</description><language>id</language>\n"
            f"{items}</channel>\n</rss>\n"
        )
        return Reply(body=body, content_type="application/rss+xml; charset=UTF-8", conditional=True,
                     last_modified=req.snap.changed)
