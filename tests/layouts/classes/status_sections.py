"""Layout class 'status_sections': one action table divided by full-width status rows, with the plan's
real theme rows (recommendations, workstreams) nested inside them or around them.

A document whose merged dark rows 'COMPLETED ACTIONS', 'ACTIONS IN PROGRESS', 'NOT YET STARTED' each
hold 'Recommendation n:' rows (a recommendation repeated under several sections); a document with
merged 'Workstream A –' rows over unmerged, shaded status sub-headings ('Completed', 'In progress')
in the Action column, the RAG column first; a workbook whose sections are named and filled by RAG
('RED – OFF TRACK', 'COMPLETE') over 'BVAR Recommendation n:' rows, a blank row before each
section; and a document, also drawn by reportlab, whose status rows carry a count ('Behind schedule
(2 actions)') over a 'Theme' column, the RAG a letter on its fill. Per the contract, theme is the
recommendation or workstream heading an action sits under, without its label: a status row only
sorts the actions by progress and names no recommendation or workstream, so it is no theme and no
action; an action's theme is the nearest recommendation or workstream row above it (or its Theme
cell), and its rag the action row's own RAG word, letter or fill.
"""

from __future__ import annotations

from ..spec import Block, C, P, PaperSpec, Sheet, T
from ._plans import Act, date_cell, expected, finished, h, pct_cell, rag_fill, rag_word, theme_row

LAYOUT = "status_sections"


# A: docx/pdf/lo-docx: merged dark status rows at the top level; merged 'Recommendation n:' rows nested
#    inside each status section (a recommendation repeated under several sections)
def _ballachulish() -> PaperSpec:
    R1 = "The council should agree a clear long-term vision and align its plans to it"
    R2 = "The council should strengthen its approach to financial planning"
    R3 = "The council should improve how it involves communities in decisions"
    done = [
        Act("1.1", "Agree a council vision and five strategic outcomes with elected members", "Chief Executive",
            "30/06/2024", "2024-06-30", 100, "complete", "Vision approved by Council on 20 June 2024.", theme=R1),
        Act("1.3", "Publish a plain-English summary of the council plan", "Head of Communications",
            "30/09/2024", "2024-09-30", 100, "complete", "Summary published online and in libraries.", theme=R1),
        Act("2.2", "Introduce quarterly budget monitoring reports to the Policy Committee",
            "Chief Finance Officer", "31/08/2024", "2024-08-31", 100, "complete",
            "First quarterly report considered on 29 August.", theme=R2),
    ]
    doing = [
        Act("1.2", "Align service plans to the five strategic outcomes", "Head of Policy and Performance",
            "31/03/2025", "2025-03-31", 60, "green",
            "Eleven of eighteen service plans now aligned; the rest will follow the budget.", theme=R1),
        Act("2.1", "Prepare a medium-term financial strategy to 2029/30", "Chief Finance Officer", "28/02/2025",
            "2025-02-28", 70, "amber", "Draft strategy shows a gap of £14.6m; savings options still being costed.",
            theme=R2),
        Act("2.3", "Develop a savings programme to close the budget gap", "Chief Finance Officer", "31/03/2025",
            "2025-03-31", 35, "red", "Only £3.9m of savings identified so far against a £7.5m target.", theme=R2),
        Act("3.1", "Adopt a community engagement framework", "Communities Manager", "31/01/2025", "2025-01-31",
            50, "green", "Framework drafted with the Third Sector Interface.", theme=R3),
    ]
    todo = [
        Act("3.2", "Pilot participatory budgeting in two localities", "Communities Manager", "30/09/2025",
            "2025-09-30", 0, "not_started", "Due to start once the framework is adopted.", theme=R3),
        Act("3.3", "Report annually on how community views shaped decisions", "Head of Policy and Performance",
            "31/12/2025", "2025-12-31", 0, "not_started", "First report planned for December 2025.", theme=R3),
    ]
    n = 7
    rows = [h("Ref", "Action", "Lead Officer", "Target Date", "% Complete", "RAG", "Progress Update")]
    themes = [R1, R2, R3]
    for label, acts in (("COMPLETED ACTIONS", done), ("ACTIONS IN PROGRESS", doing), ("NOT YET STARTED", todo)):
        rows.append([C(label, colspan=n, bold=True, fill="1F3864", font_colour="FFFFFF")])
        last = None
        for a in acts:
            if a.theme != last:
                rows.append(theme_row(f"Recommendation {themes.index(a.theme or '') + 1}: {a.theme}", n))
                last = a.theme
            rows.append([a.ref, a.desc, a.lead, a.due_raw, pct_cell(a.pct), rag_word(a.rag), a.update])
    title = "Ballachulish Council – Best Value Action Plan: Progress Report"
    rd = "2024-11-21"
    blocks: list[Block] = [P(title, "title"), P("Report Date: 21/11/2024"),
              P("Actions are grouped by their progress: those completed, those in progress and those not yet "
                "started. Within each group they are listed under the recommendation they respond to."),
              T(rows, widths=[0.5, 3.2, 1.8, 1.1, 1.0, 1.0, 3.8])]
    return PaperSpec(LAYOUT, "ballachulish_bv_action_plan_progress_2024-11", blocks,
                     expected(title, rd, done + doing + todo), producers=("docx", "pdf", "lo-docx"),
                     note="merged status rows at the top level, 'Recommendation n:' rows nested in each")


