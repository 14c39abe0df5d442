"""E-mailing the data-quality report over SMTP (``Settings.email``).

The message has a plain-text part and the HTML report, with ``tracker.xlsx`` attached. With
``starttls`` the server's certificate is verified (``ssl.create_default_context``, with
``ca_file`` where a private CA signs it). The password comes only from the environment
(``BVTRACK_SMTP_PASSWORD``); it is never sent over a connection that is not encrypted, never
logged (``set_debuglevel`` is never used: it prints the AUTH line, the password in base64), and
any text of a server's reply is scrubbed of it before it is logged or reported.

Connection failures and 4xx replies are retried (``retries`` times, waiting ``backoff_seconds``,
doubling); a 5xx reply, a certificate that fails verification or a refused login is not. A send
that fails says why in :class:`Sent` and never raises: the run's outputs are already written.
The run keeps a copy of each message sent as ``outputs/data_quality.eml`` (:attr:`Sent.copy`).
"""

from __future__ import annotations

import base64
import datetime as dt
import logging
import os
import smtplib
import ssl
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from email.message import EmailMessage
from email.policy import SMTP as SMTP_POLICY
from email.utils import format_datetime, make_msgid
from pathlib import Path

import pandas as pd

from pipeline.config import EmailSettings
from pipeline.publish import report

log = logging.getLogger("bvtrack")

PASSWORD_ENV = "BVTRACK_SMTP_PASSWORD"
XLSX_TYPE = ("application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet")


@dataclass
class Sent:
    """What became of a send: ``ok`` with the message for the run's summary."""

    ok: bool
    message: str
    attempts: int = 0
    copy: bytes | None = None  # the message as sent, to keep as outputs/data_quality.eml


class Permanent(Exception):
    """A failure that retrying will not cure."""


# --- the message ----------------------------------------------------------------------------


def build_message(email: EmailSettings, subject: str, text: str, html: str, attachments: list[Path],
                  now: dt.datetime | None = None) -> EmailMessage:
    """The e-mail: plain text and HTML alternatives, then the attachments. Raises ValueError for a
    header that would need CR or LF."""
    msg = EmailMessage()
    msg["Subject"] = subject
    msg["From"] = email.sender
    msg["To"] = ", ".join(email.recipients)
    when = (now or dt.datetime.now()).astimezone()
    msg["Date"] = format_datetime(when)
    domain = email.sender.rpartition("@")[2].strip("<> ") or "bvtrack.localhost"
    msg["Message-ID"] = make_msgid("bvtrack", domain=domain)
    msg.set_content(text)
    msg.add_alternative(html, subtype="html")
    for path in attachments:
        msg.add_attachment(path.read_bytes(), maintype=XLSX_TYPE[0], subtype=XLSX_TYPE[1], filename=path.name)
    return msg


# --- secrets --------------------------------------------------------------------------------


def secret_forms(username: str | None, password: str | None) -> list[str]:
    """The password and the forms AUTH puts it on the wire in (base64 alone and in PLAIN)."""
    if not password:
        return []
    forms = [password, base64.b64encode(password.encode()).decode()]
    if username:
        forms.append(base64.b64encode(f"\0{username}\0{password}".encode()).decode())
    return forms


def redact(text: str, secrets: list[str]) -> str:
    for secret in sorted(secrets, key=len, reverse=True):
        text = text.replace(secret, "[hidden]")
    return text


# --- sending --------------------------------------------------------------------------------


def _transient(exc: BaseException) -> bool:
    """Worth another try: a dropped or refused connection, a timeout, a 4xx reply."""
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _ in exc.recipients.values()]
        return bool(codes) and all(400 <= code < 500 for code in codes)
    if isinstance(exc, smtplib.SMTPResponseException):
        return 400 <= exc.smtp_code < 500
    if isinstance(exc, smtplib.SMTPServerDisconnected):
        return True
    if isinstance(exc, ssl.SSLError | smtplib.SMTPException | Permanent):
        return False  # a certificate that fails verification, no STARTTLS or AUTH offered, ...
    return isinstance(exc, OSError)  # refused, reset, unreachable, timed out


