"""Two-row headers: a merged group header over period columns.

'Progress', '% Complete' or 'Position at' is merged over the columns of several periods
('Q1 2021/22', 'June 2021', '30 Sept 2021', 'Sept 21', '30.09.21'); the other headers are merged
down over both rows. Each period column is a snapshot at the period's last day carrying its
percentage only (Q1 2021/22 = 2021-06-30, an April-to-March year; 'June 2021' and 'Sept 21' =
the month's last day); the undated column ('Current', or a '% Complete' beside the group) is
at the report date and carries the commentary and RAG with it. Where there is no current
percentage, the report-date snapshot has the commentary and RAG only. Other groups in some
variants: 'Target Date' over 'Original'/'Revised', 'Responsible' over 'Lead'/'Service'.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from ..spec import Action, Block, C, Expected, P, PaperSpec, Snapshot, T
from ._spec_checks import check, flat

LAYOUT = "two_row_headers"

HEAD = "DDEBF7"  # header fill


# --- content: invented actions of Scottish councils' Best Value improvement plans -------------

@dataclass(frozen=True)
class Item:
    key: str
    theme: str  # a key of THEMES
    desc: str
    update: str
    path: tuple[int, int, int, int]  # % at Q1, Q2 and Q3 2021/22, and now (early 2022)
    rag: str  # now: red, amber, green, complete, not_started


THEMES = {"leadership": "Leadership and direction", "finance": "Financial management", "people": "Our people",
          "communities": "Empowering communities", "performance": "Performance and improvement",
          "change": "Transformation"}

_BANK = [
    Item("t1", "leadership", "Agree a shared vision for the council and its partners through the refreshed "
                             "Local Outcomes Improvement Plan.",
         "Partners endorsed the draft vision at the Community Planning Partnership Board. Consultation with "
         "communities runs until the end of March.", (10, 25, 40, 55), "amber"),
    Item("t2", "leadership", "Put in place a programme of leadership development for the Corporate Management "
                             "Team.",
         "Programme commissioned from an external provider; four of six modules delivered.", (0, 20, 50, 70),
         "green"),
    Item("t3", "leadership", "Clarify the roles of elected members and officers in a revised Councillor/Officer "
                             "protocol.",
         "Protocol approved by Council and published on the website.", (25, 50, 100, 100), "complete"),
    Item("t4", "finance", "Produce a five-year financial strategy with savings options to close the budget gap.",
         "Strategy drafted; savings options of £9.4m identified against a gap of £14.2m.\nOptions will be "
         "considered at the budget meeting.", (20, 35, 50, 65), "amber"),
    Item("t5", "finance", "Establish a Capital Programme Board to oversee the prioritisation and delivery of "
                          "capital projects.",
         "Board established and meeting monthly.", (50, 100, 100, 100), "complete"),
    Item("t6", "finance", "Review fees and charges to make sure they reflect the cost of providing services.",
         "Review of 340 charges completed for leisure and planning; the remaining services will be reviewed in "
         "the next quarter.", (0, 10, 30, 45), "amber"),
    Item("t7", "people", "Develop a strategic workforce plan linked to the financial strategy.",
         "Workforce data collated for all services. The plan is delayed while HR staff support recruitment to "
         "the Test and Protect service.", (10, 15, 20, 30), "red"),
    Item("t8", "people", "Implement a new approach to employee appraisal, with annual conversations for all "
                         "staff.",
         "New approach launched in September. 58% of staff have had a conversation so far.", (5, 30, 50, 60),
         "green"),
    Item("t9", "people", "Improve attendance by supporting managers to apply the maximising attendance policy.",
         "Training delivered to 120 managers.\nAbsence remains above the target of 9 days per FTE.",
         (20, 30, 40, 45), "amber"),
    Item("t10", "communities", "Carry out a review of community engagement and adopt an engagement framework for "
                               "the council.",
         "Framework adopted by Council; training rolled out to services.", (30, 60, 80, 100), "complete"),
    Item("t11", "communities", "Develop participatory budgeting so that communities decide how part of "
                               "mainstream budgets is spent.",
         "Pilot for the roads budget completed in two wards. Evaluation under way before extending to all "
         "wards.", (10, 20, 35, 40), "amber"),
    Item("t12", "communities", "Improve support for community groups taking on council assets.",
         "Guidance revised and a dedicated officer appointed; three asset transfers completed this year.",
         (25, 40, 60, 75), "green"),
    Item("t13", "performance", "Report performance to elected members every quarter using a balanced scorecard.",
         "Scorecard reported to the Scrutiny Committee each quarter since June.", (40, 60, 80, 90), "green"),
    Item("t14", "performance", "Carry out self-evaluation in every service using the Public Service Improvement "
                               "Framework.",
         "Nine of fifteen services have completed self-evaluation; improvement actions are included in service "
         "plans.", (15, 30, 45, 60), "green"),
    Item("t15", "performance", "Publish a public performance report that includes how the council compares with "
                               "others.",
         "Report published, with LGBF comparisons and a summary for residents.", (0, 40, 100, 100), "complete"),
    Item("t16", "change", "Set up a transformation programme with clear governance and reporting of benefits.",
         "Programme Board meets monthly. Benefits reporting has not started because the finance system module "
         "is not yet in place.", (20, 30, 35, 40), "red"),
    Item("t17", "change", "Move the most used council services online, with a customer account for residents.",
         "Customer account launched with 9,500 residents registered; 14 services now online.", (30, 45, 60, 70),
         "green"),
    Item("t18", "change", "Review the council's property estate to reduce the number of buildings and their "
                          "running costs.",
         "Review not yet started; it will follow the agile working pilot.", (0, 0, 0, 0), "not_started"),
]
BANK = {i.key: i for i in _BANK}


# --- normalisation and the self-check, as the data contract says -----------------------------

# --- building a variant ---------------------------------------------------------------------

@dataclass
class Row:
    """One action row of a variant: the bank's item with what this paper prints for it."""

    item: Item
    ref: str | None
    lead: str
    due: str  # the target date as printed (the revised one where there are two columns)
    due_iso: str
    periods: dict[str, int | None] = field(default_factory=dict)  # as-of -> % of a period column (None: blank)
    current: int | None = None  # % of the undated column
    original: tuple[str, str] | None = None  # an 'Original' target date column: printed, ISO
    revised: str = ""  # a 'Revised' target date column, as printed
    service: str | None = None  # as printed ('-' for none)


