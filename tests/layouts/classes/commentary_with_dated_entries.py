"""Layout class 'commentary_with_dated_entries': commentary cells that keep a running log of dated
entries, one entry a paragraph, with a column of decisions asked of the committee and the
percentage written with words or a space.

A document whose 'Progress Commentary' holds bulleted 'Sept 24:' / 'Nov 24:' entries, oldest first,
the percentage written '75% complete'; a document with theme rows whose 'Update Log (latest first)'
holds '12/11/24 – ...' entries newest first, the percentage '50 %'; a workbook whose 'Commentary'
cells hold '▪ Sep-24:' entries on lines of one cell, percentages typed as text ('60% done') beside a
dated 'Progress at 30/09/2024' column; and a document, also drawn by reportlab, whose 'Updates'
entries are headed '[January 2025]', '[November 2024]' on lines of their own, over a 'Committee
Action' column. Per the contract, status_text is the cell's text, paragraphs joined by one space,
bullets and markup removed, whitespace collapsed: the whole log, every entry with its date, in the
printed order (a date inside a cell is no dated progress column: only a column header's date makes
a snapshot); decisions is the decisions cell's text, likewise; percent_complete is the number
('75% complete' gives 75) and percent_raw the text as printed, all at the report date.
"""

from __future__ import annotations

from ..spec import Block, Expected, P, PaperSpec, Sheet, T
from ._plans import Act, date_cell, expected, finished, h, pct_cell, rag_fill, rag_word, theme_row

LAYOUT = "commentary_with_dated_entries"


def _raw(a: Act, fmt: str) -> None:
    """Print the percentage as ``fmt`` ('{}% complete'); percent_raw is that text."""
    a.x["pct_text"] = fmt.format(a.pct)


def _expect(title: str, rd: str, acts: list[Act]) -> Expected:
    e = expected(title, rd, acts)
    for a, ea in zip(acts, e.actions, strict=True):
        if "pct_text" in a.x:
            ea.snapshots[-1].percent_raw = a.x["pct_text"]
    return e


# A: docx/pdf/lo-docx: 'Progress Commentary' with bulleted 'Sept 24:' / 'Nov 24:' entries (oldest first),
#    '% Complete' written '75% complete', RAG word, 'Decisions Required' column
def _tarland() -> PaperSpec:
    acts = [
        Act("1", "Agree a refreshed council plan and performance framework", "Chief Executive", "31/03/2025",
            "2025-03-31", 75, "green",
            "• Sept 24: Draft priorities agreed at the members' seminar.\n"
            "• Nov 24: Performance framework drafted with 42 indicators.\n"
            "• Jan 25: Consultation with partners closed on 10 January.",
            decisions="Committee is asked to note progress."),
        Act("2", "Strengthen the council's approach to workforce planning", "Head of HR", "30/06/2025",
            "2025-06-30", 40, "amber",
            "• Sept 24: Workforce data dashboard developed.\n"
            "• Nov 24: Two directorate plans received; others delayed by restructures.",
            decisions="Agree an extension of the target date to 30 June 2025 (previously 31 March 2025)."),
        Act("3", "Deliver the digital strategy's first-year actions", "Head of Digital", "31/03/2025",
            "2025-03-31", 60, "green",
            "• Sept 24: Website migration complete.\n"
            "• Oct 24: Online payments extended to parking fines.\n"
            "• Jan 25: Chatbot pilot under way for council tax queries.",
            decisions="None."),
        Act("4", "Review the council's arrangements for managing capital projects", "Chief Finance Officer",
            "31/12/2024", "2024-12-31", 100, "complete",
            "• Sept 24: Gateway review process drafted.\n"
            "• Dec 24: Process approved by the Capital Board and in use.",
            decisions="Agree that this action is closed."),
        Act("5", "Improve the timeliness of responses to councillor enquiries", "Head of Customer Services",
            "28/02/2025", "2025-02-28", 25, "red",
            "• Nov 24: New case system for member enquiries procured.\n"
            "• Jan 25: Only 58% of enquiries answered within 10 working days.",
            decisions="Note the risk to delivery; a recovery plan will come to the next meeting."),
    ]
    for a in acts:
        _raw(a, "{}% complete")
    rows = [h("No.", "Action", "Lead", "Target Date", "% Complete", "RAG", "Progress Commentary",
              "Decisions Required")]
    rows += [[a.ref, a.desc, a.lead, a.due_raw, a.x["pct_text"], rag_word(a.rag), a.update, a.decisions]
             for a in acts]
    title = "Tarland Council – Best Value Action Plan: Progress to January 2025"
    rd = "2025-01-28"
    blocks: list[Block] = [P(title, "title"), P("Report Date: 28/01/2025"),
              P("The commentary for each action records each update in date order, the latest last."),
              T(rows, widths=[0.4, 2.4, 1.3, 1.0, 1.0, 0.9, 4.2, 2.4])]
    return PaperSpec(LAYOUT, "tarland_bv_action_plan_progress_2025-01", blocks, _expect(title, rd, acts),
                     producers=("docx", "pdf", "lo-docx"),
                     note="bulleted 'Sept 24:' entries in the commentary; '75% complete'; decisions column")


