"""Layout class 'sheet_per_theme': a workbook with one sheet per theme, the sheet's name the theme
('Leadership', 'Finance', 'Community Engagement'), plus a cover sheet (title, report date, author,
contents) and a notes or glossary sheet that hold no actions.

Per the contract, the sheet's name is the theme of its actions, also where a title row on the
sheet expands it ('BVAR Recommendation 2 – Financial sustainability: ...'). LibreOffice does not
print sheet names, so a variant that is also published as LibreOffice's PDF ('lo-xlsx') has a
title row on each theme sheet giving the sheet's name ('Theme: Finance' or just 'Finance'); the
variants whose title rows expand the theme, or that have none, are written as .xlsx only.

The record, cells and per-action checks are shared with :mod:`.colour_keys`.
"""

from __future__ import annotations

from collections.abc import Callable

from ..spec import C, Expected, P, PaperSpec, Producer, Sheet, T
from .colour_keys import (
    Act,
    Key,
    Style,
    cell_for,
    check_action,
    check_paper,
    clean,
    expected_action,
    fill_of,
    pct_text,
    swatch,
    table_rows,
)

LAYOUT = "sheet_per_theme"
Cell = C | str


_WIDTHS = {"ref": 0.6, "desc": 4.0, "lead": 2.0, "due": 1.2, "pct": 1.1, "e0": 1.1, "e1": 1.1, "rag": 1.1,
           "update": 5.0, "priority": 0.8}  # relative column widths by field (another column: 1.8)


def _theme_sheet(name: str, title: P | None, header: list[list[Cell]], fields: list[str], acts: list[Act],
                 st: Style, widths: list[float] | None = None) -> Sheet:
    rows: list[list[Cell]] = [list(r) for r in header]
    rows += [[cell_for(a, f, st) for f in fields] for a in acts if a.theme == name]
    table = T(rows, header_rows=len(header), widths=widths or [_WIDTHS.get(f, 1.8) for f in fields])
    return Sheet(name, [title, table] if title else [table])


def _bold(*names: str) -> list[list[Cell]]:
    return [[C(n, bold=True) for n in names]]


def _money(m: float) -> C:
    """A typed amount in £m, shown to one decimal place."""
    return C(f"{m:.1f}", value=m, number_format="0.0")


def _words(key: Key) -> Callable[[Act], Cell]:
    word = {v: k for k, v in key.items()}
    return lambda a: word[a.rag]


def _spec(name: str, title: str, rd: str, acts: list[Act], sheets: list[Sheet], producers: tuple[Producer, ...],
          note: str, pct: str, earlier_dates: tuple[str, ...] = (), **details: str) -> PaperSpec:
    exp = Expected(title=title, report_date=rd, actions=[expected_action(a, rd, pct_text(pct), earlier_dates)
                                                          for a in acts], **details)
    return PaperSpec(LAYOUT, name, [], exp, producers=producers, sheets=sheets, note=note)


# ---------------------------------------------------------------------------------------------
# A: cover with a contents table, 'Theme: X' title rows, columns differing a little, a glossary


