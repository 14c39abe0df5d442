"""Unruled tables: columns aligned by whitespace only, as many councils print action plans.

Cells wrap over several lines (long actions and commentary), headers wrap over two lines
('Target\\nDate', 'Lead\\nOfficer'), RAG is a filled cell inside each row (a 'RAG' or 'Status'
column, with or without a word in it), and themes are rows spanning the whole table
('Theme 2: Financial sustainability'). Some variants print a key of the colours (above or below
the table, as a row of filled cells); without one, only plain red, amber and green are used.

There are no ruling lines in any producer (``T(ruled=False)``): the PDF drawn by reportlab, the
PDF LibreOffice prints from a borderless Word table or workbook, and the workbook itself.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..spec import Action, Block, C, Expected, P, PaperSpec, Sheet, Snapshot, T
from ._spec_checks import check, flat

LAYOUT = "unruled_pdf"

RED, AMBER, GREEN, BLUE, GREY = "FF0000", "FFC000", "00B050", "0070C0", "BFBFBF"


# --- content: invented actions of Scottish councils' Best Value improvement plans -------------

@dataclass(frozen=True)
class Item:
    key: str
    theme: str  # a key of the variant's theme names
    desc: str  # as printed ("\n" between paragraphs)
    update: str  # as printed ("\n" between paragraphs)
    pct: int
    rag: str  # red, amber, green, complete, not_started


_BANK = [
    Item("u1", "vision",
         "Agree a new Council Plan with a clear set of priorities and outcome measures, following "
         "engagement with communities and partners.",
         "Draft Council Plan considered at the Policy and Resources Committee in February.\n"
         "Public consultation closed on 28 February with 1,140 responses; analysis is under way and the "
         "final plan will be reported to Council in April.",
         70, "green"),
    Item("u2", "vision",
         "Ensure every directorate business plan shows how it contributes to the Council Plan priorities.",
         "Template agreed by the Corporate Leadership Team. Four of six directorate plans received; the "
         "remaining two are delayed by vacancies in the planning team.",
         55, "amber"),
    Item("u3", "vision",
         "Hold an annual strategic planning day for elected members and senior officers to review "
         "progress against the priorities.",
         "First session held on 9 November 2021 with 26 of 32 members attending. Feedback will shape "
         "the format of the next session.",
         100, "complete"),
    Item("u4", "finance",
         "Develop a medium-term financial plan covering at least five years, with options to close the "
         "projected budget gap.",
         "Financial model updated for the 2022/23 settlement. The gap over five years is estimated at "
         "£38.6m.\nOptions appraisal for savings is behind schedule because service reviews were paused "
         "during the Omicron wave.",
         45, "amber"),
    Item("u5", "finance",
         "Link capital investment decisions to the council's priorities through a refreshed capital "
         "strategy and prioritisation matrix.",
         "Prioritisation matrix agreed by the Capital Programme Board and used for the 2022/23 bids.",
         80, "green"),
    Item("u6", "finance",
         "Strengthen budget monitoring by introducing monthly reports for all budget holders and "
         "quarterly reports to committee.",
         "Monthly reports issued to budget holders since October. Quarterly committee reporting has not "
         "yet started because of the finance system upgrade, now expected in June.",
         30, "red"),
    Item("u7", "workforce",
         "Prepare a workforce plan that sets out the skills and capacity the council needs over the "
         "next five years.",
         "Service workforce plans are being collated. Corporate plan drafted and due at the Staffing "
         "Committee in May.",
         60, "green"),
    Item("u8", "workforce",
         "Introduce a leadership development programme for aspiring managers.",
         "Programme designed with the local college; the first cohort of 18 staff starts in April.",
         40, "green"),
    Item("u9", "workforce",
         "Reduce sickness absence through a refreshed attendance management policy and health and "
         "wellbeing support.",
         "Absence remains above target at 11.2 days per FTE. The revised policy has been delayed by "
         "ongoing discussions with the trade unions.\nA wellbeing hub is now available on the intranet.",
         25, "red"),
    Item("u10", "community",
         "Publish a Community Empowerment Strategy setting out how communities can participate in "
         "decisions and take on assets.",
         "Strategy approved by Council on 16 December 2021.",
         100, "complete"),
    Item("u11", "community",
         "Deliver participatory budgeting in each locality, building towards the 1% target for "
         "mainstream budgets.",
         "Participatory budgeting events held in three of five localities, allocating £412,000.\n"
         "The remaining two localities are planned for spring.",
         50, "amber"),
    Item("u12", "community",
         "Review the support given to community councils, including training and a single council "
         "contact.",
         "Work has not yet started; it will follow the community council elections later this year.",
         0, "not_started"),
    Item("u13", "performance",
         "Introduce a corporate performance framework with a small set of key indicators reported to "
         "committee each quarter.",
         "Indicators agreed and the first quarterly report presented to the Scrutiny Committee. Data "
         "quality issues remain for three housing indicators.",
         65, "green"),
    Item("u14", "performance",
         "Make better use of benchmarking data to compare performance with similar councils.",
         "LGBF family group meetings attended for children's services and environmental services.\n"
         "A benchmarking summary will be included in the annual performance report.",
         50, "green"),
    Item("u15", "performance",
         "Publish a balanced annual performance report that is accessible to the public.",
         "Annual report published online in September, with an easy-read version and a summary in the "
         "council newsletter.",
         100, "complete"),
    Item("u16", "partnership",
         "Agree a joint strategic needs assessment with the health board and the Integration Joint "
         "Board.",
         "Data sharing agreement signed. The needs assessment is being drafted by the joint analytical "
         "team and is expected in the summer.",
         35, "amber"),
    Item("u17", "partnership",
         "Review the community planning partnership's structures so that thematic groups report "
         "clearly to the Board.",
         "Review completed and the new structure agreed by the Community Planning Partnership Board.",
         100, "complete"),
    Item("u18", "partnership",
         "Develop joint locality plans with partners for the most deprived communities.",
         "Engagement has started in two pilot areas. Progress is slower than planned because partner "
         "staff were redeployed to the vaccination programme.",
         20, "red"),
    Item("u19", "transformation",
         "Establish a transformation programme with a clear governance structure, business cases and "
         "benefits tracking.",
         "Transformation Board established and meeting monthly. Business cases approved for customer "
         "services, fleet and the school estate.",
         75, "green"),
    Item("u20", "transformation",
         "Extend online services so that residents can apply, pay and report for the most common "
         "services online.",
         "Eleven new online forms launched, including bulk uplift bookings and school meal payments.\n"
         "Integration with the housing system is delayed by the supplier.",
         55, "amber"),
    Item("u21", "transformation",
         "Rationalise the office estate, reducing the number of administrative buildings from nine to "
         "five.",
         "Two buildings vacated and marketed for sale. Consultation with staff on the move from the "
         "Municipal Buildings is under way.",
         45, "amber"),
    Item("u22", "members",
         "Provide a comprehensive induction programme for elected members after the 2022 local "
         "government elections.",
         "Programme drafted with the Improvement Service. Sessions will run from 23 May to 30 June 2022.",
         30, "green"),
    Item("u23", "members",
         "Offer personal development plans to all elected members.",
         "Fourteen members have agreed a personal development plan. Take-up remains low, and group "
         "leaders have been asked to encourage participation.",
         45, "amber"),
    Item("u24", "members",
         "Deliver training on scrutiny and questioning skills for members of the Audit and Scrutiny "
         "Committee.",
         "Two sessions delivered by the external auditor and the Improvement Service in October and "
         "November.",
         100, "complete"),
]
BANK = {i.key: i for i in _BANK}


# --- normalisation and the self-check, as the data contract says -----------------------------

def bullets(text: str, mark: str = "•") -> str:
    """Each paragraph of ``text`` as a bulleted line."""
    return "\n".join(f"{mark} {line}" for line in text.split("\n"))


# --- building a variant ---------------------------------------------------------------------

@dataclass
class Row:
    """One action row of a variant: the bank's item with what this paper prints for it."""

    item: Item
    ref: str | None
    lead: str
    due: str  # as printed
    due_iso: str
    original_iso: str | None = None  # a bracketed original date
    decisions: str | None = None
    update: str | None = None  # as printed, where the variant prints the bank's update otherwise
    desc: str | None = None  # as printed, where the variant prints the bank's action otherwise

    @property
    def desc_text(self) -> str:
        return self.desc if self.desc is not None else self.item.desc

    @property
    def update_text(self) -> str:
        return self.update if self.update is not None else self.item.update


