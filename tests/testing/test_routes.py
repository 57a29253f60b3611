"""Every documented route of each replica answers, and every kind of pagination ends."""

from __future__ import annotations

import json
import re

import pytest

from crawler.testing import OUTLET_KEYS, ReplicaSite, slugify, tag_id
from tests.testing.conftest import fetch


def _routes(site: ReplicaSite) -> list[str]:
    entry = site.entries[0]
    art = entry.article
    tag = art.tags[0]
    if site.profile.platform == "disway":
        return ["/", "/robots.txt", "/rss", f"/rss/{art.category}", f"/kategori/{art.category}",
                f"/listtag/{tag_id(tag)}/{slugify(tag)}", "/search/kata/?c=netralitas", entry.path,
                entry.path.replace("/read/", "/amp/")]
    if site.profile.platform == "wordpress":
        p = "/index.php" if site.profile.index_php else ""
        return ["/", "/robots.txt", "/feed/", f"{p}/feed/", "/feed/?paged=2", f"{p}/category/{art.category}/",
                f"{p}/category/{art.category}/feed/", f"{p}/tag/{slugify(tag)}/", f"{p}/tag/{slugify(tag)}/feed/",
                "/wp-sitemap.xml", "/wp-sitemap-posts-post-1.xml", "/?s=netralitas", "/page/2/",
                "/wp-json/wp/v2/posts?search=ASN&per_page=5&page=1", entry.path]
    return ["/", "/robots.txt", "/feeds/posts/default", "/feeds/posts/default?alt=rss",
            "/feeds/posts/default?max-results=5&start-index=6", "/feeds/posts/default/-/Netralitas%20ASN",
            "/sitemap.xml", "/sitemap.xml?page=1", "/search/label/Politik", "/search?q=bawaslu", entry.path]


@pytest.mark.parametrize("outlet", OUTLET_KEYS)
def test_every_route_answers(outlet: str) -> None:
    with ReplicaSite(outlet) as site:
        for path in _routes(site):
            got = fetch(site.base_url + path)
            assert got.status == 200, (path, got.status)
            assert got.body, path
            assert "charset=utf-8" in got.headers["content-type"].lower() or path.endswith(".xml")
        assert fetch(site.base_url + "/no/such/page").status == 404


def test_disway_robots_and_article_markup() -> None:
    with ReplicaSite("magelangekspres") as site:
        assert "Disallow: /admin" in fetch(site.base_url + "/robots.txt").text
        multi = next(e for e in site.entries if e.article.page_count == 3)
        page1 = fetch(site.base_url + multi.path).text
        assert '<meta name="pubdate"' in page1 and 'class="post text-black-1"' in page1
        assert "og:title" not in page1 and "application/ld+json" not in page1
        assert re.search(r'<span class="date">\w+ \d\d-\d\d-\d{4},\d\d:\d\d WIB</span>', page1)
        assert "MAGELANGEKSPRES.DISWAY.ID</strong> - " in page1 and "BACA JUGA:" in page1
        # Follow the data-ci-pagination-page links to the last page; never compute the offset.
        seen, url = [multi.path], site.base_url + multi.path
        while True:
            html = fetch(url).text
            nxt = re.search(r'<a href="([^"]+)" data-ci-pagination-page="\d+" rel="next">', html)
            if not nxt:
                break
            url = nxt.group(1)
            seen.append(url.removeprefix(site.base_url))
        assert seen == [multi.path, multi.path + "/15", multi.path + "/30"]
        assert "Google News" in html and "Google News" not in page1
        assert fetch(site.base_url + multi.path + "/45").status == 404
        amp = fetch(site.base_url + multi.path.replace("/read/", "/amp/") + "/15").text
        assert "<html amp" in amp and f'rel="canonical" href="{site.base_url}{multi.path}/15"' in amp


def test_radarmetro_uses_its_own_page_step() -> None:
    with ReplicaSite("radarmetro") as site:
        multi = next(e for e in site.entries if e.article.page_count > 1)
        assert fetch(site.base_url + multi.path + "/16").status == 200
        assert fetch(site.base_url + multi.path + "/15").status == 404
        home = fetch(site.base_url + "/").text
        linked = re.findall(r'href="[^"]+(/kategori/\d+/[a-z-]+)"', home)
        assert linked and all(fetch(site.base_url + path).status == 200 for path in linked)
        slug = linked[0].rsplit("/", 1)[1]
        assert fetch(f"{site.base_url}/kategori/{slug}").status == 200


