"""Layout class 'report_details': where and how a paper states its report details.

Report details in prose ('Report by the Director of Finance to the Policy and Resources
Committee, 14 March 2022. Reference PR/22/07'), in labels run together on one line as a PDF
printed from a spreadsheet shows them ('Report Ref: AC 014 Report Date: 04/02/22 Meeting Date: ###'),
in label/value cells (a details table, a row of a workbook, a header block of two columns), and
the contract's fallbacks: the committee date where the paper states no report date, a date in the
file name where it states neither, the file's own last-modified property where there is nothing
else. Every variant has a real action table (ref, description, lead, target date, a progress
percentage and commentary), so the score covers actions too.

This module also holds the self-check the other layout classes of this author use
(:func:`check_specs`): a spec's ``expected`` against its blocks.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace

from layouts.spec import PRODUCERS, Action, Block, C, Expected, P, PaperSpec, Sheet, Snapshot, T

LAYOUT = "report_details"

HEAD = "D9E2F3"  # header fill
LABEL = "F2F2F2"  # label cell fill
THEME = "DDEBF7"  # theme row fill
RAG_FILL = {"red": "FF0000", "amber": "FFC000", "green": "00B050", "complete": "5B9BD5", "not_started": "BFBFBF"}

# ---------------------------------------------------------------------------------------------
# normalisation as the contract states it, and dates as a UK reader reads them
# ---------------------------------------------------------------------------------------------

BULLET = re.compile(r"^\s*[•▪●◦‣\-–*]\s+")
LABEL_RE = re.compile(r"^\s*(?:(?:BVAR|BV|Audit)\s+)?Recommendation\s*\d*\s*[:.\-–]\s*", re.I)

MONTHS: dict[str, int] = {}
for _i in range(1, 13):
    MONTHS[calendar.month_name[_i].lower()] = _i
    MONTHS[calendar.month_abbr[_i].lower()] = _i
MONTHS["sept"] = 9


def flat(text: str) -> str:
    """A cell's text as the contract normalises description and status_text: paragraphs joined by
    one space, bullets removed, whitespace collapsed."""
    lines = [BULLET.sub("", line) for line in text.replace("\r\n", "\n").split("\n")]
    return re.sub(r"\s+", " ", " ".join(line for line in lines if line.strip())).strip()


def unlabel(text: str) -> str:
    """A theme without its label ('Recommendation 2: ...')."""
    return flat(LABEL_RE.sub("", text))


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def quarter_end(q: int, start_year: int) -> dt.date:
    """The last day of quarter ``q`` of the April-to-March year starting in ``start_year``."""
    return {1: dt.date(start_year, 6, 30), 2: dt.date(start_year, 9, 30), 3: dt.date(start_year, 12, 31),
            4: dt.date(start_year + 1, 3, 31)}[q]


def _year(text: str) -> int:
    y = int(text)
    return y + 2000 if y < 100 else y


_NUMERIC = r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4}|\d{2})"
_WORDY = r"(\d{1,2})(?:st|nd|rd|th)?[ \-]([A-Za-z]{3,9})[ \-,]+(\d{4}|\d{2})"
_QUARTER = r"Q([1-4])\s*(\d{4})\s*/\s*(\d{2}|\d{4})"
_MONTH = r"([A-Za-z]{3,9})[ \-]+(\d{4})"


def _numeric(m: re.Match[str]) -> dt.date:
    return dt.date(_year(m.group(3)), int(m.group(2)), int(m.group(1)))


def _wordy(m: re.Match[str]) -> dt.date | None:
    month = MONTHS.get(m.group(2).lower())
    return dt.date(_year(m.group(3)), month, int(m.group(1))) if month else None


def _quarter(m: re.Match[str]) -> dt.date:
    return quarter_end(int(m.group(1)), int(m.group(2)))


def _month(m: re.Match[str]) -> dt.date | None:
    month = MONTHS.get(m.group(1).lower())
    return month_end(int(m.group(2)), month) if month else None


_FORMS: list[tuple[str, Callable[[re.Match[str]], dt.date | None], str]] = [
    (_NUMERIC, _numeric, "day"), (_WORDY, _wordy, "day"), (_QUARTER, _quarter, "quarter"), (_MONTH, _month, "month"),
]


def parse_date(text: str) -> dt.date | None:
    """A cell that is a date and nothing else, read day-first: '31/03/2022', '31-Mar-22',
    '14 March 2022', 'March 2022' and 'Q3 2021/22' (the last day of the month or quarter)."""
    t = text.strip()
    for pattern, make, _ in _FORMS:
        m = re.fullmatch(pattern, t)
        if m:
            return make(m)
    return None


def dates_in(text: str) -> set[dt.date]:
    """Every date a reader could take from a text (a day-precision date also yields its month's end:
    this is for membership tests, not for reading)."""
    found: set[dt.date] = set()
    for pattern, make, _ in _FORMS:
        for m in re.finditer(r"(?<![A-Za-z0-9])" + pattern + r"(?![0-9])", text):
            try:
                day = make(m)
            except ValueError:
                continue
            if day is not None:
                found.add(day)
    return found


def pct(raw: str) -> float:
    return float(raw.strip().rstrip("%"))


# ---------------------------------------------------------------------------------------------
# cells
# ---------------------------------------------------------------------------------------------


def body(rows: Iterable[Sequence[C | str]]) -> list[list[C | str]]:
    """A table's rows, each a list of cells."""
    return [list(row) for row in rows]


def head(*names: str, fill: str | None = HEAD, bold: bool = True) -> list[C | str]:
    return [C(n, fill=fill, bold=bold) for n in names]


