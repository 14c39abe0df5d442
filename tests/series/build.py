"""Build the series papers: successive committee papers of one plan, to test what moved between them.

    .venv/bin/python tests/series/build.py

Writes, under ``tests/series/``:

- ``papers/<series>/``: for each :data:`SERIES`, three progress papers of one council's plan (the
  same title bar its date, three report dates a quarter apart), all in one producer's form, with
  ``expected/<series>.json``: each paper's file name, report date and actions (ref, percentage,
  RAG), and the contract's ``changes`` rows between the two latest papers, keyed by ref. Between
  the second and the third paper each series has an action that is new, one dropped, one that
  becomes complete, a RAG that gets worse, one better, one the same, a target date moved later,
  one moved earlier, and progress that moves; the first paper differs from the second (and holds
  an action neither later paper has), so comparing it by mistake changes the rows.
- ``papers/duplicate_pair/``: one paper as a .docx and as the PDF LibreOffice prints from that
  very .docx (one file stem), and an unrelated paper of another council; ``papers/later_paper/``:
  the same plan's next paper (a later report date, the same actions and values) as a .docx and
  its LibreOffice PDF, which repeat neither of the first two. ``expected/duplicate_pair.json``.
- ``papers/flat_folder/``: papers of two councils in one folder, told apart only by their file
  names' prefixes (``sbc_``, ``kdc_``: no title names a council), and one paper neither prefix
  nor title places; ``expected/flat_folder.json``.

Everything is rebuilt from scratch and is byte-for-byte reproducible: file dates are fixed (each
spec's ``modified``), zip members dated 1980, reportlab invariant, LibreOffice's dates and ids
rewritten (:mod:`layouts.render`).
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

HERE = Path(__file__).resolve().parent
TESTS = HERE.parent
if str(TESTS) not in sys.path:
    sys.path.insert(0, str(TESTS))

from layouts.render import LoJob, libreoffice_pdfs, narrow_words, when, write_docx, write_pdf, write_xlsx  # noqa: E402
from layouts.spec import Action, Block, C, Expected, P, PaperSpec, Producer, Sheet, Snapshot, T  # noqa: E402

PAPERS = HERE / "papers"
EXPECTED = HERE / "expected"
LAYOUT = "series"

RAG_ORDER = {"red": 0, "amber": 1, "green": 2, "complete": 3}  # not_started stands apart
HEAD = "D9E2F3"
THEME = "DDEBF7"

# ---------------------------------------------------------------------------------------------
# the model: an action and what each paper of a series prints for it
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class State:
    """What one paper prints for one action."""

    pct: int
    rag: str  # red, amber, green, complete, not_started
    due: str  # ISO
    update: str


S = State
Three = tuple[State | None, State | None, State | None]


@dataclass(frozen=True)
class Item:
    ref: str
    description: str
    lead: str
    states: Three  # papers 1, 2, 3 (None: not in that paper)
    theme: str | None = None


@dataclass(frozen=True)
class Series:
    name: str  # folder and JSON name
    producer: Producer
    organisation: str
    stem: str  # file stem without its date
    title: str
    dates: tuple[str, str, str]  # report dates, ISO
    items: list[Item]
    layout: Callable[[Series, int], list[Block]]  # a paper's blocks (for a workbook: its one sheet)
    sheet: str | None = None  # a workbook's sheet name


def day(iso: str) -> dt.date:
    return dt.date.fromisoformat(iso)


def dmy(iso: str) -> str:
    return day(iso).strftime("%d/%m/%Y")


def long_date(iso: str) -> str:
    d = day(iso)
    return f"{d.day} {d:%B %Y}"


def states_in(series: Series, paper: int) -> list[tuple[Item, State]]:
    return [(item, state) for item in series.items if (state := item.states[paper]) is not None]


# ---------------------------------------------------------------------------------------------
# what the contract's changes table holds for a series, worked out from the model
# ---------------------------------------------------------------------------------------------


def rag_change(before: str | None, after: str | None) -> str | None:
    if before is None or after is None:
        return None
    if before == after:
        return "same"
    if before not in RAG_ORDER or after not in RAG_ORDER:
        return None  # not_started stands apart
    return "better" if RAG_ORDER[after] > RAG_ORDER[before] else "worse"


def change_row(item: Item) -> dict[str, object]:
    _, was, now = item.states
    status = "continuing" if was and now else "new" if now else "dropped"
    row: dict[str, object] = {
        "status": status,
        "previous_percent": float(was.pct) if was else None,
        "percent_complete": float(now.pct) if now else None,
        "percent_change": float(now.pct - was.pct) if was and now else None,
        "previous_rag": was.rag if was else None,
        "rag": now.rag if now else None,
        "rag_change": rag_change(was.rag if was else None, now.rag if now else None),
        "completed": bool(now and now.rag == "complete" and not (was and was.rag == "complete")),
        "previous_due_date": was.due if was else None,
        "due_date": now.due if now else None,
        "days_moved": (day(now.due) - day(was.due)).days if was and now else None,
    }
    return row


def changes(series: Series) -> dict[str, dict[str, object]]:
    return {item.ref: change_row(item) for item in series.items if item.states[1] or item.states[2]}


def coverage_problems(series: Series) -> list[str]:
    """What a series must show between its two latest papers, and does not."""
    rows = list(changes(series).values())
    wanted: dict[str, Callable[[dict[str, object]], bool]] = {
        "a new action": lambda r: r["status"] == "new",
        "a dropped action": lambda r: r["status"] == "dropped",
        "an action becoming complete": lambda r: r["completed"] is True and r["percent_complete"] == 100.0,
        "a RAG worse": lambda r: r["rag_change"] == "worse",
        "a RAG better": lambda r: r["rag_change"] == "better",
        "a RAG the same": lambda r: r["rag_change"] == "same",
        "a target moved later": lambda r: isinstance(r["days_moved"], int) and r["days_moved"] > 0,
        "a target moved earlier": lambda r: isinstance(r["days_moved"], int) and r["days_moved"] < 0,
        "progress moving": lambda r: isinstance(r["percent_change"], float) and r["percent_change"] != 0,
    }
    problems = [f"{series.name}: no {what}" for what, test in wanted.items() if not any(test(r) for r in rows)]
    for item in series.items:
        for state in item.states:
            if state and (state.rag == "complete") != (state.pct == 100):
                problems.append(f"{series.name} {item.ref}: complete is 100% and only 100%")
        _, was, now = item.states
        if was and now and was.rag == now.rag == "not_started":
            problems.append(f"{series.name} {item.ref}: not started in both papers (rag_change ambiguous)")
    first, second = ({i.ref: i.states[p] for i in series.items if i.states[p]} for p in (0, 1))
    if not set(first) - set(second):
        problems.append(f"{series.name}: the first paper has no action of its own")
    if not any(first.get(ref) and first[ref] != state for ref, state in second.items()):
        problems.append(f"{series.name}: the first paper repeats the second")
    return problems


# ---------------------------------------------------------------------------------------------
# the series
# ---------------------------------------------------------------------------------------------

RAG_WORDS = {"red": "Red", "amber": "Amber", "green": "Green", "complete": "Complete", "not_started": "Not Started"}


def _strathbeg_blocks(series: Series, paper: int) -> list[Block]:
    """Word: 'Report Date:' line, purpose and recommendation headings, RAG as words (no fills)."""
    previous = ("", "The previous update was considered by the Committee on 14 February 2022. ",
                "The previous update was considered by the Committee on 16 May 2022. ")[paper]
    rows: list[list[C | str]] = [[C(h, bold=True, fill=HEAD) for h in (
        "Ref", "Action", "Lead Officer", "Target Date", "% Complete", "RAG", "Progress Update")]]
    for item, st in states_in(series, paper):
        rows.append([item.ref, item.description, item.lead, dmy(st.due), f"{st.pct}%", RAG_WORDS[st.rag], st.update])
    return [
        P(series.title, "title"),
        P("Report to: Audit and Scrutiny Committee"),
        P("Report by: Chief Executive"),
        P(f"Report Date: {dmy(series.dates[paper])}"),
        P("1. Purpose", "heading"),
        P("This report sets out progress with the Best Value Action Plan agreed by the Council in response to the "
          "Controller of Audit's Best Value Assurance Report. " + previous),
        P("2. Progress against the action plan", "heading"),
        T(rows, widths=[0.6, 3.5, 1.7, 1.35, 1.15, 1.0, 4.0]),
        P("3. Recommendation", "heading"),
        P("The Committee is asked to note the progress made and to agree the revised target dates shown."),
    ]


STRATHBEG = Series(
    name="strathbeg_docx", producer="docx", organisation="Strathbeg Council", stem="strathbeg_bv_action_plan_progress",
    title="Strathbeg Council Best Value Action Plan: Progress Report",
    dates=("2022-02-14", "2022-05-16", "2022-08-15"), layout=_strathbeg_blocks,
    items=[
        Item("1", "Refresh the Council Plan so that it sets out clear, measurable outcomes for 2022-2027",
             "Chief Executive", (
                 S(40, "green", "2022-06-30", "Cross-party working group has met three times. Draft outcomes "
                   "shared with community planning partners."),
                 S(75, "green", "2022-06-30", "Draft Council Plan consulted on in April; 640 responses received."),
                 S(100, "complete", "2022-06-30", "Council Plan 2022-2027 approved by full Council on 23 June."))),
        Item("2", "Develop a medium-term financial strategy covering at least five years, with scenarios for "
             "pay, inflation and demand", "Chief Finance Officer", (
                 S(20, "green", "2022-09-30", "Scope agreed with the Corporate Management Team."),
                 S(45, "green", "2022-09-30", "Scenario modelling under way for the first three years."),
                 S(50, "amber", "2022-09-30", "Modelling paused while the pay award is settled. The September "
                   "date is at risk."))),
        Item("3", "Agree a reserves policy setting a minimum level of unearmarked general fund balance",
             "Chief Finance Officer", (
                 S(10, "red", "2022-03-31", "Work has not progressed because of vacancies in the finance team."),
                 S(20, "red", "2022-03-31", "Target date missed. A revised timetable will be proposed."),
                 S(40, "amber", "2022-09-30", "Revised target date agreed by the Committee. Draft policy with the "
                   "Chief Executive for comment."))),
        Item("4", "Introduce quarterly performance reports to each service committee",
             "Head of Policy and Performance", (
                 S(30, "green", "2022-12-31", "Reporting template agreed."),
                 S(50, "green", "2022-12-31", "Reports now go to three of the six service committees."),
                 S(60, "green", "2022-12-31", "Reports now go to four of the six service committees."))),
        Item("5", "Prepare a corporate workforce plan addressing succession in senior and hard-to-fill posts",
             "Head of People and Organisational Development", (
                 S(0, "not_started", "2023-03-31", "Due to start in April 2022."),
                 S(10, "amber", "2023-03-31", "Workforce data collated; service returns are slow."),
                 S(25, "amber", "2023-01-31", "Brought forward to January to inform the 2023/24 budget. Four of "
                   "nine service returns received."))),
        Item("6", "Review the scheme of delegation to officers and the standing orders",
             "Head of Legal and Democratic Services", (
                 S(50, "amber", "2022-10-31", "First draft of the scheme of delegation prepared."),
                 S(60, "amber", "2022-10-31", "Members' working group to consider the draft in June."),
                 None)),
        Item("7", "Deliver a programme of scrutiny training for members of the Audit and Scrutiny Committee",
             "Head of Legal and Democratic Services", (
                 S(0, "not_started", "2022-12-31", "Training provider to be appointed after the election."),
                 S(0, "not_started", "2022-12-31", "To start once the new Committee is appointed after the "
                   "May election."),
                 S(15, "amber", "2022-12-31", "First session held in July; attendance was low."))),
        Item("8", "Publish a community engagement strategy co-produced with community councils",
             "Head of Communities", (
                 None, None,
                 S(0, "not_started", "2023-03-31", "New action agreed by the Committee in May."))),
        Item("9", "Set up a Transformation Board with a savings target for each workstream",
             "Depute Chief Executive", (
                 S(100, "complete", "2022-01-31", "Board established; savings targets approved in January."),
                 None, None)),
    ],
)

KEY_KILDARROCH = {"red": ("FF0000", "Off track"), "amber": ("FFC000", "Some slippage"),
                  "green": ("00B050", "On track"), "complete": ("0070C0", "Complete"),
                  "not_started": ("BFBFBF", "Not started")}


def _kildarroch_sheet(series: Series, paper: int) -> list[Block]:
    """Workbook: typed dates and percentages, the status only as the cell's colour, a colour key above."""
    widths = [0.5, 3.6, 1.8, 1.1, 0.9, 0.8, 4.2]
    rows: list[list[C | str]] = [[C(h, bold=True, fill="C6E0B4") for h in (
        "No.", "Improvement Action", "Responsible Officer", "Deadline", "Progress %", "Status", "Commentary")]]
    for item, st in states_in(series, paper):
        due = day(st.due)
        rows.append([item.ref, item.description, item.lead,
                     C(dmy(st.due), value=dt.datetime(due.year, due.month, due.day), number_format="dd/mm/yyyy"),
                     C(f"{st.pct}%", value=st.pct / 100, number_format="0%"),
                     C("", fill=KEY_KILDARROCH[st.rag][0]), st.update])
    report = day(series.dates[paper])
    details = T([[C("Report to:", bold=True), "Finance and Resources Committee", *[""] * 5],
                 [C("Report Date:", bold=True), C(dmy(series.dates[paper]),
                                                  value=dt.datetime(report.year, report.month, report.day),
                                                  number_format="dd/mm/yyyy"), *[""] * 5]],
                ruled=False, widths=widths, header_rows=0)
    key_rows: list[list[C | str]] = [[C("Status key", bold=True, colspan=2), *[""] * 5]]
    key_rows += [[C("", fill=fill), label, *[""] * 5] for fill, label in KEY_KILDARROCH.values()]
    key = T(key_rows, ruled=False, widths=widths, header_rows=0)
    month = f"{report:%B %Y}"
    return [P(series.title.format(month=month), "title"), details, key, T(rows, widths=widths)]


