"""Layout class 'numbering_styles': action numbers that are not plain '1' or '1.2'.

Refs prefixed with letters ('BV1.1', 'BV2.2') under theme rows 'BV Recommendation n: ...'; a
workbook whose 'Rec/Action' column numbers each action by its recommendation and its place
('R1/A2'); roman numerals in brackets ('(i)', '(ii)') that restart under each merged
'Recommendation n:' row; and a table with no number column, each action's text beginning with its
number ('1. Agree ...'). Per the contract: ref is the paper's own number as printed ('BV1.1',
'R2/A1', '(iii)'), null only where the paper numbers nothing; a number printed at the start of an
action's text is its ref and the text after it the description; 'Rec/Action' is the ref column,
not a theme; the theme is the recommendation heading without its label ('BV Recommendation 2:',
'Recommendation 1:').
"""

from __future__ import annotations

from ..spec import Block, P, PaperSpec, Sheet, T
from ._plans import Act, date_cell, expected, finished, h, pct_cell, rag_word, theme_row, themed

LAYOUT = "numbering_styles"


# A: docx/pdf/lo-docx: refs 'BV1.1', 'BV1.2', 'BV2.1' ... with theme rows 'BV Recommendation 1: ...'
def _craigellachie() -> PaperSpec:
    T1 = "Strategic direction and priorities"
    T2 = "Financial planning"
    T3 = "Use of resources"
    acts = [
        Act("BV1.1", "Refresh the council's strategic plan and agree a small number of measurable priorities",
            "Chief Executive", "30/09/2024", "2024-09-30", 75, "green",
            "Priorities agreed by Council in May; performance measures being finalised.", theme=T1),
        Act("BV1.2", "Align service plans with the strategic plan priorities", "Head of Policy",
            "31/12/2024", "2024-12-31", 30, "amber", "Service plan template revised; a third of plans returned.",
            theme=T1),
        Act("BV2.1", "Prepare a medium-term financial plan covering at least five years", "Head of Finance",
            "31/03/2025", "2025-03-31", 50, "green", "Financial model rebuilt with updated pay and inflation "
            "assumptions.", theme=T2),
        Act("BV2.2", "Develop a capital strategy linked to the asset management plan", "Head of Finance",
            "31/03/2025", "2025-03-31", 20, "red",
            "Asset management plan has not yet been approved, which is delaying the capital strategy.", theme=T2),
        Act("BV3.1", "Review the use of office accommodation after the move to hybrid working",
            "Head of Property", "30/11/2024", "2024-11-30", 65, "green",
            "Occupancy study complete; two offices recommended for closure.", theme=T3),
        Act("BV3.2", "Introduce category management for the council's top 20 areas of spend",
            "Procurement Manager", "31/01/2025", "2025-01-31", 10, "amber",
            "Spend analysis done; category managers still to be recruited.", theme=T3),
    ]
    n = 7
    rows = [h("Ref", "Action", "Lead", "Target Date", "% Complete", "RAG", "Progress"),
            *themed(acts, [T1, T2, T3], "BV Recommendation", n,
                    lambda a: [a.ref, a.desc, a.lead, a.due_raw, pct_cell(a.pct), rag_word(a.rag), a.update])]
    title = "Craigellachie Council – Best Value Action Plan: Progress to 30 June 2024"
    rd = "2024-08-15"
    blocks: list[Block] = [
        P(title, "title"), P("Report Date: 15/08/2024"),
        T(rows, widths=[0.7, 3.2, 1.6, 1.1, 1.0, 0.9, 3.6]),
    ]
    return PaperSpec(LAYOUT, "craigellachie_bv_action_plan_progress_2024-08", blocks, expected(title, rd, acts),
                     producers=("docx", "pdf", "lo-docx"),
                     note="refs prefixed 'BV' ('BV1.1'); theme rows 'BV Recommendation n:'")


# B: workbook: refs 'R1/A1', 'R1/A2', 'R2/A1' in a 'Rec/Action' column; typed dates and %
def _dunbeath() -> PaperSpec:
    acts = [
        Act("R1/A1", "Agree a joint workforce plan with the health board for health and social care",
            "Chief Officer, Health and Social Care Partnership", "31/03/2025", "2025-03-31", 40, "amber",
            "Joint workforce group meets monthly; plan due to the Integration Joint Board in March."),
        Act("R1/A2", "Reduce the number of people waiting for a care at home package",
            "Head of Adult Services", "31/12/2024", "2024-12-31", 55, "green",
            "Waiting list down from 142 to 88 people since April."),
        Act("R1/A3", "Introduce a reablement service for people leaving hospital", "Head of Adult Services",
            "30/09/2024", "2024-09-30", 100, "complete", "Reablement team in place since August."),
        Act("R2/A1", "Carry out a review of children's residential care placements",
            "Head of Children and Families", "31/10/2024", "2024-10-31", 70, "green",
            "All placements reviewed; three young people moved closer to home."),
        Act("R2/A2", "Increase the number of local foster carers", "Head of Children and Families",
            "31/03/2025", "2025-03-31", 25, "red",
            "Two new foster carers approved against a target of ten. A new recruitment campaign starts in "
            "October."),
        Act("R3/A1", "Publish an annual report on the performance of social work services",
            "Chief Social Work Officer", "30/11/2024", "2024-11-30", 60, "green",
            "Draft report prepared with the Care Inspectorate's feedback."),
    ]
    rows = [h("Rec/Action", "Action", "Lead Officer", "Target Date", "% Complete", "RAG", "Update", fill="FCE4D6")]
    rows += [[a.ref, a.desc, a.lead, date_cell(a.due_raw, a.due), pct_cell(a.pct, typed=True), rag_word(a.rag),
              a.update] for a in acts]
    title = "Dunbeath Council – Social Work Services Best Value Improvement Plan"
    rd = "2024-09-26"
    blocks: list[Block] = [
        P(title, "title"), P("Report Date: 26/09/2024"),
        P("Actions are numbered by the recommendation they respond to (R) and the action (A)."),
        T(rows, widths=[0.8, 3.2, 2.0, 1.1, 1.0, 1.0, 3.5]),
    ]
    return PaperSpec(LAYOUT, "dunbeath_social_work_bv_improvement_plan_2024-09", blocks, expected(title, rd, acts),
                     producers=("xlsx", "lo-xlsx"), sheets=[Sheet("Improvement Plan", blocks)],
                     note="refs 'R1/A2' (recommendation/action)")


