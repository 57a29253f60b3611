"""Delivery against real SMTP servers on 127.0.0.1: plain, STARTTLS, AUTH, SSL, refusals, outages."""

from __future__ import annotations

from collections.abc import Callable
from email import message_from_bytes, policy
from email.message import EmailMessage

from sqlalchemy.orm import Session, sessionmaker

from monitor.alerts.dispatch import dispatch_due
from monitor.settings import Settings
from tests.alerts.conftest import Cert, PasswordCheck, SmtpServer, free_port
from tests.alerts.helpers import SettingsFactory, alert_row, make_due, queue_story, queue_test

HOSTILE_TITLE = "Sanksi <script>alert('x')</script>\r\nBcc: korban@example.org"
HOSTILE_QUOTE = 'Tidak ada toleransi "</li><img src=x onerror=alert(1)>"'


def smtp_settings(settings_factory: SettingsFactory, server: SmtpServer, **extra: object) -> Settings:
    return settings_factory(smtp_host="127.0.0.1", smtp_port=server.port, alert_to=["ops@example.org"],
                            alert_from="pantau@example.org", **extra)


def parts(msg: EmailMessage) -> tuple[str, str]:
    text = msg.get_body(("plain",))
    html = msg.get_body(("html",))
    assert text is not None and html is not None
    return str(text.get_content()), str(html.get_content())


def test_plain_smtp_delivers_escaped_multipart_message(
    settings_factory: SettingsFactory, smtp_server: Callable[..., SmtpServer], sessions: sessionmaker[Session]
) -> None:
    server = smtp_server()
    settings = smtp_settings(settings_factory, server)
    alert_id = queue_story(sessions, settings, title=HOSTILE_TITLE,
                           finding={"subjects": "tiga kepala desa\r\nX-Evil: 1"},
                           statements=[("Rina <b>Wati</b>", "Ketua Bawaslu", HOSTILE_QUOTE)])
    assert dispatch_due(sessions, settings) == 1
    assert dispatch_due(sessions, settings) == 0

    assert len(server.inbox.messages) == 1
    msg = server.inbox.messages[0]
    row = alert_row(sessions, alert_id)
    assert row.status == "sent" and row.sent_at is not None and row.attempts == 1
    assert msg["Message-ID"] == row.message_id
    assert server.inbox.envelopes[0] == ("pantau@example.org", ["ops@example.org"])
    assert msg["X-Evil"] is None and msg["Bcc"] is None
    subject = " ".join(str(msg["Subject"]).split())  # folding may double a space around encoded words
    assert subject.startswith("[Pantau] Sanksi netralitas ASN: tiga kepala desa X-Evil: 1 — Kabupaten Magelang")
    text, html = parts(msg)
    assert "<script>" not in html and "<img" not in html and "<b>Wati" not in html
    assert "&lt;script&gt;" in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "Rina <b>Wati</b> (Ketua Bawaslu)" in text  # plain text stays literal
    assert "Jenis sanksi: penundaan kenaikan pangkat" in text


def test_starttls_with_auth_and_a_self_signed_certificate(
    settings_factory: SettingsFactory, smtp_server: Callable[..., SmtpServer], sessions: sessionmaker[Session],
    self_signed: Cert,
) -> None:
    server = smtp_server(tls_context=self_signed.server_context(), require_starttls=True,
                         authenticator=PasswordCheck("pantau", "rahasia-sekali"), auth_required=True,
                         auth_require_tls=True)
    good = smtp_settings(settings_factory, server, smtp_security="starttls", smtp_ca_file=self_signed.cert,
                         smtp_user="pantau", smtp_password="rahasia-sekali")
    alert_id = queue_test(sessions, good, "test:starttls")
    assert dispatch_due(sessions, good) == 1
    assert len(server.inbox.messages) == 1
    assert alert_row(sessions, alert_id).status == "sent"

    wrong = smtp_settings(settings_factory, server, smtp_security="starttls", smtp_ca_file=self_signed.cert,
                          smtp_user="pantau", smtp_password="salah-kata-sandi")
    failed_id = queue_test(sessions, wrong, "test:wrong-password")
    assert dispatch_due(sessions, wrong) == 0
    row = alert_row(sessions, failed_id)
    assert row.status == "pending" and row.attempts == 1
    assert row.last_error and "535" in row.last_error and "salah-kata-sandi" not in row.last_error

    untrusted = smtp_settings(settings_factory, server, smtp_security="starttls",
                              smtp_user="pantau", smtp_password="rahasia-sekali")
    make_due(sessions)
    assert dispatch_due(sessions, untrusted) == 0  # certificate not trusted
    assert "CERTIFICATE_VERIFY_FAILED" in (alert_row(sessions, failed_id).last_error or "")
    assert len(server.inbox.messages) == 1


