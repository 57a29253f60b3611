"""Labels of the alert e-mails in Indonesian (default) and English, and WIB time formatting."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from typing import Any

WIB = timezone(timedelta(hours=7), "WIB")

MONTHS = {
    "id": ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"),
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
}

LABELS: dict[str, dict[str, str]] = {
    "id": {
        "sanction_subject": "Sanksi netralitas ASN",
        "sanction_intro": "Pantau menemukan laporan sanksi terhadap ASN karena pelanggaran netralitas.",
        "subjects": "Subjek",
        "count": "Jumlah ASN",
        "sanction_type": "Jenis sanksi",
        "violation": "Pelanggaran",
        "authority": "Pemberi sanksi",
        "region": "Wilayah",
        "kind": "Jenis laporan",
        "kind_case": "kasus",
        "kind_aggregate": "rekapitulasi",
        "evidence": "Kalimat bukti",
        "statements": "Pernyataan kunci",
        "sources": "Sumber berita",
        "published": "terbit",
        "unknown": "tidak disebutkan",
        "footer": "Pesan otomatis dari Pantau, pemantau berita netralitas ASN.",
        "digest_subject": "Ringkasan harian",
        "digest_intro": "Ringkasan pemantauan berita netralitas ASN",
        "period": "Periode",
        "per_outlet": "Artikel baru sesuai topik per media",
        "outlet": "Media",
        "articles": "Artikel",
        "new_stories": "Berita (cerita) baru",
        "updates": "Pembaruan cerita lama",
        "sanction_reports": "Laporan sanksi",
        "backfilled": "ditemukan belakangan, tanpa alert",
        "speakers": "Narasumber paling sering dikutip",
        "quotes": "kutipan",
        "crawl_health": "Kesehatan crawl per media",
        "runs": "Crawl",
        "failed": "Gagal",
        "state": "Status",
        "none": "Tidak ada.",
        "health_subject": "Masalah crawl",
        "health_intro": "Crawl media ini bermasalah. Pantau hanya akan mengirim satu pesan lagi saat pulih.",
        "recovered_subject": "Crawl pulih",
        "recovered_intro": "Crawl media ini kembali normal.",
        "reason": "Penyebab",
        "checks": "Pemeriksaan",
        "measured": "terukur",
        "baseline": "acuan",
        "test_subject": "Pesan uji",
        "test_intro": "Ini pesan uji dari Pantau. Jika Anda menerimanya, pengiriman alert berfungsi.",
    },
    "en": {
        "sanction_subject": "ASN neutrality sanction",
        "sanction_intro": "Pantau found a report of a sanction against civil servants for a neutrality violation.",
        "subjects": "Subjects",
        "count": "Civil servants",
        "sanction_type": "Sanction",
        "violation": "Violation",
        "authority": "Authority",
        "region": "Region",
        "kind": "Report kind",
        "kind_case": "case",
        "kind_aggregate": "aggregate",
        "evidence": "Evidence sentence",
        "statements": "Key statements",
        "sources": "Sources",
        "published": "published",
        "unknown": "not stated",
        "footer": "Automatic message from Pantau, the ASN neutrality news monitor.",
        "digest_subject": "Daily digest",
        "digest_intro": "Digest of ASN neutrality news monitoring",
        "period": "Period",
        "per_outlet": "New on-topic articles per outlet",
        "outlet": "Outlet",
        "articles": "Articles",
        "new_stories": "New stories",
        "updates": "Updates to earlier stories",
        "sanction_reports": "Sanction reports",
        "backfilled": "found late, no alert sent",
        "speakers": "Most-quoted speakers",
        "quotes": "quotes",
        "crawl_health": "Crawl health per outlet",
        "runs": "Crawls",
        "failed": "Failed",
        "state": "State",
        "none": "None.",
        "health_subject": "Crawl problem",
        "health_intro": "Crawls of this outlet are failing. Pantau sends one more message when it recovers.",
        "recovered_subject": "Crawl recovered",
        "recovered_intro": "Crawls of this outlet are back to normal.",
        "reason": "Reason",
        "checks": "Checks",
        "measured": "measured",
        "baseline": "baseline",
        "test_subject": "Test message",
        "test_intro": "This is a test message from Pantau. If you received it, alert delivery works.",
    },
}


def labels(lang: str) -> dict[str, str]:
    return LABELS.get(lang, LABELS["id"])


def parse_time(value: Any) -> datetime | None:
    """An ISO string or datetime from a payload, as an aware datetime (naive = UTC)."""
    if isinstance(value, datetime):
        moment = value
    elif isinstance(value, str) and value:
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            return None
    else:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def format_wib(value: Any, lang: str = "id") -> str:
    """`2 Des 2026 14.05 WIB` (id) or `2 Dec 2026 14:05 WIB` (en); empty when unknown."""
    moment = parse_time(value)
    if moment is None:
        return ""
    local = moment.astimezone(WIB)
    month = MONTHS.get(lang, MONTHS["id"])[local.month - 1]
    sep = "." if lang == "id" else ":"
    return f"{local.day} {month} {local.year} {local.hour:02d}{sep}{local.minute:02d} WIB"
