"""Decisions, quotes and speakers on our own labelled articles (dev split tuned on, test split held out)."""

from __future__ import annotations

from typing import Any

import pytest

from monitor.text.relevance import is_relevant
from monitor.text.sanctions import detect_sanction
from monitor.text.scoring import match_quotes, same_speaker
from monitor.text.statements import extract_statements
from tests.text.helpers import LABELLED, labelled

# Items the rules get wrong, kept as strict xfails so that the figures stay honest and a later fix is noticed.
# dev/dev_b/dev_c were used while writing the rules; heldout was written separately and is never tuned on.
SANCTION_MISSES: dict[str, str] = {
    "V27": "'harus menerima pemotongan tunjangan' is read as an obligation and 'hukuman disiplin tingkat sedang itu "
           "dijatuhkan' as a rule explanation ('tingkat sedang'): a tunjangan cut is missed",
    "V38": "a rule explainer's 'Sanksi ini diumumkan secara tertutup atau terbuka' is read as an announced sanction",
    "X8": "'dijatuhi hukuman disiplin tingkat sedang berupa penundaan ...' is read as a rule explanation ('tingkat "
          "sedang', as in V27) and 'merupakan tindak lanjut rekomendasi KASN' is not read as a recommendation",
    "X31": "'Sebanyak 41 ASN di Provinsi ... dijatuhi hukuman disiplin' is judged a case, not an aggregate",
}
# V31 (held out) was fixed later by a rule written for a dev_f example.
QUOTE_MISSES: dict[str, str] = {
    "X11": "'Penjabat Bupati Lembah Sari Hendra Gunawan Lubis': the place's last word is read into the name",
    "X14": "'Gubernur Kalimantan Tenggara, H. Abdul Gafur Maulana': the province is taken for the governor's name",
    "X43": "'... Kalimantan Tenggara, ...': the province is taken for the speaker's name, as in X14",
}
SPLITS = ("dev", "dev_b", "dev_c", "dev_d", "dev_e", "dev_f", "heldout", "heldout_c")
ALL = [it for split in SPLITS if (LABELLED / f"{split}.jsonl").exists() for it in labelled(split)]


def _params(misses: dict[str, str]) -> list[Any]:
    return [
        pytest.param(it, id=it["id"], marks=[pytest.mark.xfail(strict=True, reason=misses[it["id"]])])
        if it["id"] in misses
        else pytest.param(it, id=it["id"])
        for it in ALL
    ]


@pytest.mark.parametrize("item", _params(SANCTION_MISSES))
def test_sanction_decision(item: dict[str, Any]) -> None:
    finding = detect_sanction(item["title"], item["text"])
    assert finding.report == item["sanction_report"], finding.evidence
    if finding.report:
        assert finding.evidence
        assert finding.kind == item["sanction"]["kind"]


@pytest.mark.parametrize("item", _params({}))
def test_topic(item: dict[str, Any]) -> None:
    assert is_relevant(item["title"], item["text"]) == item["topic_relevant"]


@pytest.mark.parametrize("item", _params(QUOTE_MISSES))
def test_quotes_and_speakers(item: dict[str, Any]) -> None:
    gold = [(s["quote"], s["speaker"]) for s in item["statements"]]
    # as written, and as the crawler stores bodies: paragraphs joined with blank lines
    joined = "\n\n".join(line for line in item["text"].split("\n") if line.strip())
    for text in (item["text"], joined):
        pred = [s for s in extract_statements(text, item["title"]) if s.kind == "direct"]
        score = match_quotes(gold, [(s.quote, s.speaker) for s in pred])
        assert (score.fn, score.fp) == (0, 0), [s.quote for s in pred]
        for g, p in score.pairs:
            assert same_speaker(pred[p].speaker, gold[g][1]), (pred[p].speaker, gold[g][1])
            assert pred[p].verb == item["statements"][g]["verb"]
