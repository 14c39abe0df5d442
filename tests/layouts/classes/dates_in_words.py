"""Layout class 'dates_in_words': target dates typed as councils type them.

One target column of mixed forms ('March 2024', 'Q4 2023/24', '31.03.24', 'End Dec 2023',
'Ongoing', '31st May 2024', 'Q3 23/24', 'Mar-24', '30 June 2024', 'Jan-24', 'Quarter 2 2024/25',
'Annually'); revised dates written in the target cell itself ('Sept 2023 (revised to Dec 2023)',
'June 2024 (was March 2024)', '31/03/2024 (31/12/2023)', 'Revised: Q1 2024/25' over 'Original: Q3
2023/24', 'Feb 2024 (originally Nov 2023)', '30/09/2024 (previously 31/03/2024)'); and real Excel
dates in several number formats (dd-mmm-yy, dd.mm.yy, d mmmm yyyy) beside dates typed as text.
Per the contract: dates are day-first; a month is its last day; 'Q3 2023/24' (or 'Q3 23/24',
'Quarter 2 2024/25') is the last day of that quarter of an April-March year; a target that is no
date ('Ongoing', 'TBC', 'Complete', 'Annually') gives no due date; a revised date in the same cell
is the due date, and the date it replaced is the original due date.
"""

from __future__ import annotations

from ..spec import Block, C, P, PaperSpec, Sheet, T
from ._plans import Act, date_cell, expected, finished, h, pct_cell, rag_word

LAYOUT = "dates_in_words"


# A: docx/pdf: one 'Target Date' column of mixed forms
def _ettrick() -> PaperSpec:
    acts = [
        Act("1", "Adopt a revised council plan with clear priorities", "Chief Executive", "March 2024",
            "2024-03-31", 75, "green", "Draft plan consulted on; to Council in March."),
        Act("2", "Set a balanced budget for 2024/25", "Chief Finance Officer", "Q4 2023/24", "2024-03-31", 80,
            "green", "Budget meeting set for 21 February."),
        Act("3", "Complete the review of the scheme of delegation", "Head of Legal Services", "31.03.24",
            "2024-03-31", 50, "amber", "Review drafted; members' working group to meet in February."),
        Act("4", "Publish the annual performance report", "Performance Manager", "End Dec 2023", "2023-12-31",
            100, "complete", "Published on 15 December."),
        Act("5", "Monitor delivery of the savings programme", "Chief Finance Officer", "Ongoing", None, 60,
            "green", "Savings monitoring reported to each Finance Committee."),
        Act("6", "Agree a digital strategy", "Head of Digital Services", "31st May 2024", "2024-05-31", 30,
            "amber", "Engagement with services took longer than planned."),
        Act("7", "Introduce an employee engagement survey every two years", "Head of HR", "Q3 23/24",
            "2023-12-31", 40, "red", "Survey postponed because of industrial action."),
        Act("8", "Carry out a review of the council's partnerships", "Head of Policy", "Mar-24", "2024-03-31", 20,
            "amber", "Partnership register compiled."),
    ]
    rows = [h("Ref", "Action", "Lead Officer", "Target Date", "% Complete", "RAG", "Update")]
    rows += [[a.ref, a.desc, a.lead, a.due_raw, pct_cell(a.pct), rag_word(a.rag), a.update] for a in acts]
    title = "Ettrick Forest Council – Best Value Improvement Plan: Progress Update"
    rd = "2024-01-31"
    blocks: list[Block] = [
        P(title, "title"), P("Report Date: 31/01/2024"), T(rows, widths=[0.5, 3.2, 1.8, 1.2, 1.0, 1.0, 3.8]),
    ]
    return PaperSpec(LAYOUT, "ettrick_forest_bv_improvement_plan_update_2024-01", blocks,
                     expected(title, rd, acts), producers=("docx", "pdf", "lo-docx"),
                     note="'March 2024', 'Q4 2023/24', '31.03.24', 'End Dec 2023', 'Ongoing', '31st May 2024', "
                          "'Q3 23/24', 'Mar-24'")


