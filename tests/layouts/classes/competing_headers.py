"""Layout class 'competing_headers': two columns whose headers could each name one field.

A reader takes the more specific header for the field and the other for what it is:

- 'Workstream' + 'Action', 'Theme' + 'Key Action', 'Improvement Area' + 'Activity', 'BV
  Recommendation' + 'Improvement Action', 'Priority Area' + 'Action', 'Area' + 'Activity': the
  grouping column (repeated on each row or merged down its rows) is the theme, the other the
  description. ('Project' + 'Task' is left out: a project is as often the action itself, with tasks
  as its milestones, as it is a grouping of actions.)
- 'Action Owner' + 'Lead Director': the lead is the Lead Director, the Action Owner the service
  lead. The contract has two people per action, ``lead`` (who is chased) and ``service_lead`` (the
  officer under them, as the sample's 'Lead Officer' and 'Service Lead'); a header saying 'Lead'
  names the lead, and the owner is kept as the service lead rather than dropped. Where 'Action
  Owner' is the only person column it is the lead.
- 'Lead Officer' + 'Lead Member': the officer leads; an elected member holding the portfolio is
  neither lead nor service lead.
- 'Status' holding RAG words (or a key's labels) next to 'Progress Update' prose: 'Status' is the
  RAG, 'Progress Update' the status text. 'Progress' holding percentages next to 'Progress Update':
  the percentage and the commentary.
- 'Action No.' + 'BVAR Para': the ref and the audit report's paragraph (``report_refs``).
- 'Target Date' + 'Date Last Updated': the target is the due date; the update date is neither a
  due date nor an as-of date.
"""

from __future__ import annotations

from dataclasses import dataclass

from layouts.spec import Action, Block, C, Expected, P, PaperSpec, Sheet, Snapshot, T

from .report_details import (
    RAG_FILL,
    RAG_WORD,
    body,
    check_specs,
    details_rows,
    flat,
    head,
    parse_date,
    unlabel,
    xdate,
    xpct,
)

LAYOUT = "competing_headers"
KEY_WORDS = {"on track": "green", "at risk": "amber", "off track": "red"}


@dataclass
class Item:
    """One action as printed."""

    group: str  # the grouping column's text
    ref: str | None
    action: str
    lead: str
    due: str
    pct: int
    update: str
    rag: str | None = None
    word: str | None = None  # the status as printed, where not the RAG's own word
    owner: str | None = None  # a second person: the service lead
    other: str = ""  # a column that yields nothing (lead member, date last updated)
    priority: str | None = None
    para: str | None = None  # the audit report's paragraph


def status(item: Item) -> C:
    assert item.rag is not None
    return C(item.word or RAG_WORD[item.rag], fill=RAG_FILL[item.rag])


def expect(item: Item, report_date: str, fmt: str = "{}%") -> Action:
    due = parse_date(item.due)
    assert due is not None, item.due
    snap = Snapshot(report_date, float(item.pct), fmt.format(item.pct), item.rag, flat(item.update) or None)
    return Action(description=flat(item.action), ref=item.ref, theme=unlabel(item.group), lead=item.lead,
                  service_lead=item.owner, priority=item.priority, due_date=due.isoformat(), due_raw=item.due,
                  report_refs=item.para, snapshots=[snap])


def merged_down(items: list[Item], cells: list[list[C | str]]) -> list[list[C | str]]:
    """Each item's row with its group cell merged down the rows of its group (``cells`` without it)."""
    rows: list[list[C | str]] = []
    for i, (item, row) in enumerate(zip(items, cells, strict=True)):
        if i == 0 or items[i - 1].group != item.group:
            span = 1
            while i + span < len(items) and items[i + span].group == item.group:
                span += 1
            rows.append([C(item.group, rowspan=span), *row])
        else:
            rows.append(row)
    return rows


# ---------------------------------------------------------------------------------------------


