"""Layout class 'several_tables_differing': one paper with several action tables whose columns differ.

An open-actions table followed by an 'Actions completed' table with fewer columns (no % and no
RAG; a 'Status' column saying 'Complete') and a key-risks table that holds no actions; a table
per workstream, each under a heading naming it, the columns in different orders and one table
with an extra 'Service Lead' column; a workbook with 'Part A – Actions in progress' and 'Part B –
Actions completed since the last report' tables on one sheet, the second with no % or RAG and an
'Evidence of completion' column; and a workbook (also drawn by reportlab) whose second table,
'Actions added since the last report', puts the target date before the action and has no %
column, followed by an issues table. Per the contract: every action of every table is an action;
a completed-table row has rag 'complete' from its status word and no percentage (none printed:
null), its comments the status_text; a heading naming a workstream ('Workstream 2: Customer and
Digital') is the theme of the actions under it without its label, while a heading that only
sorts the actions ('Actions completed', 'Part B – ...') is no theme; 'Service Lead' is
service_lead ('-' null); a risks or issues table holds no actions.
"""

from __future__ import annotations

from ..spec import Block, C, P, PaperSpec, Sheet, T
from ._plans import Act, date_cell, expected, finished, h, pct_cell, rag_word

LAYOUT = "several_tables_differing"


# A: docx/pdf/lo-docx: open actions (7 columns), then 'Actions completed' (6 columns, no %/RAG), then key risks
def _drumoak() -> PaperSpec:
    open_acts = [
        Act("3", "Develop a corporate workforce plan covering the next five years", "Head of HR and OD",
            "31/03/2025", "2025-03-31", 55, "green",
            "Directorate workforce profiles complete; plan to the Corporate Management Team in February."),
        Act("5", "Introduce a leadership development programme for senior managers", "Head of HR and OD",
            "30/06/2025", "2025-06-30", 20, "amber",
            "Programme designed with the Improvement Service; funding for the second cohort not yet agreed."),
        Act("6", "Reduce the use of agency staff in social care by 25%", "Head of Adult Social Care",
            "31/03/2025", "2025-03-31", 10, "red", "Agency spend has risen by 8% in the first half of the year."),
        Act("8", "Roll out a new performance appraisal scheme to all staff", "Head of HR and OD", "31/12/2024",
            "2024-12-31", 65, "green", "Scheme launched in September; 58% of appraisals recorded."),
    ]
    done_acts = [
        Act("1", "Agree a refreshed set of organisational values with staff", "Chief Executive", "30/06/2024",
            "2024-06-30", None, "complete", "Values launched at the staff conference in June."),
        Act("2", "Carry out an all-staff survey and publish the results", "Head of HR and OD", "31/07/2024",
            "2024-07-31", None, "complete", "Survey completed by 3,105 staff (52%); results published in July."),
        Act("4", "Agree a hybrid working policy with the trade unions", "Head of HR and OD", "31/05/2024",
            "2024-05-31", None, "complete", "Policy agreed at the Joint Consultative Committee in May."),
        Act("7", "Review the council's job evaluation scheme", "HR Manager", "30/09/2024", "2024-09-30", None,
            "complete", "Review complete; no change to the scheme needed."),
    ]
    open_rows = [h("Ref", "Action", "Lead Officer", "Target Date", "% Complete", "RAG", "Progress Update")]
    open_rows += [[a.ref, a.desc, a.lead, a.due_raw, pct_cell(a.pct), rag_word(a.rag), a.update] for a in open_acts]
    done_rows = [h("Ref", "Action", "Lead Officer", "Target Date", "Status", "Comments", fill="E2EFDA")]
    done_rows += [[a.ref, a.desc, a.lead, a.due_raw, "Complete", a.update] for a in done_acts]
    risk_rows: list[list[C | str]] = [h("Risk", "Likelihood", "Impact", "Owner", "Mitigation", fill="F2F2F2"),
                 ["Difficulty recruiting to social care posts delays the reduction in agency staff", "High", "High",
                  "Head of Adult Social Care", "Targeted recruitment campaign and a review of pay grades."],
                 ["Budget pressures limit investment in leadership development", "Medium", "Medium",
                  "Head of HR and OD", "Seek external funding and share programmes with neighbouring councils."]]
    title = "Drumoak Council – Best Value Action Plan: Workforce and Leadership"
    rd = "2024-11-12"
    blocks: list[Block] = [
        P(title, "title"), P("Report Date: 12 November 2024"),
        P("Open actions", "heading"),
        T(open_rows, widths=[0.5, 3.3, 1.8, 1.1, 1.0, 1.0, 3.8]),
        P("Actions completed", "heading"),
        P("The following actions have been completed and will be removed from future reports."),
        T(done_rows, widths=[0.5, 3.6, 1.8, 1.1, 1.1, 4.4]),
        P("Key risks", "heading"),
        T(risk_rows, widths=[3.4, 1.0, 0.9, 1.8, 3.6]),
    ]
    return PaperSpec(LAYOUT, "drumoak_bv_workforce_action_plan_2024-11", blocks,
                     expected(title, rd, open_acts + done_acts), producers=("docx", "pdf", "lo-docx"),
                     note="open actions table; completed table without % and RAG (Status 'Complete'); risks table")


