"""Long action tables that run over several pages.

25 to 40 actions with long cells, so that tables break across pages and rows break across a
page boundary (a Word table's rows may break; the reportlab PDF keeps rows whole unless one is
taller than a page, which one variant has). The recommendation sits in the first column as a
cell merged down over its actions (rowspan), so it too continues onto the next page, where
LibreOffice and reportlab print nothing in it. Header rows are repeated on each page in some
variants (``T.header_rows``) and printed once in others (``header_rows=0``).

Running headers, footers and page numbers are not in the spec's model (a paragraph is printed
once): the producers print none of their own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from ..spec import Action, Block, C, Expected, P, PaperSpec, Snapshot, T
from ._spec_checks import check, flat

LAYOUT = "page_breaks"


# --- content: invented actions of Scottish councils' Best Value improvement plans -------------

@dataclass(frozen=True)
class Rec:
    key: str
    text: str  # the recommendation, without a label


@dataclass(frozen=True)
class Item:
    rec: str
    desc: str
    paras: tuple[str, ...]  # commentary paragraphs: progress, detail, next steps
    pct: int
    rag: str  # red, amber, green, complete, not_started


RECS = {r.key: r for r in [
    Rec("vision", "The council should set out a clear vision and strategic priorities, and make sure its plans "
                  "and resources are aligned to deliver them."),
    Rec("finance", "The council needs a medium-term financial strategy that links to its priorities and shows "
                   "how the funding gap will be closed."),
    Rec("workforce", "The council should make sure its workforce planning identifies the skills and capacity "
                     "needed to deliver its priorities."),
    Rec("community", "The council should improve how it engages with communities and empowers them to "
                     "influence decisions and services."),
    Rec("performance", "The council should strengthen performance management and improve its public "
                       "performance reporting."),
    Rec("transformation", "The council needs to increase the pace of its transformation programme, with clear "
                          "business cases and benefits tracking."),
    Rec("ijb", "The council should work with its partners to make sure the Integration Joint Board's strategic "
               "plan is delivered and reported."),
    Rec("members", "Elected members should take up training and development to support them in their scrutiny "
                   "role."),
]}

_BANK = [
    # vision
    Item("vision", "Refresh the Council Plan for 2022-2027 following the local government elections, with a "
                   "small number of measurable priorities agreed with elected members and community planning "
                   "partners.",
         ("A series of cross-party workshops took place to agree the draft priorities. The draft plan has been "
          "shared with the Community Planning Partnership Board and its feedback has been incorporated.",
          "The final plan will be presented to Council following the induction programme for newly elected "
          "members, so that the new administration can shape the priorities.",
          "A delay to the national outcomes review may require a minor revision of the performance framework "
          "next year."),
         60, "green"),
    Item("vision", "Align service plans to the Council Plan priorities using a common template, so that every "
                   "service sets out how it contributes to each priority.",
         ("The common template was issued to all Heads of Service and 14 of 18 service plans have been returned.",
          "The Strategy and Performance team has reviewed the returned plans and fed back on the quality of "
          "outcome measures. The four outstanding plans are in services where the Head of Service post has been "
          "vacant.",
          "All service plans will be published on the intranet once approved by the relevant committee."),
         75, "green"),
    Item("vision", "Develop a corporate communications plan to explain the council's vision and priorities to "
                   "staff, partners and the public.",
         ("A draft plan has been prepared but has not yet been considered by the Corporate Management Team "
          "because of competing priorities.",
          "Staff engagement sessions are planned for each directorate, and the plan includes a refreshed "
          "website section on the Council Plan.",
          "The risk of slippage is rated amber because the communications team has two vacancies."),
         40, "amber"),
    Item("vision", "Establish a Strategic Leadership Forum of the Corporate Management Team and Heads of Service, "
                   "meeting quarterly to oversee delivery of the priorities.",
         ("The Strategic Leadership Forum has met four times since it was established.",
          "Its terms of reference were agreed at the first meeting and each meeting now reviews a dashboard of "
          "the Council Plan measures.",
          "This action is complete and will be removed from future reports."),
         100, "complete"),
    Item("vision", "Review the Local Outcomes Improvement Plan with community planning partners so that shared "
                   "priorities are consistent with the Council Plan.",
         ("The review has been paused while partners focus on recovery from the pandemic.",
          "An initial mapping exercise shows that three of the five outcomes in the current plan align well with "
          "the draft Council Plan priorities; the remaining two need to be revisited with partners.",
          "A partnership development session is proposed for the autumn to restart the review."),
         30, "red"),
    # finance
    Item("finance", "Prepare a five-year medium-term financial strategy with scenario planning for pay, "
                    "inflation and grant settlement assumptions.",
         ("The strategy has been drafted and was discussed at an elected member budget seminar.",
          "Three scenarios have been modelled: the central scenario shows a cumulative funding gap of £42.3m over "
          "five years, rising to £61.0m in the pessimistic scenario.",
          "The strategy will be presented to Council alongside the revenue budget."),
         80, "green"),
    Item("finance", "Identify savings options for 2023/24 to 2025/26 through a programme of service reviews, "
                    "reporting options to elected members at budget seminars.",
         ("Eleven service reviews have started and options from the first five were presented at the budget "
          "seminar.",
          "Options identified so far total £7.8m against a target of £15.0m. The reviews of roads, waste and "
          "property services are behind schedule.",
          "The remaining options will be reported to members before the budget is set, and an external review of "
          "the programme's governance has been commissioned."),
         45, "amber"),
    Item("finance", "Refresh the reserves strategy, setting out minimum unallocated reserves and the use of "
                    "earmarked reserves to support transformation.",
         ("The refreshed reserves strategy was approved by Council.",
          "It sets minimum unallocated reserves at 2% of net expenditure and creates a Transformation Fund of "
          "£4.5m from earmarked reserves that are no longer needed.",
          "The use of the fund will be reported through the Transformation Board."),
         100, "complete"),
    Item("finance", "Develop a capital investment strategy covering a ten-year period, prioritised against the "
                    "Council Plan.",
         ("Work on the capital investment strategy has started but is behind the original timescale.",
          "A prioritisation framework has been drafted, scoring projects against the Council Plan priorities, "
          "statutory duties and the condition of existing assets. Construction inflation of up to 20% is making "
          "the cost of the current programme uncertain.",
          "A revised timescale will be proposed to the Policy and Resources Committee."),
         35, "red"),
    Item("finance", "Introduce budget holder training and monthly budget monitoring meetings for all Heads of "
                    "Service.",
         ("Training has been delivered to 212 budget holders, using a mix of online modules and workshops.",
          "Monthly budget monitoring meetings are in place in all directorates. Feedback from budget holders has "
          "been positive.",
          "A refresher session will be offered every year."),
         90, "green"),
    # workforce
    Item("workforce", "Publish a corporate Workforce Plan for 2022-2025 supported by service-level workforce "
                      "plans.",
         ("The corporate Workforce Plan has been drafted and consulted on with the trade unions.",
          "Service-level workforce plans have been completed for education, social work and environment; the "
          "remaining plans are due by the end of the quarter. The plan identifies significant pressures in care "
          "at home, teaching in STEM subjects and building trades.",
          "The plan will be presented to the Corporate Resources Committee for approval."),
         55, "green"),
    Item("workforce", "Develop an approach to succession planning for senior and hard-to-fill posts, including a "
                      "leadership development programme.",
         ("An approach to succession planning has been outlined, but work on the leadership programme has been "
          "delayed.",
          "The organisational development team has been supporting the recruitment campaign for care staff, and "
          "this work has taken priority.",
          "The programme will be procured jointly with two neighbouring councils."),
         25, "amber"),
    Item("workforce", "Improve the quality of workforce data available to managers through a new HR dashboard in "
                      "the HR and payroll system.",
         ("The HR dashboard has been built and tested with a pilot group of 30 managers.",
          "It shows establishment, vacancies, absence, turnover and the age profile of each team. Some data "
          "quality problems with historic records have been found and are being corrected.",
          "Roll-out to all managers is planned for next quarter."),
         65, "green"),
    Item("workforce", "Undertake an all-staff survey and publish an action plan responding to its findings.",
         ("The staff survey ran for four weeks and received 3,874 responses, a 41% response rate.",
          "Results have been shared with all staff, and each directorate has agreed three priority actions in "
          "response.",
          "The corporate action plan was approved by the Corporate Management Team."),
         100, "complete"),
    Item("workforce", "Review recruitment and retention arrangements for social care, teaching and trades posts, "
                      "including the use of modern apprenticeships.",
         ("A recruitment campaign for social care has been run with the health and social care partnership.",
          "Twenty-two modern apprenticeships have been created across the council. A review of market "
          "supplements for trades posts is under way and will be considered by the Joint Consultative Committee.",
          "The retention of newly qualified teachers will be reviewed with the education service."),
         50, "amber"),
    # community
    Item("community", "Adopt a Community Engagement Strategy and toolkit in line with the National Standards for "
                      "Community Engagement.",
         ("The Community Engagement Strategy was approved by the Communities Committee.",
          "The toolkit is available on the intranet and training has been delivered to 95 officers from across "
          "the council and its partners.",
          "An engagement calendar will be published so that communities can see what consultations are planned."),
         70, "green"),
    Item("community", "Allocate at least 1% of the council's budget through participatory budgeting, as agreed "
                      "with COSLA.",
         ("Participatory budgeting has been used for the roads resurfacing and parks improvement budgets, "
          "allocating £1.6m.",
          "A further £2.1m is needed to meet the 1% target. Options for school budgets and the community "
          "grants scheme are being considered.",
          "Progress has slowed because of the need to agree the approach with head teachers."),
         40, "amber"),
    Item("community", "Support community asset transfer requests with a single point of contact and clear "
                      "guidance for community groups.",
         ("A single point of contact is now in place in the Communities team.",
          "New guidance has been published on the council's website, and six asset transfer requests are being "
          "supported, including two village halls and a former school.",
          "A short evaluation of the new arrangements will be carried out with community groups."),
         85, "green"),
    Item("community", "Develop locality plans for the areas of greatest need in partnership with community "
                      "councils and the third sector.",
         ("Locality plans have been drafted for two of the five areas.",
          "Community engagement in the remaining three areas was delayed by restrictions on face-to-face "
          "meetings, and the third sector interface has asked for more time to involve its members.",
          "The plans will be reported to the Community Planning Partnership Board for approval."),
         30, "red"),
    Item("community", "Report annually to Council on the outcomes of participation requests and community asset "
                      "transfers.",
         ("Work on this action has not yet started.",
          "The first annual report is due after the end of the financial year, when a full year of data will be "
          "available.",
          "A reporting template is being agreed with the legal service."),
         0, "not_started"),
    # performance
    Item("performance", "Introduce a corporate performance management framework with quarterly reporting of key "
                        "performance indicators to the Policy and Resources Committee.",
         ("The framework was approved and the first two quarterly reports have been presented to committee.",
          "Members have asked for more trend information and for targets to be shown alongside each indicator; "
          "the report format is being revised.",
          "The framework will be reviewed after its first full year."),
         60, "green"),
    Item("performance", "Use Local Government Benchmarking Framework data with family group councils to identify "
                        "areas for improvement.",
         ("The council has joined the LGBF family groups for children's services, environmental services and "
          "corporate services.",
          "Analysis of the latest data shows that the council is in the bottom quartile for eight indicators, "
          "including the cost of council tax collection and sickness absence. Services have been asked to "
          "explain the variation.",
          "A benchmarking report will be presented to the Audit and Scrutiny Committee."),
         50, "amber"),
    Item("performance", "Publish an annual public performance report that is balanced, accessible and includes "
                        "areas where performance has declined.",
         ("The annual public performance report has been published on the council's website.",
          "It includes a summary of where performance has improved and where it has declined, with a plain "
          "English summary and an infographic.",
          "Feedback from the citizens' panel will inform next year's report."),
         100, "complete"),
    Item("performance", "Roll out the self-evaluation framework based on the How Good Is Our Council model to all "
                        "services over a two-year cycle.",
         ("Self-evaluation has been completed in four services.",
          "The remaining services have been scheduled over the next 18 months. The corporate support available "
          "to services is limited to one officer.",
          "Learning from the first four evaluations will be shared at the Strategic Leadership Forum."),
         35, "amber"),
    Item("performance", "Implement a performance management system to replace the existing spreadsheets.",
         ("A procurement exercise for a performance management system has been completed.",
          "The preferred supplier has been appointed, and configuration has started with a target of moving all "
          "corporate indicators onto the system within six months. Data migration will be a significant task for "
          "services.",
          "Training for system administrators is being arranged."),
         20, "amber"),
    # transformation
    Item("transformation", "Refresh the transformation programme governance, with a Transformation Board "
                           "chaired by the Chief Executive and a single programme plan.",
         ("The Transformation Board has been established and meets monthly.",
          "A single programme plan covers 17 projects, each with a senior responsible officer and a project "
          "manager.",
          "This action is complete."),
         100, "complete"),
    Item("transformation", "Prepare outline business cases for each transformation project, setting out "
                           "expected financial and non-financial benefits.",
         ("Outline business cases have been approved for 9 of the 17 projects.",
          "The remaining business cases are being developed with support from the finance team. Business cases "
          "for the school estate and the fleet review depend on consultations that are still open.",
          "All business cases will be considered by the Transformation Board before the budget is set."),
         55, "amber"),
    Item("transformation", "Implement a benefits realisation tracker and report progress to the Transformation "
                           "Board every quarter.",
         ("The benefits tracker has been designed and populated for the approved projects.",
          "The first quarterly benefits report showed savings of £1.2m delivered against £1.9m planned for the "
          "year.",
          "Non-financial benefits will be added to the tracker once measures are agreed."),
         40, "green"),
    Item("transformation", "Deliver the Digital Strategy, including online forms and payments for the twenty "
                           "most used council services.",
         ("Online forms and payments are live for 12 of the 20 services.",
          "The remaining eight services depend on an upgrade to the revenues and benefits system, which has been "
          "delayed by the supplier. A customer account has been launched, with over 18,000 registered users.",
          "A digital inclusion plan is being developed with community learning and development."),
         45, "amber"),
    Item("transformation", "Review the council's office estate and agile working arrangements following the "
                           "pandemic.",
         ("The office estate review has been completed and its findings reported to the Transformation Board.",
          "It recommends closing four office buildings and investing in the remaining three to support agile "
          "working. Staff consultation on the proposals is under way.",
          "Savings of £0.8m a year are expected once the buildings are vacated."),
         60, "green"),
    # ijb
    Item("ijb", "Agree a revised integration scheme with the health board and the Integration Joint Board.",
         ("The revised integration scheme has been agreed by the council and the health board and submitted "
          "to the Scottish Government.",
          "Approval from Scottish Ministers is awaited.",
          "The scheme will be published once approved."),
         90, "green"),
    Item("ijb", "Establish joint financial planning between the council, the health board and the Integration "
                "Joint Board, including agreed budget-setting timescales.",
         ("A joint financial planning group of the three chief finance officers now meets every month.",
          "Budget-setting timescales have been agreed for the coming year, but a shared medium-term financial plan "
          "has not yet been developed.",
          "The group will report to the IJB's Audit and Risk Committee."),
         50, "amber"),
    Item("ijb", "Develop shared performance reporting for health and social care, reporting to both the council "
                "and the Integration Joint Board.",
         ("A draft set of shared indicators has been agreed by officers.",
          "Reporting to both bodies is expected to start in the next quarter. Access to health data has been "
          "slower than expected because the data sharing agreement needed to be revised.",
          "The reports will use the same format as the council's quarterly performance reports."),
         35, "amber"),
    Item("ijb", "Review the directions issued by the Integration Joint Board and make sure the council's "
                "services respond to them.",
         ("All current directions have been reviewed by the council's Chief Social Work Officer and the Chief "
          "Officer of the IJB.",
          "A new template for directions was agreed by the IJB, setting out timescales and how the council will "
          "report its response.",
          "The council's responses will be reported to the Policy and Resources Committee every six months."),
         70, "green"),
    Item("ijb", "Strengthen joint arrangements for the commissioning of care at home services.",
         ("A joint commissioning group has been set up, but progress has been limited.",
          "The care at home market is under severe pressure, with two providers leaving the area this year. The "
          "group's work has concentrated on maintaining services.",
          "A commissioning strategy for care at home will be developed once the market has stabilised."),
         25, "red"),
    # members
    Item("members", "Deliver an induction programme for all elected members after the local government "
                    "elections, covering finance, governance and scrutiny.",
         ("The induction programme was delivered over six weeks, with 41 sessions in total.",
          "Attendance averaged 78% and feedback was positive, in particular on the finance sessions.",
          "Recordings of the sessions are available to members on the members' portal."),
         100, "complete"),
    Item("members", "Offer every elected member a personal development plan and annual one-to-one review.",
         ("Personal development plans have been offered to all members and 19 of 43 have been agreed.",
          "Group leaders have been asked to encourage members to take up the offer. The Improvement Service's "
          "political skills framework is being used.",
          "Progress will be reported to the Standards Committee."),
         45, "amber"),
    Item("members", "Provide scrutiny skills training for members of the Audit and Scrutiny Committee, with "
                    "support from the Improvement Service.",
         ("Two scrutiny skills workshops have been held, led by the Improvement Service.",
          "A third workshop on questioning skills will be held with the external auditor.",
          "The committee will carry out a self-assessment against CIPFA's guidance on audit committees."),
         60, "green"),
    Item("members", "Review the scheme of delegation and standing orders to clarify the roles of committees and "
                    "officers.",
         ("The revised scheme of delegation and standing orders have been drafted and discussed at a cross-party "
          "working group.",
          "Changes include clearer limits on officer decisions on contracts and a revised call-in procedure.",
          "The documents will be presented to Council for approval."),
         80, "green"),
    Item("members", "Introduce a programme of member briefings on the budget and the medium-term financial "
                    "strategy.",
         ("Four budget briefings have been held for all members.",
          "Briefings covered the financial outlook, the capital programme, reserves and the savings options.",
          "Briefings will continue each year as part of the budget process."),
         100, "complete"),
]


def _bank(rec: str) -> list[Item]:
    return [i for i in _BANK if i.rec == rec]


# --- normalisation and the self-check, as the data contract says -----------------------------

# --- building a variant ---------------------------------------------------------------------

@dataclass
class Row:
    """One action row of a variant: the bank's item with what this paper prints for it."""

    item: Item
    theme: str  # the theme as expected (the recommendation without its label)
    ref: str | None
    lead: str
    due: str  # as printed
    due_iso: str
    update: str  # as printed
    original_iso: str | None = None
    report_refs: str | None = None
    previous: dict[str, int] = field(default_factory=dict)  # as-of -> % of a dated progress column