def _ochilside() -> tuple[PaperSpec, Key]:
    key = {"Red": "red", "Amber": "amber", "Green": "green", "Complete": "complete"}
    L, F, CE = "Leadership", "Finance", "Community Engagement"
    acts = [
        Act("L1", "Agree a shared set of strategic priorities with elected members and set them out in the "
            "Council Plan 2022–27", "Chief Executive", "31/05/2022", "2022-05-31", 70, "green",
            "Cross-party working group has met five times. Draft priorities will go to council after the May "
            "elections.", theme=L),
        Act("L2", "Deliver a development programme for elected members covering scrutiny, budget setting and "
            "the Best Value duty", "Head of Democratic Services", "30/09/2022", "2022-09-30", 25, "amber",
            "Induction programme for the new council agreed with the Improvement Service. Scrutiny sessions "
            "are delayed until after the election.", theme=L),
        Act("L3", "Introduce annual personal development reviews for all chief officers", "Head of HR",
            "31/12/2021", "2021-12-31", 100, "complete", "All chief officers completed reviews by December 2021.",
            theme=L),
        Act("F1", "Prepare a medium-term financial plan covering at least five years, with scenarios for pay, "
            "inflation and demand", "Chief Financial Officer", "30/06/2022", "2022-06-30", 50, "green",
            "Five-year model built and scenarios agreed with the Corporate Management Team.\n"
            "Plan to be reported to council in June.", theme=F),
        Act("F2", "Identify savings options to close the projected budget gap of £24m for 2023/24 and 2024/25",
            "Chief Financial Officer", "31/10/2022", "2022-10-31", 20, "red",
            "Savings identified so far total £6m. The transformation programme will not deliver the balance "
            "without further decisions by members.", theme=F),
        Act("F3", "Develop a reserves strategy setting out the minimum level of uncommitted general fund reserve",
            "Head of Finance", "31/03/2022", "2022-03-31", 90, "green",
            "Strategy drafted and included in the budget report to council on 3 March 2022.", theme=F),
        Act("CE1", "Publish locality plans for each community planning area, developed with community councils",
            "Community Planning Manager", "31/03/2023", "2023-03-31", 30, "amber",
            "Plans for two of the four localities drafted. Engagement in the remaining localities was paused "
            "during the winter.", theme=CE, extra={"Partners": "Community councils; Third Sector Interface"}),
        Act("CE2", "Allocate at least 1% of the council's budget through participatory budgeting",
            "Head of Communities", "31/03/2022", "2022-03-31", 100, "complete",
            "£3.1m allocated through participatory budgeting in 2021/22, above the 1% target.", theme=CE,
            extra={"Partners": "Community Planning Partnership"}),
    ]
    st = Style("xlsx", True, _words(key))
    std = ["ref", "desc", "lead", "due", "pct", "rag", "update"]
    title = "Ochilside Council – Best Value Assurance Report: Action Plan Tracker"
    cover = Sheet("Cover", [
        P(title, style="title"),
        P("Report Date: 14/03/2022"),
        P("Author: Corporate Policy and Performance Team"),
        P("Contents", style="heading"),
        T([*_bold("Sheet", "Contents"),
            ["Leadership", "BVAR recommendations 1 and 2: vision, priorities and member development"],
            ["Finance", "BVAR recommendation 3: medium-term financial planning"],
            ["Community Engagement", "BVAR recommendation 5: involving communities in decisions"],
            ["Glossary", "Abbreviations and RAG definitions"]], widths=[1.5, 5]),
    ])
    glossary = Sheet("Glossary", [
        P("Glossary", style="title"),
        T([*_bold("Term", "Meaning"),
            ["BVAR", "Best Value Assurance Report"], ["CMT", "Corporate Management Team"],
            ["LGBF", "Local Government Benchmarking Framework"], ["MTFP", "Medium-Term Financial Plan"],
            ["RAG", "Red (off track), Amber (some slippage), Green (on track), Complete (delivered)"]],
          widths=[1, 5]),
    ])
    sheets = [
        cover,
        _theme_sheet(L, P("Theme: Leadership", bold=True),
                     _bold("Ref", "Action", "Lead Officer", "Target Date", "% Complete", "RAG", "Progress Update"),
                     std, acts, st),
        _theme_sheet(F, P("Theme: Finance", bold=True),
                     _bold("Ref", "Action", "Lead Officer", "Due Date", "% Complete", "RAG", "Progress Update"),
                     std, acts, st),
        _theme_sheet(CE, P("Theme: Community Engagement", bold=True),
                     _bold("Ref", "Action", "Lead Officer", "Partners", "Target Date", "% Complete", "RAG",
                           "Progress Update"),
                     ["ref", "desc", "lead", "x:Partners", "due", "pct", "rag", "update"], acts, st),
        glossary,
    ]
    return _spec("ochilside_bvar_action_plan_tracker_2022-03", title, "2022-03-14", acts, sheets,
                 ("xlsx", "lo-xlsx"), "cover with a contents table naming the sheets, 'Theme: X' title rows, "
                 "'Due Date' on one sheet, an extra 'Partners' column on another, glossary sheet; typed values",
                 "xlsx"), key


# ---------------------------------------------------------------------------------------------
# B: title rows that expand the theme (the sheet's name is the theme), columns reordered per sheet


