"""The replica corpus: the planned mix, bulk generation, fresh sanction reports, own texts, fixtures in sync."""

from __future__ import annotations

import itertools
import json
import os
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from crawler.testing import OUTLET_KEYS, default_articles, generate_articles, make_sanction_article
from crawler.testing.fixtures import write_fixtures

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
REPO = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("outlet", OUTLET_KEYS)
def test_default_mix(outlet: str) -> None:
    arts = default_articles(outlet, NOW)
    assert len(arts) == 14 and len({a.slug for a in arts}) == 14
    assert any(a.expected_sanction_report for a in arts)
    assert any(a.expected_relevant and not a.expected_sanction_report for a in arts)
    assert sum(not a.expected_relevant for a in arts) >= 5
    assert any(NOW - a.published > timedelta(days=365) for a in arts)
    assert all(NOW - a.published < timedelta(days=740) for a in arts)
    assert all(a.published.utcoffset() in (timedelta(hours=7), timedelta(hours=8)) for a in arts)
    assert all(a.statements for a in arts)
    for a in arts:
        for q in a.statements:
            assert q.quote in " ".join(a.paragraphs), q
            assert q.speaker.split()[0] in " ".join(a.paragraphs)
        if a.expected_sanction_report:
            assert a.sanction is not None and a.sanction.kind in ("case", "aggregate")
    if outlet in ("magelangekspres", "radarmetro"):
        assert {a.page_count for a in arts} >= {1, 2, 3}
    assert default_articles(outlet, NOW) == arts  # seeded


def test_generate_many_is_cheap_and_unique() -> None:
    arts = generate_articles("magelangekspres", 2000, seed=1, now=NOW)
    assert len(arts) == len({a.slug for a in arts}) == len({a.title for a in arts}) == 2000
    assert arts == sorted(arts, key=lambda a: a.published, reverse=True)
    share = sum(a.expected_relevant for a in arts) / len(arts)
    assert 0.25 < share < 0.45
    assert generate_articles("magelangekspres", 50, seed=1, now=NOW) != generate_articles(
        "magelangekspres", 50, seed=2, now=NOW)


def test_fresh_sanction_articles_vary() -> None:
    arts = [make_sanction_article("diksi", NOW, seed=s) for s in range(8)]
    assert all(a.expected_sanction_report and a.published == NOW for a in arts)
    assert len({a.slug for a in arts}) == 8
    assert len({a.title for a in arts}) > 3
    assert make_sanction_article("diksi", NOW, seed=3) == arts[3]


def test_generated_reports_are_distinct_stories() -> None:
    """Fresh reports of one day share no quotation and are not one story to the monitor's grouping."""
    from monitor.stories import QUOTE_BAND_BASE, SURE_JACCARD, jaccard_estimate, signature_text, story_keys
    from monitor.text.similarity import same_story

    arts = [make_sanction_article(OUTLET_KEYS[s % len(OUTLET_KEYS)], NOW, seed=s) for s in range(40)]
    keys = [story_keys(a.title, a.body_text, [q.quote for q in a.statements]) for a in arts]
    quotes = [q.quote for a in arts for q in a.statements]
    assert len(quotes) == len(set(quotes))
    same = 0
    for i, j in itertools.combinations(range(len(arts)), 2):
        shared = set(keys[i].bands) & set(keys[j].bands)
        assert not any(band >= QUOTE_BAND_BASE for band, _ in shared)
        assert jaccard_estimate(keys[i].minhash, keys[j].minhash) < SURE_JACCARD
        a, b = arts[i], arts[j]
        same += bool(shared) and same_story(signature_text(a.title, a.body_text), signature_text(b.title, b.body_text))
    assert same <= 2, same  # of 780 pairs (the old fixed wording: about a third)


def _shingles(text: str, n: int = 8) -> set[str]:
    words = re.findall(r"\w+", text.lower())
    return {" ".join(words[i : i + n]) for i in range(len(words) - n + 1)}


def test_texts_are_our_own() -> None:
    shared = Path(os.environ.get("PANTAU_SHARED_DIR") or REPO.parent / "shared")
    if not shared.is_dir():
        pytest.skip("shared material not present")
    theirs: set[str] = set()
    for path in [*shared.glob("seeds/*.txt"), *shared.glob("corpus/*.jsonl")]:
        theirs |= _shingles(path.read_text(encoding="utf-8"))
    ours: set[str] = set()
    for outlet in OUTLET_KEYS:
        for a in generate_articles(outlet, 60, seed=9, now=NOW):
            ours |= _shingles(a.title + " " + a.body_text)
    assert not ours & theirs


def test_saved_fixtures_match_the_replica(tmp_path: Path) -> None:
    folders = write_fixtures(tmp_path)
    assert len(folders) >= 10
    stored_root = REPO / "tests" / "fixtures"
    for folder in folders:
        rel = folder.relative_to(tmp_path)
        stored = stored_root / rel
        assert (stored / "page.html").read_text(encoding="utf-8") == (folder / "page.html").read_text(
            encoding="utf-8"), f"{rel}: run `python -m crawler.testing fixtures` and review the diff"
        meta = json.loads((stored / "meta.json").read_text(encoding="utf-8"))
        assert meta["url"].startswith("https://")


def test_bulk_quotes_are_in_the_text() -> None:
    for outlet in ("diksi", "posjayanews"):
        for a in generate_articles(outlet, 80, seed=4, now=NOW):
            text = " ".join(a.paragraphs).replace('"', "").replace("“", "").replace("”", "").replace(",", "")
            for q in a.statements:
                words = q.quote.replace(",", "").split()
                assert " ".join(words[:3]) in text and " ".join(words[-3:]) in text, (a.kind, q.quote)
    kinds = {a.kind for a in generate_articles("radarmetro", 300, seed=2, now=NOW)}
    assert {"village_dismissal", "teacher_forwarded", "inspection", "debate"} <= kinds
