"""General rules of an action table, each on a small paper built here and read by the real pipeline:
what a dated column is, which RAG column is the paper's own, which rows are no actions, and a key
given as labels and meanings. Each test fails without its rule (the layout classes in tests/layouts
cover the same rules over many papers, within their accuracy goal)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import docx
import openpyxl

from pipeline import config
from pipeline.interpret import PaperReading, read_paper_file

D = dt.date
HEAD = ["Ref", "Action", "Lead Officer", "Target Date"]


def _read(path: Path) -> PaperReading:
    return read_paper_file(path, config.load(None))


def _workbook(path: Path, rows: list[list[Any]], formats: dict[str, str] | None = None) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Report Date: 08/02/2024"])
    sheet.append([])
    for row in rows:
        sheet.append(row)
    for ref, fmt in (formats or {}).items():
        sheet[ref].number_format = fmt
    book.save(path)
    return path


def _document(path: Path, rows: list[list[str]], before: Sequence[str] = (), after: list[list[str]] | None = None,
              *, shaded: dict[tuple[int, int], str] | None = None, merged: Sequence[tuple[int, int, int]] = (),
              report_date: str = "15/03/2024") -> Path:
    """A Word paper of one table (``rows``; ``after``: a second table), with cells shaded
    ((row, col) -> 'RRGGBB') and merged across ((row, first col, last col))."""
    from papers import shade_cell

    document = docx.Document()
    document.add_paragraph(f"Report Date: {report_date}")
    for line in before:
        document.add_paragraph(line)
    for n, table_rows in enumerate([rows, *([after] if after else [])]):
        table = document.add_table(rows=len(table_rows), cols=max(len(r) for r in table_rows))
        for r, row in enumerate(table_rows):
            for c, text in enumerate(row):
                table.cell(r, c).text = text
        if n == 0:
            for (r, c), fill in (shaded or {}).items():
                shade_cell(table.cell(r, c), fill)
            for r, first, last in merged:
                table.cell(r, first).merge(table.cell(r, last))
    document.save(path)
    return path


def _snapshots(reading: PaperReading) -> dict[tuple[str | None, D | None], dict[str, Any]]:
    refs = {a["local_id"]: a["ref"] for a in reading.actions}
    return {(refs[s["local_id"]], s["as_of"]): s for s in reading.snapshots}


def test_columns_headed_by_a_month_stored_as_a_date_are_snapshots_at_its_end(tmp_path: Path) -> None:
    months = [dt.datetime(2023, 6, 1), dt.datetime(2023, 9, 1), dt.datetime(2023, 12, 1)]
    paper = _workbook(tmp_path / "tracker.xlsx", [
        [*HEAD, *months, "% Complete", "RAG", "Comments"],
        ["BV01", "Adopt a council plan", "Head of Strategy", "31/03/2024", 0.4, 0.6, 0.75, 0.8, "Green", "On course."],
        ["BV02", "Reduce sickness absence", "Head of HR", "31/03/2024", 0.25, 0.3, 0.3, 0.3, "Red", "Rising."],
    ], {f"{col}3": "mmm-yy" for col in "EFG"} | {f"{col}{r}": "0%" for col in "EFGH" for r in (4, 5)})
    snaps = _snapshots(_read(paper))
    assert {k: s["percent_complete"] for k, s in snaps.items() if not s["is_current"]} == {
        ("BV01", D(2023, 6, 30)): 40.0, ("BV01", D(2023, 9, 30)): 60.0, ("BV01", D(2023, 12, 31)): 75.0,
        ("BV02", D(2023, 6, 30)): 25.0, ("BV02", D(2023, 9, 30)): 30.0, ("BV02", D(2023, 12, 31)): 30.0}
    now = snaps[("BV01", D(2024, 2, 8))]
    assert (now["percent_complete"], now["rag"], now["status_text"]) == (80.0, "green", "On course.")


def test_quarters_of_two_digit_years_date_their_columns(tmp_path: Path) -> None:
    paper = _document(tmp_path / "quarters.docx", [
        [*HEAD, "Q1 23/24 %", "Q2 23/24 %", "RAG", "Update"],
        ["1", "Agree a scheme of delegation", "Head of Legal", "31/03/2024", "20%", "45%", "Green", "Drafted."],
    ])
    snaps = _snapshots(_read(paper))
    assert {k: s["percent_complete"] for k, s in snaps.items()} == {
        ("1", D(2023, 6, 30)): 20.0, ("1", D(2023, 9, 30)): 45.0, ("1", D(2024, 3, 15)): None}
    assert snaps[("1", D(2024, 3, 15))]["rag"] == "green"


def test_the_rag_under_the_latest_date_is_the_papers_own(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Report Date: 15/03/2024")
    table = document.add_table(rows=3, cols=9)
    top = ["Ref", "Action", "Lead", "Target Date", "Position at 31/12/2023", "", "Position at 15/03/2024", "",
           "Commentary"]
    for c, text in enumerate(top):
        table.cell(0, c).text = text
    for c in (0, 1, 2, 3, 8):
        table.cell(0, c).merge(table.cell(1, c))
    table.cell(0, 4).merge(table.cell(0, 5))
    table.cell(0, 6).merge(table.cell(0, 7))
    for c, text in zip(range(4, 8), ["%", "RAG", "%", "RAG"], strict=True):
        table.cell(1, c).text = text
    row = ["1.1", "Put in place a leadership programme", "Director", "31/05/2024", "40%", "Amber", "65%", "Green",
           "Five of eight modules delivered."]
    for c, text in enumerate(row):
        table.cell(2, c).text = text
    document.save(tmp_path / "positions.docx")
    snaps = _snapshots(_read(tmp_path / "positions.docx"))
    now = snaps[("1.1", D(2024, 3, 15))]
    assert (now["percent_complete"], now["rag"], now["status_text"]) == (
        65.0, "green", "Five of eight modules delivered.")
    assert snaps[("1.1", D(2023, 12, 31))]["percent_complete"] == 40.0


def test_totals_notes_and_numbered_headings_are_no_actions(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Report Date: 06/02/2024"])
    sheet.append([])
    sheet.append(["", *HEAD, "% Complete", "Comments"])  # row 3, from column B
    sheet.append(["", "1", "COMMUNITY PLANNING"])
    sheet.append(["", "1.1", "Agree a performance framework", "Planning Manager", "31/03/2024", 0.5, "Agreed."])
    sheet.append(["", "1.2", "Review the themes", "Planning Manager", "31/12/2023", 0.8, "Done."])
    sheet.append(["", "2", "ASSET MANAGEMENT"])
    sheet.append(["", "2.1", "Dispose of surplus property", "Estates Manager", "31/03/2025", 0.25, "Marketed."])
    sheet.append(["", "Totals", "3 actions", "", "", 0.52, ""])
    sheet.append([])
    sheet.append(["", "Note 1: % Complete is updated monthly by the lead officer."])
    sheet.merge_cells("B11:E11")
    for r in range(5, 10):
        sheet[f"F{r}"].number_format = "0%"
    book.save(tmp_path / "grouped.xlsx")
    reading = _read(tmp_path / "grouped.xlsx")
    assert [(a["ref"], a["theme"]) for a in reading.actions] == [
        ("1.1", "COMMUNITY PLANNING"), ("1.2", "COMMUNITY PLANNING"), ("2.1", "ASSET MANAGEMENT")]


def test_a_key_of_labels_and_meanings_maps_the_papers_words(tmp_path: Path) -> None:
    paper = _document(tmp_path / "key.docx", [
        [*HEAD, "% Complete", "Status", "Comments"],
        ["1.1", "Draw up a community wealth plan", "Head of Economy", "March 2024", "50%", "On Track", "Signed."],
        ["1.2", "Increase local spend", "Procurement Manager", "March 2025", "25%", "Slipping", "Behind."],
    ], after=[["Status", "Meaning"], ["On Track", "Green – expected on time"],
              ["Slipping", "Amber – some delay, the target date is at risk"],
              ["Off Track", "Red – the target date will be missed"]])
    assert [s["rag"] for s in _read(paper).snapshots] == ["green", "amber"]


def test_letters_under_an_unnamed_header_read_by_a_key_along_a_row(tmp_path: Path) -> None:
    paper = _workbook(tmp_path / "letters.xlsx", [
        ["RAG key", "R = Red", "A = Amber", "G = Green", "C = Complete"],
        [],
        [*HEAD, "Progress", "R/A/G", "Commentary"],
        ["P1", "Publish a performance report", "Performance Manager", "30/09/2023", "100%", "C", "Published."],
        ["P2", "Introduce service plans", "Performance Manager", "31/03/2024", "70%", "G", "In place."],
        ["P3", "Carry out a residents' survey", "Head of Policy", "31/01/2024", "15%", "R", "Not awarded."],
    ])
    assert [s["rag"] for s in _read(paper).snapshots] == ["complete", "green", "red"]


def test_a_header_of_unknown_words_is_read_by_what_its_columns_hold(tmp_path: Path) -> None:
    paper = _document(tmp_path / "plain_words.docx", [
        ["Commitment", "Ref.", "Officer accountable", "When", "Where are we now?", "% done", "How are we doing"],
        ["Agree a single set of outcomes for the partnership", "A1", "Community Planning Manager", "March 2025",
         "Outcomes agreed by the partnership board in June.", "45%", "Green"],
        ["Establish locality partnerships in every ward area", "A2", "Head of Communities", "December 2024",
         "Two locality partnerships have met; three are still to form.", "50%", "Amber"],
    ])
    reading = _read(paper)
    assert [(a["ref"], a["lead"], a["due_date"]) for a in reading.actions] == [
        ("A1", "Community Planning Manager", D(2025, 3, 31)), ("A2", "Head of Communities", D(2024, 12, 31))]
    assert [(s["percent_complete"], s["rag"], s["status_text"][:12]) for s in reading.snapshots] == [
        (45.0, "green", "Outcomes agr"), (50.0, "amber", "Two locality")]


def test_unnamed_columns_of_posts_and_percentages_are_the_lead_and_progress(tmp_path: Path) -> None:
    paper = _workbook(tmp_path / "unnamed.xlsx", [
        ["Item", "Improvement we will make", "Accountable Head of Service", "Date due for completion",
         "Percentage delivered", "Latest position"],
        ["1", "Publish a medium term financial plan", "Head of Finance", "31/03/2025", "35%", "Drafted."],
        ["2", "Agree a workforce plan", "Head of Human Resources", "31/12/2024", "70%", "Consulted."],
    ])
    reading = _read(paper)
    assert [a["lead"] for a in reading.actions] == ["Head of Finance", "Head of Human Resources"]
    assert [s["percent_complete"] for s in reading.snapshots] == [35.0, 70.0]


def test_a_register_is_not_read_as_actions_by_what_it_holds(tmp_path: Path) -> None:
    paper = _document(tmp_path / "register.docx", [
        ["Risk", "Owner", "Review date", "Likelihood", "Mitigation"],
        ["Savings are not delivered in full this year", "Chief Finance Officer", "31/03/2025", "20%",
         "Monthly monitoring of every savings proposal by the board"],
        ["Key posts in social care remain vacant", "Head of People", "30/09/2024", "40%",
         "A recruitment campaign with the college and a retention payment"],
    ])
    assert _read(paper).actions == []


def test_a_recommendations_actions_numbered_r1_a1_are_refs(tmp_path: Path) -> None:
    paper = _workbook(tmp_path / "rec_action.xlsx", [
        ["Rec/Action", "Action", "Lead Officer", "Target Date", "% Complete", "Update"],
        ["R1/A1", "Agree a joint workforce plan", "Chief Officer", "31/03/2025", "40%", "Group meets monthly."],
        ["R1/A2", "Reduce waiting lists", "Head of Adult Services", "31/12/2024", "55%", "Down to 96."],
        ["R2/A1", "Publish a carers strategy", "Head of Adult Services", "30/06/2025", "10%", "Drafting."],
    ])
    assert [(a["ref"], a["theme"]) for a in _read(paper).actions] == [
        ("R1/A1", None), ("R1/A2", None), ("R2/A1", None)]


def test_a_row_carrying_on_a_numbered_actions_text_is_no_new_action(tmp_path: Path) -> None:
    paper = _document(tmp_path / "carried.docx", [
        ["Ref", "Action", "Lead Officer", "Target Date", "% Complete", "Commentary"],
        ["1.1", "Bring 50 long-term empty homes back into use through the partnership,", "Housing Manager",
         "31/03/2025", "45%", "31 homes brought back into use."],
        ["", "including grants and the matchmaker scheme", "", "", "", "Grant take-up is lower than planned."],
        ["1.2", "Review the rent structure", "Housing Finance Manager", "31/01/2025", "30%", "Consulting."],
    ])
    reading = _read(paper)
    assert [a["description"] for a in reading.actions] == [
        "Bring 50 long-term empty homes back into use through the partnership, including grants and the "
        "matchmaker scheme", "Review the rent structure"]
    assert reading.snapshots[0]["status_text"] == "31 homes brought back into use. Grant take-up is lower than planned."


def test_sentences_under_an_unknown_header_are_the_commentary_where_none_is_named(tmp_path: Path) -> None:
    paper = _workbook(tmp_path / "evidence.xlsx", [
        ["Ref", "Action", "Lead Officer", "Completed", "Evidence of completion"],
        ["1", "Appoint a sustainability manager", "Head of Environment", "30/04/2024",
         "Sustainability Manager appointed in April."],
        ["2", "Report emissions to the network", "Head of Environment", "30/11/2024",
         "Report submitted to the Sustainable Scotland Network in November."],
    ])
    assert [s["status_text"] for s in _read(paper).snapshots] == [
        "Sustainability Manager appointed in April.",
        "Report submitted to the Sustainable Scotland Network in November."]


def test_an_action_whose_text_starts_like_a_total_is_still_an_action(tmp_path: Path) -> None:
    paper = _workbook(tmp_path / "overall.xlsx", [
        ["Action", "Lead Officer", "Target Date", "% Complete"],
        ["Agree the capital plan", "Head of Finance", "31/03/2025", "50%"],
        ["Overall review of fees and charges across all services", "", "", "10%"],
    ])
    assert [a["description"][:14] for a in _read(paper).actions] == ["Agree the capi", "Overall review"]


def test_an_unnamed_column_of_bare_numbers_is_no_progress(tmp_path: Path) -> None:
    paper = _workbook(tmp_path / "scores.xlsx", [
        ["Ref", "Action", "Lead Officer", "Target Date", "Risk score", "Update"],
        ["1", "Agree the capital plan", "Head of Finance", "31/03/2025", "12", "Drafted."],
        ["2", "Review fees and charges", "Head of Finance", "30/06/2025", "6", "Started."],
    ])
    assert [s["percent_complete"] for s in _read(paper).snapshots] == [None, None]


def test_a_status_column_of_colours_only_is_the_rag_past_rows_carrying_on(tmp_path: Path) -> None:
    rows = [["No.", "Action", "Officer", "Due", "% Complete", "Status", "Milestones and progress"],
            ["1", "Prepare a roads asset plan", "Head of Roads", "31/03/2025", "55%", "",
             "Bridge inspections complete for 96 of 118 structures"],
            ["", "", "", "", "", "", "Draft programme to the members' seminar on 14 January"],
            ["2", "Reduce the street lighting backlog", "Lighting Engineer", "31/12/2024", "30%", "",
             "Faults outstanding against a target of 200"],
            ["", "", "", "", "", "", "Contractor resources increased from November"]]
    _document(tmp_path / "fills.docx", rows, shaded={(1, 5): "00B050", (3, 5): "FF0000"}, report_date="05/12/2024")
    reading = _read(tmp_path / "fills.docx")
    assert [s["rag"] for s in reading.snapshots] == ["green", "red"]
    assert [s["status_text"].split(" ")[-2:] for s in reading.snapshots] == [["14", "January"], ["from", "November"]]
    assert [f["check"] for f in reading.findings if f["check"] in ("rows_unread", "paper_unread")] == []


def test_headings_of_the_actions_state_are_neither_actions_nor_themes(tmp_path: Path) -> None:
    rows = [["No.", "Action", "Owner", "Due", "% Done"],
            ["Workstream A – Workforce", "", "", "", ""],
            ["", "In progress", "", "", ""],
            ["A2", "Agree a workforce plan for hard-to-fill posts", "Head of People", "31/03/2025", "45%"],
            ["", "Completed", "", "", ""],
            ["A1", "Carry out an all-staff survey", "Head of People", "31/05/2024", "100%"]]
    band = {(r, c): "EDEDED" for r in (2, 4) for c in range(5)}  # a heading's band: the row shaded across
    _document(tmp_path / "states.docx", rows, shaded=band, merged=[(1, 0, 4)], report_date="05/12/2024")
    assert [(a["ref"], a["theme"]) for a in _read(tmp_path / "states.docx").actions] == [
        ("A2", "Workforce"), ("A1", "Workforce")]  # 'Workstream A –' is the heading's label


def test_headings_stacked_after_a_blank_row_do_not_end_the_table(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Report Date: 12/12/2024"])
    sheet.append(["Ref", "Recommended Action", "Responsible Officer", "Target Date", "% Complete"])
    for block in (("RED – OFF TRACK", "BVAR Recommendation 2: Use resources well",
                   ["5", "Reduce sickness absence", "Head of HR", "31/03/2025", "20%"]),
                  ("AMBER – AT RISK", "BVAR Recommendation 1: Leadership",
                   ["2", "Review the scheme of delegation", "Monitoring Officer", "31/01/2025", "55%"])):
        sheet.append([block[0]])
        sheet.merge_cells(start_row=sheet.max_row, start_column=1, end_row=sheet.max_row, end_column=5)
        sheet.append([block[1]])
        sheet.merge_cells(start_row=sheet.max_row, start_column=1, end_row=sheet.max_row, end_column=5)
        sheet.append(block[2])
        sheet.append([])
    book.save(tmp_path / "stacked.xlsx")
    assert [(a["ref"], a["theme"]) for a in _read(tmp_path / "stacked.xlsx").actions] == [
        ("5", "Use resources well"), ("2", "Leadership")]


def test_hidden_rows_and_columns_are_left_out_as_excel_prints_them(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Report Date: 14/01/2025"])
    sheet.append(["Ref", "Action", "Lead Officer", "Internal notes", "% Complete", "Update"])
    sheet.append(["1", "Agree the capital plan", "Head of Finance", "ask CFO", "50%", "Drafted."])
    sheet.append(["2", "Close the old depot", "Head of Property", "", "100%", "Closed."])  # filtered out
    sheet.append(["3", "Review fees and charges", "Head of Finance", "chase", "20%", "Started."])
    sheet.row_dimensions[4].hidden = True
    sheet.column_dimensions["D"].hidden = True
    book.save(tmp_path / "hidden.xlsx")
    reading = _read(tmp_path / "hidden.xlsx")
    assert [(a["ref"], a["lead"]) for a in reading.actions] == [("1", "Head of Finance"), ("3", "Head of Finance")]
    assert [s["status_text"] for s in reading.snapshots] == ["Drafted.", "Started."]
    assert any("hidden rows or columns left out" in f["message"] for f in reading.findings
               if f["check"] == "parser_warning")


def test_a_labelled_heading_over_a_sheets_first_table_is_its_theme(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in (["Report Date: 16/01/2025"], [], ["Workstream 1: Housing and Property"], [],
                ["Ref", "Action", "Lead Officer", "Target Date", "% Complete"],
                ["1", "Reduce rent arrears", "Housing Manager", "31/03/2025", "50%"], [],
                ["Workstream 2: Environment and Roads"], [],
                ["Ref", "Action", "Lead Officer", "Target Date", "% Complete"],
                ["1", "Introduce three-weekly collections", "Waste Manager", "30/04/2025", "60%"]):
        sheet.append(row)
    book.save(tmp_path / "stacked_tables.xlsx")
    assert [a["theme"] for a in _read(tmp_path / "stacked_tables.xlsx").actions] == [
        "Housing and Property", "Environment and Roads"]


def test_two_tables_side_by_side_on_a_sheet_are_read_as_two(tmp_path: Path) -> None:
    left = ["Ref", "Action", "Lead Officer", "Due", "%", "Update"]
    right = ["No.", "Improvement Action", "Responsible Officer", "Deadline", "% Complete", "Progress"]
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in (["Report Date: 06/02/2025"], [],
                ["Workstream 1: Children and Families", *[None] * 6, "Workstream 2: Finance"],
                [*left, None, *right],
                ["C1", "Recruit twenty foster carers", "Fostering Manager", "31/03/2025", "30%", "Six approved",
                 None, "F1", "Introduce a finance system", "Head of Finance", "30/09/2025", "40%", "Design done"],
                ["C2", "Expand family support", "Family Support Manager", "30/06/2025", "35%", "Hub opened"]):
        sheet.append(row)
    book.save(tmp_path / "side_by_side.xlsx")
    reading = _read(tmp_path / "side_by_side.xlsx")
    got = [(a["ref"], a["description"], a["lead"], a["theme"]) for a in reading.actions]
    assert got == [("C1", "Recruit twenty foster carers", "Fostering Manager", "Children and Families"),
                   ("C2", "Expand family support", "Family Support Manager", "Children and Families"),
                   ("F1", "Introduce a finance system", "Head of Finance", "Finance")]
    assert [(s["percent_complete"], s["status_text"]) for s in reading.snapshots] == [
        (30.0, "Six approved"), (35.0, "Hub opened"), (40.0, "Design done")]


def test_a_spacer_column_inside_one_table_does_not_split_it(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "spacer.xlsx", [
        ["Ref", "Action", "Lead Officer", None, "Target Date", "% Complete"],
        ["1", "Reduce rent arrears", "Housing Manager", None, "31/03/2025", "50%"]])
    [action] = _read(path).actions
    assert (action["description"], action["lead"], action["due_date"]) == (
        "Reduce rent arrears", "Housing Manager", D(2025, 3, 31))


def test_a_labelled_heading_right_above_a_table_is_no_card(tmp_path: Path) -> None:
    """Lines of labels over a table ('Report Date: ...', 'RAG key: ...') and a labelled heading
    naming the table's workstream are no card of an action: the table's actions alone are read."""
    path = _document(tmp_path / "heading_over_table.docx",
                     [[*HEAD, "% Complete"], ["1.1", "Clear the planning backlog", "Planning Manager", "31/03/2025",
                                              "40%"]],
                     before=["RAG key: red – off track; amber – at risk; green – on track",
                             "Workstream 1: Planning and Economic Development"])
    reading = _read(path)
    assert [(a["ref"], a["theme"]) for a in reading.actions] == [("1.1", "Planning and Economic Development")]


def test_tables_side_by_side_in_a_pdf_take_the_headings_printed_over_them(tmp_path: Path) -> None:
    from pdf_builders import side_by_side_tables

    reading = _read(side_by_side_tables(tmp_path / "side_by_side.pdf"))
    assert [(a["ref"], a["theme"]) for a in reading.actions] == [
        ("C1", "Children and Families"), ("C2", "Children and Families"), ("F1", "Finance")]


def test_a_table_on_its_side_is_read_one_action_a_column(tmp_path: Path) -> None:
    path = _document(tmp_path / "on_its_side.docx", [
        ["Ref", "1.1", "1.2", "1.3"],
        ["Action", "Agree a corporate plan", "Deliver a development programme", "Set up a transformation board"],
        ["Lead officer", "Chief Executive", "Head of People", "Depute Chief Executive"],
        ["Target date", "30/06/2024", "31/12/2024", "31/03/2024"],
        ["% complete", "70%", "40%", "100%"],
        ["Update", "Workshops held", "Provider appointed", "Board in place"]],
        before=["Recommendation 1: Strengthen leadership"], report_date="16/04/2024")
    reading = _read(path)
    assert [(a["ref"], a["description"], a["lead"], a["due_date"], a["theme"]) for a in reading.actions] == [
        ("1.1", "Agree a corporate plan", "Chief Executive", D(2024, 6, 30), "Strengthen leadership"),
        ("1.2", "Deliver a development programme", "Head of People", D(2024, 12, 31), "Strengthen leadership"),
        ("1.3", "Set up a transformation board", "Depute Chief Executive", D(2024, 3, 31), "Strengthen leadership")]
    assert [(s["percent_complete"], s["status_text"]) for s in reading.snapshots] == [
        (70.0, "Workshops held"), (40.0, "Provider appointed"), (100.0, "Board in place")]


def test_tables_on_their_side_stacked_on_a_sheet_take_the_headings_above_them(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "on_their_side.xlsx", [
        ["Workstream 1 - Governance"], [],
        ["Action", "Review the scheme of delegation", "Provide scrutiny training"],
        ["Lead officer", "Head of Legal", "Monitoring Officer"],
        ["Progress at 30/09/2023", "40%", "50%"],
        ["% complete", "60%", "100%"], [],
        ["Workstream 2 - Workforce"], [],
        ["Action", "Prepare a workforce plan", "Reduce sickness absence"],
        ["Lead officer", "Head of HR", "Head of HR"],
        ["Progress at 30/09/2023", "25%", "45%"],
        ["% complete", "30%", "45%"]])
    reading = _read(path)
    assert [(a["description"], a["theme"]) for a in reading.actions] == [
        ("Review the scheme of delegation", "Governance"), ("Provide scrutiny training", "Governance"),
        ("Prepare a workforce plan", "Workforce"), ("Reduce sickness absence", "Workforce")]
    assert sorted((s["as_of"], s["percent_complete"]) for s in reading.snapshots)[:4] == [
        (D(2023, 9, 30), 25.0), (D(2023, 9, 30), 40.0), (D(2023, 9, 30), 45.0), (D(2023, 9, 30), 50.0)]


def test_a_quarter_still_to_come_left_blank_does_not_take_the_rag(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "quarters.xlsx", [
        ["Ref", "Action", "Lead Officer", "Target Date", "Q3 2023/24", None, "Q4 2023/24", None, "Commentary"],
        [None, None, None, None, "%", "RAG", "%", "RAG"],
        ["BV1", "Adopt a workforce plan", "Head of HR", "31/03/2024", "40%", "Amber", None, None, "Drafted"],
        ["BV2", "Publish a budget strategy", "Head of Finance", "31/12/2023", "100%", "Complete", None, None,
         "Published"]])
    book = openpyxl.load_workbook(path)
    sheet = book.active
    assert sheet is not None
    for cells in ("A3:A4", "B3:B4", "C3:C4", "D3:D4", "I3:I4", "E3:F3", "G3:H3"):  # each quarter over % and RAG
        sheet.merge_cells(cells)
    book.save(path)
    assert [s["rag"] for s in _read(path).snapshots if s["is_current"]] == ["amber", "complete"]


def test_a_dated_line_right_above_the_cards_is_not_their_theme(tmp_path: Path) -> None:
    path = _document(tmp_path / "dated_line.docx", [
        ["Ref", "1.1"], ["Action", "Agree a corporate plan"], ["Lead officer", "Chief Executive"],
        ["Target date", "31/03/2025"], ["% complete", "60%"]], before=["Audit Committee, 1 April 2025"])
    assert [(a["description"], a["theme"]) for a in _read(path).actions] == [("Agree a corporate plan", None)]


def test_a_rag_given_by_a_coloured_mark_is_read_by_its_colour(tmp_path: Path) -> None:
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls
    from docx.shared import RGBColor
    from openpyxl.styles import Font

    colours = {"red": "FF0000", "amber": "FFC000", "green": "00B050"}
    rows = [[*HEAD, "RAG"], *[[str(n), f"Action {rag}", "Head of Service", "31/03/2025", ""]
                              for n, rag in enumerate(colours, start=1)]]
    document = docx.Document()
    document.add_paragraph("Report Date: 15/03/2024")
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    for r, hex6 in enumerate(colours.values(), start=1):
        paragraph = table.cell(r, 4).paragraphs[0]
        if r == 1:  # a Wingdings circle, as Word's Insert Symbol puts it
            paragraph._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:rPr><w:color w:val="{hex6}"/></w:rPr>'
                                          '<w:sym w:font="Wingdings" w:char="F06C"/></w:r>'))
        else:
            paragraph.add_run("●").font.color.rgb = RGBColor.from_string(hex6)
    document.save(tmp_path / "marks.docx")
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Report Date: 15/03/2024"])
    for row in rows:
        sheet.append(row)
    for r, hex6 in enumerate(colours.values(), start=3):
        sheet.cell(r, 5, "●").font = Font(color=hex6)
    book.save(tmp_path / "marks.xlsx")

    from pdf_builders import TableDrawing, draw_lines, draw_table, new_canvas
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont("DejaVuSans", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"))
    canvas = new_canvas(tmp_path / "marks.pdf")
    draw_lines(canvas, ["Report Date: 15/03/2024"], 40, 40)
    drawing = TableDrawing([40, 160, 110, 70, 40], rows)
    draw_table(canvas, drawing, 40, 70)
    top = 70 + drawing.row_height(rows[0])
    for row, hex6 in zip(rows[1:], colours.values(), strict=True):
        canvas.setFillColorRGB(*(int(hex6[i:i + 2], 16) / 255 for i in (0, 2, 4)))
        canvas.setFont("DejaVuSans", 9)
        canvas.drawString(40 + 380 + 3, canvas._pagesize[1] - top - 3 - 9, "●")
        top += drawing.row_height(row)
    canvas.save()

    for path in (tmp_path / "marks.docx", tmp_path / "marks.xlsx", tmp_path / "marks.pdf"):
        assert [s["rag"] for s in _read(path).snapshots] == list(colours), path.name


def test_a_rag_coloured_by_conditional_formats_is_read_as_excel_shows_it(tmp_path: Path) -> None:
    from openpyxl.formatting.rule import CellIsRule, FormulaRule
    from openpyxl.styles import PatternFill

    def fill(hex6: str) -> PatternFill:
        return PatternFill(start_color=hex6, end_color=hex6, fill_type="solid")

    path = _workbook(tmp_path / "rules.xlsx", [
        ["Ref", "Action", "Lead Officer", "Target Date", "% Complete", "RAG", "Commentary"],
        ["1", "Adopt a workforce plan", "Head of HR", "31/03/2025", 0.2, None, "Drafting the plan"],
        ["2", "Publish a budget strategy", "Head of Finance", "31/12/2024", 0.65, None, "Consultation open"],
        ["3", "Review the scheme of delegation", "Monitoring Officer", "30/06/2025", 1, None, "Adopted in May"]])
    book = openpyxl.load_workbook(path)
    sheet = book.active
    assert sheet is not None
    for row in range(4, 7):
        sheet.cell(row, 5).number_format = "0%"
    # empty RAG cells coloured by rules on the percentage beside them, first rule first
    for formula, hex6 in (("$E4>=1", "5B9BD5"), ("$E4>=0.6", "00B050"), ('AND($E4<>"",$E4<0.3)', "FF0000")):
        sheet.conditional_formatting.add("F4:F6", FormulaRule(formula=[formula], fill=fill(hex6), stopIfTrue=True))
    sheet.conditional_formatting.add("A4:G6", FormulaRule(formula=["MOD(ROW(),2)=0"], fill=fill("D9D9D9")))
    sheet.conditional_formatting.add("G4:G6", CellIsRule(operator="equal", formula=['"drafting the plan"'],
                                                         fill=fill("FFC000")))
    book.save(path)

    assert [s["rag"] for s in _read(path).snapshots] == ["red", "green", "complete"]
    from extractors.xlsx import extract

    [table] = extract(str(path)).tables
    fills = {(c.row, c.col): c.fill for row in table.rows for c in row}
    assert (fills[3, 6], fills[4, 6]) == ("FFC000", None)  # 'cell value equal to', without case
    assert fills[4, 0] is None  # a rule of a function not evaluated ('MOD(ROW(),2)=0') colours nothing


def test_a_card_of_progress_that_names_no_action_is_said_as_unread(tmp_path: Path) -> None:
    path = _document(tmp_path / "nameless_card.docx", [
        ["Ref", "1.1"], ["Action", "Agree a corporate plan"], ["Lead officer", "Chief Executive"],
        ["Target date", "31/03/2025"], ["% complete", "60%"]], after=[
        ["Lead officer", "Head of Legal"], ["Target date", "28/02/2025"], ["% complete", "0%"],
        ["RAG", "Amber"], ["Update", "Work will begin in the spring"]])
    reading = _read(path)
    assert [a["description"] for a in reading.actions] == ["Agree a corporate plan"]
    (unread,) = [f for f in reading.findings if f["check"] == "rows_unread"]
    assert "table 2" in unread["message"] and "Lead officer: Head of Legal" in unread["message"]


def test_a_cover_table_of_labels_is_no_card_without_an_action(tmp_path: Path) -> None:
    path = _document(tmp_path / "cover.docx", [
        ["Report by", "Chief Executive"], ["Date", "15 March 2024"], ["Wards affected", "All"],
        ["Contact officer", "Head of Legal"]], after=[
        [*HEAD, "% complete"], ["1", "Agree a corporate plan", "Chief Executive", "31/03/2025", "60%"]])
    reading = _read(path)
    assert [a["description"] for a in reading.actions] == ["Agree a corporate plan"]
    assert not [f for f in reading.findings if f["check"] in ("rows_unread", "paper_unread")]


def test_a_theme_line_among_a_cards_lines_is_that_cards_theme(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Report Date: 15/03/2024")
    for ref, theme, action in (("1", "Leadership", "Agree a corporate plan"), ("2", "Finance", "Refresh the MTFS")):
        for line in (f"Action ref: {ref}", f"Theme: {theme}", f"Action: {action}", "Lead officer: Chief Executive",
                     "Target date: 31/03/2025", "Progress: 40%"):
            document.add_paragraph(line)
    document.save(tmp_path / "theme_lines.docx")
    actions = _read(tmp_path / "theme_lines.docx").actions
    assert [(a["ref"], a["theme"], a["description"]) for a in actions] == [
        ("1", "Leadership", "Agree a corporate plan"), ("2", "Finance", "Refresh the MTFS")]