def _dunmore() -> tuple[PaperSpec, Key]:
    key = {"Off Track": "red", "Some Slippage": "amber", "On Track": "green", "Complete": "complete"}
    L, F, W, CE = "Leadership", "Finance", "Workforce", "Community Engagement"
    acts = [
        Act("1.1", "Refresh the scheme of delegation to officers and the council's standing orders",
            "Head of Legal and Governance", "31/10/2022", "2022-10-31", 60, "green",
            "Revised scheme drafted and considered by the member working group in August.", theme=L),
        Act("1.2", "Agree a protocol on member–officer relations and provide training on it", "Monitoring Officer",
            "30/09/2022", "2022-09-30", 40, "amber",
            "Protocol agreed by council in June. Training for members has been delayed until November because "
            "of the recess.", theme=L),
        Act("1.3", "Publish a Council Plan for 2022–27 with clear outcomes and a performance framework",
            "Chief Executive", "31/08/2022", "2022-08-31", 100, "complete",
            "Council Plan approved by council on 25 August 2022.", theme=L),
        Act("2.1", "Deliver the 2022/23 savings programme", "Director of Finance", "31/03/2023", "2023-03-31", 45,
            "green", "£2.1m delivered by the end of August. Remaining savings are on course.", theme=F,
            extra={"Savings": _money(4.5)}),
        Act("2.2", "Review fees and charges against the cost of providing each service", "Head of Revenues",
            "31/12/2022", "2022-12-31", 15, "red",
            "Review has not started because of staff turnover in the revenues team. Temporary support is being "
            "sourced.", theme=F, extra={"Savings": _money(0.8)}),
        Act("2.3", "Introduce a benefits realisation framework for the transformation programme",
            "Head of Transformation", "Mar 2023", "2023-03-31", 30, "amber",
            "Framework drafted. Baselines for the first projects are taking longer to agree than planned.",
            theme=F),
        Act("3.1", "Publish a corporate workforce plan for 2022–2025 with service workforce plans aligned to it",
            "Head of People", "30/11/2022", "2022-11-30", 55, "green",
            "Service workforce plans complete for seven of nine services.", theme=W),
        Act("3.2", "Reduce sickness absence to the Scottish local government average", "Head of People",
            "31/03/2023", "2023-03-31", 20, "red",
            "Absence rose to 13.1 days per employee in 2021/22. A revised attendance policy goes to the Staff "
            "Committee in October.", theme=W),
        Act("4.1", "Establish a citizens' panel to inform the redesign of services", "Head of Policy",
            "31/12/2022", "2022-12-31", 35, "amber",
            "Panel recruitment started in July; 410 of the 1,000 members needed have signed up.", theme=CE),
        Act("4.2", "Review the community asset transfer process so that requests are decided within six months",
            "Head of Estates", "30/06/2022", "2022-06-30", 100, "complete",
            "New process in place since June; the first two requests were decided in under five months.",
            theme=CE),
    ]
    st = Style("xlsx", True, _words(key))
    title = "Dunmore Council Best Value Action Plan – Quarterly Monitoring"
    contents = Sheet("Contents", [
        P(title, style="title"),
        P("Report Date: 19/09/2022"),
        P("Prepared by: Strategy and Performance Team"),
        P("Sheets in this workbook:"),
        T([*_bold("Sheet", "What it holds"),
            ["Leadership", "Recommendation 1: strategic direction and member–officer working"],
            ["Finance", "Recommendation 2: financial sustainability"],
            ["Workforce", "Recommendation 3: workforce planning and attendance"],
            ["Community Engagement", "Recommendation 4: community engagement and empowerment"],
            ["Notes", "How progress and status are reported"]], widths=[1.5, 5]),
    ])
    notes = Sheet("Notes", [
        P("Notes", style="title"),
        P("Percentages are the lead officer's estimate of progress towards completing the action."),
        T([*_bold("Status", "Meaning"),
            ["Complete", "The action has been delivered"],
            ["On Track", "Green: expected to be delivered by the target date"],
            ["Some Slippage", "Amber: some delay, expected to be recovered"],
            ["Off Track", "Red: the target date will be missed without intervention"]], widths=[1.5, 5]),
    ])
    sheets = [
        contents,
        _theme_sheet(L, P("BVAR Recommendation 1 – Leadership: strengthen strategic direction and working "
                          "relationships between members and officers", bold=True),
                     _bold("Ref", "Action", "Lead", "Target Date", "% Complete", "RAG", "Commentary"),
                     ["ref", "desc", "lead", "due", "pct", "rag", "update"], acts, st),
        _theme_sheet(F, P("BVAR Recommendation 2 – Financial sustainability: close the budget gap through "
                          "savings and transformation", bold=True),
                     _bold("Ref", "Action", "Lead", "Target Date", "Savings Target (£m)", "% Complete", "RAG",
                           "Commentary"),
                     ["ref", "desc", "lead", "due", "x:Savings", "pct", "rag", "update"], acts, st),
        _theme_sheet(W, P("BVAR Recommendation 3 – Workforce planning and attendance", bold=True),
                     _bold("Ref", "Lead", "Action", "Due Date", "RAG", "% Complete", "Commentary"),
                     ["ref", "lead", "desc", "due", "rag", "pct", "update"], acts, st),
        _theme_sheet(CE, P("BVAR Recommendation 4 – Community engagement and empowerment", bold=True),
                     _bold("Ref", "Action", "Lead", "Target Date", "% Complete", "RAG", "Status Update"),
                     ["ref", "desc", "lead", "due", "pct", "rag", "update"], acts, st),
        notes,
    ]
    return _spec("dunmore_bv_action_plan_monitoring_2022-09", title, "2022-09-19", acts, sheets, ("xlsx",),
                 "title rows expand the theme ('BVAR Recommendation 2 – Financial sustainability: ...') while the "
                 "sheet's name is the theme; lead before action and RAG before % on one sheet; a typed "
                 "'Savings Target (£m)' column; status words defined on the Notes sheet; xlsx only (the sheet "
                 "name is not printed in a PDF)", "xlsx"), key


