"""Person names and roles in Indonesian news phrases ("Ketua Bawaslu Kota Metro, Mujib")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from monitor.text.lexicon import (
    DIRECTIONS,
    NAME_ABBREVIATIONS,
    NON_NAME,
    ORG_BEFORE_PLACE,
    PLACE_INTRO,
    PLACES,
    PRONOUNS,
    RANKS,
    ROLE_HEADS,
    TITLES,
)

_DEGREE = re.compile(r"(?<![\w.])[A-Z][a-z]{0,2}\.(?:[A-Z][A-Za-z]{0,4}\.?)+(?!\w)")
_TOKEN = re.compile(r"\w[\w'’\-/]*\.?|[,;:()]|[.!?]")
_DAYS = frozenset(("senin", "selasa", "rabu", "kamis", "jumat", "jum'at", "sabtu", "minggu"))
_CONNECTORS = frozenset(("dan", "serta", "&", "bin", "binti", "van", "de"))
_ADVERBS = frozenset(("juga", "pun", "turut", "kembali", "lalu", "pula", "sudah", "telah", "pun", "sempat",
                      "lantas", "kemudian", "sendiri", "langsung", "justru", "bahkan", "hanya", "secara", "tegas"))
_FUNCTION_WORDS = frozenset(
    "yang juga untuk dengan dalam pada oleh akan telah sudah masih tetap tersebut setempat pusat daerah "
    "sendiri lainnya semua seluruh para pihak bersama saat ketika usai selepas sebelum setelah".split()
)
_PLACE_PREPS = frozenset(("di", "ke", "dari", "menuju", "kawasan", "jalan", "jl", "jl."))
# pe-/ke- ... -an nominalisations ("Penindakan", "Kependudukan") name offices, not people
_NOMINAL = re.compile(r"^(?:pe|ke)[a-z]{3,}an$")
_INITIAL = re.compile(r"^[A-Z]\.?$")
_NAME_WORD = re.compile(r"^[A-Z][a-z'’]+(?:-[A-Za-z]+)*\.?$")


@dataclass(frozen=True, slots=True)
class Ref:
    """A reference to a person: the name as written (titles stripped), their role, or a pronoun."""

    name: str | None
    role: str | None
    pronoun: bool = False


@lru_cache(maxsize=65536)
def _bare(tok: str) -> str:
    return tok.rstrip(".").lower()


@lru_cache(maxsize=65536)
def _is_role_head(tok: str) -> bool:
    return _bare(tok) in ROLE_HEADS


@lru_cache(maxsize=16384)
def is_title(tok: str) -> bool:
    low = tok.lower()
    return low in TITLES or low in RANKS or low.rstrip(".") in TITLES or low.rstrip(".") in RANKS


@lru_cache(maxsize=65536)
def is_name_token(tok: str) -> bool:
    """A capitalised word that can belong to a person's name."""
    if _INITIAL.match(tok):
        return True
    if not _NAME_WORD.match(tok):
        return False
    low = _bare(tok)
    if len(low) >= 7 and low.endswith("nya"):
        return False
    if _NOMINAL.match(low):
        return False
    return not (low in NON_NAME or low in PLACE_INTRO or low in TITLES or low in RANKS or low in PLACES or low in DIRECTIONS)


_SPACE_BEFORE = re.compile(r"\s+([,)])")
_DOTTED = re.compile(r"\w\.\w")
_DOMAIN = re.compile(r"\b[\w-]+(?:\.[\w-]+)*\.(?:com|co\.id|id|net|news|co|org|info|tv)\b", re.I)


def _tokens(phrase: str) -> list[str]:
    return list(_tokens_cached(phrase))


@lru_cache(maxsize=4096)
def _tokens_cached(phrase: str) -> tuple[str, ...]:
    if "." in phrase and _DOTTED.search(phrase):
        phrase = _DEGREE.sub(" ", _DOMAIN.sub(" ", phrase))
    return tuple(_TOKEN.findall(phrase))


def _trim_places(run: list[str], before: str | None) -> list[str]:
    """Drop place names that sit between a role and a name ("Bawaslu Blora Lulus Mariyonan")."""
    out = list(run)
    if before is not None and _bare(before) in PLACE_INTRO and out:
        out = out[1:]
        while out and _bare(out[0]) in DIRECTIONS:
            out = out[1:]
    elif before is not None and _bare(before) in ORG_BEFORE_PLACE and len(out) >= 3:
        out = out[1:]
    while len(out) >= 2 and _bare(out[1]) in DIRECTIONS:
        out = out[2:]
    return out


def name_runs(phrase: str) -> list[tuple[int, int, str]]:
    """Runs of name tokens in a phrase: (first token index, end token index, name)."""
    return list(_name_runs(phrase))


