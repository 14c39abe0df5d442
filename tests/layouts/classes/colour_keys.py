"""Layout class 'colour_keys': RAG given by colour (or by letters or words) with the paper's own key
in forms other than coloured label cells.

- a legend of swatch cells beside label cells (the label is not on the colour), at the top right
  of a sheet (``T.at``), under the table, or as one horizontal row;
- a key paragraph mapping letters ('R = Red ... B = Blue (complete)') or words ('Off track = Red')
  with the RAG column then holding letters or words;
- a status column holding only fill colours, which is RAG, not status text;
- non-standard shades (C00000, FFD966, 92D050, 8EA9DB, F4B183 ...) and labels that are not the
  usual words ('Off Plan', 'At Risk', 'On Plan', 'Delivered', 'Not yet due').

The expected rag is what the paper's key says each colour or label means. Each builder returns the
spec and that key (fill hex or printed label -> rag), which :func:`check` uses to hold the expected
to the blocks.

This module also holds what :mod:`.sheet_per_theme` and :mod:`.summary_and_detail` share: the
action record :class:`Act`, the cells that print it, :func:`expected_action` (the contract's
reading of it), :func:`dates_in` (a UK reader's dates) and the checks :func:`check_paper` and
:func:`check_action`.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from ..spec import Action, Block, C, Expected, P, PaperSpec, Sheet, Snapshot, T

LAYOUT = "colour_keys"
Key = dict[str, str]  # a fill ('C00000') or a printed label ('At Risk', 'R') -> rag


@dataclass
class Act:
    """One action as the paper prints it (``update`` and ``description`` with '\\n' between
    paragraphs, bullets as typed)."""

    ref: str | None
    description: str
    lead: str
    due_raw: str
    due: str  # ISO
    pct: int  # at the report date
    rag: str
    update: str
    theme: str | None = None
    earlier: tuple[int, ...] = ()  # % in the earlier, dated progress columns, oldest first
    original_raw: str | None = None  # an 'Original Target Date' where a revised one is given
    original: str | None = None
    priority: str | None = None
    service_lead: str | None = None
    extra: dict[str, C | str] = field(default_factory=dict)  # other columns' cells, by header


# ---------------------------------------------------------------------------------------------
# cells and expected values


def clean(text: str) -> str:
    """The contract's text normalisation: bullets removed, paragraphs joined by one space."""
    lines = [re.sub(r"^\s*[•▪●◦\-–]\s+", "", ln) for ln in text.split("\n")]
    return re.sub(r"\s+", " ", " ".join(lines)).strip()


def pct_cell(p: int, style: str) -> C:
    if style == "xlsx":  # a typed 0.45 shown as 45%
        return C(f"{p}%", value=p / 100, number_format="0%")
    if style == "int":  # a typed 45 in a General cell
        return C(str(p), value=p)
    return C(str(p)) if style == "plain" else C(f"{p}%")  # text as typed: '45' or '45%'


def date_cell(raw: str, iso: str, typed: bool) -> C:
    """A target date; ``typed``: a real Excel date where the paper prints dd/mm/yyyy (a month or a
    quarter stays text)."""
    if typed and re.fullmatch(r"\d{2}/\d{2}/\d{4}", raw):
        value = dt.datetime.fromisoformat(iso)
        assert value.strftime("%d/%m/%Y") == raw, (raw, iso)
        return C(raw, value=value, number_format="dd/mm/yyyy")
    return C(raw)


@dataclass
class Style:
    """How a variant prints an action's values."""

    pct: str  # pct_cell style: 'xlsx' (0.45 shown 45%), 'int', 'pct' ('45%' text), 'plain'
    typed_dates: bool
    rag: Callable[[Act], C | str]


def cell_for(a: Act, what: str, st: Style) -> C | str:
    """The cell printing ``a``'s ``what``: ref, desc, lead, due, pct, e0/e1 (earlier columns), rag, update,
    priority, service_lead ('-' where none), x:<extra>."""
    if what.startswith("x:"):
        return a.extra.get(what[2:], "")
    if what == "due":
        return date_cell(a.due_raw, a.due, st.typed_dates)
    if what == "pct":
        return pct_cell(a.pct, st.pct)
    if what.startswith("e"):  # e0, e1: the earlier dated columns
        return pct_cell(a.earlier[int(what[1:])], st.pct)
    if what == "rag":
        return st.rag(a)
    return {"ref": a.ref or "", "desc": a.description, "lead": a.lead, "update": a.update,
            "priority": a.priority or "", "service_lead": a.service_lead or "-"}[what]


