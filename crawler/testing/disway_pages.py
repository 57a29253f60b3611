"""Disway article pages (regular and AMP twin) with the outlets' chrome, ads and pagination."""

from __future__ import annotations

import zlib

from crawler.testing.article import slugify
from crawler.testing.drafting import DAYS
from crawler.testing.profiles import OutletProfile
from crawler.testing.routing import Request, ad_slot, analytics_script, attr, esc
from crawler.testing.state import Entry, tag_id


def category_num(slug: str) -> int:
    """A stable numeric id for a category (the `/kategori/<id>/<slug>` form)."""
    return 10 + zlib.crc32(slug.encode("ascii")) % 90


def kategori_path(prof: OutletProfile, slug: str) -> str:
    """Radar Metro links categories as /kategori/<id>/<slug>, Magelang Ekspres as /kategori/<slug>."""
    return f"/kategori/{category_num(slug)}/{slug}" if prof.key == "radarmetro" else f"/kategori/{slug}"


def disway_date(entry: Entry, prof: OutletProfile) -> str:
    """'Jumat 11-10-2024,19:28 WIB'."""
    local = entry.article.published.astimezone(prof.tz)
    return f"{DAYS[local.weekday()]} {local:%d-%m-%Y,%H:%M} {prof.tz_label}"


def dateline(entry: Entry, prof: OutletProfile) -> str:
    city = entry.article.city or prof.regions[0].city
    if prof.key == "radarmetro" and entry.id % 2:
        return "<strong>RADARMETRO</strong> - "
    return f"<strong>{esc(city)}, {prof.domain.upper()}</strong> - "


def header(req: Request, prof: OutletProfile, title: str, extra_head: str = "") -> str:
    cats = req.snap.categories()
    menu = "".join(
        f'<li class="nav-item"><a class="nav-link" href="{req.url(kategori_path(prof, slug))}">{esc(name)}</a></li>'
        for slug, name in sorted(cats.items())
    )
    return (
        '<!DOCTYPE html>\n<html lang="id">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(title)}</title>\n{extra_head}"
        f'<link rel="stylesheet" href="{req.url("/assets/css/style.css")}">\n{analytics_script()}\n'
        '</head>\n<body class="bg-white">\n'
        '<header class="header"><div class="container"><nav class="navbar navbar-expand-lg">'
        f'<a class="navbar-brand" href="{req.url("/")}"><img src="{req.url("/assets/img/logo.png")}" '
        f'alt="{attr(prof.name)}"></a><ul class="navbar-nav">'
        f'<li class="nav-item"><a class="nav-link" href="{req.url("/")}">Home</a></li>{menu}'
        f'<li class="nav-item"><a class="nav-link" href="{req.url("/rss")}">RSS</a></li></ul>'
        f'<form class="search" action="{req.url("/search/kata/")}" method="get">'
        '<input type="text" name="c" placeholder="Cari berita..."></form></nav></div></header>\n'
        f"{ad_slot('leaderboard')}\n"
    )


def sidebar(req: Request) -> str:
    items = "".join(
        f'<li><a href="{req.url(e.path)}">{esc(e.article.title)}</a></li>' for e in req.snap.entries[:5]
    )
    return (
        '<aside class="col-md-4 sidebar"><div class="widget terpopuler"><h3 class="widget-title">Terpopuler'
        f'</h3><ol class="list-terpopuler">{items}</ol></div>{ad_slot("sidebar")}'
        '<div class="widget"><h3 class="widget-title">Ikuti Kami</h3><p>Facebook | Instagram | YouTube</p>'
        "</div></aside>\n"
    )


