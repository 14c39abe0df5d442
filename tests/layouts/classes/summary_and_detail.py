"""Layout class 'summary_and_detail': a paper listing the same actions twice, a short summary table
(ref, short description, RAG or %) and a detailed table (ref, full description, lead, target
date, progress, commentary), the detail sometimes in an appendix after the summary, in Word, in
a workbook (two tables on one sheet, side by side or one under the other, or sheets 'Summary' and
'Detail') and in PDFs.

Per the contract each action is extracted once: the detailed row's fields first (its full
description, not the summary's short one), the summary filling blanks (RAG only in the summary,
or the percentage only in the summary); no duplicate_action. :func:`check` holds every variant to
that: each action has one row in each table, and the detailed row alone would not give the
expected (the summary really fills a blank).

The record, cells and per-action checks are shared with :mod:`.colour_keys`.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..spec import Block, C, Expected, P, PaperSpec, Producer, Sheet, T
from .colour_keys import (
    Act,
    Key,
    Style,
    all_blocks,
    cell_for,
    check_action,
    check_paper,
    clean,
    expected_action,
    fill_of,
    pct_text,
    swatch,
)

LAYOUT = "summary_and_detail"
Cell = C | str


def _bold(*names: str) -> list[Cell]:
    return [C(n, bold=True) for n in names]


def _table(header: list[Cell], fields: list[str], acts: list[Act], st: Style, *, theme_label: str | None = None,
           widths: list[float] | None = None, at: tuple[int, int] | None = None) -> T:
    """One row per action; ``theme_label`` ('BVAR Recommendation {n}: {theme}'): a full-width row
    before each theme's actions."""
    rows: list[list[Cell]] = [header]
    last, n = None, 0
    for a in acts:
        if theme_label and a.theme != last:
            n, last = n + 1, a.theme
            rows.append([C(theme_label.format(n=n, theme=a.theme), colspan=len(header), bold=True)])
        rows.append([cell_for(a, f, st) for f in fields])
    return T(rows, widths=widths, at=at)


def _words(key: Key) -> Callable[[Act], Cell]:
    word = {v: k for k, v in key.items()}
    return lambda a: word[a.rag]


def _blank(a: Act) -> Cell:
    return ""


def _spec(name: str, title: str, rd: str, acts: list[Act], blocks: list[Block], producers: tuple[Producer, ...],
          note: str, pct: str, earlier_dates: tuple[str, ...] = (), sheets: list[Sheet] | None = None,
          **details: str) -> PaperSpec:
    exp = Expected(title=title, report_date=rd, actions=[expected_action(a, rd, pct_text(pct), earlier_dates)
                                                          for a in acts], **details)
    return PaperSpec(LAYOUT, name, blocks, exp, producers=producers, sheets=sheets, note=note)


def _short(text: str) -> dict[str, Cell]:
    return {"short": text}


# ---------------------------------------------------------------------------------------------
# A: Word report, summary (ref, short title, RAG words) in the body, the detail in Appendix 1


