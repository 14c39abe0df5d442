"""Layout class 'banded_and_conditional_colours': action tables whose cells are coloured for reasons
other than RAG (banded rows, dark headers, section bands, table styles), and RAG whose colour comes
from Excel's conditional formatting. Ported from blind round 4.

- aberlour (docx, lo-docx): Word's built-in table style 'Medium Shading 1 Accent 1' (set by the
  ``post_docx`` hook): a dark header row with white bold text and banded rows, all from the
  table style (no cell shading); RAG as words in plain cells.
- balvenie (docx, pdf, lo-docx): direct cell shading: a dark header with white bold text, rows
  alternately light grey and light blue, a shaded band row per theme ('Theme 1: ...'), RAG a
  fill only (no word), a key of colour swatches above.
- cardhu (xlsx, lo-xlsx): a dark header, grey/blue banding over every cell of a row (the RAG cell
  too); the RAG words coloured by CellIsRule conditional formatting over the banding; '% Complete'
  typed, with data bars.
- dalmore (lo-xlsx): empty RAG cells coloured only by FormulaRule conditional formatting on the
  % column (blue 100%, green 60% or more, amber 30-59%, red below 30%, as a key paragraph says);
  grey/blue banding; a merged band row per theme.
- edradour (xlsx, lo-xlsx): RAG letters R/A/G/C coloured by FormulaRule on the letter; merged
  recommendation band rows, dark with white bold text; '%' as whole numbers (no '%' sign) with
  data bars; a key paragraph for the letters.
- fettercairn (xlsx, lo-xlsx): an Excel Table (TableStyleMedium4, row stripes from the table
  style, not cell fills), no RAG column; '% Complete' typed, with data bars.
- glenfarclas (docx, pdf, lo-docx): an unruled table (no grid lines) with a dark header and
  light-blue/white zebra banding; RAG words in plain text.

Judgement calls. Banding, header and band-row fills are never RAG: fettercairn, with no RAG column,
expects no RAG although its stripes are green-tinted. Where there is a RAG column, its word,
letter or fill is the RAG; where conditional formatting colours a word or letter (cardhu,
edradour) the word and the colour agree. A blue 'C' is complete, per edradour's key ('C =
Complete'); edradour's percentages are printed without '%', so percent_raw is '60'. dalmore's
LibreOffice print shows the rule's fills in the RAG cells, read with the key paragraph.

Left out: dalmore's .xlsx. Its RAG is only in conditional-formatting rules over empty cells, which
bvtrack deliberately does not evaluate (a reader of the stored cells sees no RAG); the PDF
LibreOffice prints from it, where the fills are drawn, is kept.
"""

from __future__ import annotations

from typing import Any

from ..spec import C, P, PaperSpec, Sheet, T
from ._plans import Act, date_cell, expected, finished, pct_cell

LAYOUT = "banded_and_conditional_colours"

GREY, BLUE = "F2F2F2", "DDEBF7"
DARK = "1F3864"
WHITE = "FFFFFF"
RAGF = {"red": "FF0000", "amber": "FFC000", "green": "00B050", "complete": "5B9BD5", "not_started": "BFBFBF"}
WORD = {"red": "Red", "amber": "Amber", "green": "Green", "complete": "Complete"}
LETTER = {"red": "R", "amber": "A", "green": "G", "complete": "C"}


def band(i: int) -> str:
    return GREY if i % 2 == 0 else BLUE


def dark(*names: str, fill: str = DARK) -> list[C | str]:
    return [C(n, bold=True, fill=fill, font_colour=WHITE) for n in names]


def _cf_fill(hex_: str) -> Any:
    from openpyxl.styles import PatternFill

    return PatternFill(start_color=hex_, end_color=hex_, fill_type="solid")


