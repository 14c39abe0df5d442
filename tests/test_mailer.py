"""E-mailing the report to a real SMTP server on 127.0.0.1 (aiosmtpd): plain, STARTTLS with a
test CA, a refused login, a server that is down, a busy server, and the password kept out of
every log and output."""

from __future__ import annotations

import base64
import datetime as dt
import logging
import shutil
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from smtp_fixtures import PASSWORD, USER, Server, Sink, free_port, smtp, smtp_busy, smtp_tls, smtp_tls_refusing, start
from smtp_fixtures import test_ca as test_ca

from pipeline import schema
from pipeline.config import EmailSettings, Settings
from pipeline.publish.mailer import PASSWORD_ENV, send_report
from pipeline.run import EMAIL_COPY, RunResult, run

__all__ = ["smtp", "smtp_busy", "smtp_tls", "smtp_tls_refusing"]  # fixtures, used by name

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
NOW = dt.datetime(2021, 3, 2, 9, 30)
SECRETS = [PASSWORD, base64.b64encode(PASSWORD.encode()).decode(),
           base64.b64encode(f"\0{USER}\0{PASSWORD}".encode()).decode()]



def mail_messages(result: RunResult) -> list[str]:
    """What the run said about its e-mail (it may also name papers with no organisation)."""
    return [m for m in result.messages if "e-mail" in m]

def settings_for(server: Server, **fields: Any) -> EmailSettings:
    base: dict[str, Any] = {"enabled": True, "smtp_host": server.host, "smtp_port": server.port,
                            "sender": "bvtrack@council.example", "recipients": ["pmo@council.example"],
                            "timeout_seconds": 5.0, "retries": 2, "backoff_seconds": 0.25}
    if server.ca_file:
        base.update(starttls=True, username=USER, ca_file=server.ca_file)
    return EmailSettings(**{**base, **fields})


def small_tables() -> dict[str, pd.DataFrame]:
    return {
        "documents": schema.conform("documents", [
            {"doc_id": "d1", "file_name": "update <2021>.docx", "source_path": "/srv/ws/raw/update <2021>.docx",
             "status": "extracted"},
            {"doc_id": "d2", "file_name": "broken.pdf", "status": "quarantined", "error": "encrypted"}]),
        "actions": schema.conform("actions", [{"action_id": "a1", "ref": "5", "lead": "Jane Smith"}]),
        "snapshots": schema.empty("snapshots"), "items": schema.empty("items"),
        "findings": schema.conform("findings", [
            {"check": "overdue", "severity": "warning", "doc_id": "d1", "action_id": "a1", "column": "due_date",
             "value": "2020-02-28", "message": "Action 5: due 28/02/2020, progress 25% on 15/02/2021"},
            {"check": "lead_missing", "severity": "error", "doc_id": "d1", "action_id": "a1", "column": "lead",
             "value": None, "message": "Action 5: no lead officer"}]),
    }


@pytest.fixture
def outputs(tmp_path: Path) -> Path:
    folder = tmp_path / "outputs"
    folder.mkdir()
    (folder / "tracker.xlsx").write_bytes(b"PK\x03\x04 not really a workbook")
    return folder


class Waits(list[float]):
    def __call__(self, seconds: float) -> None:
        self.append(seconds)


def send(outputs: Path, email: EmailSettings, env: dict[str, str] | None = None, waits: Waits | None = None) -> Any:
    return send_report(outputs / "tracker.xlsx", outputs.parent / "raw", small_tables(), [("notes.txt", "not a paper")],
                       email, NOW,
                       env=env or {}, sleep=waits if waits is not None else Waits())


def test_plain_server_gets_text_html_and_the_workbook(smtp: Server, outputs: Path) -> None:
    sent = send(outputs, settings_for(smtp))
    assert (sent.ok, sent.attempts, sent.message) == (
        True, 1, f"e-mail sent to pmo@council.example via 127.0.0.1:{smtp.port}")
    assert smtp.sink.recipients == [["pmo@council.example"]]
    msg = smtp.sink.parsed()
    assert msg["Subject"] == "Best Value tracker: 2 papers, 1 error, 1 warning, 1 quarantined"
    assert msg["From"] == "bvtrack@council.example"
    parts = [(p.get_content_type(), p.get_filename()) for p in msg.walk() if not p.is_multipart()]
    assert parts == [("text/plain", None), ("text/html", None),
                     ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "tracker.xlsx")]
    text, html, xlsx = (p.get_content() for p in msg.walk() if not p.is_multipart())
    assert xlsx == (outputs / "tracker.xlsx").read_bytes()
    assert "Action 5: no lead officer" in text and "broken.pdf: encrypted" in text
    assert "update &lt;2021&gt;.docx" in html and "update <2021>" not in html  # paper text escaped
    assert 'href="file:///srv/ws/raw/update%20%3C2021%3E.docx"' in html
    copy = sent.copy  # the run keeps it as outputs/data_quality.eml
    assert copy is not None and b"Message-ID: " + msg["Message-ID"].encode() in copy
    assert msg["Subject"].encode() in copy


