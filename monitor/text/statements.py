"""Who said what: direct quotations with their speaker, role and reporting verb (labeling.md §3)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from monitor.text.lexicon import PLACES, REPORT_VERBS, ROLE_HEADS, SPEECH_VERB_SET, SPEECH_VERBS
from monitor.text.names import Ref, is_short_of, mentions, normalise_name, parse_after, parse_before
from monitor.text.quotes import QuoteSpan, scan_quotes
from monitor.text.sentences import sentence_spans

MAX_TEXT = 100_000  # longer input is cut: no real article is this long
MAX_QUOTES = 300
MAX_MENTIONS = 3000

_RV = "|".join(sorted(set(REPORT_VERBS), key=len, reverse=True))
_SV = "|".join(sorted(set(SPEECH_VERBS), key=len, reverse=True))
_AFTER = re.compile(rf"^[\s,.;:]*(?P<verb>(?:{_RV})(?:nya)?|{_SV})(?![\w-])(?P<rest>.*)", re.S | re.I)
_INLINE = re.compile(rf",\s*(?P<verb>(?:{_RV})(?:nya)?)(?![\w-])(?P<rest>.*)$", re.S)
_REPORT_SET = frozenset(REPORT_VERBS)
_ME_BE = re.compile(r"(?<![\w-])(?:me|be)[\w-]+")
_BEFORE_KATA = re.compile(r"(?:^|[.!?]\s+)(?:Kata|Ujar|Menurut)\s+(?P<rest>[^,.:]{2,80})[,:]\s*$", re.S)
_FOLLOW = re.compile(
    r"^[\s,.]*(?:Demikian|Begitu|Hal\s+(?:itu|tersebut|ini|senada))\s+(?:(?:juga|pula)\s+)?"
    r"(?P<verb>di\w+|kata|ujar|ungkap|jelas|tegas)\s+(?:oleh\s+)?(?P<rest>.*)",
    re.S,
)
_INDIRECT = re.compile(
    r"(?<![\w-])(?:[Kk]ata|[Uu]jar|[Ll]anjut|[Ss]ambung|[Tt]ambah|[Ii]mbuh|[Mm]enurut|"
    r"disampaikan|dikatakan|diungkapkan|ditegaskan|dijelaskan)\s+(?=[A-Z])"
)
_INDIRECT_KEYS = ("kata", "ujar", "lanjut", "sambung", "tambah", "imbuh", "menurut", "disampaikan", "dikatakan",
                  "diungkapkan", "ditegaskan", "dijelaskan")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


@dataclass(frozen=True, slots=True)
class Statement:
    """A quotation and who said it."""

    quote: str
    speaker: str | None
    role: str | None
    verb: str | None
    kind: str = "direct"  # direct | indirect


@dataclass(frozen=True, slots=True)
class _Mention:
    pos: int
    name: str
    role: str | None
    tier: int  # 1 speaking, 2 named with role, 3 plain


@dataclass(frozen=True, slots=True)
class _Attr:
    ref: Ref | None
    verb: str | None


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
        out.append(line)
        if n >= 6 or line.rstrip().endswith((".", "!", "?")) or (n > 0 and not line.strip()):
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


def _indirect(sent: str) -> list[tuple[int, int]]:
    """Spans of 'kata', 'ujar', 'menurut', 'disampaikan' ... followed by a capitalised word."""
    low = sent.lower()
    if not any(k in low for k in _INDIRECT_KEYS):
        return []
    return [(m.start(), m.end()) for m in _INDIRECT.finditer(sent)]


def _first_speech_verb(sent: str) -> re.Match[str] | None:
    for m in _ME_BE.finditer(sent):
        if m.group(0) in SPEECH_VERB_SET:
            return m
    return None


def _attribution(text: str, sp: QuoteSpan) -> _Attr | None:
    quote_text = sp.text
    after = _after_text(text, sp.close_pos) if sp.closed else ""
    m = _AFTER.match(after) if after else None
    comma = quote_text.rstrip().endswith(",") or after.lstrip().startswith(",")
    if m and (m.group("verb")[0].islower() or comma):
        verb = m.group("verb")
        if verb.lower().endswith("nya") and verb.lower() not in ("tanya",):
            return _Attr(Ref(None, None, pronoun=True), verb)
        ref = parse_after(m.group("rest"))
        return _Attr(ref or Ref(None, None, pronoun=True), verb)
    if comma and after and after.lstrip(" ,")[:1].isupper():
        ref = parse_after(after.lstrip(" ,"))
        if ref is not None and ref.name:
            return _Attr(ref, None)
    line_prefix = text[sp.line_start : sp.open_pos] if sp.opened else ""
    if line_prefix.strip():
        b = _verb_at_end(line_prefix[-300:])
        if b:
            verb = b[1]
            if verb.lower().endswith("nya") and verb not in SPEECH_VERBS:
                return _Attr(Ref(None, None, pronoun=True), verb)
            ref = parse_before(b[0])
            return _Attr(ref or Ref(None, None, pronoun=True), verb)
        k = _BEFORE_KATA.search(line_prefix[-120:])
        if k:
            ref = parse_after(k.group("rest"))
            if ref is not None:
                return _Attr(ref, None)
    follow = text[sp.close_pos : sp.close_pos + 300] if sp.closed else text[sp.close_pos : sp.close_pos + 301]
    f = _FOLLOW.match(follow)
    if f:
        ref = parse_after(f.group("rest"))
        if ref is not None and (ref.name or ref.role):
            return _Attr(ref, None)
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


def _split_inline(sp: QuoteSpan) -> tuple[str, _Attr] | None:
    """An unclosed quote whose attribution sits inside it: '"Setiap ASN dilarang ..., katanya saat ...'."""
    m = _INLINE.search(sp.text)
    if not m or len(sp.text[: m.start()].split()) < 3:
        return None
    verb = m.group("verb")
    ref = Ref(None, None, pronoun=True) if verb.endswith("nya") else parse_after(m.group("rest"))
    return sp.text[: m.start()], _Attr(ref or Ref(None, None, pronoun=True), verb)


class _People:
    """Everyone the article names, in order, with roles; resolves short names, roles and pronouns."""

    def __init__(self) -> None:
        self.mentions: list[_Mention] = []

    def add(self, pos: int, name: str, role: str | None, tier: int) -> None:
        if len(self.mentions) < MAX_MENTIONS:
            self.mentions.append(_Mention(pos, name, role, tier))

    def full(self, name: str, pos: int) -> str:
        best = name
        best_key = (1, len(name.split()), -(10**9))
        own = normalise_name(name)
        for m in self.mentions:
            if normalise_name(m.name) == own:
                continue
            exact = is_short_of(name, m.name)
            if exact or is_short_of(name, m.name, nickname=True):
                near = -abs(pos - m.pos) if m.pos <= pos else -abs(pos - m.pos) - 10**6
                key = (2 if exact else 1, len(m.name.split()), near)
                if key > best_key:
                    best, best_key = m.name, key
        return best

    def role_of(self, name: str) -> str | None:
        for m in self.mentions:
            if m.role and (m.name == name or is_short_of(m.name, name)):
                return m.role
        return None

    def by_role(self, role: str, pos: int) -> str | None:
        head = role.split()[0].lower()
        found = [m for m in self.mentions if m.role and head in m.role.lower()]
        before = [m for m in found if m.pos <= pos]
        pick = before[-1] if before else (found[0] if found else None)
        return self.full(pick.name, pick.pos) if pick else None

    def last_speaker(self, pos: int) -> str | None:
        for tiers in ((1,), (2, 3)):
            best: _Mention | None = None
            for m in self.mentions:
                if m.pos < pos and m.tier in tiers and (best is None or m.pos > best.pos):
                    best = m
            if best is not None:
                return self.full(best.name, best.pos)
        return None


def _collect_people(masked: str, people: _People) -> None:
    for s, e in sentence_spans(masked):
        sent = masked[s:e]
        if not sent.strip():
            continue
        vm = _first_speech_verb(sent)
        ref = parse_before(sent[: vm.start()]) if vm is not None else None
        if vm is not None and ref is not None and not ref.pronoun:
            if ref.name:
                people.add(s + vm.start(), ref.name, ref.role, 1)
            elif ref.role:
                holder = people.by_role(ref.role, s + vm.start())
                if holder:
                    people.add(s + vm.start(), holder, None, 1)
        for start, end in _indirect(sent):
            ref = parse_after(sent[end : end + 160])
            if ref is not None and ref.name:
                people.add(s + start, ref.name, ref.role, 1)
        for name, role in mentions(sent):
            idx = max(sent.find(name.split()[0]), 0)
            if len(name.split()) >= 2 or (role and _role_ends_well(role)):
                people.add(s + idx, name, role, 2 if role else 3)


def _role_ends_well(role: str) -> bool:
    last = role.split()[-1].strip("(),.")
    return last.lower() in ROLE_HEADS or last.lower() in PLACES or (last.isupper() and len(last) >= 2)


def _speaker(people: _People, attr: _Attr, pos: int) -> tuple[str | None, str | None]:
    ref = attr.ref
    if ref is None or ref.pronoun:
        name = people.last_speaker(pos)
        return name, people.role_of(name) if name else None
    if ref.name:
        full = people.full(ref.name, pos)
        return full, ref.role or people.role_of(full)
    if ref.role:
        holder = people.by_role(ref.role, pos) or people.last_speaker(pos)
        return holder, (people.role_of(holder) if holder else None) or ref.role
    name = people.last_speaker(pos)
    return name, people.role_of(name) if name else None


def _clean_quote(q: str) -> str:
    q = q.strip()
    q = re.sub(r"[\s,]+$", "", q)
    return q.strip()


def extract_statements(text: str, title: str | None = None) -> list[Statement]:
    """Direct quotations in `text` with speaker (fullest name), role and reporting verb."""
    del title  # headlines carry no attributions worth extracting
    text = (text or "")[:MAX_TEXT].replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub(" ", text)
    spans = scan_quotes(text)[:MAX_QUOTES]
    masked = _mask(text, spans)
    people = _People()
    _collect_people(masked, people)
    found: list[tuple[QuoteSpan, str, _Attr | None]] = []
    for sp in spans:
        attr = _attribution(text, sp)
        quote = sp.text
        if attr is None and not sp.closed:
            split = _split_inline(sp)
            if split:
                quote, attr = split
        found.append((sp, quote, attr))
        if attr is not None and attr.ref is not None and attr.ref.name:
            people.add(sp.open_pos, attr.ref.name, attr.ref.role, 1)
    out: list[Statement] = []
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
        speaker, role = _speaker(people, attr, sp.open_pos)
        if speaker:
            people.add(sp.open_pos + 1, speaker, role, 1)
        out.append(Statement(joined, speaker, role, attr.verb, "direct"))
    return out