def swatch(fill: str) -> C:
    return C("", fill=fill)


def expected_action(a: Act, report_date: str, pct_text: Callable[[int], str],
                    earlier_dates: tuple[str, ...] = ()) -> Action:
    """The contract's reading of ``a``: a snapshot per earlier dated column (its percentage only),
    then the report date's with commentary and RAG."""
    assert len(a.earlier) == len(earlier_dates), (a.ref, a.earlier, earlier_dates)
    snaps = [Snapshot(as_of=d, percent_complete=float(p), percent_raw=pct_text(p))
             for d, p in zip(earlier_dates, a.earlier, strict=True)]
    snaps.append(Snapshot(as_of=report_date, percent_complete=float(a.pct), percent_raw=pct_text(a.pct),
                          rag=a.rag, status_text=clean(a.update) or None))
    original = a.original if a.original and a.original != a.due else None
    return Action(description=clean(a.description), ref=a.ref, theme=a.theme, lead=a.lead, due_date=a.due,
                  original_due_date=original, due_raw=a.due_raw, priority=a.priority, service_lead=a.service_lead,
                  snapshots=snaps)


def pct_text(style: str) -> Callable[[int], str]:
    return lambda p: pct_cell(p, style).text


# ---------------------------------------------------------------------------------------------
# A: xlsx, swatch legend at the top right of the sheet, a 'Status' column of fills only


def _strathmore() -> tuple[PaperSpec, Key]:
    key = {"C00000": "red", "FFD966": "amber", "92D050": "green", "8EA9DB": "complete", "D9D9D9": "not_started"}
    acts = [
        Act("1", "Agree a refreshed Council Plan with measurable outcomes and publish it alongside the "
             "2022/23 budget", "Chief Executive", "31/03/2022", "2022-03-31", 90, "green",
             "Draft plan considered by the Policy and Resources Committee on 22 February.\n"
             "Final version goes to full council on 24 March."),
        Act("2", "Develop a medium-term financial strategy covering 2022/23 to 2026/27, with scenarios "
             "for pay, inflation and demand", "Head of Finance", "30/06/2022", "2022-06-30", 40, "amber",
             "Modelling complete for the first three years. Publication depends on the local government "
             "settlement, which arrived later than expected."),
        Act("3", "Establish a Transformation Board with savings targets for each workstream",
             "Depute Chief Executive", "31/12/2021", "2021-12-31", 100, "complete",
             "Board met for the first time on 18 November; terms of reference and savings targets approved."),
        Act("4", "Implement a workforce plan that addresses succession planning for senior and hard-to-fill "
             "posts", "Head of People and Organisational Development", "30/09/2022", "2022-09-30", 15, "red",
             "Recruitment to the workforce planning lead post has failed twice. Interim arrangements are "
             "being considered by the Corporate Management Team."),
        Act("5", "Introduce locality plans for each of the five community planning areas",
             "Community Planning Manager", "31/03/2023", "2023-03-31", 0, "not_started",
             "Work is scheduled to start in the first quarter of 2022/23."),
        Act("6", "Report performance against the Local Government Benchmarking Framework to the Audit and "
             "Scrutiny Committee twice a year", "Chief Officer – Corporate Services", "30/04/2022",
             "2022-04-30", 60, "green",
             "First six-monthly report presented in November 2021; the next is due in April."),
    ]
    header = [C(h, bold=True) for h in ("Ref", "Improvement Action", "Lead Officer", "Target Date",
                                        "% Complete", "Status", "Progress Commentary")]
    rows: list[list[C | str]] = [list(header)]
    for a in acts:
        rows.append([a.ref or "", a.description, a.lead, date_cell(a.due_raw, a.due, True), pct_cell(a.pct, "xlsx"),
                     swatch(fill_of(key, a.rag)), a.update])
    legend = T([[C("Status key", colspan=2, bold=True)],
                [swatch("C00000"), "Off Plan"], [swatch("FFD966"), "At Risk"], [swatch("92D050"), "On Plan"],
                [swatch("8EA9DB"), "Delivered"], [swatch("D9D9D9"), "Not yet due"]],
               at=(1, 6), header_rows=0)
    title = "Strathmore Council – BVAR Action Plan"
    blocks: list[Block] = [
        P(title, style="title", at=(1, 1)),
        P("Progress Update to the Audit and Scrutiny Committee", at=(2, 1)),
        P("Report Date: 14/03/2022", at=(3, 1)),
        legend,
        T(rows, at=(8, 1), widths=[0.5, 4, 2, 1.2, 1, 0.8, 5]),
    ]
    rd = "2022-03-14"
    exp = Expected(title=title, report_date=rd, actions=[expected_action(a, rd, pct_text("xlsx")) for a in acts])
    spec = PaperSpec(LAYOUT, "strathmore_bvar_action_plan_progress_2022-03", blocks, exp,
                     producers=("xlsx", "lo-xlsx"), sheets=[Sheet("Action Plan", blocks)],
                     note="xlsx: swatch+label legend at the top right (T.at), 'Status' column of fills only, "
                          "grey 'Not yet due' = not_started, typed dates and 0.x percentages")
    return spec, key