# ---------------------------------------------------------------------------------------------
# C: title row = the sheet's name, 'Progress at 30.09.22' and 'Updated Progress', whole numbers


def _lomondside() -> tuple[PaperSpec, Key]:
    key = {"Red": "red", "Amber": "amber", "Green": "green", "Complete": "complete"}
    L, F, CE, PF = "Leadership", "Finance", "Community Engagement", "Performance"
    acts = [
        Act("1", "Review the council's committee structure and the remit of each committee", "Head of Governance",
            "31-Mar-23", "2023-03-31", 70, "green",
            "Options considered by the member working group in January. Recommendations go to council in March.",
            theme=L, earlier=(40,)),
        Act("2", "Put in place a leadership development programme for the top three tiers of management",
            "Head of Organisational Development", "June 2023", "2023-06-30", 25, "amber",
            "Procurement of a provider took longer than planned; the first cohort starts in April.",
            theme=L, earlier=(10,)),
        Act("3", "Agree a medium-term financial strategy for 2023/24 to 2027/28", "Chief Finance Officer",
            "Dec 2022", "2022-12-31", 100, "complete", "Strategy approved by council on 8 December 2022.",
            theme=F, earlier=(75,)),
        Act("4", "Develop a capital investment strategy linked to the council's priorities and asset plans",
            "Chief Finance Officer", "Q4 2022/23", "2023-03-31", 35, "red",
            "Limited progress while the medium-term financial strategy was completed. Work restarts in "
            "February.", theme=F, earlier=(30,)),
        Act("5", "Hold an annual community conference with the community planning partners",
            "Community Planning Manager", "30/09/2023", "2023-09-30", 15, "green",
            "Venue booked for September; partners agreed the themes in January.", theme=CE, earlier=(0,)),
        Act("6", "Introduce a standard approach to consultation across council services",
            "Head of Policy and Communications", "31-Mar-23", "2023-03-31", 80, "green",
            "Consultation toolkit published on the intranet.\n"
            "Training for service managers runs in February and March.", theme=CE, earlier=(50,)),
        Act("7", "Report the Statutory Performance Indicators with commentary on trends and benchmarking",
            "Performance Manager", "Q4 2022/23", "2023-03-31", 60, "green",
            "2021/22 indicators reported to the Committee in December with LGBF family group comparisons.",
            theme=PF, earlier=(20,)),
        Act("8", "Introduce service plans with measurable targets for every service", "Performance Manager",
            "31-Mar-23", "2023-03-31", 45, "amber",
            "Templates issued; 6 of 11 service plans returned. Services report that targets for 2023/24 depend "
            "on the budget.", theme=PF, earlier=(30,)),
    ]
    st = Style("int", False, _words(key))
    header = _bold("No.", "Action", "Responsible Officer", "Timescale", "Progress at 30.09.22", "Updated Progress",
                   "RAG", "Comments")
    fields = ["ref", "desc", "lead", "due", "e0", "pct", "rag", "update"]
    title = "Lomondside Council Best Value Improvement Plan: Progress Report"
    cover = Sheet("Cover", [
        P(title, style="title"),
        P("Report Date: 10/02/2023"),
        P("Committee Date: 22/02/2023"),
        P("Author: Strategy and Performance Manager"),
        P("Contents", style="heading"),
        P("Leadership – actions 1 and 2", style="bullet"),
        P("Finance – actions 3 and 4", style="bullet"),
        P("Community Engagement – actions 5 and 6", style="bullet"),
        P("Performance – actions 7 and 8", style="bullet"),
        P("Notes", style="bullet"),
    ])
    notes = Sheet("Notes", [
        P("Notes", style="title"),
        P("1. 'Progress at 30.09.22' is the percentage reported to the Committee in November 2022."),
        P("2. RAG: Red – significant risk to delivery; Amber – some risk to delivery; Green – on track; "
          "Complete – action delivered."),
    ])
    widths = [0.5, 4, 2, 1, 1, 1, 0.7, 5]
    sheets = [cover] + [_theme_sheet(t, P(t, style="title"), header, fields, acts, st, widths)
                        for t in (L, F, CE, PF)] + [notes]
    return _spec("lomondside_bv_improvement_plan_progress_2023-02", title, "2023-02-10", acts, sheets,
                 ("xlsx", "lo-xlsx"), "each theme sheet's title row is its name; 'Progress at 30.09.22' "
                 "(snapshot, % only) and 'Updated Progress'; whole numbers typed in General cells; month and "
                 "quarter timescales; committee date on the cover", "int", ("2022-09-30",),
                 committee_date="2023-02-22"), key


