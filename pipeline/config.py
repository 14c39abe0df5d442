"""Settings: a small validated dataclass with named defaults, loaded from ``bvtrack.toml``.

``load()`` accepts nothing (defaults), a path, or a dict, and names the bad key in its error.
Every key is documented in README.md ("Configuration").
"""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass, field, fields
from fnmatch import fnmatchcase
from pathlib import Path
from typing import Any

from pipeline.errors import ConfigError

DEFAULT_TIMEOUT_SECONDS = 60.0
DEFAULT_MEMORY_MB = 1024
DEFAULT_MAX_UNZIPPED_MB = 200
DEFAULT_MAX_PAGES = 500
DEFAULT_LOG_KEEP = 30  # run logs kept in outputs/logs/
DEFAULT_MATCH_THRESHOLD = 85.0
CONFIG_FILE_NAME = "bvtrack.toml"


@dataclass
class EmailSettings:
    enabled: bool = False
    smtp_host: str = "localhost"
    smtp_port: int = 25
    sender: str = "bvtrack@localhost"
    recipients: list[str] = field(default_factory=list)
    starttls: bool = False
    username: str | None = None
    ca_file: str | None = None
    timeout_seconds: float = 30.0
    retries: int = 3
    backoff_seconds: float = 2.0


@dataclass
class PaperOverride:
    """What the programme office says about one paper (or papers matching a glob), over what it states."""

    report_date: dt.date | None = None
    committee_date: dt.date | None = None
    organisation: str | None = None
    plan: str | None = None


@dataclass
class Settings:
    # extra header spellings per field, e.g. {"lead": ["Accountable Officer"]}
    headers: dict[str, list[str]] = field(default_factory=dict)
    # extra RAG words per value, e.g. {"red": ["Off Track"]}
    rag_labels: dict[str, list[str]] = field(default_factory=dict)
    # extra theme labels, e.g. ["Improvement Area:"]
    theme_labels: list[str] = field(default_factory=list)
    # shared-folder sub-folder (glob) -> organisation name
    organisations: dict[str, str] = field(default_factory=dict)
    # organisation -> known leads (drives the lead_unknown check)
    leads: dict[str, list[str]] = field(default_factory=dict)
    # file name or glob -> what the paper says, overridden ([papers."name.docx"] report_date = 2022-03-14)
    papers: dict[str, PaperOverride] = field(default_factory=dict)
    match_threshold: float = DEFAULT_MATCH_THRESHOLD
    timeout_seconds: float = DEFAULT_TIMEOUT_SECONDS
    memory_mb: int = DEFAULT_MEMORY_MB
    max_unzipped_mb: int = DEFAULT_MAX_UNZIPPED_MB
    max_pages: int = DEFAULT_MAX_PAGES
    workers: int | None = None
    log_keep: int = DEFAULT_LOG_KEEP
    email: EmailSettings = field(default_factory=EmailSettings)
    source: str | None = None  # the file these settings came from


def _build(cls: type, data: dict[str, Any], where: str) -> Any:
    known = {f.name: f for f in fields(cls)}
    kwargs: dict[str, Any] = {}
    for key, value in data.items():
        if key not in known or key == "source":
            raise ConfigError(f"{where}: unknown setting {key!r} (known: {', '.join(sorted(known))})")
        if key == "email":
            if not isinstance(value, dict):
                raise ConfigError(f"{where}: [email] must be a table")
            value = _build(EmailSettings, value, f"{where} [email]")
        elif key == "papers":
            value = _overrides(value, where)
        kwargs[key] = value
    try:
        return cls(**kwargs)
    except TypeError as exc:  # pragma: no cover - dataclass argument errors
        raise ConfigError(f"{where}: {exc}") from exc


def _overrides(data: Any, where: str) -> dict[str, PaperOverride]:
    """[papers."<file name or glob>"] tables: dates as TOML dates or 'YYYY-MM-DD', names as text."""
    if not isinstance(data, dict) or not all(isinstance(v, dict) for v in data.values()):
        raise ConfigError(f'{where}: [papers] holds one table per paper: [papers."name.docx"] report_date = 2022-03-14')
    out = {}
    for name, fields_ in data.items():
        here = f'{where} [papers."{name}"]'
        known = {f.name for f in fields(PaperOverride)}
        for key, value in fields_.items():
            if key not in known:
                raise ConfigError(f"{here}: unknown setting {key!r} (known: {', '.join(sorted(known))})")
            if key.endswith("_date"):
                fields_ = {**fields_, key: _date(value, f"{here} {key}")}
            elif not isinstance(value, str) or not value.strip():
                raise ConfigError(f"{here}: {key} must be text, not {value!r}")
        out[name] = PaperOverride(**fields_)
    return out


def _date(value: Any, where: str) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise ConfigError(f"{where}: a date, written 2022-03-14, not {value!r}")


def override_for(name: str | None, overrides: dict[str, PaperOverride]) -> PaperOverride | None:
    """The override whose name or glob matches a paper's file name (case aside); an exact name first."""
    if not name or not overrides:
        return None
    lowered = name.lower()
    exact = next((o for pattern, o in overrides.items() if pattern.lower() == lowered), None)
    return exact or next((o for pattern, o in overrides.items() if fnmatchcase(lowered, pattern.lower())), None)


def _check(settings: Settings, where: str) -> None:
    for name in ("timeout_seconds", "memory_mb", "max_unzipped_mb", "max_pages", "log_keep"):
        value = getattr(settings, name)
        if not isinstance(value, int | float) or value <= 0:
            raise ConfigError(f"{where}: {name} must be a positive number, not {value!r}")
    workers = settings.workers
    if workers is not None and (not isinstance(workers, int) or isinstance(workers, bool) or workers < 1):
        raise ConfigError(f"{where}: workers must be a whole number, 1 or more, not {workers!r}")
    for name in ("headers", "rag_labels", "leads"):
        mapping = getattr(settings, name)
        if not isinstance(mapping, dict) or not all(
            isinstance(v, list) and all(isinstance(s, str) for s in v) for v in mapping.values()
        ):
            raise ConfigError(f"{where}: [{name}] maps names to lists of strings")


def load(source: str | Path | dict[str, Any] | None = None) -> Settings:
    """Settings from a TOML file, a dict, or the defaults when ``source`` is None."""
    if source is None:
        return Settings()
    if isinstance(source, dict):
        data, where = dict(source), "settings"
    else:
        path = Path(source)
        where = str(path)
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError as exc:
            raise ConfigError(f"{where}: no such configuration file") from exc
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{where}: not valid TOML: {exc}") from exc
    email = data.get("email")
    if isinstance(email, dict) and "password" in email:
        raise ConfigError(f"{where}: [email] must not hold a password; set BVTRACK_SMTP_PASSWORD")
    settings = _build(Settings, data, where)
    settings.source = None if isinstance(source, dict) else where
    _check(settings, where)
    return settings


def find_config(workspace: Path, explicit: str | Path | None) -> Path | None:
    """``--config`` if given, else ``<workspace>/bvtrack.toml`` if it exists."""
    if explicit is not None:
        return Path(explicit)
    candidate = workspace / CONFIG_FILE_NAME
    return candidate if candidate.exists() else None

