"""Making paper text safe for a spreadsheet cell, and saying what was changed.

Excel holds at most 32,767 characters (UTF-16 code units) in a cell and cannot hold the C0
control characters other than tab, LF and CR, nor U+FFFE, U+FFFF or unpaired surrogates. Rather
than fail the run at its last step, :func:`clean_tables` cleans every text cell of the tables the
workbook shows and returns one finding per changed cell:

| check | severity | fires when |
| --- | --- | --- |
| ``text_chars_removed`` | warning | a text held characters Excel cannot store; they were removed |
| ``text_truncated`` | warning | a text was longer than 32,767 characters; it was cut, ending in ``[… cut]`` |

Only the tables the workbook shows are cleaned: ``documents``, ``actions``, ``snapshots``,
``items`` and ``target_changes`` with findings; ``findings`` (already findings), ``document_plans``
and ``changes`` (names also in ``actions``) silently. Other tables pass through unchanged.

:func:`is_formula_like` names the strings a spreadsheet could take for a formula (OWASP's
CSV-injection triggers); the workbook writes those as text with a quote prefix.
"""

from __future__ import annotations

import re
from typing import Any

import pandas as pd

from pipeline.findings import Finding, finding

EXCEL_MAX_CHARS = 32_767
CUT_MARK = " [… cut]"
CHECK_CHARS_REMOVED = "text_chars_removed"
CHECK_TRUNCATED = "text_truncated"
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n")

REPORTED = ("documents", "actions", "snapshots", "items", "target_changes")
SILENT = ("findings", "document_plans", "changes")
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_EXCERPT = 120


def is_formula_like(text: str) -> bool:
    """True where a spreadsheet could read ``text`` as a formula (or DDE) if it were not text."""
    return text.startswith(FORMULA_TRIGGERS)


def utf16_len(text: str) -> int:
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


def _cut(text: str, limit: int) -> str:
    """The longest prefix of ``text`` within ``limit`` UTF-16 units (never half a pair)."""
    units = 0
    for i, ch in enumerate(text):
        units += 2 if ord(ch) > 0xFFFF else 1
        if units > limit:
            return text[:i]
    return text


def clean_text(text: str) -> tuple[str, list[tuple[str, str]]]:
    """``text`` made storable in a cell, and (check, message) for each change made."""
    problems: list[tuple[str, str]] = []
    bad = _ILLEGAL.findall(text)
    if bad:
        codes = ", ".join(sorted({f"U+{ord(ch):04X}" for ch in bad}))
        text = _ILLEGAL.sub("", text)
        problems.append((CHECK_CHARS_REMOVED,
                         f"{len(bad)} character(s) Excel cannot hold removed ({codes})"))
    if len(text) > EXCEL_MAX_CHARS // 2 and (n := utf16_len(text)) > EXCEL_MAX_CHARS:
        text = _cut(text, EXCEL_MAX_CHARS - len(CUT_MARK)) + CUT_MARK
        problems.append((CHECK_TRUNCATED,
                         f"text of {n:,} characters cut to {EXCEL_MAX_CHARS:,}, Excel's limit for a cell"))
    return text, problems


def _is_text(value: Any) -> bool:
    return isinstance(value, str)


def _clean_column(frame: pd.DataFrame, table: str, column: str, findings: list[Finding]) -> pd.Series | None:
    """The cleaned column, or None where nothing in it needed cleaning."""
    values = list(frame[column])
    changed = False
    for i, value in enumerate(values):
        if not _is_text(value):
            continue
        if not _ILLEGAL.search(value) and len(value) <= EXCEL_MAX_CHARS // 2:
            continue
        cleaned, problems = clean_text(value)
        if not problems:
            continue
        values[i], changed = cleaned, True
        if table in SILENT:
            continue
        row = frame.iloc[i]
        for check, message in problems:
            findings.append(finding(check, "warning", f"{table}.{column}: {message}", doc_id=row.get("doc_id"),
                                    action_id=row.get("action_id"), column=column, value=cleaned[:_EXCERPT]))
    if not changed:
        return None
    return pd.Series(values, index=frame.index, dtype=frame[column].dtype)


def clean_tables(tables: dict[str, pd.DataFrame]) -> tuple[dict[str, pd.DataFrame], list[Finding]]:
    """Every text cell of every table made storable; returns new tables and the findings.

    The inputs are not changed; a table with nothing to clean is passed through as is.
    """
    findings: list[Finding] = []
    out: dict[str, pd.DataFrame] = {}
    for name in sorted(tables):
        frame = tables[name]
        if name not in REPORTED + SILENT or not isinstance(frame, pd.DataFrame):
            out[name] = frame
            continue
        replaced: dict[str, pd.Series] = {}
        for column in frame.columns:
            if frame[column].dtype.kind in "biufcmM":
                continue
            series = _clean_column(frame, name, str(column), findings)
            if series is not None:
                replaced[str(column)] = series
        out[name] = frame.assign(**replaced) if replaced else frame
    return out, findings