# B: docx/pdf: revised dates written in the target cell itself, several wordings
def _fordoun() -> PaperSpec:
    acts = [
        Act("1", "Review the corporate governance code", "Monitoring Officer", "Sept 2023 (revised to Dec 2023)",
            "2023-12-31", 90, "amber", "Code drafted; approval moved to the December meeting.",
            original="2023-09-30"),
        Act("2", "Develop an integrated workforce and financial plan", "Head of HR", "June 2024 (was March 2024)",
            "2024-06-30", 45, "amber", "Financial assumptions updated after the pay award.",
            original="2024-03-31"),
        Act("3", "Introduce risk registers for every service", "Risk Manager", "31/03/2024 (31/12/2023)",
            "2024-03-31", 60, "amber", "Registers complete for seven of ten services.", original="2023-12-31"),
        Act("4", "Agree a community asset transfer policy", "Estates Manager",
            "Revised: Q1 2024/25\nOriginal: Q3 2023/24", "2024-06-30", 35, "red",
            "Policy paused pending legal advice on lease terms.", original="2023-12-31"),
        Act("5", "Publish an equalities outcomes report", "Equalities Officer", "30/04/2024", "2024-04-30", 20,
            "green", "Data gathering under way."),
        Act("6", "Implement a new complaints handling system", "Customer Services Manager",
            "Feb 2024 (originally Nov 2023)", "2024-02-29", 85, "green", "System live in testing; go-live in February.",
            original="2023-11-30"),
        Act("7", "Complete the review of committee structures", "Head of Democratic Services", "Complete", None,
            100, "complete", "New committee structure in place from October."),
        Act("8", "Develop a tourism strategy with partners", "Head of Economic Development", "TBC", None, 10,
            "amber", "Start delayed until the regional tourism partnership agrees its priorities."),
    ]
    rows = [h("No.", "Action", "Responsible Officer", "Target Date", "Progress %", "RAG", "Comments")]
    rows += [[a.ref, a.desc, a.lead, a.due_raw, pct_cell(a.pct), rag_word(a.rag), a.update] for a in acts]
    title = "Fordoun Council: Best Value Action Plan Monitoring Report"
    rd = "2024-01-11"
    blocks: list[Block] = [
        P(title, "title"), P("Report Date: 11/01/2024"),
        P("Where a target date has been changed the original date is shown in the same cell."),
        T(rows, widths=[0.5, 3.0, 1.8, 1.6, 1.0, 1.0, 3.6]),
    ]
    return PaperSpec(LAYOUT, "fordoun_bv_action_plan_monitoring_2024-01", blocks, expected(title, rd, acts),
                     producers=("docx", "pdf", "lo-docx"),
                     note="revised dates inside the target cell: '(revised to ...)', '(was ...)', "
                          "bracketed original, two lines 'Revised:/Original:', '(originally ...)'; 'Complete', 'TBC'")


# C: workbook (+ its PDF print): typed dates with several number formats next to text dates
def _garvock() -> PaperSpec:
    acts = [
        Act("G1", "Agree a new local development plan timetable", "Planning Manager", "31-Mar-24", "2024-03-31",
            55, "green", "Development plan scheme approved by committee.", x={"fmt": "dd-mmm-yy"}),
        Act("G2", "Reduce the backlog of building warrant applications", "Building Standards Manager",
            "30.06.24", "2024-06-30", 30, "amber", "Backlog down from 410 to 265 applications.",
            x={"fmt": "dd.mm.yy"}),
        Act("G3", "Publish a regeneration strategy for the town centres", "Regeneration Manager",
            "30 September 2024", "2024-09-30", 20, "green", "Town centre health checks complete.",
            x={"fmt": "d mmmm yyyy"}),
        Act("G4", "Agree a vacant and derelict land programme", "Regeneration Manager", "Q3 2023/24",
            "2023-12-31", 70, "red", "Programme not yet agreed; funding decision awaited from government."),
        Act("G5", "Review economic development grants", "Economic Development Manager", "Ongoing", None, 50,
            "green", "Grants reviewed each quarter by the grants panel."),
        Act("G6", "Introduce a business support hub", "Economic Development Manager", "31/12/2023", "2023-12-31",
            100, "complete", "Hub opened in December.", x={"fmt": "dd/mm/yyyy"}),
        Act("G7", "Carry out a review of planning fees", "Planning Manager", "May 2024", "2024-05-31", 10,
            "amber", "Waiting for the national fees regulations."),
    ]
    rows = [h("Ref", "Action", "Lead", "Target Date", "% Complete", "RAG", "Progress Update")]
    for a in acts:
        due = date_cell(a.due_raw, a.due, a.x["fmt"]) if "fmt" in a.x else C(a.due_raw)
        rows.append([a.ref, a.desc, a.lead, due, pct_cell(a.pct, typed=True), rag_word(a.rag), a.update])
    title = "Garvock Council – Economy and Planning Best Value Actions"
    rd = "2024-02-13"
    blocks: list[Block] = [
        P(title, "title"), P("Report Date: 13/02/2024"), T(rows, widths=[0.5, 3.2, 1.8, 1.4, 1.0, 1.0, 3.6]),
    ]
    return PaperSpec(LAYOUT, "garvock_economy_planning_bv_actions_2024-02", blocks, expected(title, rd, acts),
                     producers=("xlsx", "lo-xlsx"), sheets=[Sheet("Actions", blocks)],
                     note="Excel dates formatted dd-mmm-yy, dd.mm.yy, d mmmm yyyy, dd/mm/yyyy beside text "
                          "'Q3 2023/24', 'Ongoing', 'May 2024'")


