"""Who is speaking: attributions, paragraph subjects, initials and the people an article names."""

from __future__ import annotations

import re
from dataclasses import dataclass

from monitor.text.names import Ref, name_runs
from monitor.text.people import People
from monitor.text.quotes import QuoteSpan


@dataclass(frozen=True, slots=True)
class Attr:
    """An attribution: who (a name, a role or a pronoun) and the reporting verb."""

    ref: Ref | None
    verb: str | None


# a person named only by initials ("kepala sekolah berinisial ZA"): "kata ZA" names them
INITIALS = re.compile(r"\b(?:berinisial|inisial(?:nya)?)\s+([A-Z]{2,4})\b")


def by_initials(text: str, sp: QuoteSpan, attr: Attr, initials: set[str]) -> Attr:
    """'"...," kata ZA' where the article introduced someone by the initials ZA."""
    after = text[sp.close_pos : sp.close_pos + 80] if sp.closed else ""
    m = re.match(rf"^[\s,.;:]*{re.escape(attr.verb or '')}\s+([A-Z]{{2,4}})\b", after)
    if m and m.group(1) in initials:
        return Attr(Ref(m.group(1), None), attr.verb)
    return attr


_LEAD_IN = re.compile(
    r"^\s*(?:(?:Sementara itu|Sementara|Namun|Adapun|Di sisi lain|Di lain pihak|Terpisah|Secara terpisah|"
    r"Menanggapi hal itu),?\s+"
    # an adverbial opening up to its comma ("Dihubungi terpisah,", "Dalam video tersebut,", "Sambil ... jari,")
    r"|(?:Dalam|Di|Pada|Saat|Ketika|Usai|Seusai|Setelah|Sebelum|Sambil|Selain|Dihubungi|Dikonfirmasi|Ditemui|"
    r"Kepada|Melalui|Lewat)(?:\s+[a-z][\w-]*){0,5},\s+)?"
)


def previous_paragraph(text: str, line_start: int) -> int:
    """Offset of the non-empty paragraph before the one starting at `line_start` (-1 when none)."""
    end = len(text[:line_start].rstrip())
    if end <= 0:
        return -1
    return text.rfind("\n", 0, end) + 1


def opens_sentence(text: str, pos: int) -> bool:
    """Whether a line starting at `pos` starts a sentence (not a hard-wrapped line in mid-sentence)."""
    before = text[:pos].rstrip()
    return not before or before.endswith((".", "!", "?", '"', "”", ")", ":"))


_PRONOUN_OPENERS = frozenset(("ia", "dia", "beliau", "pihaknya", "mereka"))


def paragraph_subject(text: str, people: People, line_start: int, pos: int, initials: set[str]) -> str | None:
    """The person a paragraph opens with, when nobody has been shown speaking in it before the quote.

    'Ramli menyambut baik keputusan itu. "...," ujarnya.': -nya is the paragraph's subject, not the
    previous paragraph's speaker.
    """
    if people.spoke_between(line_start, pos):
        return None
    head = text[line_start:pos][:160]
    lead = _LEAD_IN.match(head)
    head = head[lead.end() if lead else 0 :]
    opening = head.split(None, 1)[0].strip(",") if head.strip() else ""
    if opening in initials:
        return opening  # "Di sisi lain, YH membantah ..."
    if opening.lower() in _PRONOUN_OPENERS:
        return None  # "Ia menambahkan, ...": the last speaker goes on
    for first, _end, name in name_runs(head):
        if first > 6:  # not the paragraph's subject ("Penasihat hukum kedua terdakwa, Bayu ...")
            return None
        full = people.full(name, pos)
        return full if len(full.split()) >= 2 or full != name else None
    return None


def resolve_speaker(people: People, attr: Attr, pos: int, subject: str | None = None) -> tuple[str | None, str | None]:
    """(speaker, role) for an attribution at `pos`: names resolved to their fullest form, pronouns to `subject`
    or the last person shown speaking, roles to whoever holds them."""
    ref = attr.ref
    if ref is None or ref.pronoun:
        name = subject or people.last_speaker(pos)
        return name, people.role_of(name) if name else None
    if ref.name:
        full = people.full(ref.name, pos)
        return full, ref.role or people.role_of(full)
    if ref.role:
        holder = people.by_role(ref.role, pos) or people.last_speaker(pos)
        return holder, (people.role_of(holder) if holder else None) or ref.role
    name = people.last_speaker(pos)
    return name, people.role_of(name) if name else None
