"""Blogger (classic template) HTML pages: post page and post lists, Indonesian interface."""

from __future__ import annotations

from urllib.parse import quote

from crawler.testing.drafting import DAYS, MONTHS
from crawler.testing.profiles import OutletProfile
from crawler.testing.routing import Request, ad_slot, analytics_script, attr, esc
from crawler.testing.state import Entry

BLOG_ID = "7310221486614451370"
AUTHOR = "Redaksi Posjaya"


def labels(entry: Entry) -> tuple[str, ...]:
    art = entry.article
    return tuple(dict.fromkeys((art.category_name, *art.tags)))


def label_url(req: Request, label: str) -> str:
    return req.url("/search/label/" + quote(label))


def date_header(entry: Entry, prof: OutletProfile) -> str:
    local = entry.article.published.astimezone(prof.tz)
    return f"{DAYS[local.weekday()]}, {local.day:02d} {MONTHS[local.month - 1]} {local.year}"


def iso_ms(entry: Entry, prof: OutletProfile) -> str:
    return entry.article.published.astimezone(prof.tz).isoformat(timespec="milliseconds")


def _head(req: Request, prof: OutletProfile, title: str, extra: str = "") -> str:
    return (
        "<!DOCTYPE html>\n<html class='v2' dir='ltr' lang='id' xmlns='http://www.w3.org/1999/xhtml' "
        "xmlns:b='http://www.google.com/2005/gml/b' xmlns:data='http://www.google.com/2005/gml/data' "
        "xmlns:expr='http://www.google.com/2005/gml/expr'>\n<head>\n"
        "<meta content='width=1100' name='viewport'/>\n"
        "<meta content='text/html; charset=UTF-8' http-equiv='Content-Type'/>\n"
        "<meta content='blogger' name='generator'/>\n"
        f"<link href='{req.url('/favicon.ico')}' rel='icon' type='image/x-icon'/>\n"
        f'<link rel="alternate" type="application/atom+xml" title="{attr(prof.name)} - Atom" '
        f'href="{req.url("/feeds/posts/default")}" />\n'
        f'<link rel="alternate" type="application/rss+xml" title="{attr(prof.name)} - RSS" '
        f'href="{req.url("/feeds/posts/default?alt=rss")}" />\n'
        f"{extra}<title>{esc(title)}</title>\n"
        "<style id='page-skin-1' type='text/css'>body{font:normal normal 13px Arial}</style>\n"
        f"{analytics_script()}\n</head>\n"
    )


def _chrome_top(req: Request, prof: OutletProfile) -> str:
    return (
        "<body class='loading'>\n<div class='navbar section' id='navbar'></div>\n"
        "<div class='content-outer'><header><div class='header-outer'><div class='Header widget' id='Header1'>"
        f"<h1 class='title'><a href='{req.url('/')}'>{esc(prof.name)}</a></h1>"
        "<p class='description'>Berita Terkini, Tajam dan Terpercaya</p></div>"
        "<div class='PageList widget'><ul><li><a href='/'>Beranda</a></li>"
        "<li><a href='/p/redaksi.html'>Redaksi</a></li><li><a href='/p/kontak.html'>Kontak</a></li></ul></div>"
        f"</div></header>\n{ad_slot('top')}\n<div class='main-outer'><div class='main section' id='main'>"
        "<div class='widget Blog' id='Blog1'><div class='blog-posts hfeed'>\n"
    )


def _chrome_bottom(req: Request, prof: OutletProfile, pager: str) -> str:
    popular = "".join(
        f"<li><div class='item-title'><a href='{req.url(e.path)}'>{esc(e.article.title)}</a></div></li>"
        for e in req.snap.entries[:5]
    )
    label_links = "".join(
        f"<li><a dir='ltr' href='{label_url(req, name)}'>{esc(name)}</a></li>"
        for name in sorted(set(req.snap.tags().values()) | set(req.snap.categories().values()))
    )
    return (
        f"</div>{pager}</div></div></div>\n"
        "<div class='sidebar section' id='sidebar-right-1'>"
        f"<div class='widget PopularPosts' id='PopularPosts1'><h2>Postingan Populer</h2><ul>{popular}</ul></div>"
        f"<div class='widget HTML' id='HTML2'>{ad_slot('sidebar')}</div>"
        f"<div class='widget Label' id='Label1'><h2>Label</h2><ul>{label_links}</ul></div></div>\n"
        f"<footer><div class='widget Attribution'>Diberdayakan oleh <a href='https://www.blogger.com'>Blogger"
        f"</a>. &copy; {esc(prof.name)}</div></footer></div>\n"
        "<script type='text/javascript' src='https://www.blogger.com/static/v1/widgets/widgets.js'></script>\n"
        "</body>\n</html>\n"
    )