# D: a portrait Word paper and its workbook: 'Deadline' before 'Responsible Officer', the RAG ('Status')
#    before the percentage ('Progress'); dates as '30 June 2024', '31 Mar 2024', 'Jan-24', 'End of June 2024',
#    'Quarter 2 2024/25', an original date given as '(previously ...)' and 'Annually'
def _hownam() -> PaperSpec:
    acts = [
        Act("1", "Publish a learning estate strategy setting out the investment needed in each school",
            "Head of Education Resources", "30 June 2024", "2024-06-30", 40, "green",
            "Condition and suitability surveys complete for all 31 schools; options being costed."),
        Act("2", "Agree a plan to reduce the number of pupils placed outwith the council area",
            "Head of Inclusion", "Jan-24", "2024-01-31", 65, "red",
            "Three new local places opened, but the plan was not agreed by January as intended."),
        Act("3", "Review the allocation of additional support for learning staff to schools",
            "Head of Inclusion", "Quarter 2 2024/25", "2024-09-30", 20, "amber",
            "Allocation model drafted; consultation with head teachers starts after the Easter holidays."),
        Act("4", "Introduce a single point of contact for families seeking early help",
            "Children's Services Manager", "31 Mar 2024", "2024-03-31", 80, "green",
            "Family support hub staffed; telephone line opens on 4 March."),
        Act("5", "Complete the review of early learning and childcare capacity in rural areas",
            "Early Years Manager", "30/09/2024 (previously 31/03/2024)", "2024-09-30", 35, "amber",
            "Deadline moved to include the new census of two-year-old uptake.", original="2024-03-31"),
        Act("6", "Report attainment results for each school to the Education Committee",
            "Quality Improvement Manager", "Annually", None, 100, "complete",
            "2023 results reported to the committee in November."),
        Act("7", "Agree a recruitment and retention plan for teachers in hard-to-fill subjects",
            "Head of Education Resources", "End of June 2024", "2024-06-30", 30, "green",
            "Incentive scheme agreed with the trade unions; first adverts placed in February."),
    ]
    rows = [h("Action No.", "Action", "Deadline", "Responsible Officer", "Status", "Progress", "Commentary",
              fill="E7E6E6")]
    rows += [[a.ref, a.desc, a.due_raw, a.lead, rag_word(a.rag), pct_cell(a.pct, typed=True), a.update]
             for a in acts]
    title = "Hownam Council: Education and Children's Services Best Value Action Plan – Six-Monthly Update"
    rd = "2024-02-22"
    blocks: list[Block] = [
        P(title, "title"), P("Date of report: 22/02/2024"),
        P("Deadlines are shown as agreed by the Education Committee; where a deadline has moved, the "
          "previous deadline is shown in brackets."),
        T(rows, widths=[0.6, 3.0, 1.3, 1.5, 0.9, 0.8, 3.2]),
    ]
    return PaperSpec(LAYOUT, "hownam_education_bv_action_plan_six_monthly_2024-02", blocks,
                     expected(title, rd, acts), producers=("docx", "lo-docx", "xlsx"),
                     sheets=[Sheet("Action Plan", blocks)], landscape=False,
                     note="portrait; 'Deadline' before the lead, 'Status' before 'Progress'; '30 June 2024', "
                          "'31 Mar 2024', 'Jan-24', 'End of June 2024', 'Quarter 2 2024/25', '(previously ...)', "
                          "'Annually'; dates typed as text in the workbook too")


def variants() -> list[PaperSpec]:
    return finished([_ettrick(), _fordoun(), _garvock(), _hownam()])