KILDARROCH = Series(
    name="kildarroch_xlsx", producer="xlsx", organisation="Kildarroch Council",
    stem="kildarroch_improvement_action_plan_update",
    title="Kildarroch Council Improvement Action Plan – Update {month}",
    dates=("2022-03-28", "2022-06-27", "2022-09-26"), layout=_kildarroch_sheet, sheet="Action Plan",
    items=[
        Item("1", "Agree a digital strategy with a costed delivery plan", "Chief Digital Officer", (
            S(60, "green", "2022-08-31", "Strategy approved by the Corporate Management Team."),
            S(85, "green", "2022-08-31", "Costed delivery plan agreed with Finance."),
            S(100, "complete", "2022-08-31", "Strategy and delivery plan approved by Committee on 25 August."))),
        Item("2", "Move the remaining on-premises systems to cloud hosting", "ICT Infrastructure Manager", (
            S(30, "amber", "2022-06-30", "Eleven of 37 systems migrated."),
            S(40, "amber", "2022-06-30", "Fifteen of 37 systems migrated; payroll scheduled for the autumn."),
            S(40, "red", "2022-12-31", "Supplier capacity has stalled the programme. Target moved to December."))),
        Item("3", "Expand the services customers can request and pay for online", "Customer Services Manager", (
            S(50, "green", "2022-12-31", "Garden waste permits now online."),
            S(60, "green", "2022-12-31", "Council tax direct debit form live."),
            S(55, "green", "2022-12-31", "Planning enquiries form withdrawn for rework; progress re-assessed."))),
        Item("4", "Provide digital skills training for frontline staff", "Head of HR", (
            S(10, "red", "2022-09-30", "Pilot delayed; no trainer in post."),
            S(20, "red", "2022-09-30", "Trainer appointed in June."),
            S(35, "amber", "2022-09-30", "Pilot with the roads and waste teams under way."))),
        Item("5", "Agree a data-sharing framework with NHS partners", "Chief Officer, Health and Social Care", (
            S(20, "green", "2023-03-31", "Data protection officers have met."),
            S(30, "green", "2023-03-31", "Draft framework prepared."),
            S(45, "green", "2022-12-31", "Brought forward to December at the partners' request."))),
        Item("6", "Publish an annual Best Value statement with the audited accounts", "Head of Finance", (
            S(70, "amber", "2022-11-30", "Statement drafted; audit timetable uncertain."),
            S(80, "amber", "2022-11-30", "Statement with the external auditor."),
            None)),
        Item("7", "Develop joint performance reporting with the Integration Joint Board",
             "Performance and Improvement Manager", (
                 None,
                 S(10, "green", "2023-01-31", "Joint indicator set under discussion."),
                 S(20, "green", "2023-01-31", "Joint indicator set agreed."))),
        Item("8", "Carry out a residents' survey and report the results to Council", "Head of Policy", (
            None, None,
            S(5, "green", "2023-03-31", "New action: survey questions being drafted."))),
        Item("9", "Review the corporate complaints procedure", "Customer Services Manager", (
            S(100, "complete", "2022-03-15", "Revised procedure published."),
            None, None)),
    ],
)

