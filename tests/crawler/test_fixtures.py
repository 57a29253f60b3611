"""Saved pages with the expected extraction beside them (PANTAU_UPDATE_FIXTURES=1 rewrites expected.json)."""

from __future__ import annotations

import json
import os
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from crawler.extract.article import ExtractedArticle, extract_article

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
CASES = sorted(p.parent for p in FIXTURES.glob("*/*/page.html"))
UPDATE = os.environ.get("PANTAU_UPDATE_FIXTURES") == "1"


def as_json(article: ExtractedArticle) -> dict[str, Any]:
    return {
        "url": article.url,
        "canonical_url": article.canonical_url,
        "outlet": article.outlet,
        "title": article.title,
        "published": article.published.isoformat() if article.published else None,
        "authors": list(article.authors),
        "editor": article.editor,
        "body_paragraphs": list(article.body_paragraphs),
        "tags": list(article.tags),
        "category": article.category,
        "page_links": list(article.page_links),
        "provenance": dict(sorted(article.provenance.items())),
    }


@pytest.mark.parametrize("case", CASES, ids=[f"{c.parent.name}/{c.name}" for c in CASES])
def test_saved_page(case: Path) -> None:
    meta = json.loads((case / "meta.json").read_text(encoding="utf-8"))
    html = (case / "page.html").read_text(encoding="utf-8")
    # outlet=None: the extractor must recognise the outlet from the page, as `pantau analyze` needs
    got = as_json(extract_article(html, meta["url"], None))
    expected_path = case / "expected.json"
    if UPDATE or not expected_path.exists():
        expected_path.write_text(json.dumps(got, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    assert got == json.loads(expected_path.read_text(encoding="utf-8"))

    truth = meta.get("truth") or {}
    assert got["outlet"] == meta["outlet"]
    assert got["title"] == truth["title"]
    assert datetime.fromisoformat(got["published"]) == datetime.fromisoformat(truth["published"])
    assert got["authors"] == truth["authors"]
    assert got["body_paragraphs"] == truth["paragraphs_on_page"]
    assert got["tags"] == truth["tags"]
    assert got["category"] == truth["category"]
    assert got["provenance"]["body"] == "outlet"
    remaining = truth["page_count"] - truth["page"]
    assert len(got["page_links"]) == remaining

    # without a URL (`pantau analyze` on a saved file) the page still says who it is
    bare = extract_article(html, None, None)
    assert (bare.outlet, bare.title, bare.body_paragraphs) == (meta["outlet"], got["title"], tuple(truth["paragraphs_on_page"]))
