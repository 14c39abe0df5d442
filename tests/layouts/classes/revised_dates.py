"""Layout class 'revised_dates': separate original and revised target date columns.

Spellings councils use ('Original Target Date'/'Revised Target Date', 'Original Deadline'/
'Revised Deadline', 'Target Date'/'Revised Date', 'Initial Completion Date'/'Current Completion
Date', a merged 'Target Date' over 'Original'/'Revised'), in either order. Revised cells blank
(or '-'), equal to the original, later, and once earlier (brought forward). Per the contract:
``due_date`` is the revised date where one is given, else the original; ``original_due_date`` is
the original only where a revised date differs from it (compared as dates: 'March 2022' revising
'Q4 2021/22' is no revision). Dates as '31/03/2022', '31-Mar-22', 'March 2022', 'Q3 2021/22' and
real Excel dates.
"""

from __future__ import annotations

from dataclasses import dataclass

from layouts.spec import Action, Block, C, Expected, P, PaperSpec, Sheet, Snapshot, T

from .report_details import (
    RAG_FILL,
    RAG_WORD,
    THEME,
    body,
    check_specs,
    details_rows,
    flat,
    head,
    parse_date,
    table_grid,
    unlabel,
    xdate,
    xpct,
)

LAYOUT = "revised_dates"
NOT_REVISED = ("", "-")


@dataclass
class Dated:
    """One action as printed, with both its dates."""

    ref: str
    action: str
    lead: str
    original: str  # as printed
    revised: str  # as printed; '' or '-': not revised
    pct: int
    update: str
    rag: str | None = None
    prev: int | None = None


def dates(row: Dated) -> tuple[str, str, str | None]:
    """(due_raw, due_date, original_due_date) as the contract reads the two columns."""
    original = parse_date(row.original)
    assert original is not None, row.original
    if row.revised.strip() in NOT_REVISED:
        return row.original, original.isoformat(), None
    revised = parse_date(row.revised)
    assert revised is not None, row.revised
    return row.revised, revised.isoformat(), (original.isoformat() if revised != original else None)


def expect(row: Dated, report_date: str, *, theme: str | None = None, fmt: str = "{}%",
           prev_as_of: str | None = None) -> Action:
    due_raw, due_date, original = dates(row)
    snaps: list[Snapshot] = []
    if row.prev is not None:
        assert prev_as_of is not None
        snaps.append(Snapshot(prev_as_of, float(row.prev), fmt.format(row.prev)))
    snaps.append(Snapshot(report_date, float(row.pct), fmt.format(row.pct), row.rag, flat(row.update) or None))
    return Action(description=flat(row.action), ref=row.ref, theme=theme, lead=row.lead, due_date=due_date,
                  original_due_date=original, due_raw=due_raw, snapshots=snaps)


def _rag(row: Dated) -> C:
    assert row.rag is not None
    return C(RAG_WORD[row.rag], fill=RAG_FILL[row.rag])


def _typed(text: str) -> C | str:
    """A workbook's date cell: a real date where the text is a day, else the text as typed."""
    return xdate(text) if text.strip() not in NOT_REVISED and _is_day(text) else text


def _is_day(text: str) -> bool:
    return parse_date(text) is not None and any(ch.isdigit() for ch in text.split()[0]) and "Q" not in text


# ---------------------------------------------------------------------------------------------


