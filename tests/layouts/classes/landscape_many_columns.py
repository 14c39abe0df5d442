"""Layout class 'landscape_many_columns': wide action tables (11 to 14 columns) on landscape pages.

Beside the contract's fields the tables carry columns that are none of them: start date,
evidence, expected outcome, next milestone and its date, risks, next steps, dependencies, a
budget. The recommendation or workstream is a column merged down or repeated on each row, before
or after the action; 'Service Lead', 'Priority', 'BVAR Para', original and revised targets, a
'% at 30/09/2023' or 'Q2 2023/24 %' column beside the current one and 'Decision Required' appear
in some. Per the contract: a start or milestone date is not the due date and an outcome is not
the description; the recommendation or workstream column is the theme; 'Service Lead' is the
service lead ('-' is null); 'Priority' numbers are the priority and 'BVAR Para' the report refs;
with original and revised targets the due date is the revised one where given, the original due
date the original where it differs; a dated or period column is a snapshot at that date (its
percentage only); 'Decision Required' is the report-date snapshot's decisions.
"""

from __future__ import annotations

from collections.abc import Callable

from ..spec import Block, C, P, PaperSpec, Sheet, T
from ._plans import Act, date_cell, expected, finished, h, pct_cell, rag_fill, rag_word

LAYOUT = "landscape_many_columns"


def _merged_down(acts: list[Act], cells: list[list[C | str]], text: Callable[[Act], str]) -> list[list[C | str]]:
    """Each action's row with a first cell of ``text(action)``, merged down over the actions of one theme."""
    rows: list[list[C | str]] = []
    for i, (a, row) in enumerate(zip(acts, cells, strict=True)):
        if i == 0 or acts[i - 1].theme != a.theme:
            span = 1
            while i + span < len(acts) and acts[i + span].theme == a.theme:
                span += 1
            rows.append([C(text(a), rowspan=span), *row])
        else:
            rows.append(row)
    return rows


# A: docx/pdf: 13 columns, recommendation merged down, start/target/revised dates, evidence, decision required
def _kilmany() -> PaperSpec:
    R1, R2, R3 = ("Financial planning and budgets", "Workforce planning", "Local democracy")
    acts = [
        Act("1.1", "Prepare a five-year financial plan", "Director of Finance", "31/03/2024", "2024-03-31", 70,
            "green", "Plan drafted and reviewed by the Corporate Management Team.", theme=R1,
            service="Chief Accountant", x={"start": "01/06/2023", "rev": "", "ev": "Draft plan; CMT minute",
                                           "dec": "None"}),
        Act("1.2", "Introduce budget holder training", "Director of Finance", "31/05/2024", "2024-05-31", 40,
            "amber", "Training material prepared; sessions delayed by year-end work.", theme=R1,
            service="Finance Business Partner", original="2023-12-31",
            x={"start": "01/09/2023", "orig": "31/12/2023", "ev": "Training plan",
               "dec": "Agree the revised target date of May 2024"}),
        Act("1.3", "Report savings delivery to every Finance Committee", "Director of Finance", "30/09/2023",
            "2023-09-30", 100, "complete", "Reported to each committee since September.", theme=R1,
            service="-", x={"start": "01/04/2023", "rev": "", "ev": "Committee reports", "dec": "None"}),
        Act("2.1", "Produce a workforce plan for each directorate", "Director of People", "30/06/2024",
            "2024-06-30", 35, "amber", "Two of four directorate plans complete.", theme=R2,
            service="HR Business Partner", x={"start": "01/07/2023", "rev": "", "ev": "Service plans",
                                              "dec": "None"}),
        Act("2.2", "Launch a graduate trainee scheme", "Director of People", "30/09/2024", "2024-09-30", 15,
            "red", "Funding for the scheme has not been agreed.", theme=R2, service="Recruitment Manager",
            original="2024-03-31",
            x={"start": "01/10/2023", "orig": "31/03/2024", "ev": "Business case",
               "dec": "Approve funding of £240,000 for the scheme"}),
        Act("3.1", "Set up four locality partnerships", "Director of Place", "31/03/2024", "2024-03-31", 50,
            "green", "Two locality groups meeting; two more being formed.", theme=R3,
            service="Localities Manager",
            x={"start": "01/05/2023", "rev": "31/03/2024", "ev": "Terms of reference", "dec": "None"}),
    ]
    rows = []
    for a in acts:
        rev = a.x.get("rev")
        if "orig" in a.x:
            target, revised = a.x["orig"], a.due_raw
        else:
            target, revised = a.due_raw, rev or ""
        rows.append([a.ref, a.desc, a.lead, a.service, a.x["start"], target, revised, pct_cell(a.pct),
                     rag_word(a.rag), a.update, a.x["ev"], a.x["dec"]])
        a.decisions = None if a.x["dec"] == "None" else a.x["dec"]
        if "orig" in a.x:
            pass
        elif rev:
            a.due_raw = rev  # printed revised equals the original: the revised date is the due date
    header = h("Rec", "Ref", "Action", "Lead Officer", "Service Lead", "Start Date", "Target Date",
               "Revised Target Date", "%", "RAG", "Progress Update", "Evidence", "Decision Required",
               fill="D9E1F2")
    body = _merged_down(acts, rows, lambda a: a.theme or "")
    title = "Kilmany Council: Best Value Improvement Plan – Detailed Progress Report"
    rd = "2024-01-23"
    blocks: list[Block] = [
        P(title, "title"), P("Report Date: 23/01/2024"),
        P("Report to the Corporate Policy and Resources Committee"),
        T([header, *body], widths=[1.3, 0.45, 2.0, 1.2, 1.2, 0.95, 0.95, 0.95, 0.8, 0.8, 2.4, 1.1, 1.6],
          font_size=7.5),
    ]
    return PaperSpec(LAYOUT, "kilmany_bv_improvement_plan_detailed_2024-01", blocks, expected(title, rd, acts),
                     producers=("docx", "pdf", "lo-docx"),
                     note="13 columns; recommendation merged down; start date; target + revised target (one "
                          "revised equal to the original); evidence; decision required")