Column = tuple[C, Callable[[Row], C]]


def _h(text: str) -> C:
    return C(text, bold=True, fill="D9D9D9")


def _rows(plan: list[tuple[str, list[int]]], leads: list[str], dues: list[tuple[str, str]],
          update: Callable[[Item, int], str], refs: bool = True) -> list[Row]:
    """Rows for the recommendations of ``plan`` (a recommendation's key and which of its actions),
    leads and dates taken in turn, refs 'n.m' by recommendation and action."""
    out: list[Row] = []
    for n, (rec, picks) in enumerate(plan, 1):
        items = _bank(rec)
        for m, k in enumerate(picks, 1):
            i = len(out)
            due, iso = dues[i % len(dues)]
            item = items[k]
            out.append(Row(item, RECS[rec].text, f"{n}.{m}" if refs else None, leads[i % len(leads)], due, iso,
                           update(item, i)))
    return out


def _table(columns: list[Column], rows: list[Row], first: Column, *, widths: list[float], header_rows: int,
           font_size: float = 9.0) -> T:
    """A header row, then the rows, the first column a cell merged down over each recommendation's rows
    (``first``'s cell, given the recommendation's first row)."""
    head: list[C | str] = [first[0], *(h for h, _ in columns)]
    body = [head]
    for n, r in enumerate(rows):
        cells: list[C | str] = [f(r) for _, f in columns]
        if n == 0 or rows[n - 1].item.rec != r.item.rec:
            span = 1
            while n + span < len(rows) and rows[n + span].item.rec == r.item.rec:
                span += 1
            cell = first[1](r)
            cell.rowspan = span
            cells.insert(0, cell)
        body.append(cells)
    return T(body, widths=widths, header_rows=header_rows, font_size=font_size)