def _original_then_revised() -> PaperSpec:
    themes = [
        ("Financial Sustainability", [
            Dated("1.1", "Prepare a long-term financial plan covering ten years, with scenario planning for demand "
                  "and funding.", "Director of Finance", "31/03/2022", "", 85,
                  "Plan drafted and considered at a members' seminar. Final version to Council with the budget."),
            Dated("1.2", "Introduce quarterly budget monitoring reports to service committees showing forecast "
                  "outturn and savings delivery.", "Chief Accountant", "31/12/2021", "30/06/2022", 60,
                  "First reports presented to two committees. Delayed for the remaining committees by the finance "
                  "system upgrade."),
            Dated("1.3", "Develop an income generation strategy.", "Head of Economic Development", "30/09/2022",
                  "30/09/2022", 25, "Opportunities identified in commercial waste and property lettings."),
        ]),
        ("Service Redesign and Economic Recovery", [
            Dated("2.1", "Complete an options appraisal for the future delivery of leisure and cultural services.",
                  "Head of Communities", "31/03/2022", "31/10/2022", 40,
                  "Consultant appointed later than planned. Stakeholder interviews under way.\nRevised date agreed "
                  "by the Programme Board."),
            Dated("2.2", "Agree a shared services agreement with a neighbouring council for building control.",
                  "Head of Planning", "30/06/2022", "", 10, "Initial discussions held at chief officer level."),
            Dated("2.3", "Refresh the economic recovery plan with partners in the regional economic partnership.",
                  "Head of Economic Development", "31/12/2022", "30/11/2022", 50,
                  "Brought forward to align with the regional growth deal review."),
            Dated("2.4", "Review the council's commercial property portfolio and dispose of surplus assets.",
                  "Head of Property", "31/01/2022", "31/05/2022", 70,
                  "• Portfolio review complete\n• Six surplus sites identified\n• Marketing of the first three sites "
                  "starts in April"),
        ]),
    ]
    table_rows: list[list[C | str]] = []
    for theme, rows in themes:
        table_rows.append([C(theme, colspan=7, bold=True, fill=THEME)])
        table_rows += [[r.ref, r.action, r.lead, r.original, r.revised, f"{r.pct}%", r.update] for r in rows]
    table = T([head("Ref", "Action", "Lead Officer", "Original Target Date", "Revised Target Date", "% Complete",
                    "Progress Update"), *table_rows],
              widths=[0.55, 3.4, 1.6, 1.25, 1.25, 1.05, 3.7])
    title = "Best Value Improvement Plan – Progress Report"
    blocks: list[Block] = [
        P(title, "title"),
        P("Scrutiny and Audit Committee", bold=True),
        P("Report Date: 15 March 2022"),
        P("Report No. 94/22"),
        P("Where a target date has been revised, the original date is shown alongside the revised date agreed by "
          "the Programme Board."),
        table,
    ]
    date = "2022-03-15"
    return PaperSpec(
        LAYOUT, "scrutiny_audit_bv_improvement_plan_progress", blocks,
        Expected(title, date, [expect(r, date, theme=t) for t, rows in themes for r in rows], report_ref="94/22"),
        producers=("docx", "pdf", "lo-docx"),
        note="'Original Target Date' then 'Revised Target Date' (dd/mm/yyyy): revised blank, equal, later, earlier; "
             "theme rows")


