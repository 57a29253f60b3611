"""DIKSI.CO (WordPress, PATHINFO permalinks under /index.php/): Samarinda, Kalimantan Timur."""

from crawler.platforms.wordpress import WordPressSpider


class DiksiSpider(WordPressSpider):
    name = "diksi"
    prefix = "/index.php"
    categories = ("politik", "pemerintahan")
    topic_tags = ("netralitas-asn",)