def _ardmore() -> tuple[PaperSpec, Key]:
    key = {"Red": "red", "Amber": "amber", "Green": "green", "Complete": "complete"}
    t1 = "Members and officers should work together to set clear priorities and improve scrutiny"
    t2 = "The council should develop a medium-term financial strategy that supports its priorities"
    t3 = "The council should plan its workforce to deliver its priorities"
    acts = [
        Act("1.1", "Agree a revised protocol on relations between members and officers and include it in the "
            "council's constitution", "Head of Legal and Democratic Services", "31/12/2022", "2022-12-31", 60,
            "green", "Draft protocol discussed with group leaders in September. Report to council in December.",
            theme=t1, extra=_short("Member–officer protocol")),
        Act("1.2", "Deliver a member development programme for the new council, covering scrutiny, finance and "
            "the Best Value duty", "Head of Legal and Democratic Services", "31/03/2023", "2023-03-31", 40,
            "green", "Induction completed in June. Finance and scrutiny modules run from October to February.",
            theme=t1, extra=_short("Member development programme")),
        Act("2.1", "Prepare a medium-term financial strategy for 2023/24 to 2027/28 with savings targets for "
            "each year", "Head of Finance", "31/12/2022", "2022-12-31", 35, "amber",
            "Funding scenarios modelled. Savings targets depend on the Scottish Government's resource spending "
            "review, published later than expected.", theme=t2, extra=_short("Medium-term financial strategy")),
        Act("2.2", "Agree a reserves policy setting a minimum level of unallocated general fund balance",
            "Head of Finance", "30/06/2022", "2022-06-30", 100, "complete",
            "Policy approved by council on 23 June 2022.", theme=t2, extra=_short("Reserves policy")),
        Act("3.1", "Publish a workforce plan for 2022–2025 that addresses recruitment difficulties in social "
            "care and planning", "Head of HR", "30/09/2022", "2022-09-30", 20, "red",
            "The plan has missed its target date.\nService workforce data is incomplete; a revised date of "
            "March 2023 is proposed.", theme=t3, extra=_short("Workforce plan")),
        Act("3.2", "Provide digital skills training for staff who do not use a computer in their daily work",
            "Head of HR", "Q4 2022/23", "2023-03-31", 15, "amber",
            "Pilot with waste services staff completed; funding for the full programme is not yet confirmed.",
            theme=t3, extra=_short("Digital skills for staff")),
    ]
    st = Style("pct", False, _words(key))
    summary = _table(_bold("Ref", "Action", "RAG"), ["ref", "x:short", "rag"], acts, st, widths=[0.6, 4, 1])
    detail = _table(_bold("Ref", "Action", "Lead Officer", "Target Date", "% Complete", "Progress Update"),
                    ["ref", "desc", "lead", "due", "pct", "update"], acts, Style("pct", False, _blank),
                    theme_label="BVAR Recommendation {n}: {theme}", widths=[0.6, 4, 2, 1.5, 1.5, 4.3])
    title = "Ardmore Council – Best Value Action Plan: Six-Monthly Progress Report"
    blocks: list[Block] = [
        P(title, style="title"),
        P("Report to: Audit and Scrutiny Committee"),
        P("Report Date: 05/10/2022"),
        P("1. Purpose", style="heading"),
        P("To report progress with the Best Value Action Plan agreed by council in response to the Best Value "
          "Assurance Report."),
        P("2. Summary of progress", style="heading"),
        P("One action is complete, two are on track, two have some slippage and one is off track. The table "
          "below summarises the position; Appendix 1 gives the detail."),
        summary,
        P("3. Recommendation", style="heading"),
        P("The Committee is asked to note the progress made."),
        P("Appendix 1 – Detailed progress against the Best Value Action Plan", style="heading"),
        detail,
    ]
    return _spec("ardmore_bv_action_plan_six_monthly_progress_2022-10", title, "2022-10-05", acts, blocks,
                 ("docx", "pdf", "lo-docx"), "Word report: summary (ref, short title, RAG words) in the body, "
                 "detailed table with BVAR Recommendation rows in Appendix 1; RAG only in the summary", "pct"), key


# ---------------------------------------------------------------------------------------------
# B: workbook, sheets 'Summary' (ref, short title, %, RAG fill with a key) and 'Detail'


