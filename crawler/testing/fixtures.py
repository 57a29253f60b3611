"""Write saved-page fixtures (tests/fixtures/<outlet>/<case>/page.html + meta.json) rendered by the replicas."""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from crawler.testing.disway_pages import page_path
from crawler.testing.profiles import OUTLET_KEYS
from crawler.testing.site import ReplicaSite
from crawler.testing.state import Entry

FIXTURE_NOW = datetime(2025, 12, 5, 3, 0, tzinfo=UTC)


def _truth(entry: Entry, page: int) -> dict[str, Any]:
    art = entry.article
    return {
        "title": art.title,
        "published": art.published.isoformat(),
        "authors": list(art.authors),
        "editor": art.editor,
        "category": art.category_name,
        "tags": list(art.tags),
        "page": page,
        "page_count": art.page_count,
        "paragraphs_on_page": list(art.page_paragraphs(page)),
        "expected_relevant": art.expected_relevant,
        "expected_sanction_report": art.expected_sanction_report,
        "statements": [asdict(s) for s in art.statements],
        "sanction": asdict(art.sanction) if art.sanction else None,
    }


def _cases(site: ReplicaSite) -> list[tuple[str, Entry, int, bool]]:
    """(case name, entry, page, amp) for one outlet."""
    entries = site.entries
    single = next(e for e in entries if e.article.page_count == 1 and not e.article.expected_relevant)
    if site.profile.platform == "disway":
        multi = next(e for e in entries if e.article.page_count > 1)
        return [
            ("multipage_p1", multi, 1, False),
            ("multipage_p2", multi, 2, False),
            (f"multipage_p{multi.article.page_count}_last", multi, multi.article.page_count, False)
            if multi.article.page_count > 2 else ("offtopic", single, 1, False),
            ("amp_p1", multi, 1, True),
        ]
    sanction = next(e for e in entries if e.article.expected_sanction_report)
    warning = next(e for e in entries if e.article.kind == "warning")
    return [("sanction", sanction, 1, False), ("warning", warning, 1, False), ("offtopic", single, 1, False)]


def write_fixtures(root: Path, outlets: tuple[str, ...] = OUTLET_KEYS) -> list[Path]:
    """Render the fixture pages with the real outlets' origins; returns the case directories written."""
    written = []
    for key in outlets:
        site = ReplicaSite(key, now=FIXTURE_NOW)
        origin = f"https://{site.profile.domain}"
        for case, entry, page, amp in _cases(site):
            path = page_path(entry, site.profile, page, amp) if site.profile.platform == "disway" else entry.path
            reply = site.render("GET", path, base_url=origin)
            assert reply.status == 200, (key, path, reply.status)
            body = reply.body if isinstance(reply.body, str) else reply.body.decode("utf-8")
            folder = root / key / case
            folder.mkdir(parents=True, exist_ok=True)
            (folder / "page.html").write_text(body, encoding="utf-8")
            meta = {"url": origin + path, "outlet": key, "case": case, "amp": amp,
                    "source": "crawler.testing replica", "truth": _truth(entry, page)}
            (folder / "meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=2) + "\n",
                                              encoding="utf-8")
            written.append(folder)
    return written
