"""Per-outlet data of the replicas: platform, zone, dateline style, regions and staff names."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import tzinfo

from crawler.testing.article import WIB, WITA

OUTLET_KEYS = ("magelangekspres", "radarmetro", "diksi", "patrolipost", "posjayanews")


@dataclass(frozen=True)
class Region:
    """A regency or city an outlet reports on."""

    name: str  # "Kabupaten Temanggung"
    short: str  # "Temanggung"
    head_title: str  # "Bupati Temanggung"
    city: str  # dateline city, "TEMANGGUNG"
    province: str
    districts: tuple[str, ...]  # kecamatan names


@dataclass(frozen=True)
class OutletProfile:
    """What a replica needs to know to look like one outlet."""

    key: str
    name: str
    platform: str  # "disway" | "wordpress" | "blogger"
    domain: str  # the real outlet's domain, used in datelines and credits only
    tz: tzinfo
    tz_label: str
    regions: tuple[Region, ...]
    reporters: tuple[str, ...]
    editors: tuple[str, ...]
    first_id: int  # first numeric post/article id
    page_step: int = 15  # Disway item offset between article pages
    index_php: bool = False  # WordPress PATHINFO permalinks (/index.php/<slug>)


_JATENG = "Jawa Tengah"
_LAMPUNG = "Lampung"
_KALTIM = "Kalimantan Timur"
_NTT = "Nusa Tenggara Timur"

PROFILES: dict[str, OutletProfile] = {
    "magelangekspres": OutletProfile(
        key="magelangekspres",
        name="Magelang Ekspres",
        platform="disway",
        domain="magelangekspres.disway.id",
        tz=WIB,
        tz_label="WIB",
        regions=(
            Region("Kota Magelang", "Magelang", "Wali Kota Magelang", "MAGELANG", _JATENG,
                   ("Magelang Tengah", "Magelang Utara", "Magelang Selatan")),
            Region("Kabupaten Temanggung", "Temanggung", "Bupati Temanggung", "TEMANGGUNG", _JATENG,
                   ("Parakan", "Kedu", "Kranggan", "Bulu")),
            Region("Kabupaten Purworejo", "Purworejo", "Bupati Purworejo", "PURWOREJO", _JATENG,
                   ("Kutoarjo", "Banyuurip", "Bayan", "Loano")),
            Region("Kabupaten Magelang", "Kabupaten Magelang", "Bupati Magelang", "MUNGKID", _JATENG,
                   ("Mertoyudan", "Muntilan", "Borobudur", "Secang")),
        ),
        reporters=("Wahyu Kurniawan", "Anisa Rahmawati", "Bagus Setiawan", "Dimas Prasetyo"),
        editors=("Lis Retno Wibowo", "Hermawan Adi", "Tri Wahyuni"),
        first_id=668_900,
        page_step=15,
    ),
    "radarmetro": OutletProfile(
        key="radarmetro",
        name="Radar Metro",
        platform="disway",
        domain="radarmetro.disway.id",
        tz=WIB,
        tz_label="WIB",
        regions=(
            Region("Kota Metro", "Metro", "Wali Kota Metro", "METRO", _LAMPUNG,
                   ("Metro Pusat", "Metro Barat", "Metro Timur")),
            Region("Kabupaten Lampung Timur", "Lampung Timur", "Bupati Lampung Timur", "SUKADANA", _LAMPUNG,
                   ("Pekalongan", "Batanghari", "Sekampung", "Way Jepara")),
            Region("Kabupaten Lampung Tengah", "Lampung Tengah", "Bupati Lampung Tengah", "GUNUNG SUGIH",
                   _LAMPUNG, ("Trimurjo", "Punggur", "Kota Gajah", "Seputih Raman")),
        ),
        reporters=("Rendi Saputra", "Yuliana Sari", "Ahmad Fauzi"),
        editors=("Eka Putra", "Sri Handayani"),
        first_id=6_100,
        page_step=16,
    ),
    "diksi": OutletProfile(
        key="diksi",
        name="DIKSI.CO",
        platform="wordpress",
        domain="diksi.co",
        tz=WITA,
        tz_label="WITA",
        regions=(
            Region("Kota Samarinda", "Samarinda", "Wali Kota Samarinda", "SAMARINDA", _KALTIM,
                   ("Samarinda Ulu", "Sungai Kunjang", "Palaran", "Loa Janan Ilir")),
            Region("Kabupaten Kutai Kartanegara", "Kutai Kartanegara", "Bupati Kutai Kartanegara",
                   "TENGGARONG", _KALTIM, ("Tenggarong Seberang", "Loa Kulu", "Sebulu")),
            Region("Kota Bontang", "Bontang", "Wali Kota Bontang", "BONTANG", _KALTIM,
                   ("Bontang Utara", "Bontang Selatan", "Bontang Barat")),
        ),
        reporters=("Redaksi Diksi", "Fitriani Nur", "Rizky Ramadhan"),
        editors=("Andi Firmansyah",),
        first_id=41_200,
        index_php=True,
    ),
    "patrolipost": OutletProfile(
        key="patrolipost",
        name="Patroli Post",
        platform="wordpress",
        domain="patrolipost.com",
        tz=WITA,
        tz_label="WITA",
        regions=(
            Region("Kabupaten Manggarai", "Manggarai", "Bupati Manggarai", "RUTENG", _NTT,
                   ("Langke Rembong", "Wae Ri'i", "Cibal", "Satar Mese")),
            Region("Kabupaten Manggarai Barat", "Manggarai Barat", "Bupati Manggarai Barat", "LABUAN BAJO",
                   _NTT, ("Komodo", "Boleng", "Lembor")),
            Region("Kabupaten Buleleng", "Buleleng", "Bupati Buleleng", "SINGARAJA", "Bali",
                   ("Sukasada", "Sawan", "Seririt")),
        ),
        reporters=("pp04", "pp07", "pp11"),
        editors=("Redaksi",),
        first_id=152_000,
    ),
    "posjayanews": OutletProfile(
        key="posjayanews",
        name="POSJAYANEWS",
        platform="blogger",
        domain="posjayanews.blogspot.com",
        tz=WIB,
        tz_label="WIB",
        regions=(
            Region("Kota Bekasi", "Bekasi", "Wali Kota Bekasi", "BEKASI", "Jawa Barat",
                   ("Bekasi Timur", "Rawalumbu", "Bantar Gebang")),
            Region("Kota Depok", "Depok", "Wali Kota Depok", "DEPOK", "Jawa Barat",
                   ("Pancoran Mas", "Cimanggis", "Sawangan")),
            Region("Kabupaten Bogor", "Bogor", "Bupati Bogor", "CIBINONG", "Jawa Barat",
                   ("Cibinong", "Citeureup", "Babakan Madang")),
        ),
        reporters=("maruli/prabu", "dedi/joko", "rina/prabu"),
        editors=("prabu",),
        first_id=7_310_000_000_000,
    ),
}


def profile(outlet: str) -> OutletProfile:
    """The profile of `outlet`; KeyError names the known keys."""
    try:
        return PROFILES[outlet]
    except KeyError:
        raise KeyError(f"unknown outlet {outlet!r}; known: {', '.join(OUTLET_KEYS)}") from None
