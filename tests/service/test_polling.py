"""Adaptive polling: the pure next-interval rule."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from monitor.service.polling import PollingPolicy, next_run_at
from monitor.settings import Settings

POLICY = PollingPolicy(base=900, minimum=300, maximum=3600)


def test_new_articles_shorten_the_interval_down_to_the_minimum() -> None:
    interval = 900
    seen = []
    for _ in range(5):
        interval = POLICY.next_interval(interval, new_articles=3)
        seen.append(interval)
    assert seen == [450, 300, 300, 300, 300]


def test_quiet_crawls_stretch_the_interval_up_to_the_maximum() -> None:
    interval = 900
    for _ in range(10):
        interval = POLICY.next_interval(interval, new_articles=0)
    assert interval == 3600
    assert POLICY.next_interval(900, 0) == 1350


def test_failed_crawl_keeps_the_interval() -> None:
    assert POLICY.next_interval(1200, new_articles=0, ok=False) == 1200
    assert POLICY.next_interval(None, new_articles=5, ok=False) == 900


def test_no_history_starts_from_the_base_interval() -> None:
    assert POLICY.next_interval(None, 1) == 450
    assert POLICY.next_interval(0, 0) == 1350


def test_base_outside_the_bounds_is_clamped_when_adaptive() -> None:
    assert PollingPolicy(base=10, minimum=300, maximum=3600).first_interval() == 300


def test_adaptive_off_pins_every_outlet_to_the_crawl_interval() -> None:
    fixed = PollingPolicy(base=900, minimum=300, maximum=3600, adaptive=False)
    assert fixed.next_interval(450, 10) == 900
    assert fixed.next_interval(3600, 0) == 900


def test_policy_from_settings_reads_the_variables() -> None:
    settings = Settings(_env_file=None, crawl_interval=60, crawl_interval_min=30,  # type: ignore[call-arg]
                        crawl_interval_max=120, adaptive_polling=False)
    policy = PollingPolicy.from_settings(settings)
    assert (policy.base, policy.minimum, policy.maximum, policy.adaptive) == (60, 30, 120, False)


def test_next_run_adds_interval_and_bounded_jitter() -> None:
    start = datetime(2026, 1, 1, tzinfo=UTC)
    rng = random.Random(7)
    for _ in range(50):
        when = next_run_at(start, 300, 30, rng)
        assert start + timedelta(seconds=300) <= when <= start + timedelta(seconds=330)
    assert next_run_at(start, 300, 0) == start + timedelta(seconds=300)