# A ------------------------------------------------------------------------------------------------
def _aberlour() -> PaperSpec:
    acts = [
        Act("1", "Refresh the Council Plan with measurable outcomes for each priority", "Chief Executive",
            "31/03/2024", "2024-03-31", 75, "green", "Draft plan considered by members at a seminar in February."),
        Act("2", "Develop a three-year medium term financial strategy", "Chief Finance Officer", "30/06/2024",
            "2024-06-30", 40, "amber", "Scenario modelling complete; savings options still being developed."),
        Act("3", "Introduce a corporate performance management framework", "Head of Policy and Performance",
            "31/12/2023", "2023-12-31", 100, "complete", "Framework approved by Council in December."),
        Act("4", "Agree a workforce strategy and service workforce plans", "Head of People", "30/09/2024",
            "2024-09-30", 20, "red", "Recruitment freeze has delayed the workforce analysis."),
        Act("5", "Review the scheme of delegation to officers", "Monitoring Officer", "31/05/2024", "2024-05-31",
            60, "green", "Revised scheme drafted; consultation with group leaders under way."),
        Act("6", "Deliver a training programme for elected members on scrutiny", "Head of Democratic Services",
            "31/03/2024", "2024-03-31", 50, "amber", "Two of four sessions held; attendance has been low."),
        Act("7", "Establish a transformation board with clear terms of reference", "Depute Chief Executive",
            "31/01/2024", "2024-01-31", 100, "complete", "Board met for the first time on 17 January."),
        Act("8", "Publish an annual public performance report", "Head of Policy and Performance", "30/11/2024",
            "2024-11-30", 10, "green", "Template agreed; data collection starts in April."),
        Act("9", "Improve the collection of council tax arrears", "Revenues Manager", "31/03/2025", "2025-03-31",
            35, "amber", "Collection rate up 0.4 points; new recovery partner appointed."),
    ]
    rows = [[C(x, bold=True) for x in ("No.", "Action", "Lead Officer", "Due Date", "Progress (%)", "RAG",
                                        "Commentary")]]
    rows += [[a.ref, a.desc, a.lead, a.due_raw, pct_cell(a.pct), WORD[a.rag], a.update] for a in acts]
    title = "Aberlour Council – Best Value Action Plan: Progress Update"
    blocks = [P(title, "title"), P("Report Date: 12/03/2024"),
              P("The table below sets out progress against each action agreed in response to the Best Value "
                "Assurance Report."),
              T(rows, widths=[0.5, 3.2, 1.7, 1.0, 0.9, 0.9, 3.4])]
    spec = PaperSpec(LAYOUT, "aberlour_bv_action_plan_progress_2024-03", blocks,
                     expected(title, "2024-03-12", acts), producers=("docx", "lo-docx"),
                     note="Word table style Medium Shading 1 Accent 1: style banding + dark header, RAG words")

    def post_docx(document: Any) -> None:
        t = document.tables[-1]
        t.style = document.styles["Medium Shading 1 Accent 1"]

    spec.post_docx = post_docx
    return spec


