"""Rendering is pure: subjects, escaping, safe headers, languages, the digest chart."""

from __future__ import annotations

from email import message_from_bytes, policy

from monitor.alerts.i18n import format_wib
from monitor.alerts.render import build_message, header_value, render

HOSTILE = "Camat <script>alert('x')</script>\r\nBcc: korban@example.org"


def sanction_payload(**finding: object) -> dict[str, object]:
    details: dict[str, object] = {"kind": "case", "subjects": "dua camat", "count": 2,
                                  "sanction_type": "teguran tertulis", "violation": "hadir deklarasi",
                                  "authority": "Bupati Temanggung", "region": "Kabupaten Temanggung",
                                  "evidence": "Bupati menjatuhkan teguran tertulis kepada dua camat."}
    details.update(finding)
    return {
        "title": "Dua camat dijatuhi teguran tertulis",
        "finding": details,
        "statements": [{"speaker": "Hadi Santoso", "role": "Sekda Temanggung",
                        "quote": "Aturan netralitas berlaku bagi semua ASN tanpa kecuali"}],
        "articles": [
            {"outlet_key": "magelangekspres", "outlet_name": "Magelang Ekspres", "title": "Dua camat disanksi",
             "url": "https://magelangekspres.example/read/1/dua-camat?a=1&b=2",
             "published_at": "2026-11-30T02:30:00+00:00"},
            {"outlet_key": "diksi", "outlet_name": "DIKSI", "title": "Camat kena sanksi",
             "url": "javascript:alert(1)", "published_at": None},
        ],
    }


def test_sanction_subject_and_body_in_indonesian() -> None:
    rendered = render("sanction", sanction_payload(), "id")
    assert rendered.subject == (
        "[Pantau] Sanksi netralitas ASN: dua camat — Kabupaten Temanggung (Magelang Ekspres, DIKSI)")
    assert "Jenis sanksi: teguran tertulis" in rendered.text
    assert "Hadi Santoso (Sekda Temanggung): “Aturan netralitas" in rendered.text
    assert "30 Nov 2026 09.30 WIB" in rendered.text  # 02:30 UTC is 09:30 WIB
    assert 'href="https://magelangekspres.example/read/1/dua-camat?a=1&amp;b=2"' in rendered.html
    assert 'href="#"' in rendered.html  # the javascript: link is not a link
    assert "javascript:" not in rendered.html.split("Camat kena sanksi")[0].rsplit("<a", 1)[-1]


def test_english_with_lang_en() -> None:
    rendered = render("sanction", sanction_payload(), "en")
    assert rendered.subject.startswith("[Pantau] ASN neutrality sanction: dua camat")
    assert "Sanction: teguran tertulis" in rendered.text
    assert "30 Nov 2026 09:30 WIB" in rendered.text


def test_missing_details_say_so_instead_of_failing() -> None:
    rendered = render("sanction", {"finding": {"subjects": None, "count": 7}, "articles": []}, "id")
    assert rendered.subject == "[Pantau] Sanksi netralitas ASN: 7 ASN — tidak disebutkan (tidak disebutkan)"
    assert "Jenis sanksi: tidak disebutkan" in rendered.text


def test_hostile_text_cannot_inject_markup_or_headers() -> None:
    payload = sanction_payload(subjects=HOSTILE, evidence=HOSTILE)
    payload["title"] = HOSTILE
    payload["statements"] = [{"speaker": "<b>X</b>", "role": None, "quote": "<img src=x onerror=alert(1)>"}]
    rendered = render("sanction", payload, "id")
    assert "\r" not in rendered.subject and "\n" not in rendered.subject
    assert "<script>" not in rendered.html and "<img" not in rendered.html and "<b>X" not in rendered.html
    assert "&lt;script&gt;" in rendered.html and "&lt;img src=x" in rendered.html
    msg = build_message(rendered, sender="pantau@example.org\r\nBcc: x@example.org",
                        recipients=["ops@example.org"], message_id="<m1@example.org>")
    parsed = message_from_bytes(msg.as_bytes(), policy=policy.default)
    assert parsed["Bcc"] is None
    assert set(parsed.keys()) >= {"Subject", "From", "To", "Message-ID", "Date"}
    assert "korban@example.org" in str(parsed["Subject"])  # kept as text, on the one subject line
    assert [part.get_content_type() for part in parsed.walk()] == [
        "multipart/alternative", "text/plain", "text/html"]


def test_header_value_strips_controls_and_truncates() -> None:
    assert header_value("a\r\nb\tc\x00d\u2028e") == "a b c d e"
    assert len(header_value("x" * 500)) == 200


def test_digest_chart_is_a_table_with_bars() -> None:
    payload = {
        "date": "2026-12-02", "since": "2026-12-01T00:00:00+00:00", "until": "2026-12-02T00:00:00+00:00",
        "outlets": [{"key": "diksi", "name": "DIKSI", "articles": 10, "runs": 96, "failed": 1, "health": "ok",
                     "last_status": "ok"},
                    {"key": "radarmetro", "name": "Radar Metro", "articles": 5, "runs": 96, "failed": 0,
                     "health": "unhealthy", "last_status": "failed"}],
        "max_articles": 10, "new_stories": [], "sanctions": [], "speakers": [{"speaker": "A", "count": 3}],
    }
    rendered = render("digest", payload, "id")
    assert rendered.subject == "[Pantau] Ringkasan harian 2026-12-02"
    assert 'width="300"' in rendered.html and 'width="150"' in rendered.html
    assert "#" * 30 + " 10" in rendered.text and "#" * 15 + " 5" in rendered.text


def test_health_and_recovered_messages() -> None:
    payload = {"outlet_key": "diksi", "outlet_name": "DIKSI", "reason": "3 crawls in a row failed",
               "checks": [{"name": "failures", "value": 3, "baseline": 0, "threshold": 3, "ok": False}]}
    health = render("health", payload, "en")
    assert health.subject == "[Pantau] Crawl problem: DIKSI — 3 crawls in a row failed"
    recovered = render("recovered", {**payload, "reason": None}, "id")
    assert recovered.subject == "[Pantau] Crawl pulih: DIKSI"


def test_wib_formatting() -> None:
    assert format_wib("2026-12-31T20:00:00+00:00", "id") == "1 Jan 2027 03.00 WIB"
    assert format_wib("not a date", "id") == ""
