"""Layout class 'hidden_and_grouped_xlsx': workbooks whose view hides part of what they hold, and the
PDFs LibreOffice prints from them, which leave the hidden parts out.

A workbook with the closed actions' rows hidden and an internal 'Comments' column hidden beside the
published 'Progress Update'; one with the closed actions in an outline group collapsed under a
visible 'Closed actions' row, a hidden 'Original Target Date' column and a hidden sheet holding the
previous report's table; one with an autofilter on the RAG column showing all but 'Complete' (the
completed rows hidden by the filter), a hidden 'Previous Update' column, frozen panes and the theme
as a 'Workstream' column; and one with merged theme rows, hidden 'Budget Code' and 'Officer Notes'
columns, superseded actions' rows hidden and a hidden 'Lists' sheet of drop-down values. bvtrack
reads a workbook as Excel prints it: hidden rows, rows filtered out, collapsed groups, hidden
columns and hidden sheets are no part of the paper, so the workbook and its PDF expect the same,
read per the contract from what is shown (a hidden 'Original Target Date' gives no
original_due_date; a hidden sheet's older percentages give no snapshot).
"""

from __future__ import annotations

from ..spec import Block, C, P, PaperSpec, Sheet, T
from ._plans import Act, date_cell, expected, finished, h, pct_cell, rag_fill, rag_word, theme_row

LAYOUT = "hidden_and_grouped_xlsx"


# A: closed actions' rows hidden; an internal 'Comments' column hidden
def _tomintoul() -> PaperSpec:
    shown = [
        Act("1", "Agree a corporate plan with measurable outcomes for 2025 to 2030", "Head of Strategy",
            "31/03/2025", "2025-03-31", 70, "green", "Outcome measures agreed with all services; plan to Council "
            "in March.", x={"c": "Check wording with Leader's office before publishing."}),
        Act("3", "Review the council's committee structure", "Head of Legal and Democratic Services",
            "28/02/2025", "2025-02-28", 45, "amber", "Options paper delayed to allow cross-party discussion.",
            x={"c": "Politically sensitive – keep update short."}),
        Act("4", "Introduce a members' development programme", "Head of Legal and Democratic Services",
            "30/06/2025", "2025-06-30", 30, "green", "Skills survey returned by 24 of 32 members.",
            x={"c": ""}),
        Act("6", "Develop a ten-year capital investment strategy", "Chief Finance Officer", "31/03/2025",
            "2025-03-31", 25, "red", "Work paused while the school estate review is completed.",
            x={"c": "CFO to raise at CMT on 14 Jan. Risk of slipping to 2025/26."}),
        Act("7", "Set up a corporate programme management office", "Head of Strategy", "31/01/2025",
            "2025-01-31", 80, "green", "Programme manager appointed; reporting templates agreed.",
            x={"c": "Recruitment of support officer still outstanding."}),
        Act("9", "Reduce the council's carbon emissions in line with its climate plan", "Climate Change Manager",
            "31/03/2026", "2026-03-31", 35, "amber", "Emissions down 6% against a target of 8% a year.",
            x={"c": ""}),
    ]
    closed = [
        Act("2", "Publish a statement of the council's values", "Chief Executive", "30/09/2024", "2024-09-30",
            100, "complete", "Values published in September.", x={"c": "Closed at CMT 1 Oct."}),
        Act("5", "Appoint an independent member to the Audit Committee", "Head of Legal and Democratic Services",
            "31/10/2024", "2024-10-31", 100, "complete", "Appointed by Council on 24 October.",
            x={"c": "Closed."}),
        Act("8", "Carry out a review of the council's arm's-length bodies", "Chief Finance Officer", "31/08/2024",
            "2024-08-31", 100, "complete", "Review reported to Policy Committee in August.",
            x={"c": "Closed – follow-up actions moved to the service plan."}),
    ]
    order = sorted(shown + closed, key=lambda a: int(a.ref))
    rows = [h("Ref", "Action", "Lead Officer", "Target Date", "% Complete", "RAG", "Progress Update", "Comments")]
    rows += [[a.ref, a.desc, a.lead, date_cell(a.due_raw, a.due), pct_cell(a.pct, typed=True), rag_word(a.rag),
              a.update, a.x["c"]] for a in order]
    title = "Tomintoul Council – Best Value Action Plan Tracker"
    rd = "2024-12-17"
    hidden = tuple(i for i, a in enumerate(order, 1) if a in closed)
    blocks: list[Block] = [P(title, "title"), P("Report Date: 17/12/2024"),
                           T(rows, widths=[0.5, 3.0, 1.8, 1.0, 0.9, 0.9, 3.2, 2.2], hidden_rows=hidden,
                             hidden_columns=(7,))]
    return PaperSpec(LAYOUT, "tomintoul_bv_action_plan_tracker_2024-12", blocks, expected(title, rd, shown),
                     producers=("xlsx", "lo-xlsx"), sheets=[Sheet("Action Tracker", blocks)],
                     note="closed actions' rows hidden; internal 'Comments' column hidden")