# B: docx/lo-docx: a table per workstream under a 'Workstream n: ...' heading; columns in different orders,
#    one table with a Service Lead column
def _invergarry() -> PaperSpec:
    W1, W2, W3 = "Financial Sustainability", "Customer and Digital", "Community Empowerment"
    w1 = [
        Act("1.1", "Deliver the savings approved in the 2024/25 budget", "Chief Finance Officer", "31/03/2025",
            "2025-03-31", 60, "amber", "£5.2m of £8.0m delivered; the balance is forecast but at risk.", theme=W1),
        Act("1.2", "Review the council's treasury management strategy", "Chief Finance Officer", "31/12/2024",
            "2024-12-31", 90, "green", "Revised strategy to the Audit Committee in December.", theme=W1),
        Act("1.3", "Set up a capital investment board to prioritise projects", "Head of Finance", "30/09/2024",
            "2024-09-30", 100, "complete", "Board established and meeting monthly.", theme=W1),
    ]
    w2 = [
        Act("2.1", "Launch a customer account for online council services", "Head of Customer Services",
            "31/01/2025", "2025-01-31", 45, "amber", "Customer account in testing; launch moved to January.",
            theme=W2),
        Act("2.2", "Digitise the remaining paper-based HR processes", "Head of Digital", "31/03/2025", "2025-03-31",
            30, "green", "Leave and overtime claims now online.", theme=W2),
    ]
    w3 = [
        Act("3.1", "Support community groups to take on the running of local assets",
            "Head of Communities", "31/03/2025", "2025-03-31", 40, "green",
            "Two halls transferred; three further requests being assessed.", theme=W3,
            service="Community Development Manager"),
        Act("3.2", "Introduce participatory budgeting for the town centre fund", "Head of Communities",
            "30/11/2024", "2024-11-30", 70, "green", "Voting event held in October with 1,460 votes cast.",
            theme=W3, service="Regeneration Officer"),
        Act("3.3", "Agree locality plans with the two community councils in the west", "Head of Communities",
            "31/12/2024", "2024-12-31", 15, "red",
            "One community council has not met since June; engagement is being rearranged.", theme=W3,
            service="-"),
    ]
    rows1 = [h("Ref", "Action", "Lead Officer", "Target Date", "% Complete", "RAG", "Update")]
    rows1 += [[a.ref, a.desc, a.lead, a.due_raw, pct_cell(a.pct), rag_word(a.rag), a.update] for a in w1]
    rows2 = [h("Ref", "Action", "Lead Officer", "Due Date", "RAG", "% Complete", "Update")]
    rows2 += [[a.ref, a.desc, a.lead, a.due_raw, rag_word(a.rag), pct_cell(a.pct), a.update] for a in w2]
    rows3 = [h("Ref", "Action", "Lead Officer", "Service Lead", "Target Date", "% Complete", "RAG", "Update")]
    rows3 += [[a.ref, a.desc, a.lead, a.service or "", a.due_raw, pct_cell(a.pct), rag_word(a.rag), a.update]
              for a in w3]
    t1 = T(rows1, widths=[0.5, 3.4, 1.8, 1.1, 1.0, 1.0, 3.8])
    t2 = T(rows2, widths=[0.5, 3.4, 1.8, 1.1, 1.0, 1.0, 3.8])
    t3 = T(rows3, widths=[0.5, 3.0, 1.6, 1.7, 1.1, 1.0, 1.0, 3.2])
    title = "Invergarry Council – Transformation Programme: Best Value Progress Report"
    rd = "2024-11-26"
    blocks: list[Block] = [
        P(title, "title"), P("Report Date: 26/11/2024"),
        P("Progress is reported for each of the programme's three workstreams."),
        P(f"Workstream 1: {W1}", "heading"), t1,
        P(f"Workstream 2: {W2}", "heading"), t2,
        P(f"Workstream 3: {W3}", "heading"), t3,
    ]
    return PaperSpec(LAYOUT, "invergarry_transformation_bv_progress_2024-11", blocks,
                     expected(title, rd, w1 + w2 + w3), producers=("docx", "lo-docx"),
                     note="a table per workstream under a heading; column order differs; one table with a Service "
                          "Lead column")


