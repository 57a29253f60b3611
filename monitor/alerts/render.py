"""Turn an outbox payload into a multipart text+HTML e-mail (Jinja2, autoescaped, safe headers)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import format_datetime
from functools import lru_cache
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from monitor.alerts.i18n import format_wib, labels

# control characters (CR, LF, TAB, NUL ...), DEL, and Unicode line/paragraph separators
_CONTROL = re.compile(r"[\x00-\x1f\x7f\x85\u2028\u2029]+")
_SPACES = re.compile(r"\s{2,}")
SUBJECT_LIMIT = 200


@dataclass(frozen=True)
class Rendered:
    """A rendered message, before addressing."""

    subject: str
    text: str
    html: str


def one_line(value: Any, limit: int = 0) -> str:
    """A value safe for a header or a single text line: no control characters, trimmed."""
    text = "" if value is None else str(value)
    text = _SPACES.sub(" ", _CONTROL.sub(" ", text)).strip()
    if limit and len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return text


def header_value(value: Any, limit: int = SUBJECT_LIMIT) -> str:
    return one_line(value, limit)


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("monitor.alerts", "templates"),
        autoescape=select_autoescape(enabled_extensions=("html",), default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["oneline"] = one_line
    env.filters["bar"] = _bar_width
    env.filters["link"] = safe_link
    return env


def safe_link(value: Any) -> str:
    """Only http(s) links become href targets; anything else (javascript:, data:) becomes '#'."""
    text = one_line(value)
    return text if text.lower().startswith(("http://", "https://")) else "#"


def _bar_width(value: Any, maximum: Any, width: int = 300) -> int:
    """Pixel (or character) width of a chart bar; at least 1 for a non-zero value."""
    try:
        number, top = float(value), float(maximum)
    except (TypeError, ValueError):
        return 0
    if number <= 0 or top <= 0:
        return 0
    return max(1, round(width * number / top))


def _sanction_subject(payload: dict[str, Any], t: dict[str, str]) -> str:
    finding = payload.get("finding") or {}
    subjects = one_line(finding.get("subjects")) or (
        f"{finding['count']} ASN" if finding.get("count") else t["unknown"]
    )
    region = one_line(finding.get("region")) or t["unknown"]
    articles = payload.get("articles") or []
    outlets = []
    for article in articles:
        name = one_line(article.get("outlet_name") or article.get("outlet_key"))
        if name and name not in outlets:
            outlets.append(name)
    outlet = ", ".join(outlets) or t["unknown"]
    return f"[Pantau] {t['sanction_subject']}: {one_line(subjects, 80)} — {one_line(region, 60)} ({outlet})"


def subject_for(kind: str, payload: dict[str, Any], lang: str) -> str:
    t = labels(lang)
    if kind == "sanction":
        subject = _sanction_subject(payload, t)
    elif kind == "digest":
        subject = f"[Pantau] {t['digest_subject']} {one_line(payload.get('date'))}"
    elif kind in ("health", "recovered"):
        subject = f"[Pantau] {t[kind + '_subject']}: {one_line(payload.get('outlet_name') or payload.get('outlet_key'))}"
        if kind == "health" and payload.get("reason"):
            subject += f" — {one_line(payload.get('reason'), 80)}"
    else:
        subject = f"[Pantau] {t['test_subject']}"
    return header_value(subject)


def render(kind: str, payload: dict[str, Any], lang: str = "id") -> Rendered:
    """Render subject, text and HTML for an alert kind (sanction, digest, health, recovered, test)."""
    env = environment()
    template = kind if kind in ("sanction", "digest", "health", "recovered") else "test"
    if template == "recovered":
        template = "health"
    context = {
        "kind": kind,
        "p": payload,
        "t": labels(lang),
        "lang": lang,
        "wib": lambda value: format_wib(value, lang),
    }
    text = env.get_template(f"{template}.txt").render(context)
    html = env.get_template(f"{template}.html").render(context)
    return Rendered(subject_for(kind, payload, lang), text, html)


def build_message(
    rendered: Rendered,
    *,
    sender: str,
    recipients: list[str],
    message_id: str,
    date: datetime | None = None,
    references: str | None = None,
) -> EmailMessage:
    """The multipart/alternative message; every header value is reduced to one safe line."""
    msg = EmailMessage()
    msg["Subject"] = header_value(rendered.subject)
    msg["From"] = header_value(sender, 320)
    if recipients:
        msg["To"] = ", ".join(header_value(r, 320) for r in recipients)
    msg["Date"] = format_datetime(date or datetime.now(UTC))
    msg["Message-ID"] = header_value(message_id, 255)
    if references:
        msg["References"] = header_value(references, 255)
    msg["Auto-Submitted"] = "auto-generated"
    msg["X-Pantau"] = "alert"
    msg.set_content(rendered.text, subtype="plain", charset="utf-8")
    msg.add_alternative(rendered.html, subtype="html", charset="utf-8")
    return msg