def _action(r: Row, report: str, *, pct: str | None, rag: str | None) -> Action:
    snaps = [Snapshot(d, float(p), f"{p}%") for d, p in sorted(r.previous.items())]
    percent = None if pct is None else float(pct.rstrip("%"))
    snaps.append(Snapshot(report, percent, pct, rag, flat(r.update) or None))
    return Action(description=r.item.desc, ref=r.ref, theme=r.theme, lead=r.lead, due_date=r.due_iso,
                  original_due_date=r.original_iso, due_raw=r.due, report_refs=r.report_refs, snapshots=snaps)


def _two(item: Item, _: int) -> str:
    return "\n".join(item.paras[:2])


def _lead_in(title: str, date_line: str, committee: str) -> list[Block]:
    return [P(title, "title"), P(date_line), P(committee),
            P("1. Purpose", "heading"),
            P("This report provides the Committee with an update on progress against the improvement actions "
              "agreed in response to the Best Value Assurance Report. Appendix 1 sets out each action with its "
              "lead officer, target date and progress."),
            P("2. Recommendation", "heading"),
            P("The Committee is asked to note the progress set out in Appendix 1."),
            P("Appendix 1: Improvement Action Plan", "heading")]


# --- the variants ---------------------------------------------------------------------------

def fife() -> PaperSpec:
    """32 actions, landscape, header repeated, the recommendation merged down its actions."""
    report = "2022-03-22"
    plan = [("vision", [0, 1, 2, 3, 4]), ("finance", [0, 1, 2, 3, 4]), ("workforce", [0, 1, 2, 4]),
            ("community", [0, 1, 2, 3]), ("performance", [0, 1, 2, 3, 4]), ("transformation", [0, 1, 2, 3, 4]),
            ("ijb", [0, 1, 3, 4])]
    rows = _rows(plan, ["Chief Executive", "Executive Director Finance and Corporate Services",
                        "Head of Finance", "Head of Human Resources", "Executive Director Communities",
                        "Head of Business and Employability", "Director of Health and Social Care",
                        "Service Manager, Policy and Performance"],
                 [("31/03/2022", "2022-03-31"), ("30/06/2022", "2022-06-30"), ("30/09/2022", "2022-09-30"),
                  ("31/12/2022", "2022-12-31"), ("31/03/2023", "2023-03-31"), ("31/01/2022", "2022-01-31")], _two)

    rec: Column = (_h("Recommendation"), lambda r: C(r.theme, bold=True))

    columns: list[Column] = [
        (_h("Ref"), lambda r: C(r.ref or "")),
        (_h("Action"), lambda r: C(r.item.desc)),
        (_h("Lead Officer"), lambda r: C(r.lead)),
        (_h("Target Date"), lambda r: C(r.due)),
        (_h("% Complete"), lambda r: C(f"{r.item.pct}%")),
        (_h("Progress Update"), lambda r: C(r.update)),
    ]
    title = "Best Value Assurance Report: Improvement Action Plan Progress"
    blocks = [*_lead_in(title, "Report Date: 22/03/2022", "Report to the Standards, Audit and Risk Committee"),
              _table(columns, rows, rec, widths=[2.4, 0.6, 2.6, 1.6, 1.25, 1.1, 4.35], header_rows=1)]
    actions = [_action(r, report, pct=f"{r.item.pct}%", rag=None) for r in rows]
    return PaperSpec(LAYOUT, "fife_bvar_improvement_action_plan_progress_2022-03", blocks,
                     Expected(title, report, actions), producers=("lo-docx", "docx", "pdf"), landscape=True,
                     note="32 actions over several pages; the recommendation (no label) merged down its 4-5 "
                          "actions in the first column and continued over a page break; header repeated")


