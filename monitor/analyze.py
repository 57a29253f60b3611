"""`pantau analyze`: run the text judgements (relevance, statements, sanction) on one text or file."""

from __future__ import annotations

import logging
from datetime import date, datetime
from pathlib import Path
from typing import Any

from monitor.text.relevance import judge_relevance
from monitor.text.sanctions import detect_sanction
from monitor.text.statements import extract_statements

log = logging.getLogger(__name__)

HTML_SUFFIXES = frozenset((".html", ".htm", ".xhtml"))


def _iso(value: date | datetime | str | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, date | datetime):
        return value.isoformat()
    return str(value) or None


def _as_date(value: date | datetime | str | None) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value.strip()).date()
        except ValueError:
            return None
    return None


def analyze_text(title: str | None, text: str, published: date | datetime | str | None = None) -> dict[str, Any]:
    """All judgements on one article, as a JSON-ready dict."""
    title = (title or "").strip() or None
    text = text or ""
    relevance = judge_relevance(title, text)
    statements = extract_statements(text, title)
    finding = detect_sanction(
        title, text, _as_date(published), relevant=relevance.relevant and relevance.strong
    )
    return {
        "title": title,
        "published": _iso(published),
        "relevant": relevance.relevant,
        "statements": [
            {"quote": s.quote, "speaker": s.speaker, "role": s.role, "verb": s.verb, "kind": s.kind}
            for s in statements
        ],
        "sanction": {
            "report": finding.report,
            "kind": finding.kind,
            "subjects": finding.subjects,
            "count": finding.count,
            "sanction_type": finding.sanction_type,
            "violation": finding.violation,
            "authority": finding.authority,
            "region": finding.region,
            "evidence": finding.evidence,
        },
    }


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8", errors="replace")


def _read_html(html: str, outlet: str | None) -> tuple[str | None, str, datetime | None]:
    try:
        from crawler.extract.article import extract_article
    except ImportError:
        extract_article = None  # type: ignore[assignment]
    if extract_article is not None:
        try:
            rec = extract_article(html, None, outlet)
            return rec.title, "\n\n".join(rec.body_paragraphs), rec.published
        except Exception:  # a broken page must not stop the batch; fall back to the generic reader
            log.warning("article extractor failed; falling back to trafilatura", exc_info=True)
    return _read_html_generic(html)


def _read_html_generic(html: str) -> tuple[str | None, str, datetime | None]:
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    except Exception:
        log.warning("trafilatura could not read the page", exc_info=True)
        doc = None
    if doc is None:
        return None, "", None
    data = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    published: datetime | None = None
    raw = data.get("date")
    if raw:
        try:
            published = datetime.fromisoformat(str(raw))
        except ValueError:
            published = None
    return data.get("title"), data.get("text") or "", published


def analyze_file(path: str | Path, outlet: str | None = None) -> dict[str, Any]:
    """Analyse a saved article: `.txt` (first line = title, may be empty) or `.html` (page extractor)."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as exc:
        log.warning("cannot read %s: %s", p, exc)
        return {"file": str(p), "error": f"cannot read file: {exc.strerror or exc}"}
    content = _decode(data)
    if p.suffix.lower() in HTML_SUFFIXES:
        title, text, published = _read_html(content, outlet)
        result = analyze_text(title, text, published)
    else:
        first, _, rest = content.replace("\r\n", "\n").partition("\n")
        result = analyze_text(first, rest)
    return {"file": str(p), **result}
