"""Who said what: direct quotations with their speaker, role and reporting verb (labeling.md §3)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from monitor.text.lexicon import REPORT_VERBS, SPEECH_VERB_SET, SPEECH_VERBS
from monitor.text.names import Ref, parse_after, parse_before
from monitor.text.people import People, collect_people
from monitor.text.quotes import QUOTE_MARKS, QuoteSpan, scan_quotes
from monitor.text.sentences import sentence_spans
from monitor.text.speakers import (
    INITIALS,
    Attr,
    by_initials,
    opens_sentence,
    paragraph_subject,
    previous_paragraph,
    resolve_speaker,
)

MAX_TEXT = 100_000  # longer input is cut: no real article is this long
MAX_QUOTES = 300

_RV = "|".join(sorted(set(REPORT_VERBS), key=len, reverse=True))
_SV = "|".join(sorted(set(SPEECH_VERBS), key=len, reverse=True))
_AFTER = re.compile(rf"^[\s,.;:]*(?P<verb>(?:{_RV})(?:nya)?|{_SV})(?![\w-])(?P<rest>.*)", re.S | re.I)
_INLINE = re.compile(rf",\s*(?P<verb>(?:{_RV})(?:nya)?)(?![\w-])(?P<rest>.*)$", re.S)
_REPORT_SET = frozenset(REPORT_VERBS)
_BEFORE_KATA = re.compile(r"(?:^|[.!?]\s+)(?P<verb>Kata|Ujar|Menurut)\s+(?P<rest>[^,.:]{2,80})[,:]\s*$", re.S)
# the attribution as the next sentence: '"...." Dimas, perwakilan KASN, mengatakan hal itu saat ...'
_NEXT_SAID = re.compile(
    rf"^[\s,.]*(?P<who>[A-Z][^.!?\n\"“”]{{1,120}}?)\s+(?P<verb>{_SV}|berkata)\s+"
    r"(?:hal\s+(?:itu|tersebut|ini)|demikian|begitu|itu)\b",
)
_FOLLOW = re.compile(
    r"^[\s,.]*(?:Demikian|Begitu|Hal\s+(?:itu|tersebut|ini|senada))\s+(?:(?:juga|pula)\s+)?"
    r"(?P<verb>di\w+|kata|ujar|ungkap|jelas|tegas)\s+(?:oleh\s+)?(?P<rest>.*)",
    re.S,
)
_MENURUT = re.compile(
    r"^\s*(?:(?:Sementara itu|Namun|Adapun|Lebih lanjut),?\s+)?(?P<verb>Menurut)(?:nya|\s+(?P<who>[^,\n]{2,90})),"
    r"\s*(?P<said>[^\n]{12,})$",
    re.S,
)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


@dataclass(frozen=True, slots=True)
class Statement:
    """A quotation and who said it."""

    quote: str
    speaker: str | None
    role: str | None
    verb: str | None
    kind: str = "direct"  # direct | indirect


_NOT_NEWLINE = re.compile(r"[^\n]")
_READ_ALSO = re.compile(r"^[ \t]*(?:baca juga|bacaan lainnya|baca selanjutnya|baca:)[^\n]*", re.I | re.M)


def _mask(text: str, spans: list[QuoteSpan]) -> str:
    """The text with read-also lines and quotation contents blanked (same length, newlines kept)."""
    text = _READ_ALSO.sub(lambda m: " " * len(m.group(0)), text)
    pieces: list[str] = []
    pos = 0
    for sp in spans:
        a, b = max(sp.open_pos, pos), min(len(text), sp.close_pos)
        if b <= a:
            continue
        pieces.append(text[pos:a])
        pieces.append(_NOT_NEWLINE.sub(" ", text[a:b]))
        pos = b
    pieces.append(text[pos:])
    return "".join(pieces)


def _after_text(text: str, pos: int) -> str:
    """Text after a closing mark, across soft line breaks, as one line."""
    chunk = text[pos : pos + 400]
    out: list[str] = []
    for n, line in enumerate(chunk.split("\n")):
        if not line.strip():
            continue  # paragraphs joined with blank lines: keep reading until the sentence ends
        if n > 0 and line.lstrip()[:1] in QUOTE_MARKS:
            break
        out.append(line)
        if n >= 12 or line.rstrip().endswith((".", "!", "?")):
            break
    return " ".join(" ".join(out).split())


def _verb_at_end(prefix: str) -> tuple[str, str] | None:
    """'Aziz mengatakan, ' -> ('Aziz ', 'mengatakan'): a speech verb ending the text before a quote."""
    body = prefix.rstrip().rstrip(",:").rstrip()
    if body.lower().endswith(" bahwa"):
        body = body[:-6].rstrip()
    cut = max(body.rfind(" "), body.rfind("\n"))
    word = body[cut + 1 :]
    low = word.lower()
    if low in SPEECH_VERB_SET or (low.endswith("nya") and low[:-3] in _REPORT_SET):
        return body[: cut + 1], word
    return None


def _attribution(text: str, sp: QuoteSpan) -> Attr | None:
    quote_text = sp.text
    after = _after_text(text, sp.close_pos) if sp.closed else ""
    m = _AFTER.match(after) if after else None
    comma = quote_text.rstrip().endswith(",") or after.lstrip().startswith(",")
    if m and (m.group("verb")[0].islower() or comma):
        verb = m.group("verb")
        if verb.lower().endswith("nya") and verb.lower() not in ("tanya",):
            return Attr(Ref(None, None, pronoun=True), verb)
        ref = parse_after(m.group("rest"))
        return Attr(ref or Ref(None, None, pronoun=True), verb)
    if comma and after and after.lstrip(" ,")[:1].isupper():
        ref = parse_after(after.lstrip(" ,"))
        if ref is not None and ref.name:
            return Attr(ref, None)
    line_prefix = text[sp.line_start : sp.open_pos] if sp.opened else ""
    if line_prefix.strip():
        b = _verb_at_end(line_prefix[-300:])
        if b:
            verb = b[1]
            if verb.lower().endswith("nya") and verb not in SPEECH_VERBS:
                return Attr(Ref(None, None, pronoun=True), verb)
            ref = parse_before(b[0])
            return Attr(ref or Ref(None, None, pronoun=True), verb)
        k = _BEFORE_KATA.search(line_prefix[-120:])
        if k:
            ref = parse_after(k.group("rest"))
            if ref is not None:
                return Attr(ref, k.group("verb"))
    follow = text[sp.close_pos : sp.close_pos + 300] if sp.closed else text[sp.close_pos : sp.close_pos + 301]
    f = _FOLLOW.match(follow)
    if f:
        ref = parse_after(f.group("rest"))
        if ref is not None and (ref.name or ref.role):
            return Attr(ref, f.group("verb"))
    n = _NEXT_SAID.match(follow)
    if n:
        ref = parse_before(n.group("who") + " ")
        if ref is not None and (ref.name or ref.role):
            return Attr(ref, n.group("verb"))
    return None


def _gap_sep(text: str, sp: QuoteSpan) -> str:
    """The punctuation closing the attribution after a quote (',' for a broken sentence, '.' otherwise)."""
    rest = text[sp.close_pos : sp.close_pos + 160].split("\n")[0]
    m = re.search(r"[,.]\s*[\"“”]", rest)
    return m.group(0)[0] if m else ","


def _interrupted(text: str, first: QuoteSpan, second: QuoteSpan) -> bool:
    """'"Part one," kata Budi, "part two."': one statement broken by its attribution."""
    if not first.closed or not second.opened:
        return False
    gap = text[first.close_pos : second.open_pos]
    return "\n" not in gap and len(gap) < 160 and gap.rstrip().endswith((",", ".")) and bool(_AFTER.match(gap))


def _split_inline(sp: QuoteSpan) -> tuple[str, Attr] | None:
    """An unclosed quote whose attribution sits inside it: '"Setiap ASN dilarang ..., katanya saat ...'."""
    m = _INLINE.search(sp.text)
    if not m or len(sp.text[: m.start()].split()) < 3:
        return None
    verb = m.group("verb")
    ref = Ref(None, None, pronoun=True) if verb.endswith("nya") else parse_after(m.group("rest"))
    return sp.text[: m.start()], Attr(ref or Ref(None, None, pronoun=True), verb)


def _clean_quote(q: str) -> str:
    q = q.strip()
    q = re.sub(r"[\s,]+$", "", q)
    return q.strip()


def extract_statements(text: str, title: str | None = None) -> list[Statement]:
    """Quotations in `text` with speaker (fullest name), role and reporting verb, in reading order.

    Direct quotations have kind 'direct'; reported speech opened by "Menurut X, ..." has kind 'indirect'.
    """
    del title  # headlines carry no attributions worth extracting
    text = (text or "")[:MAX_TEXT].replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub(" ", text)
    spans = scan_quotes(text)[:MAX_QUOTES]
    masked = _mask(text, spans)
    people = People()
    collect_people(masked, people)
    found: list[tuple[QuoteSpan, str, Attr | None]] = []
    initials = set(INITIALS.findall(masked)) if "nisial" in masked else set()
    for sp in spans:
        attr = _attribution(text, sp)
        if initials and attr is not None and attr.verb:
            attr = by_initials(text, sp, attr, initials)
        quote = sp.text
        if attr is None and not sp.closed:
            split = _split_inline(sp)
            if split:
                quote, attr = split
        found.append((sp, quote, attr))
        if attr is not None and attr.ref is not None and attr.ref.name:
            people.add(sp.open_pos, attr.ref.name, attr.ref.role, 1)
    out: list[tuple[int, Statement]] = []
    pending: list[str] = []
    prev_close = -1
    skip: set[int] = set()
    for n, (sp, quote, attr) in enumerate(found):
        if n in skip:
            continue
        if attr is None:
            if sp.closed and sp.whole_paragraph:
                if pending and not text[prev_close:sp.open_pos].strip():
                    pending.append(quote)
                else:
                    pending = [quote]
                prev_close = sp.close_pos
            else:
                pending = []
            continue
        parts = [quote]
        if pending and sp.whole_paragraph and not text[prev_close : sp.open_pos].strip():
            parts = [*pending, quote]
        pending = []
        joined = "\n".join(_clean_quote(p) for p in parts if _clean_quote(p))
        if n + 1 < len(found) and _interrupted(text, sp, found[n + 1][0]):
            head = joined if joined.endswith((".", "!", "?")) or _gap_sep(text, sp) == "," else f"{joined}."
            joined = f"{head} {_clean_quote(found[n + 1][1])}".strip()
            skip.add(n + 1)
        if len(joined.split()) < 2:
            continue
        pronoun = attr.ref is None or attr.ref.pronoun
        # -nya after a quote opening its paragraph: the subject of the paragraph before, if nobody spoke there
        start = previous_paragraph(masked, sp.line_start) if sp.whole_paragraph else sp.line_start
        subject = paragraph_subject(masked, people, start, sp.open_pos, initials) \
            if pronoun and 0 <= start < sp.open_pos and opens_sentence(text, start) else None
        speaker, role = resolve_speaker(people, attr, sp.open_pos, subject)
        if speaker:
            people.add(sp.open_pos + 1, speaker, role, 1)
        out.append((sp.open_pos, Statement(joined, speaker, role, attr.verb, "direct")))
    out += _indirect_statements(masked, people)
    return [st for _, st in sorted(out, key=lambda x: x[0])]


def _indirect_statements(masked: str, people: People) -> list[tuple[int, Statement]]:
    """Reported speech opened by 'Menurut X, ...' (kind 'indirect'; quotations are blanked in `masked`)."""
    if "enurut" not in masked:
        return []
    out: list[tuple[int, Statement]] = []
    for s, e in sentence_spans(masked):
        m = _MENURUT.match(masked[s:e].strip())
        if m is None or "   " in m.group("said"):
            continue
        said = m.group("said").strip().rstrip(".").strip()
        who = m.group("who")
        ref = parse_after(who) if who else Ref(None, None, pronoun=True)
        if ref is None or (not ref.name and not ref.role and not ref.pronoun):
            continue
        speaker, role = resolve_speaker(people, Attr(ref, "menurut"), s)
        if speaker and len(said.split()) >= 3:
            out.append((s, Statement(said, speaker, role, m.group("verb"), "indirect")))
    return out