# B: docx/pdf/lo-docx: merged 'Workstream A –' rows at the top; status sub-headings NOT merged: bold text in
#    the Action column ('Completed', 'In progress', 'Not yet started'), the other cells blank, the row shaded
#    grey; columns in a different order (RAG first, as a fill with the word)
def _dalwhinnie() -> PaperSpec:
    WA, WB = "Workforce and Culture", "Digital Services"
    acts = {
        WA: {
            "Completed": [
                Act("A1", "Carry out an all-staff survey and share the results with every team", "Head of People",
                    "31/05/2024", "2024-05-31", 100, "complete", "Survey closed with a 48% response; team results "
                    "issued in May."),
            ],
            "In progress": [
                Act("A2", "Agree a workforce plan for hard-to-fill posts", "Head of People", "31/03/2025",
                    "2025-03-31", 45, "amber", "Plans agreed for social work and planning; roads and ICT to follow."),
                Act("A4", "Launch a leadership programme for third-tier managers", "Organisational Development "
                    "Manager", "30/04/2025", "2025-04-30", 30, "green",
                    "First cohort of 22 managers started in October."),
            ],
            "Not yet started": [
                Act("A3", "Review the council's flexible working policy with the trade unions", "Head of People",
                    "30/06/2025", "2025-06-30", 0, "not_started", "Scheduled to start after the pay settlement."),
            ],
        },
        WB: {
            "Completed": [
                Act("B2", "Move the council's website to a new content management system", "Digital Manager",
                    "31/07/2024", "2024-07-31", 100, "complete", "New site went live on 15 July."),
            ],
            "In progress": [
                Act("B1", "Put the twenty most requested services online", "Digital Manager", "31/12/2024",
                    "2024-12-31", 65, "green", "Thirteen services now online, including bulky uplifts and "
                    "pest control."),
                Act("B3", "Replace the social care case management system", "Head of ICT", "31/10/2025",
                    "2025-10-31", 15, "red", "Preferred supplier withdrew; procurement to be rerun."),
            ],
            "Not yet started": [],
        },
    }
    rows = [h("RAG", "No.", "Action", "Owner", "Due", "Progress", "% Done", fill="E7E6E6")]
    flat_acts: list[Act] = []
    for k, (theme, groups) in enumerate(acts.items()):
        rows.append(theme_row(f"Workstream {'AB'[k]} – {theme}", 7, fill="C5E0B3"))
        for status, group in groups.items():
            if not group:
                continue
            rows.append([C("", fill="EDEDED"), C("", fill="EDEDED"), C(status, bold=True, fill="EDEDED"),
                         *[C("", fill="EDEDED") for _ in range(4)]])
            for a in group:
                a.theme = theme
                rows.append([rag_word(a.rag), a.ref, a.desc, a.lead, a.due_raw, a.update, pct_cell(a.pct)])
                flat_acts.append(a)
    title = "Dalwhinnie Council: Best Value Improvement Plan Update"
    rd = "2024-12-05"
    blocks: list[Block] = [P(title, "title"), P("Report Date: 5 December 2024"),
              P("For each workstream, actions are shown as completed, in progress or not yet started."),
              T(rows, widths=[1.0, 0.5, 3.3, 1.8, 1.0, 3.8, 0.8])]
    return PaperSpec(LAYOUT, "dalwhinnie_bv_improvement_plan_update_2024-12", blocks, expected(title, rd, flat_acts),
                     producers=("docx", "pdf", "lo-docx"),
                     note="workstream rows merged; status sub-headings unmerged bold text in the Action column")


