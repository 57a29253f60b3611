"""Magelang Ekspres (Disway): Kota/Kabupaten Magelang, Temanggung, Purworejo."""

from crawler.platforms.disway import DiswaySpider


class MagelangEkspresSpider(DiswaySpider):
    name = "magelangekspres"
    categories = ("pemerintahan", "politik")
