"""Accuracy of the text judgements on labelled articles: sanction, topic, quotes, speakers, stories.

Run: .venv/bin/python bench/accuracy.py [--json out.json] [--verbose] [--replicas]
Sets, one column each: our own labelled articles in tests/data/labelled/ - "own tuned" pools dev, dev_b,
dev_c, dev_d and dev_e, which were used while writing the rules; "own held out" pools heldout and
heldout_b, written apart from the rules and never tuned on - and the shared development corpus
(../shared/corpus/dev.jsonl or $PANTAU_SHARED_DIR/corpus/dev.jsonl) if present. --by-file adds a short
table with each of our files scored on its own.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from monitor.text.relevance import judge_relevance  # noqa: E402
from monitor.text.sanctions import detect_sanction  # noqa: E402
from monitor.text.scoring import group, match_quotes, pairwise, prf, same_speaker  # noqa: E402
from monitor.text.similarity import same_story  # noqa: E402
from monitor.text.statements import extract_statements  # noqa: E402

# the details of a report (labeling.md section 2) other than kind: how many the monitor fills in (not scored for content)
DETAILS = ("subjects", "count", "sanction_type", "violation", "authority", "region")
TARGETS = {"sanction_p": 0.95, "sanction_r": 0.90, "quote_f1": 0.93, "speaker_acc": 0.90, "story_f1": 0.90}


def shared_dir() -> Path:
    env = os.environ.get("PANTAU_SHARED_DIR")
    return Path(env) if env else ROOT.parent / "shared"


def load(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def replica_items(per_outlet: int = 100, seed: int = 5) -> list[dict[str, Any]]:
    """Synthetic articles of the site replicas (crawler.testing), in the labelled-set schema."""
    from datetime import UTC, datetime

    from crawler.testing.corpus import generate_articles

    items: list[dict[str, Any]] = []
    now = datetime(2026, 1, 15, tzinfo=UTC)
    for outlet in ("magelangekspres", "radarmetro", "diksi", "patrolipost", "posjayanews"):
        for n, a in enumerate(generate_articles(outlet, per_outlet, seed=seed, now=now)):
            items.append({
                "id": f"{outlet}-{n}", "title": a.title, "text": "\n\n".join(a.paragraphs),
                "sanction_report": a.expected_sanction_report, "topic_relevant": a.expected_relevant,
                "sanction": None, "event": None,
                "statements": [{"quote": q.quote, "speaker": q.speaker} for q in a.statements],
            })
    return items


def evaluate(items: list[dict[str, Any]], verbose: bool = False) -> dict[str, Any]:
    s_tp = s_fp = s_fn = 0
    t_tp = t_fp = t_fn = 0
    q_tp = q_fp = q_fn = spk_ok = 0
    kind_ok = kind_n = count_ok = count_n = filled = 0
    errors: list[str] = []
    for it in items:
        title, text = it.get("title"), it["text"]
        finding = detect_sanction(title, text)
        gold = bool(it["sanction_report"])
        s_tp += finding.report and gold
        s_fp += finding.report and not gold
        s_fn += gold and not finding.report
        if finding.report != gold:
            errors.append(f"{it['id']}: sanction {finding.report} (gold {gold}) {finding.evidence or ''}"[:240])
        if finding.report and gold and it.get("sanction"):
            kind_n += 1
            kind_ok += finding.kind == it["sanction"].get("kind")
            if it["sanction"].get("count") is not None:
                count_n += 1
                count_ok += finding.count == it["sanction"]["count"]
            filled += sum(getattr(finding, f) is not None for f in DETAILS)
        rel = judge_relevance(title, text).relevant
        topic = bool(it["topic_relevant"])
        t_tp += rel and topic
        t_fp += rel and not topic
        t_fn += topic and not rel
        if rel != topic:
            errors.append(f"{it['id']}: topic {rel} (gold {topic})")
        pred = [(s.quote, s.speaker) for s in extract_statements(text, title) if s.kind == "direct"]
        gold_q = [(s["quote"], s["speaker"]) for s in it["statements"]]
        sc = match_quotes(gold_q, pred)
        q_tp, q_fp, q_fn, spk_ok = q_tp + sc.tp, q_fp + sc.fp, q_fn + sc.fn, spk_ok + sc.speaker_ok
        matched_gold = {g for g, _ in sc.pairs}
        matched_pred = {p for _, p in sc.pairs}
        for g, p in sc.pairs:
            if not same_speaker(pred[p][1], gold_q[g][1]):
                errors.append(f"{it['id']}: speaker {pred[p][1]!r} (gold {gold_q[g][1]!r})")
        errors += [f"{it['id']}: missed quote {q[:60]!r}" for i, (q, _) in enumerate(gold_q) if i not in matched_gold]
        errors += [f"{it['id']}: extra quote {q[:60]!r}" for i, (q, _) in enumerate(pred) if i not in matched_pred]
    if all(it.get("event") for it in items):
        groups = group([it["text"] for it in items], same_story)
        g_tp, g_fp, g_fn = pairwise([it["event"] for it in items], groups)
    else:  # no story keys (the replica corpus): not scored
        g_tp = g_fp = g_fn = 0
    sp, sr, sf = prf(s_tp, s_fp, s_fn)
    tp_, tr, _ = prf(t_tp, t_fp, t_fn)
    qp, qr, qf = prf(q_tp, q_fp, q_fn)
    gp, gr, gf = prf(g_tp, g_fp, g_fn)
    if verbose:
        for e in errors:
            print("   ", e)
    return {
        "items": len(items),
        "sanction_positives": sum(bool(it["sanction_report"]) for it in items),
        "sanction_p": sp, "sanction_r": sr, "sanction_f1": sf,
        "topic_p": tp_, "topic_r": tr,
        "quotes": q_tp + q_fn,
        "quote_p": qp, "quote_r": qr, "quote_f1": qf,
        "speaker_acc": spk_ok / q_tp if q_tp else 1.0,
        "kind_acc": kind_ok / kind_n if kind_n else 1.0,
        "count_acc": count_ok / count_n if count_n else 1.0,
        "details_filled": filled / (kind_n * len(DETAILS)) if kind_n else 1.0,
        "story_pairs": g_tp + g_fn,
        "story_p": gp, "story_r": gr, "story_f1": gf,
        "errors": errors,
    }


ROWS = [
    ("items", "articles", "{:d}"), ("sanction_positives", "sanction reports", "{:d}"),
    ("sanction_p", "sanction precision", "{:.3f}"), ("sanction_r", "sanction recall", "{:.3f}"),
    ("sanction_f1", "sanction F1", "{:.3f}"), ("kind_acc", "case/aggregate accuracy", "{:.3f}"),
    ("count_acc", "count exact (when stated)", "{:.3f}"), ("details_filled", "details found", "{:.3f}"),
    ("topic_p", "topic precision", "{:.3f}"), ("topic_r", "topic recall", "{:.3f}"),
    ("quotes", "direct quotes", "{:d}"), ("quote_p", "quote precision", "{:.3f}"),
    ("quote_r", "quote recall", "{:.3f}"), ("quote_f1", "quote F1", "{:.3f}"),
    ("speaker_acc", "speaker accuracy", "{:.3f}"), ("story_pairs", "same-story pairs", "{:d}"),
    ("story_f1", "story pairwise F1", "{:.3f}"),
]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    ap.add_argument("--verbose", action="store_true", help="list every error")
    ap.add_argument("--by-file", action="store_true", help="also score each of our labelled files on its own")
    ap.add_argument("--replicas", action="store_true",
                    help="also score 500 synthetic articles of the site replicas (crawler.testing; distinct events)")
    args = ap.parse_args(argv)
    own = ROOT / "tests/data/labelled"
    sets: dict[str, list[Path]] = {
        "own tuned": [own / f"{name}.jsonl" for name in ("dev", "dev_b", "dev_c", "dev_d", "dev_e", "dev_f")],
        "own held out": [own / "heldout.jsonl", own / "heldout_c.jsonl"],
        "shared corpus": [shared_dir() / "corpus/dev.jsonl"],
    }
    results: dict[str, dict[str, Any]] = {}
    for name, paths in sets.items():
        found = [p for p in paths if p.exists()]
        if not found:
            print(f"(skipping {name}: {', '.join(p.name for p in paths)} not found)")
            continue
        if args.verbose:
            print(f"== {name}")
        results[name] = evaluate([it for p in found for it in load(p)], args.verbose)
    if args.replicas:
        if args.verbose:
            print("== replica corpus")
        results["replica corpus"] = evaluate(replica_items(), args.verbose)
    names = list(results)
    width = max(len(n) for n in names) if names else 10
    print(f"{'metric':<26}" + "".join(f"{n:>{width + 2}}" for n in names) + "   target")
    for key, label, fmt in ROWS:
        cells = "".join(
            f"{'n/a' if key == 'story_f1' and not results[n]['story_pairs'] else fmt.format(results[n][key]):>{width + 2}}"
            for n in names
        )
        target = f"   >= {TARGETS[key]:.2f}" if key in TARGETS else ""
        print(f"{label:<26}{cells}{target}")
    if args.by_file:
        print(f"\n{'file':<18}{'items':>6}{'reports':>8}{'sanction P':>11}{'sanction R':>11}{'speaker':>9}{'story F1':>9}")
        for path in sorted(own.glob("*.jsonl")):
            r = evaluate(load(path))
            story = f"{r['story_f1']:.3f}" if r["story_pairs"] else "n/a"
            print(f"{path.name:<18}{r['items']:>6}{r['sanction_positives']:>8}{r['sanction_p']:>11.3f}"
                  f"{r['sanction_r']:>11.3f}{r['speaker_acc']:>9.3f}{story:>9}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