def _workstream_and_action() -> PaperSpec:
    items = [
        Item("Leadership and Culture", "1", "Agree and communicate a set of organisational values with staff and "
             "elected members.", "Chief Executive", "31/10/2022", 80,
             "Values agreed following the staff survey and focus groups. Launch events planned for October."),
        Item("Leadership and Culture", "2", "Introduce a 360-degree feedback process for the senior leadership team.",
             "Head of Organisational Development", "31/12/2022", 40,
             "Tool selected; the Corporate Management Team will pilot it first."),
        Item("Leadership and Culture", "3", "Hold quarterly staff briefings led by the Chief Executive.",
             "Communications Manager", "30/06/2022", 100,
             "Four briefings held, the last attended by over 600 staff online."),
        Item("Financial Sustainability", "4", "Set a balanced three-year revenue budget with identified savings for "
             "each year.", "Chief Finance Officer", "28/02/2023", 30,
             "Budget gap of £14.2m identified for 2023/24 to 2025/26.\nSavings options being developed by services."),
        Item("Financial Sustainability", "5", "Strengthen the monitoring of savings delivery, with a red, amber or "
             "green assessment of each saving reported to committee.", "Chief Finance Officer", "30/09/2022", 65,
             "Savings tracker in place; first report to committee in September."),
        Item("Community Engagement", "6", "Adopt a community engagement framework consistent with the National "
             "Standards for Community Engagement.", "Head of Communities", "31/12/2022", 50,
             "Framework drafted with the community planning partners."),
        Item("Community Engagement", "7", "Involve young people in decisions through a youth council with a budget "
             "to allocate.", "Youth Services Manager", "31/03/2023", 20,
             "Youth council elections held in June. Budget of £25,000 agreed."),
        Item("Community Engagement", "8", "Publish feedback after each major consultation showing how views "
             "influenced the decision.", "Communications Manager", "30/09/2022", 10, "Web page template designed."),
    ]
    cells: list[list[C | str]] = [[i.ref or "", i.action, i.lead, i.due, f"{i.pct}%", i.update] for i in items]
    table = T([head("Workstream", "Ref", "Action", "Lead Officer", "Target Date", "Progress", "Progress Update"),
               *merged_down(items, cells)],
              widths=[1.4, 0.5, 3.3, 1.6, 1.15, 1.0, 3.6])
    title = "Best Value Improvement Programme – Progress Update"
    blocks: list[Block] = [
        P(title, "title"),
        P("Corporate Policy and Strategy Committee", bold=True),
        P("Report Date: 31 August 2022"),
        P("The programme is organised in three workstreams, each with a lead officer for every action."),
        table,
    ]
    date = "2022-08-31"
    return PaperSpec(
        LAYOUT, "cps_bv_improvement_programme_update", blocks,
        Expected(title, date, [expect(i, date) for i in items]),
        producers=("docx", "lo-docx", "pdf"),
        note="'Workstream' (merged down its actions) is the theme, 'Action' the description; 'Progress' holds "
             "the percentage next to 'Progress Update' prose; an action's text names red, amber and green")


