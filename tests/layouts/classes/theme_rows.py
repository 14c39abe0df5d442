"""Layout class 'theme_rows': theme rows inside one action table, over numbered actions and sub-actions.

Full-width merged rows 'Improvement Area 1: Financial Sustainability' over actions 1.1, 1.2 and
sub-action rows 1.2(a), 1.2(b); rows holding a whole recommendation ('Recommendation 2 – Elected
members and officers should ...') over actions whose sub-actions (a), (b) are paragraphs inside
the action's cell; a workbook with merged 'Section A: ...' rows, a blank spacer row between
sections and sub-action rows A2a, A2b; and theme rows not merged at all, the theme's number in
the Ref column and its name in capitals in the Action column, the other cells blank but shaded.
Per the contract: the theme is the heading an action sits under without its label ('Improvement
Area 2:', 'Recommendation 3 –', 'Section B:'); ref is the paper's own number as printed ('1.2(a)',
'A2b'); a sub-action printed as its own row with its own number, lead, date and progress is an
action, while sub-actions printed as paragraphs inside a cell are that action's description
(paragraphs joined by one space). Theme and spacer rows are no actions.
"""

from __future__ import annotations

from ..spec import Block, C, P, PaperSpec, Sheet, T
from ._plans import Act, date_cell, expected, finished, h, pct_cell, rag_fill, rag_word, theme_row, themed

LAYOUT = "theme_rows"


# A: docx/pdf: merged full-width rows 'Improvement Area n: <theme>', actions n.m, sub-action rows 'n.m(a)'
def _kelburn() -> PaperSpec:
    T1, T2, T3 = "Financial Sustainability", "Workforce and Organisational Development", "Digital Transformation"
    acts = [
        Act("1.1", "Prepare a medium term financial plan for 2024/25 to 2028/29", "Chief Finance Officer",
            "29/02/2024", "2024-02-29", 80, "green", "Plan presented to members at the budget seminar.", theme=T1),
        Act("1.2", "Deliver the agreed savings programme for 2023/24", "Chief Finance Officer", "31/03/2024",
            "2024-03-31", 60, "amber", "£4.1m of the £5.6m programme delivered; the remainder is at risk.",
            theme=T1),
        Act("1.2(a)", "Review of discretionary fees and charges", "Head of Revenues", "31/12/2023", "2023-12-31",
            100, "complete", "New charges in place from 1 October.", theme=T1),
        Act("1.2(b)", "Reduction in agency staff spend", "Head of HR", "31/03/2024", "2024-03-31", 40, "red",
            "Agency spend remains above budget in social care.", theme=T1),
        Act("2.1", "Develop a strategic workforce plan", "Head of HR", "30/06/2024", "2024-06-30", 35, "amber",
            "Service workforce plans received from four of six directorates.", theme=T2),
        Act("2.2", "Introduce an employee wellbeing strategy", "Health and Wellbeing Adviser", "31/01/2024",
            "2024-01-31", 90, "green", "Strategy consulted on with trade unions; final version in January.",
            theme=T2),
        Act("3.1", "Launch online forms for the 20 most common customer requests", "Head of Digital",
            "30/09/2024", "2024-09-30", 45, "green", "Nine forms live, with 31% of requests now made online.",
            theme=T3),
        Act("3.2", "Upgrade the council's network infrastructure", "ICT Infrastructure Manager", "31/03/2025",
            "2025-03-31", 15, "green", "Design work complete; procurement to start in February.", theme=T3),
    ]
    n = 7
    rows = [h("Ref", "Action", "Lead", "Target Date", "% Complete", "RAG", "Progress"),
            *themed(acts, [T1, T2, T3], "Improvement Area", n,
                    lambda a: [a.ref, a.desc, a.lead, a.due_raw, pct_cell(a.pct), rag_word(a.rag), a.update])]
    title = "Kelburn Council – Best Value Improvement Plan: Six-Monthly Progress"
    rd = "2023-12-14"
    blocks: list[Block] = [
        P(title, "title"), P("Report Date: 14/12/2023"),
        P("Sub-actions are shown beneath the action they contribute to."),
        T(rows, widths=[0.7, 3.2, 1.8, 1.1, 1.0, 1.0, 3.6]),
    ]
    return PaperSpec(LAYOUT, "kelburn_bv_improvement_plan_six_monthly_2023-12", blocks, expected(title, rd, acts),
                     producers=("docx", "pdf", "lo-docx"),
                     note="merged 'Improvement Area n:' rows; sub-action rows numbered 1.2(a), 1.2(b)")


