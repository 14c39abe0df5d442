"""Layout class 'transposed_and_matrix_tables': action tables laid out the other way round (one
action a column, or a small label/value table per action), or as matrices (quarters across, each
over a '%' and a 'RAG' column). Ported from blind round 4.

- strathcoe (docx, lo-docx): transposed tables, one action a column, the fields' names down the
  first column (Ref / Action / Lead officer / Target date / % complete / RAG / Update); a heading
  per recommendation (the theme) above each of three tables of 3-4 actions.
- bennachie (xlsx, lo-xlsx): transposed tables on one sheet, no Ref row (the first row is
  'Action'), a row 'Progress at 30/09/2024' (an earlier snapshot) above '% complete'; typed
  percentages and dates; a heading per workstream above each table.
- lochardil (docx, pdf, lo-docx): one small ruled two-column table per action ('Ref | 1.1',
  'Action | ...'), stacked, a theme heading between groups, labels without colons.
- inchbrayock (docx): lochardil with every border off.
- kinmount (xlsx, lo-xlsx): a matrix, merged quarter headers ('Q1 2023/24' .. 'Q4 2023/24') over
  '%' and 'RAG', Q4 blank (still to come), then a Commentary column; report date inside Q4.
- dunvegan (xlsx, lo-xlsx): a matrix with merged theme rows, quarter groups Q2-Q4 2024/25 over
  '% complete' and 'RAG' (RAG a fill only, a colour key below); the report date ends Q4.
- glenisla (xlsx): each action a block of rows, label in A and value in B, unruled, a blank row
  between blocks, the title and 'Report date: 12 March 2025' on top.
- tarbolton (xlsx, lo-xlsx): ruled label/value blocks, labels with colons, values merged across
  B:E, a 'Progress at 31/12/2024:' row (an earlier snapshot) and 'Current Progress:'; a dated
  committee line ('Audit Committee, 1 April 2025') right above the first block.
- auchterless (xlsx, lo-xlsx): a matrix whose merged quarter headers are Excel month-end dates
  shown 'Jun-24' over '% Complete' / 'Status'; every group filled.

Judgement calls. In a matrix, each quarter with a percentage is a snapshot at the quarter's last
day, its percentage only; the RAG under the latest quarter filled in is the paper's own and goes,
with the commentary, to the report-date snapshot, which has no percentage (no current % column);
a blank quarter still to come is no snapshot. Where the last quarter ends on the report date
(dunvegan) that quarter is the report-date snapshot. In a transposed table the cell in the 'Ref'
row is the ref; with no Ref row (bennachie) the ref is null. The heading above a table (or
block) is its actions' theme, without its label ('Recommendation 2: ', 'Workstream 1 - '); the
title and report date above label/value blocks are the document's details, not actions; a
'Theme' label inside a block is its action's theme.

Left out: glenisla's LibreOffice PDF and inchbrayock's reportlab and LibreOffice PDFs. Printed,
they are borderless label/value blocks (glenisla's on no rules at all; inchbrayock's cards split
over page breaks with no rule to join them), which bvtrack deliberately does not read as tables;
the .xlsx and .docx of the same papers are kept.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from ..spec import Block, C, P, PaperSpec, Sheet, T
from ._plans import HEAD, RAG_FILL, Act, date_cell, expected, finished, pct_cell, rag_fill, rag_word

LAYOUT = "transposed_and_matrix_tables"


def _bold(text: str, fill: str | None = None, **kw: object) -> C:
    """A label or header cell: bold, filled where ``fill`` is given."""
    return C(text, bold=True, fill=fill, **kw)  # type: ignore[arg-type]


def _group(acts: list[Act]) -> dict[str, list[Act]]:
    out: dict[str, list[Act]] = {}
    for a in acts:
        out.setdefault(a.theme or "", []).append(a)
    return out


# --- A: transposed, docx ---------------------------------------------------------------------------

def _strathcoe() -> PaperSpec:
    T1 = "Strengthen strategic leadership and the pace of change"
    T2 = "Secure the council's medium-term financial sustainability"
    T3 = "Improve how the council engages with its communities"
    acts = [
        Act("1.1", "Agree a single corporate plan with no more than five priorities", "Chief Executive",
            "30/06/2024", "2024-06-30", 70, "green",
            "Three member workshops held. Draft plan to Council on 27 June.", theme=T1),
        Act("1.2", "Deliver a development programme for the extended leadership team",
            "Head of People and Organisational Development", "31/12/2024", "2024-12-31", 40, "amber",
            "Provider appointed; the first cohort starts in May, two months later than planned.", theme=T1),
        Act("1.3", "Set up a transformation board with monthly highlight reports", "Depute Chief Executive",
            "31/03/2024", "2024-03-31", 100, "complete", "Board in place since January; reports each month.",
            theme=T1),
        Act("2.1", "Publish a five-year medium-term financial strategy", "Chief Financial Officer",
            "September 2024", "2024-09-30", 35, "amber",
            "Scenario modelling under way. Pay award assumptions are still to be agreed.", theme=T2),
        Act("2.2", "Identify recurring savings of £8m for 2025/26", "Chief Financial Officer", "31/10/2024",
            "2024-10-31", 15, "red", "Only £2.1m of options identified so far. Recovery plan to the board.",
            theme=T2),
        Act("2.3", "Review fees and charges against neighbouring councils", "Head of Finance", "31/05/2024",
            "2024-05-31", 60, "green", "Benchmarking complete for 42 of 70 charges.", theme=T2),
        Act("2.4", "Introduce a capital investment plan linked to asset management", "Head of Property",
            "Q3 2024/25", "2024-12-31", 0, "not_started", "Scheduled to start after the asset review.", theme=T2),
        Act("3.1", "Publish a community engagement strategy with the third sector", "Head of Communities",
            "31/08/2024", "2024-08-31", 50, "green", "Co-production group has met four times.", theme=T3),
        Act("3.2", "Report each year how consultation changed council decisions", "Head of Policy",
            "31/03/2025", "2025-03-31", 10, "amber",
            "Template agreed. No service has yet returned its first return.", theme=T3),
    ]
    labels = {T1: "Recommendation 1", T2: "Recommendation 2", T3: "Recommendation 3"}
    title = "Strathcoe Council – Best Value Improvement Plan: Progress Update"
    blocks: list[Block] = [
        P(title, "title"),
        P("Report to the Audit and Scrutiny Committee, 23 April 2024"),
        P("Report Date: 16/04/2024"),
        P("Each table below sets out the actions under one recommendation, one action per column."),
    ]
    for theme, group in _group(acts).items():
        blocks.append(P(f"{labels[theme]}: {theme}", "heading"))
        n = len(group)
        rows = [
            [_bold("Ref", HEAD), *(C(a.ref, bold=True, fill=HEAD) for a in group)],
            [_bold("Action", HEAD), *(a.desc for a in group)],
            [_bold("Lead officer", HEAD), *(a.lead for a in group)],
            [_bold("Target date", HEAD), *(a.due_raw for a in group)],
            [_bold("% complete", HEAD), *(pct_cell(a.pct) for a in group)],
            [_bold("RAG", HEAD), *(rag_word(a.rag) for a in group)],
            [_bold("Update", HEAD), *(a.update for a in group)],
        ]
        blocks.append(T(rows, widths=[1.0] + [2.0] * n, header_rows=1, font_size=8.5))
    return PaperSpec(LAYOUT, "strathcoe_bv_improvement_plan_update_2024-04", blocks,
                     expected(title, "2024-04-16", acts, committee_date="2024-04-23"), producers=("docx", "lo-docx"),
                     note="transposed tables, one per recommendation, 3-4 actions a table, Ref row on top")


# --- B: transposed, xlsx with an earlier dated row -------------------------------------------------

def _bennachie() -> PaperSpec:
    W1, W2, W3 = "Governance and scrutiny", "Workforce", "Digital and customer services"
    E = "2024-09-30"
    acts = [
        Act(None, "Review the scheme of delegation and publish it in the constitution",
            "Head of Legal and Democratic Services", "31/03/2025", "2025-03-31", 60, "green",
            "Revised scheme considered by the member officer working group in November.", theme=W1,
            earlier={E: 40}),
        Act(None, "Provide scrutiny training for all members of the audit committee", "Monitoring Officer",
            "31/12/2024", "2024-12-31", 100, "complete", "Two sessions delivered by the Improvement Service.",
            theme=W1, earlier={E: 50}),
        Act(None, "Carry out an annual self-assessment of the audit committee", "Chief Internal Auditor",
            "28/02/2025", "2025-02-28", 25, "amber", "Checklist agreed; the workshop has moved to February.",
            theme=W1, earlier={E: 10}),
        Act(None, "Prepare a workforce plan covering social care and planning", "Head of Human Resources",
            "30/06/2025", "2025-06-30", 30, "red",
            "Vacancy data collated late. The plan will not meet its target date.", theme=W2, earlier={E: 25}),
        Act(None, "Reduce sickness absence to nine days per employee", "Head of Human Resources",
            "31/03/2025", "2025-03-31", 45, "amber", "Absence is 10.4 days; attendance clinics started.",
            theme=W2, earlier={E: 45}),
        Act(None, "Introduce an online account for council tax and benefits", "Head of Digital Services",
            "31/01/2025", "2025-01-31", 80, "green", "Testing with 200 customers; launch in January.",
            theme=W3, earlier={E: 55}),
        Act(None, "Publish customer service standards and report against them", "Customer Services Manager",
            "30/11/2024", "2024-11-30", 90, "green", "Standards agreed; first report due in December.",
            theme=W3, earlier={E: 70}),
        Act(None, "Replace the housing repairs system", "Head of Housing", "30/09/2025", "2025-09-30", 5,
            "amber", "Procurement paused pending the budget decision.", theme=W3, earlier={E: 5}),
    ]
    labels = {W1: "Workstream 1", W2: "Workstream 2", W3: "Workstream 3"}
    title = "Bennachie Council Best Value Action Plan – Monitoring Report"
    blocks: list[Block] = [
        P(title, "title"),
        P("Report Date: 03/12/2024"),
        P("Progress is shown at 30 September 2024 (as last reported) and at the date of this report."),
    ]
    for theme, group in _group(acts).items():
        blocks.append(P(f"{labels[theme]} - {theme}", "heading"))
        rows = [
            [_bold("Action", "E2EFDA"), *(C(a.desc, bold=True, fill="E2EFDA") for a in group)],
            [_bold("Lead officer", "E2EFDA"), *(a.lead for a in group)],
            [_bold("Target date", "E2EFDA"), *(date_cell(a.due_raw, a.due) for a in group)],
            [_bold("Progress at 30/09/2024", "E2EFDA"), *(pct_cell(a.earlier[E], typed=True) for a in group)],
            [_bold("% complete", "E2EFDA"), *(pct_cell(a.pct, typed=True) for a in group)],
            [_bold("RAG", "E2EFDA"), *(rag_word(a.rag) for a in group)],
            [_bold("Update", "E2EFDA"), *(a.update for a in group)],
        ]
        blocks.append(T(rows, widths=[1.0] + [2.0] * len(group), header_rows=0))
    return PaperSpec(LAYOUT, "bennachie_bv_action_plan_monitoring_2024-12", blocks,
                     expected(title, "2024-12-03", acts), producers=("xlsx", "lo-xlsx"),
                     sheets=[Sheet("Action Plan", blocks)],
                     note="transposed tables on one sheet, no ref row, an earlier dated progress row, typed values")


# --- C: one two-column table per action, docx / reportlab -----------------------------------------

def _lochardil(unruled: bool = False) -> PaperSpec:
    T1 = "Vision and Strategic Direction"
    T2 = "Governance and Accountability"
    T3 = "Use of Resources"
    acts = [
        Act("1.1", "Agree a long-term vision for the area with community planning partners",
            "Chief Executive", "31 March 2023", "2023-03-31", 75, "green",
            "The vision was agreed by the partnership board on 3 November.\nIt goes to Council in December.",
            theme=T1),
        Act("1.2", "Develop locality plans for the four localities", "Head of Communities",
            "30 June 2023", "2023-06-30", 30, "amber",
            "Two plans drafted; engagement in the north was delayed by staff absence.", theme=T1),
        Act("2.1", "Review the scheme of delegation", "Head of Legal Services", "31 January 2023",
            "2023-01-31", 50, "amber", "Working group has reviewed delegations to chief officers.", theme=T2),
        Act("2.2", "Introduce a programme of scrutiny training for elected members",
            "Head of Democratic Services", "31 October 2022", "2022-10-31", 100, "complete",
            "Four sessions delivered in September and October.", theme=T2),
        Act("2.3", "Publish a register of decisions taken under delegated powers",
            "Head of Democratic Services", "28 February 2023", "2023-02-28", 0, "not_started",
            "Work will begin once the scheme of delegation is agreed.", theme=T2),
        Act("3.1", "Prepare an asset management strategy for property, fleet and ICT", "Head of Property",
            "31 December 2023", "2023-12-31", 20, "green", "Condition surveys commissioned.", theme=T3),
        Act("3.2", "Set out a ten-year capital investment plan", "Chief Financial Officer", "28 February 2023",
            "2023-02-28", 55, "red",
            "The plan may not be ready for the budget meeting while construction inflation is reassessed.",
            theme=T3),
        Act("3.3", "Agree a charging policy for discretionary services", "Chief Financial Officer",
            "31 May 2023", "2023-05-31", 40, "green", "Draft policy shared with service managers.", theme=T3),
    ]
    labels = {T1: "Theme 1", T2: "Theme 2", T3: "Theme 3"}
    council = "Inchbrayock" if unruled else "Lochardil"
    title = f"{council} Council: Best Value Action Plan – Progress Report"
    blocks: list[Block] = [
        P(title, "title"),
        P("Report by the Chief Executive to the Policy and Resources Committee, 28 November 2022"),
        P("1. Purpose", "heading"),
        P("This report sets out progress with the actions agreed in response to the Best Value Assurance "
          "Report. Each action is shown in its own table."),
        P("2. Progress by theme", "heading"),
    ]
    for theme, group in _group(acts).items():
        blocks.append(P(f"{labels[theme]}: {theme}", "heading"))
        for a in group:
            blocks.append(T([
                [_bold("Ref", "F2F2F2"), C(a.ref, bold=True)],
                [_bold("Action", "F2F2F2"), a.desc],
                [_bold("Lead", "F2F2F2"), a.lead],
                [_bold("Target", "F2F2F2"), a.due_raw],
                [_bold("Progress", "F2F2F2"), pct_cell(a.pct)],
                [_bold("RAG", "F2F2F2"), rag_word(a.rag)],
                [_bold("Update", "F2F2F2"), a.update],
            ], widths=[1.0, 5.0], header_rows=0, ruled=not unruled))
    name = "inchbrayock_bv_action_plan_progress_2022-11" if unruled else "lochardil_bv_action_plan_progress_2022-11"
    return PaperSpec(LAYOUT, name, blocks,
                     expected(title, "2022-11-28", acts), landscape=False,
                     producers=("docx",) if unruled else ("docx", "pdf", "lo-docx"),
                     note="a two-column table per action, no colons, theme headings, report date in prose")


# --- D: matrix, quarter groups over %/RAG, xlsx ----------------------------------------------------

def _kinmount() -> PaperSpec:
    Q1, Q2, Q3 = "2023-06-30", "2023-09-30", "2023-12-31"
    acts = [
        Act("BV1", "Adopt a council plan with measurable outcomes and annual targets",
            "Head of Strategy and Performance", "31/03/2024", "2024-03-31", None, "green",
            "Plan approved by Council in November; targets for 2024/25 being agreed with services.",
            earlier={Q1: 30, Q2: 55, Q3: 75}, x={"r": ("green", "green")}),
        Act("BV2", "Report council plan progress to committee every six months",
            "Head of Strategy and Performance", "30/11/2023", "2023-11-30", None, "complete",
            "First six-monthly report presented on 28 November.", earlier={Q1: 20, Q2: 50, Q3: 100},
            x={"r": ("green", "green")}),
        Act("BV3", "Develop a capital investment strategy linked to the asset plan", "Head of Finance",
            "30/06/2024", "2024-06-30", None, "amber",
            "Asset condition surveys are behind schedule, delaying prioritisation.",
            earlier={Q1: 10, Q2: 20, Q3: 30}, x={"r": ("green", "green")}),
        Act("BV4", "Implement a new performance management framework", "Head of Strategy and Performance",
            "31/12/2024", "2024-12-31", None, "green", "Six services are piloting the new service plan template.",
            earlier={Q1: 5, Q2: 25, Q3: 40}, x={"r": ("amber", "green")}),
        Act("BV5", "Reduce sickness absence through the attendance improvement plan", "Head of Human Resources",
            "31/03/2024", "2024-03-31", None, "red",
            "Absence has risen to 12.1 days per employee. A summit with managers is planned.",
            earlier={Q1: 25, Q2: 30, Q3: 30}, x={"r": ("amber", "amber")}),
        Act("BV6", "Review the council's arm's-length external organisations", "Chief Executive",
            "30/09/2024", "2024-09-30", None, "amber", "Terms of reference agreed; review not yet started.",
            earlier={Q1: 0, Q2: 5, Q3: 10}, x={"r": ("not_started", "amber")}),
        Act("BV7", "Publish an annual public performance report with benchmarking", "Head of Strategy and Performance",
            "31/12/2023", "2023-12-31", None, "complete", "Published on 15 December.",
            earlier={Q1: 40, Q2: 70, Q3: 100}, x={"r": ("green", "green")}),
    ]
    def hd(t: str, **k: int) -> C:
        return C(t, bold=True, fill=HEAD, **k)

    top = [hd("Ref", rowspan=2), hd("Action", rowspan=2), hd("Lead Officer", rowspan=2),
           hd("Target Date", rowspan=2),
           *(hd(q, colspan=2) for q in ("Q1 2023/24", "Q2 2023/24", "Q3 2023/24", "Q4 2023/24")),
           hd("Commentary", rowspan=2)]
    sub = [hd(t) for t in ("%", "RAG") * 4]
    rows = [top, sub]
    for a in acts:
        r1, r2 = a.x["r"]
        rows.append([a.ref, a.desc, a.lead, date_cell(a.due_raw, a.due),
                     pct_cell(a.earlier[Q1], typed=True), rag_word(r1),
                     pct_cell(a.earlier[Q2], typed=True), rag_word(r2),
                     pct_cell(a.earlier[Q3], typed=True), rag_word(a.rag),
                     "", "", a.update])
    title = "Kinmount Council: Best Value Action Plan 2023/24 – Quarterly Tracker"
    blocks: list[Block] = [
        P(title, "title"), P("Report Date: 06/02/2024"),
        P("Percentage complete and RAG status at the end of each quarter; Q4 will be completed at year end."),
        T(rows, widths=[0.5, 3.0, 1.6, 1.0, 0.55, 0.8, 0.55, 0.8, 0.55, 0.8, 0.55, 0.8, 3.0], header_rows=2),
    ]
    return PaperSpec(LAYOUT, "kinmount_bv_action_plan_quarterly_tracker_2024-02", blocks,
                     expected(title, "2024-02-06", acts), producers=("xlsx", "lo-xlsx"),
                     sheets=[Sheet("Tracker 2023-24", blocks)],
                     note="matrix: merged quarter headers over %/RAG, Q4 blank; Q3's RAG is the paper's own")


# --- E: matrix with theme rows, RAG by colour, last quarter = report date -------------------------

def _dunvegan() -> PaperSpec:
    Q2, Q3 = "2024-09-30", "2024-12-31"  # Q4 ends on the report date: its snapshot is the paper's own
    TA, TB = "Financial Sustainability", "Partnership Working"
    acts = [
        Act("A1", "Update the medium-term financial plan twice a year with scenarios", "Head of Finance",
            "Q4 2024/25", "2025-03-31", 100, "complete", "Winter update reported to Council in February.",
            theme=TA, earlier={Q2: 50, Q3: 75}, x={"r": ("green", "green")}),
        Act("A2", "Identify recurring savings of £6m over three years", "Head of Finance", "Q4 2026/27",
            "2027-03-31", 35, "red", "£2.1m of recurring savings identified against £3m needed for 2025/26.",
            theme=TA, earlier={Q2: 20, Q3: 30}, x={"r": ("amber", "red")}),
        Act("A3", "Introduce an income generation and charging policy", "Head of Finance", "Q2 2025/26",
            "2025-09-30", 40, "amber", "Scoping complete; consultation with services in April.",
            theme=TA, earlier={Q2: 0, Q3: 15}, x={"r": ("not_started", "amber")}),
        Act("A4", "Align the capital programme with the asset management plan", "Head of Property",
            "Q1 2025/26", "2025-06-30", 70, "green", "Capital board now reviews every scheme against the plan.",
            theme=TA, earlier={Q2: 30, Q3: 50}, x={"r": ("green", "green")}),
        Act("B1", "Agree with NHS partners a joint plan to reduce delayed discharges",
            "Chief Officer, Health and Social Care", "Q4 2024/25", "2025-03-31", 90, "amber",
            "Joint plan agreed; the final care home contract is still in negotiation.", theme=TB,
            earlier={Q2: 40, Q3: 70}, x={"r": ("green", "green")}),
        Act("B2", "Review the community planning partnership's governance", "Head of Communities", "Q3 2024/25",
            "2024-12-31", 100, "complete", "New arrangements in place from December.", theme=TB,
            earlier={Q2: 60, Q3: 100}, x={"r": ("green", "complete")}),
        Act("B3", "Publish joint locality plans with community councils", "Head of Communities", "Q2 2025/26",
            "2025-09-30", 25, "green", "Two of five locality plans in draft.", theme=TB,
            earlier={Q2: 5, Q3: 15}, x={"r": ("green", "green")}),
    ]
    def hd(t: str, **k: int) -> C:
        return C(t, bold=True, fill="FCE4D6", **k)

    top = [hd("No.", rowspan=2), hd("Action", rowspan=2), hd("Responsible Officer", rowspan=2),
           hd("Timescale", rowspan=2), *(hd(q, colspan=2) for q in ("Q2 2024/25", "Q3 2024/25", "Q4 2024/25")),
           hd("Progress Update", rowspan=2)]
    sub = [hd(t) for t in ("% complete", "RAG") * 3]
    rows = [top, sub]
    for name, group in _group(acts).items():
        rows.append([C(f"Theme {'AB'[list(_group(acts)).index(name)]}: {name}", colspan=11, bold=True,
                       fill="DDEBF7")])
        for a in group:
            r1, r2 = a.x["r"]
            rows.append([a.ref, a.desc, a.lead, a.due_raw,
                         pct_cell(a.earlier[Q2], typed=True), rag_fill(r1),
                         pct_cell(a.earlier[Q3], typed=True), rag_fill(r2),
                         pct_cell(a.pct, typed=True), rag_fill(a.rag), a.update])
    key = T([[C("Key", bold=True), C("Red", fill=RAG_FILL["red"]), C("Amber", fill=RAG_FILL["amber"]),
              C("Green", fill=RAG_FILL["green"]), C("Complete", fill=RAG_FILL["complete"]),
              C("Not Started", fill=RAG_FILL["not_started"])]], header_rows=0)
    title = "Dunvegan Council – BVAR Improvement Plan: Year-End Position 2024/25"
    blocks: list[Block] = [
        P(title, "title"), P("Report Date: 31/03/2025"),
        P("Prepared for the Audit and Governance Committee of 24 April 2025."),
        T(rows, widths=[0.45, 3.0, 1.6, 0.95, 0.8, 0.55, 0.8, 0.55, 0.8, 0.55, 3.0], header_rows=2),
        key,
    ]
    return PaperSpec(LAYOUT, "dunvegan_bvar_improvement_plan_year_end_2025-03", blocks,
                     expected(title, "2025-03-31", acts, committee_date="2025-04-24"), producers=("xlsx", "lo-xlsx"),
                     sheets=[Sheet("Improvement Plan", blocks)],
                     note="matrix with theme rows; quarter groups %/RAG (colour only, key below); Q4 ends on "
                          "the report date")


# --- F: label/value blocks down column A/B -------------------------------------------------------

def _glenisla() -> PaperSpec:
    acts = [
        Act("BV01", "Set out the council's strategic priorities in a single corporate plan", "Chief Executive",
            "31/05/2025", "2025-05-31", 85, "green", "Corporate plan drafted following member workshops.",
            theme="Leadership"),
        Act("BV02", "Agree a member-officer protocol and refresh code of conduct training", "Monitoring Officer",
            "30/06/2025", "2025-06-30", 40, "amber",
            "Protocol drafted; training dates to be agreed with group leaders.",
            theme="Leadership"),
        Act("BV03", "Update the medium-term financial plan with scenarios for pay and inflation", "Head of Finance",
            "31/03/2025", "2025-03-31", 90, "green", "Update reported to Council on 27 February.",
            theme="Finance"),
        Act("BV04", "Identify recurring savings through the transformation programme", "Head of Finance",
            "31/03/2026", "2026-03-31", 20, "red", "£1.1m identified against £2m needed for 2025/26.",
            theme="Finance"),
        Act("BV05", "Introduce a corporate approach to succession planning", "Head of People", "31/12/2025",
            "2025-12-31", 0, "not_started", "Due to start in September 2025.", theme="Workforce"),
        Act("BV06", "Publish the annual workforce report", "Head of People", "31/01/2025", "2025-01-31", 100,
            "complete", "Published on 30 January.", theme="Workforce"),
    ]
    title = "Glenisla Council – Best Value Action Tracker"
    blocks: list[Block] = [P(title, "title"), P("Report date: 12 March 2025")]
    for a in acts:
        blocks.append(T([
            [_bold("Action ref"), a.ref],
            [_bold("Theme"), a.theme],
            [_bold("Action"), a.desc],
            [_bold("Responsible officer"), a.lead],
            [_bold("Due date"), date_cell(a.due_raw, a.due)],
            [_bold("Progress"), pct_cell(a.pct, typed=True)],
            [_bold("RAG status"), rag_word(a.rag)],
            [_bold("Progress update"), a.update],
        ], widths=[1.0, 4.0], header_rows=0, ruled=False))
    return PaperSpec(LAYOUT, "glenisla_bv_action_tracker_2025-03", blocks,
                     expected(title, "2025-03-12", acts), producers=("xlsx",), landscape=False,
                     sheets=[Sheet("Tracker", blocks)],
                     note="label/value blocks down A:B, unruled, blank row between, title and report date on top")


# --- G: label/value blocks, ruled, values merged across B:E, an earlier dated progress row ----------

def _tarbolton() -> PaperSpec:
    E = "2024-12-31"
    acts = [
        Act("1", "Refresh the Local Outcomes Improvement Plan with community planning partners",
            "Community Planning Manager", "Q1 2025/26", "2025-06-30", 60, "green",
            "Draft plan agreed by the partnership board; consultation closes in April.", earlier={E: 45}),
        Act("2", "Publish locality plans for each of the four localities", "Community Planning Manager",
            "Q2 2025/26", "2025-09-30", 25, "amber",
            "Two locality plans drafted. Engagement in the island localities was paused over winter.",
            earlier={E: 20}),
        Act("3", "Agree an income and charging policy", "Head of Finance", "Q4 2024/25", "2025-03-31", 100,
            "complete", "Policy agreed by the Finance Committee on 11 February.", earlier={E: 80}),
        Act("4", "Complete a review of roads maintenance against the national code", "Head of Roads",
            "Q3 2024/25", "2024-12-31", 40, "red",
            "The review has slipped because of staff vacancies and is now overdue.", earlier={E: 35}),
        Act("5", "Introduce customer service standards and report against them", "Customer Services Manager",
            "Q4 2024/25", "2025-03-31", 70, "green", "Standards tested with the customer panel.", earlier={E: 50}),
        Act("6", "Review the council's approach to community asset transfer", "Head of Property",
            "Q3 2025/26", "2025-12-31", 0, "not_started", "Review to begin in May 2025.", earlier={E: 0}),
    ]
    title = "Tarbolton Council Best Value Improvement Plan: Action Status"
    blocks: list[Block] = [P(title, "title"), P("Date of report: 18/03/2025"),
                           P("Audit Committee, 1 April 2025")]
    for a in acts:
        blocks.append(T([
            [_bold("Action No:", "FFF2CC"), C(a.ref, colspan=4)],
            [_bold("Action:", "FFF2CC"), C(a.desc, colspan=4)],
            [_bold("Lead Officer:", "FFF2CC"), C(a.lead, colspan=4)],
            [_bold("Target Date:", "FFF2CC"), C(a.due_raw, colspan=4)],
            [_bold("Progress at 31/12/2024:", "FFF2CC"), pct_cell(a.earlier[E], typed=True, colspan=4)],
            [_bold("Current Progress:", "FFF2CC"), pct_cell(a.pct, typed=True, colspan=4)],
            [_bold("Status:", "FFF2CC"), dataclasses.replace(rag_word(a.rag), colspan=4)],
            [_bold("Commentary:", "FFF2CC"), C(a.update, colspan=4)],
        ], widths=[1.3, 1.0, 1.0, 1.0, 1.0], header_rows=0))
    return PaperSpec(LAYOUT, "tarbolton_bv_improvement_plan_status_2025-03", blocks,
                     expected(title, "2025-03-18", acts, committee_date="2025-04-01"),
                     producers=("xlsx", "lo-xlsx"), landscape=False, sheets=[Sheet("Action Status", blocks)],
                     note="ruled label/value blocks, values merged B:E, labels with colons, an earlier dated "
                          "progress row, quarter target dates")


# --- H: matrix, quarter groups headed by Excel month-end dates, latest group filled ---------------

def _auchterless() -> PaperSpec:
    M1, M2, M3 = "2024-06-30", "2024-09-30", "2024-12-31"
    acts = [
        Act("R1.1", "Adopt a workforce strategy with annual action plans", "Head of HR", "31/03/2025",
            "2025-03-31", None, "green", "Strategy approved in December; action plan in preparation.",
            earlier={M1: 20, M2: 45, M3: 70}, x={"r": ("green", "green")}),
        Act("R1.2", "Introduce annual appraisals for all staff", "Head of HR", "30/09/2024", "2024-09-30", None,
            "amber", "Appraisal completion is at 68% against a target of 90%.",
            earlier={M1: 40, M2: 60, M3: 68}, x={"r": ("green", "green")}),
        Act("R2.1", "Develop a digital strategy with a roadmap for online services", "Head of Digital",
            "30/06/2025", "2025-06-30", None, "green", "Roadmap agreed; six online forms went live.",
            earlier={M1: 10, M2: 30, M3: 50}, x={"r": ("amber", "green")}),
        Act("R2.2", "Replace the housing management system", "Head of Housing", "31/03/2026", "2026-03-31", None,
            "red", "The supplier has missed two milestones; an escalation meeting is set.",
            earlier={M1: 10, M2: 15, M3: 15}, x={"r": ("green", "amber")}),
        Act("R3.1", "Complete the review of arm's-length organisations", "Chief Executive", "31/12/2024",
            "2024-12-31", None, "complete", "Review reported to Council on 12 December.",
            earlier={M1: 30, M2: 70, M3: 100}, x={"r": ("green", "green")}),
        Act("R3.2", "Publish a property rationalisation plan", "Head of Property", "31/08/2025", "2025-08-31",
            None, "not_started", "Awaiting the outcome of the asset condition surveys.",
            earlier={M1: 0, M2: 0, M3: 0}, x={"r": ("not_started", "not_started")}),
    ]

    def hd(t, **k):
        return C(t, bold=True, fill="D9D9D9", **k)

    def month(iso):
        d = dt.date.fromisoformat(iso)
        return C(d.strftime("%b-%y"), bold=True, fill="D9D9D9", colspan=2,
                 value=dt.datetime(d.year, d.month, d.day), number_format="mmm-yy")
    top = [hd("Ref", rowspan=2), hd("Action", rowspan=2), hd("Owner", rowspan=2), hd("Due", rowspan=2),
           month(M1), month(M2), month(M3), hd("Latest Update", rowspan=2)]
    sub = [hd(t) for t in ("% Complete", "Status") * 3]
    rows = [top, sub]
    for a in acts:
        r1, r2 = a.x["r"]
        rows.append([a.ref, a.desc, a.lead, date_cell(a.due_raw, a.due),
                     pct_cell(a.earlier[M1], typed=True), rag_word(r1),
                     pct_cell(a.earlier[M2], typed=True), rag_word(r2),
                     pct_cell(a.earlier[M3], typed=True), rag_word(a.rag), a.update])
    title = "Auchterless Council – Best Value Action Plan Progress 2024/25"
    blocks: list[Block] = [
        P(title, "title"), P("Report Date: 29/01/2025"),
        P("Position at the end of each quarter of 2024/25."),
        T(rows, widths=[0.5, 3.0, 1.2, 1.0, 0.85, 1.0, 0.85, 1.0, 0.85, 1.0, 3.0], header_rows=2),
    ]
    return PaperSpec(LAYOUT, "auchterless_bv_action_plan_progress_2025-01", blocks,
                     expected(title, "2025-01-29", acts), producers=("xlsx", "lo-xlsx"),
                     sheets=[Sheet("Progress", blocks)],
                     note="matrix: merged quarter headers are Excel month-end dates (mmm-yy) over '% Complete' "
                          "and 'Status'; latest group filled; its Status is the paper's own RAG")


def variants() -> list[PaperSpec]:
    return finished([_strathcoe(), _bennachie(), _lochardil(), _lochardil(unruled=True), _kinmount(), _dunvegan(),
                     _glenisla(), _tarbolton(), _auchterless()])
