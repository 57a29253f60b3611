"""Fixtures for alert tests: a real SMTP server (aiosmtpd) on 127.0.0.1, a database, story rows."""

from __future__ import annotations

import contextlib
import datetime as dt
import ipaddress
import socket
import ssl
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, Envelope, LoginPassword
from aiosmtpd.smtp import Session as SmtpSession
from sqlalchemy.orm import Session, sessionmaker

from monitor.db.models import Article, Outlet, SanctionFinding, Statement, Story
from monitor.db.session import make_engine, make_sessionmaker

UTC = dt.UTC


@dataclass
class Inbox:
    """What the SMTP server received; `refuse` answers the next N DATA commands with a 4xx."""

    messages: list[EmailMessage] = field(default_factory=list)
    envelopes: list[tuple[str, list[str]]] = field(default_factory=list)
    refuse: int = 0
    refused: int = 0

    async def handle_DATA(self, server: SMTP, session: SmtpSession, envelope: Envelope) -> str:
        if self.refuse > 0:
            self.refuse -= 1
            self.refused += 1
            return "451 4.3.0 Temporary local problem, try again later"
        raw = envelope.original_content or envelope.content or b""
        assert isinstance(raw, bytes)
        msg = message_from_bytes(raw, policy=policy.default)
        assert isinstance(msg, EmailMessage)
        self.messages.append(msg)
        self.envelopes.append((str(envelope.mail_from), list(envelope.rcpt_tos)))
        return "250 2.0.0 OK queued"

    def message_ids(self) -> list[str]:
        return [str(m["Message-ID"]) for m in self.messages]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass(frozen=True)
class Cert:
    cert: Path
    key: Path

    def server_context(self) -> ssl.SSLContext:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(self.cert, self.key)
        return context


@pytest.fixture(scope="session")
def self_signed(tmp_path_factory: pytest.TempPathFactory) -> Cert:
    """A self-signed certificate for 127.0.0.1 and localhost, made with `cryptography`."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = dt.datetime.now(UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=2))
        .add_extension(x509.SubjectAlternativeName(
            [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    folder = tmp_path_factory.mktemp("tls")
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return Cert(cert_path, key_path)


class PasswordCheck:
    """aiosmtpd authenticator accepting exactly one user/password."""

    def __init__(self, user: str, password: str) -> None:
        self.user, self.password = user.encode(), password.encode()

    def __call__(self, server: SMTP, session: SmtpSession, envelope: Envelope, mechanism: str,
                 auth_data: Any) -> AuthResult:
        ok = isinstance(auth_data, LoginPassword) and (auth_data.login, auth_data.password) == (
            self.user, self.password)
        return AuthResult(success=ok, handled=False)


@dataclass
class SmtpServer:
    inbox: Inbox
    port: int
    controller: Controller


@pytest.fixture
def smtp_server() -> Iterator[Callable[..., SmtpServer]]:
    """Start aiosmtpd Controllers on 127.0.0.1 (keyword options go to the SMTP class); stopped after."""
    started: list[Controller] = []

    def start(port: int | None = None, inbox: Inbox | None = None, **options: Any) -> SmtpServer:
        box = inbox or Inbox()
        chosen = port or free_port()
        controller = Controller(box, hostname="127.0.0.1", port=chosen, **options)
        controller.start()
        started.append(controller)
        return SmtpServer(box, chosen, controller)

    yield start
    for controller in started:
        with contextlib.suppress(AssertionError):  # already stopped by the test
            controller.stop()


@pytest.fixture
def sessions(fresh_database_url: str) -> Iterator[sessionmaker[Session]]:
    engine = make_engine(fresh_database_url, pool_size=4)
    yield make_sessionmaker(engine)
    engine.dispose()


def add_outlet(session: Session, key: str = "magelangekspres", name: str = "Magelang Ekspres") -> Outlet:
    outlet = session.get(Outlet, key)
    if outlet is None:
        outlet = Outlet(key=key, name=name, platform="disway", base_url=f"https://{key}.example")
        session.add(outlet)
        session.flush()
    return outlet


_counter = iter(range(1, 1_000_000))


def add_article(session: Session, story: Story, *, outlet: str = "magelangekspres", title: str = "Judul",
                published: dt.datetime | None = None, fetched: dt.datetime | None = None,
                url: str | None = None, relevant: bool | None = True) -> Article:
    add_outlet(session, outlet, outlet.title())
    n = next(_counter)
    article = Article(
        canonical_url=url or f"https://{outlet}.example/read/{n}/berita-{n}",
        url_hash=f"{n:040d}", outlet_key=outlet, title=title, published_at=published,
        body=f"Isi berita nomor {n}.", content_hash=f"{n:064d}", story_id=story.id, relevant=relevant,
        **({"fetched_at": fetched} if fetched else {}),
    )
    session.add(article)
    session.flush()
    return article


def add_sanction_story(session: Session, *, title: str = "Dua camat dijatuhi sanksi", outlet: str = "magelangekspres",
                       published: dt.datetime | None = None, fetched: dt.datetime | None = None,
                       finding: dict[str, Any] | None = None,
                       statements: list[tuple[str | None, str | None, str]] | None = None,
                       ) -> tuple[Story, Article]:
    """A story with one article, its sanction finding and its statements (speaker, role, quote)."""
    now = dt.datetime.now(UTC)
    story = Story(title=title, first_published_at=published or now, article_count=1, sanction_report=True)
    session.add(story)
    session.flush()
    article = add_article(session, story, outlet=outlet, title=title, published=published or now, fetched=fetched)
    details = {"kind": "case", "subjects": "dua camat", "count": 2, "sanction_type": "penundaan kenaikan pangkat",
               "violation": "hadir dalam deklarasi calon", "authority": "Bupati Magelang",
               "region": "Kabupaten Magelang",
               "evidence": "Bupati menjatuhkan hukuman disiplin berupa penundaan kenaikan pangkat kepada dua camat."}
    details.update(finding or {})
    session.add(SanctionFinding(article_id=article.id, report=True, score=0.9, **details))
    for position, (speaker, role, quote) in enumerate(statements or []):
        session.add(Statement(article_id=article.id, position=position, quote=quote, speaker=speaker, role=role,
                              verb="kata", kind="direct"))
    session.flush()
    return story, article