# B: docx/pdf: theme rows hold the whole recommendation ('Recommendation 2 – The council should ...'),
#    sub-actions (a)/(b) as paragraphs inside the action cell
def _lunan() -> PaperSpec:
    R1 = "The council should set out clear priorities for improvement and link them to its budget."
    R2 = "Elected members and officers should work together more effectively, with clear roles."
    R3 = "The council should improve how it engages with communities and uses their views in decisions."
    acts = [
        Act("1.1", "Review the council plan so that each priority has measurable outcomes:\n(a) agree outcome "
            "measures with services;\n(b) set annual targets for each measure.", "Head of Policy",
            "31/03/2024", "2024-03-31", 60, "green",
            "Outcome measures agreed with all services. Targets to be set with the 2024/25 budget.", theme=R1),
        Act("1.2", "Align the budget process with the council plan priorities", "Chief Finance Officer",
            "29/02/2024", "2024-02-29", 70, "green",
            "Budget options for 2024/25 are presented against the council plan priorities.", theme=R1),
        Act("2.1", "Refresh the councillor–officer protocol:\n(a) consult members and senior officers;\n(b) "
            "present the revised protocol to Council;\n(c) deliver briefings on the protocol.",
            "Monitoring Officer", "31/01/2024", "2024-01-31", 45, "amber",
            "Consultation complete. Council approval was deferred from November to January.", theme=R2),
        Act("2.2", "Provide a development programme for members of the Audit and Scrutiny Committee",
            "Head of Democratic Services", "31/10/2023", "2023-10-31", 100, "complete",
            "Three sessions delivered with the Improvement Service.", theme=R2),
        Act("3.1", "Adopt a community engagement strategy", "Community Engagement Manager", "30/06/2024",
            "2024-06-30", 30, "amber",
            "Draft strategy delayed by the restructure of the communities team.", theme=R3),
        Act("3.2", "Use participatory budgeting for at least 1% of the council's budget",
            "Community Engagement Manager", "31/03/2025", "2025-03-31", 20, "red",
            "Only 0.3% of the budget is allocated through participatory budgeting so far.", theme=R3),
    ]
    n = 7
    out = [h("Action No.", "Agreed Action", "Responsible Officer", "Target Date", "% Complete", "Status", "Update")]
    last = None
    for a in acts:
        if a.theme != last:
            k = [R1, R2, R3].index(a.theme or "") + 1
            out.append(theme_row(f"Recommendation {k} – {a.theme}", n, fill="FBE4D5"))
            last = a.theme
        out.append([a.ref, a.desc, a.lead, a.due_raw, pct_cell(a.pct), rag_word(a.rag), a.update])
    title = "Lunan Bay Council: Best Value Assurance Report – Action Plan Update"
    rd = "2023-11-09"
    blocks: list[Block] = [
        P(title, "title"), P("Report Date: 09/11/2023"),
        P("The action plan responds to the three recommendations of the Accounts Commission's Best Value "
          "Assurance Report."),
        T(out, widths=[0.8, 3.4, 1.8, 1.1, 1.0, 1.0, 3.4]),
    ]
    return PaperSpec(LAYOUT, "lunan_bay_bvar_action_plan_update_2023-11", blocks, expected(title, rd, acts),
                     producers=("docx", "pdf", "lo-docx"),
                     note="theme rows are full recommendations with 'Recommendation n –' label; sub-actions (a)(b) "
                          "as paragraphs inside the action cell")


# C: workbook: merged theme rows 'Section A: ...' with fill, a blank spacer row before each, refs 'A1', 'A2',
#    sub-actions 'A2a', 'A2b' as rows
def _menteith() -> PaperSpec:
    TA, TB = "Leadership and Governance", "Service Performance"
    acts = [
        Act("A1", "Agree a new governance framework including committee remits", "Head of Legal Services",
            "30/11/2023", "2023-11-30", 100, "complete", "Framework approved by Council on 23 November.", theme=TA),
        Act("A2", "Improve the quality of committee reports", "Head of Democratic Services", "31/03/2024",
            "2024-03-31", 55, "green", "New report template in use from October.", theme=TA),
        Act("A2a", "Train report authors in the new template", "Committee Services Manager", "31/01/2024",
            "2024-01-31", 70, "green", "Eight training sessions held for 96 officers.", theme=TA),
        Act("A2b", "Introduce a quality check of reports before publication", "Committee Services Manager",
            "31/03/2024", "2024-03-31", 20, "amber", "Checklist drafted; resourcing still to be agreed.", theme=TA),
        Act("B1", "Reduce the time taken to process new benefit claims", "Revenues and Benefits Manager",
            "31/03/2024", "2024-03-31", 40, "red", "Average processing time is 29 days against a target of 20.",
            theme=TB),
        Act("B2", "Improve the recycling rate to 55%", "Waste Services Manager", "31/03/2025", "2025-03-31", 35,
            "amber", "Recycling rate 49.2% in the year to September.", theme=TB),
        Act("B3", "Meet the planning performance framework targets for major applications",
            "Planning Manager", "31/03/2024", "2024-03-31", 65, "green",
            "Major applications decided in an average of 27 weeks, within target.", theme=TB),
    ]
    n = 8
    rows = [h("Ref", "Action", "Lead Officer", "Target Date", "% Complete", "RAG", "Update", "Next Steps",
              fill="D9D9D9")]
    last = None
    steps = {"A1": "None – complete", "A2": "Review use of template in March",
             "A2a": "Further sessions for new staff", "A2b": "Agree resourcing at CMT",
             "B1": "Recruit two benefits assessors", "B2": "Food waste roll-out in spring",
             "B3": "Maintain performance"}
    for a in acts:
        if a.theme != last:
            if last is not None:
                rows.append([""] * n)
            letter = "AB"[[TA, TB].index(a.theme or "")]
            rows.append(theme_row(f"Section {letter}: {a.theme}", n, fill="FCE4D6"))
            last = a.theme
        rows.append([a.ref, a.desc, a.lead, date_cell(a.due_raw, a.due), pct_cell(a.pct, typed=True),
                     rag_fill(a.rag), a.update, steps[a.ref]])
    title = "Menteith Council – Best Value Improvement Plan 2023/24"
    rd = "2024-01-10"
    blocks: list[Block] = [
        P(title, "title"), P("Report Date: 10/01/2024"),
        P("RAG: red = off track, amber = at risk, green = on track, blue = complete"),
        T(rows, widths=[0.5, 3.0, 1.7, 1.0, 0.9, 0.6, 3.0, 1.8]),
    ]
    return PaperSpec(LAYOUT, "menteith_bv_improvement_plan_2024-01", blocks, expected(title, rd, acts),
                     producers=("xlsx", "lo-xlsx"), sheets=[Sheet("Improvement Plan", blocks)],
                     note="merged 'Section A:' theme rows, blank spacer row between sections, sub-action rows "
                          "A2a/A2b, RAG as fill with a key line")


