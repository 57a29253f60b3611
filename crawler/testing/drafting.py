"""Helpers shared by the article templates: people, dates, election context and the draft record."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime

from crawler.testing.article import ReplicaQuote, ReplicaSanction
from crawler.testing.profiles import OutletProfile, Region

DAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
MONTHS = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)
_FIRST = (
    "Agus", "Budi", "Suryanto", "Dwi", "Hendra", "Slamet", "Rudy", "Yohanes", "Maria", "Siti",
    "Nur", "Rahmat", "Wayan", "Made", "Fransiskus", "Lukas", "Dewi", "Eko", "Sri", "Andi",
    "Bambang", "Ratna", "Hasan", "Teguh", "Yusuf", "Kornelis", "Ketut", "Joko", "Indah", "Arif",
)
_LAST = (
    "Santoso", "Wibisono", "Hartono", "Kurniawati", "Saputra", "Nugroho", "Prasetya", "Ndaru",
    "Lamba", "Sudarsana", "Wijaya", "Halim", "Rahayu", "Setiadi", "Purnomo", "Jehaut", "Gunawan",
    "Maulana", "Syahputra", "Utami", "Firmansyah", "Sukmawati", "Ramadhan", "Suhendra", "Baru",
)
# generated (varied) articles draw from these too: more people, fewer shared names between reports
_FIRST_MORE = (
    "Wiwik", "Sugeng", "Paulus", "Nyoman", "Gede", "Ahmad", "Fitri", "Yanti", "Rizal", "Darmawan",
    "Heru", "Tri", "Kadek", "Linda", "Markus", "Irwan", "Sulastri", "Bayu", "Asih", "Daeng",
)
_LAST_MORE = (
    "Prabowo", "Suparno", "Tambunan", "Manurung", "Siregar", "Pratama", "Susanti", "Wardhana", "Lestari",
    "Hidayat", "Kusuma", "Rangkuti", "Mahendra", "Sembiring", "Astuti", "Pangestu", "Dharmawan", "Tanoyo",
)
_TITLES = ("", "", "", "H. ", "Drs. ", "dr. ", "Ir. ")
_DEGREES = ("", "", "", ", S.Sos", ", M.Si", ", S.H.", ", M.M.")


@dataclass(frozen=True)
class Person:
    """A made-up person: `name` is the fullest name (no titles), `short` the one used later."""

    name: str
    short: str
    title: str = ""
    degree: str = ""

    @property
    def styled(self) -> str:
        """The name as first printed, with titles and degrees."""
        return f"{self.title}{self.name}{self.degree}"


@dataclass
class Draft:
    """What a template writes; the corpus module turns it into a ReplicaArticle."""

    kind: str
    title: str
    paragraphs: list[str]
    category: str
    category_name: str
    tags: list[str]
    relevant: bool
    sanction_report: bool
    statements: list[ReplicaQuote] = field(default_factory=list)
    sanction: ReplicaSanction | None = None
    caption: str | None = None


class Ctx:
    """Random choices for one article, seeded by the caller."""

    def __init__(
        self, rng: random.Random, profile: OutletProfile, region: Region, when: datetime, *, varied: bool = False
    ) -> None:
        self.rng = rng
        self.profile = profile
        self.region = region
        self.when = when
        self.varied = varied  # generated articles: wider name pools (the default set keeps its own)
        self._used: set[str] = set()

    def person(self, *, styled: bool = True) -> Person:
        firsts, lasts = (_FIRST + _FIRST_MORE, _LAST + _LAST_MORE) if self.varied else (_FIRST, _LAST)
        for _ in range(50):
            first, last = self.rng.choice(firsts), self.rng.choice(lasts)
            if first not in self._used and last not in self._used:
                break
        self._used.update((first, last))
        title = self.rng.choice(_TITLES) if styled else ""
        degree = self.rng.choice(_DEGREES) if styled else ""
        short = last if self.rng.random() < 0.6 else first
        return Person(name=f"{first} {last}", short=short, title=title, degree=degree)

    def pick(self, options: tuple[str, ...] | list[str]) -> str:
        return self.rng.choice(list(options))

    def district(self) -> str:
        return self.pick(self.region.districts)

    def day(self) -> str:
        """The press form of the publication day: 'Senin (12/8/2024)'."""
        d = self.when.date()
        return f"{DAYS[d.weekday()]} ({d.day}/{d.month}/{d.year})"

    def long_day(self) -> str:
        d = self.when.date()
        return f"{DAYS[d.weekday()]}, {d.day} {MONTHS[d.month - 1]} {d.year}"

    @property
    def election(self) -> str:
        d = self.when.date()
        if d < date(2024, 2, 14):
            return "Pemilu 2024"
        if d < date(2024, 11, 27):
            return "Pilkada serentak 2024"
        if d < date(2025, 6, 1):
            return "PSU Pilkada"
        return "Pilkades serentak"

    @property
    def oversight(self) -> tuple[str, str]:
        """(short, long) name of the body that handles neutrality cases at that date."""
        if self.when.date() < date(2024, 8, 1):
            return "KASN", "Komisi Aparatur Sipil Negara (KASN)"
        return "BKN", "Badan Kepegawaian Negara (BKN)"

    def number(self, low: int, high: int) -> int:
        return self.rng.randint(low, high)


def quote(ctx_list: list[ReplicaQuote], text: str, speaker: Person, role: str | None, verb: str) -> str:
    """Record a direct quote and return it wrapped in typographic quotation marks."""
    ctx_list.append(ReplicaQuote(quote=text.rstrip(",."), speaker=speaker.name, role=role, verb=verb))
    return f"“{text}”"