def xdate(text: str, **kw: object) -> C:
    """A date cell of a workbook: typed, printed as ``text`` (its number format follows the text's
    shape: '31/03/2022', '31/03/22', '31-Mar-22', '14 March 2022')."""
    day = parse_date(text)
    assert day is not None, text
    if re.fullmatch(r"\d{2}/\d{2}/\d{4}", text):
        number_format = "dd/mm/yyyy"
    elif re.fullmatch(r"\d{2}/\d{2}/\d{2}", text):
        number_format = "dd/mm/yy"
    elif re.fullmatch(r"\d{2}-[A-Za-z]{3}-\d{2}", text):
        number_format = "dd-mmm-yy"
    else:
        number_format = "d mmmm yyyy"
    return C(text, value=dt.datetime(day.year, day.month, day.day), number_format=number_format, **kw)  # type: ignore[arg-type]


def xpct(p: int, **kw: object) -> C:
    """A percentage cell of a workbook: 0.x shown as 'x%'."""
    return C(f"{p}%", value=p / 100, number_format="0%", **kw)  # type: ignore[arg-type]


def details_rows(pairs: Sequence[tuple[str, C | str]], widths: list[float], label_span: int = 2,
                 value_span: int = 1) -> T:
    """Label/value rows above a workbook's action table, on the table's own column grid (a sheet's
    columns are shared): the label merged over the first ``label_span`` columns, the value over the
    next ``value_span``."""
    n = len(widths)
    rows: list[list[C | str]] = []
    for label, value in pairs:
        cell = replace(value, colspan=value_span) if isinstance(value, C) else C(value, colspan=value_span)
        rows.append([C(label, colspan=label_span, bold=True), cell, *[""] * (n - label_span - value_span)])
    return T(rows, ruled=False, widths=widths, header_rows=0)


def rag_cell(word: str, rag: str) -> C:
    return C(word, fill=RAG_FILL[rag])


# ---------------------------------------------------------------------------------------------
# one action as printed, and what it yields
# ---------------------------------------------------------------------------------------------


@dataclass
class Row:
    ref: str | None
    action: str  # as printed ('\n' between paragraphs)
    lead: str
    due: str  # as printed
    pct: int
    update: str  # as printed
    rag: str | None = None  # red, amber, green, complete, not_started
    prev: int | None = None  # an earlier dated column's percentage


RAG_WORD = {"red": "Red", "amber": "Amber", "green": "Green", "complete": "Complete", "not_started": "Not Started"}


def expect(row: Row, report_date: str | None, *, theme: str | None = None, fmt: str = "{}%",
           prev_as_of: str | None = None, due_date: str | None = None, service_lead: str | None = None,
           priority: str | None = None, report_refs: str | None = None) -> Action:
    """What a careful reader takes from ``row``: the current snapshot at the report date with
    commentary and RAG; an earlier dated column's percentage at its date."""
    due = parse_date(row.due) if due_date is None else dt.date.fromisoformat(due_date)
    snaps: list[Snapshot] = []
    if row.prev is not None:
        assert prev_as_of is not None
        snaps.append(Snapshot(prev_as_of, float(row.prev), fmt.format(row.prev)))
    if report_date is not None:
        snaps.append(Snapshot(report_date, float(row.pct), fmt.format(row.pct), row.rag, flat(row.update) or None))
    return Action(description=flat(row.action), ref=row.ref, theme=theme, lead=row.lead, service_lead=service_lead,
                  priority=priority, due_date=due.isoformat() if due else None, due_raw=row.due,
                  report_refs=report_refs, snapshots=snaps)


# ---------------------------------------------------------------------------------------------
# the variants
# ---------------------------------------------------------------------------------------------


def _prose() -> PaperSpec:
    """The report details in one sentence of prose, with another date later in the text."""
    rows = [
        Row("1", "Refresh the medium term financial strategy to cover 2022/23 to 2026/27, setting out the scale of "
            "the funding gap and the options available to close it.", "Director of Finance", "30/06/2022", 60,
            "Revised funding assumptions reflect the local government finance settlement.\nScenario modelling has "
            "been shared with the cross-party budget working group and will be refined once pay awards are known."),
        Row("2", "Develop a savings and transformation programme with clear milestones and a benefits tracker "
            "reported quarterly to this Committee.", "Head of Transformation", "30/09/2022", 35,
            "• Programme board established and terms of reference agreed\n• Twelve projects scoped, five with "
            "approved business cases\n• Benefits tracker in development with Internal Audit"),
        Row("3", "Agree a reserves strategy setting a minimum level of unearmarked general fund reserves.",
            "Chief Accountant", "31/03/2022", 90,
            "Draft strategy recommends a minimum of 2% of net expenditure. Report to Council for approval this month."),
        Row("4", "Introduce a capital investment prioritisation framework linked to the Council Plan outcomes.",
            "Head of Property and Assets", "31/12/2022", 20,
            "Scoring criteria drafted. Officers propose piloting the framework on the 2023/24 capital bids before "
            "it is applied to the full programme."),
        Row("5", "Provide elected members with training on financial scrutiny.", "Head of Democratic Services",
            "31/05/2022", 50, "Two of four sessions delivered, attended by 31 members."),
        Row("6", "Review fees and charges against comparator councils and publish a charging policy.",
            "Revenues and Benefits Manager", "30/04/2022", 75,
            "Benchmarking complete. Draft policy with service managers for comment."),
        Row("7", "Align service plans with the financial strategy so that each plan states its budget, workforce and "
            "savings assumptions.", "Director of Finance", "31/03/2023", 10,
            "Template agreed by the Corporate Management Team; services will use it for the 2023/24 planning round."),
    ]
    table = T([head("Ref", "Improvement Action", "Lead Officer", "Target Date", "% Complete", "Progress Commentary"),
               *body([r.ref or "", r.action, r.lead, r.due, f"{r.pct}%", r.update] for r in rows)],
              widths=[0.55, 3.6, 1.6, 1.2, 1.05, 4.2])
    title = "Best Value Improvement Plan: Progress Report"
    blocks: list[Block] = [
        P(title, "title"),
        P("Report by the Director of Finance to the Policy and Resources Committee, 14 March 2022. "
          "Reference PR/22/07"),
        P("1. Purpose", "heading"),
        P("This report provides the Committee with an update on the improvement plan agreed in response to the "
          "Best Value Assurance Report. The previous update was considered by the Committee on 8 November 2021."),
        P("2. Recommendation", "heading"),
        P("The Committee is asked to note the progress made against each action and to agree the revised approach "
          "to the capital investment framework set out at action 4."),
        P("Appendix 1 – Improvement Plan Progress", "heading"),
        table,
    ]
    date = "2022-03-14"
    return PaperSpec(
        LAYOUT, "pr_committee_bv_improvement_plan_progress", blocks,
        Expected(title, date, [expect(r, date) for r in rows], report_ref="PR/22/07", committee_date=None),
        producers=("docx", "pdf", "lo-docx"),
        note="report date and reference in one sentence of prose; a later paragraph names an earlier meeting date")