# D: docx/pdf: theme rows NOT merged: the theme number in the Ref column and the theme in capitals in the
#    Action column, shaded, other cells blank
def _newburgh() -> PaperSpec:
    T1, T2, T3 = "COMMUNITY PLANNING", "ASSET MANAGEMENT", "CUSTOMER SERVICES"
    acts = [
        Act("1.1", "Agree a partnership performance framework for the Local Outcomes Improvement Plan",
            "Community Planning Manager", "31/03/2024", "2024-03-31", 50, "green",
            "Framework agreed by partners; first report due in June.", theme=T1),
        Act("1.2", "Review the partnership's thematic groups", "Community Planning Manager", "31/12/2023",
            "2023-12-31", 80, "amber", "Review complete; changes to two groups still to be agreed.", theme=T1),
        Act("2.1", "Complete a review of the office estate", "Estates Manager", "30/06/2024", "2024-06-30", 40,
            "amber", "Occupancy surveys done; options appraisal starts in January.", theme=T2),
        Act("2.2", "Dispose of surplus property to generate capital receipts", "Estates Manager", "31/03/2025",
            "2025-03-31", 25, "green", "Four properties marketed; two offers accepted.", theme=T2),
        Act("2.3", "Prepare a schools estate strategy", "Head of Education Resources", "31/10/2024", "2024-10-31",
            10, "red", "Delayed by the late start of the school roll projections.", theme=T2),
        Act("3.1", "Open a single customer contact centre", "Customer Services Manager", "30/09/2023",
            "2023-09-30", 100, "complete", "Contact centre opened on 4 September.", theme=T3),
        Act("3.2", "Introduce a customer charter", "Customer Services Manager", "31/01/2024", "2024-01-31", 60,
            "green", "Charter drafted and tested with the citizens' panel.", theme=T3),
    ]
    rows = [h("Ref", "Action", "Lead Officer", "Target Date", "%", "RAG", "Comments", fill="DEEAF6")]
    last = None
    for a in acts:
        if a.theme != last:
            k = [T1, T2, T3].index(a.theme or "") + 1
            rows.append([C(str(k), bold=True, fill="F2F2F2"), C(a.theme or "", bold=True, fill="F2F2F2"),
                         *[C("", fill="F2F2F2") for _ in range(5)]])
            last = a.theme
        rows.append([a.ref, a.desc, a.lead, a.due_raw, pct_cell(a.pct), rag_fill(a.rag), a.update])
    title = "Newburgh Council: Best Value Action Plan Progress Report"
    rd = "2023-12-19"
    blocks: list[Block] = [
        P(title, "title"), P("Report Date: 19/12/2023"),
        P("RAG status: Red – off track; Amber – at risk; Green – on track; Blue – complete."),
        T(rows, widths=[0.5, 3.2, 1.8, 1.1, 0.7, 0.6, 3.8]),
    ]
    return PaperSpec(LAYOUT, "newburgh_bv_action_plan_progress_2023-12", blocks, expected(title, rd, acts),
                     producers=("docx", "pdf", "lo-docx"),
                     note="unmerged theme rows: number in Ref, capitalised theme in Action, rest blank; RAG as "
                          "fill only with a key line")


def variants() -> list[PaperSpec]:
    return finished([_kelburn(), _lunan(), _menteith(), _newburgh()])
