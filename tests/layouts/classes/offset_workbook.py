"""Layout class 'offset_workbook': a workbook whose action table starts away from A1.

The table starts at C6, B9, D7 or B8, after a title block of report details and notes (a report
date as '16/01/2024' or in words); blank spacer columns sit inside it (no header, no values); a
totals row, notes rows (merged or not), a key row or a blank row follow the last action; a small
summary table of counts can sit beside the title, a grouping band ('ACTION DETAILS' | 'PROGRESS')
above the header; panes are frozen under the header, with an autofilter over the actions in
some. The RAG is a word in a filled cell, in its own column anywhere in the row (the first one
in one variant). Per the contract the table is read as any table: none of the title, summary,
band, totals, notes, key or blank rows is an action, spacer columns are nothing, and the report
details (report date, report ref) are those printed in the title block.
"""

from __future__ import annotations

from ..spec import Block, C, P, PaperSpec, Sheet, T
from ._plans import Act, date_cell, expected, finished, h, pct_cell, rag_word

LAYOUT = "offset_workbook"
SP = ""  # a spacer column's cell


# A: table at C6 after a title block (A1:A3) and a notes line (A4); a spacer column between the dates and
#    the progress; a totals row and a merged notes row under the last action
def _strathallan() -> PaperSpec:
    acts = [
        Act("1", "Agree a financial strategy that sets out how the council will close its funding gap",
            "Chief Finance Officer", "31/03/2024", "2024-03-31", 70, "green",
            "Strategy considered by the Policy and Resources Committee in December."),
        Act("2", "Set up a programme management office for the transformation programme",
            "Head of Transformation", "30/11/2023", "2023-11-30", 100, "complete",
            "Office established with four staff in November."),
        Act("3", "Review the council's use of reserves against its reserves policy", "Chief Finance Officer",
            "31/12/2023", "2023-12-31", 50, "amber", "Review delayed by the audit of the 2022/23 accounts."),
        Act("4", "Develop a corporate asset management plan", "Head of Property", "30/06/2024", "2024-06-30", 25,
            "green", "Data on all operational buildings gathered."),
        Act("5", "Introduce quarterly reports on capital programme delivery", "Capital Programme Manager",
            "30/09/2023", "2023-09-30", 40, "red",
            "Only one quarterly report has been produced; the capital accountant post is vacant."),
        Act("6", "Procure a new payroll and HR system", "Head of HR", "31/03/2025", "2025-03-31", 15, "green",
            "Specification agreed; tender issued in January."),
    ]
    n = 9
    rows = [[*h("Ref", "Action", "Lead Officer", "Target Date"), C(SP), *h("% Complete", "RAG", "Comments"),
             C(SP)]]
    rows += [[a.ref, a.desc, a.lead, date_cell(a.due_raw, a.due), SP, pct_cell(a.pct, typed=True),
              rag_word(a.rag), a.update, SP] for a in acts]
    rows.append([C("", bold=True), C("Total actions: 6   Complete: 1", bold=True), "", "", SP,
                 C("50%", value=0.5, number_format="0%", bold=True), "", C("Average % complete", bold=True), SP])
    rows.append([C("Notes: percentages are the lead officer's estimate. Target dates are those agreed by the "
                   "Corporate Management Team.", colspan=n)])
    title = "Strathallan Council – Best Value Action Plan Progress Tracker"
    rd = "2024-01-16"
    blocks: list[Block] = [
        P(title, "title", at=(1, 1)), P("Report Date: 16/01/2024", at=(2, 1)),
        P("Prepared by: Corporate Policy Team", at=(3, 1)),
        P("This tracker shows all open and completed actions from the Best Value Assurance Report action "
          "plan.", at=(4, 1)),
        T(rows, widths=[0.5, 3.2, 1.8, 1.1, 0.15, 1.0, 1.0, 3.6, 0.15], at=(6, 3)),
    ]
    return PaperSpec(LAYOUT, "strathallan_bv_action_plan_tracker_2024-01", blocks, expected(title, rd, acts),
                     producers=("xlsx", "lo-xlsx"), sheets=[Sheet("Tracker", blocks, freeze="D7")],
                     note="table at C6 (panes frozen under its header); spacer columns; totals row and merged "
                          "notes row below the actions")