def west_lothian() -> PaperSpec:
    """27 actions; header printed once; a dated and a current progress column; revised dates."""
    report = "2021-12-07"
    plan = [("finance", [0, 1, 2, 3, 4]), ("workforce", [0, 1, 2, 3, 4]), ("performance", [0, 1, 3, 4]),
            ("transformation", [0, 1, 2, 3, 4]), ("ijb", [0, 1, 2, 3, 4]), ("members", [1, 3, 4])]
    rows = _rows(plan, ["Depute Chief Executive", "Head of Finance and Property Services",
                        "Head of Corporate Services", "Chief Executive", "Head of Social Policy",
                        "Depute Chief Executive, Education, Planning, Economic Development and Regeneration"],
                 [("31-Mar-22", "2022-03-31"), ("31-Dec-21", "2021-12-31"), ("30-Jun-22", "2022-06-30"),
                  ("30-Sep-22", "2022-09-30"), ("31-Mar-22 (30/09/2021)", "2022-03-31")], _two)
    for n, r in enumerate(rows):
        if "(" in r.due:
            r.original_iso = "2021-09-30"
        r.previous = {"2021-09-30": max(0, r.item.pct - (10, 20, 0, 15, 30)[n % 5])}

    def label(r: Row) -> C:
        return C(f"BVAR Recommendation {list(RECS).index(r.item.rec) + 1}: {r.theme}", bold=True)

    rec: Column = (_h("BVAR Recommendation"), label)

    columns: list[Column] = [
        (_h("No."), lambda r: C(r.ref or "")),
        (_h("Action"), lambda r: C(r.item.desc)),
        (_h("Responsible Officer"), lambda r: C(r.lead)),
        (_h("Timescale"), lambda r: C(r.due)),
        (_h("Progress at 30/09/21"), lambda r: C(f"{r.previous['2021-09-30']}%")),
        (_h("Current Progress"), lambda r: C(f"{r.item.pct}%")),
        (_h("Commentary"), lambda r: C(r.update)),
    ]
    title = "Best Value Audit Action Plan – Monitoring Report"
    blocks = [*_lead_in(title, "Report Date: 7 December 2021", "Report to the Audit Committee"),
              _table(columns, rows, rec, widths=[2.3, 0.6, 2.5, 1.6, 1.4, 1.1, 1.1, 3.7], header_rows=0)]
    actions = [_action(r, report, pct=f"{r.item.pct}%", rag=None) for r in rows]
    return PaperSpec(LAYOUT, "west_lothian_bv_action_plan_monitoring_2021-12", blocks,
                     Expected(title, report, actions), producers=("lo-docx", "docx"), landscape=True,
                     note="27 actions; header row printed once only (not repeated); 'BVAR Recommendation N:' in a "
                          "cell merged down its actions; 'Progress at 30/09/21' (% only) and 'Current Progress'; "
                          "'31-Mar-22 (30/09/2021)' revised dates")