def _runon_rows() -> list[Row]:
    return [
        Row("1", "Publish a community engagement strategy setting out how communities will be involved in "
            "decisions about local services.", "Head of Communities", "30/06/22", 40,
            "Consultation on the draft strategy closed with 412 responses. Analysis under way; publication expected "
            "later than planned due to staff absence.", "amber"),
        Row("2", "Establish a locality partnership in each of the four localities.", "Community Planning Manager",
            "31/03/22", 75, "Three partnerships meeting regularly. The fourth holds its first meeting next month.",
            "green"),
        Row("3", "Deliver participatory budgeting so that at least 1% of the council's budget is allocated through "
            "community choices.", "Head of Communities", "31/03/23", 25,
            "Pilot in two localities allocated £180,000. Mainstreaming options to be reported to Council.", "amber"),
        Row("4", "Develop a strategic workforce plan, informed by an analysis of the age profile, skills gaps and "
            "succession risks.", "Head of HR and Organisational Development", "31/12/22", 30,
            "Workforce data analysis complete. Service workforce plans being collated.", "green"),
        Row("5", "Introduce a leadership development programme for senior and middle managers.",
            "Head of HR and Organisational Development", "30/09/22", 10,
            "Procurement of a delivery partner failed to attract a suitable bid.\nOptions being reconsidered.", "red"),
        Row("6", "Carry out an employee engagement survey and publish the results and the actions arising.",
            "Chief Executive", "31/01/22", 100,
            "Survey completed with a 58% response rate. Results and action plan published on the intranet.",
            "complete"),
        Row("7", "Implement the recommendations of the tenant participation review.", "Head of Housing", "30/06/22",
            50, "Tenant scrutiny panel recruited and trained.", "green"),
        Row("8", "Agree a shared set of outcome measures with community planning partners.",
            "Community Planning Manager", "30/09/22", 0,
            "Work to begin once the Local Outcomes Improvement Plan refresh is agreed.", "not_started"),
    ]


def _runon_pdf() -> PaperSpec:
    """The labels of a spreadsheet's details row run together on one line, as its PDF print shows
    them; the meeting date's column too narrow to print ('###')."""
    rows = _runon_rows()
    table = T([head("No.", "Action", "Responsible Officer", "Due Date", "RAG", "Progress %", "Update",
                    fill="BDD7EE"),
               *body([r.ref or "", r.action, r.lead, r.due, rag_cell(RAG_WORD[r.rag or ""], r.rag or ""), str(r.pct),
                  r.update] for r in rows)],
              ruled=False, widths=[0.45, 3.4, 1.7, 0.85, 0.8, 0.95, 3.8], font_size=8.5)
    title = "BVAR Action Plan – Progress Tracker"
    blocks: list[Block] = [
        P(title, "title"),
        P("Audit and Scrutiny Committee", bold=True),
        P("Report Ref: AC 014 Report Date: 04/02/22 Meeting Date: ###"),
        table,
    ]
    date = "2022-02-04"
    return PaperSpec(
        LAYOUT, "audit_scrutiny_bvar_progress_tracker", blocks,
        Expected(title, date, [expect(r, date, fmt="{}") for r in rows], report_ref="AC 014", committee_date=None),
        producers=("pdf",),
        note="'Report Ref: AC 014 Report Date: 04/02/22 Meeting Date: ###' on one line: the ref stops at the next "
             "label, '###' is no date; an unruled table as a spreadsheet prints it, RAG words on fills")


