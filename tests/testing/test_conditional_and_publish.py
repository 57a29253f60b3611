"""Conditional GET on feeds and sitemaps, and publication reaching feeds, listings and sitemaps."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from crawler.testing import OUTLET_KEYS, ReplicaSite, make_sanction_article, slugify, tag_id
from tests.testing.conftest import fetch

CACHED = {
    "magelangekspres": ["/rss"],
    "radarmetro": ["/rss"],
    "diksi": ["/index.php/feed/", "/wp-sitemap.xml", "/wp-sitemap-posts-post-1.xml"],
    "patrolipost": ["/feed/", "/wp-sitemap-posts-post-1.xml"],
    "posjayanews": ["/feeds/posts/default", "/feeds/posts/default?alt=rss", "/sitemap.xml?page=1"],
}


@pytest.mark.parametrize("outlet", OUTLET_KEYS)
def test_conditional_get_gives_304_until_publication(outlet: str) -> None:
    with ReplicaSite(outlet) as site:
        for path in CACHED[outlet]:
            first = fetch(site.base_url + path)
            etag, modified = first.headers["etag"], first.headers["last-modified"]
            again = fetch(site.base_url + path, {"If-None-Match": etag})
            assert again.status == 304 and again.body == b"" and again.headers["etag"] == etag
            assert fetch(site.base_url + path, {"If-Modified-Since": modified}).status == 304
            assert fetch(site.base_url + path, {"If-None-Match": '"other"'}).status == 200
        site.publish(make_sanction_article(outlet, datetime.now(UTC), seed=11))
        for path in CACHED[outlet]:
            after = fetch(site.base_url + path, {"If-None-Match": '"stale"'})
            assert after.status == 200
            old = fetch(site.base_url + path, {"If-Modified-Since": "Mon, 01 Jan 2024 00:00:00 GMT"})
            assert old.status == 200


def _discovery(site: ReplicaSite, category: str) -> list[str]:
    platform = site.profile.platform
    if platform == "disway":
        return ["/", "/rss", f"/rss/{category}", f"/kategori/{category}"]
    if platform == "wordpress":
        p = "/index.php" if site.profile.index_php else ""
        return [f"{p}/feed/", f"{p}/category/{category}/", f"{p}/category/{category}/feed/",
                "/wp-sitemap-posts-post-1.xml", "/", "/wp-json/wp/v2/posts?per_page=5"]
    return ["/", "/feeds/posts/default", "/feeds/posts/default?alt=rss", "/sitemap.xml?page=1",
            "/feeds/posts/default/-/Netralitas%20ASN"]


@pytest.mark.parametrize("outlet", OUTLET_KEYS)
def test_publish_appears_everywhere(outlet: str) -> None:
    with ReplicaSite(outlet) as site:
        article = make_sanction_article(outlet, datetime.now(UTC), seed=5)
        assert article.expected_sanction_report and article.expected_relevant
        url = site.publish(article)
        path = url.removeprefix(site.base_url)
        page = fetch(url)
        assert page.status == 200 and article.title in page.text
        for listing in _discovery(site, article.category):
            got = fetch(site.base_url + listing)
            assert got.status == 200, listing
            assert path in got.text.replace("\\/", "/"), listing
        if site.profile.platform == "disway":
            tag = article.tags[0]
            assert path in fetch(f"{site.base_url}/listtag/{tag_id(tag)}/{slugify(tag)}").text
        # Publishing the same article again gives it a new slug, not a clash.
        second = site.publish(article)
        assert second != url and fetch(second).status == 200


def test_update_and_remove() -> None:
    with ReplicaSite("magelangekspres") as site:
        first = site.articles[0]
        url = site.url_for(first)
        etag = fetch(site.base_url + "/rss").headers["etag"]
        new_url = site.update(replace(first, title="Judul Baru untuk Berita Lama", modified=datetime.now(UTC)))
        assert new_url == url and "Judul Baru untuk Berita Lama" in fetch(url).text
        assert fetch(site.base_url + "/rss", {"If-None-Match": etag}).status == 200
        site.remove(first)
        assert fetch(url).status == 404
        assert url.removeprefix(site.base_url) not in fetch(site.base_url + "/rss").text
        with pytest.raises(KeyError):
            site.remove(first)