def fill_of(key: Key, rag: str) -> str:
    return next(k for k, v in key.items() if v == rag and re.fullmatch(r"[0-9A-F]{6}", k))


# ---------------------------------------------------------------------------------------------
# B: Word, themes as full-width rows, a fill-only 'RAG' column, the legend under the table


def _carrick_vale() -> tuple[PaperSpec, Key]:
    key = {"C00000": "red", "F4B183": "amber", "70AD47": "green", "5B9BD5": "complete",
           "Significant delay": "red", "Minor slippage": "amber", "On track": "green", "Complete": "complete"}
    t1 = ("The council should set out clear priorities for the next five years and align its plans, "
          "budgets and workforce to them")
    t2 = "Elected members and officers should work together to improve scrutiny and decision-making"
    t3 = "The council should involve communities more in the design and delivery of services"
    acts = [
        Act("1.1", "Approve a Council Plan for 2022–2027 setting out five strategic priorities",
             "Chief Executive", "Dec 2022", "2022-12-31", 100, "complete",
             "Council Plan approved by full council on 15 December 2022.", theme=t1),
        Act("1.2", "Align service plans and budget proposals for 2023/24 with the Council Plan priorities",
             "Director of Resources", "31-Mar-23", "2023-03-31", 75, "green",
             "• All service plans drafted on the new template.\n"
             "• Budget options mapped to priorities and considered at the members' seminar on 9 February.",
             theme=t1),
        Act("2.1", "Deliver a programme of scrutiny training for members of the Audit and Governance "
             "Committee", "Head of Legal and Democratic Services", "June 2023", "2023-06-30", 30, "amber",
             "Two of the five sessions held. Attendance has been low and the remaining sessions are being "
             "rescheduled to evenings.", theme=t2),
        Act("2.2", "Review the scheme of delegation and standing orders", "Head of Legal and Democratic Services",
             "30/09/2023", "2023-09-30", 10, "red",
             "Review not yet started in earnest because of vacancies in the legal team. A revised timetable "
             "will be brought to the next meeting.", theme=t2),
        Act("3.1", "Publish a community engagement strategy co-produced with community councils",
             "Head of Communities", "Q2 2023/24", "2023-09-30", 40, "green",
             "Six engagement events held across the area; draft strategy being written up.", theme=t3),
        Act("3.2", "Set up a participatory budgeting fund for each locality", "Head of Communities",
             "31-Mar-24", "2024-03-31", 20, "amber",
             "Fund agreed in principle. The amount for each locality depends on the 2023/24 budget "
             "decisions.", theme=t3),
    ]
    ncols = 7
    rows: list[list[C | str]] = [[C(h, bold=True) for h in ("No.", "Action", "Responsible Officer", "Due Date",
                                                           "Progress", "RAG", "Update")]]
    theme_no = {t1: 1, t2: 2, t3: 3}
    last = None
    for a in acts:
        if a.theme != last:
            assert a.theme is not None
            rows.append([C(f"BVAR Recommendation {theme_no[a.theme]}: {a.theme}", colspan=ncols, bold=True)])
            last = a.theme
        rows.append([a.ref or "", a.description, a.lead, a.due_raw, pct_cell(a.pct, "pct"),
                     swatch(fill_of(key, a.rag)), a.update])
    title = "Carrick Vale Council: Best Value Action Plan 2022–2024 – Progress Update"
    blocks: list[Block] = [
        P(title, style="title"),
        P("Report to: Audit and Governance Committee"),
        P("Report by: Chief Executive"),
        P("Report Date: 28/02/2023"),
        P("1. Purpose", style="heading"),
        P("This report updates the Committee on progress with the actions the council agreed in response "
          "to the Accounts Commission's Best Value Assurance Report."),
        P("2. Progress", style="heading"),
        T(rows, widths=[0.6, 4, 2, 1.4, 1.4, 0.8, 4.4]),
        P("Key to RAG status", bold=True),
        T([[swatch("C00000"), "Significant delay"], [swatch("F4B183"), "Minor slippage"],
           [swatch("70AD47"), "On track"], [swatch("5B9BD5"), "Complete"]], header_rows=0, widths=[0.4, 2.5]),
    ]
    rd = "2023-02-28"
    exp = Expected(title=title, report_date=rd, actions=[expected_action(a, rd, pct_text("pct")) for a in acts])
    spec = PaperSpec(LAYOUT, "carrick_vale_bv_action_plan_update_2023-02", blocks, exp,
                     producers=("docx", "pdf", "lo-docx"),
                     note="Word: BVAR Recommendation rows in the table, 'RAG' column of fills only, swatch+label "
                          "legend under the table, peach F4B183 for amber, bullets in the update")
    return spec, key


