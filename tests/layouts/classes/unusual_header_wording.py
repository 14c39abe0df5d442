"""Layout class 'unusual_header_wording': column headers a person reads at once but a dictionary may not know.

Plain-English headers in the council's own voice ('What we said we would do', 'Who is
responsible', 'By when', 'Where are we now?', 'How are we doing', 'Completion (%)') with the
commentary before the RAG and the percentage and the report date only in prose; a workbook headed
'Improvement we will make', 'Accountable Head of Service', 'Date due for completion',
'Percentage delivered', 'Delivery status', 'Latest position' with typed dates and percentages;
the description first and the ref second ('Commitment', 'Ref.'), 'Officer accountable',
'Timescale' in months, 'Progress made', '% done', 'Overall assessment'; and a workbook (also
drawn as a PDF) headed 'The improvement', 'Completion expected', 'Owner', 'Progress so far (%)'
with bare numbers, 'Are we on track?' and 'What has happened since the last report'. Per the
contract: the columns are still ref, description, lead, due date, progress %, RAG and commentary
whatever their headers say; dates day-first ('March 2025' the month's last day), percentages as
numbers with the printed text in percent_raw ('60' where no sign is printed), RAG from its words.
"""

from __future__ import annotations

from ..spec import Block, C, P, PaperSpec, Sheet, T
from ._plans import Act, date_cell, expected, finished, h, pct_cell, rag_word

LAYOUT = "unusual_header_wording"


# A: docx/pdf/lo-docx: plain-English headers, order ref, action, who, by when, where are we now, RAG, %
def _braemore() -> PaperSpec:
    acts = [
        Act("1", "Set out a clear vision and priorities for the council in a new Council Plan for 2024 to 2029",
            "Chief Executive", "30/06/2024", "2024-06-30", 85, "green",
            "Consultation on the draft plan closed in April with 1,180 responses. The final plan goes to Council "
            "in June."),
        Act("2", "Agree a budget strategy that closes the funding gap over three years", "Chief Finance Officer",
            "31/03/2025", "2025-03-31", 40, "amber",
            "A gap of £9.3m remains for 2025/26. Officers are preparing options for members' budget workshops."),
        Act("3", "Introduce a programme of self-assessment for all services using a common framework",
            "Head of Performance and Improvement", "31/12/2024", "2024-12-31", 25, "red",
            "Only two services have completed a self-assessment. The framework is being simplified after "
            "feedback from managers."),
        Act("4", "Publish an annual Best Value statement setting out how the council meets its duties",
            "Head of Performance and Improvement", "30/09/2024", "2024-09-30", 10, "green",
            "Template agreed; drafting will start once year-end performance data are available."),
        Act("5", "Provide a refreshed induction and development programme for elected members",
            "Head of Democratic Services", "31/03/2024", "2024-03-31", 100, "complete",
            "All sessions delivered. Members' evaluation rated the programme 4.4 out of 5."),
        Act("6", "Agree a workforce plan that addresses recruitment difficulties in key professions",
            "Head of People", "31/10/2024", "2024-10-31", 50, "amber",
            "Hard-to-fill posts identified in social work, planning and engineering. A grow-your-own scheme "
            "is being costed."),
    ]
    rows = [h("No.", "What we said we would do", "Who is responsible", "By when", "Where are we now?",
              "How are we doing", "Completion (%)")]
    rows += [[a.ref, a.desc, a.lead, a.due_raw, a.update, rag_word(a.rag), pct_cell(a.pct)] for a in acts]
    title = "Braemore Council – Our Best Value Improvement Plan: Progress Report"
    rd = "2024-05-23"
    blocks: list[Block] = [
        P(title, "title"),
        P("Report by the Executive Director of Corporate Services to the Audit and Scrutiny Committee, "
          "23 May 2024"),
        P("Progress with the plan", "heading"),
        P("The table below shows each commitment we made in response to the Best Value report, who is "
          "responsible for it, when it is due, and how we are doing."),
        T(rows, widths=[0.5, 3.2, 1.7, 1.0, 3.8, 1.2, 1.1]),
    ]
    return PaperSpec(LAYOUT, "braemore_bv_improvement_plan_progress_2024-05", blocks, expected(title, rd, acts),
                     producers=("docx", "pdf", "lo-docx"),
                     note="plain-English headers; commentary before RAG and %; report date in prose")