def _cairnhill() -> tuple[PaperSpec, Key]:
    key = {"FF0000": "red", "FFC000": "amber", "00B050": "green", "0070C0": "complete",
           "Behind schedule": "red", "Slight delay": "amber", "On course": "green", "Complete": "complete"}
    acts = [
        Act("T1", "Establish a transformation programme board chaired by the Chief Executive, with a benefits "
            "register for each project", "Chief Executive", "30/09/2022", "2022-09-30", 100, "complete",
            "Board established in August; benefits registers are in place for all eight projects.",
            extra=_short("Transformation programme board")),
        Act("T2", "Approve a digital strategy for 2023–2026 with a costed delivery plan", "Head of ICT",
            "31/03/2023", "2023-03-31", 40, "green", "Strategy consultation closed in November; 640 responses "
            "received.", extra=_short("Digital strategy")),
        Act("T3", "Review the office estate to reduce running costs by 20% by 2025", "Head of Property",
            "31/12/2022", "2022-12-31", 30, "red",
            "The staff survey on hybrid working was completed late. The options appraisal is now expected in "
            "March.", extra=_short("Office estate review")),
        Act("T4", "Deliver £1.5m of procurement savings through contract reviews", "Procurement Manager",
            "31/03/2023", "2023-03-31", 55, "amber",
            "£0.8m of savings confirmed. Price increases on two major contracts have reduced the savings "
            "expected.", extra=_short("Procurement savings")),
        Act("T5", "Bring the council's contact centres together into a single customer service centre",
            "Head of Customer Services", "30/06/2023", "2023-06-30", 25, "green",
            "Business case approved; the telephony procurement is under way.",
            extra=_short("Customer service centre")),
    ]
    rag_fill = Style("xlsx", True, lambda a: swatch(fill_of(key, a.rag)))
    title = "Cairnhill Council – Transformation and Best Value Action Plan"
    summary = Sheet("Summary", [
        P(title, style="title"),
        P("Report Date: 12/12/2022"),
        T([[C("Key", bold=True), C("Behind schedule", fill="FF0000"), C("Slight delay", fill="FFC000"),
            C("On course", fill="00B050"), C("Complete", fill="0070C0")]], header_rows=0),
        _table(_bold("Ref", "Action", "% Complete", "RAG"), ["ref", "x:short", "pct", "rag"], acts, rag_fill,
               widths=[0.6, 3.5, 1, 0.7]),
    ])
    detail = Sheet("Detail", [
        P("Detailed progress", style="heading"),
        _table(_bold("Ref", "Action", "Lead Officer", "Target Date", "% Complete", "Commentary"),
               ["ref", "desc", "lead", "due", "pct", "update"], acts, Style("xlsx", True, _blank),
               widths=[0.6, 4, 2, 1.1, 1, 5]),
    ])
    return _spec("cairnhill_transformation_bv_action_plan_2022-12", title, "2022-12-12", acts, [],
                 ("xlsx", "lo-xlsx"), "workbook: 'Summary' sheet (ref, short title, %, RAG as fill with a key "
                 "of coloured labels) and 'Detail' sheet (full description, lead, date, %, commentary); RAG only "
                 "in the summary; the same % in both", "xlsx", sheets=[summary, detail]), key


# ---------------------------------------------------------------------------------------------
# C: one sheet, the summary (status words) above the detail (themes, an earlier dated column)