# ---------------------------------------------------------------------------------------------
# C: Word, a key paragraph of letters, the RAG column holding letters, a dated earlier column


def _tweedmuir() -> tuple[PaperSpec, Key]:
    key = {"R": "red", "A": "amber", "G": "green", "B": "complete"}
    letter = {v: k for k, v in key.items()}
    t1 = "Members and officers should agree a clear strategic direction for the council"
    t2 = "The council should develop its approach to workforce planning"
    acts = [
        Act("1", "Hold a series of cross-party workshops to agree the council's priorities for 2022–2027",
             "Chief Executive", "30/06/2022", "2022-06-30", 100, "complete",
             "Four workshops held between March and June. Priorities agreed by council on 23 June.",
             theme=t1, earlier=(75,)),
        Act("2", "Refresh the Corporate Plan and the performance framework that supports it",
             "Head of Corporate Governance", "31/10/2022", "2022-10-31", 60, "green",
             "Corporate Plan drafted. Performance indicators being agreed with services.", theme=t1, earlier=(30,)),
        Act("3", "Introduce six-monthly reporting of Corporate Plan progress to the Policy and Resources "
             "Committee", "Head of Corporate Governance", "31/12/2022", "2022-12-31", 20, "amber",
             "First report delayed until the Corporate Plan is approved.", theme=t1, earlier=(20,)),
        Act("4", "Prepare a corporate workforce plan for 2022–2025", "Head of HR and Organisational Development",
             "30/09/2022", "2022-09-30", 35, "red",
             "Service workforce plans received from only four of nine services. The deadline for the "
             "corporate plan will be missed and a revised date will be proposed to the next meeting.",
             theme=t2, earlier=(25,)),
        Act("5", "Develop a programme to grow our own staff in social care, planning and building standards",
             "Head of HR and Organisational Development", "31/03/2023", "2023-03-31", 45, "green",
             "Modern apprenticeship places agreed with Social Work and Planning.\n"
             "Graduate trainee scheme to launch in October.", theme=t2, earlier=(15,)),
    ]
    cols = ("Action No.", "Action", "Owner", "Timescale", "% Complete at 31/05/2022", "% Complete", "RAG",
            "Comments")
    blocks: list[Block] = []
    title = "Tweedmuir Council – Best Value Improvement Plan: Progress Report"
    blocks += [P(title, style="title"), P("Report Date: 07/09/2022"), P("Report No: PR/22/114"),
               P("Key: R = Red, A = Amber, G = Green, B = Blue (complete)")]
    for n, theme in enumerate((t1, t2), 1):
        blocks.append(P(f"Audit Recommendation {n}: {theme}", style="heading"))
        rows: list[list[C | str]] = [[C(h, bold=True) for h in cols]]
        for a in acts:
            if a.theme == theme:
                rows.append([a.ref or "", a.description, a.lead, a.due_raw, pct_cell(a.earlier[0], "pct"),
                             pct_cell(a.pct, "pct"), letter[a.rag], a.update])
        blocks.append(T(rows, widths=[1.2, 3.6, 2, 1.5, 1.6, 1.6, 0.8, 3.9]))
    rd = "2022-09-07"
    exp = Expected(title=title, report_date=rd, report_ref="PR/22/114",
                   actions=[expected_action(a, rd, pct_text("pct"), ("2022-05-31",)) for a in acts])
    spec = PaperSpec(LAYOUT, "tweedmuir_bv_improvement_plan_progress_2022-09", blocks, exp,
                     producers=("docx", "pdf", "lo-docx"),
                     note="key paragraph of letters incl. B = Blue (complete); RAG column holds letters, no "
                          "fills; a table per Audit Recommendation heading; '% Complete at 31/05/2022' column")
    return spec, key