def _details_row_sheet(print_form: bool) -> PaperSpec:
    """A workbook whose details are label and value cells across one row above the table; the
    meeting date's value falls in the narrow '%' column, which LibreOffice prints as '###'."""
    rows = [
        Row("D1", "Agree a digital strategy for the council and its partners, with a costed delivery plan.",
            "Chief Digital Officer", "30/06/2022", 45,
            "Strategy approved by the Corporate Management Team. Costed delivery plan being finalised with Finance."),
        Row("D2", "Move the remaining on-premises line-of-business systems to cloud hosting.",
            "ICT Infrastructure Manager", "31/03/2023", 30,
            "Eleven of 37 systems migrated.\nPayroll and social work case management systems scheduled for the "
            "autumn."),
        Row("D3", "Expand the range of services customers can request and pay for online.",
            "Customer Services Manager", "31/12/2022", 55,
            "• Bulk uplift and garden waste permits now online\n• Council tax direct debit form live\n"
            "• Planning enquiries next"),
        Row("D4", "Provide digital skills training for frontline staff without regular access to a computer.",
            "Head of HR", "30/09/2022", 20, "Pilot with the roads and waste teams starting in June."),
        Row("P1", "Agree a data sharing framework with NHS partners to support integrated health and social care.",
            "Chief Officer, Health and Social Care Partnership", "31/08/2022", 60,
            "Framework drafted and reviewed by both data protection officers."),
        Row("P2", "Develop joint performance reporting for the Integration Joint Board and the council.",
            "Performance and Improvement Manager", "31/10/2022", 40,
            "Joint indicator set agreed. First combined report due to the IJB in September."),
        Row("P3", "Review the governance of the community planning partnership, including the role of the "
            "executive group.", "Community Planning Manager", "30/06/2022", 80,
            "Review complete; revised terms of reference to be agreed at the next partnership board."),
        Row("P4", "Establish a shared asset review with the police, fire and health services to identify "
            "opportunities for co-location.", "Head of Property", "31/03/2023", 15,
            "Asset data exchanged with partners. Two potential co-location sites identified in the north locality."),
        Row("P5", "Publish an annual partnership report showing progress against the Local Outcomes Improvement "
            "Plan.", "Community Planning Manager", "30/09/2022", 0, "Not yet started; timetable agreed with partners."),
    ]
    widths = [1.1, 3.4, 1.9, 1.2, 0.55, 3.6]
    table = T([head("Action Ref", "Action", "Lead", "Target Date", "%", "Commentary", fill="C6E0B4"),
               *body([r.ref or "", r.action, r.lead, xdate(r.due), xpct(r.pct), r.update] for r in rows)],
              widths=widths)
    meeting = xdate("26/05/2022")
    if print_form:
        meeting = replace(meeting, text="###")
    # the meeting date's label sits under 'Report Date:' and its value in the narrow fifth column
    details = T([[C("Report Ref:", bold=True), "HSC 22/031", C("Report Date:", bold=True), xdate("17/05/22"), "", ""],
                 ["", "", C("Meeting Date:", bold=True), "", meeting, ""]],
                ruled=False, widths=widths, header_rows=0)
    title = "Best Value Action Plan 2021-2023: Monitoring Report"
    blocks: list[Block] = [P(title, "title"), P("Health and Social Care Committee", bold=True), details, table]
    date = "2022-05-17"
    name = "hsc_bv_action_plan_monitoring" + ("_print" if print_form else "")
    return PaperSpec(
        LAYOUT, name, blocks,
        Expected(title, date, [expect(r, date) for r in rows], report_ref="HSC 22/031",
                 committee_date=None if print_form else "2022-05-26"),
        producers=("lo-xlsx",) if print_form else ("xlsx",),
        sheets=[Sheet("Monitoring", blocks)],
        note=("LibreOffice's print of the workbook: the meeting date in a column too narrow to print it ('###')"
              if print_form else
              "label and value cells across rows above the table, real Excel dates and percentages"))


def _meeting_lines() -> PaperSpec:
    """No report date: 'Date of Meeting:' and 'Report No:' lines; the file name's month is later in
    the order of fallbacks than the committee date."""
    rows = [
        Row("CE1", "Support community groups to take on the ownership or management of council assets through "
            "community asset transfer.", "Asset Transfer Officer", "31 March 2022", 30,
            "Four expressions of interest received. Guidance for applicants refreshed and published."),
        Row("CE2", "Set up a community empowerment hub on the council website with guidance, contacts and funding "
            "information.", "Communications Manager", "31 August 2021", 70,
            "Content drafted and reviewed by the community reference group.\nGoing live once accessibility testing "
            "is complete."),
        Row("CE3", "Train council staff who work with communities in community development approaches.",
            "Learning and Development Manager", "31 December 2021", 15,
            "Course content agreed with the college. Sessions will run online until venues reopen."),
        Row("CE4", "Respond to participation requests within the statutory timescales and report the outcomes "
            "annually.", "Head of Legal and Democratic Services", "30 September 2021", 50,
            "Two participation requests received this year, both answered within timescale. Annual report being "
            "drafted."),
        Row("CE5", "Work with community councils to agree how they will be consulted on service changes.",
            "Community Council Liaison Officer", "31 October 2021", 20,
            "Survey of community councils issued; responses so far from 14 of 26."),
        Row("CE6", "Develop local place plans with communities in the three regeneration areas.",
            "Head of Planning and Regeneration", "31 March 2023", 5,
            "Awaiting Scottish Government regulations and guidance on local place plans."),
    ]
    table = T([head("Action No", "What we will do", "Lead Officer", "By When", "Progress (%)", "Update",
                    fill="E2EFDA"),
               *body([r.ref or "", r.action, r.lead, r.due, f"{r.pct}%", r.update] for r in rows)],
              widths=[0.85, 3.5, 1.8, 1.45, 1.05, 3.8])
    title = "Best Value Action Plan: Community Empowerment – Progress Update"
    blocks: list[Block] = [
        P("Communities and Housing Committee", bold=True),
        P("Date of Meeting: 23 June 2021"),
        P("Report No: CS/21/45"),
        P(title, "heading"),
        P("This report sets out progress with the community empowerment actions in the Best Value action plan "
          "since the last report to Committee."),
        table,
    ]
    date = "2021-06-23"
    return PaperSpec(
        LAYOUT, "communities_housing_bv_update_2021-06", blocks,
        Expected(title, date, [expect(r, date) for r in rows], report_ref="CS/21/45", committee_date=date,
                 report_date_source="committee_date"),
        producers=("docx", "lo-docx", "pdf"),
        note="no report date: the meeting date is the report date (not the file name's month, 2021-06-30)")