# B: closed actions grouped (outline level 1, collapsed) under a visible 'Closed actions' row; a hidden
#    'Original Target Date' column (differing for some open actions); a hidden sheet with the previous report
def _aboyne() -> PaperSpec:
    shown = [
        Act("H1", "Reduce the average time to re-let empty council homes to 35 days", "Head of Housing",
            "31/03/2025", "2025-03-31", 55, "amber", "Average re-let time 41 days in quarter 2, down from 52.",
            x={"o": "30/09/2024"}),
        Act("H2", "Complete the stock condition survey of all council homes", "Housing Assets Manager",
            "30/06/2025", "2025-06-30", 60, "green", "6,210 of 10,400 homes surveyed.", x={"o": "30/06/2025"}),
        Act("H4", "Agree a new tenant participation strategy with tenants' groups", "Tenant Participation Officer",
            "28/02/2025", "2025-02-28", 75, "green", "Strategy agreed by the Tenants' Forum; to committee in "
            "February.", x={"o": "31/12/2024"}),
        Act("H5", "Bring the repairs service's overdue jobs below 500", "Building Services Manager", "31/03/2025",
            "2025-03-31", 20, "red", "Overdue jobs stand at 1,130 after staff vacancies in the trades.",
            x={"o": "31/03/2025"}),
        Act("H7", "Introduce an online repairs reporting service", "Digital Manager", "31/05/2025", "2025-05-31",
            40, "amber", "System configured; testing with a tenants' panel in January.", x={"o": "31/01/2025"}),
    ]
    closed = [
        Act("H3", "Set a rent increase after consulting tenants", "Head of Housing", "28/02/2024", "2024-02-28",
            100, "complete", "Rent increase of 6.5% agreed in February.", x={"o": "28/02/2024"}),
        Act("H6", "Appoint a homelessness prevention officer", "Homelessness Manager", "31/08/2024", "2024-08-31",
            100, "complete", "Officer in post from 19 August.", x={"o": "31/07/2024"}),
    ]
    head = h("Ref", "Action", "Lead Officer", "Original Target Date", "Target Date", "% Complete", "RAG",
             "Update", fill="DDEBF7")
    rows = [head]
    rows += [[a.ref, a.desc, a.lead, date_cell(a.x["o"], "-".join(reversed(a.x["o"].split("/")))),
              date_cell(a.due_raw, a.due), pct_cell(a.pct, typed=True), rag_fill(a.rag), a.update] for a in shown]
    rows.append([C("Closed actions (2) – expand to view", colspan=8, bold=True, fill="F2F2F2")])
    rows += [[a.ref, a.desc, a.lead, date_cell(a.x["o"], "-".join(reversed(a.x["o"].split("/")))),
              date_cell(a.due_raw, a.due), pct_cell(a.pct, typed=True), rag_fill(a.rag), a.update] for a in closed]
    title = "Aboyne Council: Housing Services Best Value Improvement Actions"
    rd = "2025-01-09"
    grouped = tuple(range(len(shown) + 2, len(rows)))  # under the 'Closed actions' row
    blocks: list[Block] = [P(title, "title"), P("Report Date: 09/01/2025"),
                           P("RAG: red – off track; amber – some slippage; green – on track; blue – complete."),
                           T(rows, widths=[0.5, 3.0, 1.8, 1.0, 1.0, 0.9, 0.6, 3.4], hidden_columns=(3,),
                             grouped_rows=grouped)]
    # last report's table, kept on a hidden sheet
    prev = {"H1": 35, "H2": 40, "H3": 100, "H4": 50, "H5": 15, "H6": 70, "H7": 20}
    prev_rows = [h("Ref", "Action", "Lead Officer", "Target Date", "% Complete", "Update")]
    prev_rows += [[a.ref, a.desc, a.lead, date_cell(a.x["o"], "-".join(reversed(a.x["o"].split("/")))),
                   pct_cell(prev[a.ref], typed=True), "Update as at September 2024."]
                  for a in sorted(shown + closed, key=lambda a: a.ref)]
    old: list[Block] = [P("Position reported on 12/09/2024", "heading"),
                        T(prev_rows, widths=[0.5, 3.0, 1.8, 1.0, 0.9, 2.5])]
    return PaperSpec(LAYOUT, "aboyne_housing_bv_improvement_actions_2025-01", blocks, expected(title, rd, shown),
                     producers=("xlsx", "lo-xlsx"),
                     sheets=[Sheet("Housing Actions", blocks), Sheet("Sept 2024", old, hidden=True)],
                     note="closed actions in a collapsed outline group; hidden 'Original Target Date' column; "
                          "hidden sheet with the previous report")


