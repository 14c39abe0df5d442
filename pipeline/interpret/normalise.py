"""Normalising the values papers print: text, percentages, UK dates, leads.

Plain functions from a cell's text (and, for Excel, its typed value and number format) to the
contract's values. None means missing; a value that cannot be read is reported by the caller.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

BULLETS = "•▪●◦‣∙·○■□➢➤►▶✓✔-–—*"
_BULLET_RE = re.compile(rf"^\s*(?:[{re.escape(BULLETS)}]|o(?=\s))\s+")
_SPACE_RE = re.compile(r"\s+")
_HYPHEN_END = re.compile(r"[^\W\d_]-$")
MISSING = {"", "-", "–", "—", "n/a", "na", "none", "tbc", "tba", "nil", "?"}


@lru_cache(maxsize=65_536)  # a paper's cells are cleaned several times, and papers repeat them
def clean_text(text: str | None) -> str | None:
    """Paragraphs joined by one space, bullets and markup removed, whitespace collapsed."""
    if text is None:
        return None
    text = unicodedata.normalize("NFC", str(text)).replace("\x0b", "\n").replace("\r", "\n")
    text = re.sub(r"</?[a-zA-Z][^>]{0,40}>", " ", text)  # stray HTML-ish markup
    lines = [_BULLET_RE.sub("", line).strip() for line in text.split("\n")]
    joined = ""
    for line in lines:
        if not line:
            continue
        # a line broken after a hyphen ('self-' / 'evaluation') keeps the hyphen and no space
        glue = "" if _HYPHEN_END.search(joined) and line[:1].isalpha() else " "
        joined = f"{joined}{glue}{line}" if joined else line
    return _SPACE_RE.sub(" ", joined).strip() or None


def nullable(text: str | None) -> str | None:
    """'-', blank and 'n/a' are null; anything else is the cleaned text."""
    cleaned = clean_text(text)
    if cleaned is None or cleaned.lower().strip(" .") in MISSING:
        return None
    return cleaned


# --- percentages -------------------------------------------------------------------------

_PERCENT_RE = re.compile(r"^\s*(-?\d+(?:[.,]\d+)?)\s*(%|per\s*cent|percent|pc)?\s*(?:complete[d]?|done|achieved)?\s*$",
                         re.I)
PERCENT_WORDS = {"complete": 100.0, "completed": 100.0, "done": 100.0, "not started": 0.0,
                 "nil": 0.0}


@dataclass(frozen=True)
class Percent:
    value: float | None  # 0-100, or None when missing or unreadable
    raw: str | None  # the text as printed
    readable: bool = True  # False: text present but not a percentage
    has_sign: bool = False  # printed with '%'


def parse_percent(text: str | None, value: object = None, number_format: str | None = None) -> Percent:
    """'35%', '70', 70, and an Excel 0.7 formatted as '0%' all give the number (35, 70, 70, 70)."""
    raw = clean_text(text)
    if isinstance(value, int | float) and not isinstance(value, bool):
        is_pct_format = bool(number_format and "%" in number_format)
        number = float(value) * 100 if is_pct_format else float(value)
        return Percent(round(number, 6), raw if raw is not None else str(value), True, is_pct_format)
    if raw is None or raw.lower() in MISSING:
        return Percent(None, raw)
    match = _PERCENT_RE.match(raw)
    if match:
        number = float(match.group(1).replace(",", "."))
        return Percent(number, raw, True, bool(match.group(2)))
    word = raw.lower().strip(" .")
    if word in PERCENT_WORDS:
        return Percent(PERCENT_WORDS[word], raw, True, False)
    return Percent(None, raw, readable=False)


# --- dates ---------------------------------------------------------------------------------

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
_ORD = r"(?:st|nd|rd|th)?"


@dataclass(frozen=True)
class DueDate:
    date: dt.date | None
    precision: str | None  # 'day', 'month', 'quarter'
    original: dt.date | None = None  # a bracketed earlier target: '31-Mar-21 (30/06/2020)'
    raw: str | None = None
    readable: bool = True


def _year(text: str) -> int:
    year = int(text)
    return year + 2000 if year < 100 else year


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


_DAY_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?$"), "ymd"),
    (re.compile(r"^(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{2}|\d{4})$"), "dmy"),
    (re.compile(rf"^(\d{{1,2}}){_ORD}[\s\-/.]*(?:of\s+)?({_MONTH_ALT})\.?,?[\s\-/.]*(\d{{2}}|\d{{4}})$", re.I),
     "dMy"),
    (re.compile(rf"^({_MONTH_ALT})\.?\s+(\d{{1,2}}){_ORD},?\s+(\d{{4}})$", re.I), "Mdy"),
]
_MONTH_YEAR = re.compile(rf"^(?:end\s+(?:of\s+)?)?({_MONTH_ALT})\.?[\s\-/,']*(\d{{2}}|\d{{4}})$", re.I)
_NUM_MONTH_YEAR = re.compile(r"^(\d{1,2})\s*/\s*(\d{4})$")
_QUARTER = re.compile(
    r"^(?:q|qtr|quarter)\s*([1-4])\s*(?:of\s+)?(?:fy\s*)?"
    r"(?:(\d{4})\s*(?:[/\-]\s*(\d{2}|\d{4}))?|(\d{2})\s*[/\-]\s*(\d{2}))$", re.I)


def _parse_day(text: str) -> dt.date | None:
    for pattern, order in _DAY_PATTERNS:
        m = pattern.match(text)
        if not m:
            continue
        a, b, c = m.groups()
        if order == "ymd":
            return _safe_date(int(a), int(b), int(c))
        if order == "dmy":
            return _safe_date(_year(c), int(b), int(a))
        if order == "dMy":
            return _safe_date(_year(c), MONTHS[b.lower()], int(a))
        return _safe_date(_year(c), MONTHS[a.lower()], int(b))
    return None


def _parse_quarter(text: str) -> dt.date | None:
    m = _QUARTER.match(text)
    if not m:
        return None
    if m.group(4):  # 'Q1 23/24': a year of two digits is read only with the next year after it
        start, end = int(m.group(4)), int(m.group(5))
        if end != (start + 1) % 100:
            return None
        quarter, start, span = int(m.group(1)), 2000 + start, m.group(5)
    else:
        quarter, start, span = int(m.group(1)), int(m.group(2)), m.group(3)
    # an April-to-March year: Q1 Apr-Jun, Q2 Jul-Sep, Q3 Oct-Dec (same year), Q4 Jan-Mar (next year)
    end_month = {1: 6, 2: 9, 3: 12, 4: 3}[quarter]
    year = start + 1 if quarter == 4 else start
    if span is None and quarter == 4:
        year = start  # 'Q4 2022' without a span names the calendar year the quarter ends in
    return month_end(year, end_month)


# what may stand before a date and says nothing more: a weekday ('Friday 28 March 2025', 'Tue
# 30 Sep 2025'), a week's end ('w/e 28/03/2025'), 'by' or 'due'
_DATE_LEAD = re.compile(r"^(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?"
                        r"|w/?e|week\s+ending|by|due)\s+(?=\d)", re.I)


def parse_single_date(text: str) -> tuple[dt.date | None, str | None]:
    """One date as printed -> (date, precision)."""
    t = _SPACE_RE.sub(" ", text.strip().strip(".,;")).strip()
    t = _DATE_LEAD.sub("", t)
    day = _parse_day(t)
    if day:
        return day, "day"
    m = _MONTH_YEAR.match(t)
    if m:
        return month_end(_year(m.group(2)), MONTHS[m.group(1).lower()]), "month"
    m = _NUM_MONTH_YEAR.match(t)
    if m and 1 <= int(m.group(1)) <= 12:
        return month_end(int(m.group(2)), int(m.group(1))), "month"
    q = _parse_quarter(t)
    if q:
        return q, "quarter"
    return None, None


_BRACKETED = re.compile(r"^(?P<main>.*?)\s*[(\[](?:(?:was|orig(?:inal(?:ly)?)?|previously|revised from|"
                        r"moved from|changed from|extended from)[:\s]*)?"
                        r"(?P<orig>[^()\[\]]+)[)\]]\s*$", re.I)
# 'Sept 2023 (revised to Dec 2023)': the bracket holds the new date
_REVISED_TO = re.compile(r"^(?P<orig>.*?)\s*[(\[]\s*(?:(?:revised|moved|changed|extended|deferred|now)"
                         r"(?:\s+to)?|new(?:\s+(?:target|date))*)[:\s]+(?P<main>[^()\[\]]+)[)\]]\s*$", re.I)
_REVISED = re.compile(r"^(?:revised|new)(?: (?:target|date))*[:\s]+(?P<main>.+?)[\s;,]+(?:original|was|previous)"
                      r"(?: (?:target|date))*[:\s]+(?P<orig>.+)$", re.I)


def parse_due_date(text: str | None, value: object = None) -> DueDate:
    """A target date as printed: a day, 'May 2021', 'Q3 2021/22', or '31-Mar-21 (30/06/2020)'."""
    if isinstance(value, dt.datetime | dt.date):
        day = value.date() if isinstance(value, dt.datetime) else value
        shown = clean_text(text)
        month, precision = parse_single_date(shown) if shown else (None, None)
        if month and precision == "month":  # a date stored but shown as its month ('Mar-24')
            return DueDate(month, precision, None, shown)
        return DueDate(day, "day", None, shown or day.isoformat())
    raw = clean_text(text)
    if raw is None or raw.lower().strip(" .") in MISSING:
        return DueDate(None, None, None, raw)
    for pattern in (_REVISED_TO, _BRACKETED, _REVISED):
        m = pattern.match(raw)
        if m:
            main, precision = parse_single_date(m.group("main"))
            original, _ = parse_single_date(m.group("orig"))
            if main and original:
                return DueDate(main, precision, original, raw)
    date, precision = parse_single_date(raw)
    if date:
        return DueDate(date, precision, None, raw)
    return DueDate(None, None, None, raw, readable=False)


_DATE_IN_TEXT = re.compile(
    rf"(\d{{1,2}}{_ORD}\s+(?:{_MONTH_ALT})\.?,?\s+\d{{4}}"
    rf"|\d{{1,2}}\s*[/.\-]\s*\d{{1,2}}\s*[/.\-]\s*(?:\d{{4}}|\d{{2}})"
    rf"|\d{{1,2}}-(?:{_MONTH_ALT})-\d{{2,4}}"
    rf"|(?:{_MONTH_ALT})\s+\d{{1,2}}{_ORD},?\s+\d{{4}})",
    re.I)


def find_date(text: str | None) -> dt.date | None:
    """The first day-precision date written anywhere in ``text`` ('Progress at 28.09.20')."""
    if not text:
        return None
    for m in _DATE_IN_TEXT.finditer(text):
        day = _parse_day(_SPACE_RE.sub(" ", m.group(1)))
        if day:
            return day
    return None


_PERIOD_IN_TEXT = re.compile(
    rf"(?<![\w/])(?:(?:q|qtr|quarter)\s*[1-4]\s*(?:of\s+)?(?:fy\s*)?"
    rf"(?:\d{{4}}(?:\s*[/\-]\s*(?:\d{{4}}|\d{{2}}))?|\d{{2}}\s*[/\-]\s*\d{{2}})"
    rf"|(?:{_MONTH_ALT})\.?[\s\-/,']*(?:\d{{4}}|\d{{2}}))(?![\w/])", re.I)


def find_period(text: str | None) -> dt.date | None:
    """The last day of the first period named in ``text`` ('% complete Q2 2021/22', 'Position at
    June 2021', 'Sept 21'); a day ('30 Sept 2021') is that day."""
    if not text:
        return None
    day = find_date(text)
    if day:
        return day
    for m in _PERIOD_IN_TEXT.finditer(text):
        date, precision = parse_single_date(m.group(0))
        if date and precision in ("month", "quarter"):
            return date
    return None


def parse_report_date(text: str | None, value: object = None) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not text:
        return None
    date, precision = parse_single_date(clean_text(text) or "")
    return date if precision == "day" else find_date(text)


# --- leads ----------------------------------------------------------------------------------

# Cyrillic and Greek letters that look like Latin ones. Lower-case Cyrillic н, т, м, в, к look
# like small capitals, so they fold to capitals.
LOOKALIKES = {
    "А": "A", "В": "B", "Е": "E", "Ё": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P",
    "С": "C", "Т": "T", "Х": "X", "У": "Y", "Ѕ": "S", "І": "I", "Ј": "J", "Ԛ": "Q", "Ԝ": "W",
    "а": "a", "е": "e", "ё": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "ѕ": "s",
    "і": "i", "ј": "j", "һ": "h", "ԁ": "d", "ԛ": "q", "ԝ": "w", "н": "H", "т": "T", "м": "M",
    "в": "B", "к": "K",
    "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N",
    "Ο": "O", "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X", "ο": "o", "ν": "v", "ι": "i", "κ": "k",
}


def has_lookalikes(text: str | None) -> bool:
    return bool(text) and any(ch in LOOKALIKES for ch in str(text))


def _non_latin_letters(text: str) -> list[str]:
    return [ch for ch in text if ch.isalpha() and not unicodedata.name(ch, "").startswith("LATIN")]


def normalise_lead(text: str | None) -> str | None:
    """Unicode-normalised, look-alike letters folded to Latin, whitespace collapsed.

    Folding happens only when every non-Latin letter has a Latin look-alike: a name really
    written in another script is kept as written.
    """
    cleaned = nullable(text)
    if cleaned is None:
        return None
    cleaned = unicodedata.normalize("NFKC", cleaned)
    foreign = _non_latin_letters(cleaned)
    if foreign and all(ch in LOOKALIKES for ch in foreign):
        cleaned = "".join(LOOKALIKES.get(ch, ch) for ch in cleaned)
    return _SPACE_RE.sub(" ", cleaned).strip()