# B ------------------------------------------------------------------------------------------------
def _balvenie() -> PaperSpec:
    T1, T2, T3 = "Governance and Leadership", "Financial Sustainability", "Community Engagement"
    acts = [
        Act("1.1", "Review the council's committee structure and remits", "Head of Legal and Governance",
            "Jun 2024", "2024-06-30", 55, "green", "Options paper presented to the member officer working group.",
            theme=T1),
        Act("1.2", "Introduce an induction programme for new senior officers", "Head of HR", "Mar 2024",
            "2024-03-31", 100, "complete", "Programme launched; first cohort completed in February.", theme=T1),
        Act("1.3", "Agree a protocol on member and officer relations", "Monitoring Officer", "Sep 2024",
            "2024-09-30", 25, "red", "Drafting delayed pending the standards commission guidance.", theme=T1),
        Act("2.1", "Identify savings of £6.2m for 2024/25", "Chief Financial Officer", "Feb 2024",
            "2024-02-29", 85, "green", "£5.3m identified and included in the draft budget.", theme=T2),
        Act("2.2", "Develop a capital investment strategy", "Chief Financial Officer", "Dec 2024",
            "2024-12-31", 30, "amber", "Asset condition data incomplete for the schools estate.", theme=T2),
        Act("2.3", "Review fees and charges against neighbouring councils", "Head of Finance", "Mar 2024",
            "2024-03-31", 70, "amber", "Benchmarking complete; proposals to go to committee in April.", theme=T2),
        Act("3.1", "Adopt a community engagement strategy", "Communities Manager", "Oct 2024", "2024-10-31", 40,
            "green", "Consultation with community councils closes in April.", theme=T3),
        Act("3.2", "Establish locality partnership forums in each ward", "Communities Manager", "Mar 2025",
            "2025-03-31", 15, "amber", "Two of six forums established.", theme=T3),
        Act("3.3", "Introduce participatory budgeting for local grants", "Head of Communities", "Nov 2024",
            "2024-11-30", 10, "red", "No budget allocated yet for 2024/25.", theme=T3),
    ]
    n = 7
    key = T([[C("", fill=RAGF["red"]), "Off track", C("", fill=RAGF["amber"]), "At risk",
              C("", fill=RAGF["green"]), "On track", C("", fill=RAGF["complete"]), "Complete"]],
            widths=[0.4, 1.6, 0.4, 1.6, 0.4, 1.6, 0.4, 1.6], header_rows=0)
    rows = [dark("Ref", "Improvement Action", "Responsible Officer", "Target", "%", "RAG", "Progress Update")]
    last = None
    for i, a in enumerate(acts):
        if a.theme != last:
            k = [T1, T2, T3].index(a.theme) + 1
            rows.append([C(f"Theme {k}: {a.theme}", colspan=n, bold=True, fill="ACB9CA")])
            last = a.theme
        f = band(i)
        rows.append([C(a.ref, fill=f), C(a.desc, fill=f), C(a.lead, fill=f), C(a.due_raw, fill=f),
                     pct_cell(a.pct, fill=f), C("", fill=RAGF[a.rag]), C(a.update, fill=f)])
    title = "Balvenie Council: Best Value Improvement Plan – Progress Report"
    blocks = [P(title, "title"), P("Report Date: 21/03/2024"),
              P("RAG status key:"), key,
              T(rows, widths=[0.5, 3.0, 1.7, 0.8, 0.6, 0.6, 3.4])]
    return PaperSpec(LAYOUT, "balvenie_bv_improvement_plan_progress_2024-03", blocks,
                     expected(title, "2024-03-21", acts), producers=("docx", "pdf", "lo-docx"),
                     note="direct grey/blue banding, dark header white text, shaded theme band rows, fill-only RAG")


# C ------------------------------------------------------------------------------------------------
def _cardhu() -> PaperSpec:
    acts = [
        Act("BV01", "Produce a long-term financial plan covering at least five years", "Director of Finance",
            "31/03/2025", "2025-03-31", 80, "green", "Plan to be approved with the 2025/26 budget."),
        Act("BV02", "Strengthen the capacity of the corporate transformation team", "Chief Executive",
            "30/09/2024", "2024-09-30", 100, "complete", "Three posts filled in August."),
        Act("BV03", "Develop a digital strategy and roadmap", "Head of Digital Services", "31/12/2024",
            "2024-12-31", 45, "amber", "Roadmap drafted; funding for phase 2 not yet agreed."),
        Act("BV04", "Improve the reporting of performance to the Audit Committee", "Head of Performance",
            "31/10/2024", "2024-10-31", 90, "green", "New quarterly scorecard used since October."),
        Act("BV05", "Rationalise the council's office accommodation", "Head of Property", "31/03/2026",
            "2026-03-31", 20, "red", "Lease negotiations on Harbour House have stalled."),
        Act("BV06", "Refresh the community planning partnership's outcomes", "Community Planning Manager",
            "30/06/2025", "2025-06-30", 35, "amber", "Partner workshops held in January."),
        Act("BV07", "Introduce service-level business plans", "Head of Performance", "31/01/2025", "2025-01-31",
            65, "green", "Plans in place for 11 of 14 services."),
        Act("BV08", "Review the governance of arm's length organisations", "Monitoring Officer", "31/12/2024",
            "2024-12-31", 30, "red", "Review scope agreed; work has not started."),
        Act("BV09", "Implement a new complaints handling procedure", "Customer Services Manager", "30/11/2024",
            "2024-11-30", 100, "complete", "Procedure live since 1 November."),
        Act("BV10", "Increase the uptake of online council tax accounts", "Revenues Manager", "31/03/2025",
            "2025-03-31", 55, "green", "38% of households now registered."),
    ]
    top = 6
    hdr = dark("Ref", "Action", "Lead", "Target Date", "% Complete", "RAG", "Update", fill="203764")
    rows = [hdr]
    for i, a in enumerate(acts):
        f = band(i)
        rows.append([C(a.ref, fill=f), C(a.desc, fill=f), C(a.lead, fill=f),
                     date_cell(a.due_raw, a.due, fill=f), pct_cell(a.pct, typed=True, fill=f),
                     C(WORD[a.rag], fill=f), C(a.update, fill=f)])
    title = "Cardhu Council – Best Value Audit Action Plan Monitoring"
    blocks = [P(title, "title"), P("Report date: 28/02/2025"),
              P("RAG: Red – off track; Amber – some slippage; Green – on track; Complete – action delivered."),
              T(rows, widths=[0.6, 3.2, 1.8, 1.0, 1.0, 0.9, 3.0], at=(top, 1))]
    first, last = top + 1, top + len(acts)
    spec = PaperSpec(LAYOUT, "cardhu_bv_audit_action_plan_monitoring_2025-02", blocks,
                     expected(title, "2025-02-28", acts), producers=("xlsx", "lo-xlsx"),
                     sheets=[Sheet("Action Plan", blocks)],
                     note="RAG words coloured by CellIsRule CF over static banding; data bars on typed %")

    def post_xlsx(wb: Any) -> None:
        from openpyxl.formatting.rule import CellIsRule, DataBarRule

        ws = wb["Action Plan"]
        rng = f"F{first}:F{last}"
        for word, rag in (("Red", "red"), ("Amber", "amber"), ("Green", "green"), ("Complete", "complete")):
            ws.conditional_formatting.add(rng, CellIsRule(operator="equal", formula=[f'"{word}"'],
                                                          fill=_cf_fill(RAGF[rag]), stopIfTrue=True))
        ws.conditional_formatting.add(f"E{first}:E{last}", DataBarRule(
            start_type="num", start_value=0, end_type="num", end_value=1, color="5B9BD5", showValue=True))

    spec.post_xlsx = post_xlsx
    return spec