# C: an autofilter on the RAG column hiding 'Complete' rows; a hidden 'Previous Update' column; frozen panes;
#    the theme as a 'Workstream' column
def _kirriemuir() -> PaperSpec:
    W1, W2, W3 = "Financial Sustainability", "Service Redesign", "Partnership Working"
    shown = [
        Act("1.1", "Deliver the 2024/25 savings programme of £6.2m", "Chief Finance Officer", "31/03/2025",
            "2025-03-31", 65, "amber", "£4.0m delivered; £0.9m of the remainder is at risk.", theme=W1,
            x={"p": "£2.7m delivered; proposals for the remainder being developed."}),
        Act("1.3", "Review fees and charges against neighbouring councils", "Head of Finance", "28/02/2025",
            "2025-02-28", 80, "green", "Benchmarking complete; proposals go with the budget.", theme=W1,
            x={"p": "Benchmarking under way."}),
        Act("2.1", "Redesign the council's customer contact arrangements", "Head of Customer Services",
            "30/09/2025", "2025-09-30", 30, "green", "Customer journey mapping complete for five services.",
            theme=W2, x={"p": "Scoping complete."}),
        Act("2.2", "Review school transport routes to reduce costs", "Transport Manager", "31/07/2025",
            "2025-07-31", 15, "red", "Route review delayed by the new contract timetable.", theme=W2,
            x={"p": "Not yet started."}),
        Act("3.2", "Agree a shared data protocol with the health board", "Information Governance Manager",
            "31/03/2025", "2025-03-31", 50, "amber", "Draft protocol with the health board's lawyers.",
            theme=W3, x={"p": "Initial meeting held."}),
    ]
    closed = [
        Act("1.2", "Set a balanced budget for 2024/25", "Chief Finance Officer", "29/02/2024", "2024-02-29", 100,
            "complete", "Budget set on 22 February 2024.", theme=W1, x={"p": "Complete."}),
        Act("2.3", "Close the Market Street office and move staff to Victoria House", "Property Manager",
            "30/11/2024", "2024-11-30", 100, "complete", "Move completed on 15 November.", theme=W2,
            x={"p": "Staff moves planned for November."}),
        Act("3.1", "Refresh the community planning partnership's governance", "Community Planning Manager",
            "31/10/2024", "2024-10-31", 100, "complete", "New terms of reference agreed by the board.", theme=W3,
            x={"p": "Terms of reference in draft."}),
    ]
    order = sorted(shown + closed, key=lambda a: tuple(int(p) for p in a.ref.split(".")))
    rows = [h("Workstream", "Ref", "Action", "Lead Officer", "Due Date", "% Complete", "RAG", "Latest Update",
              "Previous Update", fill="D9E1F2")]
    rows += [[a.theme, a.ref, a.desc, a.lead, date_cell(a.due_raw, a.due), pct_cell(a.pct, typed=True),
              rag_word(a.rag), a.update, a.x["p"]] for a in order]
    title = "Kirriemuir Council – Transformation and Best Value Action Log"
    rd = "2025-01-23"
    filtered = tuple(i for i, a in enumerate(order, 1) if a in closed)  # the rows the filter hides
    blocks: list[Block] = [P(title, "title"), P("Report Date: 23/01/2025"),
                           T(rows, widths=[1.5, 0.5, 3.0, 1.8, 1.0, 0.9, 0.9, 3.0, 2.4], hidden_rows=filtered,
                             hidden_columns=(8,), at=(5, 1))]
    first, last = 5, 5 + len(order)  # the table's header row and its last row
    return PaperSpec(LAYOUT, "kirriemuir_transformation_bv_action_log_2025-01", blocks, expected(title, rd, shown),
                     producers=("xlsx", "lo-xlsx"),
                     sheets=[Sheet("Action Log", blocks, freeze="D6", autofilter=f"A{first}:I{last}",
                                  autofilter_shows={6: ["Green", "Amber", "Red", "Not Started"]})],
                     note="autofilter on RAG hiding Complete rows; hidden 'Previous Update' column; frozen panes; "
                          "Workstream column")