# B: a summary count table beside the title (F2:G6), action table at B9, spacer column A and after the
#    description, autofilter, a 'Totals' row
def _tarbolton() -> PaperSpec:
    acts = [
        Act("T01", "Develop a waste strategy that meets the national recycling targets", "Waste Manager",
            "31/03/2024", "2024-03-31", 60, "green", "Strategy drafted; options appraisal for food waste complete."),
        Act("T02", "Improve road condition through a risk-based roads maintenance programme", "Roads Manager",
            "31/03/2025", "2025-03-31", 30, "amber", "Road condition index unchanged at 38.2%."),
        Act("T03", "Review school transport contracts", "Transport Manager", "31/07/2023", "2023-07-31", 100,
            "complete", "New contracts in place from August."),
        Act("T04", "Reduce energy use in council buildings by 10%", "Energy Manager", "31/03/2024", "2024-03-31",
            35, "red", "Energy use has fallen by 3% so far; the boiler replacement programme is delayed."),
        Act("T05", "Introduce a new grounds maintenance schedule", "Parks Manager", "30/04/2024", "2024-04-30", 45,
            "green", "Schedule agreed with community councils in six wards."),
        Act("T06", "Agree a local transport strategy", "Transport Manager", "30/09/2024", "2024-09-30", 20,
            "amber", "Consultation delayed to align with the regional transport strategy."),
        Act("T07", "Carry out a review of public conveniences", "Facilities Manager", "31/12/2023", "2023-12-31",
            100, "complete", "Review reported to the Environment Committee in December."),
    ]
    summary = T([h("Status", "Actions", fill="F2F2F2"), ["Complete", C("2", value=2)], ["Green", C("2", value=2)],
                 ["Amber", C("2", value=2)], ["Red", C("1", value=1)]], widths=[1, 1], at=(2, 7))
    rows = [[*h("Ref", "Action"), C(SP), *h("Lead Officer", "Target Date", "Progress (%)", "RAG Status",
                                           "Latest Update")]]
    rows += [[a.ref, a.desc, SP, a.lead, date_cell(a.due_raw, a.due), pct_cell(a.pct, typed=True),
              rag_word(a.rag), a.update] for a in acts]
    rows.append([C("Totals", bold=True), C("7 actions", bold=True), SP, "", "",
                 C("56%", value=0.56, number_format="0%", bold=True), "", ""])
    title = "Tarbolton Council: Environment and Infrastructure – Best Value Actions"
    rd = "2024-02-06"
    blocks: list[Block] = [
        P(title, "title", at=(1, 2)), P("Report Date: 06/02/2024", at=(2, 2)),
        P("Committee: Environment and Infrastructure Committee", at=(3, 2)),
        P("Author: Head of Environment", at=(4, 2)), summary,
        T(rows, widths=[0.6, 3.2, 0.15, 1.8, 1.1, 1.0, 1.0, 3.6], at=(9, 2)),
    ]
    return PaperSpec(LAYOUT, "tarbolton_environment_bv_actions_2024-02", blocks, expected(title, rd, acts),
                     producers=("xlsx", "lo-xlsx"),
                     sheets=[Sheet("BV Actions", blocks, freeze="C10", autofilter="B9:I16")],
                     note="summary count table beside the title; table at B9 with a spacer column after Action; "
                          "Totals row; panes frozen and an autofilter over the actions")


# C: two header rows of the sheet above the table are a grouping band ('ACTION DETAILS' | 'PROGRESS'),
#    table at D7, blank column between every group, notes rows at the bottom (not merged)
def _ulbster() -> PaperSpec:
    acts = [
        Act("CS1", "Introduce a single assessment process for adult social care", "Head of Adult Services",
            "30/06/2024", "2024-06-30", 40, "amber", "Assessment tool piloted in one locality; roll-out delayed "
            "by staff shortages."),
        Act("CS2", "Reduce delayed discharges from hospital", "Head of Adult Services", "31/03/2024", "2024-03-31",
            30, "red", "Delayed discharges rose over the winter to 46 people."),
        Act("CS3", "Publish a children's services plan for 2023 to 2026", "Head of Children's Services",
            "31/08/2023", "2023-08-31", 100, "complete", "Plan published in August."),
        Act("CS4", "Review kinship care payments", "Head of Children's Services", "31/12/2023", "2023-12-31", 85,
            "green", "Review complete; new rates to be approved in January."),
        Act("CS5", "Improve the uptake of self-directed support options", "Self-Directed Support Lead",
            "31/10/2024", "2024-10-31", 25, "green", "Guidance updated and 60 staff trained."),
    ]
    n = 10
    band: list[C | str] = [C("ACTION DETAILS", colspan=4, bold=True, fill="BDD7EE"), C(SP),
                           C("PROGRESS", colspan=3, bold=True, fill="C6E0B4"), C(SP), C("", fill=None)]
    head: list[C | str] = [*h("Ref", "Action", "Lead", "Due Date"), C(SP), *h("% Done", "RAG", "Update"), C(SP),
                           C("Evidence Ref", bold=True, fill="D9E2F3")]
    rows = [band, head]
    for i, a in enumerate(acts):
        rows.append([a.ref, a.desc, a.lead, date_cell(a.due_raw, a.due), SP, pct_cell(a.pct, typed=True),
                     rag_word(a.rag), a.update, SP, f"EV-{i + 14:03d}"])
    rows.append([C("", colspan=n)])
    rows.append([C("Note 1: % Done is updated monthly by the lead officer.", colspan=4), SP, "", "", "", SP, ""])
    rows.append([C("Note 2: Evidence is held on the programme SharePoint site.", colspan=4), SP, "", "", "", SP,
                 ""])
    title = "Ulbster Council – Social Work Best Value Improvement Actions"
    rd = "2024-01-29"
    blocks: list[Block] = [
        P(title, "title", at=(1, 1)), P("Report Date: 29/01/2024", at=(2, 1)),
        P("Report No: SW/04/24", at=(3, 1)),
        P("Key: Red – off track; Amber – some risk; Green – on track; Complete – delivered.", at=(4, 1)),
        T(rows, widths=[0.6, 3.2, 1.8, 1.1, 0.15, 0.8, 1.0, 3.6, 0.15, 1.0], header_rows=2, at=(7, 4)),
    ]
    spec = PaperSpec(LAYOUT, "ulbster_social_work_bv_actions_2024-01", blocks,
                     expected(title, rd, acts, report_ref="SW/04/24"),
                     producers=("xlsx", "lo-xlsx"), sheets=[Sheet("Actions", blocks)],
                     note="table at D7 under a grouping band row; spacer columns between groups; an "
                          "'Evidence Ref' column; blank row then two note rows")
    return spec