def test_starttls_verified_with_the_configured_ca_and_login(smtp_tls: Server, outputs: Path) -> None:
    sent = send(outputs, settings_for(smtp_tls), env={PASSWORD_ENV: PASSWORD})
    assert sent.ok, sent.message
    assert smtp_tls.sink.logins == [(USER, PASSWORD)]
    assert len(smtp_tls.sink.messages) == 1


def test_a_certificate_not_trusted_is_not_retried(smtp_tls: Server, outputs: Path) -> None:
    waits = Waits()
    sent = send(outputs, settings_for(smtp_tls, ca_file=None), env={PASSWORD_ENV: PASSWORD}, waits=waits)
    assert (sent.ok, sent.attempts, waits) == (False, 1, [])
    assert "CERTIFICATE_VERIFY_FAILED" in sent.message or "certificate verify failed" in sent.message
    assert smtp_tls.sink.logins == [] and sent.copy is None


def test_refused_login_is_reported_and_not_retried(smtp_tls_refusing: Server, outputs: Path) -> None:
    waits = Waits()
    sent = send(outputs, settings_for(smtp_tls_refusing), env={PASSWORD_ENV: PASSWORD}, waits=waits)
    assert (sent.ok, sent.attempts, waits) == (False, 1, [])
    assert sent.message.startswith(f"e-mail NOT sent via 127.0.0.1:{smtp_tls_refusing.port}: "
                                   "SMTPAuthenticationError: 535")
    assert not any(s in sent.message for s in SECRETS)
    assert smtp_tls_refusing.sink.messages == [] and not (outputs / EMAIL_COPY).exists()


def test_server_down_is_retried_with_backoff_then_reported(outputs: Path) -> None:
    down = Server("127.0.0.1", free_port(), Sink())
    waits = Waits()
    sent = send(outputs, settings_for(down, retries=2, backoff_seconds=0.5), waits=waits)
    assert (sent.ok, sent.attempts, waits) == (False, 3, [0.5, 1.0])
    assert sent.message == (f"e-mail NOT sent via 127.0.0.1:{down.port} after 3 attempts: "
                            "ConnectionRefusedError: [Errno 111] Connection refused")
    assert not (outputs / EMAIL_COPY).exists()


def test_a_4xx_then_success(smtp_busy: Server, outputs: Path) -> None:
    waits = Waits()
    sent = send(outputs, settings_for(smtp_busy, backoff_seconds=0.25), waits=waits)
    assert (sent.ok, sent.attempts, waits) == (True, 2, [0.25])
    assert len(smtp_busy.sink.messages) == 1


def test_a_5xx_is_not_retried(outputs: Path) -> None:
    sink = Sink(busy=9, busy_reply="550 5.7.1 Sender address rejected")
    controller = start(sink)
    try:
        waits = Waits()
        sent = send(outputs, settings_for(Server("127.0.0.1", controller.port, sink)), waits=waits)
    finally:
        controller.stop()
    assert (sent.ok, sent.attempts, waits, sink.mail_commands) == (False, 1, [], 1)
    assert "SMTPSenderRefused: 550 5.7.1 Sender address rejected" in sent.message


def test_the_password_never_goes_over_a_plain_connection(smtp: Server, outputs: Path) -> None:
    sent = send(outputs, settings_for(smtp, username=USER), env={PASSWORD_ENV: PASSWORD})
    assert not sent.ok and "will not send the SMTP password over an unencrypted connection" in sent.message
    assert smtp.sink.messages == [] and smtp.sink.logins == []