# D: merged theme rows; hidden 'Budget Code' and 'Officer Notes' columns; superseded actions' rows hidden
#    (their text still in the workbook); a hidden 'Lists' sheet holding the RAG and theme drop-down values
def _garlieston() -> PaperSpec:
    T1, T2 = "Roads and Infrastructure", "Environmental Services"
    acts = [
        Act("R1", "Agree a roads asset management plan", "Roads Manager", "31/03/2025", "2025-03-31", 65,
            "green", "Condition survey of A and B roads complete; plan drafted.", theme=T1,
            x={"code": "RD-101", "note": "Check the survey contract end date."}),
        Act("R2", "Reduce the backlog of carriageway defects by a third", "Roads Manager", "30/09/2025",
            "2025-09-30", 30, "amber", "Backlog down from 2,940 to 2,480 defects.", theme=T1,
            x={"code": "RD-104", "note": ""}),
        Act("R3", "Replace street lights with LED lanterns", "Street Lighting Engineer", "31/03/2026",
            "2026-03-31", 45, "green", "5,120 of 11,300 lanterns replaced.", theme=T1,
            x={"code": "RD-117", "note": "Salix loan drawn in full."}),
        Act("E1", "Introduce a new kerbside recycling service", "Waste Manager", "30/06/2025", "2025-06-30", 20,
            "red", "Delivery of the new bins has slipped by three months.", theme=T2,
            x={"code": "EN-201", "note": "Supplier in breach – legal advice sought."}),
        Act("E2", "Review public toilet provision with community councils", "Amenity Services Manager",
            "31/05/2025", "2025-05-31", 50, "amber", "Seven of fourteen community councils have responded.",
            theme=T2, x={"code": "EN-207", "note": ""}),
        Act("E3", "Agree a new burial grounds strategy", "Bereavement Services Manager", "31/12/2024",
            "2024-12-31", 100, "complete", "Strategy approved by committee on 5 December.", theme=T2,
            x={"code": "EN-212", "note": "Close at next review."}),
    ]
    superseded = {
        "R2": Act("R2", "Reduce the backlog of carriageway defects by half", "Roads Manager", "31/03/2025",
                  "2025-03-31", 20, "red", "Replaced by the revised action R2 agreed in October.", theme=T1,
                  x={"code": "RD-104", "note": "Superseded – do not report."}),
        "E2": Act("E2", "Close public toilets with low use", "Amenity Services Manager", "31/03/2025",
                  "2025-03-31", 0, "not_started", "Replaced by the review agreed by committee.", theme=T2,
                  x={"code": "EN-207", "note": "Superseded – do not report."}),
    }
    n = 9
    rows = [h("Ref", "Action", "Budget Code", "Lead Officer", "Target Date", "% Complete", "RAG", "Progress",
              "Officer Notes", fill="E2EFDA")]
    hidden: list[int] = []
    last = None
    for a in acts:
        if a.theme != last:
            rows.append(theme_row(f"Theme {[T1, T2].index(a.theme or '') + 1}: {a.theme}", n, fill="F2F2F2"))
            last = a.theme
        old = superseded.get(a.ref)
        if old is not None:  # the superseded wording, kept in the workbook, hidden above its replacement
            hidden.append(len(rows))
            rows.append([old.ref, old.desc, old.x["code"], old.lead, date_cell(old.due_raw, old.due),
                         pct_cell(old.pct, typed=True), rag_word(old.rag), old.update, old.x["note"]])
        rows.append([a.ref, a.desc, a.x["code"], a.lead, date_cell(a.due_raw, a.due), pct_cell(a.pct, typed=True),
                     rag_word(a.rag), a.update, a.x["note"]])
    title = "Garlieston Council – Place Directorate Best Value Action Tracker"
    rd = "2025-02-18"
    blocks: list[Block] = [P(title, "title"), P("Report Date: 18/02/2025"),
                           T(rows, widths=[0.5, 3.0, 1.0, 1.8, 1.0, 0.9, 0.9, 3.2, 2.2], hidden_rows=tuple(hidden),
                             hidden_columns=(2, 8))]
    lists = T([h("RAG", "Theme"), ["Red", T1], ["Amber", T2], ["Green", ""], ["Complete", ""], ["Not Started", ""]],
              widths=[1.0, 2.5])
    return PaperSpec(LAYOUT, "garlieston_place_bv_action_tracker_2025-02", blocks, expected(title, rd, acts),
                     producers=("xlsx", "lo-xlsx"),
                     sheets=[Sheet("Tracker", blocks), Sheet("Lists", [lists], hidden=True)],
                     note="merged theme rows; hidden 'Budget Code' and 'Officer Notes' columns; superseded "
                          "actions' rows hidden; hidden 'Lists' sheet")


def variants() -> list[PaperSpec]:
    return finished([_tomintoul(), _aboyne(), _kirriemuir(), _garlieston()])
