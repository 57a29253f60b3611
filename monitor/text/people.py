"""The people an article names, with roles: resolves short names, role-only references and pronouns."""

from __future__ import annotations

import re
from dataclasses import dataclass

from monitor.text.lexicon import PLACES, ROLE_HEADS, SPEECH_VERB_SET
from monitor.text.names import is_short_of, mentions, normalise_name, parse_after, parse_before
from monitor.text.sentences import sentence_spans

MAX_MENTIONS = 3000
# two capitalised words in a row (a name, or a role then a name): sentences without one name nobody new
_MAYBE_NAME = re.compile(r"[A-Z][\w'’.-]*,?\s+(?:[A-Z]\.?\s+)?[A-Z][a-z]")
_PUNCT = ",.;:!?\"“”'‘’()[]"
_INDIRECT = re.compile(
    r"(?<![\w-])(?:[Kk]ata|[Uu]jar|[Ll]anjut|[Ss]ambung|[Tt]ambah|[Ii]mbuh|[Mm]enurut|"
    r"disampaikan|dikatakan|diungkapkan|ditegaskan|dijelaskan)\s+(?=[A-Z])"
)
_INDIRECT_KEYS = ("kata", "ujar", "lanjut", "sambung", "tambah", "imbuh", "menurut", "disampaikan", "dikatakan",
                  "diungkapkan", "ditegaskan", "dijelaskan")


_SMALL_WORDS = frozenset("di ke dari dan yang untuk soal pada dengan atau agar tak tidak jadi ini itu akan".split())


def is_headline(sent: str) -> bool:
    """A title-case line with no closing stop ("Danrem Minta Prajurit Tak Terpancing"): its capitals name nobody."""
    line = sent.strip()
    if "\n" in line or line.endswith((".", "!", "?", '"', "”", ")")):
        return False
    words = [w for w in line.split() if w[:1].isalpha() and w.lower() not in _SMALL_WORDS]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


@dataclass(frozen=True, slots=True)
class Mention:
    """A person named at a text offset; tier 1 = speaking, 2 = named with a role, 3 = named."""

    pos: int
    name: str
    role: str | None
    tier: int  # 1 speaking, 2 named with role, 3 plain


def _indirect(sent: str) -> list[tuple[int, int]]:
    """Spans of 'kata', 'ujar', 'menurut', 'disampaikan' ... followed by a capitalised word."""
    low = sent.lower()
    if not any(k in low for k in _INDIRECT_KEYS):
        return []
    return [(m.start(), m.end()) for m in _INDIRECT.finditer(sent)]


def _first_speech_verb(sent: str) -> int | None:
    """Offset of the first me-/ber- speech verb in the sentence ("mengatakan", "berharap")."""
    for word in sent.split():
        core = word.strip(_PUNCT)
        if core in SPEECH_VERB_SET:
            m = re.search(rf"(?<![\w-]){re.escape(core)}(?![\w-])", sent)
            return m.start() if m else None
    return None


def _role_ends_well(role: str) -> bool:
    last = role.split()[-1].strip("(),.")
    return last.lower() in ROLE_HEADS or last.lower() in PLACES or (last.isupper() and len(last) >= 2)


class People:
    """Everyone the article names, in order, with roles; resolves short names, roles and pronouns."""

    def __init__(self) -> None:
        self.mentions: list[Mention] = []

    def add(self, pos: int, name: str, role: str | None, tier: int) -> None:
        if len(self.mentions) < MAX_MENTIONS:
            self.mentions.append(Mention(pos, name, role, tier))

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

    def spoke_between(self, start: int, end: int) -> bool:
        """Whether someone is shown speaking between two offsets."""
        return any(start <= m.pos < end and m.tier == 1 for m in self.mentions)

    def last_speaker(self, pos: int) -> str | None:
        for tiers in ((1,), (2, 3)):
            best: Mention | None = None
            for m in self.mentions:
                if m.pos < pos and m.tier in tiers and (best is None or m.pos > best.pos):
                    best = m
            if best is not None:
                return self.full(best.name, best.pos)
        return None


def collect_people(masked: str, people: People) -> None:
    """Add every person the (quote-masked) text names or shows speaking, in reading order."""
    for s, e in sentence_spans(masked):
        sent = masked[s:e]
        if not sent.strip():
            continue
        vm = _first_speech_verb(sent)
        ref = parse_before(sent[:vm]) if vm is not None else None
        if vm is not None and ref is not None and not ref.pronoun:
            if ref.name:
                people.add(s + vm, ref.name, ref.role, 1)
            elif ref.role:
                holder = people.by_role(ref.role, s + vm)
                if holder:
                    people.add(s + vm, holder, None, 1)
        for start, end in _indirect(sent):
            ref = parse_after(sent[end : end + 160])
            if ref is not None and ref.name:
                people.add(s + start, ref.name, ref.role, 1)
        if not _MAYBE_NAME.search(sent) or is_headline(sent):
            continue
        for name, role in mentions(sent):
            idx = max(sent.find(name.split()[0]), 0)
            if len(name.split()) >= 2 or (role and _role_ends_well(role)):
                people.add(s + idx, name, role, 2 if role else 3)