Column = tuple[C, Callable[[Row], C]]


def _h(text: str) -> C:
    return C(text, bold=True)


def _table(columns: list[Column], groups: list[tuple[str, list[Row]]], widths: list[float],
           font_size: float = 9.0) -> T:
    """A header row, then for each theme a full-width theme row (where it has a label) and its rows."""
    rows: list[list[C | str]] = [[h for h, _ in columns]]
    for label, items in groups:
        if label:
            rows.append([C(label, colspan=len(columns), bold=True)])
        rows.extend([f(r) for _, f in columns] for r in items)
    return T(rows, ruled=False, widths=widths, font_size=font_size)


def _action(r: Row, theme: str | None, report_date: str, *, pct: str | None, rag: str | None,
            lead: str | None = None) -> Action:
    """The expected action: one snapshot at the report date with the printed percentage (if any)."""
    percent = None if pct is None else float(pct.rstrip("%"))
    snap = Snapshot(report_date, percent, pct, rag, flat(r.update_text) or None,
                    flat(r.decisions) if r.decisions else None)
    return Action(description=flat(r.desc_text), ref=r.ref, theme=theme, lead=lead or r.lead,
                  due_date=r.due_iso, original_due_date=r.original_iso, due_raw=r.due, snapshots=[snap])


def _rows(keys: Iterable[str], leads: list[str], dues: list[tuple[str, str]], refs: bool = True,
          start: int = 1) -> list[Row]:
    """Rows for the bank's items, leads and dates taken in turn, refs '1.1', '1.2' ... per theme."""
    out: list[Row] = []
    for n, k in enumerate(keys):
        due, iso = dues[n % len(dues)]
        out.append(Row(BANK[k], None, leads[n % len(leads)], due, iso))
    if refs:
        themes: list[str] = []
        for r in out:
            if r.item.theme not in themes:
                themes.append(r.item.theme)
        counts: dict[str, int] = {}
        for r in out:
            counts[r.item.theme] = counts.get(r.item.theme, 0) + 1
            r.ref = f"{themes.index(r.item.theme) + start}.{counts[r.item.theme]}"
    return out


