"""Delivery: SMTP (plain, STARTTLS or implicit TLS, optional AUTH) or, without SMTP, an .eml file."""

from __future__ import annotations

import logging
import os
import re
import smtplib
import ssl
import tempfile
from email.message import EmailMessage
from pathlib import Path

from monitor.settings import Settings

log = logging.getLogger(__name__)

DEFAULT_PORTS = {"none": 25, "starttls": 587, "ssl": 465}


class DeliveryError(Exception):
    """A message could not be handed over; the dispatcher retries it later."""


def tls_context(settings: Settings) -> ssl.SSLContext:
    """Verifying TLS context; PANTAU_SMTP_CA_FILE adds a private CA (or a self-signed server cert)."""
    context = ssl.create_default_context()
    if settings.smtp_ca_file:
        context.load_verify_locations(cafile=str(settings.smtp_ca_file))
    return context


def send_smtp(msg: EmailMessage, recipients: list[str], settings: Settings) -> str:
    """Hand the message to the SMTP server; returns a short description of where it went."""
    host = settings.smtp_host or "localhost"
    port = settings.smtp_port or DEFAULT_PORTS[settings.smtp_security]
    timeout = settings.smtp_timeout
    try:
        client: smtplib.SMTP
        if settings.smtp_security == "ssl":
            client = smtplib.SMTP_SSL(host, port, timeout=timeout, context=tls_context(settings))
        else:
            client = smtplib.SMTP(host, port, timeout=timeout)
        with client:
            client.ehlo()
            if settings.smtp_security == "starttls":
                client.starttls(context=tls_context(settings))
                client.ehlo()
            if settings.smtp_user:
                client.login(settings.smtp_user, settings.smtp_password or "")
            refused = client.send_message(msg, from_addr=settings.alert_from, to_addrs=recipients)
    except smtplib.SMTPRecipientsRefused as exc:
        raise DeliveryError(f"all recipients refused: {_codes(exc.recipients)}") from None
    except smtplib.SMTPResponseException as exc:
        text = exc.smtp_error.decode("utf-8", "replace") if isinstance(exc.smtp_error, bytes) else str(exc.smtp_error)
        raise DeliveryError(f"SMTP {exc.smtp_code} from {host}:{port}: {text.strip()[:200]}") from None
    except (smtplib.SMTPException, OSError) as exc:
        raise DeliveryError(f"SMTP {host}:{port}: {type(exc).__name__}: {str(exc)[:200]}") from None
    if refused:
        log.warning("some recipients refused: %s", _codes(refused))
    return f"smtp {host}:{port}"


def _codes(refused: dict[str, tuple[int, bytes]]) -> str:
    return ", ".join(f"{addr} ({code})" for addr, (code, _msg) in refused.items())


def eml_name(alert_id: int, key: str) -> str:
    """One file per alert: a retry overwrites the same file instead of adding another."""
    safe = re.sub(r"[^A-Za-z0-9_.-]+", "_", key).strip("._")[:80]
    return f"{alert_id:08d}-{safe}.eml"


def write_eml(msg: EmailMessage, directory: Path, name: str) -> Path:
    """Write atomically: a temporary file in the same directory, fsync, then rename over."""
    directory.mkdir(parents=True, exist_ok=True)
    target = directory / name
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".eml", dir=directory)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(msg.as_bytes())
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


def deliver(msg: EmailMessage, recipients: list[str], settings: Settings, eml_file: str) -> str:
    """SMTP when configured and there is someone to send to; otherwise an .eml file."""
    if settings.smtp_configured and recipients:
        return send_smtp(msg, recipients, settings)
    try:
        path = write_eml(msg, settings.eml_dir, eml_file)
    except OSError as exc:
        raise DeliveryError(f"cannot write {eml_file}: {exc.strerror or exc}") from None
    reason = "no SMTP configured" if not settings.smtp_configured else "no recipients configured"
    log.debug("%s: alert written to %s", reason, path)
    return f"file {path}"