# B: docx/pdf/lo-docx: theme rows; 'Update Log' with '12/11/24 – ...' entries, newest first, not bulleted;
#    percent as '75 %'; a 'Decision / Support Needed' column; columns reordered (the % after the log)
def _edzell() -> PaperSpec:
    T1, T2 = "Governance and Scrutiny", "Community Engagement"
    acts = [
        Act("1a", "Introduce pre-decision scrutiny of major budget proposals", "Head of Democratic Services",
            "31/03/2025", "2025-03-31", 50, "amber",
            "14/01/25 – Scrutiny panel met twice on the budget proposals.\n"
            "12/11/24 – Terms of reference agreed by the Scrutiny Committee.\n"
            "03/09/24 – Options paper considered by group leaders.",
            theme=T1, decisions="Approve the panel's terms of reference (Appendix 2)."),
        Act("1b", "Publish committee papers at least seven days before each meeting", "Committee Services Manager",
            "31/12/2024", "2024-12-31", 90, "green",
            "09/01/25 – 17 of 19 committees met the seven-day standard.\n"
            "05/11/24 – New publishing timetable in use.",
            theme=T1, decisions="No decision needed."),
        Act("1c", "Review the Audit Committee's effectiveness against CIPFA guidance", "Chief Internal Auditor",
            "30/04/2025", "2025-04-30", 20, "green",
            "20/12/24 – Self-assessment questionnaire issued to members.",
            theme=T1, decisions="Members to complete the questionnaire by 14 February."),
        Act("2a", "Set up locality forums in each of the four areas", "Communities Manager", "30/06/2025",
            "2025-06-30", 35, "amber",
            "16/01/25 – Two forums met; venues agreed for the other two.\n"
            "28/10/24 – Forum membership agreed with community councils.",
            theme=T2, decisions="Agree the forums' funding of £20,000 each for 2025/26."),
        Act("2b", "Publish a 'you said, we did' report after every consultation", "Consultation Officer",
            "31/03/2025", "2025-03-31", 10, "red",
            "13/01/25 – Template agreed, but no reports yet published.\n"
            "19/11/24 – Staff vacancy has delayed this work.",
            theme=T2, decisions="Note the delay."),
    ]
    for a in acts:
        _raw(a, "{} %")
    rows = [h("Ref", "Action", "Responsible Officer", "Target Date", "Update Log (latest first)", "% Complete",
              "RAG Status", "Decision / Support Needed", fill="E2EFDA")]
    last = None
    for a in acts:
        if a.theme != last:
            rows.append(theme_row(f"Theme {[T1, T2].index(a.theme or '') + 1}: {a.theme}", 8, fill="F2F2F2"))
            last = a.theme
        rows.append([a.ref, a.desc, a.lead, a.due_raw, a.update, a.x["pct_text"], rag_fill(a.rag,
                     {"red": "Red", "amber": "Amber", "green": "Green", "complete": "Complete"}[a.rag]),
                     a.decisions])
    title = "Edzell Council – Best Value Improvement Plan Monitoring Report"
    rd = "2025-01-30"
    blocks: list[Block] = [P(title, "title"), P("Report Date: 30 January 2025"),
              T(rows, widths=[0.4, 2.4, 1.4, 1.0, 4.2, 1.0, 0.9, 2.3])]
    return PaperSpec(LAYOUT, "edzell_bv_improvement_plan_monitoring_2025-01", blocks, _expect(title, rd, acts),
                     producers=("docx", "pdf", "lo-docx"),
                     note="update log with dd/mm/yy entries newest first; '50 %'; decisions column; theme rows")


