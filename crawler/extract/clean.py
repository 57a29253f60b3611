"""Boilerplate out of body paragraphs: datelines, read-more lines, footers, credits, comment blocks."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

_INVISIBLE = re.compile(r"[\u200b-\u200f\u2060\ufeff\u00ad]")

# A paragraph matching one of these is dropped.
_DROP = re.compile(
    r"^\s*(?:"
    r"baca\s+juga\b|baca\s*:|simak\s+juga\b|lihat\s+juga\b|artikel\s+terkait\b|berita\s+terkait\b"
    r"|bacaan\s+lainnya\b|cek\s+berita\s+dan\s+artikel|sumber\s*:|sumber\s+berita\s*:"
    r"|(?:reporter|editor|penulis|pewarta|redaktur|wartawan|penyunting)\s*:"
    r"|(?:foto|photo|ilustrasi)\s*:|dapatkan\s+update\s+berita|ikuti\s+(?:kami|saluran|channel|berita)"
    r"|gabung\s+(?:di\s+)?(?:saluran|channel|grup)|klik\s+(?:di\s*sini|link)|advertisement\b|iklan\b"
    r"|(?:share|bagikan)\s*:?\s*$|tags?\s*:|kategori\s*:|\W*$"
    r")",
    re.IGNORECASE,
)
_WHATSAPP = re.compile(r"whatsapp\s+channel|saluran\s+whatsapp|channel\s+whatsapp|google\s+news", re.I)
# From a paragraph matching one of these on, nothing more is body.
_STOP = re.compile(
    r"^\s*(?:pos\s+terkait|posting\s+komentar|\d+\s+komentar|komentar\b|tinggalkan\s+balasan"
    r"|leave\s+a\s+reply|berita\s+lainnya|related\s+posts?|artikel\s+lainnya|populer\b|terpopuler\b"
    r"|baca\s+berita\s+lainnya)\s*:?\s*$",
    re.IGNORECASE,
)
# Photo credit ending a caption: "... -Istimewa-MAGELANGEKSPRES" / "-FOTO: NAMA/RADAR METRO-".
_CAPTION = re.compile(r"(?:[-–]\s*[A-Za-z][\w .'/]{1,40}\s*[-–]\s*[A-Z][A-Z .]{2,40}\s*[-–]?\s*$)|^foto\s*:", re.I)
# Trailing author credit: "(pp04)", "(maruli/prabu)", "(*)", "(ant/red)".
_CREDIT = re.compile(r"\s*\((\*|[a-z0-9][a-z0-9 .'&-]{0,20}|[A-Za-z][A-Za-z .'-]{0,20}(?:/[A-Za-z][A-Za-z .'-]{0,20})+)\)\s*\.?\s*$")
_REPORTER = re.compile(r"^\s*(?:reporter|penulis|pewarta|wartawan)\s*:\s*(.+?)\s*$", re.I)
_EDITOR = re.compile(r"^\s*(?:editor|redaktur|penyunting)\s*:\s*(.+?)\s*$", re.I)


def normalise(text: str | None) -> str:
    """NFC, no invisible characters, single spaces, stripped."""
    if not text:
        return ""
    text = str(text)
    if not text.isascii():  # ASCII is already NFC and holds no invisible characters
        text = unicodedata.normalize("NFC", text)
        text = _INVISIBLE.sub("", text).replace("\xa0", " ")
    # str.split() splits on exactly the characters `\s` matches in a str pattern
    return " ".join(text.split())


@dataclass(frozen=True)
class CleanBody:
    paragraphs: tuple[str, ...]
    credits: tuple[str, ...]  # names from trailing "(...)" credits
    reporters: tuple[str, ...]  # from "Reporter:" lines inside the body
    editors: tuple[str, ...]


def strip_dateline(paragraph: str, patterns: Sequence[re.Pattern[str]]) -> str:
    for pattern in patterns:
        match = pattern.match(paragraph)
        if match and match.end() < len(paragraph):
            return paragraph[match.end() :].lstrip(" -–—|,")
    return paragraph


def is_caption(paragraph: str) -> bool:
    return len(paragraph) < 300 and bool(_CAPTION.search(paragraph))


def credit_names(code: str) -> tuple[str, ...]:
    """The credit as the outlet prints it: `maruli/prabu` -> ('maruli/prabu',); `*` -> ()."""
    code = code.strip()
    return () if code in ("*", "") else (code,)


def clean_paragraphs(
    raw: Iterable[str], datelines: Sequence[re.Pattern[str]] = (), first_page: bool = True
) -> CleanBody:
    """Drop boilerplate paragraphs, strip the dateline of the first one and the trailing credit."""
    kept: list[str] = []
    reporters: list[str] = []
    editors: list[str] = []
    credits: tuple[str, ...] = ()
    for text in raw:
        paragraph = normalise(text)
        if not paragraph:
            continue
        if _STOP.match(paragraph):
            break
        reporter = _REPORTER.match(paragraph)
        if reporter:
            reporters.append(reporter.group(1))
            continue
        editor = _EDITOR.match(paragraph)
        if editor:
            editors.append(editor.group(1))
            continue
        if _DROP.match(paragraph) or is_caption(paragraph):
            continue
        if _WHATSAPP.search(paragraph) and len(paragraph) < 200:
            continue
        if first_page and not kept:
            paragraph = strip_dateline(paragraph, datelines)
            if not paragraph:
                continue
        kept.append(paragraph)
    if kept:
        match = _CREDIT.search(kept[-1])
        if match:
            credits = credit_names(match.group(1))
            kept[-1] = kept[-1][: match.start()].rstrip()
    return CleanBody(tuple(p for p in kept if p), credits, tuple(reporters), tuple(editors))
