"""Layout class 'continuation_rows': an action's text carried on in the rows below it, their other cells blank.

A workbook with each bullet of an action's update in a row of its own under the action's row; a
document (as if converted from another format) whose long update, and once a long action, is
split over two or three table rows; a workbook with a dated note per month ('Sep 24: ...') in its
own row under each action; and a document, also drawn by reportlab, whose milestones are listed
as '-' items a row each under the action, the RAG a cell's fill explained by a key line. Per the
contract: a row whose only filled cells are an action's update (or its action text), under that
action's row, is a continuation: neither an action nor a theme, its text belonging to the action
above; description and status_text are the text over all the rows, paragraphs joined by one
space, bullets removed and whitespace collapsed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..spec import Block, C, P, PaperSpec, Sheet, T
from ._plans import Act, date_cell, expected, finished, h, pct_cell, rag_fill, rag_word

LAYOUT = "continuation_rows"


def _cont_rows(acts: list[Act], n: int, upd_col: int, desc_col: int,
               first: Callable[[Act], list[C | str]]) -> list[list[C | str]]:
    """For each action: its first row (``first(a)``), then a row per continued piece: a.x['more'] is a list of
    (description piece or '', update piece or '')."""
    out: list[list[C | str]] = []
    for a in acts:
        out.append(first(a))
        for d, u in a.x.get("more", []):
            row: list[C | str] = [""] * n
            row[desc_col] = d
            row[upd_col] = u
            out.append(row)
    return out


def _act(ref: str, desc_parts: list[str], lead: str, due_raw: str, due: str | None, pct: int | None, rag: str,
         upd_parts: list[str], **kw: Any) -> Act:
    """An action printed over several rows: desc_parts[0] and upd_parts[0] in its own row, the rest below."""
    k = max(len(desc_parts), len(upd_parts))
    more = [(desc_parts[i] if i < len(desc_parts) else "", upd_parts[i] if i < len(upd_parts) else "")
            for i in range(1, k)]
    return Act(ref, "\n".join(desc_parts), lead, due_raw, due, pct, rag, "\n".join(upd_parts),
               x={"more": more, "desc0": desc_parts[0], "upd0": upd_parts[0]}, **kw)


# A: workbook: each bullet of the update in its own row under the action (other cells blank)
def _glenelg() -> PaperSpec:
    acts = [
        _act("1", ["Develop a ten-year financial strategy with scenario planning"], "Chief Finance Officer",
             "31/03/2025", "2025-03-31", 60, "green",
             ["• Scenarios for pay, inflation and grant modelled", "• Members' seminar held on 9 October",
              "• Strategy to Council with the 2025/26 budget"]),
        _act("2", ["Introduce an investment appraisal framework for capital projects"], "Head of Finance",
             "31/12/2024", "2024-12-31", 40, "amber",
             ["• Framework drafted", "• Testing on the schools estate project delayed by staff absence"]),
        _act("3", ["Set up a corporate transformation fund with clear criteria"], "Chief Executive", "30/09/2024",
             "2024-09-30", 100, "complete", ["• Fund of £2m agreed by Council in August",
                                             "• First six bids approved"]),
        _act("4", ["Reduce the council's use of reserves to balance the budget"], "Chief Finance Officer",
             "31/03/2026", "2026-03-31", 20, "red",
             ["• £6.4m of reserves planned for use in 2024/25", "• Savings proposals short by £3.1m",
              "• Options to be brought to the Budget Working Group in December"]),
        _act("5", ["Benchmark service costs against family group councils"], "Performance Manager", "31/01/2025",
             "2025-01-31", 50, "green", ["• LGBF data analysed for 12 services"]),
    ]
    n = 7

    def first(a: Act) -> list[C | str]:
        return [a.ref, a.x["desc0"], a.lead, date_cell(a.due_raw, a.due), pct_cell(a.pct, typed=True),
                rag_word(a.rag), a.x["upd0"]]

    rows = [h("Ref", "Action", "Lead Officer", "Target Date", "% Complete", "RAG", "Progress Update",
              fill="DDEBF7"), *_cont_rows(acts, n, 6, 1, first)]
    title = "Glenelg Council – Financial Sustainability: Best Value Action Tracker"
    rd = "2024-11-07"
    blocks: list[Block] = [
        P(title, "title"), P("Report Date: 07/11/2024"), T(rows, widths=[0.5, 3.3, 1.9, 1.1, 1.0, 1.0, 4.0]),
    ]
    return PaperSpec(LAYOUT, "glenelg_financial_bv_action_tracker_2024-11", blocks, expected(title, rd, acts),
                     producers=("xlsx", "lo-xlsx"), sheets=[Sheet("Tracker", blocks)],
                     note="each bullet of the update in its own row below the action")


# B: docx/pdf/lo-docx: a long update (and once a long action) carried on into a second table row
def _strathpeffer() -> PaperSpec:
    acts = [
        _act("1.1", ["Prepare a strategic housing investment plan for the next five years"], "Head of Housing",
             "31/10/2024", "2024-10-31", 90, "green",
             ["The plan was drafted with registered social landlords and the Scottish Government's More Homes "
              "division.",
              "It goes to the Housing Committee on 5 November for approval."]),
        _act("1.2", ["Bring 50 long-term empty homes back into use each year through the empty homes "
                     "partnership,",
                     "including grants and the matchmaker scheme"], "Private Sector Housing Manager",
             "31/03/2025", "2025-03-31", 45, "amber",
             ["31 homes brought back into use so far this year.",
              "Grant take-up is lower than expected and the scheme is being promoted again."]),
        _act("1.3", ["Review the council's rent setting policy with tenants"], "Housing Finance Manager",
             "31/01/2025", "2025-01-31", 30, "green", ["Tenant consultation on three rent options closes in "
                                                        "December."]),
        _act("2.1", ["Reduce the number of households in temporary accommodation"], "Homelessness Manager",
             "31/03/2025", "2025-03-31", 15, "red",
             ["Households in temporary accommodation rose from 212 to 246.",
              "Lets to homeless households are being increased to 60% of council lets from January.",
              "A rapid rehousing transition plan update will go to committee in February."]),
        _act("2.2", ["Open a housing options hub in the town centre"], "Homelessness Manager", "30/09/2024",
             "2024-09-30", 100, "complete", ["Hub opened on 16 September."]),
    ]
    n = 7

    def first(a: Act) -> list[C | str]:
        return [a.ref, a.x["desc0"], a.lead, a.due_raw, pct_cell(a.pct), rag_word(a.rag), a.x["upd0"]]

    rows = [h("Ref", "Action", "Lead Officer", "Target Date", "% Complete", "RAG", "Commentary", fill="E2EFDA"),
            *_cont_rows(acts, n, 6, 1, first)]
    title = "Strathpeffer Council: Housing Best Value Improvement Plan – Progress Report"
    rd = "2024-10-24"
    blocks: list[Block] = [
        P(title, "title"), P("Housing Committee"), P("Report Date: 24 October 2024"),
        T(rows, widths=[0.5, 3.3, 1.9, 1.1, 1.0, 1.0, 4.0]),
    ]
    return PaperSpec(LAYOUT, "strathpeffer_housing_bv_improvement_progress_2024-10", blocks,
                     expected(title, rd, acts), producers=("docx", "pdf", "lo-docx"),
                     note="a long commentary (and once a long action) continued in the next row, other cells blank")


# C: workbook: dated monthly notes, one per row, under each action's row ('Sep 24: ...', 'Oct 24: ...')
def _lochinver() -> PaperSpec:
    acts = [
        _act("A", ["Agree a digital strategy for 2024 to 2028"], "Head of Digital Services", "31/12/2024",
             "2024-12-31", 75, "green",
             ["Aug 24: draft strategy shared with CMT.", "Sep 24: staff and customer engagement completed.",
              "Oct 24: final draft to Policy Committee in December."]),
        _act("B", ["Replace the housing management system"], "Head of Digital Services", "31/03/2026",
             "2026-03-31", 20, "amber",
             ["Aug 24: tender evaluation complete.", "Oct 24: contract award delayed by a procurement challenge."]),
        _act("C", ["Launch a new council website"], "Web Manager", "30/09/2024", "2024-09-30", 100, "complete",
             ["Sep 24: new website launched on 23 September."]),
        _act("D", ["Improve cyber security to meet the Public Sector Cyber Resilience Framework"],
             "ICT Security Manager", "31/03/2025", "2025-03-31", 45, "amber",
             ["Aug 24: gap analysis complete, 14 actions identified.",
              "Sep 24: multi-factor authentication rolled out to all staff.",
              "Oct 24: backup arrangements still to be tested."]),
    ]
    n = 7

    def first(a: Act) -> list[C | str]:
        return [a.ref, a.x["desc0"], a.lead, date_cell(a.due_raw, a.due), pct_cell(a.pct, typed=True),
                rag_word(a.rag), a.x["upd0"]]

    rows = [h("Ref", "Action", "Lead", "Target Date", "% Complete", "RAG", "Monthly Notes", fill="FFF2CC"),
            *_cont_rows(acts, n, 6, 1, first)]
    title = "Lochinver Council – Digital Services Best Value Actions"
    rd = "2024-10-31"
    blocks: list[Block] = [
        P(title, "title"), P("Report Date: 31/10/2024"), T(rows, widths=[0.5, 3.3, 1.9, 1.1, 1.0, 1.0, 4.0]),
    ]
    return PaperSpec(LAYOUT, "lochinver_digital_bv_actions_2024-10", blocks, expected(title, rd, acts),
                     producers=("xlsx", "lo-xlsx"), sheets=[Sheet("Actions", blocks)],
                     note="a note per month in its own row under each action")


# D: docx/pdf/lo-docx: 'Milestones and progress' listed as '-' items, a row each under the action; an action
#    carried on once; RAG as fill with a key line
def _tomintoul() -> PaperSpec:
    acts = [
        _act("1", ["Prepare a ten-year roads and bridges capital programme"], "Head of Roads", "31/03/2025",
             "2025-03-31", 55, "green",
             ["- Bridge inspections complete for 96 of 118 structures",
              "- Draft programme to the members' seminar on 14 January"]),
        _act("2", ["Agree a winter service plan that gives priority to routes serving schools,",
                   "care homes and health centres"], "Roads Operations Manager", "31/10/2024", "2024-10-31", 100,
             "complete", ["- Plan approved by the Environment Committee on 1 October",
                          "- Route maps published on the council's website"]),
        _act("3", ["Reduce the backlog of street lighting repairs"], "Street Lighting Engineer", "31/12/2024",
             "2024-12-31", 30, "red",
             ["- 640 faults outstanding against a target of 250", "- Contractor resources increased from November",
              "- Backlog now expected to clear by March"]),
        _act("4", ["Introduce a permit scheme for roadworks by utility companies"], "Head of Roads",
             "30/06/2025", "2025-06-30", 20, "amber",
             ["- Business case agreed", "- Consultation with utility companies starts in February"]),
        _act("5", ["Publish a road safety plan with Police Scotland"], "Road Safety Officer", "28/02/2025",
             "2025-02-28", 45, "green", ["- Collision data analysed with Police Scotland"]),
    ]
    n = 7

    def first(a: Act) -> list[C | str]:
        return [a.ref, a.x["desc0"], a.lead, a.due_raw, pct_cell(a.pct), rag_fill(a.rag), a.x["upd0"]]

    rows = [h("No.", "Action", "Officer", "Due", "% Complete", "Status", "Milestones and progress",
              fill="FCE4D6"), *_cont_rows(acts, n, 6, 1, first)]
    title = "Tomintoul Council – Roads and Transport: Best Value Improvement Plan Progress"
    rd = "2024-12-05"
    blocks: list[Block] = [
        P(title, "title"), P("Environment Committee"), P("Report Date: 05/12/2024"),
        P("Status: Red – off track; Amber – at risk; Green – on track; Blue – complete."),
        T(rows, widths=[0.45, 3.3, 1.9, 1.0, 1.0, 0.8, 4.2]),
    ]
    return PaperSpec(LAYOUT, "tomintoul_roads_transport_bv_progress_2024-12", blocks, expected(title, rd, acts),
                     producers=("docx", "pdf", "lo-docx"),
                     note="milestones as '-' items a row each under the action; an action carried on once; RAG as "
                          "fill with a key line")


def variants() -> list[PaperSpec]:
    return finished([_glenelg(), _strathpeffer(), _lochinver(), _tomintoul()])