def footer(prof: OutletProfile) -> str:
    return (
        '<footer class="footer"><div class="container"><ul class="footer-menu">'
        '<li><a href="/redaksi">Redaksi</a></li><li><a href="/pedoman-media-siber">Pedoman Media Siber</a></li>'
        '<li><a href="/kontak">Kontak</a></li></ul>'
        f"<p>&copy; {esc(prof.name)} - Disway National Network. All rights reserved.</p></div></footer>\n"
        '<script src="/assets/js/jquery.min.js"></script><script src="/assets/js/app.js"></script>\n'
        "</body>\n</html>\n"
    )


def page_path(entry: Entry, prof: OutletProfile, page: int, amp: bool = False) -> str:
    base = entry.path.replace("/read/", "/amp/", 1) if amp else entry.path
    return base if page == 1 else f"{base}/{(page - 1) * prof.page_step}"


def pagination(req: Request, entry: Entry, prof: OutletProfile, page: int, amp: bool) -> str:
    total = entry.article.page_count
    if total == 1:
        return ""
    items = []
    if page > 1:
        prev = req.url(page_path(entry, prof, page - 1, amp))
        items.append(f'<li><a href="{prev}" data-ci-pagination-page="{page - 1}" rel="prev">&lt;</a></li>')
    for n in range(1, total + 1):
        if n == page:
            items.append(f'<li class="active"><a href="#">{n}</a></li>')
        else:
            href = req.url(page_path(entry, prof, n, amp))
            items.append(f'<li><a href="{href}" data-ci-pagination-page="{n}">{n}</a></li>')
    if page < total:
        nxt = req.url(page_path(entry, prof, page + 1, amp))
        items.append(f'<li><a href="{nxt}" data-ci-pagination-page="{page + 1}" rel="next">&gt;</a></li>')
    return '<ul class="pagination">' + "".join(items) + "</ul>\n"


def body_html(req: Request, entry: Entry, prof: OutletProfile, page: int, amp: bool) -> str:
    art = entry.article
    paras = art.page_paragraphs(page)
    others = [e for e in req.snap.entries if e.id != entry.id]
    out = []
    for i, text in enumerate(paras):
        lead = dateline(entry, prof) if page == 1 and i == 0 else ""
        out.append(f"<p>{lead}{esc(text)}</p>")
        if i == 1:
            out.append('<amp-ad class="ads-slot" type="adsense" width="300" height="250"></amp-ad>'
                       if amp else ad_slot(f"inarticle-{page}"))
        if i == 2 and others:
            other = others[(entry.id + page) % len(others)]
            out.append(f'<p><strong>BACA JUGA:</strong><a href="{req.url(other.path)}">'
                       f"{esc(other.article.title)}</a></p>")
    if page == art.page_count:
        if entry.id % 3 == 0:
            out.append('<p><strong>Dapatkan berita terkini langsung di ponselmu, ikuti saluran WhatsApp '
                       f'{esc(prof.name)}</strong> <a href="https://whatsapp.com/channel/replica">di sini</a></p>')
        out.append('<p>Cek Berita dan Artikel yang lain di <a href="https://news.google.com/publications/replica">'
                   "Google News</a></p>")
        if art.source:
            out.append(f"<p>{esc(art.source)}</p>")
    return '<div class="post text-black-1">\n' + "\n".join(out) + "\n</div>\n"


def meta_block(entry: Entry, prof: OutletProfile) -> str:
    art = entry.article
    editor = f'<div id="editor">Editor : <strong>{esc(art.editor)}</strong></div>' if art.editor else ""
    return (
        f'<div class="post-meta"><span class="date">{disway_date(entry, prof)}</span>'
        f'<div id="author">Reporter : <strong>{esc(", ".join(art.authors))}</strong></div>{editor}</div>\n'
    )


def figure(req: Request, entry: Entry, prof: OutletProfile, amp: bool) -> str:
    art = entry.article
    src = req.url(f"/uploads/{art.published:%Y/%m}/{entry.id}-foto.jpg")
    img = (f'<amp-img src="{src}" width="640" height="360" layout="responsive" alt="{attr(art.title)}"></amp-img>'
           if amp else f'<img src="{src}" alt="{attr(art.title)}" loading="lazy">')
    credit = f"-{art.photographer or 'Dok'}-{prof.name}"
    return f'<figure class="post-image">{img}<small>{esc(art.caption or "")}{esc(credit)}</small></figure>\n'


