"""WordPress HTML pages for the replicas: article (diksi plain theme, patrolipost Newspaper theme) and archives."""

from __future__ import annotations

import json

from crawler.testing.article import slugify
from crawler.testing.drafting import DAYS, MONTHS
from crawler.testing.profiles import OutletProfile
from crawler.testing.routing import Request, ad_slot, analytics_script, attr, esc
from crawler.testing.state import Entry


def iso(entry: Entry, prof: OutletProfile) -> str:
    return entry.article.published.astimezone(prof.tz).isoformat(timespec="seconds")


def printed_date(entry: Entry, prof: OutletProfile) -> str:
    local = entry.article.published.astimezone(prof.tz)
    return f"{DAYS[local.weekday()]}, {local.day} {MONTHS[local.month - 1]} {local.year} - {local:%H:%M} {prof.tz_label}"


def head(req: Request, prof: OutletProfile, title: str, extra: str = "") -> str:
    p = "/index.php" if prof.index_php else ""
    return (
        '<!DOCTYPE html>\n<html lang="id-ID">\n<head>\n<meta charset="UTF-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(title)}</title>\n{extra}"
        f'<link rel="alternate" type="application/rss+xml" title="{attr(prof.name)} &raquo; Feed" '
        f'href="{req.url(p + "/feed/")}">\n'
        f'<link rel="https://api.w.org/" href="{req.url(p + "/wp-json/")}">\n'
        '<meta name="generator" content="WordPress 6.4.3">\n'
        f'<link rel="stylesheet" href="{req.url("/wp-content/themes/replica/style.css")}">\n'
        f"{analytics_script()}\n</head>\n"
    )


def menu(req: Request, prof: OutletProfile) -> str:
    p = "/index.php" if prof.index_php else ""
    items = "".join(
        f'<li class="menu-item"><a href="{req.url(f"{p}/category/{slug}/")}">{esc(name)}</a></li>'
        for slug, name in sorted(req.snap.categories().items())
    )
    return (
        f'<header id="masthead" class="site-header"><div class="site-branding"><a href="{req.url("/")}" '
        f'rel="home"><img src="{req.url("/wp-content/uploads/logo.png")}" alt="{attr(prof.name)}"></a></div>'
        f'<nav id="site-navigation" class="main-navigation"><ul id="primary-menu" class="menu">'
        f'<li class="menu-item"><a href="{req.url("/")}">Beranda</a></li>{items}</ul></nav>'
        f'<form role="search" method="get" class="search-form" action="{req.url("/")}">'
        '<input type="search" class="search-field" name="s"></form></header>\n'
    )


def sidebar(req: Request, prof: OutletProfile) -> str:
    recent = "".join(
        f'<li><a href="{req.url(e.path)}">{esc(e.article.title)}</a></li>' for e in req.snap.entries[:5]
    )
    return (
        '<aside id="secondary" class="widget-area td-pb-span4">'
        '<section class="widget widget_recent_entries"><h2 class="widget-title">Pos-pos Terbaru</h2>'
        f"<ul>{recent}</ul></section>"
        '<section class="widget widget_media_image"><a href="#"><img class="image wp-image-9" '
        f'src="{req.url("/wp-content/uploads/iklan-300x250.jpg")}" alt="" width="300" height="250"></a>'
        f'</section><section class="widget widget_text">{ad_slot("sidebar")}</section></aside>\n'
    )


def footer(prof: OutletProfile) -> str:
    return (
        '<footer id="colophon" class="site-footer"><div class="site-info">'
        f"Copyright &copy; {esc(prof.name)}. Proudly powered by WordPress.</div></footer>\n"
        "<script src=\"/wp-includes/js/jquery/jquery.min.js\"></script>\n</body>\n</html>\n"
    )


def _jsonld(req: Request, entry: Entry, prof: OutletProfile) -> str:
    art = entry.article
    data = {
        "@context": "https://schema.org",
        "@graph": [{
            "@type": "NewsArticle",
            "headline": art.title,
            "datePublished": iso(entry, prof),
            "dateModified": art.last_modified.astimezone(prof.tz).isoformat(timespec="seconds"),
            "author": {"@type": "Person", "name": art.editor or "Redaksi"},
            "publisher": {"@type": "Organization", "name": prof.name},
            "mainEntityOfPage": {"@id": req.url(entry.path)},
            "articleSection": [art.category_name],
            "keywords": list(art.tags),
            "inLanguage": "id-ID",
        }],
    }
    text = json.dumps(data).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/ld+json" class="yoast-schema-graph">{text}</script>\n'