def south_ayrshire() -> PaperSpec:
    """38 actions in 8pt; header repeated; RAG words in filled cells; one commentary paragraph."""
    report = "2022-06-16"
    plan = [("vision", [0, 1, 2, 3, 4]), ("finance", [0, 1, 2, 3, 4]), ("workforce", [0, 1, 2, 3, 4]),
            ("community", [0, 1, 2, 3, 4]), ("performance", [0, 1, 2, 3]), ("transformation", [0, 1, 2, 3, 4]),
            ("ijb", [0, 1, 2, 3]), ("members", [0, 1, 2, 3, 4])]
    words = {"complete": ("Complete", "8EA9DB"), "green": ("Green", "00B050"), "amber": ("Amber", "FFC000"),
             "red": ("Red", "FF0000"), "not_started": ("Not Started", "D9D9D9")}

    def update(item: Item, n: int) -> str:
        return item.paras[0] if n % 3 else " ".join(item.paras[:2])

    rows = _rows(plan, ["Chief Executive", "Director – Strategic Change and Communities", "Head of Finance, ICT and "
                        "Procurement", "Head of HR and Organisational Development", "Chief Officer – Health and "
                        "Social Care", "Service Lead – Policy, Performance and Community Planning"],
                 [("31.03.22", "2022-03-31"), ("30.09.22", "2022-09-30"), ("31.12.22", "2022-12-31"),
                  ("30.06.22", "2022-06-30"), ("31.03.23", "2023-03-31")], update)
    for r in rows:
        r.ref = f"BV{r.ref}"

    rec: Column = (_h("Recommendation"), lambda r: C(r.theme, bold=True))

    columns: list[Column] = [
        (_h("Action Ref"), lambda r: C(r.ref or "")),
        (_h("Improvement Action"), lambda r: C(r.item.desc)),
        (_h("Lead"), lambda r: C(r.lead)),
        (_h("Due Date"), lambda r: C(r.due)),
        (_h("RAG"), lambda r: C(words[r.item.rag][0], fill=words[r.item.rag][1])),
        (_h("Update"), lambda r: C(r.update)),
    ]
    title = "Best Value Assurance Report Improvement Plan – Update"
    blocks = [*_lead_in(title, "Report Date: 16/06/2022", "Report to the Audit and Governance Panel"),
              _table(columns, rows, rec, widths=[2.6, 0.9, 3.0, 1.7, 1.1, 1.1, 4.4], header_rows=1, font_size=8)]
    actions = [_action(r, report, pct=None, rag=r.item.rag) for r in rows]
    return PaperSpec(LAYOUT, "south_ayrshire_bvar_improvement_plan_update_2022-06", blocks,
                     Expected(title, report, actions), producers=("pdf", "lo-docx"), landscape=True,
                     note="38 actions, 8pt; header repeated; RAG words in filled cells; refs 'BV1.1'; "
                          "dotted dates '31.03.22'; the recommendation merged down 4-5 actions")