LOCHAVEN_KEY = {"red": ("FF7C80", "Concern"), "amber": ("FFE699", "Caution"), "green": ("A9D08E", "On Target"),
                "complete": ("9BC2E6", "Complete"), "not_started": ("D9D9D9", "Not Started")}


def _lochaven_blocks(series: Series, paper: int) -> list[Block]:
    """reportlab: report details in prose, a key paragraph of words, Lead before Action, status words on fills."""
    rows: list[list[C | str]] = [[C(h, bold=True, fill="BDD7EE") for h in (
        "No.", "Lead Officer", "Action", "Deadline", "Status", "Progress %", "Progress Update")]]
    for item, st in states_in(series, paper):
        fill, word = LOCHAVEN_KEY[st.rag]
        rows.append([item.ref, item.lead, item.description, long_date(st.due), C(word, fill=fill), str(st.pct),
                     st.update])
    quarter = ("the third quarter of 2021/22", "the fourth quarter of 2021/22", "the first quarter of 2022/23")[paper]
    return [
        P(series.title, "title"),
        P(f"Report by the Chief Executive to the Policy and Resources Committee, {long_date(series.dates[paper])}"),
        P("Summary", "heading"),
        P(f"This report updates members on the actions agreed in response to the Best Value Assurance Report, "
          f"covering {quarter}."),
        P("Status key: Concern = Red, Caution = Amber, On Target = Green, Complete = Blue, Not Started = Grey"),
        T(rows, widths=[0.45, 1.7, 3.4, 1.2, 0.95, 0.85, 4.0], font_size=8.5),
        P("Background papers: none."),
    ]