# C: workbook: 'Commentary' cells with '▪ Sep-24:' entries (line breaks in one cell), percentages as text
#    ('60% done' / '100% complete'), a 'Decision required' column, dated 'Progress at 30/09/2024' column
def _strathdon() -> PaperSpec:
    acts = [
        Act("BV1", "Prepare a long-term financial plan to 2034/35", "Chief Finance Officer", "31/03/2025",
            "2025-03-31", 60, "amber",
            "▪ Sep-24: Scenario modelling completed.\n"
            "▪ Nov-24: Plan shows a cumulative gap of £31m by 2034/35.\n"
            "▪ Jan-25: Savings themes being tested with members.",
            decisions="Agree the savings themes for public consultation.", earlier={"2024-09-30": 30}),
        Act("BV2", "Introduce a corporate approach to self-evaluation", "Head of Performance", "30/06/2025",
            "2025-06-30", 45, "green",
            "▪ Sep-24: Framework based on the PSIF model agreed.\n"
            "▪ Dec-24: Four services have completed self-evaluations.",
            decisions="", earlier={"2024-09-30": 20}),
        Act("BV3", "Rationalise the council's office accommodation", "Head of Property", "31/12/2025",
            "2025-12-31", 25, "red",
            "▪ Oct-24: Occupancy study found offices 38% used.\n"
            "▪ Dec-24: Closure of Bank Street office put on hold pending staff consultation.",
            decisions="Agree to consult staff on closing Bank Street office.", earlier={"2024-09-30": 15}),
        Act("BV4", "Refresh the council's risk management strategy", "Chief Internal Auditor", "30/11/2024",
            "2024-11-30", 100, "complete",
            "▪ Sep-24: Draft strategy to Audit Committee.\n"
            "▪ Nov-24: Strategy approved; risk registers updated.",
            decisions="", earlier={"2024-09-30": 70}),
        Act("BV5", "Develop a community wealth building action plan", "Economic Development Manager",
            "31/03/2025", "2025-03-31", 50, "green",
            "▪ Oct-24: Anchor institutions' charter drafted.\n"
            "▪ Jan-25: Local spend with small suppliers up to 31%.",
            decisions="Note progress.", earlier={"2024-09-30": 35}),
    ]
    words = {"BV4": "{}% complete"}
    for a in acts:
        _raw(a, words.get(a.ref, "{}% done"))
    rows = [h("Ref", "Action", "Lead Officer", "Target Date", "Progress at 30/09/2024", "Progress Now", "RAG",
              "Commentary", "Decision required", fill="DDEBF7")]
    rows += [[a.ref, a.desc, a.lead, date_cell(a.due_raw, a.due), pct_cell(a.earlier["2024-09-30"], typed=True),
              a.x["pct_text"], rag_word(a.rag), a.update, a.decisions] for a in acts]
    title = "Strathdon Council – Best Value Action Plan Monitoring"
    rd = "2025-02-04"
    blocks: list[Block] = [P(title, "title"), P("Report Date: 04/02/2025"),
              T(rows, widths=[0.5, 2.6, 1.5, 1.0, 1.0, 1.0, 0.9, 4.0, 2.2])]
    for a in acts:  # a blank decisions cell is no decision
        a.decisions = a.decisions or None
    return PaperSpec(LAYOUT, "strathdon_bv_action_plan_monitoring_2025-02", blocks, _expect(title, rd, acts),
                     producers=("xlsx", "lo-xlsx"), sheets=[Sheet("Monitoring", blocks)],
                     note="commentary with '▪ Sep-24:' entries in one cell; '60% done' text percentages; dated "
                          "earlier column; decisions column")