def _theme_owner_director() -> PaperSpec:
    items = [
        Item("Vision and Strategic Direction", None, "Review the Council Plan priorities following the local "
             "government elections.", "Director of Strategy and Performance", "31/12/2022", 60,
             "Members' workshop held and draft priorities agreed for consultation.", "green", owner="Policy Manager"),
        Item("Vision and Strategic Direction", None, "Develop a corporate performance management framework with a "
             "clear golden thread from the Council Plan to individual objectives.",
             "Director of Strategy and Performance", "31/03/2023", 35,
             "Framework drafted. Alignment with service plans slower than planned because of vacancies in the "
             "performance team.", "amber", owner="Performance Manager"),
        Item("Use of Resources", None, "Prepare a five-year capital strategy with affordability limits.",
             "Director of Finance and Corporate Services", "28/02/2023", 50,
             "Strategy drafted alongside the treasury management strategy.", "green", owner="Capital Accountant"),
        Item("Use of Resources", None, "Complete the asset rationalisation review and report the savings achieved.",
             "Director of Finance and Corporate Services", "30/09/2022", 15,
             "Review has stalled because of the estates team's involvement in the schools programme.\nRevised plan to "
             "be presented in January.", "red", owner="Estates Manager"),
        Item("Use of Resources", None, "Implement the new finance and HR system.",
             "Director of Finance and Corporate Services", "31/10/2022", 100, "System live from 3 October.",
             "complete", owner="Systems Project Manager"),
        Item("Partnership Working", None, "Agree joint priorities with the Integration Joint Board for preventative "
             "spend.", "Chief Officer, Health and Social Care", "31/03/2023", 25,
             "Two joint workshops held; agreement on funding contributions still to be reached.", "amber",
             owner="Strategic Planning Manager"),
        Item("Partnership Working", None, "Review the council's arm's-length external organisations and strengthen "
             "their governance arrangements.", "Director of Strategy and Performance", "30/06/2023", 0,
             "Scheduled to start in the new year.", "not_started", owner="Governance Manager"),
    ]
    widths = [1.6, 3.2, 1.4, 1.6, 1.15, 1.0, 3.4, 1.05]
    table = T([head("Theme", "Key Action", "Action Owner", "Lead Director", "Due Date", "Status", "Progress Update",
                    "% Complete", fill="FFF2CC"),
               *body([i.group, i.action, i.owner or "", i.lead, xdate(i.due), status(i), i.update, xpct(i.pct)]
                 for i in items)],
              widths=widths)
    title = "Best Value Action Plan Monitoring 2022/23"
    details = details_rows([("Report Date:", xdate("30/11/2022")), ("Report Ref:", "PRC/22/118")], widths,
                           label_span=1)
    blocks: list[Block] = [P(title, "title"), details, table]
    date = "2022-11-30"
    return PaperSpec(
        LAYOUT, "prc_bv_action_plan_monitoring", blocks,
        Expected(title, date, [expect(i, date) for i in items], report_ref="PRC/22/118"),
        producers=("xlsx", "lo-xlsx"), sheets=[Sheet("BV Plan", blocks)],
        note="'Theme' + 'Key Action'; 'Action Owner' + 'Lead Director' (the director is the lead, the owner the "
             "service lead); 'Status' holds RAG words next to 'Progress Update' prose; no refs")


def _area_activity_member() -> PaperSpec:
    items = [
        Item("Performance Management", "PM1", "Set targets for all key performance indicators in the Council Plan.",
             "Performance Manager", "Q4 2022/23", 45,
             "Targets set for 31 of 48 indicators; the remainder await baseline data.", other="Cllr A. Reid"),
        Item("Performance Management", "PM2", "Report performance to committees using a consistent quarterly "
             "scorecard.", "Performance Manager", "Q3 2022/23", 70, "Scorecard used by four of six service committees.",
             other="Cllr A. Reid"),
        Item("Performance Management", "PM3", "Train managers in using data to improve services.",
             "Head of Organisational Development", "Q1 2023/24", 10,
             "Course being designed with the Improvement Service.", other="Cllr A. Reid"),
        Item("Equalities and Fairness", "EQ1", "Publish equality outcomes and a mainstreaming report that meet the "
             "public sector equality duty.", "Equalities Officer", "Q1 2023/24", 30,
             "Engagement with equality groups under way.", other="Cllr M. Cameron"),
        Item("Equalities and Fairness", "EQ2", "Carry out equality impact assessments on all budget proposals before "
             "they are considered by Council.", "Policy Manager", "Q4 2022/23", 50,
             "Assessments completed for the first tranche of savings proposals.\n• Second tranche due in January",
             other="Cllr M. Cameron"),
        Item("Equalities and Fairness", "EQ3", "Apply a Fairer Scotland Duty assessment to strategic decisions.",
             "Policy Manager", "Q4 2022/23", 20, "Guidance drafted for report authors.", other="Cllr M. Cameron"),
    ]
    table = T([head("Improvement Area", "No.", "Activity", "Lead Officer", "Lead Member", "Timescale", "Progress %",
                    "Comments", fill="E7E6E6"),
               *body([i.group, i.ref or "", i.action, i.lead, i.other, i.due, str(i.pct), i.update] for i in items)],
              widths=[1.5, 0.55, 3.1, 1.6, 1.3, 1.1, 1.0, 3.2], font_size=8.5)
    title = "Best Value Action Plan – Progress Report"
    blocks: list[Block] = [
        P(title, "title"),
        P("Report by the Chief Executive to the Scrutiny Committee, 2 February 2023. Reference SC/23/02"),
        P("Timescales are financial quarters (Q1 is April to June)."),
        table,
    ]
    date = "2023-02-02"
    return PaperSpec(
        LAYOUT, "scrutiny_bv_action_plan_progress", blocks,
        Expected(title, date, [expect(i, date, fmt="{}") for i in items], report_ref="SC/23/02"),
        producers=("pdf",),
        note="'Improvement Area' + 'Activity'; 'Lead Officer' + 'Lead Member' (the member is no lead); quarter "
             "timescales; percentages without '%'")