Column = tuple[list[C], Callable[[Row], C]]  # (its header cells, top row first; its cell in a row)


def _h(text: str, rowspan: int = 1, colspan: int = 1) -> C:
    return C(text, rowspan=rowspan, colspan=colspan, bold=True, fill=HEAD)


def single(text: str, cell: Callable[[Row], C]) -> Column:
    """A column whose header is merged down over both header rows."""
    return [_h(text, rowspan=2)], cell


def group(top: str, subs: list[tuple[str, Callable[[Row], C]]]) -> list[Column]:
    """Columns under one merged group header: the group cell goes with the first."""
    out: list[Column] = []
    for n, (text, cell) in enumerate(subs):
        out.append(([_h(top, colspan=len(subs)), _h(text)] if n == 0 else [_h(text)], cell))
    return out


def _table(columns: list[Column], groups: list[tuple[str, list[Row]]], *, widths: list[float],
           font_size: float = 9.0) -> T:
    """The two header rows, then for each theme a full-width theme row (where it has a label) and its rows."""
    top: list[C | str] = []
    second: list[C | str] = []
    for heads, _ in columns:
        if len(heads) == 2:  # a group's first column: the group cell on top, its own header below
            top.append(heads[0])
            second.append(heads[1])
        elif heads[0].rowspan == 2:
            top.append(heads[0])
        else:
            second.append(heads[0])
    rows: list[list[C | str]] = [top, second]
    for label, items in groups:
        if label:
            rows.append([C(label, colspan=len(columns), bold=True)])
        rows.extend([f(r) for _, f in columns] for r in items)
    return T(rows, widths=widths, header_rows=2, font_size=font_size)


def _pct(value: int | None, *, typed: bool = False, sign: bool = True) -> C:
    if value is None:
        return C("")
    text = f"{value}%" if sign else str(value)
    return C(text, value=value / 100, number_format="0%") if typed else C(text)