def inverclyde() -> PaperSpec:
    """25 actions with very long bulleted commentary; header printed once; report paragraphs."""
    report = "2022-02-24"
    plan = [("vision", [0, 1, 3, 4]), ("finance", [0, 1, 3, 4]), ("workforce", [0, 2, 3, 4]),
            ("community", [0, 1, 2, 3, 4]), ("transformation", [1, 2, 3, 4]), ("members", [1, 2, 3, 4])]
    paras = {"vision": "34 – 36", "finance": "52", "workforce": "61 – 63", "community": "78",
             "transformation": "88 – 91", "members": "104"}

    def update(item: Item, _: int) -> str:
        return item.paras[0] + "\n" + "\n".join(f"• {p}" for p in item.paras[1:])

    rows = _rows(plan, ["Chief Executive", "Interim Director, Finance and Corporate Governance",
                        "Head of Organisational Development, Policy and Communications", "Corporate Director, "
                        "Education, Communities and Organisational Development", "Head of Legal and Democratic "
                        "Services"],
                 [("31 March 2022", "2022-03-31"), ("30 June 2022", "2022-06-30"), ("30 September 2022",
                                                                                    "2022-09-30"),
                  ("31 December 2022", "2022-12-31")], update, refs=False)
    for n, r in enumerate(rows, 1):
        r.ref = str(n)
        r.report_refs = paras[r.item.rec]

    rec: Column = (_h("Audit Recommendation"), lambda r: C(r.theme, bold=True))

    columns: list[Column] = [
        (_h("Ref"), lambda r: C(r.ref or "")),
        (_h("Action"), lambda r: C(r.item.desc)),
        (_h("Lead Officer"), lambda r: C(r.lead)),
        (_h("Report Ref"), lambda r: C(r.report_refs or "")),
        (_h("Target Date"), lambda r: C(r.due)),
        (_h("Progress Update"), lambda r: C(r.update)),
    ]
    title = "Best Value Assurance Report: Action Plan Update"
    blocks = [*_lead_in(title, "24 February 2022", "Report to the Policy and Resources Committee"),
              _table(columns, rows, rec, widths=[2.4, 0.6, 2.6, 1.8, 0.9, 1.5, 5.2], header_rows=0)]
    actions = [_action(r, report, pct=None, rag=None) for r in rows]
    return PaperSpec(LAYOUT, "inverclyde_best_value_action_plan_update_2022-02", blocks,
                     Expected(title, report, actions), producers=("docx", "lo-docx"), landscape=True,
                     note="25 actions with three-paragraph bulleted updates (rows taller than half a page break "
                          "across pages in Word/LibreOffice); header printed once; 'Report Ref' paragraph "
                          "ranges; no % or RAG; dates in words")