def _group(rows: list[Row]) -> list[tuple[str, list[Row]]]:
    """Rows by theme key, in first-seen order."""
    out: dict[str, list[Row]] = {}
    for r in rows:
        out.setdefault(r.item.theme, []).append(r)
    return list(out.items())


# --- the variants ---------------------------------------------------------------------------

def angus() -> PaperSpec:
    """Fill-only RAG with a key table above; wrapped headers; 'Theme N:' rows; small font."""
    themes = {"vision": "Vision and strategic direction", "finance": "Financial sustainability",
              "workforce": "Workforce planning", "transformation": "Transformation and digital"}
    fills = {"complete": BLUE, "green": GREEN, "amber": AMBER, "red": RED}
    report = "2022-03-14"
    rows = _rows(["u1", "u2", "u3", "u4", "u5", "u6", "u7", "u9", "u19", "u20"],
                 ["Chief Executive", "Director of Strategic Policy", "Head of Finance", "Director of Finance",
                  "Head of Human Resources", "Service Leader – Digital"],
                 [("30/04/2022", "2022-04-30"), ("31/03/2022", "2022-03-31"), ("30/11/2021", "2021-11-30"),
                  ("30/06/2022", "2022-06-30"), ("31/08/2022", "2022-08-31"), ("31/12/2022", "2022-12-31")])
    columns: list[Column] = [
        (_h("Ref"), lambda r: C(r.ref or "")),
        (_h("Action"), lambda r: C(r.desc_text)),
        (_h("Lead\nOfficer"), lambda r: C(r.lead)),
        (_h("Target\nDate"), lambda r: C(r.due)),
        (_h("RAG"), lambda r: C("", fill=fills[r.item.rag])),
        (_h("Progress Update"), lambda r: C(r.update_text)),
    ]
    groups = [(f"Theme {n}: {themes[k]}", rs) for n, (k, rs) in enumerate(_group(rows), 1)]
    key = T([[_h("Key:"), C("Complete", fill=BLUE), C("On track", fill=GREEN), C("At risk", fill=AMBER),
              C("Off track", fill=RED)]], ruled=False, widths=[1, 1.4, 1.4, 1.4, 1.4], header_rows=0)
    title = "Best Value Assurance Report Improvement Plan: Progress Update"
    blocks: list[Block] = [
        P(title, "title"),
        P("Scrutiny and Audit Committee"),
        P("Report Date: 14/03/2022"),
        P("The table below shows progress with each action agreed in response to the Accounts "
          "Commission's findings. RAG status is shown by colour."),
        key,
        _table(columns, groups, widths=[0.5, 3.6, 1.3, 0.9, 0.5, 4.6], font_size=8),
    ]
    actions = [_action(r, themes[r.item.theme], report, pct=None, rag=r.item.rag) for r in rows]
    return PaperSpec(LAYOUT, "angus_bvar_improvement_plan_progress_2022-03", blocks,
                     Expected(title, report, actions), producers=("pdf",), landscape=True,
                     note="reportlab, no rules: fill-only RAG column mapped through a key table of filled "
                          "cells above; 'Lead\\nOfficer'/'Target\\nDate' wrapped headers; 'Theme N:' rows")