def _period(as_of: str) -> Callable[[Row], C]:
    """A period column's cell in a workbook (typed percentage)."""
    return lambda r: _pct(r.periods[as_of], typed=True)


def _date(printed: str, iso: str | None, typed: bool) -> C:
    if typed and iso is not None and printed.count("/") == 2:
        return C(printed, value=dt.date.fromisoformat(iso), number_format="dd/mm/yyyy")
    return C(printed)


def _action(r: Row, theme: str | None, report: str, *, rag: bool, sign: bool = True) -> Action:
    """The expected action: a % only snapshot per filled period column, and the report-date snapshot
    with the current % (where printed), the commentary and RAG (merged with a period column ending
    on the report date)."""
    def raw(p: int) -> str:
        return f"{p}%" if sign else str(p)

    snaps = {d: Snapshot(d, float(p), raw(p)) for d, p in r.periods.items() if p is not None}
    now = snaps.get(report) or Snapshot(report)
    if r.current is not None:
        now.percent_complete, now.percent_raw = float(r.current), raw(r.current)
    now.rag = r.item.rag if rag else None
    now.status_text = flat(r.item.update)
    snaps[report] = now
    original = None
    if r.original is not None and r.original[1] != r.due_iso:
        original = r.original[1]
    service = None if r.service in (None, "-", "") else r.service
    return Action(description=r.item.desc, ref=r.ref, theme=theme, lead=r.lead, service_lead=service,
                  due_date=r.due_iso, original_due_date=original, due_raw=r.due,
                  snapshots=[snaps[d] for d in sorted(snaps)])


def _rows(keys: list[str], leads: list[str], dues: list[tuple[str, str]], ref: Callable[[int, Item], str | None]
          ) -> list[Row]:
    out: list[Row] = []
    for n, k in enumerate(keys):
        due, iso = dues[n % len(dues)]
        out.append(Row(BANK[k], ref(n, BANK[k]), leads[n % len(leads)], due, iso))
    return out


def _by_theme(rows: list[Row]) -> list[tuple[str, list[Row]]]:
    out: dict[str, list[Row]] = {}
    for r in rows:
        out.setdefault(r.item.theme, []).append(r)
    return list(out.items())


def _theme_refs(rows: list[Row]) -> None:
    """Refs 'n.m': the theme's number and the action's within it."""
    order = list(dict.fromkeys(r.item.theme for r in rows))
    seen: dict[str, int] = {}
    for r in rows:
        seen[r.item.theme] = seen.get(r.item.theme, 0) + 1
        r.ref = f"{order.index(r.item.theme) + 1}.{seen[r.item.theme]}"


Q1, Q2, Q3, Q4 = "2021-06-30", "2021-09-30", "2021-12-31", "2022-03-31"


# --- the variants ---------------------------------------------------------------------------

