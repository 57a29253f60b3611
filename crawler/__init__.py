"""Pantau's crawler: the Scrapy project that fetches outlets' articles."""
