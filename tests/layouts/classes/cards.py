"""Layout class 'cards': actions laid out as label/value cards, one card per action.

Councils that write their Best Value progress reports in Word often give each action a little
form of its own instead of a row: a two-column table ('Action:' | text, 'Lead Officer:' | name,
'Target Date:' | date ...), one table per action or one long table with a blank or heading row
between cards, or plain paragraphs ('Action 3: Review the scheme of delegation', 'Lead Officer:
Head of Legal Services', ...) under a heading per theme. Per the data contract such cards are
actions like any table row; commentary, decisions and RAG belong to the paper's report-date
snapshot, and a progress figure labelled with an earlier date is a snapshot at that date carrying
its percentage only.

:func:`variants` returns the papers; each is checked against its own blocks by :func:`_check`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..spec import Action, Block, C, Expected, P, PaperSpec, Row, Sheet, Snapshot, T

LAYOUT = "cards"
RAG_FILL = {"red": "FF0000", "amber": "FFC000", "green": "00B050", "complete": "0070C0", "not_started": "BFBFBF"}


@dataclass
class Card:
    """One action as the paper prints it, with what a careful reader takes from it."""

    ref: str | None
    description: str
    lead: str
    due_raw: str  # as printed
    due: str  # ISO
    pct_raw: str  # as printed
    pct: float
    rag_word: str  # as printed
    rag: str | None
    update: list[str]  # the commentary's paragraphs (or bullets) as printed
    theme: str | None = None
    original_due: str | None = None
    bullets: bool = False  # the commentary is a bulleted list
    decisions: str | None = None  # None: printed as '-' where the card has the label
    earlier_raw: str | None = None  # progress at an earlier dated label, as printed
    earlier: float | None = None
    priority: str | None = None

    @property
    def update_text(self) -> str:
        return "\n".join(("• " + u) if self.bullets else u for u in self.update)

    @property
    def status_text(self) -> str | None:
        return " ".join(self.update) or None


def _pct_cell(raw: str, pct: float, typed: bool) -> C:
    if typed and raw.endswith("%"):
        return C(raw, value=pct / 100, number_format="0%")
    return C(raw)


def _date_cell(raw: str, typed: bool) -> C:
    if typed and re.fullmatch(r"\d\d/\d\d/\d{4}", raw):
        return C(raw, value=dt.datetime.strptime(raw, "%d/%m/%Y"), number_format="dd/mm/yyyy")
    return C(raw)


def _actions(cards: list[Card], report_date: str, earlier_as_of: str | None = None) -> list[Action]:
    out = []
    for c in cards:
        snaps = []
        if earlier_as_of is not None:
            snaps.append(Snapshot(earlier_as_of, c.earlier, c.earlier_raw))
        snaps.append(Snapshot(report_date, c.pct, c.pct_raw, c.rag, c.status_text, c.decisions))
        out.append(Action(c.description, ref=c.ref, theme=c.theme, lead=c.lead, priority=c.priority,
                          due_date=c.due, original_due_date=c.original_due, due_raw=c.due_raw, snapshots=snaps))
    return out


def _themes(cards: list[Card]) -> list[str | None]:
    seen: list[str | None] = []
    for c in cards:
        if c.theme not in seen:
            seen.append(c.theme)
    return seen


# --- 1. a two-column table per action, bold labels with colons, theme headings above ---------------------

DUNMORE_THEMES = {
    "Agree clear strategic priorities and align plans and resources to them": "Recommendation 1",
    "Strengthen financial planning over the medium and longer term": "Recommendation 2",
    "Make community empowerment part of how the council works": "Recommendation 3",
}
_T1, _T2, _T3 = list(DUNMORE_THEMES)
DUNMORE = [
    Card("1.1", "Refresh the Council Plan 2022-27 with elected members, setting out no more than six strategic "
         "priorities.", "Chief Executive", "30 June 2022", "2022-06-30", "60%", 60, "Green", "green",
         ["Three cross-party member workshops were held in January and February 2022.",
          "The draft plan goes to Council on 28 April 2022."], theme=_T1),
    Card("1.2", "Align service plans and the annual budget to the new strategic priorities.",
         "Depute Chief Executive (Corporate Services)", "31 March 2023", "2023-03-31", "20%", 20, "Amber", "amber",
         ["Service planning template revised; alignment with the 2023/24 budget will follow approval of the "
          "Council Plan, which has slipped by two months."], theme=_T1),
    Card("2.1", "Publish a medium-term financial strategy covering 2022/23 to 2026/27.", "Chief Financial Officer",
         "28 February 2022", "2022-02-28", "100%", 100, "Complete", "complete",
         ["Strategy approved by Council on 24 February 2022."], theme=_T2),
    Card("2.2", "Develop a savings and transformation programme to close the projected budget gap.",
         "Chief Financial Officer", "30/09/2022 (31/03/2022)", "2022-09-30", "35%", 35, "Red", "red",
         ["Twelve savings proposals identified, worth £4.2m.", "Programme board not yet established.",
          "Target date revised by the Policy and Resources Committee."], theme=_T2, original_due="2022-03-31",
         bullets=True),
    Card("3.1", "Establish locality planning partnerships in each of the four localities.",
         "Head of Communities and Partnerships", "31 December 2022", "2022-12-31", "15%", 15, "Amber", "amber",
         ["Two partnerships established (North and Coastal); recruitment of community representatives for the "
          "other two is under way."], theme=_T3),
    Card("3.2", "Review the participatory budgeting approach so that at least 1% of the council's budget is "
         "allocated by communities.", "Head of Communities and Partnerships", "31 March 2023", "2023-03-31", "0%", 0,
         "Not Started", "not_started", ["Work will begin once the locality partnerships are in place."], theme=_T3),
]


def _dunmore() -> PaperSpec:
    title = "Dunmore Council Best Value Assurance Report: Action Plan Progress"
    blocks: list[Block] = [
        P(title, "title"),
        P("Report to: Audit and Scrutiny Committee"),
        P("Report Date: 14/03/2022"),
        P("Report by: Chief Executive"),
        P("This report updates the committee on each action agreed in response to the Best Value Assurance "
          "Report. Each action is shown as a card with its lead officer, target date and latest update."),
    ]
    for theme in _themes(DUNMORE):
        assert theme is not None
        blocks.append(P(f"{DUNMORE_THEMES[theme]}: {theme}", "heading"))
        for c in (c for c in DUNMORE if c.theme == theme):
            def lab(text: str) -> C:
                return C(text, bold=True)
            blocks.append(T([
                [lab("Action Ref:"), c.ref or ""],
                [lab("Action:"), c.description],
                [lab("Lead Officer:"), c.lead],
                [lab("Target Date:"), c.due_raw],
                [lab("Progress:"), c.pct_raw],
                [lab("RAG Status:"), C(c.rag_word, fill=RAG_FILL[c.rag or ""] if c.rag else None)],
                [lab("Update:"), c.update_text],
            ], widths=[1, 4], header_rows=0))
    return PaperSpec(
        LAYOUT, "dunmore_bvar_action_plan_progress_2022-03", blocks,
        Expected(title, "2022-03-14", _actions(DUNMORE, "2022-03-14")),
        producers=("docx", "pdf", "lo-docx"), landscape=False,
        note="a two-column table per action, bold labels with colons, 'Recommendation N:' heading per theme, "
             "a bulleted update and a bracketed original target date")


# --- 2. one long two-column table, shaded labels without colons, theme rows and blank rows inside ----------

GLENARDLE_THEMES = {
    "Leadership and Culture": "Improvement Area 1",
    "Workforce Planning": "Improvement Area 2",
    "Performance Management and Public Reporting": "Improvement Area 3",
}
_G1, _G2, _G3 = list(GLENARDLE_THEMES)
GLENARDLE = [
    Card("1.1", "Deliver a leadership development programme for the Corporate Management Team and heads of service.",
         "Head of People and Organisational Development", "31/08/2022", "2022-08-31", "50%", 50, "Amber", "amber",
         ["Programme designed with the Improvement Service.",
          "First two modules delivered; module three postponed to July because of the local government elections."],
         theme=_G1),
    Card("1.2", "Carry out a staff culture survey and publish an action plan in response.",
         "Head of People and Organisational Development", "Q2 2022/23", "2022-09-30", "25%", 25, "Green", "green",
         ["Survey closed on 20 May with a 48% response rate; results are being analysed."], theme=_G1),
    Card("2.1", "Prepare a five-year workforce plan linked to the medium-term financial strategy.",
         "Chief Officer – Human Resources", "March 2023", "2023-03-31", "10%", 10, "Amber", "amber",
         ["Workforce data gathered for all services. Analysis delayed by vacancies in the HR team."], theme=_G2),
    Card("2.2", "Introduce a corporate approach to succession planning for critical posts.",
         "Chief Officer – Human Resources", "Q4 2022/23", "2023-03-31", "0%", 0, "Not Started", "not_started",
         ["Scheduled to start in October 2022."], theme=_G2),
    Card("3.1", "Implement a new performance management framework with quarterly reporting to committees.",
         "Head of Policy and Performance", "30/06/2022", "2022-06-30", "90%", 90, "Green", "green",
         ["Framework approved in April 2022; first quarterly report due at the Policy and Resources Committee "
          "on 23 June."], theme=_G3),
    Card("3.2", "Publish an annual public performance report that includes LGBF comparisons.",
         "Head of Policy and Performance", "31/12/2022", "2022-12-31", "100%", 100, "Complete", "complete",
         ["Public performance report 2020/21 published in February 2022 with benchmarking comparisons."],
         theme=_G3),
]


def _glenardle() -> PaperSpec:
    title = "Glenardle Council – Best Value Improvement Plan Update"
    shade = "D9E2F3"

    def lab(text: str) -> C:
        return C(text, fill=shade)

    rows: list[Row] = []
    for theme in _themes(GLENARDLE):
        assert theme is not None
        if rows:
            rows.append(["", ""])
        rows.append([C(f"{GLENARDLE_THEMES[theme]}: {theme}", colspan=2, bold=True, fill="BDD7EE")])
        for i, c in enumerate(x for x in GLENARDLE if x.theme == theme):
            if i:
                rows.append(["", ""])
            rows += [
                [lab("Action Ref"), c.ref or ""],
                [lab("Action"), c.description],
                [lab("Responsible Officer"), c.lead],
                [lab("Timescale"), _date_cell(c.due_raw, True)],
                [lab("% Complete"), _pct_cell(c.pct_raw, c.pct, True)],
                [lab("RAG Status"), c.rag_word],
                [lab("Commentary"), c.update_text],
            ]
    blocks: list[Block] = [
        P(title, "title"),
        P("Report Date: 07/06/2022"),
        P("Report of the Chief Executive to the Policy and Resources Committee"),
        T(rows, widths=[1, 3.5], header_rows=0),
    ]
    return PaperSpec(
        LAYOUT, "glenardle_bv_improvement_plan_update_2022-06", blocks,
        Expected(title, "2022-06-07", _actions(GLENARDLE, "2022-06-07")),
        producers=("docx", "lo-docx", "pdf", "xlsx", "lo-xlsx"), landscape=False,
        note="one long two-column table: shaded labels without colons ('Responsible Officer', 'Timescale', "
             "'% Complete', 'Commentary'), a merged 'Improvement Area N:' row per theme, a blank row between "
             "cards; quarter and month target dates; in xlsx real dates and 0.x percentages")


# --- 3. cards as paragraphs under a heading per theme ------------------------------------------------------

KILBRANNAN_THEMES = {
    "Vision and Strategic Direction": "Theme 1",
    "Governance and Decision Making": "Theme 2",
    "Use of Resources": "Theme 3",
}
_K1, _K2, _K3 = list(KILBRANNAN_THEMES)
KILBRANNAN = [
    Card("1", "Agree a long-term vision for Kilbrannan with community planning partners", "Chief Executive",
         "31 March 2022", "2022-03-31", "70%", 70, "Green", "green",
         ["The vision was agreed by the Community Planning Board on 4 November 2021.",
          "It will be presented to Council for endorsement on 16 December 2021."], theme=_K1),
    Card("2", "Develop a Local Outcomes Improvement Plan that reflects the agreed vision",
         "Head of Strategy and Partnerships", "30 June 2022", "2022-06-30", "30%", 30, "Amber", "amber",
         ["Consultation with partners on outcome measures runs until January 2022; drafting has started but "
          "resource constraints have slowed progress."], theme=_K1),
    Card("3", "Review the scheme of delegation", "Head of Legal and Democratic Services", "31 March 2022",
         "2022-03-31", "40%", 40, "Amber", "amber",
         ["Officer working group has reviewed all delegations to chief officers.",
          "Draft revised scheme to be reported to Council in February 2022."], theme=_K2, bullets=True),
    Card("4", "Introduce a programme of training for elected members on scrutiny",
         "Head of Legal and Democratic Services", "31 October 2021", "2021-10-31", "100%", 100, "Complete", "complete",
         ["Four scrutiny training sessions were delivered by the Improvement Service in September and October "
          "2021."], theme=_K2),
    Card("5", "Strengthen the role of the Audit and Scrutiny Committee, including an annual self-assessment",
         "Chief Internal Auditor", "30 September 2022", "2022-09-30", "10%", 10, "Green", "green",
         ["Self-assessment checklist agreed with the committee convener."], theme=_K2),
    Card("6", "Prepare an asset management strategy covering property, fleet and ICT", "Head of Property and Assets",
         "December 2022", "2022-12-31", "0%", 0, "Not Started", "not_started",
         ["Work will begin in January 2022 after the property condition surveys are complete."], theme=_K3),
    Card("7", "Set out a capital investment plan to 2031/32", "Chief Financial Officer", "28 February 2022",
         "2022-02-28", "55%", 55, "Red", "red",
         ["The plan may not be ready for the budget meeting while construction inflation is reassessed."],
         theme=_K3),
]


def _kilbrannan() -> PaperSpec:
    title = "Kilbrannan Council: Best Value Action Plan – Progress Report"
    blocks: list[Block] = [
        P(title, "title"),
        P("Report to the Policy and Resources Committee"),
        P("Report Date: 22/11/2021"),
        P("1. Purpose", "heading"),
        P("This report sets out progress with the seven actions the council agreed in response to the Accounts "
          "Commission's findings. Each action is listed with its lead officer, target date, progress and status."),
        P("2. Progress by theme", "heading"),
    ]
    for theme in _themes(KILBRANNAN):
        assert theme is not None
        blocks.append(P(f"{KILBRANNAN_THEMES[theme]}: {theme}", "heading"))
        for c in (c for c in KILBRANNAN if c.theme == theme):
            blocks += [
                P(f"Action {c.ref}: {c.description}", bold=True),
                P(f"Lead Officer: {c.lead}"),
                P(f"Target Date: {c.due_raw}"),
                P(f"Progress: {c.pct_raw}"),
                P(f"Status: {c.rag_word}"),
            ]
            if c.bullets:
                blocks.append(P("Update:"))
                blocks += [P(u, "bullet") for u in c.update]
            else:
                blocks.append(P(f"Update: {c.update[0]}"))
                blocks += [P(u) for u in c.update[1:]]
    blocks += [
        P("3. Recommendation", "heading"),
        P("The committee is asked to note the progress made."),
    ]
    return PaperSpec(
        LAYOUT, "kilbrannan_council_bv_action_plan_report_2021-11", blocks,
        Expected(title, "2021-11-22", _actions(KILBRANNAN, "2021-11-22")),
        producers=("docx", "pdf", "lo-docx"), landscape=False,
        note="cards as paragraphs ('Action 3: ...', 'Lead Officer: ...', 'Status: Amber', 'Update: ...') under a "
             "'Theme N:' heading; an update continued in a second paragraph, one given as bullets under a bare "
             "'Update:'; numbered report section headings around the cards")


# --- 4. a table per action headed 'Action N', an earlier dated progress label, decisions ---------------------

INVERALLAN = [
    Card("1", "Review the council's governance arrangements, including committee structures and remits, following "
         "the local government elections.", "Head of Democratic Services", "31/08/2022", "2022-08-31", "65%", 65,
         "Green", "green",
         ["New committee structure agreed at the statutory meeting on 19 May 2022.",
          "Remits of the new committees to be reviewed after six months."], earlier_raw="40%", earlier=40),
    Card("2", "Develop and implement a digital strategy for customer services.",
         "Head of Customer and Digital Services", "31/03/2023 (30/09/2022)", "2023-03-31", "25%", 25, "Red", "red",
         ["Procurement of the customer relationship management system was paused pending the budget outcome."],
         original_due="2022-09-30", earlier_raw="20%", earlier=20,
         decisions="Committee is asked to approve the revised target date of 31 March 2023."),
    Card("3", "Agree a corporate approach to self-evaluation using the Public Sector Improvement Framework.",
         "Head of Policy, Performance and Improvement", "30/06/2022", "2022-06-30", "100%", 100, "Complete", "complete",
         ["Approach approved by the Corporate Management Team on 10 May 2022; the first services are scheduled "
          "for self-evaluation in September."], earlier_raw="75%", earlier=75),
    Card("4", "Increase the proportion of council spend with local suppliers.", "Procurement Manager", "31/03/2023",
         "2023-03-31", "30%", 30, "Amber", "amber",
         ["Supplier development events held in March; spend data for 2021/22 is being validated."],
         earlier_raw="30%", earlier=30),
    Card("5", "Implement a community asset transfer policy and support at least three transfers.",
         "Head of Communities", "31/12/2022", "2022-12-31", "35%", 35, "Green", "green",
         ["Policy approved; two asset transfer requests received (Glebe Hall and Inverallan Bowling Club)."],
         earlier_raw="10%", earlier=10),
    Card("6", "Carry out a review of charging for services to ensure charges reflect costs.", "Chief Financial Officer",
         "30/09/2022", "2022-09-30", "0%", 0, "Not Started", "not_started",
         ["Deferred until the new administration has set its priorities."], earlier_raw="0%", earlier=0,
         decisions="Committee is asked to note the deferral."),
]


def _inverallan() -> PaperSpec:
    title = "Inverallan Council – Best Value Action Plan Progress Report"
    blocks: list[Block] = [
        P(title, "title"),
        P("Report Date: 06/06/2022"),
        P("Audit and Scrutiny Committee"),
        P("Progress is shown at 31 March 2022 (as last reported) and now. Where a decision of the committee is "
          "needed it is set out in the card."),
    ]
    for c in INVERALLAN:
        blocks.append(T([
            [C(f"Action {c.ref}", colspan=2, bold=True, fill="FCE4D6")],
            ["Action:", c.description],
            ["Lead Officer:", c.lead],
            ["Timescale:", _date_cell(c.due_raw, True)],
            ["Progress at 31/03/2022:", _pct_cell(c.earlier_raw or "", c.earlier or 0, True)],
            ["Current Progress:", _pct_cell(c.pct_raw, c.pct, True)],
            ["RAG Status:", C(c.rag_word, fill=RAG_FILL[c.rag] if c.rag else None)],
            ["Commentary:", c.update_text],
            ["Decision Required:", c.decisions or "-"],
        ], widths=[1.2, 4], header_rows=1))
    return PaperSpec(
        LAYOUT, "inverallan_bv_action_plan_progress_report_2022-06", blocks,
        Expected(title, "2022-06-06", _actions(INVERALLAN, "2022-06-06", "2022-03-31")),
        producers=("docx", "lo-docx", "pdf", "xlsx", "lo-xlsx"), landscape=False,
        note="a table per action under a merged 'Action N' heading row (the ref), plain labels with colons, "
             "'Progress at 31/03/2022:' (an earlier snapshot, percentage only) and 'Current Progress:', "
             "'Decision Required:' ('-' where none), no themes; cards stacked down one sheet in xlsx")


# --- 5. a workbook: a cover sheet and a sheet per theme, cards stacked down each -----------------------------

CRAIGMORE = [
    Card("1.1", "Set out the council's strategic priorities in a single corporate plan approved by Council.",
         "Chief Executive", "31/10/2022", "2022-10-31", "85%", 85, "Green", "green",
         ["Corporate plan 2022-2027 drafted following member workshops in August."], theme="Leadership"),
    Card("1.2", "Agree a member-officer protocol and refresh the councillors' code of conduct training.",
         "Monitoring Officer", "31/12/2022", "2022-12-31", "40%", 40, "Amber", "amber",
         ["Protocol drafted; training dates to be agreed with group leaders."], theme="Leadership"),
    Card("2.1", "Update the medium-term financial plan twice a year, with scenarios for pay, inflation and grant "
         "settlement.", "Head of Finance", "30/11/2022", "2022-11-30", "50%", 50, "Amber", "amber",
         ["Summer update reported in June 2022.", "Winter update will reflect the pay award."],
         theme="Financial Sustainability"),
    Card("2.2", "Identify recurring savings of £6m over three years through the transformation programme.",
         "Head of Finance", "31/03/2025", "2025-03-31", "20%", 20, "Red", "red",
         ["£1.1m of recurring savings identified to date, against £2m needed for 2023/24."],
         theme="Financial Sustainability"),
    Card("2.3", "Introduce an income generation and charging policy.", "Head of Finance", "March 2023", "2023-03-31",
         "0%", 0, "Not Started", "not_started", ["Not yet started; scoping planned for November."],
         theme="Financial Sustainability"),
    Card("3.1", "Agree with NHS partners a joint plan for reducing delayed discharges.",
         "Chief Officer, Health and Social Care Partnership", "31/03/2023", "2023-03-31", "30%", 30, "Amber", "amber",
         ["Joint plan agreed in principle by the Integration Joint Board in August 2022."],
         theme="Partnership Working"),
    Card("3.2", "Review the Community Planning Partnership's governance and performance reporting.",
         "Head of Communities", "30/06/2022", "2022-06-30", "100%", 100, "Complete", "complete",
         ["Review completed and new arrangements in place from June 2022."], theme="Partnership Working"),
]


def _craigmore() -> PaperSpec:
    title = "Craigmore Council – BVAR Improvement Plan Monitoring"
    cover: list[Block] = [
        P(title, "title"),
        P("Report Date: 12/09/2022"),
        P("Prepared for the Audit and Governance Committee"),
        P("Each theme of the improvement plan is on its own sheet, one card per action."),
    ]
    sheets = [Sheet("Cover", cover)]
    blocks = list(cover)
    for theme in _themes(CRAIGMORE):
        assert theme is not None
        sheet_blocks: list[Block] = [P(theme, "heading", bold=True)]
        for c in (c for c in CRAIGMORE if c.theme == theme):
            def lab(text: str) -> C:
                return C(text, bold=True)
            sheet_blocks.append(T([
                [lab("Action Ref"), c.ref or ""],
                [lab("Action"), c.description],
                [lab("Lead Officer"), c.lead],
                [lab("Target Date"), _date_cell(c.due_raw, True)],
                [lab("% Complete"), _pct_cell(c.pct_raw, c.pct, True)],
                [lab("RAG Status"), C(c.rag_word, fill=RAG_FILL[c.rag] if c.rag else None)],
                [lab("Commentary"), c.update_text],
            ], widths=[1, 4], header_rows=0))
        sheets.append(Sheet(theme, sheet_blocks))
        blocks += sheet_blocks
    return PaperSpec(
        LAYOUT, "craigmore_council_bvar_improvement_plan_2022-09", blocks,
        Expected(title, "2022-09-12", _actions(CRAIGMORE, "2022-09-12")),
        producers=("xlsx", "lo-xlsx"), sheets=sheets,
        note="a workbook: a cover sheet with the report date, then a sheet per theme (its name and title row name "
             "the theme) with a card per action stacked down it, bold labels without colons, real dates and "
             "0.x percentages")


# --- 6. a four-column grid card (two label/value pairs a row), with priority ---------------------------------

ROSSMHOR_THEMES = {
    "The council should improve the pace of change and its capacity to deliver its transformation programme":
        "BVAR Recommendation 1",
    "The council should demonstrate how it engages with communities and uses their views": "BVAR Recommendation 2",
}
_R1, _R2 = list(ROSSMHOR_THEMES)
ROSSMHOR = [
    Card("1.1", "Set up a transformation programme board chaired by the Chief Executive with monthly reporting.",
         "Chief Executive", "31/01/2023", "2023-01-31", "80%", 80, "Green", "green",
         ["Board established in September 2022 and meets monthly; highlight reports go to the Corporate "
          "Management Team."], theme=_R1, priority="1"),
    Card("1.2", "Recruit a dedicated transformation team of six posts.", "Head of Transformation", "Q4 2022/23",
         "2023-03-31", "40%", 40, "Amber", "amber",
         ["Three of six posts filled.", "The two project manager posts will be readvertised in January 2023."],
         theme=_R1, priority="1"),
    Card("1.3", "Complete business cases for the three priority workstreams: digital, property and early years.",
         "Head of Transformation", "30/11/2022", "2022-11-30", "60%", 60, "Red", "red",
         ["Digital business case approved; property and early years cases delayed awaiting data on school rolls."],
         theme=_R1, priority="2"),
    Card("2.1", "Publish a community engagement strategy co-produced with the third sector.", "Head of Communities",
         "31/03/2023", "2023-03-31", "25%", 25, "Green", "green",
         ["Co-production group formed with the Third Sector Interface; four workshops held."], theme=_R2,
         priority="1"),
    Card("2.2", "Introduce a 'You Said, We Did' report showing how consultation results have changed decisions.",
         "Head of Policy", "June 2023", "2023-06-30", "0%", 0, "Not Started", "not_started",
         ["Due to start in April 2023."], theme=_R2, priority="2"),
    Card("2.3", "Train service managers in consultation and engagement standards.", "Head of Policy", "30/09/2022",
         "2022-09-30", "100%", 100, "Complete", "complete",
         ["Training delivered to 54 managers between May and September 2022."], theme=_R2, priority="3"),
]


def _rossmhor() -> PaperSpec:
    title = "Rossmhor Council Best Value Action Plan: Update Report"
    shade = "E7E6E6"

    def lab(text: str) -> C:
        return C(text, bold=True, fill=shade)

    blocks: list[Block] = [
        P(title, "title"),
        P("Report Date: 5 December 2022"),
        P("Report by the Head of Policy to the Corporate Policy and Resources Committee"),
    ]
    for theme in _themes(ROSSMHOR):
        assert theme is not None
        blocks.append(P(f"{ROSSMHOR_THEMES[theme]}: {theme}", "heading"))
        for c in (c for c in ROSSMHOR if c.theme == theme):
            blocks.append(T([
                [lab("Action Ref"), c.ref or "", lab("Priority"), c.priority or ""],
                [lab("Action"), C(c.description, colspan=3)],
                [lab("Responsible Officer"), c.lead, lab("Timescale"), _date_cell(c.due_raw, True)],
                [lab("% Complete"), _pct_cell(c.pct_raw, c.pct, True), lab("RAG Status"),
                 C(c.rag_word, fill=RAG_FILL[c.rag] if c.rag else None)],
                [lab("Commentary"), C(c.update_text, colspan=3)],
            ], widths=[1.2, 2, 1, 1.5], header_rows=0))
    return PaperSpec(
        LAYOUT, "rossmhor_council_bv_action_plan_update_2022-12", blocks,
        Expected(title, "2022-12-05", _actions(ROSSMHOR, "2022-12-05")),
        producers=("docx", "lo-docx", "pdf", "xlsx", "lo-xlsx"),
        note="a four-column card per action (two label/value pairs a row: Action Ref | Priority, Responsible "
             "Officer | Timescale, % Complete | RAG Status; Action and Commentary spanning), shaded bold labels, "
             "'BVAR Recommendation N:' headings, a long report date in words")


def variants() -> list[PaperSpec]:
    specs = [_dunmore(), _glenardle(), _kilbrannan(), _inverallan(), _craigmore(), _rossmhor()]
    for spec in specs:
        _check(spec)
    return specs


# --- self-check: the expected is what the blocks print, normalised per the contract --------------------------

RAGS = {"red", "amber", "green", "complete", "not_started"}
MONTHS = {m: i for i, m in enumerate(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov",
                                      "dec"], start=1)}


def _month_end(year: int, month: int) -> dt.date:
    return (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1))


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


def _flat(blocks: list[Block]) -> str:
    text = " ".join(x.text for x in _cells(blocks))
    text = re.sub(r"[•▪●]", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def _check(spec: PaperSpec) -> None:
    e = spec.expected
    readings = [spec.blocks] + ([[b for s in spec.sheets for b in s.blocks]] if spec.sheets else [])
    for blocks in readings:
        flat = _flat(blocks)
        for x in _cells(blocks):  # typed workbook values agree with what is printed
            if isinstance(x, C) and x.value is not None:
                if x.number_format == "0%":
                    assert f"{round(x.value * 100)}%" == x.text, x
                elif isinstance(x.value, dt.datetime):
                    assert x.value.strftime("%d/%m/%Y") == x.text, x
        dates = [x.text.split(":", 1)[1] for x in _cells(blocks) if x.text.startswith("Report Date:")]
        assert len(dates) == 1 and _parse_date(dates[0]).isoformat() == e.report_date, (spec.name, dates)
        assert e.title and e.title in flat
        descriptions = [a.description for a in e.actions]
        assert len(set(descriptions)) == len(descriptions), spec.name
        assert 5 <= len(e.actions) <= 12, spec.name
        for a in e.actions:
            where = f"{spec.name}: {a.ref} {a.description[:30]}"
            for text in (a.description, a.lead, a.due_raw, a.theme, a.ref, a.priority):
                assert text is None or text in flat, (where, text)
            assert a.theme is None or ":" not in a.theme, (where, "theme keeps its label")
            assert a.due_raw is not None and _due(a.due_raw) == (a.due_date, a.original_due_date), where
            assert a.snapshots and a.snapshots[-1].as_of == e.report_date, where
            for s in a.snapshots:
                assert s.percent_raw is not None and s.percent_raw in flat, where
                assert s.percent_complete == float(s.percent_raw.rstrip("%")), where
                assert s.rag is None or s.rag in RAGS, where
                if s.as_of != e.report_date:  # an earlier dated label: its percentage only
                    assert s.rag is s.status_text is s.decisions is None, where
                    assert f"{s.as_of[8:]}/{s.as_of[5:7]}/{s.as_of[:4]}" in flat, where
                for text in (s.status_text, s.decisions):
                    assert text is None or text in flat, (where, text)
                if s.rag == "complete" or s.percent_complete == 100:
                    assert s.rag == "complete" and s.percent_complete == 100, where
    if spec.sheets:
        names = {s.name for s in spec.sheets}
        assert {a.theme for a in e.actions} <= names, spec.name
    assert e.report_date_source == "paper"
    assert all(len(a.snapshots) == len(e.actions[0].snapshots) for a in e.actions)


if __name__ == "__main__":
    for v in variants():
        print(f"{v.name}: {len(v.expected.actions)} actions, {', '.join(v.producers)}")