@pytest.mark.parametrize("fields, env, says", [
    ({"username": USER}, {}, f"[email] username is set but {PASSWORD_ENV} is not"),
    ({"recipients": []}, {}, "[email] recipients is empty"),
    ({"recipients": ["pmo@council.example\r\nBcc: everyone@example.com"]}, {}, "the message cannot be built"),
])
def test_what_cannot_be_sent_says_why(smtp: Server, outputs: Path, fields: dict[str, Any], env: dict[str, str],
                                      says: str) -> None:
    sent = send(outputs, settings_for(smtp, **fields), env=env)
    assert not sent.ok and says in sent.message
    assert smtp.sink.messages == []


# --- through a whole run --------------------------------------------------------------------

@pytest.fixture
def papers(tmp_path: Path) -> Path:
    if not CORPUS.exists():
        pytest.skip("../shared/corpus is not beside the repository")
    inp = tmp_path / "in"
    shutil.copytree(CORPUS / "papers", inp)
    return inp


def everything_written(ws: Path) -> bytes:
    return b"\n".join(p.read_bytes() for p in sorted(ws.rglob("*")) if p.is_file())


def test_run_emails_the_report_and_no_secret_leaks(papers: Path, tmp_path: Path, smtp_tls: Server,
                                                   monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture,
                                                   capfd: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv(PASSWORD_ENV, PASSWORD)
    caplog.set_level(logging.DEBUG)
    ws = tmp_path / "ws"
    result = run(ws, Settings(email=settings_for(smtp_tls)), input_dir=papers, email=None, now=NOW)
    assert result.exit_code == 0
    assert mail_messages(result) == [f"e-mail sent to pmo@council.example via 127.0.0.1:{smtp_tls.port}"]
    assert result.report == ws / "outputs" / "data_quality.html"
    msg = smtp_tls.sink.parsed()
    assert msg["Subject"] == "Best Value tracker: 4 papers, 0 errors, 18 warnings"
    attachment = next(p for p in msg.walk() if p.get_filename() == "tracker.xlsx")
    assert attachment.get_content() == (ws / "outputs" / "tracker.xlsx").read_bytes()
    assert (ws / "outputs" / EMAIL_COPY).exists()

    ours = "\n".join(r.getMessage() for r in caplog.records if not r.name.startswith("mail.log"))
    out, err = capfd.readouterr()
    written = everything_written(ws)
    for secret in SECRETS:
        assert secret not in ours and secret not in out and secret not in err
        assert secret.encode() not in written


def test_run_whose_email_fails_keeps_its_outputs_and_tries_again(papers: Path, tmp_path: Path,
                                                                 smtp_tls_refusing: Server,
                                                                 monkeypatch: pytest.MonkeyPatch,
                                                                 caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setenv(PASSWORD_ENV, PASSWORD)
    caplog.set_level(logging.DEBUG)
    ws = tmp_path / "ws"
    settings = Settings(email=settings_for(smtp_tls_refusing))
    result = run(ws, settings, input_dir=papers, email=None, now=NOW)
    assert result.exit_code == 4  # the e-mail was not sent (contract: exit status 4)
    assert len(mail_messages(result)) == 1 and mail_messages(result)[0].startswith("e-mail NOT sent")
    assert any(r.levelno == logging.ERROR and "e-mail NOT sent" in r.getMessage() for r in caplog.records)
    outs = ws / "outputs"
    assert (outs / "tracker.xlsx").exists() and (outs / "data_quality.html").exists()
    assert not (outs / EMAIL_COPY).exists()
    for secret in SECRETS:
        assert secret not in caplog.text and secret.encode() not in everything_written(ws)
    # the next run does not skip as unchanged: it tries the e-mail again (here: not wanted)
    again = run(ws, settings, input_dir=papers, email=False, now=NOW)
    assert not again.unchanged and mail_messages(again) == []
    assert run(ws, settings, input_dir=papers, email=False, now=NOW).unchanged


def test_email_argument_overrides_settings(papers: Path, tmp_path: Path, smtp: Server) -> None:
    settings = Settings(email=settings_for(smtp))
    result = run(tmp_path / "ws", settings, input_dir=papers, email=False, now=NOW)
    assert mail_messages(result) == [] and smtp.sink.messages == []
    off = Settings(email=settings_for(smtp, enabled=False))
    result = run(tmp_path / "ws2", off, input_dir=papers, email=True, now=NOW)
    assert mail_messages(result) == [f"e-mail sent to pmo@council.example via 127.0.0.1:{smtp.port}"]
    assert len(smtp.sink.messages) == 1
