"""Layout class 'rotated_or_narrow_headers': headers turned 90 degrees over narrow columns, or broken over lines.

A workbook whose narrow 'Priority', '% Complete' and 'RAG' columns have their headers rotated to
read upwards (Excel's text rotation), the RAG a cell's fill explained by a key line above the
table, dates and percentages typed; a Word document whose narrow 'Priority', '% Complete' and
'RAG Status' headers run bottom to top (Word's text direction); every header broken over two or
three lines in narrow columns ('Target Completion Date' a word a line, '% Complete' two); and a portrait
document, also drawn by reportlab, with rotated 'Priority', '% Complete' and 'RAG' headers and a
header broken over two lines. Per the contract nothing changes for the reader: a rotated header
names its column as if printed level ('RAG' the RAG, here the cell's fill mapped by the paper's
key; '% Complete' the percentage; 'Priority' the priority, '1' to '3'), and a header broken over
lines is one header ('Target Completion Date').
"""

from __future__ import annotations

from ..spec import Block, C, P, PaperSpec, Sheet, T
from ._plans import Act, date_cell, expected, finished, h, pct_cell, rag_fill, rag_word

LAYOUT = "rotated_or_narrow_headers"
KEY = ("RAG key: Red – significant risk to delivery; Amber – some slippage; Green – on track; "
       "Blue – complete.")


def turned(*names: str, fill: str) -> list[C]:
    """Header cells whose text reads upwards (rotated 90 degrees), bold and filled."""
    return [C(n, bold=True, fill=fill, rotated=True) for n in names]


# A: workbook: narrow 'Priority', '% Complete' and 'RAG' columns with headers rotated 90 degrees;
#    RAG as fill only (key above); typed dates and %
def _tullibody() -> PaperSpec:
    acts = [
        Act("1", "Prepare a property asset management plan covering all operational buildings",
            "Head of Property Services", "31/12/2024", "2024-12-31", 60, "green",
            "Condition surveys complete for 212 of 260 buildings.", priority="1"),
        Act("2", "Agree a programme of community asset transfers for surplus halls and pavilions",
            "Head of Property Services", "31/03/2025", "2025-03-31", 30, "amber",
            "Expressions of interest received for five buildings; two business plans under review.",
            priority="2"),
        Act("3", "Reduce the backlog of planned maintenance in schools by a third", "Head of Education Resources",
            "31/03/2026", "2026-03-31", 15, "red",
            "Cost inflation has reduced what the budget can deliver; the target is being reviewed.",
            priority="1"),
        Act("4", "Introduce a corporate landlord model for building repairs", "Head of Property Services",
            "30/09/2024", "2024-09-30", 100, "complete", "Corporate landlord model in place from 1 September.",
            priority="2"),
        Act("5", "Review the council's depots and stores with a view to rationalisation",
            "Fleet and Depots Manager", "30/06/2025", "2025-06-30", 10, "green",
            "Scope agreed; consultants to be appointed in November.", priority="3"),
        Act("6", "Publish an annual report on the condition and suitability of the estate",
            "Asset Manager", "31/01/2025", "2025-01-31", 45, "green",
            "Data collection for the first report is under way.", priority="3"),
    ]
    rows: list[list[C | str]] = [[*h("Ref", "Action", "Lead Officer", "Target Date", fill="D9E1F2"),
                                  *turned("Priority", "% Complete", "RAG", fill="D9E1F2"),
                                  *h("Progress Update", fill="D9E1F2")]]
    rows += [[a.ref, a.desc, a.lead, date_cell(a.due_raw, a.due), C(a.priority or "", value=int(a.priority or 0)),
              pct_cell(a.pct, typed=True), rag_fill(a.rag), a.update] for a in acts]
    title = "Tullibody Council – Asset Management Best Value Improvement Actions"
    rd = "2024-10-17"
    blocks: list[Block] = [
        P(title, "title"), P("Report Date: 17/10/2024"), P(KEY),
        T(rows, widths=[0.5, 3.2, 1.9, 1.1, 0.4, 0.6, 0.4, 3.6]),
    ]
    return PaperSpec(LAYOUT, "tullibody_asset_management_bv_actions_2024-10", blocks, expected(title, rd, acts),
                     producers=("xlsx", "lo-xlsx"), sheets=[Sheet("Actions", blocks)],
                     note="narrow Priority, % Complete and RAG columns with headers rotated 90 degrees; RAG as fill")