LOCHAVEN = Series(
    name="lochaven_pdf", producer="pdf", organisation="Lochaven Council", stem="lochaven_bvar_action_plan_update",
    title="Lochaven Council: BVAR Action Plan – Progress Update",
    dates=("2022-03-09", "2022-06-08", "2022-09-07"), layout=_lochaven_blocks,
    items=[
        Item("1", "Publish an annual public performance report comparing the council with its benchmarking family "
             "group", "Performance and Improvement Manager", (
                 S(100, "complete", "2022-03-31", "Published on the council website on 1 March."),
                 S(100, "complete", "2022-03-31", "Complete."),
                 S(100, "complete", "2022-03-31", "Complete; next report due in March 2023."))),
        Item("2", "Roll out self-assessment using the Public Service Improvement Framework to all services",
             "Head of Policy and Improvement", (
                 S(40, "green", "2022-04-30", "Three services have completed self-assessments."),
                 S(70, "green", "2022-06-30", "Seven of ten services complete; date moved to June."),
                 S(100, "complete", "2022-06-30", "All ten services completed self-assessments by the end of June."))),
        Item("3", "Replace the performance management system with one linked to budget planning",
             "Head of Digital Services", (
                 S(20, "green", "2023-03-31", "Specification agreed."),
                 S(35, "green", "2023-03-31", "Tender issued in May."),
                 S(40, "amber", "2023-03-31", "Two bids received, both over budget. Options being considered."))),
        Item("4", "Agree a locality plan for each of the five community planning areas",
             "Community Planning Manager", (
                 S(25, "amber", "2022-07-31", "Engagement events delayed by the pre-election period."),
                 S(25, "amber", "2022-07-31", "No further progress; staff redeployed to the Ukraine response."),
                 S(25, "red", "2022-07-31", "Target date missed. A revised timetable will come to the next "
                   "meeting."))),
        Item("5", "Set out a capital investment prioritisation framework linked to the Council Plan",
             "Head of Property and Assets", (
                 S(10, "red", "2022-06-30", "Scoring criteria not yet agreed."),
                 S(15, "red", "2022-06-30", "Scoring criteria drafted; June date will be missed."),
                 S(30, "amber", "2022-12-31", "Revised date of December agreed. Framework piloted on two bids."))),
        Item("6", "Report savings delivery to the Audit Committee every quarter", "Chief Financial Officer", (
            S(50, "green", "2022-11-30", "Quarter 3 report presented in February."),
            S(65, "green", "2022-11-30", "Quarter 4 report presented in May."),
            S(75, "green", "2022-10-31", "Final report brought forward to October to align with the budget."))),
        Item("7", "Introduce a leadership development programme for senior and middle managers",
             "Head of HR and Organisational Development", (
                 S(0, "not_started", "2022-12-31", "Procurement of a delivery partner to begin in April."),
                 S(10, "amber", "2022-12-31", "Procurement failed to attract a suitable bid."),
                 None)),
        Item("8", "Carry out an employee engagement survey and publish the actions arising",
             "Chief Executive", (
                 None, None,
                 S(10, "green", "2023-02-28", "New action: survey to run in November."))),
        Item("9", "Agree the council's response to the Accounts Commission's findings",
             "Chief Executive", (
                 S(100, "complete", "2022-02-28", "Response agreed by Council in February."),
                 None, None)),
    ],
)