# ---------------------------------------------------------------------------------------------
# D: no title rows (header in A1), a priority column, the contract's words, counts on the cover


def _kilbrannan() -> tuple[PaperSpec, Key]:
    key = {"Concern": "red", "Caution": "amber", "On Target": "green", "Complete": "complete",
           "Not Started": "not_started"}
    L, F, CE, PW = "Leadership", "Finance", "Community Engagement", "Partnership Working"
    acts = [
        Act("LD01", "Agree a clear vision for the council and communicate it to staff, partners and communities",
            "Chief Executive", "Dec 2021", "2021-12-31", 40, "green",
            "Vision statement agreed by the Corporate Management Team. Staff engagement sessions are planned for "
            "the summer.", theme=L, priority="1"),
        Act("LD02", "Strengthen the role of the Audit Committee, including appointing an independent chair",
            "Head of Corporate Governance", "30/09/2021", "2021-09-30", 60, "amber",
            "Recruitment of an independent chair is at interview stage. Revised terms of reference drafted.",
            theme=L, priority="2"),
        Act("FN01", "Set a balanced budget for 2022/23 with a plan for the following four years", "Head of Finance",
            "Mar 2022", "2022-03-31", 25, "green", "Budget timetable agreed; member briefings start in September.",
            theme=F, priority="1"),
        Act("FN02", "Improve budget monitoring so that forecast variances are reported every quarter",
            "Head of Finance", "Q2 2021/22", "2021-09-30", 10, "red",
            "The finance system upgrade needed for quarterly forecasting has been delayed by the supplier.",
            theme=F, priority="2"),
        Act("CE01", "Develop a community empowerment strategy with the community planning partners",
            "Community Development Manager", "Q3 2021/22", "2021-12-31", 0, "not_started",
            "Work will begin once the partnership's new strategic lead is in post in July.", theme=CE,
            priority="2"),
        Act("CE02", "Support communities to take on local assets through community asset transfer",
            "Estates Manager", "31/03/2021", "2021-03-31", 100, "complete",
            "Three asset transfers completed in 2020/21.", theme=CE, priority="3"),
        Act("PW01", "Agree a joint strategic plan with the Health and Social Care Partnership",
            "Chief Officer, Health and Social Care Partnership", "Dec 2021", "2021-12-31", 50, "amber",
            "Joint strategic needs assessment completed. The financial framework between the council and the "
            "health board is not yet agreed.", theme=PW, priority="1"),
    ]
    st = Style("pct", False, _words(key))
    header = _bold("Ref", "Priority", "Action", "Lead Officer", "Target Date", "% Completed", "RAG Status",
                   "Progress Update")
    fields = ["ref", "priority", "desc", "lead", "due", "pct", "rag", "update"]
    title = "Kilbrannan Council – Best Value Action Plan: Progress Monitoring Workbook"
    counts: list[list[Cell]] = [[t, C(str(n), value=n)] for t, n in ((L, 2), (F, 2), (CE, 2), (PW, 1))]
    front = Sheet("Front Sheet", [
        P(title, style="title"),
        P("Report Date: 03/06/2021"),
        P("Author: Improvement and Performance Team"),
        T([*_bold("Sheet", "Number of actions"), *counts], widths=[2, 1.5]),
    ])
    glossary = Sheet("Glossary", [
        T([*_bold("Term", "Meaning"),
            ["On Target", "The action is progressing as planned (green)"],
            ["Caution", "Some risk to the target date (amber)"],
            ["Concern", "The target date will be missed without intervention (red)"],
            ["Complete", "The action has been delivered"],
            ["Not Started", "Work on the action has not yet started"],
            ["CPP", "Community Planning Partnership"], ["HSCP", "Health and Social Care Partnership"]],
          widths=[1.5, 5]),
    ])
    sheets = [front] + [_theme_sheet(t, None, header, fields, acts, st) for t in (L, F, CE, PW)] + [glossary]
    return _spec("kilbrannan_bv_action_plan_monitoring_2021-06", title, "2021-06-03", acts, sheets, ("xlsx",),
                 "no title rows: each theme sheet starts with its header in A1; a 'Priority' column; the "
                 "contract's status words incl. 'Not Started'; the front sheet counts actions per sheet in a "
                 "table; xlsx only", "pct"), key