# D: the RAG first, then the ref and the action; the table at B8 under a title block whose report date is in
#    words; a spacer column after the action; dates typed as dd-mmm-yy beside a quarter typed as text; panes
#    frozen right of the ref and an autofilter over the actions; a blank row, a key row and a source row below
def _wanlockhead() -> PaperSpec:
    acts = [
        Act("R1.1", "Agree a ten-year capital investment strategy linked to the council's priorities",
            "Head of Finance and Procurement", "31-Mar-24", "2024-03-31", 85, "green",
            "Strategy considered at the members' budget seminar; to Council with the budget on 7 March."),
        Act("R1.2", "Set out in the budget how each savings proposal affects service users",
            "Head of Finance and Procurement", "29-Feb-24", "2024-02-29", 100, "complete",
            "Equality and impact assessments published with the budget papers."),
        Act("R2.1", "Introduce six-monthly performance reports to each service committee",
            "Corporate Performance Manager", "30-Apr-24", "2024-04-30", 50, "amber",
            "First reports went to three of five committees; the others were deferred by the budget timetable."),
        Act("R2.2", "Review the council's performance indicators with the Improvement Service",
            "Corporate Performance Manager", "Q1 2024/25", "2024-06-30", 30, "green",
            "Indicator set compared with the LGBF family groups; proposals being drafted."),
        Act("R3.1", "Develop a locality approach to community planning in the three area partnerships",
            "Community Planning Lead Officer", "30-Sep-24", "2024-09-30", 15, "red",
            "Two area partnership chairs are vacant and the approach has not yet been discussed with partners."),
        Act("R3.2", "Publish a participation request and asset transfer guide for community groups",
            "Community Planning Lead Officer", "31-Jan-24", "2024-01-31", 70, "amber",
            "Guide drafted and tested with two community councils; publication moved to March."),
    ]
    n = 8
    rows: list[list[C | str]] = [[*h("RAG", "Action Ref", "Improvement Action", fill="FCE4D6"), C(SP),
                                  *h("Timescale", "Responsible Officer", "% Progress", "Progress Commentary",
                                     fill="FCE4D6")]]
    for a in acts:
        due = date_cell(a.due_raw, a.due, "dd-mmm-yy") if a.due_raw[0].isdigit() else C(a.due_raw)
        rows.append([rag_word(a.rag), a.ref, a.desc, SP, due, a.lead, pct_cell(a.pct, typed=True), a.update])
    rows.append([C("", colspan=n)])
    rows.append([C("Key: Green – on track; Amber – some risk to the timescale; Red – timescale will be missed; "
                   "Complete – delivered.", colspan=n)])
    rows.append([C("Source: lead officers' monthly returns to the Corporate Performance Team.", colspan=n)])
    title = "Wanlockhead Council – Best Value Assurance Report Improvement Plan Monitoring"
    rd = "2024-03-05"
    blocks: list[Block] = [
        P(title, "title", at=(2, 2)), P("Report Date: 5 March 2024", at=(3, 2)),
        P("Report Ref: AG/07/24", at=(4, 2)),
        P("Actions are listed in the order of the Best Value Assurance Report's recommendations.", at=(5, 2)),
        T(rows, widths=[0.8, 0.7, 3.2, 0.15, 1.0, 1.8, 0.9, 3.6], at=(8, 2)),
    ]
    return PaperSpec(LAYOUT, "wanlockhead_bvar_improvement_plan_monitoring_2024-03", blocks,
                     expected(title, rd, acts, report_ref="AG/07/24"), producers=("xlsx", "lo-xlsx"),
                     sheets=[Sheet("Monitoring", blocks, freeze="D9", autofilter="B8:I14")],
                     note="table at B8 with the RAG as its first column; report date in words in the title block; "
                          "a spacer column; frozen panes and an autofilter; blank, key and source rows below")


def variants() -> list[PaperSpec]:
    return finished([_strathallan(), _tarbolton(), _ulbster(), _wanlockhead()])