def falkirk() -> PaperSpec:
    """'Progress' over 'Q1 2021/22' .. 'Q3 2021/22' and 'Current'; theme rows."""
    report = "2022-02-17"
    rows = _rows(["t1", "t2", "t3", "t4", "t5", "t6", "t13", "t14", "t15", "t16", "t17"],
                 ["Chief Executive", "Director of Corporate and Housing Services", "Chief Finance Officer",
                  "Director of Transformation, Communities and Corporate Services", "Head of Policy, "
                  "Technology and Improvement"],
                 [("31/03/2022", "2022-03-31"), ("31/12/2021", "2021-12-31"), ("30/06/2022", "2022-06-30"),
                  ("30/09/2022", "2022-09-30")], lambda n, i: None)
    _theme_refs(rows)
    for r in rows:
        r.periods = dict(zip((Q1, Q2, Q3), r.item.path[:3], strict=True))
        r.current = r.item.path[3]
    columns = [
        single("Ref", lambda r: C(r.ref or "")),
        single("Action", lambda r: C(r.item.desc)),
        single("Lead Officer", lambda r: C(r.lead)),
        single("Target Date", lambda r: C(r.due)),
        *group("Progress", [("Q1 2021/22", lambda r: _pct(r.periods[Q1])),
                            ("Q2 2021/22", lambda r: _pct(r.periods[Q2])),
                            ("Q3 2021/22", lambda r: _pct(r.periods[Q3])),
                            ("Current", lambda r: _pct(r.current))]),
        single("Commentary", lambda r: C(r.item.update)),
    ]
    groups = [(f"Theme {n}: {THEMES[k]}", rs) for n, (k, rs) in enumerate(_by_theme(rows), 1)]
    title = "Best Value Action Plan: Quarterly Progress Report"
    blocks: list[Block] = [P(title, "title"), P("Report Date: 17/02/2022"),
                           P("Report to the Scrutiny Committee by the Chief Executive"),
                           _table(columns, groups, widths=[0.6, 3.2, 1.8, 1.2, 0.95, 0.95, 0.95, 0.95, 3.7])]
    actions = [_action(r, THEMES[r.item.theme], report, rag=False) for r in rows]
    return PaperSpec(LAYOUT, "falkirk_bvar_action_plan_progress_q3_2021-22", blocks, Expected(title, report, actions),
                     producers=("docx", "lo-docx", "pdf"), landscape=True,
                     note="'Progress' merged over Q1/Q2/Q3 2021/22 and an undated 'Current' (report date); other "
                          "headers merged down two rows; 'Theme N:' rows")


def highland() -> PaperSpec:
    """A workbook: '% Complete' over 'June 2021' and 'Sept 2021'; RAG and update at the report date, no current %."""
    report = "2021-11-09"
    dates = [dt.date(2022, 3, 31), dt.date(2021, 12, 31), dt.date(2022, 6, 30), dt.date(2022, 3, 31),
             dt.date(2022, 9, 30)]
    rows = _rows(["t1", "t2", "t4", "t7", "t8", "t9", "t11", "t12", "t14", "t16", "t17"],
                 ["Chief Executive", "Executive Chief Officer Resources and Finance", "Head of People",
                  "Executive Chief Officer Communities and Place", "Head of Corporate Governance",
                  "Head of Digital Transformation"],
                 [(d.strftime("%d/%m/%Y"), d.isoformat()) for d in dates], lambda n, i: str(n + 1))
    for r in rows:
        r.periods = {Q1: r.item.path[0], Q2: r.item.path[1]}
    words = {"green": "Green", "amber": "Amber", "red": "Red"}
    columns = [
        single("No.", lambda r: C(r.ref or "")),
        single("Improvement Action", lambda r: C(r.item.desc)),
        single("Lead", lambda r: C(r.lead)),
        single("Due Date", lambda r: _date(r.due, r.due_iso, typed=True)),
        *group("% Complete", [("June 2021", lambda r: _pct(r.periods[Q1], typed=True)),
                              ("Sept 2021", lambda r: _pct(r.periods[Q2], typed=True))]),
        single("RAG", lambda r: C(words[r.item.rag])),
        single("Progress Update", lambda r: C(r.item.update)),
    ]
    title = "Best Value Improvement Plan Monitoring"
    blocks: list[Block] = [P(title, "title"), P("Report Date: 09/11/2021"),
                           _table(columns, [("", rows)], widths=[0.5, 3.2, 1.9, 1.2, 0.9, 0.9, 0.7, 3.8])]
    actions = [_action(r, None, report, rag=True) for r in rows]
    return PaperSpec(LAYOUT, "highland_bv_improvement_plan_monitoring_2021-11", blocks,
                     Expected(title, report, actions), producers=("xlsx", "lo-xlsx"), landscape=True,
                     note="workbook with merged cells: '% Complete' over 'June 2021'/'Sept 2021' (typed 0.x "
                          "percentages); no current %: RAG word and update make a report-date snapshot of their "
                          "own; no themes")