_BALI = frozenset(("wayan", "made", "nyoman", "ketut", "komang", "putu", "gede", "kadek", "nengah", "luh", "gusti"))


def _ends_sentence(tok: str) -> bool:
    return tok.endswith(".") and len(tok) > 4 and tok[:-1].lower() not in NAME_ABBREVIATIONS and not is_title(tok)


def _place_named_person(toks: tuple[str, ...] | list[str], i: int) -> bool:
    """'AKP Bima Sakti Pratama': after a rank or title, a place name ("Bima") is a given name."""
    return (
        0 < i < len(toks) - 1 and is_title(toks[i - 1]) and bool(_NAME_WORD.match(toks[i]))
        and _bare(toks[i]) in PLACES and is_name_token(toks[i + 1])
    )


@lru_cache(maxsize=4096)
def _name_runs(phrase: str) -> tuple[tuple[int, int, str], ...]:
    toks = _tokens(phrase)
    runs: list[tuple[int, int, str]] = []
    i = 0
    while i < len(toks):
        place_named = _place_named_person(toks, i)
        if not place_named and not is_name_token(toks[i]):
            i += 1
            continue
        j = i + 1 if place_named else i
        while j < len(toks) and is_name_token(toks[j]):
            j += 1
            if _ends_sentence(toks[j - 1]):
                break  # "Deden Suparman. Deden dibebaskan": a full stop after a whole word ends the name
        before = toks[i - 1] if i > 0 else None
        # skip ranks/titles in front to find the real context word
        k = i - 1
        while k >= 0 and is_title(toks[k]):
            k -= 1
        if k >= 0:
            before = toks[k]
        if before is not None and before.lower() in _PLACE_PREPS:
            i = j
            continue
        # a rank or title before the run ("Kapolres AKBP Bayu Aji") means no place sits between role and name
        run = _trim_places(toks[i:j], before if k == i - 1 else None)
        # a Balinese name inside the run ("Bupati Bukit Sari I Komang Suartana") starts at I / Ni
        bali = [n for n in range(1, len(run) - 1) if run[n] in ("I", "Ni") and run[n + 1].lower() in _BALI]
        if bali:
            run = run[bali[0] :]
        # a title inside the run ("Kutai Kartanegara H. Arif Nugroho") starts the name: drop what precedes it
        inner = [n for n, w in enumerate(run) if n > 0 and is_title(w)]
        if inner and inner[-1] < len(run) - 1:
            run = run[inner[-1] :]
        while run and is_title(run[0]):
            run = run[1:]
        words = [w if _INITIAL.match(w) or w[:-1].lower() in NAME_ABBREVIATIONS else w.rstrip(".") for w in run]
        if words and not all(_INITIAL.match(w) for w in words):
            runs.append((j - len(run), j, " ".join(words)))
        i = j
    return tuple(runs)


def _role_text(toks: list[str]) -> str | None:
    start = next((n for n, t in enumerate(toks) if _is_role_head(t)), None)
    if start is None:
        return None
    kept: list[str] = []
    for t in toks[start:]:
        if t[0].islower() and t.lower() not in _CONNECTORS and not is_title(t):
            break
        if not is_title(t):
            kept.append(t)
    text = " ".join(kept)
    if " ," in text or " )" in text:
        text = _SPACE_BEFORE.sub(r"\1", text)
    if "( " in text:
        text = text.replace("( ", "(")
    return text.strip(" ,;:.") or None


def _cut(toks: list[str]) -> list[str]:
    """Tokens of an attribution phrase up to where the person reference clearly ends."""
    out: list[str] = []
    for n, tok in enumerate(toks):
        low = tok.lower()
        if tok in ".!?;:":
            break
        if tok == ",":
            nxt = toks[n + 1] if n + 1 < len(toks) else ""
            if not nxt or nxt.lower() in _DAYS or nxt[0].isdigit() or nxt == "(" or nxt[0].islower():
                break
        if tok[0].islower() and low not in _CONNECTORS and not is_title(tok):
            break
        if tok.endswith(".") and len(tok) > 4 and not is_title(tok):
            out.append(tok[:-1])
            break
        if tok == "(" and n + 1 < len(toks) and (toks[n + 1][0].isdigit() or toks[n + 1].lower() in _DAYS):
            break
        out.append(tok)
    return out


