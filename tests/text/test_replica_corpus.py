"""The judgements agree with the site replicas' synthetic articles (written independently of the rules)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from monitor.text.relevance import is_relevant
from monitor.text.sanctions import detect_sanction
from monitor.text.scoring import match_quotes, same_speaker
from monitor.text.statements import extract_statements

corpus = pytest.importorskip("crawler.testing.corpus")
OUTLETS = ("magelangekspres", "radarmetro", "diksi", "patrolipost", "posjayanews")


@pytest.mark.parametrize("outlet", OUTLETS)
def test_replica_articles(outlet: str) -> None:
    articles = corpus.generate_articles(outlet, 20, seed=17, now=datetime(2026, 1, 15, tzinfo=UTC))
    for a in articles:
        body = "\n\n".join(a.paragraphs)
        assert is_relevant(a.title, body) == a.expected_relevant, a.title
        assert detect_sanction(a.title, body).report == a.expected_sanction_report, a.title
        gold = [(q.quote, q.speaker) for q in a.statements]
        pred = [(s.quote, s.speaker) for s in extract_statements(body, a.title) if s.kind == "direct"]
        score = match_quotes(gold, pred)
        assert (score.fn, score.fp) == (0, 0), a.title
        assert all(same_speaker(pred[p][1], gold[g][1]) for g, p in score.pairs), a.title