def north_ayrshire() -> PaperSpec:
    """Three groups: 'Responsible' (Lead/Service), 'Target Date' (Original/Revised), 'Position at' (two dates)."""
    report = "2022-03-08"
    rows = _rows(["t2", "t4", "t5", "t6", "t7", "t9", "t10", "t13", "t16", "t18"],
                 ["Chief Executive", "Head of Finance", "Head of People and ICT", "Director of Communities",
                  "Head of Democratic Services"],
                 [("31/03/2022", "2022-03-31")], lambda n, i: str(n + 1))
    services = ["-", "Corporate Accounting", "Capital Projects", "Revenues", "HR Operations", "-",
                "Connected Communities", "Policy and Performance", "Change Team", "Property Management"]
    dates = [("31/12/2021", "2021-12-31", "31/03/2022", "2022-03-31"),
             ("31/03/2022", "2022-03-31", "", ""),
             ("30/09/2021", "2021-09-30", "", ""),
             ("31/03/2022", "2022-03-31", "30/09/2022", "2022-09-30"),
             ("31/12/2021", "2021-12-31", "30/06/2022", "2022-06-30"),
             ("31/03/2022", "2022-03-31", "31/03/2022", "2022-03-31"),  # revised = original: no revision
             ("31/12/2021", "2021-12-31", "", ""),
             ("30/06/2022", "2022-06-30", "", ""),
             ("31/03/2022", "2022-03-31", "31/12/2022", "2022-12-31"),
             ("31/03/2023", "2023-03-31", "", "")]
    for r, service, (o, o_iso, v, v_iso) in zip(rows, services, dates, strict=True):
        r.service = service
        r.original, r.revised = (o, o_iso), v
        r.due, r.due_iso = (v, v_iso) if v else (o, o_iso)
        r.periods = {Q2: r.item.path[1], Q3: r.item.path[2]}
        r.current = r.item.path[3]
    columns = [
        single("Ref", lambda r: C(r.ref or "")),
        single("Action", lambda r: C(r.item.desc)),
        *group("Responsible", [("Lead", lambda r: C(r.lead)), ("Service", lambda r: C(r.service or ""))]),
        *group("Target Date", [("Original", lambda r: C(r.original[0] if r.original else "")),
                               ("Revised", lambda r: C(r.revised))]),
        *group("Position at", [("30 Sept 2021", lambda r: _pct(r.periods[Q2])),
                               ("31 Dec 2021", lambda r: _pct(r.periods[Q3]))]),
        single("% Complete", lambda r: _pct(r.current)),
        single("Update", lambda r: C(r.item.update)),
    ]
    title = "Best Value Assurance Report – Improvement Plan Progress"
    blocks: list[Block] = [P(title, "title"), P("Report Date: 08/03/2022"),
                           P("Report to the Audit and Scrutiny Committee by the Head of Democratic Services"),
                           _table(columns, [("", rows)],
                                  widths=[0.6, 2.55, 1.45, 1.45, 1.2, 1.2, 0.95, 0.95, 1.1, 2.75], font_size=8.5)]
    actions = [_action(r, None, report, rag=False) for r in rows]
    return PaperSpec(LAYOUT, "north_ayrshire_bvar_improvement_plan_progress_2022-03", blocks,
                     Expected(title, report, actions), producers=("docx", "lo-docx", "pdf"), landscape=True,
                     note="three merged groups: 'Responsible' over Lead/Service ('-' = none), 'Target Date' over "
                          "Original/Revised (blank, or equal to the original: no revision), 'Position at' over "
                          "'30 Sept 2021'/'31 Dec 2021'; undated '% Complete' beside the group")


