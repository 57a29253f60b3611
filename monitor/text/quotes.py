"""Find quotation spans in news text, tolerating missing, mismatched and repeated quote marks."""

from __future__ import annotations

import re
from dataclasses import dataclass

from monitor.text.lexicon import TERMINAL_PUNCT

QUOTE_MARKS = frozenset('"“”„‟″')
_MARK_RE = re.compile('["“”„‟″]')
_MAX_CARRY_LINES = 8
_MAX_QUOTE_CHARS = 6000


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """One quotation: its text parts (one per paragraph), where its marks are, how it ended."""

    parts: tuple[str, ...]
    open_pos: int  # offset of the opening mark (or of the paragraph start when it is missing)
    close_pos: int  # offset just after the closing mark (or the end of the quote text)
    closed: bool
    opened: bool  # False when the opening mark is missing
    line_start: int  # offset of the paragraph holding the opening mark
    whole_paragraph: bool  # the quote starts its paragraph

    @property
    def text(self) -> str:
        return "\n".join(p.strip() for p in self.parts if p.strip())


def _kind(line: str, i: int) -> str:
    prev = line[i - 1] if i > 0 else " "
    nxt = line[i + 1] if i + 1 < len(line) else " "
    opening = not nxt.isspace() and nxt not in ",.;:!?)" and (not prev.isalnum())
    closing = not prev.isspace() and (nxt.isspace() or nxt in ",.;:!?)-–—" or not nxt.isalnum())
    if opening and not closing:
        return "open"
    if closing and not opening:
        return "close"
    ch = line[i]
    if ch in "“„":
        return "open?"
    if ch == "”":
        return "close?"
    return "either"


def _lines(text: str) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    pos = 0
    for line in text.split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out


def _next_nonempty(lines: list[tuple[int, str]], idx: int) -> int | None:
    for j in range(idx + 1, min(len(lines), idx + 4)):
        if lines[j][1].strip():
            return j
    return None


def scan_quotes(text: str) -> list[QuoteSpan]:
    """All quotation spans in reading order."""
    lines = _lines(text)
    spans: list[QuoteSpan] = []
    cur: dict[str, object] | None = None
    carried = 0
    li = 0
    while li < len(lines):
        base, line = lines[li]
        marks = [m.start() for m in _MARK_RE.finditer(line)] if _MARK_RE.search(line) else []
        seg_start = 0
        if cur is not None:
            lead = len(line) - len(line.lstrip())
            if marks and marks[0] == lead and _kind(line, lead) in ("open", "open?", "either"):
                seg_start = lead + 1
                marks = marks[1:]
        for i in marks:
            kind = _kind(line, i)
            if cur is None:
                if kind in ("close", "close?") and not spans_on_line(spans, base) and len(line[:i].split()) >= 3:
                    spans.append(QuoteSpan((line[:i],), base, base + i + 1, True, False, base, True))
                    continue
                cur = {"parts": [], "open": base + i, "line": base, "whole": not line[:i].strip()}
                seg_start = i + 1
                carried = 0
                continue
            parts = [*cur["parts"], line[seg_start:i]]  # type: ignore[misc]
            spans.append(
                QuoteSpan(tuple(parts), int(cur["open"]), base + i + 1, True, True,  # type: ignore[call-overload]
                          int(cur["line"]), bool(cur["whole"]))  # type: ignore[call-overload]
            )
            cur = None
        if cur is not None:
            part = line[seg_start:]
            parts = [*cur["parts"], part]  # type: ignore[misc]
            nxt = _next_nonempty(lines, li)
            size = sum(len(p) for p in parts)
            can_carry = nxt is not None and carried < _MAX_CARRY_LINES and size < _MAX_QUOTE_CHARS
            if can_carry and nxt is not None:
                nline = lines[nxt][1]
                lead = len(nline) - len(nline.lstrip())
                starts_with_mark = nline[lead:lead + 1] in QUOTE_MARKS and _kind(nline, lead) != "close"
                soft = not line.rstrip().endswith(tuple(TERMINAL_PUNCT)) and not starts_with_mark
                if starts_with_mark or (soft and line.strip()):
                    cur["parts"] = parts
                    carried += 1
                    li = nxt
                    continue
            spans.append(
                QuoteSpan(tuple(parts), int(cur["open"]), base + len(line), False, True,  # type: ignore[call-overload]
                          int(cur["line"]), bool(cur["whole"]))  # type: ignore[call-overload]
            )
            cur = None
        li += 1
    return spans


def spans_on_line(spans: list[QuoteSpan], line_start: int) -> bool:
    return bool(spans) and spans[-1].close_pos > line_start
