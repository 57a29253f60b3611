"""The five seed warnings are never sanction reports; the shared corpus keeps its labels (when present)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from monitor.text.sanctions import detect_sanction
from monitor.text.scoring import match_quotes, prf
from monitor.text.statements import extract_statements
from tests.text.helpers import shared_dir

SEEDS = sorted((shared_dir() / "seeds").glob("*.txt"))
CORPUS = shared_dir() / "corpus" / "dev.jsonl"


@pytest.mark.skipif(not SEEDS, reason="shared seeds not present")
@pytest.mark.parametrize("path", SEEDS, ids=[p.stem[:3] for p in SEEDS])
def test_seed_is_not_a_sanction_report(path: Path) -> None:
    title, _, body = path.read_text(encoding="utf-8").partition("\n")
    finding = detect_sanction(title, body)
    assert finding.report is False, finding.evidence
    assert extract_statements(body, title), "every seed quotes an official"


@pytest.mark.skipif(not CORPUS.exists(), reason="shared development corpus not present")
def test_shared_corpus_meets_targets() -> None:
    items = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    tp = fp = fn = q_tp = q_fp = q_fn = 0
    for it in items:
        report = detect_sanction(it["title"], it["text"]).report
        tp += report and it["sanction_report"]
        fp += report and not it["sanction_report"]
        fn += it["sanction_report"] and not report
        pred = [(s.quote, s.speaker) for s in extract_statements(it["text"], it["title"]) if s.kind == "direct"]
        sc = match_quotes([(s["quote"], s["speaker"]) for s in it["statements"]], pred)
        q_tp, q_fp, q_fn = q_tp + sc.tp, q_fp + sc.fp, q_fn + sc.fn
    p, r, _ = prf(tp, fp, fn)
    assert p >= 0.95 and r >= 0.90, (p, r)
    assert prf(q_tp, q_fp, q_fn)[2] >= 0.93