# D ------------------------------------------------------------------------------------------------
def _dalmore() -> PaperSpec:
    T1, T2 = "Vision and Strategic Direction", "Use of Resources"

    def rag_of(p: int) -> str:
        return "complete" if p >= 100 else "green" if p >= 60 else "amber" if p >= 30 else "red"

    spec_rows = [
        ("1a", "Agree a shared vision with community planning partners", "Chief Executive", "30/04/2025",
         "2025-04-30", 70, "Vision statement agreed by the partnership board.", T1),
        ("1b", "Align directorate plans to the council's strategic priorities", "Directors", "31/05/2025",
         "2025-05-31", 45, "Four of five directorate plans reviewed.", T1),
        ("1c", "Publish a consultation and engagement framework", "Head of Communications", "31/12/2024",
         "2024-12-31", 100, "Framework published in December.", T1),
        ("1d", "Hold annual budget engagement events in each locality", "Head of Finance", "28/02/2025",
         "2025-02-28", 20, "Only one event held; venues not yet booked.", T1),
        ("2a", "Produce an asset management plan for the whole estate", "Head of Property", "30/09/2025",
         "2025-09-30", 30, "Condition surveys commissioned.", T2),
        ("2b", "Carry out a review of procurement practice", "Procurement Manager", "31/03/2025", "2025-03-31",
         65, "Contract register updated; spend analysis under way.", T2),
        ("2c", "Reduce sickness absence to the national average", "Head of HR", "31/03/2026", "2026-03-31", 10,
         "Absence rose to 12.1 days per employee.", T2),
        ("2d", "Implement a new finance system", "Chief Financial Officer", "30/06/2025", "2025-06-30", 55,
         "Data migration testing in progress.", T2),
    ]
    acts = [Act(r, d, lead, raw, iso, p, rag_of(p), u, theme=th) for r, d, lead, raw, iso, p, u, th in spec_rows]
    n = 7
    top = 6
    rows = [dark("Action No", "Action", "Owner", "Due", "% Complete", "RAG", "Comments")]
    rag_rows = []
    last = None
    for i, a in enumerate(acts):
        if a.theme != last:
            k = [T1, T2].index(a.theme) + 1
            rows.append([C(f"Recommendation {k}: {a.theme}", colspan=n, bold=True, fill="B4C6E7")])
            last = a.theme
        f = band(i)
        rag_rows.append(top + len(rows))
        rows.append([C(a.ref, fill=f), C(a.desc, fill=f), C(a.lead, fill=f), date_cell(a.due_raw, a.due, fill=f),
                     pct_cell(a.pct, typed=True, fill=f), C(""), C(a.update, fill=f)])
    title = "Dalmore Council Best Value Assurance Report – Action Plan Tracker"
    blocks = [P(title, "title"), P("Report Date: 14/03/2025"),
              P("RAG is set automatically from % complete: blue = complete (100%), green = 60% or more, "
                "amber = 30% to 59%, red = below 30%."),
              T(rows, widths=[0.7, 3.2, 1.6, 1.0, 1.0, 0.7, 3.0], at=(top, 1))]
    spec = PaperSpec(LAYOUT, "dalmore_bvar_action_plan_tracker_2025-03", blocks,
                     expected(title, "2025-03-14", acts), producers=("lo-xlsx",),
                     sheets=[Sheet("Tracker", blocks)],
                     note="empty RAG cells coloured by FormulaRule on the % column; grey/blue banding; theme bands")

    def post_xlsx(wb: Any) -> None:
        from openpyxl.formatting.rule import FormulaRule

        ws = wb["Tracker"]
        for r in rag_rows:
            cell = f"F{r}"
            for formula, rag in ((f"$E{r}>=1", "complete"), (f"$E{r}>=0.6", "green"),
                                 (f"$E{r}>=0.3", "amber"), (f'AND($E{r}<>"",$E{r}<0.3)', "red")):
                ws.conditional_formatting.add(cell, FormulaRule(formula=[formula], fill=_cf_fill(RAGF[rag]),
                                                                stopIfTrue=True))

    spec.post_xlsx = post_xlsx
    return spec