# C: workbook: 'Part A – actions in progress' table and 'Part B – actions completed since the last report' table
#    (fewer columns) on one sheet, typed dates and %
def _kincraig() -> PaperSpec:
    open_acts = [
        Act("2", "Prepare a climate change adaptation plan for council services", "Sustainability Manager",
            "31/03/2025", "2025-03-31", 35, "amber", "Risk assessment complete for 6 of 11 services."),
        Act("3", "Reduce the council's own carbon emissions by 8% a year", "Sustainability Manager", "31/03/2025",
            "2025-03-31", 50, "green", "Emissions down 9.1% in 2023/24."),
        Act("5", "Develop a local heat and energy efficiency strategy", "Energy Manager", "31/12/2024",
            "2024-12-31", 75, "green", "Strategy drafted; consultation in November."),
        Act("6", "Expand the public electric vehicle charging network", "Transport Planning Manager", "30/09/2025",
            "2025-09-30", 20, "red", "Grant funding for phase 2 is not yet confirmed."),
    ]
    done_acts = [
        Act("1", "Appoint a climate change lead officer", "Head of Environment", "30/04/2024", "2024-04-30", None,
            "complete", "Sustainability Manager appointed in April."),
        Act("4", "Report annual emissions under the public bodies climate change duties", "Sustainability Manager",
            "30/11/2024", "2024-11-30", None, "complete", "Report submitted to the Sustainable Scotland Network."),
    ]
    a_rows = [h("Ref", "Action", "Lead Officer", "Target Date", "% Complete", "RAG", "Progress", fill="DDEBF7")]
    a_rows += [[a.ref, a.desc, a.lead, date_cell(a.due_raw, a.due), pct_cell(a.pct, typed=True), rag_word(a.rag),
                a.update] for a in open_acts]
    b_rows = [h("Ref", "Action", "Lead Officer", "Target Date", "Status", "Evidence of completion", fill="E2EFDA")]
    b_rows += [[a.ref, a.desc, a.lead, date_cell(a.due_raw, a.due), "Complete", a.update] for a in done_acts]
    title = "Kincraig Council – Climate Change Best Value Actions Tracker"
    rd = "2024-12-03"
    blocks: list[Block] = [
        P(title, "title"), P("Report Date: 03/12/2024"),
        P("Part A – Actions in progress", "heading"),
        T(a_rows, widths=[0.5, 3.3, 1.9, 1.1, 1.0, 1.0, 3.6]),
        P("Part B – Actions completed since the last report", "heading"),
        T(b_rows, widths=[0.5, 3.3, 1.9, 1.1, 1.0, 4.6]),
    ]
    return PaperSpec(LAYOUT, "kincraig_climate_bv_actions_tracker_2024-12", blocks,
                     expected(title, rd, open_acts + done_acts), producers=("xlsx", "lo-xlsx"),
                     sheets=[Sheet("Tracker", blocks)],
                     note="two tables on one sheet under 'Part A'/'Part B' headings; the second has no % and no RAG")