def _post(req: Request, entry: Entry, prof: OutletProfile, *, full: bool) -> str:
    art = entry.article
    url = req.url(entry.path)
    img = req.url(f"/img/{entry.id}.jpg")
    title = esc(art.title) if full else f"<a href='{url}'>{esc(art.title)}</a>"
    if full:
        blocks = [
            '<div class="separator" style="clear: both; text-align: center;">'
            f'<a href="{img}" style="margin-left: 1em; margin-right: 1em;"><img border="0" data-original-height="720" '
            f'src="{img}" width="640" /></a></div>'
        ]
        for i, text in enumerate(art.paragraphs):
            lead = f"<b>{esc(prof.name)}</b> - " if i == 0 else ""
            blocks.append(f'<div style="text-align: justify;">{lead}{esc(text)}</div>')
            blocks.append('<div style="text-align: justify;"><br /></div>')
        blocks.append(f'<div style="text-align: justify;">({esc(art.authors[0])})</div>')
        body = "\n".join(blocks)
    else:
        body = f"<div style=\"text-align: justify;\">{esc(art.paragraphs[0][:200])}...</div>"
    label_html = ", ".join(f"<a href='{label_url(req, lb)}' rel='tag'>{esc(lb)}</a>" for lb in labels(entry))
    comments = ""
    if full:
        comments = (
            "<div class='comments' id='comments'><a name='comments'></a><h4>Tidak ada komentar:</h4>"
            "<div id='Blog1_comments-block-wrapper'><dl class='avatar-comment-indent' id='comments-block'></dl>"
            "</div><div class='comment-form'><a name='comment-form'></a><h4 id='comment-post-message'>"
            "Posting Komentar</h4><p></p><iframe allowtransparency='true' class='blogger-iframe-colorize "
            "blogger-comment-from-post' frameborder='0' height='410px' id='comment-editor' name='comment-editor' "
            "src='' width='100%'></iframe></div></div>\n"
        )
    local = art.published.astimezone(prof.tz)
    return (
        f"<div class='date-outer'><h2 class='date-header'><span>{date_header(entry, prof)}</span></h2>"
        "<div class='date-posts'><div class='post-outer'>"
        "<div class='post hentry uncustomized-post-template' itemprop='blogPost' itemscope='itemscope' "
        "itemtype='http://schema.org/BlogPosting'>"
        f"<meta content='{img}' itemprop='image_url'/><meta content='{BLOG_ID}' itemprop='blogId'/>"
        f"<meta content='{entry.id}' itemprop='postId'/><a name='{entry.id}'></a>\n"
        f"<h3 class='post-title entry-title' itemprop='name'>{title}</h3>\n"
        "<div class='post-header'><div class='post-header-line-1'></div></div>\n"
        f"<div class='post-body entry-content' id='post-body-{entry.id}' itemprop='description articleBody'>\n"
        f"{body}\n<div style='clear: both;'></div>\n</div>\n"
        "<div class='post-footer'><div class='post-footer-line post-footer-line-1'>"
        f"<span class='post-author vcard'>Diposting oleh <span class='fn' itemprop='author' itemscope='itemscope' "
        f"itemtype='http://schema.org/Person'><span itemprop='name'>{AUTHOR}</span></span></span> "
        f"<span class='post-timestamp'>di <meta content='{url}' itemprop='url'/><a class='timestamp-link' "
        f"href='{url}' rel='bookmark' title='permanent link'><abbr class='published' itemprop='datePublished' "
        f"title='{iso_ms(entry, prof)}'>{local:%H.%M}</abbr></a></span></div>"
        "<div class='post-footer-line post-footer-line-2'>"
        f"<span class='post-labels'>Label: {label_html}</span></div></div></div>\n{comments}"
        "</div></div></div>\n"
    )


def post_page(req: Request, entry: Entry, prof: OutletProfile, newer: Entry | None, older: Entry | None) -> str:
    art = entry.article
    url = req.url(entry.path)
    extra = (
        f"<link href='{url}' rel='canonical'/>\n<meta content='{url}' property='og:url'/>\n"
        f"<meta content='{attr(art.title)}' property='og:title'/>\n"
        f"<meta content='{attr(art.paragraphs[0][:150])}' property='og:description'/>\n"
    )
    pager = "<div class='blog-pager' id='blog-pager'>"
    if newer:
        pager += (f"<span id='blog-pager-newer-link'><a class='blog-pager-newer-link' href='{req.url(newer.path)}' "
                  "title='Posting Lebih Baru'>Posting Lebih Baru</a></span>")
    if older:
        pager += (f"<span id='blog-pager-older-link'><a class='blog-pager-older-link' href='{req.url(older.path)}' "
                  "title='Posting Lama'>Posting Lama</a></span>")
    pager += f"<a class='home-link' href='{req.url('/')}'>Beranda</a></div>"
    return (_head(req, prof, f"{prof.name}: {art.title}", extra) + _chrome_top(req, prof)
            + _post(req, entry, prof, full=True) + _chrome_bottom(req, prof, pager))


def list_page(req: Request, prof: OutletProfile, title: str, entries: list[Entry], older_url: str | None) -> str:
    posts = "".join(_post(req, e, prof, full=False) for e in entries) or "<p>Tidak ada postingan.</p>"
    pager = "<div class='blog-pager' id='blog-pager'>"
    if older_url:
        pager += (f"<span id='blog-pager-older-link'><a class='blog-pager-older-link' href='{attr(older_url)}' "
                  "title='Posting Lama'>Posting Lama</a></span>")
    pager += f"<a class='home-link' href='{req.url('/')}'>Beranda</a></div>"
    return (_head(req, prof, title) + _chrome_top(req, prof) + posts + _chrome_bottom(req, prof, pager))