def _revised_first() -> PaperSpec:
    rows = [
        Dated("1", "Develop a roads asset management plan that sets out the investment needed to maintain the "
              "network in a steady state.", "Roads Manager", "30-Sep-22", "", 55,
              "Condition survey data analysed; investment scenarios being modelled.", "green"),
        Dated("2", "Introduce a new kerbside recycling service to meet the Household Recycling Charter.",
              "Waste Services Manager", "31-Oct-22", "31-Mar-23", 30,
              "Delivery of new containers delayed by supplier issues. Roll-out rescheduled to start in January.",
              "amber"),
        Dated("3", "Review street cleaning routes and frequencies using the LEAMS results.",
              "Neighbourhood Services Manager", "31-Aug-22", "31-Aug-22", 80,
              "New routes trialled in two areas with positive feedback.", "green"),
        Dated("4", "Agree a flood risk management plan with SEPA and neighbouring councils.", "Flood Risk Manager",
              "31-Dec-22", "30-Jun-23", 20,
              "SEPA's revised flood maps were published later than expected; consultation now planned for the "
              "spring.", "red"),
        Dated("5", "Replace street lighting lanterns with LEDs across the remaining 4,000 columns.",
              "Street Lighting Engineer", "31-Mar-23", "", 65, "2,600 lanterns replaced to date.", "green"),
        Dated("6", "Publish a parking strategy covering town centre charges and enforcement.",
              "Traffic and Transportation Manager", "31-Jul-22", "30-Nov-22", 15,
              "Parking surveys completed.\nPublic consultation delayed to avoid the summer holiday period.", "amber"),
    ]
    table = T([head("No.", "Action", "Responsible Officer", "Revised Deadline", "Original Deadline", "Progress %",
                    "RAG", "Commentary", fill="FCE4D6"),
               *body([r.ref, r.action, r.lead, r.revised, r.original, str(r.pct), _rag(r), r.update] for r in rows)],
              widths=[0.45, 3.3, 1.7, 1.15, 1.15, 1.0, 0.95, 3.6], font_size=8.5)
    title = "Best Value Action Plan – Environment and Infrastructure"
    blocks: list[Block] = [
        P(title, "title"),
        P("Environment and Infrastructure Committee", bold=True),
        P("Report Ref: ES/22/03"),
        P("Report Date: 09/06/2022"),
        table,
    ]
    date = "2022-06-09"
    return PaperSpec(
        LAYOUT, "environment_infrastructure_bv_action_update", blocks,
        Expected(title, date, [expect(r, date, fmt="{}") for r in rows], report_ref="ES/22/03"),
        producers=("pdf", "lo-docx"),
        note="'Revised Deadline' before 'Original Deadline', dd-Mon-yy; percentages without '%'; RAG words")


def _target_and_revised_sheet() -> PaperSpec:
    rows = [
        Dated("1", "Redesign care at home services to reduce unmet need and delayed discharges.",
              "Head of Adult Services", "31/03/2022", "30/09/2022", 45,
              "Care at home recruitment remains the main constraint. New rota model in place in two localities."),
        Dated("2", "Implement the self-directed support improvement plan.", "Service Manager, SDS", "30/06/2022", "",
              60, "Staff guidance revised and training delivered to 140 practitioners."),
        Dated("3", "Commission a review of residential care provision to inform a future care home strategy.",
              "Head of Commissioning", "31/12/2021", "31/03/2022", 90,
              "Review report received; strategy to be drafted."),
        Dated("4", "Introduce a single point of access for adult social care referrals.", "Head of Adult Services",
              "31/03/2022", "31/03/2022", 75, "Telephony changes complete. Referral form live online."),
        Dated("5", "Agree a carers' strategy with the Integration Joint Board.", "Carers Development Officer",
              "30/04/2022", "", 50, "Engagement with carers' groups complete."),
        Dated("6", "Develop a workforce plan for health and social care with NHS partners.",
              "Chief Officer, Health and Social Care Partnership", "31/10/2021", "31/07/2022", 35,
              "• Workforce data for both organisations collated\n• Joint planning group meeting monthly"),
    ]
    widths = [0.5, 3.4, 1.9, 1.2, 1.2, 1.05, 3.6]
    table = T([head("Ref", "Action", "Lead", "Target Date", "Revised Date", "% Complete", "Update", fill="DDEBF7"),
               *body([r.ref, r.action, r.lead, _typed(r.original), _typed(r.revised), xpct(r.pct), r.update]
                 for r in rows)],
              widths=widths)
    title = "Best Value Action Plan – Monitoring"
    details = details_rows([("Report Date:", xdate("28/02/2022"))], widths)
    blocks: list[Block] = [P(title, "title"), P("Social Work and Health", bold=True), details, table]
    date = "2022-02-28"
    return PaperSpec(
        LAYOUT, "swh_bv_action_plan_monitoring", blocks,
        Expected(title, date, [expect(r, date) for r in rows], report_ref=None),
        producers=("xlsx", "lo-xlsx"), sheets=[Sheet("Action Plan", blocks)],
        note="'Target Date' (the original) and 'Revised Date' as real Excel dates; blank revised cells")


