"""The last layer: trafilatura's generic article extraction, guarded so it never raises."""

from __future__ import annotations

import logging
import warnings
from dataclasses import dataclass

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class GenericFields:
    title: str = ""
    date: str = ""
    authors: tuple[str, ...] = ()
    paragraphs: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    category: str = ""


def generic_fields(html: str, url: str | None) -> GenericFields:
    """Fields trafilatura finds on its own; empty when it finds nothing or fails."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            import trafilatura

            doc = trafilatura.bare_extraction(
                html, url=url, with_metadata=True, include_comments=False, include_tables=False,
                favor_precision=True, as_dict=True,
            )  # fmt: skip
    except Exception as exc:  # trafilatura has many internal failure modes on broken HTML
        log.debug("trafilatura failed on %s: %s", url, exc)
        return GenericFields()
    if not isinstance(doc, dict):
        return GenericFields()
    text = str(doc.get("text") or "")
    author = str(doc.get("author") or "")
    return GenericFields(
        title=str(doc.get("title") or ""),
        date=str(doc.get("date") or ""),
        authors=tuple(a.strip() for a in author.split(";") if a.strip()),
        paragraphs=tuple(line for line in text.split("\n") if line.strip()),
        tags=tuple(t.strip() for t in (doc.get("tags") or []) if isinstance(t, str) and t.strip()),
        category=", ".join(c for c in (doc.get("categories") or []) if isinstance(c, str))[:200],
    )