def renfrewshire() -> PaperSpec:
    """'Progress' over four quarters, Q4 still blank; Q3 ends on the report date; RAG fills with words."""
    report = "2021-12-31"
    fills = {"complete": ("Complete", "5B9BD5"), "green": ("G", "00B050"), "amber": ("A", "FFC000"),
             "red": ("R", "FF0000"), "not_started": ("Not started", "D9D9D9")}
    rows = _rows(["t1", "t3", "t7", "t8", "t11", "t12", "t13", "t15", "t17", "t18"],
                 ["Chief Executive", "Director of Finance and Resources", "Head of Policy and Commissioning",
                  "Head of People and Organisational Development", "Director of Communities and Housing"],
                 [("31/03/2022", "2022-03-31"), ("30/09/2022", "2022-09-30"), ("31/12/2021", "2021-12-31"),
                  ("30/06/2022", "2022-06-30")], lambda n, i: None)
    _theme_refs(rows)
    for r in rows:
        r.periods = {Q1: r.item.path[0], Q2: r.item.path[1], Q3: r.item.path[2], Q4: None}
    columns = [
        single("Action Ref", lambda r: C(r.ref or "")),
        single("Action", lambda r: C(r.item.desc)),
        single("Lead Officer", lambda r: C(r.lead)),
        single("Target Date", lambda r: _date(r.due, r.due_iso, typed=True)),
        *group("Progress", [(q, _period(d)) for q, d in (("Q1 2021/22", Q1), ("Q2 2021/22", Q2),
                                                         ("Q3 2021/22", Q3), ("Q4 2021/22", Q4))]),
        single("RAG", lambda r: C(fills[r.item.rag][0], fill=fills[r.item.rag][1], bold=True)),
        single("Commentary", lambda r: C(r.item.update)),
    ]
    groups = [(f"Theme {n}: {THEMES[k]}", rs) for n, (k, rs) in enumerate(_by_theme(rows), 1)]
    key = T([[C("RAG key:", bold=True), C("R = Red", fill="FF0000"), C("A = Amber", fill="FFC000"),
              C("G = Green", fill="00B050"), C("Complete", fill="5B9BD5")]], ruled=False, header_rows=0)
    title = "Best Value Improvement Plan 2021/22 – Position at Quarter 3"
    blocks: list[Block] = [P(title, "title"), P("Report Date: 31/12/2021"), key,
                           _table(columns, groups, widths=[0.8, 3.0, 1.7, 1.2, 1.0, 1.0, 1.0, 1.0, 1.1, 3.2],
                                  font_size=8.5)]
    actions = [_action(r, THEMES[r.item.theme], report, rag=True) for r in rows]
    return PaperSpec(LAYOUT, "renfrewshire_bv_improvement_plan_q3_2021-22", blocks, Expected(title, report, actions),
                     producers=("xlsx", "lo-xlsx", "pdf"), landscape=True,
                     note="'Progress' over four quarters with Q4 2021/22 blank (no snapshot); Q3 ends on the "
                          "report date, so its % and the RAG/commentary make one snapshot; RAG letters in "
                          "filled cells with a key; theme rows; typed workbook values")