def parse_after(phrase: str) -> Ref | None:
    """Parse the words after a reporting verb: "Ketua Bawaslu Kota Metro, Mujib, Rabu" -> Mujib."""
    raw = _tokens(phrase)
    if not raw:
        return None
    first = raw[0].lower()
    if first in PRONOUNS:
        return Ref(None, None, pronoun=True)
    if raw[0][0].islower() and _is_role_head(raw[0]) and "," in phrase[:80]:
        # "kata koordinator forum, Zulhendri": a role in lower case, then the name after the comma
        role_words, _sep, named = phrase.partition(",")
        ref = parse_after(named.strip())
        if ref is not None and ref.name and not ref.pronoun and len(role_words.split()) <= 8:
            return Ref(ref.name, ref.role or " ".join(role_words.split()))
        return None
    toks = _cut(raw)
    if not toks:
        return None
    text = " ".join(toks)
    runs = name_runs(text)
    sub = _tokens(text)
    if not runs:
        role = _role_text(sub)
        return Ref(None, role) if role else None
    lead = 0
    while lead < len(sub) and is_title(sub[lead]):
        lead += 1
    if runs[0][0] == lead:
        s, e, name = runs[0]
        role = None
        rest = raw[len(toks) :]
        tail = sub[e:]
        if tail and tail[0] == ",":
            role = _role_text(tail[1:])
        elif rest and rest[0].lower() == "selaku":
            role = _role_text(_cut(rest[1:]))
        return Ref(name, role)
    s, e, name = runs[-1]
    return Ref(name, _role_text(sub[:s]))


def parse_before(phrase: str) -> Ref | None:
    """Parse the subject in front of a speech verb: "Hadi Mulyadi, Wakil Gubernur Kaltim turut"."""
    toks = _tokens(phrase)
    if not toks:
        return None
    # pronoun subject right before the verb ("Ia juga menjelaskan")
    k = len(toks) - 1
    while k >= 0 and toks[k].lower() in _ADVERBS:
        k -= 1
    if k >= 0 and toks[k].lower() in PRONOUNS:
        return Ref(None, None, pronoun=True)
    if k >= 1 and toks[k].isalpha() and toks[k].islower() and len(toks[k]) >= 4 \
            and toks[k] not in _FUNCTION_WORDS and not toks[k].startswith(("di", "me", "ber", "ter", "pe", "se")) \
            and ((toks[k - 1].isupper() and len(toks[k - 1]) >= 2) or _bare(toks[k - 1]) in ROLE_HEADS):
        # "Plt Karo Humas BKN paryono mengatakan": a name written in lower case after a role
        role = _role_text(toks[:k])
        return Ref(toks[k].capitalize(), role)
    runs = name_runs(phrase)
    if not runs:
        role = _role_text(toks)
        return Ref(None, role) if role else None
    pick = runs[-1]
    if len(pick[2].split()) == 1:
        for run in reversed(runs):
            if len(run[2].split()) >= 2 or (run[0] > 0 and _bare(toks[run[0] - 1]) in ROLE_HEADS):
                pick = run
                break
    s, e, name = pick
    sub = toks
    role = _role_text(sub[:s])
    after = sub[e:]
    if role is None and after and after[0] == ",":
        role = _role_text(_cut(after[1:]))
    return Ref(name, role)


@lru_cache(maxsize=16384)
def normalise_name(name: str) -> str:
    """Comparable form of a name: case-folded, dots and extra spaces removed."""
    return " ".join(name.replace(".", " ").split()).casefold()


@lru_cache(maxsize=65536)
def is_short_of(short: str, full: str, nickname: bool = False) -> bool:
    """True when every word of `short` occurs, in order, among the words of `full`.

    With `nickname`, a word may also be the start (3+ letters) of a full word: "Heri" of "Heribertus".
    """
    s = normalise_name(short).split()
    f = normalise_name(full).split()
    if not s or len(s) > len(f):
        return False
    it = iter(f)
    if nickname:
        return all(any(x == w or (len(w) >= 3 and x.startswith(w)) for x in it) for w in s)
    return all(any(w == x for x in it) for w in s)


def mentions(phrase: str) -> list[tuple[str, str | None]]:
    """Every name in a phrase with the role written just before it ("Bupati Sleman Kustini ...")."""
    toks = _tokens(phrase)
    out: list[tuple[str, str | None]] = []
    prev = 0
    runs = name_runs(phrase)
    skip = False
    for n, (s, e, name) in enumerate(runs):
        if skip:
            skip = False
            prev = e
            continue
        role = _role_text(toks[prev:s]) if s > prev else None
        if role and n + 1 < len(runs) and _only_titles_between(toks, e, runs[n + 1][0]):
            # "Pj Bupati Merdeka Gunung Kembar, Dr. Yusuf ...": the first run is the place in the role
            out.append((runs[n + 1][2], f"{role} {name}"))
            skip = True
        else:
            out.append((name, role))
        prev = e
    return out


def _only_titles_between(toks: list[str], end: int, start: int) -> bool:
    between = toks[end:start]
    return bool(between) and between[0] == "," and all(t == "," or is_title(t) for t in between)


def clear_phrase_caches() -> None:
    """Forget cached per-phrase results (token lists, name runs, name pairs); word-level caches stay."""
    _tokens_cached.cache_clear()
    _name_runs.cache_clear()
    is_short_of.cache_clear()
