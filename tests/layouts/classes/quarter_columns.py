"""Layout class 'quarter_columns': a percent-complete column for each quarter or month.

Progress tables with several percentage columns, one per period: short quarter headers ('Q1 23/24
%'), headers that are Excel dates shown as months ('Jun-23': 30/06/2023 formatted mmm-yy), a
two-row header with a 'Position at dd/mm/yyyy' group over '%' and 'RAG' for each date (the last
one at the report date), and four '% at end Qn 2023/24' columns whose future quarters are blank;
with or without a current '% Complete' column. Per the contract: a column whose header carries a
date is a snapshot at that date, one naming a period a snapshot at the period's last day ('Q1
23/24' and 'Jun-23' are 2023-06-30); the current column, the RAG and the commentary make the
report-date snapshot; an earlier column carries its percentage only (an earlier RAG printed beside
it is not carried); a blank period cell is no snapshot.
"""

from __future__ import annotations

import datetime as dt

from ..spec import Block, C, P, PaperSpec, Sheet, T
from ._plans import Act, date_cell, expected, finished, h, pct_cell, rag_word

LAYOUT = "quarter_columns"


# A: docx/pdf: 'Q1 23/24 %' .. 'Q3 23/24 %' one-row header, no current column, then RAG + update
def _ardgowan() -> PaperSpec:
    Q1, Q2, Q3 = "2023-06-30", "2023-09-30", "2023-12-31"
    acts = [
        Act("1", "Agree a revised scheme of delegation to officers and publish it in the constitution",
            "Head of Legal and Democratic Services", "31/03/2024", "2024-03-31", None, "green",
            "Draft scheme considered by the member officer working group in December. Report to Council in March.",
            earlier={Q1: 20, Q2: 45, Q3: 70}),
        Act("2", "Introduce a programme of development for elected members based on a training needs analysis",
            "Head of Democratic Services", "30/06/2024", "2024-06-30", None, "amber",
            "Training needs analysis completed by 19 of 32 members. Programme design has been delayed until the "
            "remaining responses are received.", earlier={Q1: 10, Q2: 15, Q3: 25}),
        Act("3", "Prepare a medium term financial strategy covering five years, with savings options for each "
            "year", "Chief Financial Officer", "29/02/2024", "2024-02-29", None, "green",
            "Strategy drafted and presented at the members' budget seminar on 11 January.",
            earlier={Q1: 30, Q2: 55, Q3: 85}),
        Act("4", "Establish a transformation board with clear reporting of the benefits of each project",
            "Chief Executive", "30/09/2023", "2023-09-30", None, "complete",
            "Board established in August; benefits are reported to every meeting.",
            earlier={Q1: 60, Q2: 100, Q3: 100}),
        Act("5", "Develop a workforce plan that addresses recruitment difficulties in social care and planning",
            "Head of People and Organisational Development", "31/12/2023", "2023-12-31", None, "red",
            "Workforce data has been collated but the plan was not completed by its target date. A revised "
            "timetable will be brought to the next meeting.", earlier={Q1: 15, Q2: 20, Q3: 30}),
        Act("6", "Review the council's approach to community engagement against the National Standards",
            "Community Planning Manager", "31/05/2024", "2024-05-31", None, "not_started",
            "Review scheduled to begin in February 2024.", earlier={Q1: 0, Q2: 0, Q3: 0}),
    ]
    rows = [h("No.", "Action", "Lead Officer", "Target Date", "Q1 23/24 %", "Q2 23/24 %", "Q3 23/24 %", "RAG",
              "Update")]
    for a in acts:
        rows.append([a.ref, a.desc, a.lead, a.due_raw, *(pct_cell(a.earlier[q]) for q in (Q1, Q2, Q3)),
                     rag_word(a.rag), a.update])
    title = "Ardgowan Council – Best Value Improvement Plan: Quarter 3 Progress"
    rd = "2024-01-24"
    blocks: list[Block] = [
        P(title, "title"), P("Report Date: 24/01/2024"),
        P("Report to the Audit and Scrutiny Committee by the Chief Executive"),
        P("Progress is shown as the percentage complete at the end of each quarter of 2023/24."),
        T(rows, widths=[0.55, 2.8, 1.6, 1.2, 0.85, 0.85, 0.85, 1.1, 3.2], font_size=8.5),
    ]
    return PaperSpec(LAYOUT, "ardgowan_bv_improvement_plan_q3_2023-24", blocks, expected(title, rd, acts),
                     producers=("docx", "pdf", "lo-docx"),
                     note="short quarter headers 'Q1 23/24 %'; no current % column: report-date snapshot has RAG "
                          "and update only")