def clackmannanshire() -> PaperSpec:
    """A 'Status' column with a word in a filled cell; % column; bulleted commentary."""
    themes = {"community": "Community empowerment", "performance": "Performance management and reporting",
              "partnership": "Partnership working", "members": "Elected member development"}
    words = {"complete": ("Complete", BLUE), "green": ("Green", GREEN), "amber": ("Amber", AMBER),
             "red": ("Red", RED), "not_started": ("Not Started", GREY)}
    report = "2022-01-21"
    rows = _rows(["u10", "u11", "u12", "u13", "u14", "u15", "u16", "u17", "u18", "u23"],
                 ["Strategic Director (Place)", "Senior Manager – Partnership and Performance",
                  "Chief Executive", "Strategic Director (People)", "Chief Officer Governance"],
                 [("31/12/2021", "2021-12-31"), ("31/03/2022", "2022-03-31"), ("30/09/2022", "2022-09-30"),
                  ("30/06/2022", "2022-06-30")], refs=False)
    for n, r in enumerate(rows, 1):
        r.ref = str(n)
        if "\n" in r.item.update:
            r.update = bullets(r.item.update)
    columns: list[Column] = [
        (_h("No."), lambda r: C(r.ref or "")),
        (_h("Improvement Action"), lambda r: C(r.desc_text)),
        (_h("Responsible\nOfficer"), lambda r: C(r.lead)),
        (_h("Target\nDate"), lambda r: C(r.due)),
        (_h("% Complete"), lambda r: C(f"{r.item.pct}%")),
        (_h("Status"), lambda r: C(words[r.item.rag][0], fill=words[r.item.rag][1])),
        (_h("Commentary"), lambda r: C(r.update_text)),
    ]
    groups = [(f"Theme {n}: {themes[k]}", rs) for n, (k, rs) in enumerate(_group(rows), 1)]
    title = "Best Value Action Plan Update"
    blocks: list[Block] = [
        P(title, "title"),
        P("21 January 2022"),
        P("Report to the Audit and Scrutiny Committee by the Chief Executive"),
        P("1.0 Purpose", "heading"),
        P("1.1 This report updates the Committee on progress with the Best Value Action Plan agreed "
          "following the Controller of Audit's report. Appendix 1 sets out each action and its status."),
        P("Appendix 1: Best Value Action Plan", "heading"),
        _table(columns, groups, widths=[0.5, 3.0, 1.6, 1.1, 1.1, 1.1, 4.2], font_size=8.5),
    ]
    actions = [_action(r, themes[r.item.theme], report, pct=f"{r.item.pct}%", rag=r.item.rag) for r in rows]
    return PaperSpec(LAYOUT, "clackmannanshire_bv_action_plan_update_2022-01", blocks,
                     Expected(title, report, actions), producers=("pdf", "lo-docx"), landscape=True,
                     note="no rules: 'Status' column holding a RAG word in a filled cell (no key); "
                          "'% Complete'; bulleted commentary; report date alone under the title")