INVERCRAIG_KEY = {"red": ("C00000", "Significant delay"), "amber": ("FFC000", "Minor slippage"),
                  "green": ("00B050", "On track"), "complete": ("0070C0", "Complete"),
                  "not_started": ("BFBFBF", "Not started")}
INVERCRAIG_THEMES = {
    "1": "The council should agree clear priorities and align its plans and budgets to them",
    "2": "The council should improve how it involves communities in decisions",
    "3": "The council should strengthen its workforce planning",
}


def _invercraig_blocks(series: Series, paper: int) -> list[Block]:
    """Word printed by LibreOffice: recommendation rows across the table, RAG only as the cell's colour,
    the key as swatches under the table."""
    ncols = 7
    rows: list[list[C | str]] = [[C(h, bold=True, fill=HEAD) for h in (
        "Ref", "Improvement Action", "Responsible Officer", "Deadline", "Progress %", "RAG", "Progress Update")]]
    last: str | None = None
    for item, st in states_in(series, paper):
        if item.theme != last:
            assert item.theme is not None
            rows.append([C(f"Recommendation {item.theme}: {INVERCRAIG_THEMES[item.theme]}", colspan=ncols,
                           bold=True, fill=THEME)])
            last = item.theme
        rows.append([item.ref, item.description, item.lead, dmy(st.due), f"{st.pct}%",
                     C("", fill=INVERCRAIG_KEY[st.rag][0]), st.update])
    return [
        P(series.title, "title"),
        P("Report to: Audit and Governance Committee"),
        P(f"Report Date: {long_date(series.dates[paper])}"),
        P("1. Introduction", "heading"),
        P("The Committee agreed the Best Value Improvement Plan in response to the Accounts Commission's findings. "
          "This report sets out the position of each action; the RAG status of each is shown by colour."),
        T(rows, widths=[0.6, 3.4, 1.8, 1.35, 1.2, 0.65, 4.0]),
        P("Key to RAG status", bold=True),
        T([[C("", fill=fill), label] for fill, label in INVERCRAIG_KEY.values()], header_rows=0, widths=[0.4, 2.5]),
    ]


INVERCRAIG = Series(
    name="invercraig_lo_docx", producer="lo-docx", organisation="Invercraig Council",
    stem="invercraig_bv_improvement_plan_monitoring",
    title="Invercraig Council – Best Value Improvement Plan: Monitoring Report",
    dates=("2022-05-24", "2022-08-23", "2022-11-22"), layout=_invercraig_blocks,
    items=[
        Item("1.1", "Approve a Council Plan for 2022-2027 setting out five strategic priorities", "Chief Executive", (
            S(50, "amber", "2022-12-31", "Members' workshops held in April and May."),
            S(60, "amber", "2022-12-31", "Draft plan delayed by the change of administration."),
            S(70, "green", "2022-12-31", "Draft plan agreed by the new administration; on course for December.")),
             theme="1"),
        Item("1.2", "Align service plans and budget proposals for 2023/24 with the Council Plan priorities",
             "Director of Resources", (
                 S(20, "green", "2022-08-31", "Service plan template revised."),
                 S(40, "green", "2022-08-31", "All services briefed on the template."),
                 S(40, "amber", "2023-03-31", "Aligned with the budget timetable; deadline now March 2023.")),
             theme="1"),
        Item("1.3", "Publish a summary of the Council Plan for residents", "Communications Manager", (
            None, None,
            S(0, "not_started", "2023-04-30", "New action; to follow approval of the Council Plan.")), theme="1"),
        Item("2.1", "Set up a participatory budgeting fund for each locality", "Head of Communities", (
            S(80, "green", "2022-09-30", "Fund agreed in principle."),
            S(90, "green", "2022-09-30", "Allocations agreed for four of five localities."),
            S(100, "complete", "2022-09-30", "All five locality funds launched in September.")), theme="2"),
        Item("2.2", "Agree a shared set of outcome measures with community planning partners",
             "Community Planning Manager", (
                 S(10, "red", "2022-12-31", "Partners have not yet nominated leads."),
                 S(30, "red", "2022-12-31", "Leads nominated; first workshop held late."),
                 S(45, "red", "2022-11-30", "Deadline brought forward to meet the partnership board; at risk.")),
             theme="2"),
        Item("3.1", "Prepare a corporate workforce plan for 2022-2025", "Head of HR", (
            S(30, "amber", "2022-10-31", "Service workforce plans requested."),
            S(50, "amber", "2022-10-31", "Six of nine service workforce plans received."),
            None), theme="3"),
        Item("3.2", "Develop a grow-your-own programme for social care and planning", "Head of HR", (
            None,
            S(5, "green", "2023-06-30", "Apprenticeship places agreed with Social Work."),
            S(10, "green", "2023-06-30", "Graduate trainee scheme to launch in January.")), theme="3"),
        Item("3.3", "Carry out an equal pay audit", "Head of HR", (
            S(100, "complete", "2022-05-01", "Audit complete; no significant gaps found."),
            None, None), theme="3"),
    ],
)