def _describe(exc: BaseException) -> str:
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        return "every recipient refused: " + "; ".join(
            f"{addr} ({code} {msg.decode(errors='replace') if isinstance(msg, bytes) else msg})"
            for addr, (code, msg) in exc.recipients.items())
    if isinstance(exc, smtplib.SMTPResponseException):
        reply = exc.smtp_error.decode(errors="replace") if isinstance(exc.smtp_error, bytes) else str(exc.smtp_error)
        return f"{type(exc).__name__}: {exc.smtp_code} {reply}"
    return f"{type(exc).__name__}: {exc}"


def _send_once(msg: EmailMessage, email: EmailSettings, password: str | None) -> dict[str, tuple[int, bytes]]:
    with smtplib.SMTP(email.smtp_host, email.smtp_port, timeout=email.timeout_seconds) as smtp:
        smtp.ehlo()
        if email.starttls:
            smtp.starttls(context=ssl.create_default_context(cafile=email.ca_file))
            smtp.ehlo()
        if email.username:
            if not email.starttls:
                raise Permanent("will not send the SMTP password over an unencrypted connection: set starttls = true")
            smtp.login(email.username, password or "")
        return smtp.send_message(msg)


def send(msg: EmailMessage, email: EmailSettings, password: str | None,
         sleep: Callable[[float], None] = time.sleep) -> Sent:
    """Send ``msg``, retrying what may pass on a second try; never raises."""
    secrets = secret_forms(email.username, password)
    if not email.recipients:
        return Sent(False, "e-mail not sent: [email] recipients is empty")
    if email.username and not password:
        return Sent(False, f"e-mail not sent: [email] username is set but {PASSWORD_ENV} is not")
    attempts = 1 + max(0, int(email.retries))
    where = f"{email.smtp_host}:{email.smtp_port}"
    for attempt in range(1, attempts + 1):
        log.info("e-mail: sending to %d recipient(s) via %s (attempt %d of %d)", len(email.recipients), where,
                 attempt, attempts)
        try:
            refused = _send_once(msg, email, password)
        except Exception as exc:
            reason = redact(_describe(exc), secrets)
            if not _transient(exc) or attempt == attempts:
                why = "" if not _transient(exc) else f" after {attempt} attempts"
                return Sent(False, f"e-mail NOT sent via {where}{why}: {reason}", attempt)
            wait = email.backoff_seconds * 2 ** (attempt - 1)
            log.info("e-mail: attempt %d failed (%s); trying again in %.1f s", attempt, reason, wait)
            sleep(wait)
            continue
        if refused:
            who = "; ".join(f"{a} ({c})" for a, (c, _) in refused.items())
            return Sent(True, redact(f"e-mail sent via {where}, but refused for: {who}", secrets), attempt)
        return Sent(True, f"e-mail sent to {', '.join(email.recipients)} via {where}", attempt)
    raise AssertionError("unreachable")  # pragma: no cover


# --- the report, sent -----------------------------------------------------------------------


def send_report(workbook: Path, raw: Path, tables: Mapping[str, pd.DataFrame], skipped: list[tuple[str, str]],
                email: EmailSettings, now: dt.datetime | None = None,
                env: Mapping[str, str] | None = None, sleep: Callable[[float], None] = time.sleep,
                published_location: str | None = None) -> Sent:
    """E-mail the data-quality report (links to where the papers are published, else file:// URLs to
    the copies in ``raw``) with ``workbook``
    attached (where it exists); on success :attr:`Sent.copy` holds the message as sent, for the run to
    keep. Logs the outcome."""
    generated = now or dt.datetime.now()
    link = report.published_links(published_location) if published_location else report.file_links(raw)
    ctx = report.context(tables, skipped, link, generated)
    try:
        msg = build_message(email, ctx["subject"], report.render_text(ctx), report.render_html(ctx),
                            [workbook] if workbook.exists() else [], generated)
    except (ValueError, OSError) as exc:
        sent = Sent(False, f"e-mail NOT sent: the message cannot be built: {type(exc).__name__}: {exc}")
    else:
        sent = send(msg, email, (os.environ if env is None else env).get(PASSWORD_ENV), sleep)
        if sent.ok:
            sent.copy = msg.as_bytes(policy=SMTP_POLICY)
    (log.info if sent.ok else log.error)("%s", sent.message)
    return sent