# C: docx/lo-docx: roman numerals '(i)', '(ii)' restarting under each recommendation row
def _kilchoan() -> PaperSpec:
    T1 = "The council should set out how it will deliver its climate change commitments."
    T2 = "The council should improve its approach to managing its roads and transport assets."
    acts = [
        Act("(i)", "Publish a climate change action plan with annual carbon reduction targets",
            "Climate Change Manager", "31/10/2024", "2024-10-31", 80, "green",
            "Plan approved by the Environment Committee; targets published on the website.", theme=T1),
        Act("(ii)", "Include a carbon impact assessment in all committee reports", "Climate Change Manager",
            "31/12/2024", "2024-12-31", 35, "amber", "Guidance drafted; training for report authors planned.",
            theme=T1),
        Act("(iii)", "Convert the council's small vehicle fleet to electric", "Fleet Manager", "31/03/2026",
            "2026-03-31", 25, "green", "41 of 160 small vehicles replaced with electric models.", theme=T1),
        Act("(i)", "Prepare a roads asset management plan", "Roads Manager", "31/01/2025", "2025-01-31", 45,
            "amber", "Condition data collected; investment scenarios being modelled.", theme=T2),
        Act("(ii)", "Review the winter maintenance policy and gritting routes", "Roads Manager", "30/09/2024",
            "2024-09-30", 100, "complete", "Revised policy approved in August; routes published.", theme=T2),
    ]
    n = 7
    rows = [h("No.", "Action", "Lead Officer", "Target Date", "% Complete", "RAG", "Update", fill="E2EFDA")]
    last = None
    for a in acts:
        if a.theme != last:
            k = [T1, T2].index(a.theme or "") + 1
            rows.append(theme_row(f"Recommendation {k}: {a.theme}", n, fill="F2F2F2"))
            last = a.theme
        rows.append([a.ref, a.desc, a.lead, a.due_raw, pct_cell(a.pct), rag_word(a.rag), a.update])
    title = "Kilchoan Council – Environment Services Best Value Action Plan"
    rd = "2024-09-10"
    blocks: list[Block] = [
        P(title, "title"), P("Environment Committee – 10 September 2024"), P("Report Date: 10/09/2024"),
        T(rows, widths=[0.6, 3.3, 1.7, 1.1, 1.0, 0.9, 3.5]),
    ]
    return PaperSpec(LAYOUT, "kilchoan_environment_bv_action_plan_2024-09", blocks, expected(title, rd, acts),
                     producers=("docx", "lo-docx"),
                     note="roman numerals '(i)', '(ii)' restarting under each recommendation row")


# D: docx/pdf: no ref column; each action's text begins with its number '1. ', '2. '
def _portsoy() -> PaperSpec:
    acts = [
        Act("1", "Agree a revised scheme of delegation to officers and publish it on the council's website",
            "Head of Legal and Democratic Services", "30/11/2024", "2024-11-30", 90, "green",
            "Revised scheme approved by Council on 3 October; publication in November."),
        Act("2", "Review the terms of reference of all committees to remove overlaps",
            "Head of Legal and Democratic Services", "31/12/2024", "2024-12-31", 50, "amber",
            "Overlaps identified between three committees; proposals to the Standards Committee in December."),
        Act("3", "Introduce a standard template and quality check for committee reports",
            "Committee Services Manager", "31/08/2024", "2024-08-31", 100, "complete",
            "New template in use for all reports since August."),
        Act("4", "Hold an annual joint session of the Corporate Management Team and group leaders",
            "Chief Executive", "31/03/2025", "2025-03-31", 0, "not_started",
            "First session to be arranged after the budget is set."),
        Act("5", "Deliver a programme of training for members on financial scrutiny",
            "Chief Finance Officer", "31/01/2025", "2025-01-31", 40, "green",
            "Two of five sessions delivered with CIPFA."),
    ]
    rows = [h("Action", "Lead Officer", "Target Date", "% Complete", "RAG Status", "Comments", fill="DEEAF6")]
    rows += [[f"{a.ref}. {a.desc}", a.lead, a.due_raw, pct_cell(a.pct), rag_word(a.rag), a.update] for a in acts]
    title = "Portsoy Council: Governance Best Value Actions – Update"
    rd = "2024-10-29"
    blocks: list[Block] = [
        P(title, "title"), P("Report Date: 29 October 2024"),
        T(rows, widths=[3.6, 1.9, 1.1, 1.0, 1.1, 3.6]),
    ]
    return PaperSpec(LAYOUT, "portsoy_governance_bv_actions_update_2024-10", blocks, expected(title, rd, acts),
                     producers=("docx", "pdf"),
                     note="no ref column: each action's text begins with its number '1. '")


def variants() -> list[PaperSpec]:
    return finished([_craigellachie(), _dunbeath(), _kilchoan(), _portsoy()])