# B: workbook: 14 columns with priority, BVAR para, start date, original/revised target, an earlier dated
#    percentage, risks and next steps
def _lochgoil() -> PaperSpec:
    S = "2023-09-30"
    acts = [
        Act("LG1", "Review the council's committee structure and schemes of delegation", "Head of Governance",
            "31/03/2024", "2024-03-31", 60, "green", "Options considered at a members' seminar in November.",
            priority="1", report_refs="54", earlier={S: 30},
            x={"start": "01/05/2023", "orig": "31/03/2024", "rev": "", "risk": "Member agreement",
               "next": "Report to Council"}),
        Act("LG2", "Introduce a corporate performance dashboard", "Performance Manager", "30/04/2024",
            "2024-04-30", 45, "amber", "Dashboard prototype built; data quality issues in two services.",
            priority="2", report_refs="61", earlier={S: 25}, original="2023-12-31",
            x={"start": "01/06/2023", "orig": "31/12/2023", "rev": "30/04/2024", "risk": "Data quality",
               "next": "Data cleansing"}),
        Act("LG3", "Carry out a best value review of leisure services", "Head of Communities", "30/09/2024",
            "2024-09-30", 20, "amber", "Review scope agreed with the leisure trust.", priority="2",
            report_refs="72", earlier={S: 10},
            x={"start": "01/09/2023", "orig": "30/09/2024", "rev": "", "risk": "Trust capacity",
               "next": "Appoint reviewer"}),
        Act("LG4", "Agree a capital investment strategy", "Chief Finance Officer", "29/02/2024", "2024-02-29", 85,
            "green", "Strategy to be approved with the budget.", priority="1", report_refs="48", earlier={S: 50},
            x={"start": "01/04/2023", "orig": "29/02/2024", "rev": "29/02/2024", "risk": "None",
               "next": "Budget meeting"}),
        Act("LG5", "Develop a consultation and engagement toolkit for services", "Policy Officer",
            "31/10/2023", "2023-10-31", 100, "complete", "Toolkit published on the intranet.", priority="3",
            report_refs="80", earlier={S: 80},
            x={"start": "01/04/2023", "orig": "31/10/2023", "rev": "", "risk": "None", "next": "None"}),
        Act("LG6", "Reduce the number of agency workers in social care", "Head of Adult Care", "31/03/2025",
            "2025-03-31", 10, "red", "Agency use has increased over the winter.", priority="1",
            report_refs="66", earlier={S: 10}, original="2024-06-30",
            x={"start": "01/07/2023", "orig": "30/06/2024", "rev": "31/03/2025", "risk": "Recruitment market",
               "next": "Recruitment campaign"}),
    ]
    header = h("Priority", "Ref", "BVAR Para", "Action", "Lead", "Start Date", "Original Target",
               "Revised Target", "% at 30/09/2023", "% Complete", "RAG", "Update", "Risks / Issues", "Next Steps",
               fill="E2EFDA")
    rows = [header]
    for a in acts:
        x = a.x
        assert a.priority is not None and a.report_refs is not None
        rows.append([C(a.priority, value=int(a.priority)), a.ref, C(a.report_refs, value=int(a.report_refs)),
                     a.desc, a.lead, date_cell(x["start"], _iso(x["start"])), date_cell(x["orig"], _iso(x["orig"])),
                     date_cell(x["rev"], _iso(x["rev"])) if x["rev"] else "", pct_cell(a.earlier[S], typed=True),
                     pct_cell(a.pct, typed=True), rag_fill(a.rag, {"red": "R", "amber": "A", "green": "G",
                                                                   "complete": "C"}[a.rag]),
                     a.update, x["risk"], x["next"]])
        if x["rev"]:
            a.due_raw = x["rev"]
        else:
            a.due_raw = x["orig"]
    title = "Lochgoil Council – Best Value Assurance Report Action Plan Monitoring"
    rd = "2023-12-07"
    blocks: list[Block] = [
        P(title, "title"), P("Report Date: 07/12/2023"),
        P("RAG: R = Red (off track), A = Amber (at risk), G = Green (on track), C = Complete"),
        T(rows, widths=[0.6, 0.5, 0.6, 2.4, 1.3, 0.9, 0.9, 0.9, 0.8, 0.8, 0.5, 2.2, 1.1, 1.1]),
    ]
    return PaperSpec(LAYOUT, "lochgoil_bvar_action_plan_monitoring_2023-12", blocks, expected(title, rd, acts),
                     producers=("xlsx", "lo-xlsx"), sheets=[Sheet("Action Plan", blocks)],
                     note="14 columns: priority, BVAR para, start, original/revised target, '% at 30/09/2023', "
                          "RAG letters on fills with a key line, risks, next steps")