# E ------------------------------------------------------------------------------------------------
def _edradour() -> PaperSpec:
    R1 = "The council should set out how it will close its budget gap"
    R2 = "The council should improve its approach to performance management"
    R3 = "The council should strengthen partnership working"
    acts = [
        Act("R1.1", "Approve a savings programme covering 2025/26 to 2027/28", "Chief Financial Officer",
            "31/03/2025", "2025-03-31", 60, "green", "Programme of £18m agreed in principle.", theme=R1),
        Act("R1.2", "Review reserves policy and minimum balances", "Chief Financial Officer", "31/12/2024",
            "2024-12-31", 100, "complete", "Policy revised and approved.", theme=R1),
        Act("R1.3", "Introduce priority-based budgeting", "Head of Finance", "30/09/2025", "2025-09-30", 25,
            "amber", "Pilot in two services; roll-out depends on system changes.", theme=R1),
        Act("R2.1", "Adopt a single set of key performance indicators", "Head of Strategy", "31/05/2025",
            "2025-05-31", 40, "amber", "Draft set of 42 indicators out to consultation.", theme=R2),
        Act("R2.2", "Report performance to committees every quarter", "Head of Strategy", "30/06/2025",
            "2025-06-30", 15, "red", "No quarterly report yet produced.", theme=R2),
        Act("R2.3", "Train managers in the use of performance data", "Organisational Development Manager",
            "31/03/2025", "2025-03-31", 80, "green", "Eleven sessions delivered to 140 managers.", theme=R2),
        Act("R3.1", "Agree a joint workforce plan with the health and social care partnership",
            "Chief Officer HSCP", "31/10/2025", "2025-10-31", 20, "red", "Partners yet to agree the scope.",
            theme=R3),
        Act("R3.2", "Set up a joint economic development board", "Head of Economy", "31/08/2025", "2025-08-31", 50,
            "green", "Terms of reference agreed with the enterprise agency.", theme=R3),
    ]
    for a in acts:
        a.sign = False
    n = 7
    top = 7
    rows = [dark("Ref", "Action", "Lead Officer", "Target", "%", "RAG", "Progress", fill="404040")]
    letter_rows = []
    last = None
    for a in acts:
        if a.theme != last:
            k = [R1, R2, R3].index(a.theme) + 1
            rows.append([C(f"Recommendation {k} – {a.theme}", colspan=n, bold=True, fill="305496",
                           font_colour=WHITE)])
            last = a.theme
        letter_rows.append(top + len(rows))
        rows.append([a.ref, a.desc, a.lead, date_cell(a.due_raw, a.due), C(str(a.pct), value=a.pct,
                     number_format="0"), LETTER[a.rag], a.update])
    title = "Edradour Council – Best Value Action Plan 2024-2026: Progress at March 2025"
    blocks = [P(title, "title"), P("Report Date: 25/03/2025"),
              P("Key: R = Red (behind schedule), A = Amber (at risk), G = Green (on schedule), C = Complete."),
              P("% shows progress towards completion of each action."),
              T(rows, widths=[0.6, 3.2, 1.8, 1.0, 0.6, 0.6, 3.2], at=(top, 1))]
    first, lastr = letter_rows[0], letter_rows[-1]
    spec = PaperSpec(LAYOUT, "edradour_bv_action_plan_progress_2025-03", blocks,
                     expected(title, "2025-03-25", acts), producers=("xlsx", "lo-xlsx"),
                     sheets=[Sheet("Progress", blocks)],
                     note="R/A/G/C letters coloured by FormulaRule; dark merged recommendation bands; int % + "
                          "data bars")

    def post_xlsx(wb: Any) -> None:
        from openpyxl.formatting.rule import DataBarRule, FormulaRule

        ws = wb["Progress"]
        rng = f"F{first}:F{lastr}"
        for letter, rag in (("R", "red"), ("A", "amber"), ("G", "green"), ("C", "complete")):
            ws.conditional_formatting.add(rng, FormulaRule(formula=[f'$F{first}="{letter}"'],
                                                           fill=_cf_fill(RAGF[rag]), stopIfTrue=True))
        ws.conditional_formatting.add(f"E{first}:E{lastr}", DataBarRule(
            start_type="num", start_value=0, end_type="num", end_value=100, color="63BE7B", showValue=True))

    spec.post_xlsx = post_xlsx
    return spec


