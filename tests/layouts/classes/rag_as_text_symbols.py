"""Layout class 'rag_as_text_symbols': RAG printed as letters or words, not as a cell's fill.

A 'RAG' column of letters R/A/G/B with a key in a paragraph above the table; 'RAG Status' words
('Red', 'Amber', 'Green', 'Complete', 'Not Started') in a coloured font with no key; a 'Status'
column of the council's own words ('On Track', 'Slipping', 'Off Track', 'Completed', 'Not Yet
Started') explained by a key table below the action table; and an 'R/A/G' column of coloured
letters with C for complete, its key in cells along a row above the table of a workbook. No RAG
cell is filled, and a coloured font says what its word says. Per the contract: rag comes from
the words, or through the paper's own key from its labels (B = blue = complete, Slipping = amber),
as red, amber, green, complete or not_started.
"""

from __future__ import annotations

from ..spec import Block, C, P, PaperSpec, Sheet, T
from ._plans import Act, date_cell, expected, finished, h, pct_cell

LAYOUT = "rag_as_text_symbols"
FONT = {"red": "C00000", "amber": "ED7D31", "green": "00B050", "complete": "2F5597", "not_started": "7F7F7F"}


# A: docx/pdf: a 'RAG' column of letters R/A/G/B, key paragraph above the table, no fills
def _elderslie() -> PaperSpec:
    letter = {"red": "R", "amber": "A", "green": "G", "complete": "B"}
    acts = [
        Act("1", "Develop a long-term financial strategy with scenarios for funding and demand",
            "Chief Financial Officer", "31/03/2024", "2024-03-31", 75, "green",
            "Scenarios modelled and shared with the budget working group.\nFinal strategy with the 2024/25 "
            "budget."),
        Act("2", "Introduce a corporate approach to options appraisal for major investment decisions",
            "Head of Finance", "31/12/2023", "2023-12-31", 40, "red",
            "Guidance drafted but not yet agreed by the Corporate Management Team. The target date has been "
            "missed."),
        Act("3", "Publish an annual report on the delivery of savings", "Head of Finance", "30/09/2023",
            "2023-09-30", 100, "complete", "Report published in September and considered by the committee."),
        Act("4", "Strengthen the scrutiny role of the Audit Committee with a training programme for members",
            "Head of Internal Audit", "31/01/2024", "2024-01-31", 60, "amber",
            "Two of four training sessions held. Attendance has been low and the remaining sessions have been "
            "rescheduled."),
        Act("5", "Review the corporate risk register and the risk management strategy",
            "Head of Internal Audit", "30/04/2024", "2024-04-30", 30, "green",
            "Workshops with directorates arranged for January and February."),
        Act("6", "Set out how the council will consult residents on budget proposals each year",
            "Head of Communications", "31/10/2023", "2023-10-31", 100, "complete",
            "Budget consultation ran from 2 October to 12 November with 2,340 responses."),
    ]
    rows = [h("Ref", "Action", "Lead Officer", "Target Date", "% Complete", "RAG", "Progress Update")]
    rows += [[a.ref, a.desc, a.lead, a.due_raw, pct_cell(a.pct), letter[a.rag], a.update] for a in acts]
    title = "Elderslie Council: Best Value Action Plan – Financial Sustainability and Governance"
    rd = "2023-12-05"
    blocks: list[Block] = [
        P(title, "title"), P("Report Date: 05/12/2023"),
        P("RAG key: R – Red: significant delay or risk to delivery; A – Amber: some slippage; G – Green: on "
          "track; B – Blue: action complete."),
        T(rows, widths=[0.5, 3.2, 1.8, 1.2, 1.0, 0.6, 3.8]),
    ]
    return PaperSpec(LAYOUT, "elderslie_bv_action_plan_update_2023-12", blocks, expected(title, rd, acts),
                     producers=("docx", "pdf", "lo-docx"),
                     note="letters R/A/G/B, key in a paragraph, no fills")