def _details_table() -> PaperSpec:
    """A label/value details table at the top, an earlier dated progress column and RAG words."""
    rows = [
        Row("1", "Complete the review of the council's senior management structure and implement the agreed "
            "structure.", "Chief Executive", "31-Dec-21", 80,
            "New structure approved by Council in September. Recruitment to two Head of Service posts under way.",
            "green", 40),
        Row("2", "Develop and publish a workforce strategy for 2022 to 2027.", "Head of People", "31-Mar-22", 55,
            "Consultation with trade unions complete. Final draft to Committee in February.", "green", 20),
        Row("3", "Reduce sickness absence to the Scottish council average.", "Head of People", "31-Mar-22", 25,
            "Absence rose during the pandemic, mainly stress and musculoskeletal.\n• Attendance management training "
            "relaunched\n• Occupational health contract retendered", "red", 10),
        Row("4", "Introduce annual performance and development reviews for all staff.", "HR Business Partners",
            "30-Jun-22", 45,
            "Completion rate 62% against a target of 90%. Services with low completion rates have been asked for "
            "improvement plans.", "amber", 30),
        Row("5", "Launch a graduate and modern apprenticeship programme to address skills gaps in hard-to-fill "
            "posts.", "Head of People", "30-Sep-22", 20, "Funding approved for twelve modern apprentices from August.",
            "green", 0),
        Row("6", "Agree a hybrid working policy setting out arrangements for office and home working.",
            "Head of Property and Facilities", "31-Oct-21", 100,
            "Policy agreed by the Joint Consultative Committee and in place from 1 October.", "complete", 60),
        Row("7", "Carry out an equal pay audit and publish the results.", "Payroll and HR Systems Manager",
            "31-Jan-22", 0, "Scheduled to begin in December once year-end payroll work is complete.", "not_started",
            0),
    ]
    title = "Best Value Improvement Plan – Six Monthly Update"
    details = T([[C("Report to", bold=True, fill=LABEL), "Finance and Resources Committee"],
                 [C("Meeting Date", bold=True, fill=LABEL), "9 November 2021"],
                 [C("Report Title", bold=True, fill=LABEL), title],
                 [C("Report Number", bold=True, fill=LABEL), "FR/21/112"],
                 [C("Report Date", bold=True, fill=LABEL), "29 October 2021"],
                 [C("Report Author", bold=True, fill=LABEL), "Corporate Performance Manager"]],
                widths=[1, 3], header_rows=0)
    table = T([head("Ref", "Action", "Lead", "Target Date", "Progress at 30.04.21", "Current Progress", "RAG",
                    "Comments"),
               *body([r.ref or "", r.action, r.lead, r.due, f"{r.prev}%", f"{r.pct}%",
                  rag_cell(RAG_WORD[r.rag or ""], r.rag or ""), r.update] for r in rows)],
              widths=[0.6, 3.2, 1.5, 1.15, 1.15, 1.15, 1.1, 3.6])
    blocks: list[Block] = [
        details,
        P(title, "heading"),
        P("Progress is shown against the position reported to the Committee in May, with the current position "
          "for each action."),
        table,
    ]
    date = "2021-10-29"
    return PaperSpec(
        LAYOUT, "fr_committee_bv_improvement_six_monthly", blocks,
        Expected(title, date, [expect(r, date, prev_as_of="2021-04-30") for r in rows], report_ref="FR/21/112",
                 committee_date="2021-11-09"),
        producers=("docx", "lo-docx", "pdf"), landscape=True,
        note="details table of label/value cells (meeting date before report date); 'Progress at 30.04.21' a "
             "dated snapshot, 'Current Progress' at the report date")