def article_head(req: Request, entry: Entry, prof: OutletProfile) -> str:
    art = entry.article
    url = req.url(entry.path)
    extra = (
        f'<link rel="canonical" href="{url}">\n<link rel="shortlink" href="{req.url(f"/?p={entry.id}")}">\n'
        '<meta property="og:locale" content="id_ID">\n<meta property="og:type" content="article">\n'
        f'<meta property="og:title" content="{attr(art.title)}">\n'
        f'<meta property="og:description" content="{attr(art.paragraphs[0][:155])}">\n'
        f'<meta property="og:url" content="{url}">\n<meta property="og:site_name" content="{attr(prof.name)}">\n'
        f'<meta property="article:published_time" content="{iso(entry, prof)}">\n'
        f'<meta property="article:modified_time" content="'
        f'{art.last_modified.astimezone(prof.tz).isoformat(timespec="seconds")}">\n'
        f'<meta property="og:image" content="{req.url(f"/wp-content/uploads/{entry.id}.jpg")}">\n'
    )
    if prof.key == "patrolipost":
        extra += f'<meta name="author" content="{attr(art.editor or "Redaksi")}">\n' + _jsonld(req, entry, prof)
    else:
        extra += f'<meta name="author" content="{attr(", ".join(art.authors))}">\n'
    return head(req, prof, f"{art.title} - {prof.name}", extra)


def _content(req: Request, entry: Entry, prof: OutletProfile) -> str:
    art = entry.article
    others = [e for e in req.snap.entries if e.id != entry.id][:40]
    paras = []
    for i, text in enumerate(art.paragraphs):
        body = esc(text)
        if i == 0:
            if prof.key == "patrolipost":
                body = f"{esc(art.city)} |patrolipost.com – {body}"
            else:
                body = f"<strong>{prof.name}, {esc(art.city)}</strong> - {body}"
        if i == len(art.paragraphs) - 1 and prof.key == "patrolipost":
            body += f" ({esc(art.authors[0])})"
        paras.append(f"<p>{body}</p>")
        if i == 1 and prof.key == "patrolipost" and others:
            links = "".join(
                f'<li><a href="{req.url(o.path)}">{esc(o.article.title)}</a></li>'
                for o in others[entry.id % 7 : entry.id % 7 + 3]
            )
            paras.append(f'<div class="bacaan-lainnya"><h4>Bacaan Lainnya</h4><ul>{links}</ul></div>')
        if i == 2:
            paras.append(ad_slot("inarticle"))
    if prof.key == "diksi":
        paras.append("<p>(*)</p>")
    paras.append('<div class="sharedaddy sd-sharing-enabled"><h3 class="sd-title">Bagikan ini:</h3>'
                 '<ul><li><a class="share-facebook" href="#">Facebook</a></li>'
                 '<li><a class="share-whatsapp" href="#">WhatsApp</a></li></ul></div>')
    if prof.key == "patrolipost":
        related = "".join(
            f'<div class="td_module_related_posts"><h3 class="entry-title td-module-title">'
            f'<a href="{req.url(o.path)}">{esc(o.article.title)}</a></h3></div>'
            for o in req.snap.in_category(art.category)[:4] if o.id != entry.id
        )
        paras.append(f'<h3 class="pos-terkait">Pos terkait</h3><div class="td-related-row">{related}</div>')
    return "\n".join(paras)