# B: workbook + docx: 'RAG Status' words in coloured font, no fill, no key
def _fintry_vale() -> PaperSpec:
    word = {"red": "Red", "amber": "Amber", "green": "Green", "complete": "Complete", "not_started": "Not Started"}
    acts = [
        Act("H1", "Reduce the number of empty council homes and the time taken to relet them",
            "Head of Housing", "31/03/2024", "2024-03-31", 55, "amber",
            "Average relet time down from 61 to 48 days against a target of 35 days."),
        Act("H2", "Complete the stock condition survey of all council homes", "Housing Asset Manager",
            "31/12/2023", "2023-12-31", 100, "complete", "Survey of 7,412 homes completed in November."),
        Act("H3", "Agree a local housing strategy with partners for 2024 to 2029", "Housing Strategy Manager",
            "30/06/2024", "2024-06-30", 35, "green", "Consultation draft approved by the Housing Committee."),
        Act("H4", "Improve tenant satisfaction with the repairs service", "Building Services Manager",
            "31/03/2024", "2024-03-31", 20, "red",
            "Satisfaction fell to 71% in the latest survey. A repairs improvement plan is being prepared."),
        Act("H5", "Set up a tenant scrutiny panel", "Tenant Participation Officer", "30/09/2024", "2024-09-30", 0,
            "not_started", "Recruitment of panel members will start in April 2024."),
        Act("H6", "Review homelessness prevention services", "Homelessness Services Manager", "31/05/2024",
            "2024-05-31", 45, "green",
            "Review under way with the Scottish Housing Regulator's guidance; interim findings in February."),
    ]
    rows = [h("Ref", "Action", "Lead Officer", "Target Date", "% Complete", "RAG Status", "Update", fill=None)]
    rows += [[a.ref, a.desc, a.lead, date_cell(a.due_raw, a.due), pct_cell(a.pct, typed=True),
              C(word[a.rag], font_colour=FONT[a.rag]), a.update] for a in acts]
    title = "Fintry Vale Council – Housing Services Best Value Improvement Actions"
    rd = "2024-01-18"
    blocks: list[Block] = [
        P(title, "title"), P("Report Date: 18/01/2024"), T(rows, widths=[0.5, 3.2, 1.8, 1.1, 1.0, 1.1, 3.8]),
    ]
    return PaperSpec(LAYOUT, "fintry_vale_housing_bv_actions_2024-01", blocks, expected(title, rd, acts),
                     producers=("xlsx", "lo-xlsx", "docx", "lo-docx"), sheets=[Sheet("Housing", blocks)],
                     note="RAG words in coloured font, no fill, no key")


# C: docx/pdf: a 'Status' column with status words, a key table after the action table (no colours)
def _glenisla() -> PaperSpec:
    label = {"green": "On Track", "amber": "Slipping", "red": "Off Track", "complete": "Completed",
             "not_started": "Not Yet Started"}
    acts = [
        Act("1.1", "Draw up a community wealth building action plan with anchor institutions",
            "Head of Economic Development", "March 2024", "2024-03-31", 50, "green",
            "Anchor charter signed by six partners. Procurement actions agreed."),
        Act("1.2", "Increase the share of council spend with local suppliers", "Procurement Manager",
            "March 2025", "2025-03-31", 25, "amber",
            "Local spend rose to 24% but remains below the 30% target. Supplier events planned for spring."),
        Act("2.1", "Agree a climate change strategy with a route map to net zero", "Head of Sustainability",
            "June 2024", "2024-06-30", 40, "green", "Route map drafted for the council's own buildings and fleet."),
        Act("2.2", "Replace 40 fleet vehicles with electric vehicles", "Fleet Manager", "December 2023",
            "2023-12-31", 30, "red",
            "Only 12 vehicles have been delivered because of supplier delays; the target date will be missed."),
        Act("3.1", "Develop a digital skills programme for staff", "Head of Organisational Development",
            "September 2023", "2023-09-30", 100, "complete", "Programme launched in September."),
        Act("3.2", "Introduce a new intranet for staff", "Head of Digital Services", "September 2024",
            "2024-09-30", 0, "not_started", "Project to start after the telephony replacement."),
    ]
    rows = [h("No.", "Action", "Lead", "Target", "% Complete", "Status", "Comments", fill="EDEDED")]
    rows += [[a.ref, a.desc, a.lead, a.due_raw, pct_cell(a.pct), label[a.rag], a.update] for a in acts]
    key: list[list[C | str]] = [
        h("Status", "Meaning", fill=None),
        ["On Track", "Green – the action is expected to meet its target date"],
        ["Slipping", "Amber – some delay, the target date is at risk"],
        ["Off Track", "Red – the target date will be missed"],
        ["Completed", "The action has been delivered"],
        ["Not Yet Started", "Work is not due to have started"],
    ]
    title = "Glenisla Council: Best Value Improvement Plan Progress Report"
    rd = "2023-11-27"
    blocks: list[Block] = [
        P(title, "title"), P("Report Date: 27/11/2023"),
        P("Report by the Depute Chief Executive to the Policy and Resources Committee"),
        T(rows, widths=[0.5, 3.2, 1.8, 1.1, 1.0, 1.1, 3.8]),
        P("Status key", "heading"),
        T(key, widths=[1.5, 5]),
    ]
    return PaperSpec(LAYOUT, "glenisla_bv_improvement_plan_progress_2023-11", blocks, expected(title, rd, acts),
                     producers=("docx", "pdf", "lo-docx"),
                     note="status words mapped by a key table below the action table; no fills")


