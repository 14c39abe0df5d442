"""One case per real-world spelling of percentages, target dates, leads and text."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.interpret.normalise import (
    clean_text,
    find_date,
    has_lookalikes,
    normalise_lead,
    nullable,
    parse_due_date,
    parse_percent,
    parse_report_date,
)

D = dt.date


@pytest.mark.parametrize(("text", "value", "fmt", "want", "sign"), [
    ("35%", None, None, 35.0, True),
    ("70", None, None, 70.0, False),
    ("70%", 0.7, "0%", 70.0, True),          # an Excel 0.7 shown as 70%
    ("70", 70, "General", 70.0, False),      # an Excel number
    ("12.5%", 0.125, "0.0%", 12.5, True),
    (" 100 % ", None, None, 100.0, True),
    ("0%", None, None, 0.0, True),
    ("45 per cent", None, None, 45.0, True),
    ("60% complete", None, None, 60.0, True),
    ("60% done", None, None, 60.0, True),
    ("33,5%", None, None, 33.5, True),       # a decimal comma
    ("Complete", None, None, 100.0, False),
    ("Not started", None, None, 0.0, False),
    ("120%", None, None, 120.0, True),       # out of range is kept, validation flags it
])
def test_percent_spellings(text: str, value: object, fmt: str | None, want: float, sign: bool) -> None:
    parsed = parse_percent(text, value, fmt)
    assert (parsed.value, parsed.readable, parsed.has_sign) == (want, True, sign)
    assert parsed.raw == text.strip()


@pytest.mark.parametrize("text", ["", "-", "n/a", "N/A", "TBC", None])
def test_percent_missing(text: str | None) -> None:
    assert parse_percent(text).value is None
    assert parse_percent(text).readable


@pytest.mark.parametrize("text", ["50-60%", "about half", "see note"])
def test_percent_unreadable_is_flagged_not_guessed(text: str) -> None:
    parsed = parse_percent(text)
    assert parsed.value is None and not parsed.readable and parsed.raw == text


@pytest.mark.parametrize(("text", "want", "precision", "original"), [
    ("30-Jun-20", D(2020, 6, 30), "day", None),
    ("31-Mar-21 (30/06/2020)", D(2021, 3, 31), "day", D(2020, 6, 30)),
    ("31-Mar-21\n(30/06/2020)", D(2021, 3, 31), "day", D(2020, 6, 30)),
    ("30/11/2020 (was 30/04/2020)", D(2020, 11, 30), "day", D(2020, 4, 30)),
    ("Revised: 31/12/2021; Original: 30/06/2021", D(2021, 12, 31), "day", D(2021, 6, 30)),
    ("01/03/21", D(2021, 3, 1), "day", None),
    ("1.3.21", D(2021, 3, 1), "day", None),
    ("28.09.2020", D(2020, 9, 28), "day", None),
    ("15 February 2021", D(2021, 2, 15), "day", None),
    ("15th Feb 2021", D(2021, 2, 15), "day", None),
    ("February 15, 2021", D(2021, 2, 15), "day", None),
    ("2021-05-31", D(2021, 5, 31), "day", None),
    ("May 2021", D(2021, 5, 31), "month", None),
    ("Feb 2022", D(2022, 2, 28), "month", None),
    ("Sept 2021", D(2021, 9, 30), "month", None),
    ("Dec-21", D(2021, 12, 31), "month", None),
    ("End of March 2022", D(2022, 3, 31), "month", None),
    ("03/2022", D(2022, 3, 31), "month", None),
    ("Q3 2021/22", D(2021, 12, 31), "quarter", None),
    ("Q4 2021/22", D(2022, 3, 31), "quarter", None),
    ("Q1 2022-23", D(2022, 6, 30), "quarter", None),
    ("Quarter 2 2022/23", D(2022, 9, 30), "quarter", None),
    ("Q3 23/24", D(2023, 12, 31), "quarter", None),
    ("Q4 23-24", D(2024, 3, 31), "quarter", None),
    ("Sept 2023 (revised to Dec 2023)", D(2023, 12, 31), "month", D(2023, 9, 30)),
    ("31/03/2024 (revised from 31/12/2023)", D(2024, 3, 31), "day", D(2023, 12, 31)),
    ("30/06/2024 (new target: 31/12/2024)", D(2024, 12, 31), "day", D(2024, 6, 30)),
    ("Friday 28 March 2025", D(2025, 3, 28), "day", None),
    ("Tue 30 Sep 2025", D(2025, 9, 30), "day", None),
    ("w/e 28/03/2025", D(2025, 3, 28), "day", None),
])
def test_due_date_spellings(text: str, want: dt.date, precision: str, original: dt.date | None) -> None:
    parsed = parse_due_date(text)
    assert (parsed.date, parsed.precision, parsed.original, parsed.readable) == (want, precision, original, True)


def test_due_date_from_an_excel_date() -> None:
    parsed = parse_due_date("31/05/2021", dt.datetime(2021, 5, 31))
    assert (parsed.date, parsed.precision) == (D(2021, 5, 31), "day")


def test_an_excel_date_shown_as_its_month_is_the_month() -> None:
    parsed = parse_due_date("Mar-24", dt.datetime(2024, 3, 1))  # 'mmm-yy': Excel prints no day
    assert (parsed.date, parsed.precision, parsed.raw) == (D(2024, 3, 31), "month", "Mar-24")


@pytest.mark.parametrize("text", ["Q1 23/25", "Q2 23", "Q5 2023/24"])
def test_quarters_that_are_no_quarter(text: str) -> None:
    assert parse_due_date(text).date is None


@pytest.mark.parametrize("text", ["Ongoing", "Summer", "31/02/2021", "When resources allow"])
def test_due_date_unreadable(text: str) -> None:
    parsed = parse_due_date(text)
    assert parsed.date is None and not parsed.readable and parsed.raw == text


@pytest.mark.parametrize("text", ["", "-", "TBC", None])
def test_due_date_missing_is_not_an_error(text: str | None) -> None:
    parsed = parse_due_date(text)
    assert parsed.date is None and parsed.readable


@pytest.mark.parametrize(("text", "want"), [
    ("н/н&Р", "H/H&P"),                # Cyrillic look-alikes, as typed in a real paper
    ("Н/GSP", "H/GSP"),                # one Cyrillic capital among Latin letters
    ("DCE (ЕCOD)", "DCE (ECOD)"),
    ("Jenni  Craig ", "Jenni Craig"),
    ("Ｊｅｎｎｉ Craig", "Jenni Craig"),   # full-width letters (NFKC)
    ("Rob McC-G", "Rob McC-G"),
    ("Иван Петров", "Иван Петров"),   # a name really in Cyrillic is kept
    ("Κ. Smith", "K. Smith"),          # Greek capital kappa
])
def test_lead_spellings(text: str, want: str) -> None:
    assert normalise_lead(text) == want


def test_lead_missing_and_lookalike_detection() -> None:
    assert normalise_lead("-") is None and normalise_lead("  ") is None
    assert has_lookalikes("н/н&Р") and not has_lookalikes("H/H&P")


@pytest.mark.parametrize(("text", "want"), [
    ("• first\n• second", "first second"),
    ("▪ one\n▪ two", "one two"),
    ("- dash bullet\nnext", "dash bullet next"),
    ("line one\x0bline two", "line one line two"),   # Word's soft line break
    ("  spaced   out\t text ", "spaced out text"),
    ("<b>bold</b> text", "bold text"),
    ("Cost - benefit", "Cost - benefit"),           # a dash inside a line is text
])
def test_clean_text(text: str, want: str) -> None:
    assert clean_text(text) == want


def test_nullable_service_lead() -> None:
    assert nullable("-") is None and nullable("") is None and nullable("Clare Malster") == "Clare Malster"


@pytest.mark.parametrize(("text", "want"), [
    ("Progress at 28.09.20", D(2020, 9, 28)),
    ("Progress at 28/09/2020", D(2020, 9, 28)),
    ("% complete as at 31 March 2021", D(2021, 3, 31)),
    ("Updated Progress", None),
])
def test_date_in_header(text: str, want: dt.date | None) -> None:
    assert find_date(text) == want


def test_report_date() -> None:
    assert parse_report_date("01/03/21") == D(2021, 3, 1)
    assert parse_report_date("", dt.datetime(2021, 3, 10)) == D(2021, 3, 10)
    assert parse_report_date("Report to committee on 15 February 2021") == D(2021, 2, 15)


@pytest.mark.parametrize(("text", "want"), [
    ("review service self-\nevaluation arrangements", "review service self-evaluation arrangements"),
    ("gather real-\ntime feedback", "gather real-time feedback"),
    ("costs -\n2021", "costs - 2021"),
])
def test_lines_broken_after_a_hyphen_keep_it(text: str, want: str) -> None:
    assert clean_text(text) == want