SERIES: list[Series] = [STRATHBEG, KILDARROCH, LOCHAVEN, INVERCRAIG]

SUFFIX = {"docx": ".docx", "xlsx": ".xlsx", "pdf": ".pdf", "lo-docx": ".pdf", "lo-xlsx": ".pdf"}


def paper_stem(series: Series, paper: int) -> str:
    return f"{series.stem}_{series.dates[paper][:7]}"


def expected_actions(series: Series, paper: int) -> list[Action]:
    report = series.dates[paper]
    out = []
    for item, st in states_in(series, paper):
        theme = INVERCRAIG_THEMES[item.theme] if item.theme else None
        out.append(Action(item.description, item.ref, theme, item.lead, due_date=st.due,
                          snapshots=[Snapshot(report, float(st.pct), rag=st.rag, status_text=st.update)]))
    return out


def series_spec(series: Series, paper: int) -> PaperSpec:
    blocks = series.layout(series, paper)
    title = next(b.text for b in blocks if isinstance(b, P) and b.style == "title")
    report = day(series.dates[paper])
    return PaperSpec(
        LAYOUT, paper_stem(series, paper), blocks,
        Expected(title, series.dates[paper], expected_actions(series, paper)),
        producers=(series.producer,),
        sheets=[Sheet(series.sheet, blocks)] if series.sheet else None,
        modified=dt.datetime(report.year, report.month, report.day, 9, 30) - dt.timedelta(days=3))


# ---------------------------------------------------------------------------------------------
# the duplicate pair and the flat folder
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Simple:
    """A plain paper: a title, a report date, one action table with RAG words."""

    stem: str
    title: str
    date: str  # ISO
    rows: list[tuple[str, str, str, str, int, str, str]]  # ref, action, lead, due ISO, %, rag, update
    committee: str = "Audit and Scrutiny Committee"
    headers: tuple[str, ...] = ("Ref", "Action", "Lead Officer", "Target Date", "% Complete", "RAG",
                                "Progress Update")


def simple_blocks(paper: Simple, typed: bool = False) -> list[Block]:
    head: list[C | str] = [C(h, bold=True, fill=HEAD) for h in paper.headers]
    body: list[list[C | str]] = [head]
    for ref, action, lead, due, pct, rag, update in paper.rows:
        d = day(due)
        due_cell = (C(dmy(due), value=dt.datetime(d.year, d.month, d.day), number_format="dd/mm/yyyy") if typed
                    else C(dmy(due)))
        pct_cell = C(f"{pct}%", value=pct / 100, number_format="0%") if typed else C(f"{pct}%")
        body.append([ref, action, lead, due_cell, pct_cell, RAG_WORDS[rag], update])
    return [P(paper.title, "title"), P(f"Report to: {paper.committee}"), P(f"Report Date: {dmy(paper.date)}"),
            T(body, widths=[0.6, 3.5, 1.7, 1.35, 1.15, 1.0, 4.0])]


def simple_spec(paper: Simple, producer: Producer) -> PaperSpec:
    typed = producer in ("xlsx", "lo-xlsx")
    blocks = simple_blocks(paper, typed)
    d = day(paper.date)
    actions = [Action(a, ref, None, lead, due_date=due, snapshots=[Snapshot(paper.date, float(p), rag=rag,
                                                                            status_text=u)])
               for ref, a, lead, due, p, rag, u in paper.rows]
    return PaperSpec(LAYOUT, paper.stem, blocks, Expected(paper.title, paper.date, actions), producers=(producer,),
                     sheets=[Sheet("Progress", blocks)] if typed else None,
                     modified=dt.datetime(d.year, d.month, d.day, 10, 0) - dt.timedelta(days=2))


SBC_ROWS = [
    ("1", "Refresh the Council Plan so that it sets out clear, measurable outcomes for 2022-2027",
     "Chief Executive", "2022-06-30", 75, "green", "Draft Council Plan consulted on in April; 640 responses received."),
    ("2", "Develop a medium-term financial strategy covering at least five years", "Chief Finance Officer",
     "2022-09-30", 45, "green", "Scenario modelling under way for the first three years."),
    ("3", "Agree a reserves policy setting a minimum level of unearmarked general fund balance",
     "Chief Finance Officer", "2022-03-31", 20, "red", "Target date missed. A revised timetable will be proposed."),
    ("4", "Introduce quarterly performance reports to each service committee", "Head of Policy and Performance",
     "2022-12-31", 50, "green", "Reports now go to three of the six service committees."),
    ("5", "Prepare a corporate workforce plan addressing succession in senior posts",
     "Head of People and Organisational Development", "2023-03-31", 10, "amber",
     "Workforce data collated; service returns are slow."),
    ("6", "Review the scheme of delegation to officers and the standing orders",
     "Head of Legal and Democratic Services", "2022-10-31", 60, "amber",
     "Members' working group to consider the draft in June."),
]
DUPLICATE = Simple("sbc_bv_update_2022-05", "Strathbeg Council Best Value Action Plan: Progress Report",
                   "2022-05-16", SBC_ROWS)