def _header_block() -> PaperSpec:
    """Details in a header block of two columns (each cell several labelled lines), themes as
    labelled full-width rows."""
    recs = [
        ("Recommendation 1: Elected members and officers should agree a shared vision and clear priorities for "
         "the council.", [
             Row("1.1", "Hold facilitated workshops with elected members and the Corporate Management Team to agree "
                 "the council's priorities for the current term.", "Chief Executive", "30/11/2022", 75,
                 "Three workshops held. Draft priorities to be presented to Council in October.", "green"),
             Row("1.2", "Publish a new Council Plan with measurable outcomes and a delivery plan.",
                 "Head of Policy and Performance", "31/03/2023", 30,
                 "Outline structure agreed; outcome measures being developed with services.\nTimescale is tight "
                 "given the October Council date.", "amber"),
             Row("1.3", "Refresh the member-officer protocol and deliver joint training on roles and "
                 "responsibilities.", "Monitoring Officer", "31/12/2022", 20,
                 "Revised protocol drafted with the Standards Officer.", "green"),
         ]),
        ("Recommendation 2: The council should strengthen its scrutiny arrangements.", [
            Row("2.1", "Review the remit and membership of the Audit, Risk and Scrutiny Committee against good "
                "practice guidance.", "Monitoring Officer", "31/10/2022", 60,
                "Self-assessment against the CIPFA guidance completed by members in June. Findings to be reported "
                "alongside this update.", "amber"),
            Row("2.2", "Introduce a forward work programme for scrutiny, agreed by the Committee each year.",
                "Committee Services Manager", "30/09/2022", 100,
                "Work programme for 2022/23 approved at the last meeting.", "complete"),
            Row("2.3", "Provide training for committee members on questioning and challenge.",
                "Committee Services Manager", "30/11/2022", 0, "Provider identified; dates to be agreed with members.",
                "not_started"),
        ]),
        ("Recommendation 3: The council should improve its public performance reporting.", [
            Row("3.1", "Publish an annual performance report that sets out progress against the Council Plan in "
                "plain language.", "Head of Policy and Performance", "30/09/2022", 85,
                "Draft report complete and with the communications team for design.", "green"),
            Row("3.2", "Make performance information available on the council website through an online "
                "dashboard.", "Digital Services Manager", "31/03/2023", 15,
                "Dashboard software licence not yet procured. Options paper going to the Digital Board.", "red"),
        ]),
    ]
    table_rows: list[list[C | str]] = []
    for rec, rows in recs:
        table_rows.append([C(rec, colspan=7, bold=True, fill=THEME)])
        table_rows += [[r.ref or "", r.action, r.lead, r.due, f"{r.pct}%", rag_cell(RAG_WORD[r.rag or ""], r.rag or ""),
                  r.update] for r in rows]
    table = T([head("Ref", "Action", "Responsible Officer", "Target Date", "% Complete", "RAG", "Progress Update"),
               *table_rows], widths=[0.55, 3.4, 1.6, 1.25, 1.15, 0.8, 3.9])
    block = T([[C("AUDIT, RISK AND SCRUTINY COMMITTEE\nMeeting Date: 7 September 2022\nAgenda Item: 9", bold=False),
                "Report by: Chief Executive\nReport Ref: ARS/22/19\nDate of Report: 24 August 2022"]],
              ruled=False, widths=[1, 1], header_rows=0)
    title = "Best Value Assurance Report: Action Plan Progress"
    blocks: list[Block] = [
        block,
        P(title, "heading"),
        P("The action plan below responds to the recommendations of the Controller of Audit. Actions are grouped "
          "by recommendation."),
        table,
    ]
    date = "2022-08-24"
    actions = [expect(r, date, theme=unlabel(rec)) for rec, rows in recs for r in rows]
    return PaperSpec(
        LAYOUT, "ars_committee_bvar_action_plan_progress", blocks,
        Expected(title, date, actions, report_ref="ARS/22/19", committee_date="2022-09-07"),
        producers=("docx", "lo-docx"),
        note="details in a borderless two-column header block, meeting on the left, report on the right; "
             "themes 'Recommendation N:' rows")


def _file_name_rows() -> list[Row]:
    return [
        Row("E1", "Close the poverty-related attainment gap in literacy and numeracy at primary stages by targeting "
            "Pupil Equity Funding.", "Head of Education", "June 2022", 40,
            "Attainment advisers working with 18 schools on targeted interventions. Early results show improvement "
            "in P4 literacy."),
        Row("E2", "Complete the learning estate strategy and agree a prioritised programme of school investment.",
            "Head of Education Resources", "March 2022", 65,
            "Condition and suitability surveys complete. Draft strategy with the project board."),
        Row("E3", "Increase the number of young people entering positive destinations.", "Head of Education",
            "August 2022", 50,
            "• Developing the Young Workforce coordinators in every secondary school\n• Employer engagement "
            "programme relaunched"),
        Row("E4", "Implement the Promise: review care-experienced young people's pathways and involve them in "
            "service design.", "Chief Social Work Officer", "March 2023", 20,
            "Champions board established with eight care-experienced young people."),
        Row("E5", "Reduce the number of out-of-authority placements through investment in local foster care.",
            "Head of Children's Services", "December 2022", 30,
            "Foster carer recruitment campaign launched. Four new carers approved."),
        Row("E6", "Review home-to-school transport policy to reduce costs while protecting eligibility.",
            "Transport Manager", "April 2022", 80, "Consultation complete; policy to be considered by Committee."),
    ]


def _file_name() -> PaperSpec:
    """No date in the paper: the file name's month ('_2021-12') is the report date, its last day."""
    rows = _file_name_rows()
    table = T([head("Ref", "Action", "Lead", "Target", "% Complete", "Progress", fill="FFF2CC"),
               *body([r.ref or "", r.action, r.lead, r.due, f"{r.pct}%", r.update] for r in rows)],
              widths=[0.55, 3.6, 1.7, 1.25, 1.05, 3.8])
    title = "Best Value Action Plan – Update"
    blocks: list[Block] = [
        P(title, "title"),
        P("Education and Children's Services Committee", bold=True),
        P("Report Ref: ECS/21/88"),
        P("Progress on the actions for which the Education and Children's Services Directorate is responsible is "
          "set out below."),
        table,
    ]
    date = "2021-12-31"
    return PaperSpec(
        LAYOUT, "ecs_bv_action_plan_update_2021-12", blocks,
        Expected(title, date, [expect(r, date) for r in rows], report_ref="ECS/21/88",
                 report_date_source="file_name"),
        producers=("docx", "xlsx", "pdf", "lo-docx"), sheets=[Sheet("Update", blocks)],
        note="no report or meeting date anywhere: the file name's '2021-12' gives 2021-12-31 (month: its last day, "
             "as the contract reads 'May 2021'); targets in months")