def _iso(text: str) -> str:
    d, m, y = text.split("/")
    return f"{y}-{m}-{d}"


# C: docx/pdf: 11 columns, theme repeated on each row, 'Expected Outcome' beside 'Action', next milestone
#    with its own date
def _monymusk() -> PaperSpec:
    TH1, TH2 = "Vision and Leadership", "Use of Resources"
    acts = [
        Act("VL1", "Agree a shared vision with community planning partners", "Chief Executive", "31/03/2024",
            "2024-03-31", 65, "green", "Vision agreed by the partnership board; consultation under way.",
            theme=TH1, x={"out": "Partners working to one set of priorities", "ms": "Board sign-off",
                          "msd": "14/03/2024"}),
        Act("VL2", "Introduce a senior leadership development programme", "Head of OD", "30/06/2024",
            "2024-06-30", 30, "amber", "Programme procured; start delayed to February.", theme=TH1,
            x={"out": "A more stable and skilled leadership team", "ms": "First cohort starts",
               "msd": "05/02/2024"}),
        Act("VL3", "Hold six-monthly staff conferences led by the Chief Executive", "Head of Communications",
            "31/10/2023", "2023-10-31", 100, "complete", "Second conference held in October.", theme=TH1,
            x={"out": "Staff understand the council's priorities", "ms": "None", "msd": ""}),
        Act("UR1", "Develop a corporate asset strategy", "Head of Property", "30/09/2024", "2024-09-30", 20,
            "amber", "Asset data being validated.", theme=TH2,
            x={"out": "Fewer, better used buildings", "ms": "Asset data validated", "msd": "31/03/2024"}),
        Act("UR2", "Introduce a procurement strategy focused on local spend", "Procurement Manager",
            "31/12/2023", "2023-12-31", 50, "red", "Strategy not yet approved; the target date was missed.",
            theme=TH2, x={"out": "More council spend with local businesses", "ms": "Approval by committee",
                          "msd": "20/02/2024"}),
        Act("UR3", "Review the council's energy contracts", "Energy Manager", "31/03/2024", "2024-03-31", 75,
            "green", "New contract terms agreed in principle.", theme=TH2,
            x={"out": "Lower energy costs", "ms": "Contract award", "msd": "29/02/2024"}),
    ]
    header = h("Theme", "Ref", "Action", "Expected Outcome", "Lead Officer", "Target Date", "% Complete", "RAG",
               "Progress Commentary", "Next Milestone", "Milestone Date", fill="FFF2CC")
    rows = [header]
    for a in acts:
        rows.append([a.theme or "", a.ref, a.desc, a.x["out"], a.lead, a.due_raw, pct_cell(a.pct), rag_word(a.rag),
                     a.update, a.x["ms"], a.x["msd"]])
    title = "Monymusk Council – Best Value Action Plan: Progress Monitoring"
    rd = "2024-01-25"
    blocks: list[Block] = [
        P(title, "title"), P("Report Date: 25/01/2024"),
        T(rows, widths=[1.0, 0.5, 2.2, 1.8, 1.2, 0.95, 0.8, 0.8, 2.4, 1.2, 0.95], font_size=8),
    ]
    return PaperSpec(LAYOUT, "monymusk_bv_action_plan_progress_2024-01", blocks, expected(title, rd, acts),
                     producers=("docx", "pdf", "lo-docx"),
                     note="11 columns: theme repeated per row, expected outcome beside action, next milestone "
                          "and milestone date after the commentary")