# ---------------------------------------------------------------------------------------------
# D: xlsx, a key paragraph of words, the status column holding words on pale fills, revised dates


def _forthside() -> tuple[PaperSpec, Key]:
    key = {"Off track": "red", "Slipping": "amber", "On track": "green", "Complete": "complete"}
    shade = {"red": "FF7C80", "amber": "FFE699", "green": "A9D08E", "complete": "9BC2E6"}
    word = {v: k for k, v in key.items()}
    acts = [
        Act("BV01", "Develop a long-term financial strategy that sets out how the projected budget gap of "
             "£38m over five years will be closed", "Chief Financial Officer", "31/03/2023", "2023-03-31", 55,
             "amber", "Strategy framework approved in September. Savings proposals are behind schedule because "
             "the transformation programme is being re-scoped.", original_raw="31/12/2022", original="2022-12-31"),
        Act("BV02", "Agree a policy on the use of reserves, including a minimum level of unallocated general "
             "fund balance", "Chief Financial Officer", "30/09/2022", "2022-09-30", 100, "complete",
             "Reserves policy approved by council on 29 September 2022."),
        Act("BV03", "Put in place a programme management office to oversee the transformation programme",
             "Director of Transformation", "31/01/2023", "2023-01-31", 70, "green",
             "Programme manager appointed; benefits tracking in place for the first three projects."),
        Act("BV04", "Review the capital programme against the council's priorities and affordability",
             "Head of Property and Assets", "30/06/2023", "2023-06-30", 20, "red",
             "Review paused while construction inflation is assessed. Projects may need to be re-phased.",
             original_raw="31/03/2023", original="2023-03-31"),
        Act("BV05", "Publish an annual Best Value statement with the audited accounts", "Head of Finance",
             "30/11/2022", "2022-11-30", 80, "green",
             "Draft statement prepared; it will be published with the audited accounts at the end of "
             "November."),
    ]
    header = [C(h, bold=True) for h in ("Action Ref", "Action Description", "Responsible Officer",
                                        "Original Target Date", "Revised Target Date", "Status", "% Complete",
                                        "Update")]
    rows: list[list[C | str]] = [list(header)]
    for a in acts:
        if a.original_raw and a.original:
            orig, revised = date_cell(a.original_raw, a.original, True), date_cell(a.due_raw, a.due, True)
        else:
            orig, revised = date_cell(a.due_raw, a.due, True), C("")
        rows.append([a.ref or "", a.description, a.lead, orig, revised, C(word[a.rag], fill=shade[a.rag]),
                     pct_cell(a.pct, "xlsx"), a.update])
    title = "Forthside Council – Best Value Action Plan: Financial Sustainability"
    blocks: list[Block] = [
        P(title, style="title"),
        P("Report Date: 21/11/2022"),
        P("RAG status: Off track = Red, Slipping = Amber, On track = Green, Complete = Blue"),
        T(rows, widths=[0.8, 4, 2, 1.2, 1.2, 1, 0.9, 5]),
    ]
    rd = "2022-11-21"
    exp = Expected(title=title, report_date=rd, actions=[expected_action(a, rd, pct_text("xlsx")) for a in acts])
    spec = PaperSpec(LAYOUT, "forthside_bv_action_plan_finance_2022-11", blocks, exp,
                     producers=("xlsx", "lo-xlsx"), sheets=[Sheet("BV Action Plan", blocks)],
                     note="key paragraph mapping words to colours; 'Status' holds the words on pale fills "
                          "(FF7C80, FFE699, A9D08E, 9BC2E6); Original/Revised Target Date columns")
    return spec, key


# ---------------------------------------------------------------------------------------------
# E: Word/PDF, a horizontal swatch legend above the table, 'Overall Status' of fills in column 2


