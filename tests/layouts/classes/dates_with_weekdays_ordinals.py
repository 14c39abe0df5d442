"""Layout class 'dates_with_weekdays_ordinals': target and report dates written with a weekday, an
ordinal, an abbreviated month with a point, in ISO form, as a week ending, or typed in a workbook
with a weekday number format.

A document whose target dates carry their weekday ('Friday 28 March 2025'), one revised with its
original in brackets, the report date 'Thursday 6th March 2025'; a document with ordinal target dates
('22nd May 2025', '30th June 2025 (31st March 2025)'), a 'Position at 30th September 2024' column and
the report date '3 Mar. 2025'; a workbook whose target dates are typed by hand in mixed forms ('31
Mar. 2025', '2025-03-31', 'w/e 28/03/2025', 'Sept. 2025', 'Tue 30 Sep 2025') or are real dates shown
'Friday 27 June 2025', the report date ISO; and a document, also drawn by reportlab, whose dates
carry a weekday and an ordinal with an abbreviated month ('Mon 31st Mar 2025', 'Fri, 27th June
2025'), the report date 'Wednesday, 19th February 2025'. Per the contract, dates are day-first: a
day date is that day (the weekday and 'w/e' add nothing), a month alone is its last day, a bracketed
date after a target is the original; a progress column whose header carries a date is a snapshot at
that date carrying its percentage only; the report date is the date the paper states.
"""

from __future__ import annotations

import datetime as dt

from ..spec import Block, C, P, PaperSpec, Sheet, T
from ._plans import Act, date_cell, expected, finished, h, pct_cell, rag_fill, rag_word

LAYOUT = "dates_with_weekdays_ordinals"


def _d(iso: str) -> dt.date:
    return dt.date.fromisoformat(iso)


def weekday(iso: str, short: bool = False) -> str:
    d = _d(iso)
    return f"{d:%a}" if short else f"{d:%A}"


def long_weekday(iso: str) -> str:  # 'Friday 28 March 2025'
    d = _d(iso)
    return f"{d:%A} {d.day} {d:%B %Y}"


def ordinal(n: int) -> str:
    return f"{n}{'th' if 11 <= n % 100 <= 13 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def ordinal_date(iso: str) -> str:  # '31st March 2025'
    d = _d(iso)
    return f"{ordinal(d.day)} {d:%B %Y}"


def abbrev_point(iso: str) -> str:  # '31 Mar. 2025' ('Sept.' for September, as often typed)
    d = _d(iso)
    mon = "Sept" if d.month == 9 else f"{d:%b}"
    return f"{d.day} {mon}. {d.year}"


# A: docx/pdf/lo-docx: every target date with its weekday; the report date with weekday and ordinal; one revised
#    date with the original in brackets, both with weekdays
def _aberfoyle() -> PaperSpec:
    spec_rows = [  # ref, action, lead, due ISO, original ISO or None, %, rag, update
        ("1", "Adopt a new local housing strategy", "Head of Housing", "2025-03-28", None, 80, "green",
         "Strategy consulted on; final version to committee on 27 March."),
        ("2", "Reduce the number of households in temporary accommodation by 15%", "Homelessness Manager",
         "2025-06-30", "2025-03-31", 35, "amber", "Numbers down 6%; target date moved to allow the new "
         "rapid rehousing plan to take effect."),
        ("3", "Deliver 150 new affordable homes with housing association partners", "Housing Strategy Manager",
         "2026-03-31", None, 45, "green", "68 homes completed and 52 on site."),
        ("4", "Bring 40 long-term empty homes back into use", "Empty Homes Officer", "2025-09-30", None, 20, "red",
         "Nine homes back in use; the grant scheme has had few applications."),
        ("5", "Review the housing revenue account business plan", "Chief Finance Officer", "2024-12-20", None, 100,
         "complete", "Business plan approved on 20 December."),
        ("6", "Carry out a tenant satisfaction survey", "Tenant Participation Officer", "2025-11-14", None, 10,
         "green", "Survey company appointed."),
    ]
    acts: list[Act] = []
    for ref, desc, lead, due, orig, pct, rag, upd in spec_rows:
        raw = long_weekday(due) + (f" ({long_weekday(orig)})" if orig else "")
        acts.append(Act(ref, desc, lead, raw, due, pct, rag, upd, original=orig))
    rows = [h("Ref", "Action", "Lead Officer", "Target Date", "% Complete", "RAG", "Progress")]
    rows += [[a.ref, a.desc, a.lead, a.due_raw, pct_cell(a.pct), rag_word(a.rag), a.update] for a in acts]
    title = "Aberfoyle Council – Housing Best Value Action Plan Update"
    rd = "2025-03-06"
    blocks: list[Block] = [P(title, "title"), P(f"Report Date: {weekday(rd)} {ordinal(6)} March 2025"),
              P("Where a target date has been revised, the original date is shown in brackets."),
              T(rows, widths=[0.5, 3.0, 1.8, 1.8, 1.0, 1.0, 3.4])]
    return PaperSpec(LAYOUT, "aberfoyle_housing_bv_action_plan_update_2025-03", blocks, expected(title, rd, acts),
                     producers=("docx", "pdf", "lo-docx"),
                     note="target dates 'Friday 28 March 2025'; report date 'Thursday 6th March 2025'; bracketed "
                          "original with weekday")