def tags_block(req: Request, entry: Entry) -> str:
    links = "".join(
        f'<li><a href="{req.url(f"/listtag/{tag_id(t)}/{slugify(t)}")}">#{esc(t)}</a></li>'
        for t in entry.article.tags
    )
    return f'<div class="tag-list"><h5>Tags</h5><ul class="list-tag">{links}</ul></div>\n'


def article_page(req: Request, entry: Entry, prof: OutletProfile, page: int) -> str:
    art = entry.article
    canonical = req.url(page_path(entry, prof, page))
    head = (
        f'<meta name="description" content="{attr(art.paragraphs[0][:150])}">\n'
        f'<meta name="pubdate" content="{art.published.astimezone(prof.tz):%Y-%m-%d %H:%M:%S}">\n'
        f'<meta name="keywords" content="{attr(", ".join(art.tags))}">\n'
        f'<link rel="canonical" href="{canonical}">\n'
        f'<link rel="amphtml" href="{req.url(page_path(entry, prof, page, amp=True))}">\n'
    )
    crumbs = (
        f'<ul class="breadcrumb"><li><a href="{req.url("/")}">Home</a></li>'
        f'<li><a href="{req.url(kategori_path(prof, art.category))}">{esc(art.category_name)}</a></li></ul>\n'
    )
    related = "".join(
        f'<li><a href="{req.url(e.path)}">{esc(e.article.title)}</a></li>'
        for e in req.snap.in_category(art.category)[:5] if e.id != entry.id
    )
    return (
        header(req, prof, f"{art.title} - {prof.name}", head)
        + '<div class="container"><div class="row"><main class="col-md-8">\n' + crumbs
        + f'<h1 class="text-black-1 mb-2">{esc(art.title)}</h1>\n' + meta_block(entry, prof)
        + (figure(req, entry, prof, False) if page == 1 else "")
        + body_html(req, entry, prof, page, False) + pagination(req, entry, prof, page, False)
        + tags_block(req, entry)
        + f'<div class="related"><h3>Berita Terkait</h3><ul>{related}</ul></div>\n</main>\n'
        + sidebar(req) + "</div></div>\n" + footer(prof)
    )


def amp_page(req: Request, entry: Entry, prof: OutletProfile, page: int) -> str:
    art = entry.article
    return (
        '<!doctype html>\n<html amp lang="id">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{esc(art.title)} - {esc(prof.name)}</title>\n"
        f'<link rel="canonical" href="{req.url(page_path(entry, prof, page))}">\n'
        '<meta name="viewport" content="width=device-width">\n'
        f'<meta name="pubdate" content="{art.published.astimezone(prof.tz):%Y-%m-%d %H:%M:%S}">\n'
        '<script async src="https://cdn.ampproject.org/v0.js"></script>\n'
        '<style amp-boilerplate>body{visibility:hidden}</style>\n'
        "<style amp-custom>.post p{font-size:16px}</style>\n</head>\n<body>\n"
        f'<header class="amp-header"><a href="{req.url("/")}">{esc(prof.name)}</a></header>\n'
        f'<article class="amp-article"><a href="{req.url(kategori_path(prof, art.category))}">'
        f"{esc(art.category_name)}</a>\n<h1>{esc(art.title)}</h1>\n" + meta_block(entry, prof)
        + (figure(req, entry, prof, True) if page == 1 else "")
        + body_html(req, entry, prof, page, True) + pagination(req, entry, prof, page, True)
        + tags_block(req, entry) + "</article>\n"
        f"<footer><p>&copy; {esc(prof.name)}</p></footer>\n</body>\n</html>\n"
    )