LATER = Simple("sbc_bv_update_2022-08", DUPLICATE.title, "2022-08-15", SBC_ROWS)  # same actions, same values
UNRELATED = Simple(
    "glenarden_improvement_plan_2022-05", "Glenarden Council Improvement Plan Update", "2022-05-19", [
        ("A1", "Agree an asset management strategy for the council's property estate", "Head of Property",
         "2022-12-31", 30, "amber", "Condition surveys of the schools estate completed."),
        ("A2", "Review the council's fleet to reduce carbon emissions", "Fleet Manager", "2023-03-31", 15, "green",
         "Fleet review procured; consultant starts in June."),
        ("A3", "Dispose of surplus office accommodation", "Head of Property", "2022-09-30", 60, "green",
         "Two of three surplus buildings marketed."),
        ("A4", "Introduce a corporate landlord model", "Director of Resources", "2022-07-31", 10, "red",
         "Business case delayed by staff absence."),
    ], committee="Policy and Resources Committee")

FLAT_TITLE = "Best Value Action Plan Progress Report"  # names no council: the file name's prefix must place it
SBC_FLAT = [
    ("1", "Refresh the Council Plan with measurable outcomes", "Chief Executive", "2022-06-30"),
    ("2", "Develop a medium-term financial strategy", "Chief Finance Officer", "2022-09-30"),
    ("3", "Agree a reserves policy", "Chief Finance Officer", "2022-09-30"),
    ("4", "Introduce quarterly performance reports to service committees", "Head of Policy and Performance",
     "2022-12-31"),
    ("5", "Prepare a corporate workforce plan", "Head of People", "2023-03-31"),
]
KDC_FLAT = [
    ("1", "Agree a digital strategy with a costed delivery plan", "Chief Digital Officer", "2022-08-31"),
    ("2", "Move the remaining on-premises systems to cloud hosting", "ICT Infrastructure Manager", "2022-12-31"),
    ("3", "Expand the services customers can request online", "Customer Services Manager", "2022-12-31"),
    ("4", "Provide digital skills training for frontline staff", "Head of HR", "2022-09-30"),
    ("5", "Agree a data-sharing framework with NHS partners", "Chief Officer, Health and Social Care", "2023-03-31"),
    ("6", "Carry out a residents' survey and report the results", "Head of Policy", "2023-03-31"),
]


def _flat_rows(actions: list[tuple[str, str, str, str]], pcts: list[int], rags: list[str],
               update: str) -> list[tuple[str, str, str, str, int, str, str]]:
    return [(ref, a, lead, due, p, rag, update)
            for (ref, a, lead, due), p, rag in zip(actions, pcts, rags, strict=True)]


FLAT: list[tuple[Simple, Producer, str | None]] = [  # paper, producer, organisation its file name gives
    (Simple("sbc_bv_progress_2022-03", FLAT_TITLE, "2022-03-15",
            _flat_rows(SBC_FLAT, [30, 20, 10, 40, 0], ["green", "green", "red", "green", "not_started"],
                       "Progress as reported to the Corporate Management Team.")), "docx", "Strathbeg Council"),
    (Simple("sbc_bv_progress_2022-06", FLAT_TITLE, "2022-06-14",
            _flat_rows(SBC_FLAT, [60, 35, 30, 55, 10], ["green", "amber", "amber", "green", "amber"],
                       "Quarter 1 position.")), "pdf", "Strathbeg Council"),
    (Simple("kdc_action_plan_update_2022-06", FLAT_TITLE, "2022-06-21",
            _flat_rows(KDC_FLAT, [50, 30, 45, 20, 25, 0], ["green", "amber", "green", "red", "green", "not_started"],
                       "Position at the end of quarter 1."), committee="Finance and Resources Committee"),
     "xlsx", "Kildarroch Council"),
    (Simple("kdc_action_plan_update_2022-09", FLAT_TITLE, "2022-09-20",
            _flat_rows(KDC_FLAT, [80, 35, 60, 40, 40, 10], ["green", "red", "green", "amber", "green", "green"],
                       "Position at the end of quarter 2."), committee="Finance and Resources Committee"),
     "xlsx", "Kildarroch Council"),
    (Simple("misc_update_2022-04", "Improvement Actions Update", "2022-04-20", [
        ("1", "Review the arrangements for responding to freedom of information requests", "Information Governance "
         "Manager", "2022-07-31", 40, "green", "Response times now reported monthly."),
        ("2", "Publish the council's records management plan", "Information Governance Manager", "2022-09-30", 20,
         "amber", "Awaiting comments from the Keeper of the Records."),
        ("3", "Train all managers in data protection", "Head of Legal Services", "2022-12-31", 55, "green",
         "Eleven sessions held."),
        ("4", "Replace the document management system", "Head of Digital Services", "2023-03-31", 5, "red",
         "Business case returned for more detail."),
    ], committee="Corporate Governance Committee"), "docx", None),
]


# ---------------------------------------------------------------------------------------------
# writing
# ---------------------------------------------------------------------------------------------