# D: workbook and reportlab PDF: the plan's actions, then 'Actions added since the last report' with the target
#    date before the action and no % column, then an issues table (no actions)
def _lochcarron() -> PaperSpec:
    plan = [
        Act("1", "Complete a review of the council's scheme of delegation to officers", "Head of Legal Services",
            "31/12/2024", "2024-12-31", 70, "green", "Draft scheme considered by the member officer working group."),
        Act("2", "Introduce a corporate performance management framework", "Head of Policy and Performance",
            "31/03/2025", "2025-03-31", 45, "amber",
            "Framework agreed; the performance system will not be ready until February."),
        Act("3", "Strengthen the Audit Committee by appointing an independent lay member",
            "Head of Legal Services", "30/09/2024", "2024-09-30", 100, "complete",
            "Lay member appointed and attended the September meeting."),
        Act("4", "Publish a budget consultation with options for each service", "Head of Finance",
            "30/11/2024", "2024-11-30", 25, "red",
            "Consultation delayed until the draft settlement is known; it will now open in January."),
    ]
    added = [
        Act("5", "Report the findings of the staff survey and the resulting action plan to the committee",
            "Head of People and Culture", "28/02/2025", "2025-02-28", None, "green",
            "Survey closed with a 47% response rate; results being analysed by directorate."),
        Act("6", "Agree a protocol for member and officer relations", "Head of Legal Services", "31/03/2025",
            "2025-03-31", None, "not_started", "To be drafted after the scheme of delegation is approved."),
        Act("7", "Review the council's arrangements for responding to Freedom of Information requests",
            "Information Governance Manager", "31/01/2025", "2025-01-31", None, "amber",
            "Response times improving but still below the 95% target."),
    ]
    plan_rows = [h("Ref", "Action", "Lead Officer", "Target Date", "% Complete", "RAG", "Update", fill="DEEAF6")]
    plan_rows += [[a.ref, a.desc, a.lead, date_cell(a.due_raw, a.due), pct_cell(a.pct, typed=True),
                   rag_word(a.rag), a.update] for a in plan]
    added_rows = [h("Ref", "Target Date", "Action", "Lead Officer", "RAG", "Comments", fill="FFF2CC")]
    added_rows += [[a.ref, date_cell(a.due_raw, a.due), a.desc, a.lead, rag_word(a.rag), a.update] for a in added]
    issue_rows: list[list[C | str]] = [h("Issue", "Owner", "Response", fill="F2F2F2"),
                  ["The performance system supplier has delayed delivery of the reporting module",
                   "Head of Policy and Performance", "Interim reports will be produced from service spreadsheets."],
                  ["Two posts in Legal Services remain vacant after a second recruitment round",
                   "Head of Legal Services", "Agency cover agreed until March; the posts are being regraded."]]
    title = "Lochcarron Council – Governance Best Value Action Plan: Monitoring Report"
    rd = "2024-12-10"
    blocks: list[Block] = [
        P(title, "title"), P("Report Date: 10/12/2024"),
        P("Action plan", "heading"),
        T(plan_rows, widths=[0.5, 3.3, 1.9, 1.1, 1.0, 1.0, 3.6]),
        P("Actions added since the last report", "heading"),
        T(added_rows, widths=[0.5, 1.1, 3.6, 1.9, 1.1, 4.2]),
        P("Issues for the committee's attention", "heading"),
        T(issue_rows, widths=[4.0, 2.0, 4.4]),
    ]
    return PaperSpec(LAYOUT, "lochcarron_governance_bv_monitoring_2024-12", blocks,
                     expected(title, rd, plan + added), producers=("xlsx", "pdf", "lo-xlsx"),
                     sheets=[Sheet("Monitoring", blocks)],
                     note="a second table with the target date before the action and no % column; an issues table")


def variants() -> list[PaperSpec]:
    return finished([_drumoak(), _invergarry(), _kincraig(), _lochcarron()])