def _glenmorven() -> tuple[PaperSpec, Key]:
    key = {"8EA9DB": "complete", "A9D18E": "green", "FFE699": "amber", "FF7C80": "red", "BFBFBF": "not_started",
           "Complete": "complete", "On schedule": "green", "Behind schedule": "amber",
           "Significantly behind": "red", "Not yet due": "not_started"}
    acts = [
        Act("PM1", "Publish an annual public performance report that compares the council with its family "
             "group in the Local Government Benchmarking Framework", "Performance and Improvement Manager",
             "31/03/2022", "2022-03-31", 100, "complete",
             "Published on the council website on 28 March 2022."),
        Act("PM2", "Introduce quarterly performance reports to each service committee",
             "Performance and Improvement Manager", "30/06/2022", "2022-06-30", 65, "green",
             "Reports now go to four of the five service committees. Education reports start in June."),
        Act("PM3", "Roll out the Public Service Improvement Framework self-assessment to all services",
             "Head of Policy and Improvement", "30/09/2022", "2022-09-30", 25, "amber",
             "Three services have completed self-assessments. Facilitator training for the remaining services "
             "was postponed from April."),
        Act("PM4", "Replace the performance management system with one linked to service and budget planning",
             "Head of Digital Services", "31/03/2023", "2023-03-31", 5, "red",
             "Procurement halted after no compliant bids were received. Options report to the Corporate "
             "Management Team in June."),
        Act("PM5", "Carry out a residents' survey every two years and report the results to council",
             "Head of Policy and Improvement", "31/10/2022", "2022-10-31", 0, "not_started",
             "Survey is due to run in September 2022."),
    ]
    rows: list[list[C | str]] = [[C(h, bold=True) for h in ("Ref", "Overall Status", "Action", "Lead", "Target",
                                                           "Progress (%)", "Comments")]]
    for a in acts:
        rows.append([a.ref or "", swatch(fill_of(key, a.rag)), a.description, a.lead, a.due_raw,
                     pct_cell(a.pct, "plain"), a.update])
    legend_row: list[C | str] = []
    for fill, label in (("8EA9DB", "Complete"), ("A9D18E", "On schedule"), ("FFE699", "Behind schedule"),
                        ("FF7C80", "Significantly behind"), ("BFBFBF", "Not yet due")):
        legend_row += [swatch(fill), label]
    title = "Glenmorven Council: Performance Management Improvement Plan – Progress Update"
    blocks: list[Block] = [
        P(title, style="title"),
        P("Report Date: 16/05/2022"),
        P("This update covers the actions agreed in response to recommendation 4 of the Best Value Assurance "
          "Report (performance management and public reporting)."),
        P("Status key:", bold=True),
        T([legend_row], header_rows=0, widths=[0.3, 1.2, 0.3, 1.2, 0.3, 1.4, 0.3, 1.6, 0.3, 1.2]),
        T(rows, widths=[0.8, 1.3, 3.8, 2, 1.4, 1.4, 4.1]),
    ]
    rd = "2022-05-16"
    exp = Expected(title=title, report_date=rd, actions=[expected_action(a, rd, pct_text("plain")) for a in acts])
    spec = PaperSpec(LAYOUT, "glenmorven_performance_improvement_plan_update_2022-05", blocks, exp,
                     producers=("docx", "pdf", "lo-docx"),
                     note="one-row horizontal legend (swatch, label, swatch, label ...) above the table; "
                          "'Overall Status' column of fills only in second position; 'Progress (%)' as plain "
                          "numbers; 'Not yet due' grey = not_started")
    return spec, key


# ---------------------------------------------------------------------------------------------
# F: xlsx, workstream rows, fill-only 'RAG', an earlier dated column, the legend under the RAG column