# C: workbook: status sections named by RAG ('RED – OFF TRACK', 'AMBER – AT RISK', 'GREEN – ON TRACK',
#    'COMPLETE') filled in that colour, with 'BVAR Recommendation n:' rows inside; RAG per row as a fill only;
#    typed dates and percentages; a blank spacer row before each status section
def _kinlochewe() -> PaperSpec:
    R1 = "Leadership and governance"
    R2 = "Use of resources"
    R3 = "Performance and outcomes"
    sections = [
        ("RED – OFF TRACK", "FF0000", [
            Act("5", "Reduce sickness absence to 10 days per employee a year", "Head of HR", "31/03/2025",
                "2025-03-31", 20, "red", "Absence rose to 12.8 days in the year to September.", theme=R2),
        ]),
        ("AMBER – AT RISK", "FFC000", [
            Act("2", "Review the scheme of delegation to officers", "Monitoring Officer", "31/01/2025",
                "2025-01-31", 55, "amber", "Review delayed by the by-election; report now due in January.",
                theme=R1),
            Act("7", "Meet the national target for processing housing repairs", "Head of Housing", "31/03/2025",
                "2025-03-31", 40, "amber", "Average repair time 9.6 days against a target of 8.", theme=R3),
        ]),
        ("GREEN – ON TRACK", "00B050", [
            Act("3", "Provide members with a training programme on scrutiny", "Head of Democratic Services",
                "28/02/2025", "2025-02-28", 70, "green", "Four of six sessions delivered.", theme=R1),
            Act("4", "Adopt an asset management strategy", "Property Manager", "31/03/2025", "2025-03-31", 60,
                "green", "Condition surveys complete; strategy in draft.", theme=R2),
            Act("8", "Publish a public performance report each year", "Performance Manager", "30/09/2025",
                "2025-09-30", 25, "green", "Indicators for the 2024/25 report agreed.", theme=R3),
        ]),
        ("COMPLETE", "5B9BD5", [
            Act("1", "Agree a protocol for member and officer relations", "Monitoring Officer", "30/09/2024",
                "2024-09-30", 100, "complete", "Protocol approved by Council in September.", theme=R1),
            Act("6", "Set up a corporate procurement board", "Procurement Manager", "31/10/2024", "2024-10-31", 100,
                "complete", "Board met for the first time on 8 October.", theme=R2),
        ]),
    ]
    n = 7
    rows = [h("Ref", "Recommended Action", "Responsible Officer", "Target Date", "% Complete", "RAG", "Update",
              fill="D9D9D9")]
    themes = [R1, R2, R3]
    flat_acts: list[Act] = []
    for k, (label, fill, acts) in enumerate(sections):
        if k:
            rows.append([""] * n)
        rows.append([C(label, colspan=n, bold=True, fill=fill)])
        last = None
        for a in acts:
            if a.theme != last:
                rows.append(theme_row(f"BVAR Recommendation {themes.index(a.theme or '') + 1}: {a.theme}", n,
                                      fill="F2F2F2"))
                last = a.theme
            rows.append([a.ref, a.desc, a.lead, date_cell(a.due_raw, a.due), pct_cell(a.pct, typed=True),
                         rag_fill(a.rag), a.update])
            flat_acts.append(a)
    title = "Kinlochewe Council – BVAR Action Plan Monitoring"
    rd = "2024-12-12"
    blocks: list[Block] = [P(title, "title"), P("Report Date: 12/12/2024"),
              P("Actions are sorted by RAG status; red actions are reported first. RAG key: red – off track; "
                "amber – at risk; green – on track; blue – complete."),
              T(rows, widths=[0.5, 3.2, 1.8, 1.0, 0.9, 0.6, 3.6])]
    return PaperSpec(LAYOUT, "kinlochewe_bvar_action_plan_monitoring_2024-12", blocks,
                     expected(title, rd, flat_acts), producers=("xlsx", "lo-xlsx"),
                     sheets=[Sheet("Action Plan", blocks)],
                     note="status sections named and filled by RAG, 'BVAR Recommendation n:' rows nested; RAG per "
                          "row as fill only")