# F ------------------------------------------------------------------------------------------------
def _fettercairn() -> PaperSpec:
    acts = [
        Act("1", "Set out a clear plan for transforming services", "Chief Executive", "30/06/2024", "2024-06-30",
            70, None, "Transformation programme approved; six projects in delivery."),
        Act("2", "Ensure the medium-term financial plan is updated annually", "Section 95 Officer", "31/03/2024",
            "2024-03-31", 100, None, "Updated plan reported to Council in March."),
        Act("3", "Improve the quality of options appraisals in committee reports", "Head of Democratic Services",
            "30/09/2024", "2024-09-30", 30, None, "Guidance issued; training planned for the summer."),
        Act("4", "Develop locality plans with communities in the areas of greatest need", "Communities Manager",
            "31/12/2024", "2024-12-31", 45, None, "Plans drafted for two of four localities."),
        Act("5", "Review the council's approach to managing risk", "Risk Manager", "31/08/2024", "2024-08-31", 55,
            None, "Risk appetite statement agreed by the Audit Committee."),
        Act("6", "Introduce regular staff engagement surveys", "Head of HR", "31/10/2024", "2024-10-31", 20, None,
            "Survey supplier procured; first survey in September."),
        Act("7", "Improve the timeliness of responses to freedom of information requests",
            "Information Governance Manager", "31/03/2024", "2024-03-31", 90, None,
            "92% answered on time in the last quarter."),
    ]
    top = 5
    rows = [[C(x, bold=True) for x in ("Ref", "Action", "Lead", "Target Date", "% Complete", "Progress Update")]]
    rows += [[a.ref, a.desc, a.lead, date_cell(a.due_raw, a.due), pct_cell(a.pct, typed=True), a.update]
             for a in acts]
    title = "Fettercairn Council – Best Value Action Plan Progress Report"
    blocks = [P(title, "title"), P("Report Date: 16/04/2024"),
              T(rows, widths=[0.5, 3.4, 2.0, 1.1, 1.0, 3.6], at=(top, 1))]
    lastr = top + len(acts)
    spec = PaperSpec(LAYOUT, "fettercairn_bv_action_plan_progress_2024-04", blocks,
                     expected(title, "2024-04-16", acts), producers=("xlsx", "lo-xlsx"),
                     sheets=[Sheet("Actions", blocks)],
                     note="Excel Table object with banded (green-tinted) style, no RAG column, data bars")

    def post_xlsx(wb: Any) -> None:
        from openpyxl.formatting.rule import DataBarRule
        from openpyxl.worksheet.table import Table, TableStyleInfo

        ws = wb["Actions"]
        t = Table(displayName="ActionPlan", ref=f"A{top}:F{lastr}")
        t.tableStyleInfo = TableStyleInfo(name="TableStyleMedium4", showRowStripes=True, showColumnStripes=False,
                                          showFirstColumn=False, showLastColumn=False)
        ws.add_table(t)
        ws.conditional_formatting.add(f"E{top + 1}:E{lastr}", DataBarRule(
            start_type="num", start_value=0, end_type="num", end_value=1, color="638EC6", showValue=True))

    spec.post_xlsx = post_xlsx
    return spec