# ---------------------------------------------------------------------------------------------
# E: RAG as fill only, its swatch key on the Notes sheet, column order differing between sheets


def _braemoray() -> tuple[PaperSpec, Key]:
    key = {"C00000": "red", "FFD966": "amber", "92D050": "green", "8EA9DB": "complete",
           "Off Plan": "red", "At Risk": "amber", "On Plan": "green", "Delivered": "complete"}
    L, F, D, CE = "Leadership", "Finance", "Digital", "Community Engagement"
    acts = [
        Act("LE1", "Agree a member–officer protocol and publish it in the constitution", "Monitoring Officer",
            "31/05/2023", "2023-05-31", 100, "complete", "Protocol agreed by council on 18 May 2023 and published.",
            theme=L),
        Act("LE2", "Introduce 360-degree feedback for the extended senior management team", "Head of People",
            "31/12/2023", "2023-12-31", 35, "amber",
            "Tool procured. Roll-out delayed to October because of the restructure of the senior team.", theme=L),
        Act("FI1", "Set out a five-year financial plan with savings proposals for each year",
            "Chief Financial Officer", "31/10/2023", "2023-10-31", 65, "green",
            "Savings proposals for 2024/25 and 2025/26 being developed with services. Members' budget seminars "
            "are booked for September.", theme=F),
        Act("FI2", "Review the treasury management strategy in light of rising interest rates", "Head of Finance",
            "30/06/2023", "2023-06-30", 40, "red",
            "Review has slipped past its target date; the treasury team is stretched by the year-end accounts.",
            theme=F),
        Act("DG1", "Launch an online customer portal for council tax, benefits and housing repairs",
            "Head of Digital and Customer Services", "30/11/2023", "2023-11-30", 55, "green",
            "Council tax and benefits services live since June. Housing repairs to follow in November.", theme=D),
        Act("DG2", "Replace the finance and HR systems with an integrated cloud system",
            "Head of Digital and Customer Services", "Q4 2023/24", "2024-03-31", 20, "amber",
            "Supplier appointed in July. Data migration planning is under way; the go-live date is under review.",
            theme=D),
        Act("CM1", "Develop a community engagement framework with the Community Planning Partnership",
            "Community Planning Manager", "30/09/2023", "2023-09-30", 75, "green",
            "Framework drafted and consulted on. Final version to the CPP Board in September.", theme=CE),
        Act("CM2", "Publish a participatory budgeting report each year", "Community Planning Manager",
            "31/03/2023", "2023-03-31", 100, "complete", "2022/23 report published in March.", theme=CE),
    ]
    st = Style("xlsx", True, lambda a: swatch(fill_of(key, a.rag)))
    order1 = (_bold("Ref", "Lead Officer", "Action", "Target Date", "RAG", "% Complete", "Progress Update"),
              ["ref", "lead", "desc", "due", "rag", "pct", "update"])
    order2 = (_bold("Ref", "Action", "Lead Officer", "Target Date", "% Complete", "RAG", "Progress Update"),
              ["ref", "desc", "lead", "due", "pct", "rag", "update"])
    title = "Braemoray Council – Best Value Improvement Plan 2022–2025: Progress Report"
    cover = Sheet("Cover", [
        P(title, style="title"),
        P("Report Date: 24/08/2023"),
        P("Author: Chief Executive's Office"),
        T([*_bold("No.", "Sheet"),["1", L], ["2", F], ["3", D], ["4", CE], ["5", "Notes (including the RAG key)"]],
          widths=[0.5, 3]),
    ])
    notes = Sheet("Notes", [
        P("Notes", style="title"),
        P("RAG key", bold=True),
        T([[swatch("C00000"), "Off Plan"], [swatch("FFD966"), "At Risk"], [swatch("92D050"), "On Plan"],
           [swatch("8EA9DB"), "Delivered"]], header_rows=0, widths=[0.4, 2]),
        P("Percentages are officers' estimates of progress towards completing each action."),
    ])
    sheets = [cover]
    for t, (header, fields) in ((L, order1), (F, order1), (D, order2), (CE, order2)):
        sheets.append(_theme_sheet(t, P(f"Theme: {t}", bold=True), header, fields, acts, st))
    sheets.append(notes)
    return _spec("braemoray_bv_improvement_plan_progress_2023-08", title, "2023-08-24", acts, sheets,
                 ("xlsx", "lo-xlsx"), "RAG as fill only on the theme sheets, its swatch+label key "
                 "('Off Plan', 'At Risk', 'On Plan', 'Delivered') on the Notes sheet after them; column order "
                 "differs between sheets; a numbered contents table on the cover", "xlsx"), key


