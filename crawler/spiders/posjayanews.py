"""POSJAYANEWS (Blogger): posts feed, label feeds and sitemap; /search is disallowed by robots.txt."""

from crawler.platforms.blogger import BloggerSpider


class PosjayaNewsSpider(BloggerSpider):
    name = "posjayanews"
    topic_labels = ("Netralitas ASN",)