def east_renfrewshire() -> PaperSpec:
    """Portrait; 30 actions under three workstreams of 10; month and quarter timescales; no refs."""
    report = "2021-09-28"
    streams = {"Modernising the council": [("transformation", [0, 1, 2, 3, 4]), ("performance", [0, 1, 3, 4]),
                                           ("vision", [1])],
               "Our people and our finances": [("finance", [0, 1, 2, 3, 4]), ("workforce", [0, 1, 2, 3, 4])],
               "Working with communities and partners": [("community", [0, 1, 2, 3]), ("ijb", [0, 1, 2, 4]),
                                                         ("members", [3, 1])]}
    dues = [("March 2022", "2022-03-31"), ("Q4 2021/22", "2022-03-31"), ("December 2021", "2021-12-31"),
            ("Q2 2022/23", "2022-09-30"), ("June 2022", "2022-06-30"), ("Q3 2021/22", "2021-12-31")]
    leads = ["Director of Business Operations and Partnerships", "Head of Accountancy", "Chief Executive",
             "Head of HR and Corporate Services", "Director of Environment", "Chief Officer, HSCP"]
    rows: list[Row] = []
    for stream, plan in streams.items():
        for rec, picks in plan:
            for k in picks:
                i = len(rows)
                due, iso = dues[i % len(dues)]
                item = _bank(rec)[k]
                rows.append(Row(Item(stream, item.desc, item.paras, item.pct, item.rag), stream, None,
                                leads[i % len(leads)], due, iso, _two(item, i)))

    first: Column = (_h("Workstream"), lambda r: C(r.theme, bold=True))

    columns: list[Column] = [
        (_h("Action"), lambda r: C(r.item.desc)),
        (_h("Responsible Officer"), lambda r: C(r.lead)),
        (_h("Timescale"), lambda r: C(r.due)),
        (_h("%"), lambda r: C(f"{r.item.pct}%")),
        (_h("Update"), lambda r: C(r.update)),
    ]
    title = "Best Value Improvement Plan: Progress Report"
    blocks: list[Block] = [P(title, "title"), P("Report Date: 28/09/2021"),
                           P("Progress against each action of the improvement plan, by workstream."),
                           _table(columns, rows, first, widths=[1.9, 2.8, 1.9, 1.6, 1.2, 3.2], header_rows=1)]
    actions = [_action(r, report, pct=f"{r.item.pct}%", rag=None) for r in rows]
    return PaperSpec(LAYOUT, "east_renfrewshire_bv_improvement_plan_2021-09", blocks,
                     Expected(title, report, actions), producers=("lo-docx", "pdf"), landscape=False,
                     note="portrait; 30 actions under three workstreams merged down 10 rows each (each continues "
                          "over at least one page break); header repeated; no refs; 'March 2022'/'Q4 2021/22' "
                          "timescales; header '%'")


