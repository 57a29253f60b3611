"""Feeds, sitemaps and listing pages to article links."""

from __future__ import annotations

from crawler.extract.feeds import parse_feed
from crawler.extract.listing import is_article_url, parse_listing

RSS = b"""<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>x</title>
<item><title>Satu</title><link>https://a.test/read/12/satu</link><pubDate>Fri, 11 Oct 2024 19:28:00 +0700</pubDate>
<category>Politik</category></item><item><title>Dua</title><link>https://a.test/read/13/dua</link></item>
</channel></rss>"""
ATOM = b"""<feed xmlns="http://www.w3.org/2005/Atom"><link rel="next" href="https://b.test/feeds/posts/default?start-index=3"/>
<entry><published>2025-12-04T10:00:00.000+07:00</published><title>Judul</title>
<link rel="replies" href="https://b.test/x#comments"/><link rel="alternate" href="https://b.test/2025/12/judul.html"/>
<author><name>Redaksi</name></author><category term="Netralitas ASN"/></entry></feed>"""
SITEMAP = b"""<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://c.test/index.php/a</loc>
<lastmod>2025-01-02T03:04:05+00:00</lastmod></url></urlset>"""


def test_rss_atom_and_sitemap() -> None:
    rss = parse_feed(RSS)
    assert [e.url for e in rss.entries] == ["https://a.test/read/12/satu", "https://a.test/read/13/dua"]
    assert rss.entries[0].published is not None and rss.entries[0].published.hour == 19
    atom = parse_feed(ATOM)
    assert atom.entries[0].url == "https://b.test/2025/12/judul.html"
    assert atom.entries[0].tags == ("Netralitas ASN",)
    assert atom.next_url == "https://b.test/feeds/posts/default?start-index=3"
    sitemap = parse_feed(SITEMAP)
    assert sitemap.kind == "urlset" and sitemap.entries[0].published is not None


def test_broken_feeds_do_not_raise() -> None:
    assert parse_feed(b"").entries == ()
    assert parse_feed(b"<html>not a feed</html>").kind == "unknown"
    assert len(parse_feed(RSS[: len(RSS) // 2]).entries) <= 1


def test_listing_keeps_same_host_articles_and_next_page() -> None:
    html = """<html><body><div class="media"><h2><a href="/read/5/asn-diminta-netral">A</a></h2>
    <span class="date">Jumat 11-10-2024,19:28 WIB</span></div>
    <a href="https://other.test/read/6/x">off-site</a><a href="/kategori/politik">section</a>
    <ul class="pagination"><li><a rel="next" href="/kategori/politik/30">&gt;</a></li></ul></body></html>"""
    listing = parse_listing(html, "https://a.test/kategori/politik", "disway")
    assert [link.url for link in listing.links] == ["https://a.test/read/5/asn-diminta-netral"]
    assert listing.links[0].published is not None
    assert listing.next_url == "https://a.test/kategori/politik/30"


def test_article_url_patterns() -> None:
    assert is_article_url("https://x.test/2025/12/judul-berita.html", "blogger")
    assert not is_article_url("https://x.test/search/label/ASN", "blogger")
    assert is_article_url("https://x.test/index.php/bupati-minta-asn-netral", "wordpress")
    assert not is_article_url("https://x.test/category/politik/", "wordpress")