def _glenrothay() -> tuple[PaperSpec, Key]:
    key = {"Off track": "red", "Some slippage": "amber", "On track": "green", "Complete": "complete"}
    t1 = "The council should improve how it reports performance to members and the public"
    t2 = "The council should give communities a greater say in decisions that affect them"
    acts = [
        Act("1.1", "Set measurable outcomes for each Council Plan priority and report them annually",
            "Head of Policy and Performance", "30/09/2023", "2023-09-30", 55, "green",
            "Outcome measures agreed by the Corporate Management Team in May; baseline data being collected.",
            theme=t1, earlier=(40,), extra=_short("Council Plan outcomes")),
        Act("1.2", "Publish an annual performance report that includes Local Government Benchmarking Framework "
            "comparisons", "Head of Policy and Performance", "31/08/2023", "2023-08-31", 35, "amber",
            "Drafting started. Publication of the national benchmarking data has been delayed to July.",
            theme=t1, earlier=(20,), extra=_short("Annual performance report")),
        Act("1.3", "Complete a self-evaluation of every service using the council's improvement framework over "
            "two years", "Head of Policy and Performance", "31/03/2024", "2024-03-31", 15, "red",
            "Only two services have completed a self-evaluation. Facilitators have been redeployed to the "
            "budget programme.", theme=t1, earlier=(10,), extra=_short("Service self-evaluation")),
        Act("2.1", "Refresh the locality plans for each of the three localities with community planning partners",
            "Community Planning Lead", "31/12/2023", "2023-12-31", 40, "green",
            "Community conversations held in all three localities; draft plans due in September.",
            theme=t2, earlier=(25,), extra=_short("Locality plans")),
        Act("2.2", "Introduce a single point of contact for community asset transfer requests", "Head of Estates",
            "31/03/2023", "2023-03-31", 100, "complete",
            "Community asset transfer officer in post since March; guidance published online.",
            theme=t2, earlier=(80,), extra=_short("Community asset transfer")),
        Act("2.3", "Extend participatory budgeting to the roads and environmental services budgets",
            "Head of Environment", "Q3 2023/24", "2023-12-31", 10, "amber",
            "Options paper prepared; members asked for further work on the amount to be allocated.",
            theme=t2, earlier=(5,), extra=_short("Participatory budgeting")),
    ]
    title = "Glenrothay Council – Best Value Improvement Plan: Progress Report"
    summary = _table(_bold("Ref", "Action", "Status"), ["ref", "x:short", "rag"], acts,
                     Style("xlsx", True, _words(key)), widths=[0.6, 4, 1.2])
    detail = _table(_bold("Ref", "Action", "Lead", "Target Date", "% at 31/03/2023", "% Complete",
                          "Progress Commentary"),
                    ["ref", "desc", "lead", "due", "e0", "pct", "update"], acts, Style("xlsx", True, _blank),
                    theme_label="Audit Recommendation {n}: {theme}", widths=[0.6, 4, 2, 1.1, 1, 1, 5])
    blocks: list[Block] = [
        P(title, style="title"),
        P("Report Date: 15/06/2023"),
        P("Summary", style="heading"),
        P("Status: On track (green), Some slippage (amber), Off track (red), Complete"),
        summary,
        P("Detailed progress", style="heading"),
        detail,
    ]
    return _spec("glenrothay_bv_improvement_plan_progress_2023-06", title, "2023-06-15", acts, blocks,
                 ("xlsx", "lo-xlsx"), "one sheet: summary (ref, short title, status words defined by a key "
                 "line) above the detailed table (Audit Recommendation rows, '% at 31/03/2023' column); RAG only "
                 "in the summary", "xlsx", ("2023-03-31",), sheets=[Sheet("Progress Report", blocks)]), key


# ---------------------------------------------------------------------------------------------
# D: Word/PDF, the percentage only in the summary, RAG words and commentary in the detail