def test_implicit_tls(
    settings_factory: SettingsFactory, smtp_server: Callable[..., SmtpServer], sessions: sessionmaker[Session],
    self_signed: Cert,
) -> None:
    server = smtp_server(ssl_context=self_signed.server_context())
    settings = smtp_settings(settings_factory, server, smtp_security="ssl", smtp_ca_file=self_signed.cert)
    queue_test(sessions, settings, "test:ssl")
    assert dispatch_due(sessions, settings) == 1
    assert len(server.inbox.messages) == 1


def test_temporary_refusal_is_retried_and_delivered_once(
    settings_factory: SettingsFactory, smtp_server: Callable[..., SmtpServer], sessions: sessionmaker[Session]
) -> None:
    server = smtp_server()
    server.inbox.refuse = 2
    settings = smtp_settings(settings_factory, server)
    alert_id = queue_story(sessions, settings)
    for expected_attempts in (1, 2):
        assert dispatch_due(sessions, settings) == 0
        row = alert_row(sessions, alert_id)
        assert row.status == "pending" and row.attempts == expected_attempts
        assert row.last_error and "451" in row.last_error
        assert row.next_attempt_at > row.created_at  # backing off, not due again at once
        assert dispatch_due(sessions, settings) == 0  # not due yet
        make_due(sessions)
    assert dispatch_due(sessions, settings) == 1
    make_due(sessions)
    assert dispatch_due(sessions, settings) == 0
    assert server.inbox.refused == 2 and len(server.inbox.messages) == 1
    row = alert_row(sessions, alert_id)
    assert row.status == "sent" and row.attempts == 3 and row.last_error is None


def test_server_down_then_up_delivers_once(
    settings_factory: SettingsFactory, smtp_server: Callable[..., SmtpServer], sessions: sessionmaker[Session]
) -> None:
    port = free_port()
    settings = settings_factory(smtp_host="127.0.0.1", smtp_port=port, alert_to=["ops@example.org"],
                                smtp_timeout=5)
    alert_id = queue_story(sessions, settings)
    assert dispatch_due(sessions, settings) == 0
    row = alert_row(sessions, alert_id)
    assert row.status == "pending" and "refused" in (row.last_error or "").lower()

    server = smtp_server(port=port)
    make_due(sessions)
    assert dispatch_due(sessions, settings) == 1
    make_due(sessions)
    assert dispatch_due(sessions, settings) == 0
    assert len(server.inbox.messages) == 1
    assert alert_row(sessions, alert_id).status == "sent"


def test_alert_is_dead_after_max_attempts(
    settings_factory: SettingsFactory, smtp_server: Callable[..., SmtpServer], sessions: sessionmaker[Session]
) -> None:
    server = smtp_server()
    server.inbox.refuse = 10
    settings = smtp_settings(settings_factory, server, alert_max_attempts=2)
    alert_id = queue_test(sessions, settings, "test:dead")
    dispatch_due(sessions, settings)
    make_due(sessions)
    dispatch_due(sessions, settings)
    row = alert_row(sessions, alert_id)
    assert row.status == "dead" and row.attempts == 2 and "451" in (row.last_error or "")
    make_due(sessions)
    assert dispatch_due(sessions, settings) == 0
    assert server.inbox.refused == 2 and server.inbox.messages == []


def test_without_smtp_alerts_become_eml_files_once(
    settings_factory: SettingsFactory, sessions: sessionmaker[Session]
) -> None:
    settings = settings_factory(alert_to=["ops@example.org"], alert_lang="en")
    alert_id = queue_story(sessions, settings, title="Camat <i>X</i> disanksi")
    assert dispatch_due(sessions, settings) == 1
    files = sorted(settings.eml_dir.glob("*.eml"))
    assert [f.name for f in files] == [f"{alert_id:08d}-story_{alert_row(sessions, alert_id).story_id}_sanction.eml"]
    msg = message_from_bytes(files[0].read_bytes(), policy=policy.default)
    assert isinstance(msg, EmailMessage)
    assert str(msg["Subject"]).startswith("[Pantau] ASN neutrality sanction: dua camat")
    assert "&lt;i&gt;X&lt;/i&gt;" in parts(msg)[1]

    # a retry of the same alert (e.g. after a crash before the mark) overwrites the same file
    with sessions.begin() as session:
        row = session.get(type(alert_row(sessions, alert_id)), alert_id)
        assert row is not None
        row.status = "pending"
    make_due(sessions)
    assert dispatch_due(sessions, settings) == 1
    assert len(list(settings.eml_dir.iterdir())) == 1
