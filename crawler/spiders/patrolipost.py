"""Patroli Post (WordPress): Ruteng/Manggarai (NTT) and Bali."""

from crawler.platforms.wordpress import WordPressSpider


class PatroliPostSpider(WordPressSpider):
    name = "patrolipost"
    categories = ("politik", "pemerintahan")
    topic_tags = ("netralitas-asn",)
