"""Radar Metro (Disway): Kota Metro and Lampung."""

from crawler.platforms.disway import DiswaySpider


class RadarMetroSpider(DiswaySpider):
    name = "radarmetro"
    categories = ("pemerintahan", "politik")