# B: xlsx: headers are real Excel dates shown 'Jun-23', 'Sep-23', 'Dec-23', then '% Complete' (current)
def _balmerino() -> PaperSpec:
    M6, M9, M12 = "2023-06-30", "2023-09-30", "2023-12-31"
    acts = [
        Act("BV01", "Adopt a council plan with measurable outcomes and annual targets",
            "Head of Strategy and Performance", "31/03/2024", "2024-03-31", 80, "green",
            "Plan approved by Council in November. Targets for 2024/25 are being agreed with services.",
            earlier={M6: 40, M9: 60, M12: 75}),
        Act("BV02", "Report progress on the council plan to the Policy and Resources Committee every six "
            "months", "Head of Strategy and Performance", "30/11/2023", "2023-11-30", 100, "complete",
            "First six-monthly report presented on 28 November.", earlier={M6: 20, M9: 50, M12: 100}),
        Act("BV03", "Develop a capital investment strategy linked to the asset management plan",
            "Head of Finance", "30/06/2024", "2024-06-30", 35, "amber",
            "Asset condition surveys are behind schedule, which delays the prioritisation of investment.",
            earlier={M6: 10, M9: 20, M12: 30}),
        Act("BV04", "Implement a new performance management framework across all services",
            "Head of Strategy and Performance", "31/12/2024", "2024-12-31", 45, "green",
            "Framework agreed; six services are piloting the new service plan template.",
            earlier={M6: 5, M9: 25, M12: 40}),
        Act("BV05", "Reduce sickness absence through the maximising attendance improvement plan",
            "Head of Human Resources", "31/03/2024", "2024-03-31", 30, "red",
            "Absence has risen to 12.1 days per employee. An attendance summit with managers is planned for "
            "February.", earlier={M6: 25, M9: 30, M12: 30}),
        Act("BV06", "Carry out a review of the council's arm's-length external organisations",
            "Chief Executive", "30/09/2024", "2024-09-30", 10, "amber",
            "Terms of reference agreed. The review has not yet started because of vacancies in the policy team.",
            earlier={M6: 0, M9: 5, M12: 10}),
    ]
    def hd(iso: str) -> C:
        d = dt.date.fromisoformat(iso)
        return C(d.strftime("%b-%y"), bold=True, fill="D9E2F3", value=dt.datetime(d.year, d.month, d.day),
                 number_format="mmm-yy")
    rows = [[*h("Ref", "Action", "Lead", "Target Date"), hd(M6), hd(M9), hd(M12),
             *h("% Complete", "RAG", "Comments")]]
    for a in acts:
        rows.append([a.ref, a.desc, a.lead, date_cell(a.due_raw, a.due),
                     *(pct_cell(a.earlier[m], typed=True) for m in (M6, M9, M12)),
                     pct_cell(a.pct, typed=True), rag_word(a.rag), a.update])
    title = "Balmerino Council: Best Value Action Plan Tracker"
    rd = "2024-02-08"
    blocks: list[Block] = [
        P(title, "title"), P("Report Date: 08/02/2024"),
        P("Percentage complete at the end of each month reported, and at the date of this report."),
        T(rows, widths=[0.6, 3.2, 1.6, 1.0, 0.7, 0.7, 0.7, 0.9, 0.9, 3.6]),
    ]
    return PaperSpec(LAYOUT, "balmerino_bv_action_plan_tracker_2024-02", blocks, expected(title, rd, acts),
                     producers=("xlsx", "lo-xlsx"), sheets=[Sheet("Tracker", blocks)],
                     note="snapshot headers are Excel dates (month ends) formatted mmm-yy; current '% Complete'")