# D: docx/pdf/lo-docx: 'Updates' with each entry headed by its month in brackets on a line of its own
#    ('[January 2025]'), newest first; a 'Committee Action' column; percentages plain ('40%'); RAG as fill
def _tyndrum() -> PaperSpec:
    acts = [
        Act("4.1", "Reduce the number of children in external residential placements", "Head of Children's Services",
            "31/03/2025", "2025-03-31", 40, "amber",
            "[January 2025]\nTwo young people returned to placements within the council area.\n"
            "[November 2024]\nTwenty-three children placed externally, against a target of 15.",
            decisions="Note the increase in costs reported in the budget monitoring."),
        Act("4.2", "Recruit an additional 12 foster carers", "Fostering Team Manager", "31/12/2025", "2025-12-31",
            35, "green",
            "[January 2025]\nFour carers approved at panel; three more assessments under way.\n"
            "[October 2024]\nRecruitment campaign launched with local radio.",
            decisions="None required."),
        Act("4.3", "Open a second family support hub", "Early Intervention Manager", "30/09/2025", "2025-09-30", 15,
            "red",
            "[December 2024]\nThe preferred building needs works costing more than budgeted; other sites being "
            "considered.",
            decisions="Agree to use £85,000 from the transformation fund for the building works."),
        Act("4.4", "Publish a corporate parenting plan for 2024 to 2027", "Head of Children's Services",
            "30/11/2024", "2024-11-30", 100, "complete",
            "[November 2024]\nPlan approved by Council on 28 November.\n"
            "[September 2024]\nCare-experienced young people helped to write the plan.",
            decisions="Agree to close this action."),
        Act("4.5", "Cut waiting times for child and adolescent mental health assessments", "Health and Social Care "
            "Partnership Service Manager", "31/03/2026", "2026-03-31", 25, "amber",
            "[January 2025]\n68% of young people seen within 18 weeks (target 90%).",
            decisions="Note progress."),
    ]
    rows = [h("Ref", "Action", "Lead Officer", "Target Date", "% Complete", "RAG", "Updates (latest first)",
              "Committee Action", fill="FFF2CC")]
    rows += [[a.ref, a.desc, a.lead, a.due_raw, pct_cell(a.pct), rag_fill(a.rag), a.update, a.decisions or ""]
             for a in acts]
    title = "Tyndrum Council – Children's Services Best Value Action Plan: Progress Report"
    rd = "2025-02-20"
    blocks: list[Block] = [P(title, "title"), P("Report Date: 20/02/2025"),
                           P("RAG: red – off track; amber – at risk; green – on track; blue – complete. Each update "
                             "is headed by the month it was written in."),
                           T(rows, widths=[0.4, 2.6, 1.5, 1.0, 0.9, 0.6, 4.2, 2.4])]
    return PaperSpec(LAYOUT, "tyndrum_childrens_bv_action_plan_progress_2025-02", blocks, _expect(title, rd, acts),
                     producers=("docx", "pdf", "lo-docx"),
                     note="updates headed '[January 2025]' on lines of their own, newest first; decisions column; "
                          "RAG as fill")


def variants() -> list[PaperSpec]:
    return finished([_tarland(), _edzell(), _strathdon(), _tyndrum()])
