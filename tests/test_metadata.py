"""Report details as papers print them: labels run together on one line, prose, file names."""

from __future__ import annotations

import datetime as dt

import pytest

from extractors.model import Cell, Paper, Paragraph, Table
from pipeline.interpret.metadata import file_name_date, labelled, read_metadata, settle_report_date

D = dt.date


@pytest.mark.parametrize("line, found", [
    ("Report Ref: AC 014 Report Date: 04/02/22 Meeting Date: ###",
     [("report_ref", "AC 014"), ("report_date", "04/02/22"), ("committee_date", "###")]),
    ("Date of Meeting: 23 June 2021 Report No: CS/21/45", [("committee_date", "23 June 2021"),
                                                           ("report_ref", "CS/21/45")]),
    ("Committee Report Ref:", [("report_ref", "")]),
    ("Progress at 28.09.20", []),  # a column's header, not a label
    ("The position as at 31 March 2022 is shown below", []),  # a label only where a line starts with one
])
def test_labels_split_where_the_next_one_starts(line: str, found: list[tuple[str, str]]) -> None:
    assert list(labelled(line)) == found


def _paper(*lines: str, cells: list[list[str]] | None = None) -> Paper:
    blocks: list[Paragraph | Table] = [Paragraph(text) for text in lines]
    if cells:
        blocks.append(Table([[Cell(t, r, c) for c, t in enumerate(row)] for r, row in enumerate(cells)], index=0))
    return Paper("x.pdf", "pdf", blocks)


@pytest.mark.parametrize("paper, ref, report, committee", [
    (_paper("Best Value Action Plan", "Report Ref: AC 014 Report Date: 04/02/22 Meeting Date: ###"),
     "AC 014", D(2022, 2, 4), None),
    (_paper("Action Plan Update", "Report by the Director of Finance to the Policy and Resources Committee, "
            "14 March 2022. Reference PR/22/07", "Progress since 8 November 2021 is set out below."),
     "PR/22/07", D(2022, 3, 14), None),
    (_paper("Action Plan Update", cells=[["AUDIT COMMITTEE\nMeeting Date: 7 September 2022",
                                          "Report by: Chief Executive\nReport Ref: ARS/22/19\n"
                                          "Date of Report: 24 August 2022"]]),
     "ARS/22/19", D(2022, 8, 24), D(2022, 9, 7)),
    (_paper("Action Plan Update", "Date of Meeting: 23 June 2021", "Report No: CS/21/45"),
     "CS/21/45", None, D(2021, 6, 23)),
    # a sheet's byline above its header: prose in a row of one cell at the top of the table
    (_paper(cells=[["Pitcaple Council – Action Plan"], [""],
                   ["Report by the Chief Executive to the Policy and Resources Committee, 20 February 2024"],
                   ["Ref", "Action", "Lead", "Target Date"]]),
     None, D(2024, 2, 20), None),
])
def test_report_details_in_lines_prose_and_cells(paper: Paper, ref: str, report: dt.date | None,
                                                 committee: dt.date | None) -> None:
    meta = read_metadata(paper)
    assert (meta.report_ref, meta.report_date, meta.committee_date) == (ref, report, committee)


@pytest.mark.parametrize("name, date", [
    ("fife_update_2021-12.docx", D(2021, 12, 31)), ("x_20220314.pdf", D(2022, 3, 14)),
    ("a 14-03-2022.xlsx", D(2022, 3, 14)), ("Update Dec2021.docx", D(2021, 12, 31)),
    ("plan v2.docx", None), ("plan 2022.docx", None),
])
def test_a_date_in_a_file_name(name: str, date: dt.date | None) -> None:
    assert file_name_date(name) == date


def test_the_fallbacks_in_the_contracts_order() -> None:
    day = D(2022, 1, 1)
    assert settle_report_date(None, None, "u_2021-12.docx", day) == (D(2021, 12, 31), "file_name")
    assert settle_report_date(None, D(2021, 6, 23), "u_2021-12.docx", day) == (D(2021, 6, 23), "committee_date")
    assert settle_report_date(D(2021, 5, 1), D(2021, 6, 23), None, day, D(2021, 7, 1)) == (D(2021, 7, 1), "config")
    assert settle_report_date(None, None, "u.docx", day) == (day, "file_properties")
    assert settle_report_date(None, None, "u.docx", None) == (None, None)
