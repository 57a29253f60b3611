"""Adaptive polling: the next crawl interval of an outlet from what its last crawl brought (pure)."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta

from monitor.settings import Settings


@dataclass(frozen=True)
class PollingPolicy:
    """Bounds and steps of adaptive polling; `adaptive=False` pins every outlet to `base`."""

    base: int
    minimum: int
    maximum: int
    adaptive: bool = True
    shrink: float = 0.5  # a crawl that found new articles halves the interval
    grow: float = 1.5  # a crawl that found nothing stretches it by half

    @classmethod
    def from_settings(cls, settings: Settings) -> PollingPolicy:
        low = min(settings.crawl_interval_min, settings.crawl_interval_max)
        high = max(settings.crawl_interval_min, settings.crawl_interval_max)
        return cls(settings.crawl_interval, low, high, settings.adaptive_polling)

    def clamp(self, seconds: float) -> int:
        return round(min(max(seconds, self.minimum), self.maximum))

    def first_interval(self) -> int:
        """The interval of an outlet with no history."""
        return self.clamp(self.base) if self.adaptive else self.base

    def next_interval(self, current: int | None, new_articles: int, ok: bool = True) -> int:
        """Seconds until the next crawl after a crawl that stored `new_articles`.

        A failed crawl keeps the interval: neither a busy nor a quiet outlet, and health
        alerts (not slower polling) deal with a site that keeps failing.
        """
        if not self.adaptive:
            return self.base
        interval = self.first_interval() if current is None or current <= 0 else current
        if not ok:
            return self.clamp(interval)
        factor = self.shrink if new_articles > 0 else self.grow
        return self.clamp(interval * factor)


def next_run_at(finished_at: datetime, interval: int, jitter: int, rng: random.Random | None = None) -> datetime:
    """When the next crawl starts: `interval` seconds after the last one, plus up to `jitter` seconds."""
    extra = (rng or random).uniform(0, jitter) if jitter > 0 else 0.0
    return finished_at + timedelta(seconds=interval + extra)