def _recommendation_and_action() -> PaperSpec:
    items = [
        Item("Recommendation 1: The council needs to increase the pace of change to deliver its transformation "
             "programme.", "1", "Appoint a dedicated transformation team with programme management capacity.",
             "Chief Executive", "30/09/2022", 90, "Team of six in post; programme manager started in August.", "green",
             para="45"),
        Item("Recommendation 1: The council needs to increase the pace of change to deliver its transformation "
             "programme.", "2", "Prioritise the transformation programme, focusing on projects with the greatest "
             "savings and service improvement potential.", "Director of Transformation", "31/12/2022", 50,
             "Prioritisation criteria agreed; projects being scored.\nTwo projects paused to free capacity.", "amber",
             para="45-47"),
        Item("Recommendation 1: The council needs to increase the pace of change to deliver its transformation "
             "programme.", "3", "Report progress with the transformation programme to elected members every "
             "quarter.", "Director of Transformation", "31/10/2022", 75, "First quarterly report considered in June.",
             "green", para="48"),
        Item("Recommendation 2: The council should make better use of its data to inform decisions.", "4",
             "Develop a data strategy and appoint a data and analytics lead.", "Head of Digital Services",
             "31/03/2023", 30,
             "Data strategy consultation with services completed. Recruitment to the analytics lead post "
             "unsuccessful; post being regraded.", "amber", para="62"),
        Item("Recommendation 2: The council should make better use of its data to inform decisions.", "5",
             "Create a single customer record across council tax, housing and benefits.", "Head of Digital Services",
             "30/06/2023", 5, "Business case not yet approved due to funding pressures.", "red", para="63"),
        Item("Recommendation 3: The council should improve how it engages with local communities.", "6",
             "Introduce community conversations in each locality twice a year.", "Head of Communities",
             "31/12/2022", 100, "Conversations held in all six localities in spring and autumn.", "complete",
             para="81"),
        Item("Recommendation 3: The council should improve how it engages with local communities.", "7",
             "Report back to communities on how their views have influenced decisions.", "Head of Communities",
             "31/03/2023", 40, "Feedback pages launched for the budget consultation.", "green", para="82"),
    ]
    cells: list[list[C | str]] = [[i.ref or "", i.action, i.para or "", i.lead, i.due, status(i), f"{i.pct}%",
                                   i.update] for i in items]
    table = T([head("BV Recommendation", "Action No.", "Improvement Action", "BVAR Para", "Lead", "Target Date",
                    "RAG Status", "% Complete", "Progress Update"),
               *merged_down(items, cells)],
              widths=[1.95, 0.9, 2.5, 0.85, 1.6, 1.35, 1.15, 1.15, 2.65])
    title = "Best Value Assurance Report – Improvement Action Plan"
    blocks: list[Block] = [
        P(title, "title"),
        P("Audit and Scrutiny Committee", bold=True),
        P("Report Reference: AS/22/27"),
        P("Report Date: 13 September 2022"),
        table,
    ]
    date = "2022-09-13"
    return PaperSpec(
        LAYOUT, "as_committee_bvar_improvement_action_plan", blocks,
        Expected(title, date, [expect(i, date) for i in items], report_ref="AS/22/27"),
        producers=("docx", "lo-docx"),
        note="'BV Recommendation' (labelled 'Recommendation N:', merged down) + 'Improvement Action'; 'Action No.' "
             "+ 'BVAR Para' (the report's paragraph, not the ref); 'RAG Status' + '% Complete' + 'Progress Update'")