def _corrieburn() -> tuple[PaperSpec, Key]:
    key = {"Concern": "red", "Caution": "amber", "On Target": "green", "Complete": "complete"}
    acts = [
        Act("1", "Prepare a 30-year Housing Revenue Account business plan", "Head of Housing", "31/12/2022",
            "2022-12-31", 50, "green",
            "Stock condition survey complete. Rent modelling options go to tenants' groups in September.",
            extra=_short("HRA business plan")),
        Act("2", "Improve tenant satisfaction with the repairs service, measured through the biennial tenant "
            "survey", "Head of Housing", "31/03/2023", "2023-03-31", 30, "amber",
            "Repairs appointment system introduced in May. Backlog from the pandemic still affects response "
            "times.", extra=_short("Tenant satisfaction")),
        Act("3", "Agree an economic recovery plan with the local business community",
            "Head of Economic Development", "30/06/2022", "2022-06-30", 100, "complete",
            "Plan agreed with the Chamber of Commerce and approved by council on 16 June.",
            extra=_short("Economic recovery plan")),
        Act("4", "Publish a climate change action plan setting out how the council will reach net zero by 2045",
            "Head of Sustainability", "30/11/2022", "2022-11-30", 15, "red",
            "The climate change officer post has been vacant since April; the plan will not be ready by "
            "November.", extra=_short("Climate change plan")),
        Act("5", "Refresh the corporate risk register and report it to the Audit Committee every six months",
            "Chief Internal Auditor", "30/09/2022", "2022-09-30", 70, "green",
            "Register refreshed with the Corporate Management Team in July; first report to the Audit Committee "
            "in September.", extra=_short("Corporate risk register")),
    ]
    title = "Corrieburn Council: Best Value Action Plan Update"
    summary = _table(_bold("No.", "Action", "% Complete"), ["ref", "x:short", "pct"], acts,
                     Style("pct", False, _blank), widths=[0.5, 4, 1])
    detail = _table(_bold("No.", "Action", "Lead Officer", "Due Date", "RAG", "Progress Commentary"),
                    ["ref", "desc", "lead", "due", "rag", "update"], acts, Style("pct", False, _words(key)),
                    widths=[0.5, 4, 2, 1.5, 1.4, 4.6])
    blocks: list[Block] = [
        P(title, style="title"),
        P("Report Date: 22/08/2022"),
        P("Report by the Chief Executive to the Policy and Resources Committee"),
        P("Summary of progress", style="heading"),
        summary,
        P("Progress in detail", style="heading"),
        P("RAG status: On Target, Caution, Concern, Complete."),
        detail,
    ]
    return _spec("corrieburn_bv_action_plan_update_2022-08", title, "2022-08-22", acts, blocks,
                 ("pdf", "docx", "lo-docx"), "percentage only in the summary table; RAG words ('On Target', "
                 "'Caution', 'Concern') and commentary only in the detailed table that follows", "pct"), key


# ---------------------------------------------------------------------------------------------
# E: Word, a count of actions by RAG, a summary with fill-only RAG and a legend, Appendix A detail