_LONG = (
    "The Transformation Board has continued to meet monthly and has overseen the following projects during "
    "the period:\n"
    "• Customer services: the new contact centre handles telephone, web chat and e-mail contacts for council "
    "tax, benefits, waste and roads. Calls answered within two minutes rose from 54% to 81%, and repeat calls "
    "have fallen by a quarter.\n"
    "• Fleet review: the review of the council's 612 vehicles recommends a reduction of 48 pool and service "
    "vehicles and a move to electric vehicles for all cars and small vans by 2025.\n"
    "• School estate: the learning estate strategy has been approved and consultation on three primary school "
    "projects has begun.\n"
    "• Digital: online forms and payments are live for 12 of the 20 most used services; the remaining eight "
    "wait for the supplier's upgrade of the revenues and benefits system.\n"
    "Savings of £1.2m have been delivered against £1.9m planned for the year. The shortfall is mainly in the "
    "fleet and digital projects and is expected to be recovered next year. The Board has agreed to prioritise "
    "the projects with the greatest savings and to pause two smaller projects until the autumn so that staff "
    "can be redeployed. A full programme report with a benefits profile for each project will be presented to "
    "the Policy Committee in the next cycle."
)


def aberdeenshire() -> PaperSpec:
    """28 actions; percentages without '%'; bracketed revised dates; one update of most of a page."""
    report = "2022-08-18"
    plan = [("transformation", [0, 1, 2, 3, 4]), ("finance", [0, 1, 3, 4]), ("vision", [0, 1, 2, 4]),
            ("performance", [0, 1, 3, 4]), ("community", [0, 1, 2, 3]), ("workforce", [0, 1, 2, 4]),
            ("members", [0, 1, 2])]
    rows = _rows(plan, ["Director of Business Services", "Head of Finance", "Chief Executive",
                        "Director of Infrastructure Services", "Head of HR and OD",
                        "Director of Environment and Infrastructure Services"],
                 [("31/10/2022", "2022-10-31"), ("31/03/2023 (31/12/2022)", "2023-03-31"),
                  ("30/11/2022", "2022-11-30"), ("28/02/2023", "2023-02-28"),
                  ("30/06/2023 (31/03/2023)", "2023-06-30")], _two)
    for r in rows:
        if "(" in r.due:
            d, m, y = r.due.split("(")[1].rstrip(")").split("/")
            r.original_iso = f"{y}-{m}-{d}"
    rows[2].update = _LONG

    rec: Column = (_h("Recommendation"), lambda r: C(r.theme, bold=True))

    columns: list[Column] = [
        (_h("Ref"), lambda r: C(r.ref or "")),
        (_h("Agreed Action"), lambda r: C(r.item.desc)),
        (_h("Lead Officer"), lambda r: C(r.lead)),
        (_h("Target Date"), lambda r: C(r.due)),
        (_h("% Complete"), lambda r: C(str(r.item.pct))),
        (_h("Update"), lambda r: C(r.update)),
    ]
    title = "Best Value Audit Report Improvement Plan – Progress"
    blocks = [*_lead_in(title, "Report Date: 18/08/2022", "Report to the Audit Committee"),
              _table(columns, rows, rec, widths=[2.4, 0.6, 2.7, 1.8, 1.5, 1.2, 4.3], header_rows=1)]
    actions = [_action(r, report, pct=str(r.item.pct), rag=None) for r in rows]
    return PaperSpec(LAYOUT, "aberdeenshire_bvar_improvement_plan_progress_2022-08", blocks,
                     Expected(title, report, actions), producers=("docx", "pdf", "lo-docx"), landscape=True,
                     note="28 actions; one update of most of a page (a row breaking across pages in Word); "
                          "percentages written '45'; '31/03/2023 (31/12/2022)' revised dates; header repeated")


def variants() -> list[PaperSpec]:
    specs = [fife(), west_lothian(), south_ayrshire(), inverclyde(), east_renfrewshire(), aberdeenshire()]
    for s in specs:
        check(s)
        assert 25 <= len(s.expected.actions) <= 40, (s.name, len(s.expected.actions))
    assert len({s.name for s in specs}) == len(specs)
    return specs