def _write(spec: PaperSpec, producer: Producer, target: Path, scratch: Path, jobs: list[LoJob],
           source: Path | None = None) -> None:
    """Write ``spec`` in ``producer``'s form at ``target``; a LibreOffice print is queued on ``jobs``
    (printed from ``source`` where given: that very .docx, else a scratch one). A word wider than
    its column (printed broken, as councils' papers are not) stops the build."""
    narrow = sorted({f"{word!r} ({form}, {room:.0f} pt)" for form, word, room in
                     narrow_words(replace(spec, producers=(producer,)))})
    if narrow:
        raise SystemExit(f"{spec.name}: words wider than their columns: {', '.join(narrow)}")
    target.parent.mkdir(parents=True, exist_ok=True)
    if producer == "docx":
        write_docx(spec, target)
    elif producer == "xlsx":
        write_xlsx(spec, target)
    elif producer == "pdf":
        write_pdf(spec, target)
    else:
        if source is None:
            kind = ".docx" if producer == "lo-docx" else ".xlsx"
            source = scratch / f"{len(jobs)}" / (spec.name + kind)
            source.parent.mkdir(parents=True)
            (write_docx if producer == "lo-docx" else write_xlsx)(spec, source)
        jobs.append(LoJob(source, target, when(spec)))


def _clear(folder: Path) -> None:
    if folder.is_dir():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)


def _json(path: Path, data: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def _paper_entry(file: str, date: str, actions: Sequence[tuple[str, float, str]]) -> dict[str, object]:
    return {"file": file, "report_date": date,
            "actions": {ref: {"percent_complete": pct, "rag": rag} for ref, pct, rag in actions}}


def build(papers: Path = PAPERS, expected: Path = EXPECTED, workers: int | None = None) -> list[Path]:
    problems = [p for s in SERIES for p in coverage_problems(s)]
    if problems:
        raise SystemExit("the series do not show what they must:\n" + "\n".join(problems))
    written: list[Path] = []
    jobs: list[LoJob] = []
    with tempfile.TemporaryDirectory(prefix="bvtrack-series-") as tmp:
        scratch = Path(tmp)
        for series in SERIES:
            folder = papers / series.name
            _clear(folder)
            entries = []
            for paper in range(3):
                spec = series_spec(series, paper)
                target = folder / (spec.name + SUFFIX[series.producer])
                _write(spec, series.producer, target, scratch, jobs)
                written.append(target)
                entries.append(_paper_entry(target.name, series.dates[paper],
                                            [(i.ref, float(s.pct), s.rag) for i, s in states_in(series, paper)]))
            _json(expected / f"{series.name}.json", {
                "series": series.name, "producer": series.producer, "organisation": series.organisation,
                "papers": entries, "previous": entries[1]["file"], "latest": entries[2]["file"],
                "only_in_first": [i.ref for i in series.items if i.states[0] and not (i.states[1] or i.states[2])],
                "changes": changes(series)})

        # a .docx and the PDF LibreOffice prints from that very file; an unrelated paper; the plan's next paper
        pair, later = papers / "duplicate_pair", papers / "later_paper"
        _clear(pair)
        _clear(later)
        entries_of: dict[str, list[dict[str, object]]] = {"duplicate_pair": [], "later_paper": []}
        for simple, folder in ((DUPLICATE, pair), (LATER, later)):
            spec = simple_spec(simple, "docx")
            docx_path = folder / f"{simple.stem}.docx"
            _write(spec, "docx", docx_path, scratch, jobs)
            _write(spec, "lo-docx", folder / f"{simple.stem}.pdf", scratch, jobs, source=docx_path)
            written += [docx_path, folder / f"{simple.stem}.pdf"]
            for name in (docx_path.name, f"{simple.stem}.pdf"):
                entries_of[folder.name].append(_paper_entry(name, simple.date,
                                                            [(r[0], float(r[4]), r[5]) for r in simple.rows]))
        unrelated = pair / f"{UNRELATED.stem}.xlsx"
        _write(simple_spec(UNRELATED, "xlsx"), "xlsx", unrelated, scratch, jobs)
        written.append(unrelated)
        _json(expected / "duplicate_pair.json", {
            "docx": f"{DUPLICATE.stem}.docx", "pdf": f"{DUPLICATE.stem}.pdf", "unrelated": unrelated.name,
            "later_docx": f"{LATER.stem}.docx", "later_pdf": f"{LATER.stem}.pdf",
            "papers": [*entries_of["duplicate_pair"],
                       _paper_entry(unrelated.name, UNRELATED.date,
                                    [(r[0], float(r[4]), r[5]) for r in UNRELATED.rows])],
            "later_papers": entries_of["later_paper"]})

        flat = papers / "flat_folder"
        _clear(flat)
        flat_entries = []
        for simple, producer, organisation in FLAT:
            target = flat / (simple.stem + SUFFIX[producer])
            _write(simple_spec(simple, producer), producer, target, scratch, jobs)
            written.append(target)
            entry = _paper_entry(target.name, simple.date, [(r[0], float(r[4]), r[5]) for r in simple.rows])
            flat_entries.append({**entry, "organisation": organisation})
        _json(expected / "flat_folder.json", {
            "organisations": {"sbc_*": "Strathbeg Council", "kdc_*": "Kildarroch Council"},
            "papers": flat_entries})

        libreoffice_pdfs(jobs, workers=workers)
    return written


def main() -> int:
    started = time.monotonic()
    written = build()
    for path in written:
        print(path.relative_to(HERE))
    print(f"{len(written)} papers in {time.monotonic() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