def _priority_area() -> PaperSpec:
    items = [
        Item("Inclusive Growth", "IG1", "Deliver the town centre regeneration programme in partnership with local "
             "businesses.", "Head of Economic Development", "31/03/2023", 40,
             "Two of the five projects on site. Construction cost inflation is putting the remaining projects under "
             "pressure.", "amber", other="21/04/2022", priority="1"),
        Item("Inclusive Growth", "IG2", "Increase the proportion of council spend with local suppliers.",
             "Procurement Manager", "31/03/2023", 55,
             "Meet-the-buyer events held in March; local spend at 27% against a target of 30%.", "green",
             other="14/04/2022", priority="2"),
        Item("Inclusive Growth", "IG3", "Launch an employability programme targeted at people facing the greatest "
             "barriers to work.", "Employability Manager", "30/06/2022", 70,
             "Programme launched with 212 participants so far.", "green", other="28/04/2022", priority="1"),
        Item("Climate Emergency", "CE1", "Publish a climate emergency action plan with annual carbon budgets.",
             "Sustainability Manager", "30/09/2022", 35,
             "Carbon baseline complete.\nAction plan drafting delayed while its budget is confirmed.", "amber",
             other="02/05/2022", priority="1"),
        Item("Climate Emergency", "CE2", "Install solar panels on suitable council buildings.", "Energy Manager",
             "31/03/2024", 0, "Feasibility study to be commissioned this summer.", "not_started", other="06/04/2022",
             priority="3"),
        Item("Climate Emergency", "CE3", "Develop active travel routes connecting the main towns.",
             "Roads and Transportation Manager", "31/12/2023", 15,
             "Funding bid to Sustrans unsuccessful. Alternative sources being explored.", "red", other="29/04/2022",
             priority="2"),
    ]
    table = T([head("Priority Area", "Ref", "Priority", "Action", "Lead Officer", "Target Date", "Date Last Updated",
                    "Status", "Progress Update", "% Complete", fill="DEEAF6"),
               *body([i.group, i.ref or "", i.priority or "", i.action, i.lead, i.due, i.other, status(i), i.update,
                  f"{i.pct}%"] for i in items)],
              widths=[1.3, 0.55, 0.8, 2.8, 1.5, 1.1, 1.1, 1.0, 3.0, 1.0])
    title = "Economy and Place: Best Value Action Plan Progress"
    blocks: list[Block] = [
        P(title, "title"),
        P("Date of Report: 5 May 2022"),
        P("Report No: ED/22/15"),
        P("Each action is given a priority from 1 (highest) to 3. The date each action was last updated by its lead "
          "officer is shown."),
        table,
    ]
    date = "2022-05-05"
    return PaperSpec(
        LAYOUT, "economy_place_bv_action_plan_progress", blocks,
        Expected(title, date, [expect(i, date) for i in items], report_ref="ED/22/15"),
        producers=("docx", "pdf"),
        note="'Priority Area' (the theme) next to 'Priority' (1-3); 'Target Date' next to 'Date Last Updated' (no "
             "field); 'Status' RAG words next to 'Progress Update' prose")