# D: drawn by reportlab and kept as a workbook: 13 columns, the action before its 'Workstream' (repeated on
#    each row), priority, service lead, a budget column, 'Due Date', a period column 'Q2 2023/24 %' and
#    'Current %', RAG by fill only with a key line, dependencies; the report date in prose
def _pitcaple() -> PaperSpec:
    S = "2023-09-30"
    W1, W2, W3 = "Customer and Digital", "Workforce", "Property and Assets"
    acts = [
        Act("D1", "Move the 15 most used service requests online with automated updates to customers",
            "Head of Customer and Digital Services", "30/06/2024", "2024-06-30", 55, "green",
            "Nine request types live; 38% of requests now made online.", theme=W1, priority="1",
            service="Digital Programme Manager", earlier={S: 30}, x={"budget": "240", "dep": "CRM upgrade"}),
        Act("D2", "Replace the council's telephony system", "Head of Customer and Digital Services",
            "31/03/2024", "2024-03-31", 70, "amber",
            "Supplier appointed; migration of the contact centre slipped by six weeks.", theme=W1, priority="2",
            service="ICT Infrastructure Manager", earlier={S: 45}, x={"budget": "410", "dep": "Network upgrade"}),
        Act("W1", "Introduce a leadership development programme for senior and middle managers",
            "Head of People", "31/12/2023", "2023-12-31", 100, "complete",
            "Programme launched in November with 46 managers enrolled.", theme=W2, priority="1",
            service="-", earlier={S: 60}, x={"budget": "85", "dep": "None"}),
        Act("W2", "Agree a hybrid working policy with the trade unions", "Head of People", "31/05/2024",
            "2024-05-31", 40, "amber", "Draft policy consulted on; two unions have asked for changes.",
            theme=W2, priority="2", service="HR Policy Manager", earlier={S: 25},
            x={"budget": "-", "dep": "Office review"}),
        Act("P1", "Rationalise the office estate from nine buildings to four", "Head of Property",
            "31/03/2025", "2025-03-31", 20, "red",
            "Staff moves paused until the hybrid working policy is agreed; savings at risk.", theme=W3,
            priority="1", service="Estates Manager", earlier={S: 15}, x={"budget": "1,200", "dep": "Hybrid policy"}),
        Act("P2", "Install solar panels on 12 council buildings", "Head of Property", "30/09/2024", "2024-09-30",
            35, "green", "Six installations complete; grant confirmed for the remainder.", theme=W3,
            priority="3", service="Energy Officer", earlier={S: 10}, x={"budget": "560", "dep": "External grant"}),
    ]
    header = h("Ref", "Action", "Workstream", "Priority", "Lead Officer", "Service Lead", "Budget (£k)", "Due Date",
               "Q2 2023/24 %", "Current %", "RAG", "Commentary", "Dependencies", fill="DDEBF7")
    rows = [header]
    for a in acts:
        assert a.priority is not None
        text = a.x["budget"]
        budget = C(text, value=int(text.replace(",", "")), number_format="#,##0") if text[0].isdigit() else C(text)
        rows.append([a.ref, a.desc, a.theme or "", C(a.priority, value=int(a.priority)), a.lead,
                     a.service or "", budget, date_cell(a.due_raw, a.due), pct_cell(a.earlier[S], typed=True),
                     pct_cell(a.pct, typed=True), rag_fill(a.rag), a.update, a.x["dep"]])
    title = "Pitcaple Council – Transformation and Best Value Action Plan: Progress Report"
    rd = "2024-02-20"
    blocks: list[Block] = [
        P(title, "title"),
        P("Report by the Chief Executive to the Policy and Resources Committee, 20 February 2024"),
        P("RAG: red – off track; amber – at risk; green – on track; blue – complete."),
        T(rows, widths=[0.45, 2.4, 1.1, 0.7, 1.3, 1.2, 0.7, 0.9, 0.7, 0.7, 0.5, 2.4, 1.1], font_size=7.5),
    ]
    return PaperSpec(LAYOUT, "pitcaple_transformation_bv_action_plan_2024-02", blocks, expected(title, rd, acts),
                     producers=("pdf", "xlsx", "lo-xlsx"), sheets=[Sheet("Tracker", blocks)],
                     note="13 columns: workstream after the action, priority, service lead ('-'), budget, due date, "
                          "'Q2 2023/24 %' then 'Current %', RAG as fill only with a key line, dependencies; report "
                          "date in prose")


def variants() -> list[PaperSpec]:
    return finished([_kilmany(), _lochgoil(), _monymusk(), _pitcaple()])