# B: docx/lo-docx: header text reading bottom-to-top in narrow 'Priority', '% Complete', 'RAG Status' columns;
#    RAG as fill only, key above
def _ardentinny() -> PaperSpec:
    acts = [
        Act("1.1", "Develop a local housing strategy for 2025 to 2030 with partners", "Housing Strategy Manager",
            "31/03/2025", "2025-03-31", 55, "green",
            "Consultation draft agreed by the Housing Committee in September.", priority="1"),
        Act("1.2", "Reduce the average time taken to re-let empty council homes to 35 days",
            "Housing Operations Manager", "31/03/2025", "2025-03-31", 35, "amber",
            "Average re-let time is 47 days, down from 58 in April.", priority="1"),
        Act("1.3", "Complete the stock condition survey", "Housing Asset Manager", "31/08/2024", "2024-08-31",
            100, "complete", "Survey of 6,930 homes completed in August.", priority="2"),
        Act("2.1", "Set up a tenant scrutiny panel", "Tenant Participation Officer", "31/12/2024", "2024-12-31", 20,
            "red", "Only three tenants have volunteered; a new recruitment drive starts in November.",
            priority="2"),
        Act("2.2", "Improve satisfaction with the repairs service to 85%", "Building Services Manager",
            "31/03/2025", "2025-03-31", 40, "amber", "Satisfaction is 79%, up from 74% last year.", priority="3"),
    ]
    rows: list[list[C | str]] = [[*h("Ref", "Action", "Lead Officer", "Target Date", fill="FBE4D5"),
                                  *turned("Priority", "% Complete", "RAG Status", fill="FBE4D5"),
                                  *h("Progress Update", fill="FBE4D5")]]
    rows += [[a.ref, a.desc, a.lead, a.due_raw, a.priority or "", pct_cell(a.pct), rag_fill(a.rag), a.update]
             for a in acts]
    title = "Ardentinny Council: Housing Services Best Value Improvement Plan – Progress"
    rd = "2024-11-05"
    blocks: list[Block] = [
        P(title, "title"), P("Report Date: 5 November 2024"), P(KEY),
        T(rows, widths=[0.55, 3.6, 2.0, 1.15, 0.45, 0.7, 0.45, 3.9]),
    ]
    return PaperSpec(LAYOUT, "ardentinny_housing_bv_improvement_progress_2024-11", blocks,
                     expected(title, rd, acts), producers=("docx", "lo-docx"),
                     note="docx header cells with text direction bottom-to-top in narrow columns; RAG as fill")


# C: docx/pdf/lo-docx: every header broken over lines ('Action\nNo.', 'Target\nCompletion\nDate', '%\nComplete')
def _balquhidder() -> PaperSpec:
    acts = [
        Act("1", "Develop an economic strategy for the council area with business and community partners",
            "Head of Economic Development", "31/03/2025", "2025-03-31", 45, "green",
            "Evidence base complete; business survey responses being analysed."),
        Act("2", "Agree a town centre regeneration plan for the three largest towns",
            "Regeneration Manager", "30/06/2025", "2025-06-30", 25, "amber",
            "Plan agreed for one town; the others are waiting for the outcome of a funding bid."),
        Act("3", "Introduce a single business support service with Business Gateway",
            "Head of Economic Development", "30/09/2024", "2024-09-30", 100, "complete",
            "Single service launched on 2 September."),
        Act("4", "Improve the speed of decisions on local planning applications", "Planning Manager",
            "31/12/2024", "2024-12-31", 30, "red",
            "Average time is 11.2 weeks against a target of 8 weeks; two planning officer posts are vacant."),
        Act("5", "Prepare the next Local Development Plan evidence report", "Development Plans Manager",
            "31/05/2025", "2025-05-31", 50, "green", "Evidence report drafted and sent for gatecheck."),
        Act("6", "Review the employability programme against local labour market needs",
            "Employability Manager", "28/02/2025", "2025-02-28", 15, "amber",
            "Review started; scope widened to include the new UK Shared Prosperity Fund projects."),
    ]
    rows = [h("Action\nNo.", "Agreed\nAction", "Lead\nOfficer", "Target\nCompletion\nDate", "%\nComplete",
              "RAG\nStatus", "Progress\nUpdate", fill="DDEBF7")]
    rows += [[a.ref, a.desc, a.lead, a.due_raw, pct_cell(a.pct), rag_word(a.rag), a.update] for a in acts]
    title = "Balquhidder Council – Economy and Planning: Best Value Action Plan Update"
    rd = "2024-11-21"
    blocks: list[Block] = [
        P(title, "title"), P("Economy and Planning Committee"), P("Report Date: 21/11/2024"),
        T(rows, widths=[0.65, 3.4, 1.8, 1.05, 0.95, 0.9, 3.8]),
    ]
    return PaperSpec(LAYOUT, "balquhidder_economy_planning_bv_update_2024-11", blocks, expected(title, rd, acts),
                     producers=("docx", "pdf", "lo-docx"),
                     note="every header broken over two or three lines in a narrow column")