def test_disway_category_pagination_ends(big_sites: dict[str, ReplicaSite]) -> None:
    site = big_sites["magelangekspres"]
    category = site.entries[0].article.category
    expected = [e.path for e in site.entries if e.article.category == category]
    url, pages, found = f"{site.base_url}/kategori/{category}", 0, []
    while url:
        html = fetch(url).text
        pages += 1
        found += re.findall(r'<h2 class="media-heading"><a href="[^"]+(/read/[^"]+)">', html)
        nxt = re.search(r'href="([^"]+)" rel="next"', html)
        url = nxt.group(1) if nxt else ""
        assert pages < 10
    assert found == expected
    assert pages == -(-len(expected) // 30)
    assert fetch(f"{site.base_url}/kategori/{category}/{pages * 30}").status == 404


def test_wordpress_feed_listing_and_rest_paging_end(big_sites: dict[str, ReplicaSite]) -> None:
    site = big_sites["diksi"]
    total = len(site.entries)
    items = []
    for page in range(1, 10):
        got = fetch(f"{site.base_url}/index.php/feed/?paged={page}")
        if got.status == 404:
            break
        items += re.findall(r"<link>([^<]+)</link>\n<dc:creator>", got.text)
    assert len(items) == total and page == -(-total // 10) + 1
    archive = fetch(f"{site.base_url}/index.php/page/{-(-total // 10)}/").text
    assert 'class="next page-numbers"' not in archive
    assert fetch(f"{site.base_url}/index.php/page/{-(-total // 10) + 1}/").status == 404
    rest = fetch(f"{site.base_url}/wp-json/wp/v2/posts?per_page=20&page=2")
    assert rest.headers["x-wp-total"] == str(total) and rest.headers["x-wp-totalpages"] == "2"
    assert fetch(f"{site.base_url}/wp-json/wp/v2/posts?per_page=20&page=3").status == 400
    assert fetch(f"{site.base_url}/wp-json/wp/v2/posts?per_page=101").status == 400
    slim = json.loads(fetch(f"{site.base_url}/wp-json/wp/v2/posts?search=netralitas&_fields=link,date_gmt").text)
    assert slim and all(set(post) == {"link", "date_gmt"} for post in slim)


def test_wordpress_shortlink_and_permalink_redirects() -> None:
    with ReplicaSite("patrolipost") as site:
        entry = site.entries[0]
        assert re.fullmatch(r"/\d{4}/\d\d/\d\d/[a-z0-9-]+/", entry.path)
        got = fetch(f"{site.base_url}/?p={entry.id}")
        assert got.status == 301 and got.headers["location"] == site.base_url + entry.path
        assert fetch(site.base_url + entry.path.rstrip("/")).headers["location"] == site.base_url + entry.path
        html = fetch(site.base_url + entry.path).text
        assert '"@type": "NewsArticle"' in html and 'class="td-post-content' in html
        assert "+08:00" in html and "Pos terkait" in html and "Bacaan Lainnya" in html


def test_blogger_feed_paging_caps_at_150_and_ends(big_sites: dict[str, ReplicaSite]) -> None:
    site = big_sites["posjayanews"]
    url, ids = f"{site.base_url}/feeds/posts/default?max-results=500", []
    while url:
        text = fetch(url).text
        chunk = re.findall(r"\.post-(\d+)</id>", text)
        assert len(chunk) <= 150
        ids += chunk
        nxt = re.search(r"<link rel='next' type='application/atom\+xml' href='([^']+)'/>", text)
        url = nxt.group(1).replace("&amp;", "&") if nxt else ""
    assert len(ids) == len(set(ids)) == len(site.entries) == 330
    assert "Disallow: /search" in fetch(site.base_url + "/robots.txt").text
    found = fetch(f"{site.base_url}/feeds/posts/default?max-results=150&q=netralitas+ASN").text
    total = int(re.search(r"<openSearch:totalResults>(\d+)<", found).group(1))  # type: ignore[union-attr]
    assert 0 < total < len(site.entries)
    html = fetch(site.base_url + site.entries[0].path).text
    assert "h3 class='post-title entry-title'" in html and "abbr class='published'" in html
    assert "Posting Komentar" in html and "<b>POSJAYANEWS</b> - " in html


@pytest.mark.parametrize("outlet", OUTLET_KEYS)
def test_hostile_characters_are_escaped(outlet: str) -> None:
    from datetime import UTC, datetime
    from random import Random

    from crawler.testing.corpus import build_article

    article = build_article(outlet, "budget", Random(1), datetime(2025, 3, 3, tzinfo=UTC))
    with ReplicaSite(outlet, [article]) as site:
        html = fetch(site.url_for(article)).text
        assert "&lt;50 Persen" in html and "Jalan &amp; Jembatan" in html and "<50" not in html
        assert "\u00a0miliar" in html and "🙏" in html
        feed = {"disway": "/rss", "wordpress": "/feed/", "blogger": "/feeds/posts/default"}[site.profile.platform]
        assert "<50" not in fetch(site.base_url + feed).text