def _eastwood_glen() -> tuple[PaperSpec, Key]:
    key = {"E06666": "red", "F6B26B": "amber", "93C47D": "green", "6FA8DC": "complete", "CCCCCC": "not_started",
           "Not on track": "red", "Partially on track": "amber", "On track": "green", "Achieved": "complete",
           "Not started": "not_started"}
    w1, w2 = "Financial Sustainability", "Community Empowerment"
    acts = [
        Act("1.1", "Agree a savings programme that closes the 2024/25 budget gap", "Chief Finance Officer",
             "29/02/2024", "2024-02-29", 80, "green",
             "Savings of £11.2m identified against a gap of £12.5m; options for the balance go to the budget "
             "meeting on 22 February.", theme=w1, earlier=(45,)),
        Act("1.2", "Introduce a charging and income policy reviewed annually with the budget",
             "Head of Finance", "31/12/2023", "2023-12-31", 100, "complete",
             "Policy approved by the Finance and Resources Committee on 5 December.", theme=w1, earlier=(60,)),
        Act("1.3", "Complete an asset rationalisation review of the council's office estate",
             "Head of Property", "30/06/2024", "2024-06-30", 30, "amber",
             "Survey of office use complete. Staff consultation on closing two buildings has been extended "
             "to March.", theme=w1, earlier=(20,)),
        Act("2.1", "Support community councils to prepare local place plans", "Head of Planning",
             "31/03/2025", "2025-03-31", 0, "not_started",
             "Guidance and a small grants scheme will be launched in April 2024.", theme=w2, earlier=(0,)),
        Act("2.2", "Simplify the community asset transfer process so that requests are decided within six "
             "months", "Head of Communities", "31/10/2023", "2023-10-31", 50, "red",
             "New process drafted but not yet agreed; three requests have waited more than a year.",
             theme=w2, earlier=(50,)),
    ]
    ncols = 8
    header = [C(h, bold=True) for h in ("Ref", "Action", "Lead", "Due", "% at 30/09/2023", "% Complete", "RAG",
                                        "Update")]
    rows: list[list[C | str]] = [list(header)]
    last = None
    n = 0
    for a in acts:
        if a.theme != last:
            n += 1
            rows.append([C(f"Workstream {n}: {a.theme}", colspan=ncols, bold=True)])
            last = a.theme
        rows.append([a.ref or "", a.description, a.lead, date_cell(a.due_raw, a.due, True),
                     pct_cell(a.earlier[0], "xlsx"), pct_cell(a.pct, "xlsx"), swatch(fill_of(key, a.rag)), a.update])
    legend: list[list[C | str]] = [[swatch(fill), label] for fill, label in (
        ("E06666", "Not on track"), ("F6B26B", "Partially on track"), ("93C47D", "On track"),
        ("6FA8DC", "Achieved"), ("CCCCCC", "Not started"))]
    title = "Eastwood Glen Council – Best Value Improvement Plan Monitoring"
    below = 5 + len(rows) + 1  # the legend sits under the table, its swatches under the RAG column
    blocks: list[Block] = [
        P(title, style="title", at=(1, 1)),
        P("Report Date: 30/01/2024", at=(2, 1)),
        P("Committee: Policy and Resources Committee", at=(3, 1)),
        T(rows, widths=[0.5, 4, 1.6, 1, 1, 1, 0.6, 5], at=(5, 1)),
        P("Key:", bold=True, at=(below, 7)),
        T(legend, header_rows=0, widths=[0.6, 5], at=(below + 1, 7)),
    ]
    rd = "2024-01-30"
    exp = Expected(title=title, report_date=rd,
                   actions=[expected_action(a, rd, pct_text("xlsx"), ("2023-09-30",)) for a in acts])
    spec = PaperSpec(LAYOUT, "eastwood_glen_bv_improvement_plan_monitoring_2024-01", blocks, exp,
                     producers=("xlsx", "lo-xlsx"), sheets=[Sheet("Monitoring", blocks)],
                     note="xlsx: 'Workstream n:' merged rows, fill-only RAG, '% at 30/09/2023' earlier column, "
                          "swatch+label legend under the table, its swatches under the RAG column, grey 'Not started'")
    return spec, key


# ---------------------------------------------------------------------------------------------
# self-check


_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTHS |= {m.lower(): i for i, m in enumerate(calendar.month_abbr) if m}


def _year(y: str) -> int:
    return int(y) + 2000 if len(y) == 2 else int(y)


def _month_end(y: int, m: int) -> dt.date:
    return dt.date(y, m, calendar.monthrange(y, m)[1])


def dates_in(text: str) -> set[str]:
    """Every date a UK reader sees in ``text`` (day-first; a month or a quarter at its last day)."""
    out: set[dt.date] = set()
    for d, m, y in re.findall(r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{2}|\d{4})\b", text):
        out.add(dt.date(_year(y), int(m), int(d)))
    for d, mon, y in re.findall(r"\b(\d{1,2})-([A-Za-z]{3})-(\d{2}|\d{4})\b", text):
        out.add(dt.date(_year(y), _MONTHS[mon.lower()], int(d)))
    for q, y in re.findall(r"\bQ([1-4]) (\d{4})/\d{2}\b", text):
        start = int(y)
        out.add({"1": dt.date(start, 6, 30), "2": dt.date(start, 9, 30), "3": dt.date(start, 12, 31),
                 "4": dt.date(start + 1, 3, 31)}[q])
    for mon, y in re.findall(r"\b([A-Za-z]{3,9}) (\d{4})\b", text):
        if mon.lower() in _MONTHS:
            out.add(_month_end(int(y), _MONTHS[mon.lower()]))
    return {d.isoformat() for d in out}


