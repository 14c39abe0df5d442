"""Settings: a small validated dataclass with named defaults, loaded from ``bvtrack.toml``.

``load()`` accepts nothing (defaults), a path, or a dict. Every setting is checked as it is
loaded, before any paper is read: an unknown key or name, a wrong type or a value out of range is
a :class:`~pipeline.errors.ConfigError` naming the setting and what it accepts (exit 2). Every key
is documented in docs/configuration.md.
"""

from __future__ import annotations

import datetime as dt
import math
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from fnmatch import fnmatchcase
from pathlib import Path
from typing import Any

from pipeline.errors import ConfigError
from pipeline.schema import HEADER_FIELDS, RAG_VALUES

DEFAULT_TIMEOUT_SECONDS = 60.0
DEFAULT_MEMORY_MB = 1024
DEFAULT_MAX_UNZIPPED_MB = 200
DEFAULT_MAX_PAGES = 500
DEFAULT_MAX_INPUT_MB = 100  # a file in the shared folder larger than this is skipped, never copied
DEFAULT_MAX_ROWS = 20_000  # a paper with more table rows than this is quarantined
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
    # shared-folder sub-folder or file name (glob) -> organisation name
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
    max_input_mb: int = DEFAULT_MAX_INPUT_MB
    max_rows: int = DEFAULT_MAX_ROWS
    workers: int | None = None
    log_keep: int = DEFAULT_LOG_KEEP
    email: EmailSettings = field(default_factory=EmailSettings)
    # where readers of the outputs find the papers: a UNC path or an intranet URL mirroring the shared
    # folder (None: links to the copies in raw/)
    published_location: str | None = None
    source: str | None = None  # the file these settings came from


Rule = tuple[str, Callable[[Any], bool]]  # what a setting accepts, said to the user; the test of a value


def _number(v: Any) -> bool:
    return isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v)


def _whole(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def _texts(v: Any) -> bool:
    return isinstance(v, list) and all(isinstance(s, str) for s in v)


ABOVE_ZERO: Rule = ("a number above 0", lambda v: _number(v) and v > 0)
ONE_OR_MORE: Rule = ("a whole number, 1 or more", lambda v: _whole(v) and v >= 1)
TEXT: Rule = ("text", lambda v: isinstance(v, str) and bool(v.strip()))
TEXTS: Rule = ("a list of strings", _texts)
YES_NO: Rule = ("true or false", lambda v: isinstance(v, bool))

RULES: dict[str, Rule] = {
    "match_threshold": ("a number from 0 to 100", lambda v: _number(v) and 0 <= v <= 100),
    "timeout_seconds": ABOVE_ZERO,
    **{name: ONE_OR_MORE for name in ("memory_mb", "max_unzipped_mb", "max_pages", "max_input_mb", "max_rows",
                                      "workers", "log_keep")},
    "theme_labels": TEXTS,
    "published_location": ("a UNC path (\\\\server\\share\\papers) or a URL (https://...)",
                           lambda v: isinstance(v, str) and v.strip().lower().startswith(("\\\\", "http://", "https://",
                                                                                          "file://"))),
}
# tables of settings: the names they accept (None: any) and what each name's value must be
TABLES: dict[str, tuple[tuple[str, ...] | None, Rule]] = {
    "headers": (HEADER_FIELDS, TEXTS),
    "rag_labels": (RAG_VALUES, TEXTS),
    "organisations": (None, TEXT),
    "leads": (None, TEXTS),
}
EMAIL_RULES: dict[str, Rule] = {
    "enabled": YES_NO, "starttls": YES_NO, "smtp_host": TEXT, "sender": TEXT, "username": TEXT, "ca_file": TEXT,
    "smtp_port": ("a port number from 1 to 65535", lambda v: _whole(v) and 1 <= v <= 65535),
    "recipients": TEXTS, "timeout_seconds": ABOVE_ZERO,
    "retries": ("a whole number, 0 or more", lambda v: _whole(v) and v >= 0),
    "backoff_seconds": ("a number, 0 or more", lambda v: _number(v) and v >= 0),
}


def _checked(key: str, value: Any, rule: Rule, where: str) -> Any:
    accepts, ok = rule
    if not ok(value):
        raise ConfigError(f"{where}: {key} must be {accepts}, not {value!r}")
    return value


def _table(key: str, value: Any, where: str) -> dict[str, Any]:
    names, rule = TABLES[key]
    if not isinstance(value, dict):
        raise ConfigError(f"{where}: [{key}] must be a table of names to {rule[0]}, not {value!r}")
    for name, item in value.items():
        if names is not None and name not in names:
            raise ConfigError(f"{where}: [{key}] has no {name!r}; it accepts {', '.join(names)}")
        _checked(f"[{key}] {name}", item, rule, where)
    return value


def _build(cls: type, data: dict[str, Any], where: str) -> Any:
    """``cls`` from a TOML table, each key known and each value what its setting accepts."""
    known = {f.name for f in fields(cls)} - {"source"}
    rules = EMAIL_RULES if cls is EmailSettings else RULES
    kwargs: dict[str, Any] = {}
    for key, value in data.items():
        if key not in known:
            raise ConfigError(f"{where}: unknown setting {key!r} (known: {', '.join(sorted(known))})")
        if key == "email":
            if not isinstance(value, dict):
                raise ConfigError(f"{where}: [email] must be a table")
            value = _build(EmailSettings, value, f"{where} [email]")
        elif key == "papers":
            value = _overrides(value, where)
        elif key in TABLES:
            value = _table(key, value, where)
        else:
            _checked(key, value, rules[key], where)
        kwargs[key] = value
    return cls(**kwargs)


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
    return settings


def find_config(workspace: Path, explicit: str | Path | None) -> Path | None:
    """``--config`` if given, else ``<workspace>/bvtrack.toml`` if it exists."""
    if explicit is not None:
        return Path(explicit)
    candidate = workspace / CONFIG_FILE_NAME
    return candidate if candidate.exists() else None