# B: workbook: 'Item', 'Improvement we will make', 'Accountable Head of Service', 'Date due for completion'
#    (typed dates), 'Percentage delivered' (typed %), 'Delivery status' (RAG words), 'Latest position'
def _glenbervie() -> PaperSpec:
    acts = [
        Act("1", "Develop a ten-year capital investment strategy linked to the asset management plan",
            "Head of Finance and Procurement", "31/03/2025", "2025-03-31", 35, "amber",
            "Asset condition data collected for schools and offices; roads data still outstanding."),
        Act("2", "Adopt a corporate procurement strategy with community benefit targets",
            "Head of Finance and Procurement", "30/09/2024", "2024-09-30", 70, "green",
            "Draft strategy approved by the Corporate Management Team; goes to the Policy Committee in August."),
        Act("3", "Reduce sickness absence among council staff to the Scottish average",
            "Head of Human Resources", "31/03/2025", "2025-03-31", 20, "red",
            "Absence rose to 12.4 days per employee in 2023/24. A targeted attendance programme starts in July."),
        Act("4", "Roll out mobile working for social care and housing staff", "Head of Digital and Customer",
            "31/12/2024", "2024-12-31", 55, "green",
            "Devices issued to 210 of 380 staff. Care at home teams will follow in October."),
        Act("5", "Carry out a review of the council's arm's-length leisure trust arrangements",
            "Head of Communities", "31/08/2024", "2024-08-31", 100, "complete",
            "Review reported to Council on 13 June; new service agreement signed."),
        Act("6", "Improve the reporting of performance to the public through an online dashboard",
            "Head of Digital and Customer", "30/11/2024", "2024-11-30", 0, "not_started",
            "Work will begin once the performance management system upgrade is complete."),
    ]
    rows = [h("Item", "Improvement we will make", "Accountable Head of Service", "Date due for completion",
              "Percentage delivered", "Delivery status", "Latest position", fill="E2EFDA")]
    rows += [[a.ref, a.desc, a.lead, date_cell(a.due_raw, a.due), pct_cell(a.pct, typed=True), rag_word(a.rag),
              a.update] for a in acts]
    title = "Glenbervie Council – Best Value Improvement Actions Monitoring Return"
    rd = "2024-07-04"
    blocks: list[Block] = [
        P(title, "title"), P("Report Date: 04/07/2024"), P("Owner: Corporate Improvement Team"),
        T(rows, widths=[0.5, 3.2, 1.9, 1.3, 1.1, 1.1, 3.6]),
    ]
    return PaperSpec(LAYOUT, "glenbervie_bv_improvement_actions_2024-07", blocks, expected(title, rd, acts),
                     producers=("xlsx", "lo-xlsx"), sheets=[Sheet("Monitoring", blocks)],
                     note="headers 'Improvement we will make', 'Accountable Head of Service', 'Date due for "
                          "completion', 'Percentage delivered', 'Delivery status', 'Latest position'")


# C: docx/lo-docx: description first, ref second ('Ref.'), 'Officer accountable', 'Timescale' in months,
#    'Progress made', '% done', 'Overall assessment'
def _kinloss() -> PaperSpec:
    acts = [
        Act("A1", "Agree a single set of outcomes and measures for the Local Outcomes Improvement Plan with "
            "community planning partners", "Community Planning Manager", "March 2025", "2025-03-31", 45, "green",
            "Outcomes agreed by the partnership board. Measures are being finalised with NHS and Police "
            "colleagues."),
        Act("A2", "Establish locality partnerships in each of the four council wards",
            "Community Planning Manager", "December 2024", "2024-12-31", 50, "amber",
            "Two locality partnerships have met. Recruitment of community representatives in the others is "
            "slower than planned."),
        Act("A3", "Strengthen the partnership's approach to tackling child poverty",
            "Child Poverty Lead Officer", "June 2025", "2025-06-30", 20, "green",
            "Data on income maximisation referrals now shared across partners."),
        Act("A4", "Introduce a shared approach to community engagement with partners",
            "Head of Communities and Partnerships", "September 2024", "2024-09-30", 15, "red",
            "Work has stalled while partners agree who should lead. Escalated to the partnership board."),
        Act("A5", "Report partnership performance to the Scrutiny Committee twice a year",
            "Head of Communities and Partnerships", "April 2024", "2024-04-30", 100, "complete",
            "First report considered in April; the second is scheduled for October."),
    ]
    rows = [h("Commitment", "Ref.", "Officer accountable", "Timescale", "Progress made", "% done",
              "Overall assessment", fill="FFF2CC")]
    rows += [[a.desc, a.ref, a.lead, a.due_raw, a.update, pct_cell(a.pct), rag_word(a.rag)] for a in acts]
    title = "Kinloss Council: Community Planning – Best Value Improvement Plan Update"
    rd = "2024-08-27"
    blocks: list[Block] = [
        P(title, "title"), P("Policy and Resources Committee"), P("Report Date: 27 August 2024"),
        P("Report Number: PR/24/061"),
        T(rows, widths=[3.4, 0.6, 1.8, 1.1, 3.6, 0.8, 1.3]),
    ]
    return PaperSpec(LAYOUT, "kinloss_community_planning_bv_update_2024-08", blocks,
                     expected(title, rd, acts, report_ref="PR/24/061"), producers=("docx", "lo-docx"),
                     note="description first, ref second; 'Officer accountable', 'Timescale' (months), "
                          "'Progress made', '% done', 'Overall assessment'")