def _initial_and_current() -> PaperSpec:
    rows = [
        Dated("A1", "Launch a customer portal giving residents a single account for council services.",
              "Customer Services Manager", "Q3 2021/22", "Q4 2021/22", 70,
              "Portal in testing with a resident panel. Launch moved back to allow integration with the housing "
              "repairs system."),
        Dated("A2", "Complete the digital inclusion mapping exercise with third sector partners.",
              "Digital Inclusion Officer", "March 2022", "March 2022", 60,
              "Mapping of community venues with public Wi-Fi complete; device lending schemes being added."),
        Dated("A3", "Replace the council's telephony platform.", "ICT Manager", "Q4 2021/22", "March 2022", 85,
              "Contract awarded and migration plan agreed with services."),
        Dated("A4", "Introduce a complaints handling improvement plan based on the SPSO model complaints handling "
              "procedure.", "Customer Feedback Manager", "December 2021", "June 2022", 40,
              "Frontline resolution training delivered to 90 staff.\nComplaints recording system upgrade delayed."),
        Dated("A5", "Publish a customer service standards charter.", "Head of Customer and Digital Services",
              "Q2 2022/23", "", 10, "Draft standards shared with the customer panel."),
        Dated("A6", "Extend the library service's digital lending offer.", "Libraries Manager", "September 2021",
              "Q3 2022/23", 25, "E-magazine service launched; e-audiobook procurement paused pending budget."),
    ]
    table = T([head("Action Ref", "Improvement Action", "Responsible Officer", "Initial Completion Date",
                    "Current Completion Date", "Percentage Complete", "Update", fill="EDEDED"),
               *body([r.ref, r.action, r.lead, r.original, r.revised, f"{r.pct}%", r.update] for r in rows)],
              widths=[0.75, 3.2, 1.7, 1.3, 1.3, 1.2, 3.6])
    title = "Customer and Digital Services: Best Value Improvement Actions"
    blocks: list[Block] = [
        P(title, "title"),
        P("Report Date: 17 January 2022"),
        P("Completion dates are shown by month or by quarter of the financial year. Where the current completion "
          "date differs from the initial one, the change has been agreed by the Corporate Management Team."),
        table,
    ]
    date = "2022-01-17"
    return PaperSpec(
        LAYOUT, "customer_digital_bv_improvement_progress", blocks,
        Expected(title, date, [expect(r, date) for r in rows], report_ref=None),
        producers=("docx", "pdf"), landscape=True,
        note="'Initial Completion Date'/'Current Completion Date' in months and financial quarters; 'March 2022' "
             "for 'Q4 2021/22' is the same day, so no original date")