# ---------------------------------------------------------------------------------------------
# F: a two-row header, 'Progress' merged over 'Q1 2022/23', 'Q2 2022/23' and 'Current'


def _yarrowdale() -> tuple[PaperSpec, Key]:
    key = {"Red": "red", "Amber": "amber", "Green": "green", "Complete": "complete"}
    L, F, CE = "Leadership", "Finance", "Community Engagement"
    acts = [
        Act("1.1", "Carry out a governance review covering committee structures, decision-making and delegation",
            "Head of Legal Services", "31/12/2022", "2022-12-31", 70, "green",
            "Review findings reported to the Corporate Management Team in October; report to council in "
            "December.", theme=L, earlier=(30, 50)),
        Act("1.2", "Put in place a programme of development for elected members", "Head of Democratic Services",
            "31/03/2023", "2023-03-31", 45, "amber",
            "Induction for the members elected in May is complete. Uptake of the optional modules is low.",
            theme=L, earlier=(20, 40)),
        Act("2.1", "Update the medium-term financial plan for the 2023/24 budget", "Chief Finance Officer",
            "31/01/2023", "2023-01-31", 65, "green",
            "Updated plan reflects pay awards and energy prices; to the council budget seminar in January.",
            theme=F, earlier=(25, 50)),
        Act("2.2", "Develop savings proposals of £8m for 2023/24", "Chief Finance Officer", "31/12/2022",
            "2022-12-31", 30, "red",
            "Proposals identified so far total £3.2m. A members' workshop on further options is planned for "
            "late November.", theme=F, earlier=(10, 25)),
        Act("2.3", "Prepare an energy cost mitigation plan for council buildings", "Head of Property",
            "30/09/2022", "2022-09-30", 100, "complete",
            "Plan approved in September; measures are being put in place.", theme=F, earlier=(40, 100)),
        Act("3.1", "Produce a community engagement strategy co-designed with local communities",
            "Head of Communities", "31/03/2023", "2023-03-31", 35, "green",
            "• Twelve drop-in sessions held across the area.\n• Online survey closes on 30 November.",
            theme=CE, earlier=(0, 20)),
        Act("3.2", "Establish locality partnership forums in each of the four localities", "Head of Communities",
            "30/06/2023", "2023-06-30", 15, "amber",
            "Two forums established; recruitment of community representatives for the others is slower than "
            "planned.", theme=CE, earlier=(10, 10)),
    ]
    st = Style("xlsx", True, _words(key))
    header: list[list[Cell]] = [
        [C("Ref", rowspan=2, bold=True), C("Action", rowspan=2, bold=True), C("Lead", rowspan=2, bold=True),
         C("Target Date", rowspan=2, bold=True), C("Progress", colspan=3, bold=True),
         C("RAG", rowspan=2, bold=True), C("Commentary", rowspan=2, bold=True)],
        [C("Q1 2022/23", bold=True), C("Q2 2022/23", bold=True), C("Current", bold=True)],
    ]
    fields = ["ref", "desc", "lead", "due", "e0", "e1", "pct", "rag", "update"]
    title = "Yarrowdale Council: Best Value Action Plan – Progress to November 2022"
    cover = Sheet("Cover", [
        P(title, style="title"),
        P("Report Date: 18/11/2022"),
        P("Author: Policy and Performance Team"),
        P("Contents", style="heading"),
        P("Leadership", style="bullet"), P("Finance", style="bullet"), P("Community Engagement", style="bullet"),
        P("Glossary", style="bullet"),
    ])
    glossary = Sheet("Glossary", [
        P("Glossary", style="title"),
        T([*_bold("Term", "Meaning"),
            ["CMT", "Corporate Management Team"], ["Q1 2022/23", "April to June 2022"],
            ["Q2 2022/23", "July to September 2022"], ["Current", "Progress at the date of this report"],
            ["RAG", "Red, Amber or Green rating of progress; Complete where the action is finished"]],
          widths=[1.5, 5]),
    ])
    widths = [0.5, 4, 2, 1.1, 1.1, 1.1, 1, 0.8, 5]
    sheets = [cover] + [_theme_sheet(t, P(f"Theme: {t}", bold=True), header, fields, acts, st, widths)
                        for t in (L, F, CE)] + [glossary]
    return _spec("yarrowdale_bv_action_plan_progress_2022-11", title, "2022-11-18", acts, sheets,
                 ("xlsx", "lo-xlsx"), "two-row header: 'Progress' merged over 'Q1 2022/23', 'Q2 2022/23' (period "
                 "snapshots, % only) and 'Current' (report date); glossary repeats the period names", "xlsx",
                 ("2022-06-30", "2022-09-30")), key


