"""Throughput of the text judgements (relevance + statements + sanction, via analyze_text) on one core.

Run: .venv/bin/python bench/analysis_speed.py [--articles 1000] [--shared]
The articles are our own labelled texts (tests/data/labelled/), or the shared corpus with --shared, cycled;
per-phrase caches are cleared before every article so that a repeated text is not answered from cache
(word-level caches stay warm, as they would in a long-running worker). Target: >= 500 articles/s.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from monitor.analyze import analyze_text  # noqa: E402
from monitor.text.names import clear_phrase_caches  # noqa: E402

TARGET = 500.0
IDLE_REFERENCE = 0.2


def corpus(n: int, shared: bool = False) -> list[tuple[str | None, str]]:
    items: list[tuple[str | None, str]] = []
    env = os.environ.get("PANTAU_SHARED_DIR")
    paths = (
        [(Path(env) if env else ROOT.parent / "shared") / "corpus/dev.jsonl"]
        if shared
        else [ROOT / "tests/data/labelled" / name for name in ("dev.jsonl", "dev_b.jsonl")]
    )
    for path in paths:
        with path.open(encoding="utf-8") as fh:
            items += [(d.get("title"), d["text"]) for d in map(json.loads, fh) if d]
    out: list[tuple[str | None, str]] = []
    for i in range(n):
        title, text = items[i % len(items)]
        out.append((title, f"{text}\n(Artikel {i})"))
    return out


def reference_loop() -> float:
    """CPU seconds for a fixed 5M-step Python loop (about 0.2 s on an idle modern core): shows how much a
    busy or slow machine inflates the figures."""
    start = time.process_time()
    x = 0
    for i in range(5_000_000):
        x += i
    return time.process_time() - start


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--shared", action="store_true", help="use the longer shared corpus texts (when present)")
    args = ap.parse_args(argv)
    docs = corpus(args.articles, args.shared)
    for title, text in docs[:20]:  # warm up regex compilation and imports
        analyze_text(title, text)
    ref_before = reference_loop()
    start, cpu_start = time.perf_counter(), time.process_time()
    for title, text in docs:
        clear_phrase_caches()
        analyze_text(title, text)
    elapsed = time.perf_counter() - start
    cpu = time.process_time() - cpu_start
    chars = sum(len(t) for _, t in docs) / len(docs)
    # CPU time is what one core spends; wall time also counts waiting for a busy machine
    print(f"{len(docs)} articles (mean {chars:.0f} chars): {len(docs) / cpu:.0f} articles per CPU-second, "
          f"{len(docs) / elapsed:.0f} articles/s wall clock ({elapsed:.2f} s) (target >= {TARGET:.0f})")
    ref = (ref_before + reference_loop()) / 2
    print(f"reference loop: {ref:.3f} CPU-s (about {IDLE_REFERENCE} on an idle modern core); normalised to that: "
          f"~{len(docs) / cpu * ref / IDLE_REFERENCE:.0f} articles/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