# D: workbook: 'R/A/G' column of letters in coloured font (C = complete), key cells above the table
def _inchmurrin() -> PaperSpec:
    letter = {"red": "R", "amber": "A", "green": "G", "complete": "C"}
    acts = [
        Act("P1", "Publish a public performance report that compares the council with similar councils",
            "Performance Manager", "30/09/2023", "2023-09-30", 100, "complete",
            "Published on the website on 29 September."),
        Act("P2", "Introduce service plans with performance indicators and targets for every service",
            "Performance Manager", "31/03/2024", "2024-03-31", 70, "green",
            "Service plans in place for 11 of 14 services."),
        Act("P3", "Report complaints performance to committee every quarter", "Customer Services Manager",
            "31/12/2023", "2023-12-31", 50, "amber",
            "Quarter 1 reported. Quarter 2 data was delayed by the change of complaints system."),
        Act("P4", "Carry out a residents' survey and act on the results", "Head of Policy",
            "31/01/2024", "2024-01-31", 15, "red",
            "Survey contract not yet awarded; the survey will not run until the spring."),
        Act("P5", "Develop a data strategy with an information asset register",
            "Information Governance Manager", "30/06/2024", "2024-06-30", 35, "green",
            "Asset register complete for three directorates."),
    ]
    key = T([[C("RAG key", bold=True), "R = Red", "A = Amber", "G = Green", "C = Complete"]], ruled=False,
            header_rows=0, widths=[1, 1, 1, 1, 1], at=(4, 1))
    rows = [h("Ref", "Action", "Owner", "Target Date", "Progress", "R/A/G", "Commentary", fill="DDEBF7")]
    rows += [[a.ref, a.desc, a.lead, date_cell(a.due_raw, a.due), pct_cell(a.pct, typed=True),
              C(letter[a.rag], font_colour=FONT[a.rag]), a.update] for a in acts]
    title = "Inchmurrin Council – Best Value Action Plan: Performance Management"
    rd = "2023-12-12"
    blocks: list[Block] = [
        P(title, "title", at=(1, 1)), P("Report Date: 12/12/2023", at=(2, 1)), key,
        T(rows, widths=[0.5, 3.2, 1.8, 1.1, 0.9, 0.7, 3.8], at=(6, 1)),
    ]
    return PaperSpec(LAYOUT, "inchmurrin_bv_action_plan_performance_2023-12", blocks, expected(title, rd, acts),
                     producers=("xlsx", "lo-xlsx"), sheets=[Sheet("Performance", blocks)],
                     note="letters in coloured font, C = complete, key cells above the table")


def variants() -> list[PaperSpec]:
    return finished([_elderslie(), _fintry_vale(), _glenisla(), _inchmurrin()])