# D: docx/pdf/lo-docx: status rows merged, with a count ('Behind schedule (2 actions)'), no theme rows: the
#    theme in a 'Theme' column of its own; RAG as a letter on its fill; refs 'CR1'..'CR8'
def _cromarty() -> PaperSpec:
    TA, TB, TC = "Financial Planning", "Workforce", "Community Engagement"
    sections = [
        ("Behind schedule", [
            Act("CR3", "Agree a capital investment plan for the next ten years", "Chief Finance Officer",
                "31/01/2025", "2025-01-31", 30, "red",
                "The plan is waiting for the school estate review, now due in April.", theme=TA),
            Act("CR6", "Fill the vacant posts in the planning service", "Head of People", "31/03/2025",
                "2025-03-31", 25, "amber", "Two of five posts filled; the others readvertised in January.",
                theme=TB),
        ]),
        ("On track", [
            Act("CR1", "Set a three-year revenue budget with members", "Chief Finance Officer", "28/02/2025",
                "2025-02-28", 80, "green", "Budget options discussed at two member workshops.", theme=TA),
            Act("CR5", "Introduce annual performance conversations for every employee", "Head of People",
                "30/06/2025", "2025-06-30", 55, "green", "Guidance issued; 61% of conversations recorded.",
                theme=TB),
            Act("CR8", "Set up area partnerships in the council's three localities", "Communities Manager",
                "30/09/2025", "2025-09-30", 35, "green", "Two area partnerships have met; the third is planned "
                "for March.", theme=TC),
        ]),
        ("Complete", [
            Act("CR2", "Publish the council's reserves strategy", "Chief Finance Officer", "31/10/2024",
                "2024-10-31", 100, "complete", "Strategy approved by the Policy Committee on 24 October.",
                theme=TA),
            Act("CR4", "Agree a new job evaluation scheme with the trade unions", "Head of People", "30/11/2024",
                "2024-11-30", 100, "complete", "Scheme agreed on 19 November.", theme=TB),
            Act("CR7", "Run a public consultation on the council's priorities", "Communities Manager",
                "31/12/2024", "2024-12-31", 100, "complete", "1,842 responses received; results published.",
                theme=TC),
        ]),
    ]
    letter = {"red": "R", "amber": "A", "green": "G", "complete": "C"}
    n = 8
    rows = [h("Ref", "Theme", "Action", "Lead Officer", "Due Date", "% Complete", "RAG", "Comments",
              fill="DEEAF6")]
    acts: list[Act] = []
    for label, group in sections:
        rows.append([C(f"{label} ({len(group)} actions)", colspan=n, bold=True, fill="595959",
                       font_colour="FFFFFF")])
        for a in group:
            rows.append([a.ref, a.theme or "", a.desc, a.lead, a.due_raw, pct_cell(a.pct),
                         rag_fill(a.rag, letter[a.rag]), a.update])
            acts.append(a)
    title = "Cromarty Council – Best Value Improvement Actions: Status Report"
    rd = "2025-02-11"
    blocks: list[Block] = [P(title, "title"), P("Report Date: 11/02/2025"),
                           P("RAG: R – off track; A – at risk; G – on track; C – complete. Actions are listed "
                             "by their status, those behind schedule first."),
                           T(rows, widths=[0.5, 1.3, 3.0, 1.6, 1.0, 0.9, 0.5, 3.2])]
    return PaperSpec(LAYOUT, "cromarty_bv_improvement_actions_status_2025-02", blocks, expected(title, rd, acts),
                     producers=("docx", "pdf", "lo-docx"),
                     note="merged status rows with a count, no theme rows: the theme in its own column; RAG letter "
                          "on its fill")


def variants() -> list[PaperSpec]:
    return finished([_ballachulish(), _dalwhinnie(), _kinlochewe(), _cromarty()])