def _balgownie() -> tuple[PaperSpec, Key]:
    key = {"C00000": "red", "FFC000": "amber", "00B050": "green", "0070C0": "complete",
           "Off target": "red", "Some concerns": "amber", "On target": "green", "Complete": "complete"}
    acts = [
        Act("A1", "Review the council's governance arrangements, including the number and remit of committees",
            "Chief Executive", "30/06/2023", "2023-06-30", 70, "green",
            "Review report considered by group leaders in March. Recommendations go to council in June.",
            earlier=(50,), service_lead="Head of Democratic Services", extra=_short("Governance review")),
        Act("A2", "Provide scrutiny training for all members of the Audit and Scrutiny Committee",
            "Chief Executive", "31/03/2023", "2023-03-31", 100, "complete",
            "Training delivered by the Improvement Service in February; all members attended.",
            earlier=(60,), extra=_short("Scrutiny training")),
        Act("A3", "Engage communities on budget options before the budget is set each year", "Director of Finance",
            "28/02/2023", "2023-02-28", 60, "amber",
            "• Online budget survey ran in December and January.\n"
            "• Face-to-face sessions were limited by the timing of the settlement.",
            earlier=(40,), service_lead="Head of Communications", extra=_short("Budget engagement")),
        Act("A4", "Report delivery of approved savings to every meeting of the Finance Committee",
            "Director of Finance", "30/09/2023", "2023-09-30", 45, "green",
            "Savings tracker reported in January and April; format agreed with the Committee's convener.",
            earlier=(20,), service_lead="Finance Manager", extra=_short("Savings tracker")),
        Act("A5", "Develop a workforce strategy with succession plans for key posts", "Director of People",
            "31/12/2023", "2023-12-31", 15, "red",
            "Work paused during the pay negotiations. A revised plan for the strategy goes to the Corporate "
            "Management Team in May.", earlier=(10,), service_lead="Head of HR", extra=_short("Workforce strategy")),
        Act("A6", "Run an all-staff survey every two years and publish the action plan that follows it",
            "Director of People", "Q2 2023/24", "2023-09-30", 25, "amber",
            "Survey questions agreed with the trade unions; the survey opens in May, later than planned.",
            earlier=(0,), extra=_short("Staff survey")),
    ]
    counts: list[list[Cell]] = [[label, str(sum(a.rag == rag for a in acts))]
              for label, rag in (("Complete", "complete"), ("On target", "green"), ("Some concerns", "amber"),
                                 ("Off target", "red"))]
    title = "Balgownie Council – Best Value Action Plan Progress Report"
    summary = _table(_bold("Ref", "Action", "RAG"), ["ref", "x:short", "rag"], acts,
                     Style("pct", False, lambda a: swatch(fill_of(key, a.rag))), widths=[0.5, 4, 0.7])
    detail = _table(_bold("Ref", "Action", "Lead", "Service Lead", "Target Date", "Progress at 31/12/2022",
                          "% Complete", "Update"),
                    ["ref", "desc", "lead", "service_lead", "due", "e0", "pct", "update"], acts,
                    Style("pct", False, _blank), widths=[0.8, 3.4, 1.6, 2, 1.5, 1.8, 1.6, 3.7])
    blocks: list[Block] = [
        P(title, style="title"),
        P("Report Date: 27/04/2023"),
        P("Audit and Scrutiny Committee"),
        P("1. Overview", style="heading"),
        P("The table below shows the number of actions at each status."),
        T([_bold("Status", "Number of actions"), *counts], widths=[2, 1.5]),
        P("2. Summary by action", style="heading"),
        summary,
        P("Key", bold=True),
        T([[swatch("C00000"), "Off target"], [swatch("FFC000"), "Some concerns"], [swatch("00B050"), "On target"],
           [swatch("0070C0"), "Complete"]], header_rows=0, widths=[0.4, 2]),
        P("Appendix A: Detailed progress by action", style="heading"),
        detail,
    ]
    return _spec("balgownie_bv_action_plan_progress_2023-04", title, "2023-04-27", acts, blocks,
                 ("docx", "pdf", "lo-docx"), "a table counting actions by status (not actions), a summary with "
                 "RAG as fill only and a swatch legend, Appendix A with service lead ('-' = none), "
                 "'Progress at 31/12/2022' and bullets; RAG only in the summary", "pct", ("2022-12-31",)), key


# ---------------------------------------------------------------------------------------------
# F: one sheet, the detail on the left and the summary (ref, short title, RAG fill) to its right