def _area_key_sheet() -> PaperSpec:
    items = [
        Item("Governance", "G1", "Review the scheme of delegation to officers.", "Monitoring Officer", "31/12/2022",
             60, "Draft scheme with the Corporate Management Team for comment.", "green", "On Track"),
        Item("Governance", "G2", "Publish a register of the council's strategic risks with named owners.",
             "Risk Manager", "30/09/2022", 100, "Register published and reviewed by the Audit Committee.", "complete",
             "Complete"),
        Item("Digital", "D1", "Roll out mobile working for care at home staff.", "ICT Business Partner",
             "31/03/2023", 35, "Devices delivered; the scheduling system integration is behind schedule.", "amber",
             "At Risk"),
        Item("Digital", "D2", "Achieve Cyber Essentials Plus accreditation.", "Information Security Officer",
             "31/01/2023", 70, "Pre-assessment passed with minor actions.", "green", "On Track"),
        Item("Workforce", "W1", "Introduce a wellbeing strategy for staff, including mental health first aiders in "
             "every service.", "Health and Wellbeing Adviser", "30/11/2022", 20,
             "Funding for mental health first aid training not yet identified.\nStrategy drafting paused.", "red",
             "Off Track"),
        Item("Workforce", "W2", "Agree a succession plan for critical senior posts.", "Head of HR", "31/03/2023", 0,
             "To begin once the senior management review concludes.", "not_started", "Not Started"),
    ]
    widths = [1.3, 0.55, 3.2, 1.7, 1.15, 1.0, 1.0, 3.5]
    cells: list[list[C | str]] = [[i.ref or "", i.action, i.lead, xdate(i.due), status(i), xpct(i.pct), i.update]
                                  for i in items]
    table = T([head("Area", "Ref", "Activity", "Action Owner", "Deadline", "Status", "% Complete", "Progress Update",
                    fill="D9D9D9"),
               *merged_down(items, cells)],
              widths=widths)
    meanings = [("green", "On Track", "Progressing to plan and expected to meet the deadline"),
                ("amber", "At Risk", "Some slippage; the deadline may be missed without action"),
                ("red", "Off Track", "The deadline will be missed; intervention needed"),
                ("complete", "Complete", "All work finished"),
                ("not_started", "Not Started", "Work has not begun")]
    key = T([[C("Status key", bold=True, colspan=3), "", "", "", "", ""],
             *body([C(word, fill=RAG_FILL[rag]), C(meaning, colspan=3), "", "", "", ""]
               for rag, word, meaning in meanings)],
            ruled=False, widths=widths, header_rows=0)
    title = "Best Value Improvement Tracker – Corporate Services"
    details = details_rows([("Report Date:", xdate("14/10/2022"))], widths)
    blocks: list[Block] = [P(title, "title"), details, key, table]
    date = "2022-10-14"
    return PaperSpec(
        LAYOUT, "corporate_services_bv_improvement_tracker_q2", blocks,
        Expected(title, date, [expect(i, date) for i in items]),
        producers=("xlsx", "lo-xlsx", "pdf"), sheets=[Sheet("Tracker", blocks)],
        note="'Area' (merged down) + 'Activity'; 'Action Owner' the only person column, so the lead; 'Status' in "
             "the paper's key's labels (On Track, At Risk, Off Track) next to 'Progress Update'")


def variants() -> list[PaperSpec]:
    return [_workstream_and_action(), _theme_owner_director(), _area_activity_member(), _recommendation_and_action(),
            _priority_area(), _area_key_sheet()]


def check() -> None:
    check_specs(variants(), LAYOUT, rag_words=KEY_WORDS)
    for spec in variants():
        for a in spec.expected.actions:
            assert a.theme and a.theme != a.description, f"{spec.name}: every action has its group as theme"
            assert a.lead and a.lead != a.service_lead


if __name__ == "__main__":
    check()
    print(f"{LAYOUT}: {len(variants())} variants ok")
