"""A real SMTP server for tests (aiosmtpd on 127.0.0.1), plain or with STARTTLS and a test CA
(trustme), optionally asking for a login and refusing the first few messages with a 4xx."""

from __future__ import annotations

import socket
import ssl
from collections.abc import Iterator
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest

USER, PASSWORD = "bvtrack", "s3cret-Pa55word!"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Sink:
    """The server's handler: keeps each message; says 4xx to the first ``busy`` MAIL commands."""

    busy: int = 0
    busy_reply: str = "451 4.3.0 Mail server temporarily busy, try again later"
    messages: list[bytes] = field(default_factory=list)
    recipients: list[list[str]] = field(default_factory=list)
    mail_commands: int = 0
    logins: list[tuple[str, str]] = field(default_factory=list)

    async def handle_MAIL(self, server: Any, session: Any, envelope: Any, address: str, options: list[str]) -> str:
        self.mail_commands += 1
        if self.mail_commands <= self.busy:
            return self.busy_reply
        envelope.mail_from = address
        envelope.mail_options.extend(options)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.messages.append(envelope.original_content or envelope.content)
        self.recipients.append(list(envelope.rcpt_tos))
        return "250 Message accepted"

    def parsed(self, i: int = -1) -> EmailMessage:
        msg = message_from_bytes(self.messages[i], policy=policy.default)
        assert isinstance(msg, EmailMessage)
        return msg


@dataclass
class Server:
    host: str
    port: int
    sink: Sink
    ca_file: str | None = None


def _authenticator(sink: Sink, accept: bool) -> Any:
    from aiosmtpd.smtp import AuthResult, LoginPassword

    def check(server: Any, session: Any, envelope: Any, mechanism: str, auth_data: Any) -> Any:
        if isinstance(auth_data, LoginPassword):
            sink.logins.append((auth_data.login.decode(), auth_data.password.decode()))
            ok = accept and auth_data.login.decode() == USER and auth_data.password.decode() == PASSWORD
            return AuthResult(success=ok, handled=False)
        return AuthResult(success=False, handled=False)
    return check


def start(sink: Sink, tls: ssl.SSLContext | None = None, login: bool | None = None) -> Any:
    """Start a server; ``login`` True accepts USER/PASSWORD, False refuses every login."""
    from aiosmtpd.controller import Controller

    kwargs: dict[str, Any] = {}
    if tls is not None:
        kwargs.update(tls_context=tls, require_starttls=True)
    if login is not None:
        kwargs.update(authenticator=_authenticator(sink, login), auth_required=True, auth_require_tls=True)
    controller = Controller(sink, hostname="127.0.0.1", port=free_port(), **kwargs)
    controller.start()
    return controller


@pytest.fixture
def smtp() -> Iterator[Server]:
    """A plain server: no TLS, no login."""
    sink = Sink()
    controller = start(sink)
    yield Server("127.0.0.1", controller.port, sink)
    controller.stop()


@pytest.fixture(scope="session")
def test_ca() -> Any:
    trustme = pytest.importorskip("trustme")
    return trustme.CA()


def tls_server(ca: Any, folder: Path, login: bool | None) -> tuple[Any, Server]:
    cert = ca.issue_cert("127.0.0.1", "localhost")
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    cert.configure_cert(context)
    ca_file = folder / "test-ca.pem"
    ca.cert_pem.write_to_path(str(ca_file))
    sink = Sink()
    controller = start(sink, context, login)
    return controller, Server("127.0.0.1", controller.port, sink, str(ca_file))


@pytest.fixture
def smtp_tls(test_ca: Any, tmp_path: Path) -> Iterator[Server]:
    """STARTTLS required, a certificate from the test CA, login USER/PASSWORD required."""
    controller, server = tls_server(test_ca, tmp_path, login=True)
    yield server
    controller.stop()


@pytest.fixture
def smtp_tls_refusing(test_ca: Any, tmp_path: Path) -> Iterator[Server]:
    """STARTTLS, then every login refused (535)."""
    controller, server = tls_server(test_ca, tmp_path, login=False)
    yield server
    controller.stop()


@pytest.fixture
def smtp_busy() -> Iterator[Server]:
    """A plain server that answers the first MAIL command with 451, then accepts."""
    sink = Sink(busy=1)
    controller = start(sink)
    yield Server("127.0.0.1", controller.port, sink)
    controller.stop()