def _kirkmichael() -> tuple[PaperSpec, Key]:
    key = {"E06666": "red", "FFD966": "amber", "93C47D": "green", "6FA8DC": "complete",
           "Not on track": "red", "At risk": "amber", "On track": "green", "Complete": "complete"}
    acts = [
        Act("1", "Publish a route map to net zero for the council's own estate and fleet", "Head of Sustainability",
            "31/03/2024", "2024-03-31", 45, "green",
            "Carbon baseline for the estate complete; the fleet baseline follows in November.",
            extra=_short("Net zero route map")),
        Act("2", "Replace 30% of the council's light fleet with electric vehicles", "Fleet Manager",
            "31/03/2025", "2025-03-31", 20, "amber",
            "24 of 120 vans replaced. Charging points at two depots are waiting for grid connections.",
            extra=_short("Fleet electrification")),
        Act("3", "Review the capital programme to reflect construction inflation and re-phase projects",
            "Head of Finance", "30/09/2023", "2023-09-30", 100, "complete",
            "Re-phased capital programme approved by council on 21 September.",
            extra=_short("Capital programme review")),
        Act("4", "Identify new sources of income, including charging for garden waste and pre-application "
            "planning advice", "Head of Finance", "31/12/2023", "2023-12-31", 30, "red",
            "Garden waste charge approved. Planning advice charges were deferred by the Planning Committee.",
            extra=_short("Income generation")),
        Act("5", "Update the corporate asset management plan", "Head of Property", "Q4 2023/24", "2024-03-31", 60,
            "green", "Condition surveys complete for 80% of buildings.", extra=_short("Asset management plan")),
    ]
    title = "Kirkmichael Council – Best Value Action Plan Tracker"
    detail = _table(_bold("Ref", "Action", "Lead Officer", "Target Date", "% Complete", "Commentary"),
                    ["ref", "desc", "lead", "due", "pct", "update"], acts, Style("xlsx", True, _blank),
                    widths=[0.5, 4, 1.8, 1.1, 1, 4.5], at=(5, 1))
    summary = _table(_bold("Ref", "Summary", "RAG"), ["ref", "x:short", "rag"], acts,
                     Style("xlsx", True, lambda a: swatch(fill_of(key, a.rag))), widths=[0.5, 2.5, 0.6], at=(5, 8))
    legend = T([[swatch("E06666"), "Not on track"], [swatch("FFD966"), "At risk"], [swatch("93C47D"), "On track"],
                [swatch("6FA8DC"), "Complete"]], header_rows=0, widths=[0.6, 2], at=(12, 10))
    blocks: list[Block] = [
        P(title, style="title", at=(1, 1)),
        P("Report Date: 31/10/2023", at=(2, 1)),
        P("Detailed progress", bold=True, at=(4, 1)),
        P("At a glance", bold=True, at=(4, 8)),
        detail, summary, legend,
    ]
    return _spec("kirkmichael_bv_action_plan_tracker_2023-10", title, "2023-10-31", acts, blocks,
                 ("xlsx", "lo-xlsx"), "one sheet: the detailed table at A5 and an 'At a glance' summary (ref, "
                 "short title, RAG fill) beside it at H5 (T.at), its swatch legend under its RAG column; RAG only "
                 "in the summary", "xlsx", sheets=[Sheet("Action Plan", blocks)]), key


# ---------------------------------------------------------------------------------------------
# self-check


def check(spec: PaperSpec, key: Key) -> None:
    """Each action has one row in the detailed table (its full description) and one in the summary
    (its ref and a shorter description); the expected is what both rows print, and the detailed
    row alone would not give it."""
    check_paper(spec, key)
    tables = [b for b in all_blocks(spec) if isinstance(b, T)]

    def rows_of(t: T) -> list[list[C]]:
        return [[c if isinstance(c, C) else C(c) for c in r] for r in t.rows]

    for a in spec.expected.actions:
        detail = [(t, r) for t in tables for r in rows_of(t) if any(clean(c.text) == a.description for c in r)]
        assert len(detail) == 1, (spec.name, a.description)
        dt_, drow = detail[0]
        summary = [(t, r) for t in tables if t is not dt_ for r in rows_of(t) if r[0].text == a.ref]
        assert len(summary) == 1, (spec.name, a.ref, len(summary))
        srow = summary[0][1]
        short = [c.text for c in srow if re.search("[a-z]", c.text) and c.text not in key]
        assert short and all(len(s) < len(a.description) for s in short), (spec.name, a.ref, short)
        check_action(spec, a, drow + srow, key)
        try:
            check_action(spec, a, drow, key)
        except AssertionError:
            pass
        else:
            raise AssertionError((spec.name, a.ref, "the summary fills no blank"))
        assert a.snapshots[-1].status_text, (spec.name, a.ref)


_BUILDERS: tuple[Callable[[], tuple[PaperSpec, Key]], ...] = (
    _ardmore, _cairnhill, _glenrothay, _corrieburn, _balgownie, _kirkmichael)


def variants() -> list[PaperSpec]:
    out = []
    for build in _BUILDERS:
        spec, key = build()
        check(spec, key)
        out.append(spec)
    return out


if __name__ == "__main__":
    for v in variants():
        print(v.name, v.producers, len(v.expected.actions))
