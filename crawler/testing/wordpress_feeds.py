"""WordPress machine-readable routes: RSS feeds, core sitemaps and the REST posts endpoint."""

from __future__ import annotations

import json
import math
import zlib
from datetime import UTC
from urllib.parse import urlencode

from crawler.testing.article import slugify
from crawler.testing.profiles import OutletProfile
from crawler.testing.routing import Reply, Request, esc, not_found, rfc822
from crawler.testing.state import Entry

FEED_SIZE = 10
SITEMAP_SIZE = 2000
RSS = "application/rss+xml; charset=UTF-8"
XML = "application/xml; charset=UTF-8"


def content_html(entry: Entry, prof: OutletProfile) -> str:
    art = entry.article
    paras = [f"<p>{esc(p)}</p>" for p in art.paragraphs]
    if paras and prof.key == "diksi":
        paras[0] = f"<p><strong>{prof.name}, {esc(art.city)}</strong> - {esc(art.paragraphs[0])}</p>"
        paras.append("<p>(*)</p>")
    elif paras:
        paras[0] = f"<p>{esc(art.city)} |patrolipost.com – {esc(art.paragraphs[0])}</p>"
        paras[-1] = f"<p>{esc(art.paragraphs[-1])} ({esc(art.authors[0])})</p>"
    return "\n".join(paras)


def category_id(req: Request, slug: str) -> int:
    return sorted(req.snap.categories()).index(slug) + 2 if slug in req.snap.categories() else 1


def tag_term_id(tag: str) -> int:
    return 100 + zlib.crc32(slugify(tag).encode("ascii")) % 9000


def rss(req: Request, prof: OutletProfile, entries: list[Entry], title: str, self_path: str) -> Reply:
    page = req.int_arg("paged", 1)
    start = (page - 1) * FEED_SIZE
    if page < 1 or (start and start >= len(entries)):
        return not_found()
    items = []
    for e in entries[start : start + FEED_SIZE]:
        art = e.article
        cats = "".join(f"<category><![CDATA[{c}]]></category>" for c in (art.category_name, *art.tags))
        creator = art.editor if prof.key == "patrolipost" else ", ".join(art.authors)
        items.append(
            f"<item>\n<title>{esc(art.title)}</title>\n<link>{req.url(e.path)}</link>\n"
            f"<dc:creator><![CDATA[{creator or 'Redaksi'}]]></dc:creator>\n"
            f"<pubDate>{rfc822(art.published.astimezone(UTC))}</pubDate>\n{cats}\n"
            f'<guid isPermaLink="false">{req.url(f"/?p={e.id}")}</guid>\n'
            f"<description><![CDATA[{art.paragraphs[0][:200]} [&#8230;]]]></description>\n"
            f"<content:encoded><![CDATA[{content_html(e, prof)}]]></content:encoded>\n</item>\n"
        )
    newest = entries[0].article.published if entries else req.snap.changed
    body = (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom" '
        'xmlns:sy="http://purl.org/rss/1.0/modules/syndication/">\n<channel>\n'
        f"<title>{esc(title)}</title>\n"
        f'<atom:link href="{req.url(self_path)}" rel="self" type="application/rss+xml" />\n'
        f"<link>{req.url('/')}</link>\n<description>Berita terkini</description>\n"
        f"<lastBuildDate>{rfc822(max(newest, req.snap.changed).astimezone(UTC))}</lastBuildDate>\n"
        "<language>id</language>\n<sy:updatePeriod>hourly</sy:updatePeriod>\n"
        "<generator>https://wordpress.org/?v=6.4.3</generator>\n"
        + "".join(items) + "</channel>\n</rss>\n"
    )
    return Reply(body=body, content_type=RSS, conditional=True, last_modified=req.snap.changed)