# D: portrait docx/pdf/lo-docx: rotated 'Priority', '% Complete' and 'RAG' headers in narrow columns, a
#    'Target\nDate' header on two lines; RAG as fill with a key line
def _dalwhinnie() -> PaperSpec:
    acts = [
        Act("CS1", "Agree a corporate asset and accommodation strategy", "Head of Property",
            "31/03/2025", "2025-03-31", 35, "amber",
            "Office utilisation survey complete; the strategy is being drafted with services.", priority="1"),
        Act("CS2", "Introduce a single corporate complaints handling team", "Customer Services Manager",
            "31/12/2024", "2024-12-31", 80, "green",
            "Team in place; complaints now logged in one system.", priority="2"),
        Act("CS3", "Replace the payroll and HR system", "Head of HR", "30/09/2025", "2025-09-30", 20, "red",
            "Supplier's implementation plan slipped by four months; a recovery plan is due in January.",
            priority="1"),
        Act("CS4", "Publish the council's data on spend over £500 each month", "Head of Finance",
            "31/08/2024", "2024-08-31", 100, "complete", "Published monthly since August.", priority="3"),
        Act("CS5", "Review the council's use of consultants and interim staff", "Head of HR", "31/01/2025",
            "2025-01-31", 50, "green", "Spend analysed for two years; a protocol goes to CMT in December.",
            priority="2"),
        Act("CS6", "Deliver cyber security awareness training to all staff with a council account",
            "ICT Manager", "31/03/2025", "2025-03-31", 60, "amber",
            "Completion rate 64%; reminders issued to managers with low completion.", priority="1"),
    ]
    fill = "E2EFDA"
    rows: list[list[C | str]] = [[*h("Ref", "Action", "Lead Officer", "Target\nDate", fill=fill),
                                  *turned("Priority", "% Complete", "RAG", fill=fill), *h("Commentary", fill=fill)]]
    rows += [[a.ref, a.desc, a.lead, a.due_raw, a.priority or "", pct_cell(a.pct), rag_fill(a.rag), a.update]
             for a in acts]
    title = "Dalwhinnie Council – Corporate Services Best Value Action Plan: Quarter 2 Update"
    rd = "2024-11-28"
    blocks: list[Block] = [
        P(title, "title"), P("Report Date: 28/11/2024"),
        P("Key: Red – off track; Amber – at risk; Green – on track; Blue – complete. Priority 1 is the highest."),
        T(rows, widths=[0.5, 3.0, 1.5, 1.0, 0.35, 0.5, 0.35, 3.0], font_size=8),
    ]
    return PaperSpec(LAYOUT, "dalwhinnie_corporate_services_bv_update_2024-11", blocks, expected(title, rd, acts),
                     producers=("docx", "pdf", "lo-docx"), landscape=False,
                     note="portrait; rotated Priority, % Complete and RAG headers in narrow columns (reportlab "
                          "too); RAG as fill with a key line")


def variants() -> list[PaperSpec]:
    return finished([_tullibody(), _ardentinny(), _balquhidder(), _dalwhinnie()])