# ---------------------------------------------------------------------------------------------
# self-check


def check(spec: PaperSpec, key: Key) -> None:
    """Each action sits on the theme sheet named by its theme, a row of its own; cover and notes
    sheets hold no action; a sheet published as a PDF names its theme in its title row."""
    check_paper(spec, key)
    assert spec.sheets and set(spec.producers) <= {"xlsx", "lo-xlsx"}, spec.name
    themes = {a.theme for a in spec.expected.actions}
    names = [s.name for s in spec.sheets]
    assert len(set(names)) == len(names) and themes <= set(names), (spec.name, themes, names)
    assert names[0] not in themes and names[-1] not in themes, (spec.name, "cover and notes sheets")
    for sheet in spec.sheets:
        mine = [a for a in spec.expected.actions if a.theme == sheet.name]
        tables = [b for b in sheet.blocks if isinstance(b, T)]
        rows = table_rows(sheet.blocks)
        if not mine:
            assert not any(clean(c.text) == a.description for r in rows for c in r for a in spec.expected.actions)
            continue
        assert len(tables) == 1 and len(tables[0].rows) - tables[0].header_rows == len(mine), (spec.name, sheet.name)
        first = sheet.blocks[0]
        if "lo-xlsx" in spec.producers:
            assert isinstance(first, P) and (first.text == sheet.name or first.text.endswith(": " + sheet.name)), (
                spec.name, sheet.name, "the PDF would not show the theme")
        for a in mine:
            hits = [r for r in rows if any(clean(c.text) == a.description for c in r)]
            assert len(hits) == 1, (spec.name, a.description)
            check_action(spec, a, hits[0], key)
            assert a.snapshots[-1].status_text, (spec.name, a.ref)


_BUILDERS: tuple[Callable[[], tuple[PaperSpec, Key]], ...] = (
    _ochilside, _dunmore, _lomondside, _kilbrannan, _braemoray, _yarrowdale)


def variants() -> list[PaperSpec]:
    out = []
    for build in _BUILDERS:
        spec, key = build()
        check(spec, key)
        out.append(spec)
    return out


if __name__ == "__main__":
    for v in variants():
        print(v.name, v.producers, len(v.expected.actions), [s.name for s in v.sheets or []])