def _merged_group_header() -> PaperSpec:
    recs = [
        ("Recommendation 1: The council and its partners should strengthen community planning arrangements.", [
            Dated("1.1", "Refresh the Local Outcomes Improvement Plan with partners, focusing on fewer, clearer "
                  "priorities.", "Chief Executive", "31/03/2022", "30/09/2022", 50,
                  "Partners agreed three priorities at the March board. Engagement with communities planned over "
                  "the summer."),
            Dated("1.2", "Agree a partnership performance framework and reporting cycle.",
                  "Community Planning Manager", "30-Jun-22", "", 30, "Draft framework with the partnership board."),
            Dated("1.3", "Create locality plans for the two most deprived areas.", "Community Planning Manager",
                  "31/12/2021", "31/12/2021", 100, "Both locality plans published."),
        ]),
        ("Recommendation 2: The council should demonstrate how it is achieving best value in service delivery.", [
            Dated("2.1", "Introduce a programme of service reviews using a consistent best value review "
                  "methodology.", "Head of Improvement", "31/03/2022", "31-Aug-22", 35,
                  "Methodology agreed. First two reviews (waste and catering) started in March."),
            Dated("2.2", "Benchmark the cost and performance of services using the Local Government Benchmarking "
                  "Framework and report the results to committees.", "Performance Manager", "30-Sep-22", "", 45,
                  "2020/21 results analysed; reports to service committees scheduled."),
            Dated("2.3", "Agree an options appraisal approach for major service changes.", "Head of Improvement",
                  "30/06/2022", "30/04/2022", 90, "Guidance drafted and tested on the catering review.\nBrought "
                  "forward so the approach can be used in the budget process."),
        ]),
    ]
    table_rows: list[list[C | str]] = []
    for rec, rows in recs:
        table_rows.append([C(rec, colspan=7, bold=True, fill=THEME)])
        table_rows += [[r.ref, r.action, r.lead, r.original, r.revised, f"{r.pct}%", r.update] for r in rows]
    table = T([[*[C(h, rowspan=2, bold=True, fill="D9E2F3") for h in ("Ref", "Action", "Lead")],
                C("Target Date", colspan=2, bold=True, fill="D9E2F3"),
                C("Progress", rowspan=2, bold=True, fill="D9E2F3"), C("Update", rowspan=2, bold=True, fill="D9E2F3")],
               [C("Original", bold=True, fill="D9E2F3"), C("Revised", bold=True, fill="D9E2F3")],
               *table_rows],
              widths=[0.55, 3.5, 1.6, 1.15, 1.15, 1.0, 3.7], header_rows=2)
    title = "Best Value Action Plan: Progress Report"
    blocks: list[Block] = [
        P(title, "title"),
        P("Report Date: 19 April 2022"),
        P("Report Reference: CEX/22/04"),
        P("Progress against the action plan", "heading"),
        table,
    ]
    date = "2022-04-19"
    return PaperSpec(
        LAYOUT, "cex_bv_action_plan_progress_report", blocks,
        Expected(title, date, [expect(r, date, theme=unlabel(rec)) for rec, rows in recs for r in rows],
                 report_ref="CEX/22/04"),
        producers=("docx", "lo-docx", "pdf"),
        note="a merged 'Target Date' header over 'Original' and 'Revised'; dd/mm/yyyy and dd-Mon-yy mixed; one "
             "revised date brought forward; 'Recommendation N:' theme rows")


def _revised_first_sheet() -> PaperSpec:
    rows = [
        Dated("H1", "Reduce the average time to re-let empty council homes to 30 days.", "Housing Services Manager",
              "31-Mar-22", "30-Sep-22", 55,
              "Average re-let time is 41 days, down from 52. Contractor capacity for voids works remains limited.",
              "amber", 40),
        Dated("H2", "Deliver 150 new affordable homes through the strategic housing investment plan.",
              "Head of Housing", "31-Mar-23", "-", 60, "96 homes completed; 54 on site.", "green", 45),
        Dated("H3", "Introduce a tenant satisfaction survey every two years and publish the results.",
              "Tenant Participation Officer", "30-Jun-22", "30-Jun-22", 50,
              "Survey contractor appointed. Fieldwork starts in May.", "green", 20),
        Dated("H4", "Review the allocations policy in consultation with tenants and applicants.",
              "Housing Options Manager", "31-Dec-21", "Q2 2022/23", 70,
              "Consultation responses analysed. Policy changes need a further equality impact assessment.", "amber",
              60),
        Dated("H5", "Bring all council homes up to the Energy Efficiency Standard for Social Housing.",
              "Head of Property Services", "31-Dec-22", "31-Mar-25", 35,
              "Programme delayed by contractor availability and material costs.\nRevised timescale agreed with the "
              "Scottish Housing Regulator.", "red", 30),
        Dated("H6", "Reduce rent arrears through early intervention and a dedicated tenancy sustainment team.",
              "Rents Manager", "31-Mar-22", "-", 100, "Team in place and arrears down by 8% on last year.",
              "complete", 50),
        Dated("H7", "Agree a homelessness prevention strategy with health and third sector partners.",
              "Homelessness Manager", "30-Jun-22", "-", 25, "• Draft strategy being written\n• Partners' workshop held",
              "green", 10),
    ]
    widths = [0.55, 3.2, 1.6, 1.2, 1.2, 1.1, 0.95, 0.95, 3.4]
    table = T([head("Ref", "Action", "Lead Officer", "Revised Target Date", "Original Target Date",
                    "% Complete at 31/12/21", "% Complete", "RAG", "Progress Update", fill="E2EFDA"),
               *body([r.ref, r.action, r.lead, _typed(r.revised), _typed(r.original), xpct(r.prev or 0), xpct(r.pct),
                  _rag(r), r.update] for r in rows)],
              widths=widths)
    title = "Housing Services: Best Value Improvement Actions"
    details = details_rows([("Report Date:", xdate("22/03/22")), ("Committee:", "Housing and Communities Committee")],
                           widths, value_span=3)
    blocks: list[Block] = [P(title, "title"), details, table]
    date = "2022-03-22"
    return PaperSpec(
        LAYOUT, "housing_bv_improvement_actions", blocks,
        Expected(title, date, [expect(r, date, prev_as_of="2021-12-31") for r in rows], report_ref=None),
        producers=("xlsx", "lo-xlsx"), sheets=[Sheet("Housing", blocks)],
        note="'Revised Target Date' before 'Original Target Date', real dd-mmm-yy dates, '-' for not revised, a "
             "quarter typed as text; a dated '% Complete at 31/12/21' column")