def _file_properties() -> PaperSpec:
    """Nothing dated in the paper or its name: the file's own last-modified property."""
    rows = [
        Row("S1", "Adopt a climate change strategy with a route map to net zero for council buildings and fleet.",
            "Head of Sustainability", "31/10/2022", 70,
            "Strategy approved by Council; route map costings being finalised.", "green"),
        Row("S2", "Rationalise the office estate, reducing the number of office buildings from nine to five.",
            "Head of Property", "31/03/2023", 40,
            "Two buildings vacated and marketed.\nStaff moves for the third delayed by network works.", "amber"),
        Row("S3", "Introduce category management for the council's top twenty areas of procurement spend.",
            "Procurement Manager", "31/12/2022", 25,
            "Category strategies drafted for construction, social care and ICT.", "amber"),
        Row("S4", "Replace the fleet's diesel pool cars with electric vehicles.", "Fleet Manager", "30/06/2023", 35,
            "27 of 80 vehicles replaced; charging points installed at four depots.", "green"),
        Row("S5", "Publish a community benefits report showing what suppliers have delivered under council "
            "contracts.", "Procurement Manager", "30/09/2022", 90, "Report drafted. Sign-off by the Director awaited.",
            "green"),
        Row("S6", "Review the council's energy contracts and move to a renewable electricity tariff.",
            "Energy Manager", "31/03/2023", 10, "Market prices have delayed retendering. Revisit in the new year.",
            "red"),
    ]
    table = T([head("Ref", "Action", "Lead Officer", "Target Date", "Progress %", "RAG", "Latest Update"),
               *body([r.ref or "", r.action, r.lead, xdate(r.due), xpct(r.pct),
                  rag_cell(RAG_WORD[r.rag or ""], r.rag or ""), r.update] for r in rows)],
              widths=[0.55, 3.5, 1.5, 1.15, 1.0, 0.8, 3.6])
    title = "Best Value Improvement Plan Tracker"
    blocks: list[Block] = [P(title, "title"), P("Corporate Services", bold=True), table]
    date = "2022-09-12"
    return PaperSpec(
        LAYOUT, "corporate_services_bv_improvement_tracker", blocks,
        Expected(title, date, [expect(r, date) for r in rows], report_ref=None, report_date_source="file_properties"),
        producers=("docx", "xlsx"), sheets=[Sheet("Tracker", blocks)], modified=dt.datetime(2022, 9, 12, 12, 0),
        note="no date in the paper nor its name: the file's last-modified property (12 September 2022) is the "
             "report date")


def variants() -> list[PaperSpec]:
    return [_prose(), _runon_pdf(), _details_row_sheet(False), _details_row_sheet(True), _meeting_lines(),
            _details_table(), _header_block(), _file_name(), _file_properties()]


# ---------------------------------------------------------------------------------------------
# self-check: each spec's expected against its blocks
# ---------------------------------------------------------------------------------------------

RAG_WORDS = {"red": "red", "amber": "amber", "green": "green", "complete": "complete", "completed": "complete",
             "not started": "not_started"}
NAME_DATE = re.compile(r"(?<!\d)(20\d{2})-(\d{2})(?:-(\d{2}))?(?!\d)")


def _cell(item: C | str) -> C:
    return item if isinstance(item, C) else C(str(item))


def table_grid(table: T) -> list[list[C]]:
    """The table's rows with each position filled by the cell covering it; every row as wide as
    the first."""
    covered: dict[tuple[int, int], C] = {}
    for r, row in enumerate(table.rows):
        c = 0
        for item in row:
            cell = _cell(item)
            while (r, c) in covered:
                c += 1
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    assert (r + dr, c + dc) not in covered, f"overlapping spans at row {r + dr}"
                    covered[(r + dr, c + dc)] = cell
            c += cell.colspan
    n = max(c for _, c in covered) + 1
    grid = []
    for r in range(len(table.rows)):
        assert all((r, c) in covered for c in range(n)), f"row {r} of a table is not {n} columns wide: {table.rows[r]}"
        grid.append([covered[(r, c)] for c in range(n)])
    return grid


def _blocks(spec: PaperSpec) -> list[P | T]:
    out = list(spec.blocks)
    for sheet in spec.sheets or []:
        out += [b for b in sheet.blocks if b not in out]
    return out


def _texts(spec: PaperSpec) -> Iterable[str]:
    for block in _blocks(spec):
        if isinstance(block, P):
            yield block.text
        else:
            for row in block.rows:
                for item in row:
                    yield _cell(item).text


def _is_table_date_cell(spec: PaperSpec, text: str, descriptions: set[str]) -> bool:
    """Whether a dated text is a cell of an action's row or of a table's header rows."""
    for block in _blocks(spec):
        if isinstance(block, T):
            grid = table_grid(block)
            for i, row in enumerate(grid):
                texts = [c.text for c in row]
                if text in texts and (i < block.header_rows or any(flat(t) in descriptions for t in texts)):
                    return True
    return False


def check_specs(specs: Sequence[PaperSpec], layout: str, rag_words: dict[str, str] | None = None) -> None:
    """Assert each spec's ``expected`` follows from its blocks: each action's description, ref,
    lead, target date, percentage, RAG and commentary in one table row; themes, report details and
    the report date's source where the paper (or its name or properties) gives them."""
    words = {**RAG_WORDS, **(rag_words or {})}
    names = [s.name for s in specs]
    assert len(set(names)) == len(names), "two specs with one name"
    assert len(specs) >= 4, "at least four variants"
    for spec in specs:
        where = f"{layout}/{spec.name}"
        try:
            _check_spec(spec, layout, words)
        except AssertionError as exc:
            raise AssertionError(f"{where}: {exc}") from exc