# B: docx/pdf/lo-docx: ordinal target dates ('31st March 2025', '22nd May 2025', '3rd November 2025'); an earlier
#    progress column headed 'Position at 30th September 2024'; the report date '3 Mar. 2025'; a revised date
#    '30th June 2025 (31st March 2025)'
def _comrie() -> PaperSpec:
    spec_rows = [
        ("2.1", "Implement a new performance management framework", "Head of Performance", "2025-03-31", None, 25,
         70, "green", "Framework launched; quarterly reports to CMT from January."),
        ("2.2", "Review the council's scheme of delegation", "Monitoring Officer", "2025-05-22", None, 10, 40,
         "amber", "Draft scheme with group leaders; committee date set for 22 May."),
        ("2.3", "Publish an annual Best Value self-assessment", "Head of Performance", "2025-06-30", "2025-03-31",
         0, 30, "amber", "First self-assessment delayed to include the year-end results."),
        ("2.4", "Reduce the time to pay suppliers to 10 days on average", "Head of Finance", "2024-12-02", None,
         60, 100, "complete", "Average now 8.7 days."),
        ("2.5", "Complete an equal pay audit", "Head of HR", "2025-11-03", None, 0, 15, "green",
         "Data extraction from the payroll system under way."),
        ("2.6", "Agree a council-wide data strategy", "Head of Digital", "2025-09-01", None, 20, 25, "red",
         "Chief data officer post vacant since November."),
    ]
    acts: list[Act] = []
    for ref, desc, lead, due, orig, prev, pct, rag, upd in spec_rows:
        raw = ordinal_date(due) + (f" ({ordinal_date(orig)})" if orig else "")
        acts.append(Act(ref, desc, lead, raw, due, pct, rag, upd, original=orig, earlier={"2024-09-30": prev}))
    rows = [h("Ref", "Action", "Responsible Officer", "Target Date", "Position at 30th September 2024",
              "Current Position", "RAG", "Update")]
    rows += [[a.ref, a.desc, a.lead, a.due_raw, pct_cell(a.earlier["2024-09-30"]), pct_cell(a.pct),
              rag_fill(a.rag, {"red": "R", "amber": "A", "green": "G", "complete": "C"}[a.rag]), a.update]
             for a in acts]
    title = "Comrie Council: Best Value Assurance Report Action Plan – Progress Update"
    rd = "2025-03-03"
    blocks: list[Block] = [P(title, "title"), P(f"Report Date: {abbrev_point(rd)}"),
              P("RAG: R – off track; A – at risk; G – on track; C – complete. Revised target dates show the "
                "original date in brackets."),
              T(rows, widths=[0.5, 2.8, 1.6, 1.6, 1.2, 1.0, 0.5, 3.2])]
    return PaperSpec(LAYOUT, "comrie_bvar_action_plan_progress_2025-03", blocks, expected(title, rd, acts),
                     producers=("docx", "pdf", "lo-docx"),
                     note="ordinal target dates; 'Position at 30th September 2024' column; report date '3 Mar. 2025'")


# C: workbook: target dates typed by hand in several ways ('31 Mar. 2025', '2025-03-31', 'w/e 28/03/2025',
#    'Sept. 2025', 'Tue 30 Sep 2025') and some typed as dates with a weekday number format; report date ISO
def _killin() -> PaperSpec:
    # ref, action, lead, printed date, ISO, typed?, %, rag, update
    spec_rows = [
        ("A1", "Agree a waste strategy for 2025 to 2030", "Waste Services Manager", abbrev_point("2025-03-31"),
         "2025-03-31", False, 75, "green", "Strategy to the Environment Committee in March."),
        ("A2", "Introduce food waste collections in rural areas", "Waste Services Manager", "2025-06-30",
         "2025-06-30", False, 40, "amber", "Vehicles ordered; delivery expected in May."),
        ("A3", "Reduce the number of missed bin collections to under 50 a week", "Operations Manager",
         "w/e 28/03/2025", "2025-03-28", False, 55, "amber", "Missed collections averaged 71 a week in January."),
        ("A4", "Review grass cutting and grounds maintenance standards", "Parks Manager", "Sept. 2025",
         "2025-09-30", False, 20, "green", "Survey of community councils complete."),
        ("A5", "Replace the fleet's oldest refuse vehicles with electric vehicles", "Fleet Manager",
         f"{weekday('2025-09-30', True)} 30 Sep 2025", "2025-09-30", False, 15, "red",
         "Grant bid was unsuccessful; alternative funding being sought."),
        ("A6", "Open a reuse shop at the household waste recycling centre", "Waste Services Manager",
         long_weekday("2025-06-27"), "2025-06-27", True, 30, "green", "Partner charity appointed to run the shop."),
        ("A7", "Adopt a new public conveniences policy", "Head of Environment", long_weekday("2024-12-13"),
         "2024-12-13", True, 100, "complete", "Policy adopted on 13 December."),
        ("A8", "Carry out a litter and fly-tipping campaign", "Environmental Wardens Team Leader",
         "w/e 16/05/2025", "2025-05-16", False, 5, "green", "Campaign materials being designed."),
    ]
    acts: list[Act] = []
    rows = [h("Ref", "Action", "Lead Officer", "Target Date", "% Complete", "RAG", "Progress Update",
                        fill="E2EFDA")]
    for ref, desc, lead, printed, iso, typed, pct, rag, upd in spec_rows:
        a = Act(ref, desc, lead, printed, iso, pct, rag, upd)
        acts.append(a)
        due = date_cell(printed, iso, fmt="dddd d mmmm yyyy") if typed else C(printed)
        rows.append([a.ref, a.desc, a.lead, due, pct_cell(a.pct, typed=True), rag_word(a.rag), a.update])
    title = "Killin Council – Environment Services Best Value Action Tracker"
    rd = "2025-02-14"
    blocks: list[Block] = [P(title, "title"), P("Report Date: 2025-02-14"),
              T(rows, widths=[0.5, 3.0, 1.9, 1.6, 0.9, 0.9, 3.2])]
    return PaperSpec(LAYOUT, "killin_environment_bv_action_tracker_2025-02", blocks, expected(title, rd, acts),
                     producers=("xlsx", "lo-xlsx"), sheets=[Sheet("Tracker", blocks)],
                     note="target dates hand-typed in mixed forms (abbrev. with point, ISO, w/e, month, short weekday) "
                          "and typed dates with a weekday format; report date ISO")


