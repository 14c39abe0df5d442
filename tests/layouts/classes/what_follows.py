"""Layout class 'what_follows': what comes after an action table must never become an action.

Councils end their action tables with all sorts of things: a register of issues, risks and change
requests (a table headed 'Key Risks' | 'Mitigation', or a heading and a bulleted list), the colour
key of the RAG column (a row of labelled swatches right under the table, in a workbook with no
blank row between, in Word as the table's own last rows), numbered notes, a sign-off block
('Prepared by:', 'Date:'), a totals row ('Total actions: 9 | Complete: 3'), a row whose cells do
not fit the table's columns (a key's labels under 'Lead', 'Due' ...). The expected lists only the
real actions; registers are not scored, but an extra action costs a field.

:func:`variants` returns the papers; each is checked against its own blocks by :func:`_check`.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass

from ..spec import Action, Block, C, Expected, P, PaperSpec, Row, Snapshot, T

LAYOUT = "what_follows"
# rag -> (the key's label, its colour): the key most councils copy (Concern = red, Caution = amber ...)
KEY = {"not_started": ("Not Started", "BFBFBF"), "red": ("Concern", "FF0000"), "amber": ("Caution", "FFC000"),
       "green": ("On Target", "00B050"), "complete": ("Complete", "0070C0")}
WORD_FILL = {"red": "FF0000", "amber": "FFC000", "green": "00B050", "complete": "0070C0", "not_started": "BFBFBF"}


@dataclass
class Act:
    """One action row as printed, with what a careful reader takes from it."""

    ref: str | None
    description: str
    lead: str
    due_raw: str  # as printed
    due: str  # ISO
    pct_raw: str  # as printed
    pct: float
    rag: str | None
    rag_word: str  # as printed ('' where the RAG is the cell's colour only)
    update: list[str]  # the commentary's paragraphs as printed
    theme: str | None = None
    original_due: str | None = None
    earlier_raw: str | None = None  # progress in an earlier dated column, as printed
    earlier: float | None = None

    @property
    def update_text(self) -> str:
        return "\n".join(self.update)

    @property
    def status_text(self) -> str | None:
        return " ".join(self.update) or None


def _pct_cell(raw: str, pct: float, typed: bool = True) -> C:
    if typed and raw.endswith("%"):
        return C(raw, value=pct / 100, number_format="0%")
    if typed and re.fullmatch(r"\d+", raw):
        return C(raw, value=int(raw))
    return C(raw)


def _date_cell(raw: str, typed: bool = True) -> C:
    if typed and re.fullmatch(r"\d\d/\d\d/\d{4}", raw):
        return C(raw, value=dt.datetime.strptime(raw, "%d/%m/%Y"), number_format="dd/mm/yyyy")
    return C(raw)


def _row(*cells: C | str) -> Row:
    return list(cells)


def _actions(acts: list[Act], report_date: str, earlier_as_of: str | None = None) -> list[Action]:
    out = []
    for a in acts:
        snaps = []
        if earlier_as_of is not None:
            snaps.append(Snapshot(earlier_as_of, a.earlier, a.earlier_raw))
        snaps.append(Snapshot(report_date, a.pct, a.pct_raw, a.rag, a.status_text))
        out.append(Action(a.description, ref=a.ref, theme=a.theme, lead=a.lead, due_date=a.due,
                          original_due_date=a.original_due, due_raw=a.due_raw, snapshots=snaps))
    return out


# --- 1. a 'Key Risks' | 'Mitigation' table, numbered notes and a sign-off after the action table -------------

STRATHALLAN = [
    Act("1", "Agree a refreshed Council Plan and align service plans to it.", "Chief Executive", "30-Jun-22",
        "2022-06-30", "50%", 50, "amber", "Amber",
        ["Council Plan consultation closed on 28 February; analysis under way."]),
    Act("2", "Review the effectiveness of the new committee structure after one year.", "Head of Governance",
        "31-Mar-22", "2022-03-31", "90%", 90, "green", "Green",
        ["Member survey completed; report to Council on 31 March 2022."]),
    Act("3", "Develop a medium-term financial strategy with a five-year horizon.", "Chief Finance Officer",
        "Sep 2022", "2022-09-30", "30%", 30, "amber", "Amber",
        ["Financial modelling for 2023/24 to 2027/28 started.", "Scenarios to be shared with members in May."]),
    Act("4", "Set up a corporate project management office for the transformation programme.",
        "Head of Transformation", "31-Dec-21", "2021-12-31", "100%", 100, "complete", "Complete",
        ["Project management office in place since December 2021."]),
    Act("5", "Implement a workforce strategy addressing recruitment and retention in social care.", "Head of HR",
        "Q4 2022/23", "2023-03-31", "15%", 15, "red", "Red",
        ["Recruitment campaign delayed; the vacancy rate in care at home remains at 18%."]),
    Act("6", "Produce annual locality plans with community planning partners.", "Head of Communities",
        "31/12/2022 (30/06/2022)", "2022-12-31", "20%", 20, "amber", "Amber",
        ["Target date revised by the Community Planning Board on 2 February 2022."], original_due="2022-06-30"),
    Act("7", "Publish a digital strategy setting out how services will be redesigned.", "Head of Digital Services",
        "31-Oct-22", "2022-10-31", "0%", 0, "not_started", "Not Started",
        ["Will begin once the Head of Digital Services post is filled in April."]),
]
STRATHALLAN_AFTER = [
    "Limited capacity in the finance team may delay the medium-term financial strategy.",
    "Temporary accountant appointed; external support procured from CIPFA.",
    "Continued vacancies in care at home could slow the workforce strategy.",
    "Targeted recruitment campaign and a review of terms and conditions.",
    "Community planning partners may not commit resources to locality plans.",
    "Chief Executive to raise at the Community Planning Board in April.",
    "1. Percentages are estimates provided by lead officers and have not been verified by Internal Audit.",
    "2. Target dates are those agreed by Council in June 2021 unless shown as revised, with the original date "
    "in brackets.",
    "Prepared by: Corporate Policy and Performance Manager",
]


def _strathallan() -> PaperSpec:
    title = "Strathallan Council – Best Value Improvement Plan: Progress Update"
    rows: list[Row] = [[C(h, bold=True, fill="D9E2F3") for h in
                        ["Ref", "Action", "Lead Officer", "Target Date", "% Complete", "RAG", "Progress Update"]]]
    for a in STRATHALLAN:
        rows.append([a.ref or "", a.description, a.lead, a.due_raw, a.pct_raw,
                     C(a.rag_word, fill=WORD_FILL[a.rag] if a.rag else None), a.update_text])
    r = STRATHALLAN_AFTER
    blocks: list[Block] = [
        P(title, "title"),
        P("Report to: Audit and Risk Committee, 23 March 2022"),
        P("Report Date: 14/03/2022"),
        P("Report Ref: ARC/07/22"),
        P("Appendix 1: Progress against the improvement plan", "heading"),
        T(rows, widths=[0.5, 3, 1.4, 1.1, 0.9, 0.9, 3.2]),
        T([[C("Key Risks", bold=True), C("Mitigation", bold=True)], [r[0], r[1]], [r[2], r[3]], [r[4], r[5]]],
          widths=[1, 1]),
        P("Notes:", bold=True),
        P(r[6]),
        P(r[7]),
        P(r[8]),
        P("Date: 14/03/2022"),
    ]
    return PaperSpec(
        LAYOUT, "strathallan_bv_improvement_plan_progress_2022-03", blocks,
        Expected(title, "2022-03-14", _actions(STRATHALLAN, "2022-03-14"), report_ref="ARC/07/22",
                 committee_date="2022-03-23"),
        producers=("docx", "pdf", "lo-docx"),
        note="a two-column 'Key Risks' | 'Mitigation' table straight after the action table, then 'Notes:' with "
             "numbered notes and a 'Prepared by:' / 'Date:' sign-off")


# --- 2. a workbook: RAG as colour only, the key on the row right under the table, registers below ------------

GLENKIRK = [
    Act("1", "Agree a new operating model for the council with clear accountabilities.", "Chief Executive",
        "30/09/2022", "2022-09-30", "55%", 55, "green", "",
        ["Options appraisal completed; preferred model to be reported to Council in August."]),
    Act("2", "Complete the review of the senior management structure.", "Chief Executive", "31/05/2022",
        "2022-05-31", "100%", 100, "complete", "", ["New structure in place from 1 May 2022."]),
    Act("3", "Prepare a long-term financial plan to 2032.", "Director of Finance", "31/12/2022", "2022-12-31",
        "35%", 35, "amber", "",
        ["Demand and cost modelling under way.", "The pay award is not yet settled, which affects the baseline."]),
    Act("4", "Agree a reserves strategy with minimum and target levels of unallocated reserves.",
        "Director of Finance", "31/08/2022", "2022-08-31", "60%", 60, "green", "",
        ["Draft strategy discussed with the Audit Committee convener."]),
    Act("5", "Redesign the housing repairs service to reduce average repair times.", "Head of Housing",
        "31/03/2023", "2023-03-31", "20%", 20, "red", "",
        ["Average repair time has risen to 14 days; contractor capacity remains a problem."]),
    Act("6", "Introduce a single front door for customer contact through the council website.",
        "Head of Customer Services", "31/12/2022", "2022-12-31", "40%", 40, "amber", "",
        ["Online forms for 30 services launched; telephony integration delayed."]),
    Act("7", "Carry out a review of school estate capacity and condition.", "Director of Education", "31/03/2023",
        "2023-03-31", "0%", 0, "not_started", "", ["Review to start after the summer holidays."]),
    Act("8", "Develop a climate change action plan with targets for council emissions.", "Head of Environment",
        "30/11/2022", "2022-11-30", "30%", 30, "green", "",
        ["Baseline emissions calculated for 2019/20; targets to be set with members in September."]),
]
GLENKIRK_AFTER = [
    "(I) Housing repairs: contractor capacity remains below contract levels.",
    "(R) Long-term financial plan: the 2022 pay award is not yet agreed and may add £3m of pressure.",
    "(C) School estate review: move the start to August 2022 after the new administration is formed.",
    "Operating model: report options to Council in August 2022.",
    "Reserves strategy: present to the Policy and Resources Committee on 25 August 2022.",
]


def _glenkirk() -> PaperSpec:
    title = "Glenkirk Council – BVAR Action Tracker"
    head = ["No.", "Action", "Lead", "Due Date", "% Complete", "RAG", "Update"]
    rows: list[Row] = [[C(h, bold=True, fill="1F4E78") for h in head]]
    for a in GLENKIRK:
        rows.append([a.ref or "", a.description, a.lead, _date_cell(a.due_raw), _pct_cell(a.pct_raw, a.pct),
                     C("", fill=KEY[a.rag][1] if a.rag else None), a.update_text])
    table_row = 4
    key_row = table_row + len(rows)  # right under the last action: no blank row
    key: list[Row] = [_row(C("Key", bold=True), *(C(label, fill=fill) for label, fill in KEY.values()))]
    reg_row = key_row + 2
    r = GLENKIRK_AFTER
    blocks: list[Block] = [
        P(title, bold=True, at=(1, 1)),
        P("Report Date: 06/06/2022", at=(2, 1)),
        T(rows, widths=[0.5, 4, 1.8, 1.1, 1, 0.7, 4.5], at=(table_row, 1)),
        T(key, ruled=False, header_rows=0, at=(key_row, 1)),
        T([_row(C("Issues / Risks / Change Requests", colspan=3, bold=True)), *(_row(C(x, colspan=3)) for x in r[:3])],
          header_rows=1, at=(reg_row, 1)),
        T([_row(C("Targets for Next Period", colspan=3, bold=True)), *(_row(C(x, colspan=3)) for x in r[3:])],
          header_rows=1, at=(reg_row, 5)),
    ]
    return PaperSpec(
        LAYOUT, "glenkirk_bvar_action_tracker_2022-06", blocks,
        Expected(title, "2022-06-06", _actions(GLENKIRK, "2022-06-06")),
        producers=("xlsx", "lo-xlsx"),
        note="RAG only as the cell's colour; the key ('Key' | 'Not Started' | 'Concern' | 'Caution' | 'On Target' "
             "| 'Complete', swatches) on the row right under the last action, its labels under 'Action', 'Lead', "
             "'Due Date' ...; an 'Issues / Risks / Change Requests' register and 'Targets for Next Period' side by "
             "side below")


# --- 3. Word: the key as the action table's own last rows (swatch + label), then a bulleted register ---------

CARRICK_THEMES = {
    "Members and officers should work together to agree and deliver clear priorities": "Recommendation 1",
    "The council should improve how it reports performance to the public": "Recommendation 2",
}
_C1, _C2 = list(CARRICK_THEMES)
CARRICK = [
    Act("1.1", "Hold an annual joint strategy day for elected members and the Corporate Management Team.",
        "Chief Executive", "31-Oct-21", "2021-10-31", "100%", 100, "complete", "Complete",
        ["First strategy day held on 7 October 2021."], theme=_C1),
    Act("1.2", "Set out the administration's priorities in a four-year delivery plan.", "Chief Executive",
        "31-Mar-22", "2022-03-31", "60%", 60, "green", "On Target", ["Draft delivery plan shared with group leaders."],
        theme=_C1),
    Act("1.3", "Agree a protocol for member and officer relations.", "Monitoring Officer", "31-Dec-21",
        "2021-12-31", "70%", 70, "green", "On Target",
        ["Protocol consulted on with all members; comments being incorporated."], theme=_C1),
    Act("1.4", "Introduce six-monthly reporting on the delivery plan to Council.", "Head of Corporate Policy",
        "Jun 2022", "2022-06-30", "0%", 0, "not_started", "Not Started",
        ["Reporting will start once the delivery plan is approved."], theme=_C1),
    Act("2.1", "Redesign the council's performance pages on the website.", "Head of Customer and Digital",
        "31-Mar-22", "2022-03-31", "30%", 30, "amber", "Caution",
        ["Web developer post vacant until January 2022; content drafted."], theme=_C2),
    Act("2.2", "Report LGBF indicators with trends and comparisons with family groups.", "Head of Corporate Policy",
        "28-Feb-22", "2022-02-28", "50%", 50, "green", "On Target",
        ["2019/20 data analysed; report template agreed."], theme=_C2),
    Act("2.3", "Publish an annual Best Value self-assessment.", "Head of Corporate Policy",
        "31-Mar-22 (30/11/2021)", "2022-03-31", "20%", 20, "red", "Concern",
        ["Self-assessment delayed by the Covid-19 response.", "Revised date agreed by the Audit Committee."],
        theme=_C2, original_due="2021-11-30"),
    Act("2.4", "Hold a public performance event in each of the four areas.", "Head of Communities", "Q1 2022/23",
        "2022-06-30", "10%", 10, "amber", "Caution", ["Venues booked for May and June 2022."], theme=_C2),
]
CARRICK_KEY = {"complete": "Complete – action fully delivered", "green": "On Target – progressing as planned",
               "amber": "Caution – some slippage, being managed",
               "red": "Concern – significant slippage, action required", "not_started": "Not Started"}
CARRICK_AFTER = [
    *CARRICK_KEY.values(),
    "Risk: the delivery plan may slip if the administration changes after the May 2022 elections.",
    "Issue: the web developer vacancy has delayed the performance pages.",
    "Change request: move the target date for the self-assessment (2.3) to 31 March 2022.",
    "Prepared by: Head of Corporate Policy",
]


def _carrick() -> PaperSpec:
    title = "Carrick Valley Council: Best Value Action Plan Update"
    head = ["Ref", "Agreed Action", "Responsible Officer", "Timescale", "% Complete", "RAG Status", "Comments"]
    rows: list[Row] = [[C(h, bold=True) for h in head]]
    for theme, label in CARRICK_THEMES.items():
        rows.append([C(f"{label}: {theme}", colspan=7, bold=True, fill="D9D9D9")])
        for a in (a for a in CARRICK if a.theme == theme):
            rows.append([a.ref or "", a.description, a.lead, a.due_raw, a.pct_raw,
                         C(a.rag_word, fill=KEY[a.rag][1] if a.rag else None), a.update_text])
    rows.append([C("Key", colspan=7, bold=True)])
    for rag, text in CARRICK_KEY.items():
        rows.append([C("", fill=KEY[rag][1]), C(text, colspan=6)])
    r = CARRICK_AFTER[len(CARRICK_KEY):]
    blocks: list[Block] = [
        P(title, "title"),
        P("Report Date: 15/11/2021"),
        P("Audit Committee – progress with the actions agreed in response to the Best Value Assurance Report"),
        T(rows, widths=[0.5, 3, 1.5, 1.1, 0.9, 1, 3]),
        P("Issues / Risks / Change Requests", "heading"),
        P(r[0], "bullet"),
        P(r[1], "bullet"),
        P(r[2], "bullet"),
        P(r[3]),
        P("Date: 15/11/2021"),
    ]
    return PaperSpec(
        LAYOUT, "carrick_valley_bv_action_plan_update_2021-11", blocks,
        Expected(title, "2021-11-15", _actions(CARRICK, "2021-11-15")),
        producers=("docx", "lo-docx", "pdf"),
        note="the colour key as the action table's own last rows (a merged 'Key' row, then a swatch under 'Ref' "
             "and its label spanning the rest), full-width 'Recommendation N:' theme rows, RAG words from the "
             "key's labels; then an 'Issues / Risks / Change Requests' heading with bullets and a sign-off")


# --- 4. a totals row as the table's last row, notes directly under it, a sign-off block ---------------------

OCHIL = [
    Act("1", "Establish a Best Value working group of elected members to oversee the improvement plan.",
        "Chief Executive", "31/10/2021", "2021-10-31", "100", 100, "complete", "Complete",
        ["Group established and has met quarterly since November 2021."]),
    Act("2", "Refresh the Local Outcomes Improvement Plan with community planning partners.", "Head of Partnerships",
        "31/03/2023", "2023-03-31", "45", 45, "green", "Green",
        ["Outcome areas agreed; engagement with community councils planned for October."]),
    Act("3", "Adopt a corporate risk management strategy and update the corporate risk register quarterly.",
        "Chief Internal Auditor", "30/06/2022", "2022-06-30", "100", 100, "complete", "Complete",
        ["Strategy approved in June 2022; register reviewed in July."]),
    Act("4", "Produce a three-year revenue budget with savings options identified for each year.", "Head of Finance",
        "28/02/2023", "2023-02-28", "40", 40, "amber", "Amber",
        ["Savings options for 2023/24 prepared; years two and three depend on the spending review."]),
    Act("5", "Review fees and charges to achieve full cost recovery where appropriate.", "Head of Finance",
        "31/12/2022", "2022-12-31", "25", 25, "red", "Red",
        ["Review paused over the summer because of staff absence."]),
    Act("6", "Develop an organisational development strategy including a leadership competency framework.",
        "Head of HR and OD", "31/03/2023", "2023-03-31", "50", 50, "green", "Green",
        ["Leadership framework drafted with input from 40 managers."]),
    Act("7", "Implement an electronic performance management system across all services.", "Head of Digital",
        "30/11/2022", "2022-11-30", "70", 70, "green", "Green", ["System live in four of six services."]),
    Act("8", "Rationalise office accommodation, reducing the number of buildings from 14 to 9.", "Head of Property",
        "31/03/2024", "2024-03-31", "20", 20, "amber", "Amber",
        ["Two buildings vacated.", "Staff consultation on the next phase is under way."]),
    Act("9", "Publish an annual report on progress with the improvement plan.", "Chief Executive", "30/09/2022",
        "2022-09-30", "100", 100, "complete", "Complete",
        ["Annual report published on the council website in September 2022."]),
]
OCHIL_TOTALS = ["Total actions: 9", "Complete: 3", "On target: 3", "Behind schedule: 3"]
OCHIL_AFTER = [
    *OCHIL_TOTALS,
    "Notes: 1. Percentages are estimates provided by lead officers. 2. RAG status is assessed against the agreed "
    "target date.",
    "Prepared by: Performance and Improvement Officer",
    "Approved by: Depute Chief Executive",
]


def _ochil() -> PaperSpec:
    title = "Ochil Hills Council – Best Value Progress Report"
    head = ["Action No", "Action Description", "Lead Officer", "Target Date", "Progress %", "RAG Status",
            "Latest Update"]
    rows: list[Row] = [[C(h, bold=True, fill="DDEBF7") for h in head]]
    for a in OCHIL:
        rows.append([a.ref or "", a.description, a.lead, _date_cell(a.due_raw), _pct_cell(a.pct_raw, a.pct),
                     a.rag_word, a.update_text])
    t = OCHIL_TOTALS
    rows.append([C(t[0], colspan=2, bold=True), C(t[1], bold=True), C(t[2], bold=True), C(t[3], bold=True), "", ""])
    table_row = 5
    after = table_row + len(rows)  # the first row under the totals row
    r = OCHIL_AFTER[len(OCHIL_TOTALS):]
    blocks: list[Block] = [
        P(title, "title", at=(1, 1)),
        P("Report Date: 19/09/2022", at=(2, 1)),
        P("Committee: Scrutiny and Audit Committee, 28 September 2022", at=(3, 1)),
        T(rows, widths=[0.6, 3.5, 1.5, 1.1, 0.8, 0.9, 3.5], at=(table_row, 1)),
        P(r[0], at=(after, 1)),
        P(r[1], at=(after + 2, 1)),
        P(r[2], at=(after + 3, 1)),
        P("Date: 19/09/2022", at=(after + 4, 1)),
    ]
    return PaperSpec(
        LAYOUT, "ochil_hills_council_bv_progress_report_2022-09", blocks,
        Expected(title, "2022-09-19", _actions(OCHIL, "2022-09-19"), committee_date="2022-09-28"),
        producers=("docx", "lo-docx", "pdf", "xlsx", "lo-xlsx"),
        note="a totals row as the table's last row ('Total actions: 9' over Ref and Action, 'Complete: 3' under "
             "'Lead Officer', 'On target: 3' under 'Target Date' ...), percentages without '%'; in xlsx the "
             "one-line notes in column A on the row right under it, then a 'Prepared by:' / 'Approved by:' / "
             "'Date:' block")


# --- 5. themed table with a dated and a current progress column; bulleted registers and notes below ---------

EASTFIELD_THEMES = {"Financial Sustainability": "Theme 1", "Community Empowerment": "Theme 2", "Workforce": "Theme 3"}
EASTFIELD = [
    Act("1.1", "Set a balanced budget for 2022/23 with a three-year outlook.", "Head of Finance", "28/02/2022",
        "2022-02-28", "80%", 80, None, "", ["Draft budget presented to the members' seminar on 12 January 2022."],
        theme="Financial Sustainability", earlier_raw="50%", earlier=50),
    Act("1.2", "Review the capital programme to reflect affordability and revised priorities.", "Head of Finance",
        "31/03/2022", "2022-03-31", "45%", 45, None, "",
        ["Programme board has reprioritised projects; report to Council in March."],
        theme="Financial Sustainability", earlier_raw="20%", earlier=20),
    Act("1.3", "Introduce quarterly budget monitoring reports to all service committees.", "Head of Finance",
        "30/09/2021", "2021-09-30", "100%", 100, None, "", ["In place from the first quarter of 2021/22."],
        theme="Financial Sustainability", earlier_raw="100%", earlier=100),
    Act("2.1", "Support community groups to take on the management of local facilities.",
        "Community Development Manager", "31/12/2022", "2022-12-31", "15%", 15, None, "",
        ["Two expressions of interest received for community halls."], theme="Community Empowerment",
        earlier_raw="10%", earlier=10),
    Act("2.2", "Establish a participatory budgeting fund of £500,000 for 2022/23.", "Community Development Manager",
        "31/03/2022", "2022-03-31", "60%", 60, None, "",
        ["Fund agreed in the budget proposals.", "Criteria co-designed with the Third Sector Interface."],
        theme="Community Empowerment", earlier_raw="0%", earlier=0),
    Act("3.1", "Complete job evaluation for all posts affected by the restructure.", "Head of HR", "30/06/2022",
        "2022-06-30", "30%", 30, None, "",
        ["Progress held up by delays in appeals; an additional analyst starts in February."], theme="Workforce",
        earlier_raw="30%", earlier=30),
    Act("3.2", "Launch an employee wellbeing strategy.", "Head of HR", "31/01/2022", "2022-01-31", "90%", 90, None, "",
        ["Strategy approved by the Employee Joint Consultative Committee; launch on 31 January."], theme="Workforce",
        earlier_raw="70%", earlier=70),
]
EASTFIELD_AFTER = [
    "Issue: the 2022/23 local government settlement was lower than planned, adding pressure to the budget.",
    "Risk: capital cost inflation may reduce the number of projects in the revised programme.",
    "Change request: move the target date for job evaluation (action 3.1) to 30 September 2022.",
    "Council to approve the 2022/23 budget on 24 February 2022.",
    "Participatory budgeting fund opens for applications in April 2022.",
    "1. Percentages are estimates provided by responsible officers.",
    "2. Actions shown at 100% will be removed from the next report.",
]


def _eastfield() -> PaperSpec:
    title = "Eastfield Council Best Value Action Plan – Monitoring Report"
    head = ["Ref", "Action", "Responsible Officer", "Timescale", "Progress at 30/09/2021", "Current Progress",
            "Commentary"]
    rows: list[Row] = [[C(h, bold=True, fill="FFF2CC") for h in head]]
    for theme, label in EASTFIELD_THEMES.items():
        rows.append([C(f"{label}: {theme}", colspan=7, bold=True)])
        for a in (a for a in EASTFIELD if a.theme == theme):
            rows.append([a.ref or "", a.description, a.lead, _date_cell(a.due_raw),
                         _pct_cell(a.earlier_raw or "", a.earlier or 0), _pct_cell(a.pct_raw, a.pct), a.update_text])
    r = EASTFIELD_AFTER
    blocks: list[Block] = [
        P(title, "title"),
        P("Report Date: 17/01/2022"),
        P("Report to the Audit and Governance Committee by the Chief Executive"),
        T(rows, widths=[0.5, 3, 1.6, 1, 1, 1, 3.2]),
        P("Issues / Risks / Change Requests", "heading"),
        P(r[0], "bullet"),
        P(r[1], "bullet"),
        P(r[2], "bullet"),
        P("Targets for Next Period", "heading"),
        P(r[3], "bullet"),
        P(r[4], "bullet"),
        P("Notes:", bold=True),
        P(r[5]),
        P(r[6]),
    ]
    return PaperSpec(
        LAYOUT, "eastfield_council_bv_action_plan_monitoring_2022-01", blocks,
        Expected(title, "2022-01-17", _actions(EASTFIELD, "2022-01-17", "2021-09-30")),
        producers=("docx", "pdf", "lo-docx", "xlsx", "lo-xlsx"),
        note="themed table with 'Progress at 30/09/2021' and 'Current Progress', no RAG; after it an 'Issues / "
             "Risks / Change Requests' heading with bullets, 'Targets for Next Period' with bullets and numbered "
             "notes (in xlsx each one a cell in column A under the table)")


# --- 6. an unruled table with the key as a misfit last row, then a risk register that looks like actions ------

ARDMORE_KEY = {"complete": ("Complete", "0070C0"), "green": ("On Track", "00B050"),
               "amber": ("Some Slippage", "FFC000"), "red": ("Significant Slippage", "FF0000"),
               "not_started": ("Not Started", "BFBFBF")}
ARDMORE = [
    Act("1", "Refresh the Community Plan with partners and publish locality outcome measures.", "Chief Executive",
        "31/03/2023", "2023-03-31", "25%", 25, "green", "On Track",
        ["Partners agreed the outcome measures framework in April 2022."]),
    Act("2", "Put in place a programme management approach for all major change projects.",
        "Head of Transformation", "30/06/2022", "2022-06-30", "80%", 80, "green", "On Track",
        ["Gateway reviews now used for all projects over £250,000."]),
    Act("3", "Develop a medium-term financial plan linked to the transformation programme.", "Head of Finance",
        "31/12/2022", "2022-12-31", "35%", 35, "amber", "Some Slippage",
        ["Awaiting the Scottish Government resource spending review, due on 31 May."]),
    Act("4", "Improve attendance management, reducing average days lost per employee to below 10.", "Head of HR",
        "31/03/2022", "2022-03-31", "60%", 60, "red", "Significant Slippage",
        ["Days lost rose to 12.4 in 2021/22 because of Covid-related absence."]),
    Act("5", "Transfer the management of two community centres to local trusts.", "Head of Communities",
        "31/01/2022", "2022-01-31", "100%", 100, "complete", "Complete", ["Both transfers completed in January 2022."]),
    Act("6", "Review the council's arm's-length external organisations and their governance.",
        "Head of Legal Services", "30/09/2022", "2022-09-30", "0%", 0, "not_started", "Not Started",
        ["Review to start in June 2022 following the elections."]),
]
ARDMORE_AFTER = [
    "Funding for transformation may be reduced in the 2023/24 budget.",
    "Ring-fence the change fund in the financial plan.",
    "Attendance may not improve while Covid-19 absence remains high.",
    "Targeted occupational health support for high-absence services.",
    "The review of arm's-length organisations may be delayed by post-election committee changes.",
    "Agree the timetable with the new administration.",
    "Signed: Chief Executive",
]


def _ardmore() -> PaperSpec:
    title = "Ardmore Council – BVAR Improvement Actions"
    head = ["No.", "Improvement Action", "Lead", "Due", "% Complete", "RAG", "Progress Update"]
    rows: list[Row] = [[C(h, bold=True) for h in head]]
    for a in ARDMORE:
        rows.append([a.ref or "", a.description, a.lead, a.due_raw, a.pct_raw,
                     C(a.rag_word, fill=ARDMORE_KEY[a.rag][1] if a.rag else None), a.update_text])
    rows.append([C("Key:", bold=True)] + [C(label, fill=fill) for label, fill in ARDMORE_KEY.values()] + [""])
    r = ARDMORE_AFTER
    blocks: list[Block] = [
        P(title, "title"),
        P("Report Date: 16/05/2022"),
        P("Policy and Resources Committee"),
        T(rows, widths=[0.5, 3, 1.4, 1, 0.9, 1.3, 3]),
        P("Risk Register", "heading"),
        T([[C(h, bold=True) for h in ["Issue / Risk", "Owner", "Mitigating Action", "Date Raised"]],
           [r[0], "Head of Finance", r[1], "01/04/2022"],
           [r[2], "Head of HR", r[3], "01/04/2022"],
           [r[4], "Head of Legal Services", r[5], "09/05/2022"]], widths=[3, 1.3, 3, 1]),
        P(r[6]),
        P("Date: 16 May 2022"),
    ]
    return PaperSpec(
        LAYOUT, "ardmore_bvar_improvement_actions_2022-05", blocks,
        Expected(title, "2022-05-16", _actions(ARDMORE, "2022-05-16")),
        producers=("pdf", "lo-docx", "docx"),
        note="an action table whose last row is the key ('Key:' under 'No.', coloured labels 'Complete', "
             "'On Track', 'Some Slippage' ... under 'Improvement Action', 'Lead', 'Due' ...), RAG words from that "
             "key; then a risk register whose header looks like an action table's ('Issue / Risk' | 'Owner' | "
             "'Mitigating Action' | 'Date Raised') and a signed sign-off")


# --- 7. a vertical key (swatch | label rows) right under the table, a register whose header names an owner -------

LOCHENDALE = [
    Act("A1", "Develop a place-based investment programme for the three town centres.", "Director of Place",
        "30/06/2023", "2023-06-30", "45%", 45, "green", "",
        ["Investment plans for two town centres approved by the Place Board."]),
    Act("A2", "Review the council's approach to community asset transfer.", "Head of Estates", "31/03/2023",
        "2023-03-31", "80%", 80, "green", "", ["Revised guidance drafted with the Development Trusts Association."]),
    Act("A3", "Complete a digital skills assessment of the workforce.", "Head of HR", "31/12/2022", "2022-12-31",
        "60%", 60, "red", "", ["Survey response rate was low (31%).", "The assessment has been extended."]),
    Act("A4", "Agree a medium-term financial outlook with the cross-party budget working group.",
        "Chief Finance Officer", "28/02/2023", "2023-02-28", "100%", 100, "complete", "",
        ["Outlook agreed on 9 February 2023 and reported to Council."]),
    Act("A5", "Implement a new complaints handling system in line with the SPSO model procedure.",
        "Head of Customer Services", "30/09/2023", "2023-09-30", "20%", 20, "amber", "",
        ["System specification agreed; procurement starts in March."]),
    Act("A6", "Refresh the corporate equality outcomes for 2023-2027.", "Head of Policy", "30/04/2023", "2023-04-30",
        "0%", 0, "not_started", "", ["Engagement with equality groups planned for March and April."]),
    Act("A7", "Set up a member-officer working group on climate change.", "Chief Executive", "31/05/2023",
        "2023-05-31", "35%", 35, "amber", "", ["Terms of reference drafted; membership to be agreed by Council."]),
]
LOCHENDALE_REGISTER = [
    ("Risk", "Cost inflation may reduce the scope of the town centre investment programme.", "Director of Place"),
    ("Issue", "Low response to the digital skills survey.", "Head of HR"),
    ("Change Request", "Extend the digital skills assessment (A3) to 30 June 2023.", "Head of HR"),
]
LOCHENDALE_AFTER = [
    *(label for label, _ in KEY.values()),
    *(text for _, text, _ in LOCHENDALE_REGISTER),
    "Report author: Policy Officer, Chief Executive's Service",
]


def _lochendale() -> PaperSpec:
    title = "Lochendale Council – Best Value Action Plan Monitoring"
    head = ["Ref", "Action", "Lead Officer", "Target Date", "% Complete", "RAG", "Progress"]
    rows: list[Row] = [[C(h, bold=True, fill="E2EFDA") for h in head]]
    for a in LOCHENDALE:
        rows.append([a.ref or "", a.description, a.lead, _date_cell(a.due_raw), _pct_cell(a.pct_raw, a.pct),
                     C("", fill=KEY[a.rag][1] if a.rag else None), a.update_text])
    table_row = 4
    key_row = table_row + len(rows)  # right under the last action: no blank row
    key: list[Row] = [_row(C("Key", colspan=2, bold=True)),
                      *(_row(C("", fill=fill), label) for label, fill in KEY.values())]
    reg_row = key_row + len(key) + 1
    register: list[Row] = [[C(h, bold=True) for h in ["Type", "Issue / Risk / Change Request", "Action Owner"]]]
    register += [list(r) for r in LOCHENDALE_REGISTER]
    after = reg_row + len(register) + 1
    blocks: list[Block] = [
        P(title, "title", at=(1, 1)),
        P("Report Date: 28/02/2023", at=(2, 1)),
        T(rows, widths=[0.5, 3.2, 1.6, 1.1, 0.9, 0.6, 3.2], at=(table_row, 1)),
        T(key, widths=[0.5, 3.2], header_rows=0, at=(key_row, 1)),
        T(register, widths=[1, 4, 1.6], at=(reg_row, 1)),
        P(LOCHENDALE_AFTER[-1], at=(after, 1)),
        P("Date: 28/02/2023", at=(after + 1, 1)),
    ]
    return PaperSpec(
        LAYOUT, "lochendale_council_bv_action_plan_monitoring_2023-02", blocks,
        Expected(title, "2023-02-28", _actions(LOCHENDALE, "2023-02-28")),
        producers=("xlsx", "lo-xlsx", "docx", "lo-docx", "pdf"),
        note="RAG only as colour; a vertical key ('Key', then a swatch under 'Ref' and its label under 'Action', "
             "one row each) on the row right under the table in xlsx, a small table of its own in Word; then an "
             "issues/risks/change requests register whose header has 'Action Owner'")


AFTER = {"strathallan": STRATHALLAN_AFTER, "glenkirk": GLENKIRK_AFTER, "carrick": CARRICK_AFTER,
         "ochil": OCHIL_AFTER, "eastfield": EASTFIELD_AFTER, "ardmore": ARDMORE_AFTER,
         "lochendale": LOCHENDALE_AFTER}


def variants() -> list[PaperSpec]:
    specs = [_strathallan(), _glenkirk(), _carrick(), _ochil(), _eastfield(), _ardmore(), _lochendale()]
    for spec in specs:
        _check(spec, AFTER[spec.name.split("_")[0]])
    return specs


# --- self-check: the expected is what the blocks print, normalised per the contract ----------------------------

RAGS = {"red", "amber", "green", "complete", "not_started"}
MONTHS = {m: i for i, m in enumerate(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov",
                                      "dec"], start=1)}


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)


def _parse_date(text: str) -> dt.date:
    """The dates these papers print, day-first; a month or quarter is its last day."""
    t = text.strip()
    if m := re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", t):
        return dt.date(int(m[3]), int(m[2]), int(m[1]))
    if m := re.fullmatch(r"(\d{1,2})-([A-Za-z]{3})-(\d{2})", t):
        return dt.date(2000 + int(m[3]), MONTHS[m[2].lower()], int(m[1]))
    if m := re.fullmatch(r"(\d{1,2}) ([A-Za-z]+) (\d{4})", t):
        return dt.date(int(m[3]), MONTHS[m[2][:3].lower()], int(m[1]))
    if m := re.fullmatch(r"([A-Za-z]+) (\d{4})", t):
        return _month_end(int(m[2]), MONTHS[m[1][:3].lower()])
    if m := re.fullmatch(r"Q([1-4]) (\d{4})/(\d{2})", t):  # a quarter of an April-to-March year
        year, month = {1: (0, 6), 2: (0, 9), 3: (0, 12), 4: (1, 3)}[int(m[1])]
        return _month_end(int(m[2]) + year, month)
    raise AssertionError(f"unreadable date {text!r}")


def _due(raw: str) -> tuple[str, str | None]:
    if m := re.fullmatch(r"(.+?) \((.+)\)", raw):
        return _parse_date(m[1]).isoformat(), _parse_date(m[2]).isoformat()
    return _parse_date(raw).isoformat(), None


def _cells(blocks: list[Block]) -> list[C | P]:
    out: list[C | P] = []
    for b in blocks:
        if isinstance(b, P):
            out.append(b)
        else:
            out += [c if isinstance(c, C) else C(c) for row in b.rows for c in row]
    return out


def _flat(texts: list[str]) -> str:
    text = re.sub(r"[•▪●]", " ", " ".join(texts))
    return re.sub(r"\s+", " ", text).strip()


def _check(spec: PaperSpec, after: list[str]) -> None:
    e = spec.expected
    blocks = spec.blocks
    cells = _cells(blocks)
    flat = _flat([x.text for x in cells])
    for x in cells:  # typed workbook values agree with what is printed
        if isinstance(x, C) and x.value is not None:
            if x.number_format == "0%":
                assert f"{round(x.value * 100)}%" == x.text, x
            elif isinstance(x.value, dt.datetime):
                assert x.value.strftime("%d/%m/%Y") == x.text, x
            else:
                assert str(x.value) == x.text, x
    dates = [x.text.split(":", 1)[1] for x in cells if x.text.startswith("Report Date:")]
    assert len(dates) == 1 and _parse_date(dates[0]).isoformat() == e.report_date, (spec.name, dates)
    assert e.title and e.title in flat
    assert 5 <= len(e.actions) <= 12, spec.name
    descriptions = [a.description for a in e.actions]
    assert len(set(descriptions)) == len(descriptions), spec.name
    # what follows the table is printed, and nothing of it is (or looks like) an expected action
    for extra in after:
        assert extra in flat, (spec.name, extra)
        for d in descriptions:
            assert difflib.SequenceMatcher(None, extra.lower(), d.lower()).ratio() < 0.8, (spec.name, extra)
    rows = [r for b in blocks if isinstance(b, T) for r in b.rows]
    for a in e.actions:
        where = f"{spec.name}: {a.ref} {a.description[:30]}"
        for text in (a.description, a.lead, a.due_raw, a.theme, a.ref):
            assert text is None or text in flat, (where, text)
        assert a.theme is None or ":" not in a.theme, (where, "theme keeps its label")
        assert a.due_raw is not None and _due(a.due_raw) == (a.due_date, a.original_due_date), where
        assert a.snapshots and a.snapshots[-1].as_of == e.report_date, where
        row = [c if isinstance(c, C) else C(c) for r in rows for c in r
               if any((x.text if isinstance(x, C) else x) == a.description for x in r)]
        assert row, where
        for s in a.snapshots:
            assert s.percent_raw is not None and any(c.text == s.percent_raw for c in row), where
            assert s.percent_complete == float(s.percent_raw.rstrip("%")), where
            if s.as_of != e.report_date:  # an earlier dated column: its percentage only
                assert s.rag is s.status_text is s.decisions is None, where
                assert f"{s.as_of[8:]}/{s.as_of[5:7]}/{s.as_of[:4]}" in flat, where
                continue
            assert s.status_text is not None and s.status_text in _flat([c.text for c in row]), where
            assert s.rag is None or s.rag in RAGS, where
            if s.rag is not None:  # a word in the row (the RAG's or a printed key's), or a fill a printed key maps
                keys = [k for k in (KEY, ARDMORE_KEY) if all(label in flat for label, _ in k.values())]
                words = {s.rag.replace("_", " ")} | {k[s.rag][0].lower() for k in keys}
                fills = {k[s.rag][1] for k in keys}
                assert any(c.text.lower() in words or (c.fill in fills and not c.text) for c in row), where
            if s.rag == "complete" or s.percent_complete == 100:
                assert s.percent_complete == 100, where
    totals = dict(re.findall(r"(Total actions|Complete|On target|Behind schedule): (\d+)", flat))
    if totals:
        rags = [a.snapshots[-1].rag for a in e.actions]
        assert int(totals["Total actions"]) == len(e.actions), spec.name
        assert int(totals["Complete"]) == rags.count("complete"), spec.name
        assert int(totals["On target"]) == rags.count("green"), spec.name
        assert int(totals["Behind schedule"]) == rags.count("amber") + rags.count("red"), spec.name
    tables = [b for b in blocks if isinstance(b, T)]
    placed = [b for b in tables if b.at is not None]
    if len(placed) >= 2 and spec.name.startswith(("glenkirk", "lochendale")):  # the key: right under the table
        table, key = placed[0], placed[1]
        assert table.at and key.at and key.at[0] == table.at[0] + len(table.rows), spec.name
    assert e.report_date_source == "paper"


if __name__ == "__main__":
    for v in variants():
        print(f"{v.name}: {len(v.expected.actions)} actions, {', '.join(v.producers)}")