def _check_spec(spec: PaperSpec, layout: str, words: dict[str, str]) -> None:
    e = spec.expected
    assert spec.layout == layout, spec.layout
    assert spec.producers and all(p in PRODUCERS for p in spec.producers), spec.producers
    assert 5 <= len(e.actions) <= 12, f"{len(e.actions)} actions"
    for block in _blocks(spec):  # typed workbook cells print as their text
        if isinstance(block, T):
            table_grid(block)
            for printed in block.rows:
                for item in printed:
                    cell = _cell(item)
                    if isinstance(cell.value, dt.date) and cell.text != "###":
                        day = cell.value.date() if isinstance(cell.value, dt.datetime) else cell.value
                        assert parse_date(cell.text) == day, f"{cell.text!r} prints {cell.value!r}?"
                    if isinstance(cell.value, float) and "%" in (cell.number_format or ""):
                        assert cell.text == f"{round(cell.value * 100)}%", cell.text
    texts = list(_texts(spec))
    everything = "\n".join(texts)
    all_dates: set[dt.date] = set()
    for t in texts:
        all_dates |= dates_in(t)
    # the document
    if e.report_ref is not None:
        assert re.search(r"(?<![\w/])" + re.escape(e.report_ref) + r"(?![\w/])", everything), "report_ref not printed"
        assert re.fullmatch(r"[A-Z0-9][A-Z0-9/ .\-]*[A-Z0-9]", e.report_ref), f"report_ref {e.report_ref!r}: a code"
    name_date = NAME_DATE.search(spec.name)
    named: dt.date | None = None
    if name_date:
        y, m, d = name_date.groups()
        named = dt.date(int(y), int(m), int(d)) if d else month_end(int(y), int(m))
    report = dt.date.fromisoformat(e.report_date) if e.report_date else None
    descriptions = {a.description for a in e.actions}
    source = e.report_date_source
    if source == "paper":
        assert report in all_dates, f"report date {report} not printed"
    elif source == "committee_date":
        assert e.committee_date == e.report_date and report in all_dates, "committee date"
    elif source in ("file_name", "file_properties"):
        assert e.committee_date is None
        dated = [t for t in texts if dates_in(t) and not _is_table_date_cell(spec, t, descriptions)]
        assert not dated, f"a date outside the action tables: {dated[0]!r}"
        if source == "file_name":
            assert named == report, f"file name date {named} != {report}"
        else:
            assert named is None and spec.modified is not None and spec.modified.date() == report
            assert set(spec.producers) <= {"docx", "xlsx"}, "file properties: docx/xlsx only"
    else:
        assert source is None and report is None
    if e.committee_date is not None:
        assert dt.date.fromisoformat(e.committee_date) in all_dates, "committee date not printed"
    # the actions
    tables = [(b, table_grid(b)) for b in _blocks(spec) if isinstance(b, T)]
    assert len(descriptions) == len(e.actions), "two actions with one description"
    for a in e.actions:
        rows = [(t, grid[i]) for t, grid in tables for i in range(t.header_rows, len(grid))
                if any(flat(c.text) == a.description for c in grid[i])]
        assert len({id(t) for t, _ in rows}) == 1 and len(rows) >= 1, f"{a.description[:40]!r}: in {len(rows)} rows"
        table, row = rows[0]
        heads = [c.text for r in table_grid(table)[: table.header_rows] for c in r]
        cells = {c.text.strip() for c in row}
        flats = {flat(c.text) for c in row}
        who = a.ref or a.description[:30]
        for field in ("ref", "lead", "service_lead", "priority", "due_raw", "report_refs"):
            value = getattr(a, field)
            assert value is None or value in cells or value in flats, f"{who}: {field} {value!r} not in its row"
        if a.theme is not None:
            themes = {unlabel(t) for t in texts}
            assert a.theme in themes, f"{who}: theme {a.theme!r} not printed"
            assert not LABEL_RE.match(a.theme)
        assert a.due_date is not None and a.due_raw is not None
        assert parse_date(a.due_raw) == dt.date.fromisoformat(a.due_date), f"{who}: due {a.due_raw} != {a.due_date}"
        row_dates = {d for c in row for d in ([parse_date(c.text)] if parse_date(c.text) else [])}
        if a.original_due_date is not None:
            original = dt.date.fromisoformat(a.original_due_date)
            assert original != dt.date.fromisoformat(a.due_date) and original in row_dates, f"{who}: original"
        current = [s for s in a.snapshots if s.as_of == e.report_date]
        assert report is None or len(current) == 1, f"{who}: {len(current)} snapshots at the report date"
        for s in a.snapshots:
            assert s.percent_raw is not None and s.percent_raw in cells, f"{who}: percent {s.percent_raw!r}"
            assert s.percent_complete == pct(s.percent_raw)
            if s.as_of != e.report_date:
                assert s.rag is None and s.status_text is None and s.decisions is None, f"{who}: earlier snapshot"
                day = dt.date.fromisoformat(s.as_of)
                assert any(day in dates_in(h) for h in heads), f"{who}: no header dated {s.as_of}"
                continue
            rag_cells = [words[t.lower()] for t in flats if t.lower() in words]
            assert rag_cells == ([s.rag] if s.rag else []), f"{who}: rag {s.rag} vs cells {rag_cells}"
            assert s.status_text is None or s.status_text in flats, f"{who}: status_text not a cell of its row"
            assert s.decisions is None or s.decisions in flats, f"{who}: decisions not a cell of its row"


def check() -> None:
    check_specs(variants(), LAYOUT)


if __name__ == "__main__":
    check()
    print(f"{LAYOUT}: {len(variants())} variants ok")