# D: docx/pdf/lo-docx: target dates with a short weekday and an ordinal ('Mon 31st Mar 2025'), some with a
#    comma after the weekday ('Fri, 27th June 2025'); a revised date with its original in brackets; the report
#    date 'Wednesday, 19th February 2025'; an earlier column headed 'At 31st December 2024'
def _strathyre() -> PaperSpec:
    def short(iso: str, comma: bool = False, month: str = "%b") -> str:
        d = _d(iso)
        return f"{d:%a}{',' if comma else ''} {ordinal(d.day)} {d.strftime(month)} {d.year}"

    spec_rows = [  # ref, action, lead, printed target, due ISO, original ISO, earlier %, %, rag, update
        ("P1", "Adopt the local development plan's delivery programme", "Development Plans Manager",
         short("2025-03-31"), "2025-03-31", None, 50, 70, "green", "Programme drafted with key agencies."),
        ("P2", "Clear the backlog of planning enforcement cases", "Planning Enforcement Officer",
         short("2025-06-27", comma=True, month="%B") + " (" + short("2025-03-28", comma=True, month="%B") + ")",
         "2025-06-27", "2025-03-28", 20, 35, "amber", "Backlog down from 140 to 96 cases; target date moved."),
        ("P3", "Introduce online submission of building warrant applications", "Building Standards Manager",
         short("2024-12-20"), "2024-12-20", None, 80, 100, "complete", "Online service went live on 16 December."),
        ("P4", "Prepare a supplementary guidance note on short-term lets", "Planning Policy Officer",
         short("2025-09-12", month="%B"), "2025-09-12", None, 0, 10, "red",
         "Work delayed until the national guidance is published."),
        ("P5", "Meet the statutory target for householder planning applications", "Development Manager",
         short("2025-03-31", comma=True), "2025-03-31", None, 60, 75, "green",
         "83% of householder applications decided within two months."),
    ]
    acts: list[Act] = []
    for ref, desc, lead, printed, due, orig, prev, pct, rag, upd in spec_rows:
        acts.append(Act(ref, desc, lead, printed, due, pct, rag, upd, original=orig, earlier={"2024-12-31": prev}))
    rows = [h("Ref", "Action", "Lead Officer", "Target Date", "At 31st December 2024", "Current %", "RAG",
              "Progress", fill="E2EFDA")]
    rows += [[a.ref, a.desc, a.lead, a.due_raw, pct_cell(a.earlier["2024-12-31"]), pct_cell(a.pct), rag_word(a.rag),
              a.update] for a in acts]
    title = "Strathyre Council – Planning Service Best Value Action Plan Update"
    rd = "2025-02-19"
    blocks: list[Block] = [P(title, "title"), P("Report Date: Wednesday, 19th February 2025"),
                           P("Revised target dates show the original date in brackets."),
                           T(rows, widths=[0.4, 2.8, 1.6, 1.9, 1.1, 0.9, 1.0, 3.0])]
    return PaperSpec(LAYOUT, "strathyre_planning_bv_action_plan_update_2025-02", blocks, expected(title, rd, acts),
                     producers=("docx", "pdf", "lo-docx"),
                     note="target dates 'Mon 31st Mar 2025' / 'Fri, 27th June 2025'; report date 'Wednesday, 19th "
                          "February 2025'; 'At 31st December 2024' column")


def variants() -> list[PaperSpec]:
    return finished([_aberfoyle(), _comrie(), _killin(), _strathyre()])