# D: workbook and reportlab PDF: 'The improvement', 'Completion expected' before 'Owner', 'Progress so far (%)'
#    as bare numbers (stored as numbers, no sign), 'Are we on track?' RAG words, 'What has happened since the
#    last report'
def _achiltibuie() -> PaperSpec:
    acts = [
        Act("1", "Agree a coastal and flood risk management plan with neighbouring councils and SEPA",
            "Head of Roads and Flooding", "31/03/2025", "2025-03-31", 40, "amber",
            "Joint officer group formed; the modelling contract was awarded six weeks later than planned.",
            sign=False),
        Act("2", "Review the harbours business plan and set charges that recover operating costs",
            "Harbours Manager", "31/10/2024", "2024-10-31", 75, "green",
            "Charges benchmarked against four other harbour authorities; new charges proposed from April.",
            sign=False),
        Act("3", "Introduce a single booking system for council halls, pitches and pavilions",
            "Head of Leisure and Culture", "30/11/2024", "2024-11-30", 100, "complete",
            "Booking system live since 30 September; 412 bookings taken online in its first month.", sign=False),
        Act("4", "Reduce the number of roads defects outstanding for more than 28 days by half",
            "Head of Roads and Flooding", "31/03/2025", "2025-03-31", 15, "red",
            "Outstanding defects rose over the summer because of two vacant inspector posts.", sign=False),
        Act("5", "Publish a revised local transport strategy after consultation with community councils",
            "Transport Planning Manager", "30/06/2025", "2025-06-30", 0, "not_started",
            "Consultation will start once the regional transport strategy is published.", sign=False),
        Act("6", "Complete the school transport route review for the new academic year",
            "Transport Planning Manager", "31/08/2024", "2024-08-31", 90, "green",
            "New routes in place for August; two rural routes still being retendered.", sign=False),
    ]
    rows = [h("Commitment no.", "The improvement", "Completion expected", "Owner", "Progress so far (%)",
              "Are we on track?", "What has happened since the last report", fill="DDEBF7")]
    rows += [[a.ref, a.desc, date_cell(a.due_raw, a.due), a.lead, C(str(a.pct), value=a.pct), rag_word(a.rag),
              a.update] for a in acts]
    title = "Achiltibuie Council – Place Services: How We Are Improving (Best Value)"
    rd = "2024-09-19"
    blocks: list[Block] = [
        P(title, "title"), P("Report Date: 19 September 2024"),
        P("This return sets out each improvement we committed to after the Best Value audit, when we expect "
          "to complete it and what has happened since the last report."),
        T(rows, widths=[0.9, 3.2, 1.2, 1.8, 1.0, 1.0, 3.6]),
    ]
    return PaperSpec(LAYOUT, "achiltibuie_place_services_bv_return_2024-09", blocks, expected(title, rd, acts),
                     producers=("xlsx", "pdf", "lo-xlsx"), sheets=[Sheet("Place Services", blocks)],
                     note="'The improvement', 'Completion expected' before 'Owner', 'Progress so far (%)' as bare "
                          "numbers, 'Are we on track?', 'What has happened since the last report'")


def variants() -> list[PaperSpec]:
    return finished([_braemore(), _glenbervie(), _kinloss(), _achiltibuie()])
