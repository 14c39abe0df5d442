"""Layout class 'merged_down_cells': a theme, lead, date, RAG or update merged down over several actions.

A BVAR recommendation's text merged down at the left of its actions, with the lead officer and
target date merged down where actions share them; a workbook whose workstream, lead and typed
target date are merged down; a lead, target date, RAG word and one update each merged over two
actions, with no theme; a workbook whose lead and target date are merged over three or four
actions and centred vertically (the text prints beside a middle action, not the first); and a
portrait document whose lead and date are merged over four actions, centred, the merged block
running across a page break. Per the contract: each action is one row; a cell merged down over
several rows is each of those rows' value (the lead and target date of every action it spans, the
status_text of both actions an update spans), and a recommendation or workstream merged down at
the left is the theme of every action beside it (without its label); dates day-first.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable

from ..spec import Block, C, P, PaperSpec, Sheet, T
from ._plans import RAG_FILL, RAG_WORD, Act, date_cell, expected, finished, h, pct_cell, rag_word

LAYOUT = "merged_down_cells"

Column = tuple[str, Callable[[Act], "C | str | None"], bool]  # (name, the action's cell, merge runs of equal text down)


def _runs(acts: list[Act], key: Callable[[Act], Hashable]) -> dict[int, int]:
    """{index of the first action of a run of equal key values: length of the run}."""
    out: dict[int, int] = {}
    i = 0
    while i < len(acts):
        j = i
        while j + 1 < len(acts) and key(acts[j + 1]) == key(acts[i]):
            j += 1
        out[i] = j - i + 1
        i = j + 1
    return out


def _cell(item: C | str | None) -> C:
    return item if isinstance(item, C) else C(item or "")


def _text_of(f: Callable[[Act], C | str | None]) -> Callable[[Act], str]:
    return lambda a: _cell(f(a)).text


def _rows(acts: list[Act], columns: list[Column], centred: frozenset[str] = frozenset()) -> list[list[C | str]]:
    """Body rows: a cell per column, a column that merges giving a run of actions with equal text
    one cell merged down over them; the columns named in ``centred`` centred vertically."""
    runs = {name: _runs(acts, _text_of(f)) for name, f, merge in columns if merge}
    rows: list[list[C | str]] = []
    for i, a in enumerate(acts):
        row: list[C | str] = []
        for name, f, merge in columns:
            cell = _cell(f(a))
            if merge:
                if i not in runs[name]:
                    continue  # covered by the cell above
                cell.rowspan = runs[name][i]
            if name in centred:
                cell.valign = "center"
            row.append(cell)
        rows.append(row)
    return rows


# A: docx/pdf/lo-docx: the recommendation merged down at the left; lead and target date merged where shared
def _strathbeg() -> PaperSpec:
    R1 = "The council should agree a medium-term financial strategy and identify how it will close its funding gap."
    R2 = "The council should improve the way it involves communities in shaping services."
    R3 = "Members should be supported to scrutinise performance effectively."
    acts = [
        Act("1.1", "Approve a five-year medium-term financial strategy", "Chief Finance Officer", "31/03/2025",
            "2025-03-31", 70, "green", "Strategy drafted and discussed at the members' budget seminar in January.",
            theme=R1),
        Act("1.2", "Develop a savings and transformation programme of at least £12m", "Chief Finance Officer",
            "31/03/2025", "2025-03-31", 45, "amber",
            "Proposals worth £7.8m identified. Further options needed from services.", theme=R1),
        Act("1.3", "Report savings delivery to the Policy and Resources Committee each quarter",
            "Chief Finance Officer", "30/06/2024", "2024-06-30", 100, "complete",
            "Quarterly reporting in place since April.", theme=R1),
        Act("2.1", "Adopt a community engagement framework with the community planning partnership",
            "Head of Communities", "30/09/2024", "2024-09-30", 60, "green",
            "Framework consulted on with community councils; final version in September.", theme=R2),
        Act("2.2", "Train staff in the National Standards for Community Engagement", "Head of Communities",
            "30/09/2024", "2024-09-30", 30, "amber", "Training material prepared; sessions start in August.",
            theme=R2),
        Act("3.1", "Introduce a scrutiny work programme agreed by the Audit and Scrutiny Committee",
            "Head of Democratic Services", "31/10/2024", "2024-10-31", 50, "green",
            "Draft work programme considered at the committee's development session.", theme=R3),
        Act("3.2", "Provide members with quarterly performance reports using a new dashboard",
            "Head of Performance", "31/12/2024", "2024-12-31", 15, "red",
            "Dashboard delayed until the data warehouse project is complete.", theme=R3),
    ]
    cols: list[Column] = [
            ("rec", lambda a: a.theme, True), ("ref", lambda a: a.ref, False), ("desc", lambda a: a.desc, False),
            ("lead", lambda a: a.lead, True), ("due", lambda a: a.due_raw, True),
            ("pct", lambda a: pct_cell(a.pct), False), ("rag", lambda a: rag_word(a.rag), False),
            ("upd", lambda a: a.update, False)]
    rows = [h("BVAR Recommendation", "Ref", "Action", "Lead Officer", "Target Date", "% Complete", "RAG",
              "Progress Update"), *_rows(acts, cols)]
    title = "Strathbeg Council – Best Value Assurance Report Action Plan: Progress Update"
    rd = "2024-07-11"
    blocks: list[Block] = [
        P(title, "title"), P("Report Date: 11 July 2024"),
        T(rows, widths=[2.4, 0.5, 2.8, 1.5, 1.0, 0.9, 1.0, 2.9], font_size=8.5),
    ]
    return PaperSpec(LAYOUT, "strathbeg_bvar_action_plan_progress_2024-07", blocks, expected(title, rd, acts),
                     producers=("docx", "pdf", "lo-docx"),
                     note="recommendation text merged down at the left; lead officer and target date merged down "
                          "where shared")


# B: workbook: workstream, lead and (typed) target date merged down; RAG as filled word
def _auchenblae() -> PaperSpec:
    W1, W2 = "Financial Sustainability", "Digital Transformation"
    acts = [
        Act("1", "Review all fees and charges against the cost of providing the service", "Head of Finance",
            "31/12/2024", "2024-12-31", 80, "green", "Review complete for 14 of 17 services.", theme=W1),
        Act("2", "Agree a reserves strategy that sets a minimum level of unallocated reserves",
            "Head of Finance", "31/12/2024", "2024-12-31", 100, "complete",
            "Reserves strategy approved by Council on 19 September.", theme=W1),
        Act("3", "Introduce service-level budget challenge sessions with elected members", "Head of Finance",
            "31/01/2025", "2025-01-31", 25, "amber", "First two sessions held; the rest depend on the settlement.",
            theme=W1),
        Act("4", "Replace the council's finance and procurement system", "Chief Digital Officer", "31/03/2026",
            "2026-03-31", 20, "green", "Preferred supplier selected; implementation plan being agreed.",
            theme=W2),
        Act("5", "Move 80% of customer transactions online", "Chief Digital Officer", "31/03/2026", "2026-03-31",
            35, "amber", "46% of transactions are now online, up from 38% last year.", theme=W2),
        Act("6", "Provide digital skills training for all frontline staff", "Head of Organisational Development",
            "30/06/2025", "2025-06-30", 10, "red",
            "Training provider contract delayed; the programme will start later than planned.", theme=W2),
    ]

    def rag(a: Act) -> C:
        return C(RAG_WORD[a.rag], fill=RAG_FILL[a.rag])

    cols: list[Column] = [
            ("ws", lambda a: a.theme, True), ("ref", lambda a: a.ref, False), ("desc", lambda a: a.desc, False),
            ("lead", lambda a: a.lead, True), ("due", lambda a: date_cell(a.due_raw, a.due), True),
            ("pct", lambda a: pct_cell(a.pct, typed=True), False), ("rag", rag, False),
            ("upd", lambda a: a.update, False)]
    rows = [h("Workstream", "No.", "Action", "Lead Officer", "Target Date", "% Complete", "RAG", "Commentary",
              fill="DDEBF7"), *_rows(acts, cols)]
    title = "Auchenblae Council – Best Value Improvement Plan Tracker"
    rd = "2024-10-08"
    blocks: list[Block] = [
        P(title, "title"), P("Report Date: 08/10/2024"),
        T(rows, widths=[1.6, 0.5, 3.0, 1.7, 1.1, 1.0, 1.0, 3.2]),
    ]
    return PaperSpec(LAYOUT, "auchenblae_bv_improvement_plan_tracker_2024-10", blocks, expected(title, rd, acts),
                     producers=("xlsx", "lo-xlsx"), sheets=[Sheet("Tracker", blocks)],
                     note="workstream, lead officer and typed target date merged down in the workbook")


# C: docx/lo-docx/pdf: lead, due, RAG and (once) commentary merged over two actions; no theme
def _rosemarkie() -> PaperSpec:
    shared = ("The two leisure actions are being taken forward together through the Leisure Review Board, "
              "which met in June and July.")
    acts = [
        Act("1", "Carry out an options appraisal for the future of the leisure estate", "Head of Culture and Leisure",
            "31/12/2024", "2024-12-31", 40, "amber", shared),
        Act("2", "Consult users and communities on proposals for leisure facilities", "Head of Culture and Leisure",
            "31/12/2024", "2024-12-31", 20, "amber", shared),
        Act("3", "Complete the review of school catering and cleaning services", "Head of Facilities Management",
            "30/09/2024", "2024-09-30", 90, "green",
            "Review report drafted; recommendations to the Education Committee in September."),
        Act("4", "Introduce a new cleaning schedule for council offices", "Head of Facilities Management",
            "31/10/2024", "2024-10-31", 60, "green", "New schedule trialled in the headquarters building."),
        Act("5", "Reduce energy use in council buildings by 10%", "Energy and Sustainability Manager",
            "31/03/2025", "2025-03-31", 30, "red",
            "Energy use fell by 3% in the first quarter. Investment in heating controls has been delayed."),
        Act("6", "Install solar panels on six primary schools", "Energy and Sustainability Manager",
            "31/03/2025", "2025-03-31", 50, "red", "Panels fitted at three schools; grid connection delays at "
            "the others."),
    ]
    cols: list[Column] = [("ref", lambda a: a.ref, False), ("desc", lambda a: a.desc, False),
            ("lead", lambda a: a.lead, True), ("due", lambda a: a.due_raw, True),
            ("rag", lambda a: rag_word(a.rag), True), ("pct", lambda a: pct_cell(a.pct), False),
            ("upd", lambda a: a.update, True)]
    rows = [h("Ref", "Action", "Responsible Officer", "Target Date", "Status", "% Complete", "Update",
              fill="E7E6E6"), *_rows(acts, cols)]
    title = "Rosemarkie Council: Place Directorate – Best Value Action Plan Monitoring"
    rd = "2024-08-20"
    blocks: list[Block] = [
        P(title, "title"), P("Place Committee"), P("Report Date: 20/08/2024"),
        P("Where an officer, date, status or update applies to more than one action it is shown once."),
        T(rows, widths=[0.5, 3.3, 1.9, 1.1, 1.0, 0.9, 3.6]),
    ]
    return PaperSpec(LAYOUT, "rosemarkie_place_bv_action_plan_monitoring_2024-08", blocks,
                     expected(title, rd, acts), producers=("docx", "pdf", "lo-docx"),
                     note="lead, target date, RAG word and one update merged down over two actions")


# D: workbook: lead and target date merged over three or four actions and centred vertically (the text
#    prints beside the middle action, not the first); typed dates and %
def _craigton() -> PaperSpec:
    acts = [
        Act("1", "Introduce a single front door for adult social care referrals", "Head of Adult Services",
            "31/03/2025", "2025-03-31", 65, "green", "Referral hub live in two of three localities."),
        Act("2", "Reduce delayed discharges from hospital by 20%", "Head of Adult Services", "31/03/2025",
            "2025-03-31", 30, "amber", "Delays down 9% on last year; care at home capacity remains the constraint."),
        Act("3", "Review eligibility criteria for social care services", "Head of Adult Services", "31/03/2025",
            "2025-03-31", 10, "red", "Review paused until the national care service legislation is clearer."),
        Act("4", "Commission an independent review of respite provision", "Head of Adult Services",
            "31/03/2025", "2025-03-31", 100, "complete", "Review reported in September; recommendations accepted."),
        Act("5", "Agree a children's services plan with partners for 2024 to 2027",
            "Head of Children's Services", "30/06/2024", "2024-06-30", 100, "complete",
            "Plan approved by the partnership in June."),
        Act("6", "Increase the number of kinship carers receiving support", "Head of Children's Services",
            "31/12/2024", "2024-12-31", 55, "green", "Kinship support team in place; 38 new families supported."),
        Act("7", "Reduce the number of children placed outside the council area", "Head of Children's Services",
            "31/12/2024", "2024-12-31", 25, "amber", "Three children returned; two further moves planned."),
    ]
    cols: list[Column] = [("ref", lambda a: a.ref, False), ("desc", lambda a: a.desc, False),
            ("lead", lambda a: a.lead, True), ("due", lambda a: date_cell(a.due_raw, a.due), True),
            ("pct", lambda a: pct_cell(a.pct, typed=True), False), ("rag", lambda a: rag_word(a.rag), False),
            ("upd", lambda a: a.update, False)]
    rows = [h("Ref", "Action", "Lead Officer", "Target Date", "% Complete", "RAG", "Update", fill="FFF2CC"),
            *_rows(acts, cols, centred=frozenset({"lead", "due"}))]
    title = "Craigton Council – Social Work Best Value Improvement Plan"
    rd = "2024-10-22"
    blocks: list[Block] = [
        P(title, "title"), P("Report Date: 22/10/2024"),
        T(rows, widths=[0.5, 3.3, 1.9, 1.1, 1.0, 1.0, 3.6]),
    ]
    return PaperSpec(LAYOUT, "craigton_social_work_bv_improvement_plan_2024-10", blocks, expected(title, rd, acts),
                     producers=("xlsx", "lo-xlsx"), sheets=[Sheet("Plan", blocks)],
                     note="lead and typed target date merged over 3-4 rows and centred vertically")


# E: docx/lo-docx, portrait: lead and target date merged over four actions, centred vertically, the merged
#    block running across a page break
def _scourie() -> PaperSpec:
    upd = ("Progress has been reported to the Education Committee. Head teachers have been consulted through "
           "the head teachers' forum and the trade unions have been briefed. ")
    acts = [
        Act("1", "Agree a learning estate strategy covering all primary and secondary schools",
            "Head of Education Resources", "31/03/2025", "2025-03-31", 40, "amber",
            upd + "School roll projections were updated in August; options for three primary schools are being "
            "appraised."),
        Act("2", "Reduce the gap in attainment between the most and least deprived pupils",
            "Head of Education (Secondary)", "30/06/2026", "2026-06-30", 35, "green",
            upd + "The gap in literacy at P7 narrowed by 4 points; numeracy is unchanged."),
        Act("3", "Improve the positive destinations of school leavers to the national average",
            "Head of Education (Secondary)", "30/06/2026", "2026-06-30", 60, "green",
            upd + "Positive destinations rose to 94.1%, just below the national figure of 95.7%."),
        Act("4", "Introduce a consistent approach to tracking pupils' progress in the broad general education",
            "Head of Education (Secondary)", "30/06/2026", "2026-06-30", 25, "amber",
            upd + "Tracking tool piloted in two secondary schools; roll-out to follow training in January."),
        Act("5", "Increase the number of young people achieving vocational qualifications",
            "Head of Education (Secondary)", "30/06/2026", "2026-06-30", 45, "green",
            upd + "Partnership with the college has added four new courses for senior phase pupils."),
        Act("6", "Reduce exclusions from secondary schools", "Head of Inclusion", "31/12/2024", "2024-12-31", 70,
            "green", upd + "Exclusions fell from 31 to 19 per 1,000 pupils."),
        Act("7", "Review support for pupils with additional support needs", "Head of Inclusion", "31/12/2024",
            "2024-12-31", 20, "red",
            upd + "The review is behind schedule because two educational psychologist posts are vacant."),
        Act("8", "Extend the free breakfast club offer to all primary schools", "Head of Education (Primary)",
            "31/08/2024", "2024-08-31", 100, "complete", upd + "All 24 primary schools now offer a breakfast club."),
    ]
    cols: list[Column] = [("ref", lambda a: a.ref, False), ("desc", lambda a: a.desc, False),
            ("lead", lambda a: a.lead, True), ("due", lambda a: a.due_raw, True),
            ("pct", lambda a: pct_cell(a.pct), False), ("rag", lambda a: rag_word(a.rag), False),
            ("upd", lambda a: a.update, False)]
    rows = [h("Ref", "Action", "Lead Officer", "Target Date", "%", "RAG", "Progress"),
            *_rows(acts, cols, centred=frozenset({"lead", "due"}))]
    title = "Scourie Council – Education Services: Best Value Action Plan Progress"
    rd = "2024-11-14"
    blocks: list[Block] = [
        P(title, "title"), P("Education Committee"), P("Report Date: 14 November 2024"),
        P("This report sets out progress with the education actions in the council's Best Value action plan. "
          "Where an officer leads several actions the officer and the target date are shown once."),
        T(rows, widths=[0.45, 2.6, 1.6, 1.15, 0.75, 0.95, 4.2]),
    ]
    return PaperSpec(LAYOUT, "scourie_education_bv_action_plan_progress_2024-11", blocks, expected(title, rd, acts),
                     producers=("docx", "lo-docx"), landscape=False,
                     note="portrait; lead and date merged over four actions, centred vertically, across a page "
                          "break")


def variants() -> list[PaperSpec]:
    return finished([_strathbeg(), _auchenblae(), _rosemarkie(), _craigton(), _scourie()])