def article_page(req: Request, entry: Entry, prof: OutletProfile) -> str:
    art = entry.article
    p = "/index.php" if prof.index_php else ""
    tags = "".join(
        f'<li><a href="{req.url(f"{p}/tag/{slugify(t)}/")}" rel="tag">{esc(t)}</a></li>' for t in art.tags
    )
    cat = f'<a href="{req.url(f"{p}/category/{art.category}/")}" rel="category tag">{esc(art.category_name)}</a>'
    img = (f'<figure class="wp-caption"><img src="{req.url(f"/wp-content/uploads/{entry.id}.jpg")}" '
           f'alt="{attr(art.title)}"><figcaption class="wp-caption-text">{esc(art.caption or "")}'
           "</figcaption></figure>")
    if prof.key == "patrolipost":
        main = (
            f'<article id="post-{entry.id}" class="post-{entry.id} post type-post status-publish">'
            f'<div class="td-post-header"><ul class="td-category"><li class="entry-category">{cat}</li></ul>'
            f'<header class="td-post-title"><h1 class="entry-title">{esc(art.title)}</h1>'
            '<div class="td-module-meta-info"><div class="td-post-author-name"><div class="td-author-by">By'
            f'</div> <a href="{req.url("/author/redaksi/")}">{esc(art.editor or "Redaksi")}</a></div>'
            f'<span class="td-post-date"><time class="entry-date updated td-module-date" '
            f'datetime="{iso(entry, prof)}">{printed_date(entry, prof)}</time></span></div></header></div>\n'
            f'<div class="td-post-content tagdiv-type">\n<div class="td-post-featured-image">{img}</div>\n'
            f"{_content(req, entry, prof)}\n</div>\n"
            f'<footer><div class="td-post-source-tags"><ul class="td-tags td-post-small-box clearfix">'
            f"<li><span>TAGS</span></li>{tags}</ul></div></footer></article>\n"
        )
    else:
        main = (
            f'<article id="post-{entry.id}" class="post-{entry.id} post type-post status-publish hentry">'
            f'<header class="entry-header"><span class="cat-links">{cat}</span>'
            f'<h1 class="entry-title">{esc(art.title)}</h1><div class="entry-meta"><span class="byline">Oleh '
            f'<span class="author vcard"><a class="url fn n" href="{req.url(p + "/author/redaksi/")}">'
            f'{esc(", ".join(art.authors))}</a></span></span> <span class="posted-on"><time class="entry-date '
            f'published" datetime="{iso(entry, prof)}">{printed_date(entry, prof)}</time></span></div></header>\n'
            f'<div class="post-thumbnail">{img}</div>\n<div class="entry-content">\n{_content(req, entry, prof)}\n'
            f'</div>\n<footer class="entry-footer"><span class="tags-links">Tag: <ul>{tags}</ul></span></footer>'
            "</article>\n"
        )
    return (
        article_head(req, entry, prof)
        + f'<body class="post-template-default single single-post postid-{entry.id}">\n'
        + menu(req, prof) + ad_slot("header")
        + f'<div id="content" class="site-content"><main id="main" class="site-main">\n{main}</main>\n'
        + sidebar(req, prof) + "</div>\n" + footer(prof)
    )


def archive_page(
    req: Request, prof: OutletProfile, title: str, entries: list[Entry], page: int, more: bool, base: str,
    query: str = "",
) -> str:
    posts = "".join(
        f'<article class="post type-post"><h2 class="entry-title"><a href="{req.url(e.path)}" rel="bookmark">'
        f'{esc(e.article.title)}</a></h2><time class="entry-date" datetime="{iso(e, prof)}">'
        f'{printed_date(e, prof)}</time><div class="entry-summary"><p>{esc(e.article.paragraphs[0][:160])}'
        " [&hellip;]</p></div></article>\n"
        for e in entries
    ) or '<p class="no-results">Maaf, tidak ada yang cocok.</p>'
    nav = []
    if page > 1:
        prev = base if page == 2 else f"{base}page/{page - 1}/"
        nav.append(f'<a class="prev page-numbers" href="{req.url(prev)}{query}">&laquo; Sebelumnya</a>')
    nav.append(f'<span aria-current="page" class="page-numbers current">{page}</span>')
    link_next = ""
    if more:
        nxt = req.url(f"{base}page/{page + 1}/") + query
        nav.append(f'<a class="next page-numbers" href="{nxt}">Berikutnya &raquo;</a>')
        link_next = f'<link rel="next" href="{nxt}">\n'
    return (
        head(req, prof, f"{title} - {prof.name}", link_next)
        + '<body class="archive">\n' + menu(req, prof)
        + '<div id="content" class="site-content"><main id="main" class="site-main">'
        + f'<header class="page-header"><h1 class="page-title">{esc(title)}</h1></header>\n{posts}'
        + f'<nav class="navigation pagination"><div class="nav-links">{"".join(nav)}</div></nav></main>\n'
        + sidebar(req, prof) + "</div>\n" + footer(prof)
    )