def moray() -> PaperSpec:
    """A borderless workbook: fill-only status with a five-colour key, typed dates and 0.x percentages."""
    themes = {
        "finance": "Develop the medium-term financial plan and link capital investment to priorities",
        "workforce": "Ensure the workforce has the capacity and skills to deliver change",
        "performance": "Improve performance reporting to elected members and the public",
        "transformation": "Increase the pace of transformation",
    }
    fills = {"complete": "5B9BD5", "green": "92D050", "amber": AMBER, "red": RED, "not_started": GREY}
    report = "2021-11-08"
    dates = [dt.date(2022, 3, 31), dt.date(2021, 12, 31), dt.date(2022, 6, 30), dt.date(2022, 9, 30),
             dt.date(2023, 3, 31)]
    rows = _rows(["u5", "u6", "u7", "u8", "u9", "u14", "u15", "u19", "u20", "u21"],
                 ["Head of Financial Services", "Chief Financial Officer", "Head of HR, ICT and OD",
                  "Depute Chief Executive (Education, Communities and OD)", "Head of Governance, Strategy and "
                  "Performance", "Depute Chief Executive (Economy, Environment and Finance)"],
                 [(d.strftime("%d/%m/%Y"), d.isoformat()) for d in dates], refs=False)

    def pct(r: Row) -> C:
        return C(f"{r.item.pct}%", value=r.item.pct / 100, number_format="0%")

    def due(r: Row) -> C:
        return C(r.due, value=dt.date.fromisoformat(r.due_iso), number_format="dd/mm/yyyy")

    columns: list[Column] = [
        (_h("Action"), lambda r: C(r.desc_text)),
        (_h("Lead\nOfficer"), lambda r: C(r.lead)),
        (_h("Target\nDate"), due),
        (_h("Status"), lambda r: C("", fill=fills[r.item.rag])),
        (_h("%"), pct),
        (_h("Latest Update"), lambda r: C(r.update_text)),
    ]
    groups = [(f"BVAR Recommendation {n}: {themes[k]}", rs) for n, (k, rs) in enumerate(_group(rows), 1)]
    key = T([[_h("Key"), C("Complete", fill=fills["complete"]), C("On Target", fill=fills["green"]),
              C("Caution", fill=fills["amber"]), C("Concern", fill=fills["red"]),
              C("Not Started", fill=fills["not_started"])]], ruled=False, header_rows=0)
    title = "Best Value Assurance Report: Action Plan Progress"
    blocks: list[Block] = [
        P(title, "title", bold=True),
        P("Report Date: 08/11/2021"),
        key,
        _table(columns, groups, widths=[3.2, 1.6, 1.0, 0.8, 0.6, 4.2]),
    ]
    actions = [_action(r, themes[r.item.theme], report, pct=f"{r.item.pct}%", rag=r.item.rag) for r in rows]
    return PaperSpec(LAYOUT, "moray_bvar_action_plan_progress_2021-11", blocks, Expected(title, report, actions),
                     producers=("lo-xlsx", "xlsx"), sheets=[Sheet("BVAR Action Plan", blocks)], landscape=True,
                     note="borderless workbook and its LibreOffice print: fill-only 'Status' through a "
                          "five-colour key (Complete/On Target/Caution/Concern/Not Started); no ref column; "
                          "'BVAR Recommendation N:' rows; Excel dates and 0.x percentages; '%' header")