# G ------------------------------------------------------------------------------------------------
def _glenfarclas() -> PaperSpec:
    acts = [
        Act("GF1", "Publish a clear statement of the council's priorities for the next five years", "Chief Executive",
            "30 June 2024", "2024-06-30", 60, "green", "Draft priorities agreed at the leadership forum."),
        Act("GF2", "Close the budget gap for 2025/26", "Director of Resources", "28 February 2025", "2025-02-28",
            35, "amber", "Gap reduced from £9.4m to £4.1m; further options being costed."),
        Act("GF3", "Put in place a corporate asset strategy", "Head of Estates", "31 December 2024", "2024-12-31",
            15, "red", "Strategy not started; lead post vacant until May."),
        Act("GF4", "Strengthen scrutiny through a revised committee work programme", "Head of Governance",
            "31 March 2024", "2024-03-31", 100, "complete", "Work programme adopted by all scrutiny committees."),
        Act("GF5", "Develop a workforce plan linked to the transformation programme", "Head of HR", "30 September 2024",
            "2024-09-30", 40, "amber", "Skills audit under way in three directorates."),
        Act("GF6", "Review the effectiveness of the council's partnership boards", "Head of Policy",
            "31 October 2024", "2024-10-31", 55, "green", "Review interviews with board chairs completed."),
        Act("GF7", "Introduce benefits tracking for transformation projects", "Programme Manager",
            "31 August 2024", "2024-08-31", 25, "red", "Benefits register set up for two of nine projects."),
        Act("GF8", "Report progress on Best Value actions to the Audit Committee every six months",
            "Head of Governance", "31 March 2025", "2025-03-31", 50, "green",
            "First six-monthly report is this paper."),
    ]
    rows = [dark("Ref", "Action", "Lead", "Target Date", "% Complete", "RAG", "Latest Update", fill="1F4E79")]
    for i, a in enumerate(acts):
        f = BLUE if i % 2 else None
        rows.append([C(a.ref, fill=f), C(a.desc, fill=f), C(a.lead, fill=f), C(a.due_raw, fill=f),
                     pct_cell(a.pct, fill=f), C(WORD[a.rag], fill=f), C(a.update, fill=f)])
    title = "Glenfarclas Council – Best Value Action Plan: Six-Monthly Progress Report"
    blocks = [P(title, "title"), P("Report Date: 23/04/2024"),
              P("Progress against the actions agreed in response to the Controller of Audit's report is "
                "summarised below."),
              T(rows, ruled=False, widths=[0.5, 3.2, 1.6, 1.3, 0.9, 0.7, 3.2])]
    return PaperSpec(LAYOUT, "glenfarclas_bv_action_plan_six_monthly_2024-04", blocks,
                     expected(title, "2024-04-23", acts), producers=("docx", "pdf", "lo-docx"),
                     note="unruled table: dark header and light-blue/white zebra banding (no grid lines), RAG words")


def variants() -> list[PaperSpec]:
    return finished([_aberlour(), _balvenie(), _cardhu(), _dalmore(), _edradour(), _fettercairn(), _glenfarclas()])