def variants() -> list[PaperSpec]:
    return [_original_then_revised(), _revised_first(), _target_and_revised_sheet(), _initial_and_current(),
            _merged_group_header(), _revised_first_sheet()]


# ---------------------------------------------------------------------------------------------

REVISED_WORDS = ("revised", "current")
ORIGINAL_WORDS = ("original", "initial", "target date")


def _columns(table: T) -> tuple[int, int] | None:
    """(original, revised) column of a table, from its header rows read top-down."""
    grid = table_grid(table)
    n = len(grid[0])
    heads = [" ".join(dict.fromkeys(grid[r][c].text for r in range(table.header_rows))).lower() for c in range(n)]
    revised = [c for c, h in enumerate(heads) if any(w in h for w in REVISED_WORDS)]
    original = [c for c, h in enumerate(heads) if c not in revised and any(w in h for w in ORIGINAL_WORDS)]
    if not revised:
        return None
    assert len(revised) == 1 and len(original) == 1, heads
    return original[0], revised[0]


def _check_dates() -> None:
    """Each action's due and original dates from its row's two date columns, by the contract's rule."""
    for spec in variants():
        by_description = {a.description: a for a in spec.expected.actions}
        seen = 0
        for table in [b for b in spec.blocks if isinstance(b, T)]:
            cols = _columns(table)
            if cols is None:
                continue
            for row in table_grid(table)[table.header_rows:]:
                found = [by_description[flat(c.text)] for c in row if flat(c.text) in by_description]
                if not found:
                    continue
                a, o_text, r_text = found[0], row[cols[0]].text, row[cols[1]].text
                o, r = parse_date(o_text), parse_date(r_text) if r_text.strip() not in NOT_REVISED else None
                assert o is not None and (r is not None or r_text.strip() in NOT_REVISED), (o_text, r_text)
                assert a.due_date == (r or o).isoformat(), f"{spec.name} {a.ref}: due"
                assert a.original_due_date == (o.isoformat() if r is not None and r != o else None), a.ref
                seen += 1
        assert seen == len(spec.expected.actions), f"{spec.name}: {seen} rows with both date columns"


def check() -> None:
    check_specs(variants(), LAYOUT)
    _check_dates()
    # the variety the class promises: revised blank, equal, later and earlier, across the variants
    cases: set[str] = set()
    for spec in variants():
        for a in spec.expected.actions:
            if a.original_due_date is None:
                cases.add("not revised or equal")
            elif a.original_due_date < (a.due_date or ""):
                cases.add("later")
            else:
                cases.add("earlier")
    assert cases == {"not revised or equal", "later", "earlier"}, cases


if __name__ == "__main__":
    check()
    print(f"{LAYOUT}: {len(variants())} variants ok")