def stirling() -> PaperSpec:
    """'Position at' over dotted dates ('31.03.21'); no current %; theme rows with another label."""
    report = "2021-10-19"
    rows = _rows(["t1", "t2", "t5", "t6", "t8", "t10", "t12", "t14", "t17"],
                 ["Chief Executive", "Chief Officer – Finance", "Senior Manager – HR and Workforce Development",
                  "Chief Officer – Communities and Partnerships", "Chief Operating Officer"],
                 [("Mar 2022", "2022-03-31"), ("Dec 2021", "2021-12-31"), ("Jun 2022", "2022-06-30")],
                 lambda n, i: None)
    _theme_refs(rows)
    for r in rows:
        q1, q2 = r.item.path[:2]
        r.periods = {"2021-03-31": q1 // 10 * 5, Q1: q1, Q2: q2}
    columns = [
        single("Ref", lambda r: C(r.ref or "")),
        single("Action", lambda r: C(r.item.desc)),
        single("Lead", lambda r: C(r.lead)),
        single("Target\nDate", lambda r: C(r.due)),
        *group("Position at", [("31.03.21", lambda r: _pct(r.periods["2021-03-31"])),
                               ("30.06.21", lambda r: _pct(r.periods[Q1])),
                               ("30.09.21", lambda r: _pct(r.periods[Q2]))]),
        single("Comments", lambda r: C(r.item.update)),
    ]
    groups = [(f"Improvement Area {n}: {THEMES[k]}", rs) for n, (k, rs) in enumerate(_by_theme(rows), 1)]
    title = "Best Value Assurance Audit Improvement Plan: Progress Update"
    blocks: list[Block] = [P(title, "title"), P("19 October 2021"),
                           _table(columns, groups, widths=[0.5, 3.2, 2.0, 0.9, 0.9, 0.9, 0.9, 3.8])]
    actions = [_action(r, THEMES[r.item.theme], report, rag=False) for r in rows]
    return PaperSpec(LAYOUT, "stirling_bvar_improvement_plan_progress_2021-10", blocks,
                     Expected(title, report, actions), producers=("lo-docx", "pdf"), landscape=True,
                     note="'Position at' over dotted dates 31.03.21/30.06.21/30.09.21; no current %: comments at "
                          "the report date only; 'Target\\nDate' wrapped; 'Mar 2022' month dates; "
                          "'Improvement Area N:' rows")


def east_lothian() -> PaperSpec:
    """'% Complete' over 'Sept 21', 'Dec 21' and 'Current'; 'Target Date' over Original/Revised; every producer."""
    report = "2022-01-20"
    rows = _rows(["t1", "t3", "t4", "t6", "t7", "t9", "t10", "t11", "t13", "t15", "t16", "t17"],
                 ["Chief Executive", "Executive Director for Council Resources", "Head of Corporate Support",
                  "Head of Communities", "Service Manager – People and Governance"],
                 [("31/03/2022", "2022-03-31")], lambda n, i: None)
    _theme_refs(rows)
    revised = {"t4": ("30/09/2021", "2021-09-30", "31/03/2022", "2022-03-31"),
               "t7": ("31/12/2021", "2021-12-31", "30/06/2022", "2022-06-30"),
               "t11": ("31/03/2022", "2022-03-31", "31/03/2023", "2023-03-31"),
               "t16": ("30/11/2021", "2021-11-30", "31/05/2022", "2022-05-31")}
    plain = [("31/03/2022", "2022-03-31"), ("30/06/2022", "2022-06-30"), ("31/12/2021", "2021-12-31"),
             ("30/09/2022", "2022-09-30")]
    for n, r in enumerate(rows):
        if r.item.key in revised:
            o, o_iso, v, v_iso = revised[r.item.key]
            r.original, r.revised, r.due, r.due_iso = (o, o_iso), v, v, v_iso
        else:
            r.original = plain[n % len(plain)]
            r.due, r.due_iso = r.original
        r.periods = {Q2: r.item.path[1], Q3: r.item.path[2]}
        r.current = r.item.path[3]
    columns = [
        single("Ref", lambda r: C(r.ref or "")),
        single("Action", lambda r: C(r.item.desc)),
        single("Lead Officer", lambda r: C(r.lead)),
        *group("Target Date", [("Original", lambda r: _date(*r.original, typed=True) if r.original else C("")),
                               ("Revised", lambda r: _date(r.revised, r.due_iso, typed=True))]),
        *group("% Complete", [("Sept 21", lambda r: _pct(r.periods[Q2], typed=True)),
                              ("Dec 21", lambda r: _pct(r.periods[Q3], typed=True)),
                              ("Current", lambda r: _pct(r.current, typed=True))]),
        single("Commentary", lambda r: C(r.item.update)),
    ]
    groups = [(f"Theme {n}: {THEMES[k]}", rs) for n, (k, rs) in enumerate(_by_theme(rows), 1)]
    title = "Best Value Improvement Plan Update"
    blocks: list[Block] = [P(title, "title"), P("Report Date: 20/01/2022"),
                           P("Appendix 1 – Progress against the Best Value Improvement Plan", "heading"),
                           _table(columns, groups, widths=[0.6, 3.0, 1.9, 1.2, 1.2, 0.9, 0.9, 1.0, 3.3])]
    actions = [_action(r, THEMES[r.item.theme], report, rag=False) for r in rows]
    return PaperSpec(LAYOUT, "east_lothian_bv_improvement_plan_update_2022-01", blocks,
                     Expected(title, report, actions), producers=("docx", "xlsx", "lo-docx", "lo-xlsx"),
                     landscape=True,
                     note="'% Complete' over 'Sept 21'/'Dec 21' and an undated 'Current'; 'Target Date' over "
                          "Original/Revised (four revised); theme rows; docx, xlsx and both LibreOffice prints")


def variants() -> list[PaperSpec]:
    specs = [falkirk(), highland(), north_ayrshire(), renfrewshire(), stirling(), east_lothian()]
    for s in specs:
        check(s)
    assert len({s.name for s in specs}) == len(specs)
    return specs