# C: docx/pdf: two-row header, a position date over '%' and 'RAG' for each of three dates; the last is
#    the report date (merged into the report-date snapshot with the commentary)
def _carnbee() -> PaperSpec:
    S, D = "2023-09-30", "2023-12-31"  # the third 'Position at' group is the report date's
    acts = [
        Act("1.1", "Put in place a leadership development programme for the extended management team",
            "Director of Corporate Services", "31/05/2024", "2024-05-31", 65, "green",
            "Five of eight modules delivered; 42 managers enrolled.", earlier={S: 20, D: 40},
            x={"r": ("amber", "green")}),
        Act("1.2", "Agree a protocol on member and officer relations and provide training on it",
            "Monitoring Officer", "31/12/2023", "2023-12-31", 100, "complete",
            "Protocol agreed in December; training delivered to all members in January.",
            earlier={S: 50, D: 90}, x={"r": ("green", "green")}),
        Act("2.1", "Close the 2024/25 budget gap with a balanced set of savings proposals",
            "Director of Finance", "29/02/2024", "2024-02-29", 90, "amber",
            "Budget set on 22 February with £1.3m of savings still to be allocated to services.",
            earlier={S: 30, D: 60}, x={"r": ("green", "amber")}),
        Act("2.2", "Improve the timeliness of budget monitoring reports to committee",
            "Head of Finance", "30/09/2023", "2023-09-30", 70, "red",
            "Reports remain late for two committees because of the finance system upgrade.",
            earlier={S: 60, D: 65}, x={"r": ("amber", "red")}),
        Act("3.1", "Develop a digital strategy with a roadmap for online council services",
            "Head of Digital Services", "30/06/2024", "2024-06-30", 55, "green",
            "Strategy approved; the first six online forms went live in February.", earlier={S: 15, D: 35},
            x={"r": ("green", "green")}),
        Act("3.2", "Replace the housing management system",
            "Head of Housing", "31/03/2025", "2025-03-31", 20, "amber",
            "Procurement complete. The supplier's implementation plan is being reviewed.",
            earlier={S: 5, D: 10}, x={"r": ("green", "amber")}),
    ]
    top: list[C | str] = [
        *(C(t, bold=True, fill="E2EFDA", rowspan=2) for t in ("Ref", "Action", "Lead", "Target Date")),
        C("Position at 30/09/2023", colspan=2, bold=True, fill="E2EFDA"),
        C("Position at 31/12/2023", colspan=2, bold=True, fill="E2EFDA"),
        C("Position at 15/03/2024", colspan=2, bold=True, fill="E2EFDA"),
        C("Commentary", bold=True, fill="E2EFDA", rowspan=2),
    ]
    sub: list[C | str] = [C(t, bold=True, fill="E2EFDA") for t in ("%", "RAG", "%", "RAG", "%", "RAG")]
    rows = [top, sub]
    for a in acts:
        r1, r2 = a.x["r"]
        rows.append([a.ref, a.desc, a.lead, a.due_raw, pct_cell(a.earlier[S]), rag_word(r1),
                     pct_cell(a.earlier[D]), rag_word(r2), pct_cell(a.pct), rag_word(a.rag), a.update])
    title = "Carnbee Council Best Value Improvement Plan – Progress Report"
    rd = "2024-03-15"
    blocks: list[Block] = [
        P(title, "title"), P("Report Date: 15/03/2024"),
        P("The table shows the position reported at each meeting of the committee since September 2023."),
        T(rows, widths=[0.4, 2.8, 1.5, 0.9, 0.6, 0.85, 0.6, 0.85, 0.6, 0.85, 3.0], header_rows=2,
          font_size=8),
    ]
    return PaperSpec(LAYOUT, "carnbee_bv_improvement_plan_progress_2024-03", blocks, expected(title, rd, acts),
                     producers=("docx", "pdf", "lo-docx"),
                     note="two-row header: dated 'Position at' groups over %/RAG; last group = report date; "
                          "earlier RAGs printed but not carried")


# D: workbook (all producers): '% at end Q1 2023/24' .. 'Q4' with the future quarters blank; RAG and narrative
def _dalmally() -> PaperSpec:
    Q1, Q2 = "2023-06-30", "2023-09-30"
    acts = [
        Act("A1", "Refresh the Local Outcomes Improvement Plan with community planning partners",
            "Community Planning Manager", "Q4 2023/24", "2024-03-31", None, "green",
            "Draft plan agreed by the partnership board in November; consultation closes in January.",
            earlier={Q1: 25, Q2: 50}),
        Act("A2", "Publish locality plans for each of the four localities", "Community Planning Manager",
            "Q1 2024/25", "2024-06-30", None, "amber",
            "Two locality plans drafted. Engagement in the northern localities was paused over the summer.",
            earlier={Q1: 10, Q2: 20}),
        Act("A3", "Agree an income and charging policy", "Head of Finance", "Q2 2023/24", "2023-09-30", None,
            "complete", "Policy agreed by the Finance Committee in September.", earlier={Q1: 50, Q2: 100}),
        Act("A4", "Complete a review of roads maintenance against the national good practice code",
            "Head of Roads and Infrastructure", "Q3 2023/24", "2023-12-31", None, "red",
            "The review has slipped because of staff vacancies and will not be completed by the target date.",
            earlier={Q1: 10, Q2: 15}),
        Act("A5", "Introduce customer service standards and report performance against them",
            "Customer Services Manager", "Q4 2023/24", "2024-03-31", None, "green",
            "Standards drafted and tested with the customer panel.", earlier={Q1: 20, Q2: 40}),
    ]
    rows = [h("Ref", "Action", "Responsible Officer", "Due", "% at end Q1 2023/24", "% at end Q2 2023/24",
              "% at end Q3 2023/24", "% at end Q4 2023/24", "Latest RAG", "Progress Narrative", fill="FFF2CC")]
    for a in acts:
        rows.append([a.ref, a.desc, a.lead, a.due_raw, pct_cell(a.earlier[Q1], typed=True),
                     pct_cell(a.earlier[Q2], typed=True), "", "", rag_word(a.rag), a.update])
    title = "Dalmally Council – Best Value Assurance Action Plan 2023/24 Monitoring"
    rd = "2023-11-14"
    blocks: list[Block] = [
        P(title, "title"), P("Report Date: 14/11/2023"),
        P("Quarterly percentages are entered at the end of each quarter; later quarters are blank."),
        T(rows, widths=[0.5, 3.0, 1.6, 0.9, 0.85, 0.85, 0.85, 0.85, 0.9, 3.4], font_size=8.5),
    ]
    return PaperSpec(LAYOUT, "dalmally_bvar_action_plan_monitoring_2023-11", blocks, expected(title, rd, acts),
                     producers=("xlsx", "lo-xlsx", "docx", "pdf"),
                     note="four quarter columns, Q3/Q4 blank (future); no current %; 'Latest RAG'")


def variants() -> list[PaperSpec]:
    return finished([_ardgowan(), _balmerino(), _carnbee(), _dalmally()])