def perth_and_kinross() -> PaperSpec:
    """RAG first, fill only (no key: plain red/amber/green, 'Complete' as a word); revised dates; decisions."""
    themes = {"vision": "Leadership and strategic direction", "finance": "Financial sustainability",
              "community": "Community empowerment", "partnership": "Partnership working",
              "transformation": "Transformation and digital", "members": "Elected member development"}
    fills = {"green": GREEN, "amber": AMBER, "red": RED}
    report = "2022-05-23"
    rows = _rows(["u1", "u2", "u4", "u6", "u11", "u18", "u19", "u20", "u22", "u24"],
                 ["Chief Executive", "Head of Legal and Governance Services", "Head of Finance",
                  "Depute Chief Executive (Communities)", "Chief Operating Officer", "Head of Digital and IT"],
                 [("31/08/2022", "2022-08-31"), ("30/06/2022", "2022-06-30"), ("31/03/2023", "2023-03-31"),
                  ("31/12/2022", "2022-12-31"), ("30/09/2022", "2022-09-30")])
    revised = {"u4": ("30/09/2022 (31/03/2022)", "2022-09-30", "2022-03-31",
                      "Committee is asked to agree the revised target date of 30 September 2022."),
               "u18": ("31/03/2023 (31/08/2022)", "2023-03-31", "2022-08-31",
                       "Agree revised timescale of March 2023 to align with locality planning.\n"
                       "Note the redeployment of partner staff.")}
    for r in rows:
        if r.item.key in revised:
            r.due, r.due_iso, r.original_iso, r.decisions = revised[r.item.key]

    def rag(r: Row) -> C:
        return C("Complete") if r.item.rag == "complete" else C("", fill=fills[r.item.rag])

    columns: list[Column] = [
        (_h("RAG"), rag),
        (_h("Ref"), lambda r: C(r.ref or "")),
        (_h("Action"), lambda r: C(r.desc_text)),
        (_h("Target\nDate"), lambda r: C(r.due)),
        (_h("Lead\nOfficer"), lambda r: C(r.lead)),
        (_h("Progress"), lambda r: C(r.update_text)),
        (_h("Decisions\nRequired"), lambda r: C(r.decisions or "")),
    ]
    groups = [(themes[k], rs) for k, rs in _group(rows)]
    title = "Best Value Improvement Plan 2021-2023: Progress Report"
    blocks: list[Block] = [
        P(title, "title"),
        P("Report Date: 23/05/2022"),
        P("Report by the Chief Executive to the Scrutiny and Performance Committee"),
        _table(columns, groups, widths=[1.0, 0.5, 3.0, 1.35, 1.5, 3.8, 2.0], font_size=7.5),
    ]
    actions = [_action(r, themes[r.item.theme], report, pct=None, rag=r.item.rag) for r in rows]
    return PaperSpec(LAYOUT, "perth_and_kinross_bv_improvement_plan_progress_2022-05", blocks,
                     Expected(title, report, actions), producers=("pdf", "lo-docx"), landscape=True,
                     note="RAG as the first column, plain red/amber/green fills with no key and the word "
                          "'Complete' unfilled; bare theme rows (no label); bracketed original dates; "
                          "'Decisions\\nRequired'; 7.5pt")


def dumfries_galloway() -> PaperSpec:
    """Pale fills mapped by a key printed below the table; percentages without '%'; month dates."""
    themes = {"vision": "Vision and leadership", "workforce": "Our workforce",
              "community": "Community engagement", "performance": "Performance and self-evaluation",
              "partnership": "Working with partners", "transformation": "Modernising how we work"}
    fills = {"red": "FF7C80", "amber": "FFD966", "green": "A9D08E", "complete": "9BC2E6",
             "not_started": "D9D9D9"}
    report = "2021-09-27"
    rows = _rows(["u2", "u7", "u8", "u12", "u14", "u15", "u16", "u21"],
                 ["Director Strategy, Planning and Performance", "Head of People",
                  "Director Communities", "Chief Executive"],
                 [("March 2022", "2022-03-31"), ("December 2021", "2021-12-31"), ("June 2022", "2022-06-30"),
                  ("October 2021", "2021-10-31"), ("September 2022", "2022-09-30")], refs=False)
    columns: list[Column] = [
        (_h("Action"), lambda r: C(r.desc_text)),
        (_h("Owner"), lambda r: C(r.lead)),
        (_h("Due"), lambda r: C(r.due)),
        (_h("Progress\n%"), lambda r: C(str(r.item.pct))),
        (_h("RAG"), lambda r: C("", fill=fills[r.item.rag])),
        (_h("Update"), lambda r: C(r.update_text)),
    ]
    groups = [(f"Recommendation {n}: {themes[k]}", rs) for n, (k, rs) in enumerate(_group(rows), 1)]
    key = T([[_h("RAG key"), C("Off Track", fill=fills["red"]), C("Slippage", fill=fills["amber"]),
              C("On Track", fill=fills["green"]), C("Completed", fill=fills["complete"]),
              C("Not Yet Started", fill=fills["not_started"])]], ruled=False, header_rows=0)
    title = "Best Value Assurance Report Action Tracker"
    blocks: list[Block] = [
        P(title, "title"),
        P("Report Date: 27 September 2021"),
        _table(columns, groups, widths=[2.5, 1.5, 1.3, 1.2, 0.8, 2.8], font_size=8.5),
        P("Colours in the RAG column show the status of each action:"),
        key,
    ]
    actions = [_action(r, themes[r.item.theme], report, pct=str(r.item.pct), rag=r.item.rag) for r in rows]
    return PaperSpec(LAYOUT, "dumfries_galloway_bvar_action_tracker_2021-09", blocks,
                     Expected(title, report, actions), producers=("pdf", "lo-docx"), landscape=False,
                     note="portrait, no ref column: pale fill-only RAG mapped through a key printed below the table "
                          "(Off Track/Slippage/On Track/Completed/Not Yet Started); 'Progress\\n%' written "
                          "'40'; month target dates; 'Recommendation N:' rows")