def sitemap_index(req: Request, prof: OutletProfile) -> Reply:
    pages = max(1, math.ceil(len(req.snap.entries) / SITEMAP_SIZE))
    maps = "".join(
        f"<sitemap><loc>{req.url(f'/wp-sitemap-posts-post-{n}.xml')}</loc></sitemap>" for n in range(1, pages + 1)
    )
    maps += f"<sitemap><loc>{req.url('/wp-sitemap-taxonomies-category-1.xml')}</loc></sitemap>"
    body = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<?xml-stylesheet type="text/xsl" href="{req.url("/wp-sitemap-index.xsl")}" ?>\n'
        f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{maps}</sitemapindex>\n'
    )
    return Reply(body=body, content_type=XML, conditional=True, last_modified=req.snap.changed)


def sitemap_posts(req: Request, prof: OutletProfile, n: int) -> Reply:
    start = (n - 1) * SITEMAP_SIZE
    chunk = req.snap.entries[start : start + SITEMAP_SIZE]
    if n < 1 or not chunk:
        return not_found()
    urls = "".join(
        f"<url><loc>{req.url(e.path)}</loc><lastmod>"
        f"{e.article.last_modified.astimezone(prof.tz).isoformat(timespec='seconds')}</lastmod></url>\n"
        for e in chunk
    )
    body = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{urls}</urlset>\n'
    )
    return Reply(body=body, content_type=XML, conditional=True, last_modified=req.snap.changed)


def sitemap_categories(req: Request, prof: OutletProfile) -> Reply:
    p = "/index.php" if prof.index_php else ""
    urls = "".join(
        f"<url><loc>{req.url(f'{p}/category/{slug}/')}</loc></url>" for slug in sorted(req.snap.categories())
    )
    body = ('<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>\n')
    return Reply(body=body, content_type=XML, conditional=True, last_modified=req.snap.changed)


def _rest_error(code: str, message: str, status: int = 400) -> Reply:
    body = json.dumps({"code": code, "message": message, "data": {"status": status}})
    return Reply(status, body, "application/json; charset=UTF-8")


def rest_posts(req: Request, prof: OutletProfile) -> Reply:
    per_page, page = req.int_arg("per_page", 10), req.int_arg("page", 1)
    if not 1 <= per_page <= 100:
        return _rest_error("rest_invalid_param", "Parameter tidak valid: per_page")
    entries = req.snap.search(req.query["search"]) if req.query.get("search") else list(req.snap.entries)
    if "categories" in req.query:
        wanted = {int(c) for c in req.query["categories"].split(",") if c.isdigit()}
        entries = [e for e in entries if category_id(req, e.article.category) in wanted]
    total = len(entries)
    pages = math.ceil(total / per_page)
    if page < 1 or (page > pages and total) or (page > 1 and not total):
        return _rest_error("rest_post_invalid_page_number",
                           "Nomor halaman yang diminta lebih besar dari jumlah halaman yang tersedia.")
    posts: list[dict[str, object]] = []
    for e in entries[(page - 1) * per_page : page * per_page]:
        art = e.article
        posts.append({
            "id": e.id,
            "date": art.published.astimezone(prof.tz).strftime("%Y-%m-%dT%H:%M:%S"),
            "date_gmt": art.published.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S"),
            "modified": art.last_modified.astimezone(prof.tz).strftime("%Y-%m-%dT%H:%M:%S"),
            "slug": art.slug,
            "status": "publish",
            "type": "post",
            "link": req.url(e.path),
            "title": {"rendered": esc(art.title)},
            "content": {"rendered": content_html(e, prof), "protected": False},
            "excerpt": {"rendered": f"<p>{esc(art.paragraphs[0][:160])} [&hellip;]</p>", "protected": False},
            "author": 1,
            "categories": [category_id(req, art.category)],
            "tags": [tag_term_id(t) for t in art.tags],
        })
    fields = [f for f in req.query.get("_fields", "").split(",") if f]
    if fields:
        posts = [{k: v for k, v in post.items() if k in fields} for post in posts]
    headers = {"X-WP-Total": str(total), "X-WP-TotalPages": str(pages)}
    if page < pages:
        nxt = req.path + "?" + urlencode({**req.query, "page": str(page + 1)})
        headers["Link"] = f'<{req.url(nxt)}>; rel="next"'
    return Reply(body=json.dumps(posts, ensure_ascii=False), content_type="application/json; charset=UTF-8",
                 headers=headers)