def all_blocks(spec: PaperSpec) -> list[Block]:
    return [b for s in spec.sheets for b in s.blocks] if spec.sheets else list(spec.blocks)


def table_rows(blocks: list[Block]) -> list[list[C]]:
    return [[c if isinstance(c, C) else C(c) for c in r] for b in blocks if isinstance(b, T) for r in b.rows]


def texts_of(blocks: list[Block]) -> list[str]:
    return [b.text for b in blocks if isinstance(b, P)] + [c.text for r in table_rows(blocks) for c in r]


def is_fill(k: str) -> bool:
    return re.fullmatch(r"[0-9A-F]{6}", k) is not None


def check_paper(spec: PaperSpec, key: Key) -> None:
    """The report date is printed plainly, the key's labels and colours are printed, descriptions
    are distinct."""
    blocks = all_blocks(spec)
    texts = texts_of(blocks)
    seen = {d for t in texts if "report date" in t.lower() for d in dates_in(t)}
    assert spec.expected.report_date in seen, (spec.name, spec.expected.report_date, seen)
    for label in (k for k in key if not is_fill(k)):
        assert any(label in t for t in texts), (spec.name, "key label not printed", label)
    for fill in (k for k in key if is_fill(k)):
        assert any(c.fill == fill for r in table_rows(blocks) for c in r), (spec.name, "key colour not printed", fill)
    assert len({a.description for a in spec.expected.actions}) == len(spec.expected.actions), spec.name


def check_action(spec: PaperSpec, a: Action, row: list[C], key: Key) -> None:
    """``a``'s values are those printed in ``row`` (for a paper listing actions twice: the cells of
    both of its rows), its RAG what the key makes of the row's colours or words."""
    exp, where = spec.expected, (spec.name, a.ref or a.description[:30])
    cells = [c.text for c in row]
    every_date = {d for t in texts_of(all_blocks(spec)) for d in dates_in(t)}
    assert a.ref is None or a.ref in cells, where
    assert a.lead in cells and a.due_raw in cells, where
    assert dates_in(a.due_raw) == {a.due_date}, (*where, a.due_raw)
    if a.original_due_date:
        assert a.original_due_date in {d for t in cells for d in dates_in(t)}, where
    assert a.service_lead is None or a.service_lead in cells, where
    assert a.priority is None or a.priority in cells, where
    current = [s for s in a.snapshots if s.as_of == exp.report_date]
    assert len(current) == 1, where
    for s in a.snapshots:
        assert s.percent_raw in cells, (*where, s.percent_raw)
        assert s.percent_complete == float(s.percent_raw.rstrip("%")), where
        if s.as_of != exp.report_date:  # an earlier dated column: its percentage only
            assert s.as_of in every_date and s.rag is None and s.status_text is None and s.decisions is None, where
    s = current[0]
    assert s.status_text is None or s.status_text in [clean(t) for t in cells], where
    marks = {key[c.fill] for c in row if c.fill in key} | {key[c.text] for c in row if c.text in key}
    assert marks == ({s.rag} if s.rag else set()), (*where, marks, s.rag)
    assert (s.rag == "complete") == (s.percent_complete == 100), (*where, "rag_inconsistent")


def check(spec: PaperSpec, key: Key) -> None:
    """Hold the expected to what the blocks print: each action's row, values and RAG via the key."""
    check_paper(spec, key)
    rows, texts = table_rows(all_blocks(spec)), texts_of(all_blocks(spec))
    for a in spec.expected.actions:
        hits = [r for r in rows if any(clean(c.text) == a.description for c in r)]
        assert len(hits) == 1, (spec.name, a.description, len(hits))
        check_action(spec, a, hits[0], key)
        assert a.theme is None or any(clean(t).endswith(": " + a.theme) for t in texts), (spec.name, a.ref)
        assert a.snapshots[-1].status_text, (spec.name, a.ref)


_BUILDERS: tuple[Callable[[], tuple[PaperSpec, Key]], ...] = (
    _strathmore, _carrick_vale, _tweedmuir, _forthside, _glenmorven, _eastwood_glen)


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