def argyll_bute() -> PaperSpec:
    """The contract's own status words in filled cells; bulleted sub-actions; date under the title."""
    themes = {"vision": "Strategic direction", "finance": "Financial planning",
              "community": "Community empowerment", "transformation": "Transformation",
              "members": "Elected members"}
    words = {"complete": ("Complete", "8DB4E2"), "green": ("On Target", GREEN), "amber": ("Caution", AMBER),
             "red": ("Concern", RED), "not_started": ("Not Started", "FFFFFF")}
    report = "2022-03-14"
    rows = _rows(["u3", "u4", "u5", "u10", "u11", "u12", "u20", "u22", "u23", "u24"],
                 ["Executive Director with responsibility for Legal and Regulatory Support",
                  "Section 95 Officer", "Head of Customer Support Services", "Executive Director",
                  "Head of Commercial Services"],
                 [("31 May 2022", "2022-05-31"), ("30 June 2022", "2022-06-30"), ("31 March 2022", "2022-03-31"),
                  ("31 December 2022", "2022-12-31")])
    more = {
        "u4": "\n• updated assumptions for pay, inflation and Scottish Government funding\n"
              "• savings options for 2023/24 and 2024/25\n• a refreshed reserves policy",
        "u20": "\n- school meal and music tuition payments\n- housing repairs reporting",
    }
    for r in rows:
        if r.item.key in more:
            r.desc = r.item.desc.rstrip(".") + ", including:" + more[r.item.key]
    columns: list[Column] = [
        (_h("Ref"), lambda r: C(r.ref or "")),
        (_h("Recommendation / Action"), lambda r: C(r.desc_text)),
        (_h("Lead\nOfficer"), lambda r: C(r.lead)),
        (_h("Date\nDue"), lambda r: C(r.due)),
        (_h("Status"), lambda r: C(words[r.item.rag][0], fill=words[r.item.rag][1], bold=True)),
        (_h("Update on Progress"), lambda r: C(r.update_text)),
    ]
    groups = [(f"Theme {n}: {themes[k]}", rs) for n, (k, rs) in enumerate(_group(rows), 1)]
    title = "Best Value Improvement Plan – Progress Report"
    blocks: list[Block] = [
        P(title, "title"),
        P("14 March 2022"),
        P("Status key: Complete – action finished; On Target – progressing as planned; Caution – some "
          "slippage; Concern – significant risk to delivery; Not Started."),
        _table(columns, groups, widths=[0.5, 3.8, 1.6, 1.0, 1.2, 3.8], font_size=9),
    ]
    actions = [_action(r, themes[r.item.theme], report, pct=None, rag=r.item.rag) for r in rows]
    return PaperSpec(LAYOUT, "argyll_bute_bv_improvement_plan_progress_2022-03", blocks,
                     Expected(title, report, actions), producers=("lo-docx", "pdf"), landscape=True,
                     note="status words of the contract's key (Concern/Caution/On Target/Complete/Not Started) "
                          "in filled cells, key as prose only; actions with bulleted ('•' and '-') "
                          "sub-items; 'Date\\nDue'; day-month-year dates in words")


def variants() -> list[PaperSpec]:
    specs = [angus(), clackmannanshire(), moray(), perth_and_kinross(), dumfries_galloway(), argyll_bute()]
    for s in specs:
        check(s)
    assert len({s.name for s in specs}) == len(specs)
    return specs
