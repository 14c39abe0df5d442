"""Layout class 'word_structure_traps': Word action tables built with the structures real council
templates contain, which a reader walking w:tbl/w:tr/w:tc naively misses or doubles. Ported from
blind round 4.

Each paper is first written by the project's renderer (python-docx), then a ``post_docx`` hook edits
the XML (lxml on document.element / table._tbl / row._tr / cell._tc):

A  Ardgour  content controls: rows wrapped one by one in w:sdt, a whole theme section (theme row and
   its action rows) in one w:sdt holding further w:sdt per row, Target Date and RAG cells as
   cell-level controls (w:sdt > w:sdtContent > w:tc: a date picker and a drop-down list), the
   progress paragraphs inside cells wrapped in block-level w:sdt, the % as a run-level plain-text
   control, the report date as a date-picker control in its paragraph.
B  Balvenie tracked changes left in the paper: a revised target date (old w:del, new w:ins), a %
   and a RAG word changed, a deleted and an inserted commentary sentence, words deleted from an
   action's text, a deleted action row (w:tr with w:trPr/w:del, its text in w:delText), an
   inserted action row (w:trPr/w:ins), the report date itself revised. settings.xml keeps
   w:trackRevisions on and w:revisionView markup/insDel off (Word's 'No Markup'), so LibreOffice
   prints the paper with the changes accepted.
   EXPECTED READING = THE PAPER WITH ALL CHANGES ACCEPTED (what Word shows in 'No Markup' and what
   the printed PDF shows): deleted text and the deleted row are not there; inserted text and the
   inserted row are. A target date whose old value is only in w:delText is not a revision the
   reader sees, so original_due_date stays null (judgement call: the contract's revised date is a
   printed one).
C  Cromarty nested tables: a small 'Milestone | Date | Status' table inside the commentary cell of
   three actions (a paragraph before it, one after). The nested table is no action and no header.
   JUDGEMENT CALL: status_text is the cell's text in reading order, the nested table included
   (its cells row by row, each cell's text joined by one space), as the contract says 'the cell's
   text, paragraphs joined by one space' and Word's own cell text holds the nested table.
D  Dornoch  hyperlinks and fields: refs as SEQ fields (complex w:fldChar), leads as mailto
   w:hyperlink (and, for older rows, as complex HYPERLINK fields), target dates and some % as
   legacy FORMTEXT form fields (w:ffData) with their results, a web address inside commentary as
   a w:hyperlink in mid-sentence, a w:fldSimple REF in commentary (to a bookmark in the background
   paper line after the table), the title as a TITLE
   w:fldSimple (the file's title property is the same text), the report date as a w:fldSimple
   DOCPROPERTY. Expected: each field's result as printed (its instruction is never text).
E  Ederton  rows with fewer cells: theme rows a single cell over the first two grid columns with
   w:gridAfter (the rest of the row absent), a newly added action whose row stops after its target
   date (w:gridAfter=3: no %, RAG or update yet, read as blank), an unnumbered action whose row
   starts one grid column in (w:gridBefore=1, no Ref cell: ref null), and a row (A4, 0%, Not
   Started) whose empty Update cell is simply absent, with no gridAfter (a jagged row).
F  Fearn    the action table inside a text box (inline wps:wsp/wps:txbx in mc:AlternateContent's
   mc:Choice, and the same table again in the VML v:textbox of mc:Fallback, as Word saves it), after
   a two-column continuous section (w:cols num=2) holding the introduction, and a small 'RAG Status |
   Number of actions' summary table (no actions). Expected: the six actions once (neither missed
   nor doubled by the fallback copy).
G  Glenelg  an older template: w:smartTag around dates, a place and a post (PersonName), w:customXml
   around three rows, around RAG cells and around % runs, hidden text (w:vanish: a template's
   guidance paragraph at the top of every update cell, ' (dd/mm/yyyy)' after every target date,
   and a hidden '(previously £2.1m)' inside one sentence), w:noBreakHyphen, w:br and w:tab in
   cells. Expected: hidden text is no part of the paper (Word does not print it, nor does
   LibreOffice); it is what a reader sees.
H  Halkirk  the action table nested in row 2 of a one-column 'frame' table whose row 1 is the banner
   'Appendix 1 – Improvement Plan Progress'; filled cells are content controls (date picker,
   rich text), and unfilled ones show Word's placeholder prompt (w:showingPlcHdr, grey: 'Click or
   tap here to enter text.', 'Click or tap to enter a date.'). JUDGEMENT CALL: a control showing
   its placeholder is empty (status_text null, due_date null), in the .docx (w:showingPlcHdr says
   so) and in its PDF print (the grey prompt is Word's, not the council's text).
I  Inveraray tracked changes, second set: a row moved (w:moveFrom copy left above as a deleted row,
   w:moveTo in the row's new place), a theme row renamed (del/ins), a deleted theme row ('Outcome
   1b: Locality Working', trPr/del) above action 1.3, a commentary paragraph replaced (old
   paragraph and its mark deleted), a deleted paragraph mark joining two paragraphs, a % revised,
   the report date revised. Accepted reading, as B.

K  Lybster  = B (Balvenie) with the view left at 'All Markup' (w:trackRevisions, no w:revisionView),
   the .docx only; a reader still reads the paper with the changes accepted, so the expected
   reading is B's.

The reportlab PDF (producer 'pdf') prints the spec's cells, i.e. the accepted / visible reading, so
it is the same paper as seen; where the hook adds what reportlab cannot draw (nested tables) the
variant has no 'pdf' producer. Each hook numbers its revisions and content controls from 7001,
so a paper is the same whichever others are built with it.

Left out: lybster's LibreOffice PDF, which prints the tracked changes visibly (deletions struck
through, insertions underlined, change bars): telling struck-through text from the paper's own is a
judgement bvtrack deliberately does not make.

J  John o' Groats: the refs are only Word's automatic list numbering (w:numPr on a decimal '%1.'
   list, no text in the cells) and the RAG a coloured Wingdings circle (w:sym F06C) read through the
   paper's colour key; the reportlab PDF prints '●' in the colour, LibreOffice prints the symbol
   font's U+F06C.
"""

from __future__ import annotations

import copy
import itertools
from collections.abc import Callable
from typing import Any

from ..spec import C, P, PaperSpec, T
from ._plans import Act, expected, finished, h, pct_cell, rag_fill, rag_word, theme_row

LAYOUT = "word_structure_traps"

# --- XML helpers ---------------------------------------------------------------------------------

_ids = itertools.count(7001)
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
AUTHOR = "Committee Services"
WHEN = "2024-11-04T09:30:00Z"


def qn(tag: str) -> str:
    from docx.oxml.ns import qn as _qn

    return str(_qn(tag))


def el(tag: str, **attrs: str):
    from docx.oxml import OxmlElement

    e = OxmlElement(tag)
    for k, v in attrs.items():
        e.set(qn(k if ":" in k else f"w:{k}"), v)
    return e


def run(text: str, tag: str = "w:t", rpr=None):
    r = el("w:r")
    if rpr is not None:
        r.append(copy.deepcopy(rpr))
    t = el(tag)
    t.text = text
    t.set(XML_SPACE, "preserve")
    r.append(t)
    return r


def run_text(r) -> str:
    return "".join(t.text or "" for t in r.iter(qn("w:t"), qn("w:delText")))


def tc_text(tc) -> str:
    return "".join(t.text or "" for t in tc.iter(qn("w:t")))


def split_run(r, sub: str):
    """Split run r so that ``sub`` (inside its text) is a run of its own; return that run."""
    text = run_text(r)
    i = text.index(sub)
    rpr = r.find(qn("w:rPr"))
    before, after = text[:i], text[i + len(sub):]
    mid = run(sub, rpr=rpr)
    parent = r.getparent()
    pos = parent.index(r)
    new = ([run(before, rpr=rpr)] if before else []) + [mid] + ([run(after, rpr=rpr)] if after else [])
    parent.remove(r)
    for k, n in enumerate(new):
        parent.insert(pos + k, n)
    return mid


def find_run(scope, sub: str):
    for r in scope.iter(qn("w:r")):
        if sub in run_text(r):
            return split_run(r, sub)
    raise KeyError(sub)


def rev(kind: str):
    return el(f"w:{kind}", id=str(next(_ids)), author=AUTHOR, date=WHEN)


def track_insert(scope, text: str):
    r = find_run(scope, text)
    w = rev("ins")
    r.addprevious(w)
    w.append(r)
    return w


def deleted(text: str, rpr=None):
    w = rev("del")
    w.append(run(text, "w:delText", rpr=rpr))
    return w


def track_replace(scope, new: str, old: str):
    """``new`` (printed) becomes an insertion, ``old`` a deletion just before it."""
    w = track_insert(scope, new)
    r = w.find(qn("w:r"))
    w.addprevious(deleted(old, r.find(qn("w:rPr"))))


def track_delete_after(scope, anchor: str, old: str):
    r = find_run(scope, anchor)
    r.addnext(deleted(old, r.find(qn("w:rPr"))))


def sdt(alias: str | None = None, tag: str | None = None, kind: str = "richText", *, date: str | None = None,
        items: list[str] | None = None):
    s = el("w:sdt")
    pr = el("w:sdtPr")
    if alias:
        pr.append(el("w:alias", val=alias))
    if tag:
        pr.append(el("w:tag", val=tag))
    pr.append(el("w:id", val=str(-1000000 - next(_ids))))
    if kind == "date":
        d = el("w:date", fullDate=f"{date}T00:00:00Z")
        d.append(el("w:dateFormat", val="dd/MM/yyyy"))
        d.append(el("w:lid", val="en-GB"))
        d.append(el("w:storeMappedDataAs", val="dateTime"))
        d.append(el("w:calendar", val="gregorian"))
        pr.append(d)
    elif kind == "dropDown":
        dd = el("w:dropDownList")
        for it in items or []:
            dd.append(el("w:listItem", displayText=it, value=it))
        pr.append(dd)
    elif kind == "text":
        pr.append(el("w:text"))
    s.append(pr)
    content = el("w:sdtContent")
    s.append(content)
    return s, content


def wrap(elements, alias=None, tag=None, kind="richText", **kw):
    """Wrap sibling elements (rows, cells, paragraphs, runs) in one content control."""
    s, content = sdt(alias, tag, kind, **kw)
    elements[0].addprevious(s)
    for e in elements:
        content.append(e)
    return s


def table_rows(document, index: int = 0):
    return [r._tr for r in document.tables[index].rows]


def cells(tr):
    """The row's cells, also those inside cell-level content controls."""
    return tr.xpath("./w:tc | ./w:sdt/w:sdtContent/w:tc | ./w:customXml/w:tc")


def para_with(document, text: str):
    for p in document.paragraphs:
        if text in p.text:
            return p._p
    raise KeyError(text)


def fld_complex(instr: str, result_runs, ff: bool = False, rpr=None):
    """Runs of a complex field: begin, instruction, separate, result, end."""
    def fc(kind):
        r = el("w:r")
        if rpr is not None:
            r.append(copy.deepcopy(rpr))
        f = el("w:fldChar", fldCharType=kind)
        if ff and kind == "begin":
            d = el("w:ffData")
            d.append(el("w:name", val=f"Text{next(_ids)}"))
            d.append(el("w:enabled"))
            d.append(el("w:calcOnExit", val="0"))
            d.append(el("w:textInput"))
            f.append(d)
        r.append(f)
        return r
    return [fc("begin"), run(instr, "w:instrText", rpr=rpr), fc("separate"), *result_runs, fc("end")]


def as_field(r, instr: str, ff: bool = False):
    """Turn run r (its text kept as the result) into a complex field's result."""
    rpr = r.find(qn("w:rPr"))
    parent = r.getparent()
    pos = parent.index(r)
    parent.remove(r)
    for k, n in enumerate(fld_complex(instr, [r], ff, rpr)):
        parent.insert(pos + k, n)


def as_fld_simple(r, instr: str):
    f = el("w:fldSimple", instr=instr)
    r.addprevious(f)
    f.append(r)


def link_style(r):
    rpr = r.find(qn("w:rPr"))
    if rpr is None:
        rpr = el("w:rPr")
        r.insert(0, rpr)
    rpr.append(el("w:color", val="0563C1"))
    rpr.append(el("w:u", val="single"))


def as_hyperlink(document, r, url: str):
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    rid = document.part.relate_to(url, RT.HYPERLINK, is_external=True)
    hl = el("w:hyperlink")
    hl.set(qn("r:id"), rid)
    hl.set(qn("w:history"), "1")
    link_style(r)
    r.addprevious(hl)
    hl.append(r)


def first_run(tc):
    return next(tc.iter(qn("w:r")))


def show_accepted(document) -> None:
    """Keep tracking on, and show (and print) the paper with No Markup."""
    s = document.settings.element
    before = {"writeProtection", "view", "zoom", "removePersonalInformation", "removeDateAndTime",
              "doNotDisplayPageBoundaries", "displayBackgroundShape", "printPostScriptOverText",
              "printFractionalCharacterWidth", "printFormsData", "embedTrueTypeFonts", "embedSystemFonts",
              "saveSubsetFonts", "saveFormsData", "mirrorMargins", "alignBordersAndEdges",
              "bordersDoNotSurroundHeader", "bordersDoNotSurroundFooter", "gutterAtTop", "hideSpellingErrors",
              "hideGrammaticalErrors", "activeWritingStyle", "proofState", "formsDesign", "attachedTemplate",
              "linkStyles", "stylePaneFormatFilter", "stylePaneSortMethod", "documentType", "mailMerge"}
    pos = 0
    for k, c in enumerate(s):
        if c.tag.split("}")[1] in before:
            pos = k + 1
    s.insert(pos, el("w:trackRevisions"))
    s.insert(pos, el("w:revisionView", markup="0", insDel="0"))


def nested_table(widths_tw: list[int], rows: list[list[str]], header_fill: str = "F2F2F2"):
    tbl = el("w:tbl")
    pr = el("w:tblPr")
    pr.append(el("w:tblStyle", val="TableGrid"))
    pr.append(el("w:tblW", w=str(sum(widths_tw)), type="dxa"))
    pr.append(el("w:tblLook", val="04A0", firstRow="1", lastRow="0", firstColumn="1", lastColumn="0",
                 noHBand="0", noVBand="1"))
    tbl.append(pr)
    grid = el("w:tblGrid")
    for w in widths_tw:
        grid.append(el("w:gridCol", w=str(w)))
    tbl.append(grid)
    for i, row in enumerate(rows):
        tr = el("w:tr")
        for w, text in zip(widths_tw, row, strict=True):
            tc = el("w:tc")
            tcpr = el("w:tcPr")
            tcpr.append(el("w:tcW", w=str(w), type="dxa"))
            if i == 0:
                tcpr.append(el("w:shd", val="clear", color="auto", fill=header_fill))
            tc.append(tcpr)
            p = el("w:p")
            ppr = el("w:pPr")
            ppr.append(el("w:spacing", before="0", after="0"))
            p.append(ppr)
            rpr = el("w:rPr")
            if i == 0:
                rpr.append(el("w:b"))
            rpr.append(el("w:sz", val="16"))
            p.append(run(text, rpr=rpr))
            tc.append(p)
            tr.append(tc)
        tbl.append(tr)
    return tbl


def put_nested(tc, n_before: int, widths_tw: list[int], n_cols: int, n_after: int = 1):
    """The cell's paragraphs after the first ``n_before`` (and before the last ``n_after``) hold a
    nested table's cells, one a paragraph, row by row: replace them with that table."""
    ps = tc.findall(qn("w:p"))
    body = ps[n_before:len(ps) - n_after]
    texts = ["".join(t.text or "" for t in p.iter(qn("w:t"))) for p in body]
    rows = [texts[i:i + n_cols] for i in range(0, len(texts), n_cols)]
    assert all(len(r) == n_cols for r in rows), rows
    tbl = nested_table(widths_tw, rows)
    body[0].addprevious(tbl)
    for p in body:
        tc.remove(p)


def rows_with(acts, fn):
    return [fn(a) for a in acts]


def std(a: Act) -> list[C | str]:
    """An action's row in the usual columns: Ref, Action, Lead, Target, %, RAG word, Update."""
    return [a.ref, a.desc, a.lead, a.due_raw, pct_cell(a.pct), rag_word(a.rag), a.update]


def fresh(hook: Callable[[Any], None]) -> Callable[[Any], None]:
    """The hook, numbering its revisions and content controls from 7001 each time it runs."""
    def run_hook(document: Any) -> None:
        global _ids
        _ids = itertools.count(7001)
        hook(document)
    return run_hook


# A: content controls -----------------------------------------------------------------------------------
def _ardgour() -> PaperSpec:
    T1, T2, T3 = "Vision and Leadership", "Financial Sustainability", "Community Empowerment"
    acts = [
        Act("1.1", "Agree a refreshed council plan with clear priorities for 2025-2030", "Chief Executive",
            "31/03/2025", "2025-03-31", 60, "green",
            "Draft plan discussed at the members' seminar on 7 October.\nConsultation opens in January.", theme=T1),
        Act("1.2", "Introduce a leadership development programme for senior managers",
            "Head of People and Culture", "30/06/2025", "2025-06-30", 35, "amber",
            "Provider appointed; first cohort delayed to February.", theme=T1),
        Act("1.3", "Review the scheme of delegation to officers", "Head of Legal and Governance", "31/12/2024",
            "2024-12-31", 90, "green", "Revised scheme goes to Council in December.", theme=T1),
        Act("2.1", "Approve a medium-term financial strategy covering five years", "Chief Finance Officer",
            "28/02/2025", "2025-02-28", 70, "green",
            "Strategy modelled on three funding scenarios.\nBudget gap of £11.2m identified for 2025/26.",
            theme=T2),
        Act("2.2", "Establish a transformation fund to support invest-to-save proposals",
            "Chief Finance Officer", "30/09/2024", "2024-09-30", 100, "complete",
            "Fund of £2m approved by Council on 26 September.", theme=T2),
        Act("2.3", "Deliver recurring savings of £4.5m from service redesign", "Depute Chief Executive",
            "31/03/2025", "2025-03-31", 30, "red", "Only £1.4m of savings secured so far; further options needed.",
            theme=T2),
        Act("3.1", "Adopt a community empowerment strategy with partners", "Head of Communities",
            "31/01/2025", "2025-01-31", 55, "amber", "Strategy drafted; partner sign-off slipped by one month.",
            theme=T3),
        Act("3.2", "Support three community asset transfers", "Estates Manager", "31/03/2026", "2026-03-31", 20,
            "green", "Two requests under assessment; one at stage two.", theme=T3),
        Act("3.3", "Publish locality plans for each of the four localities", "Head of Communities",
            "30/11/2024", "2024-11-30", 100, "complete", "All four locality plans published in November.",
            theme=T3),
    ]
    n = 7
    rows: list = [h("Ref", "Action", "Lead Officer", "Target Date", "% Complete", "RAG", "Progress Update")]
    idx: dict[str, int] = {}
    last = None
    for a in acts:
        if a.theme != last:
            k = [T1, T2, T3].index(a.theme) + 1
            idx[f"theme{k}"] = len(rows)
            rows.append(theme_row(f"Theme {k}: {a.theme}", n))
            last = a.theme
        idx[a.ref] = len(rows)
        rows.append(std(a))
    title = "Ardgour Council – Best Value Improvement Plan: Progress Report"
    rd = "2024-11-21"
    blocks = [P(title, "title"), P("Report Date: 21/11/2024"),
              P("This report sets out progress against each action of the improvement plan agreed following "
                "the Best Value Assurance Report."),
              T(rows, widths=[0.5, 3.2, 1.8, 1.1, 1.0, 0.9, 3.6])]
    spec = PaperSpec(LAYOUT, "ardgour_bv_improvement_plan_progress_2024-11", blocks, expected(title, rd, acts),
                     producers=("docx", "pdf", "lo-docx"),
                     note="content controls around rows, around cells, around paragraphs in cells, around runs")

    def hook(document):
        trs = table_rows(document)
        # theme 1: each row its own control (a 'repeating section item'), the theme row too
        for key in ("theme1", "1.1", "1.2", "1.3"):
            wrap([trs[idx[key]]], alias="Action", tag="ActionRow")
        # theme 2: one control over the theme row and its actions, each action row a control inside it
        inner = [wrap([trs[idx[k]]], alias="Action", tag="ActionRow") for k in ("2.1", "2.2", "2.3")]
        wrap([trs[idx["theme2"]], *inner], alias="Theme section", tag="ThemeSection")
        # theme 3: Target Date and RAG cells as cell-level controls
        for a in acts[6:]:
            tcs = cells(trs[idx[a.ref]])
            wrap([tcs[3]], alias="Target date", tag="TargetDate", kind="date", date=a.due)
            wrap([tcs[5]], alias="RAG status", tag="RAG")
        # progress paragraphs inside cells as block-level controls; % as a run-level plain-text control
        for a in acts:
            tcs = cells(trs[idx[a.ref]])
            ps = tcs[6].findall(qn("w:p"))
            if a.ref in ("1.1", "2.1"):
                wrap(ps[1:], alias="Next steps", tag="NextSteps")  # only the second paragraph
            else:
                wrap(ps, alias="Progress update", tag="Progress")
            if a.theme != T3:
                r = first_run(tcs[4])
                wrap([r], alias="Percent complete", tag="Percent", kind="text")
                r = first_run(tcs[5])
                wrap([r], alias="RAG", tag="RAG", kind="dropDown",
                     items=["Red", "Amber", "Green", "Complete", "Not Started"])
        # the report date as a date picker in its paragraph
        p = para_with(document, "Report Date:")
        r = find_run(p, "21/11/2024")
        wrap([r], alias="Report date", tag="ReportDate", kind="date", date="2024-11-21")

    spec.post_docx = fresh(hook)
    return spec


# B: tracked changes ------------------------------------------------------------------------------------
def _balvenie(markup: bool = False) -> PaperSpec:
    acts = [
        Act("1", "Refresh the council's corporate plan and performance framework", "Head of Strategy",
            "31/03/2025", "2025-03-31", 50, "green", "Draft framework agreed by the Corporate Management Team."),
        Act("2", "Complete a review of the housing allocations policy", "Head of Housing", "31/03/2025",
            "2025-03-31", 45, "amber",
            "Timescale extended to March to allow consultation with tenants. Draft policy prepared."),
        Act("3", "Review the scheme of delegation", "Monitoring Officer", "31/01/2025", "2025-01-31", 80, "green",
            "Revised scheme reported to the Policy Committee in November."),
        Act("4", "Implement a new complaints handling procedure", "Customer Services Manager", "31/12/2024",
            "2024-12-31", 55, "green", "Procedure adopted; staff training under way in all services."),
        Act("5", "Expand the school estate in the north locality", "Head of Education Resources", "31/08/2026",
            "2026-08-31", 25, "amber",
            "Design team appointed. Funding confirmed by the Scottish Government on 30 October."),
        Act("6", "Introduce a member-officer protocol", "Monitoring Officer", "30/09/2024", "2024-09-30", 100,
            "complete", "Protocol approved by Council on 19 September."),
        Act("7", "Deliver the digital customer portal", "Head of Digital", "30/06/2025", "2025-06-30", 40, "red",
            "Supplier delays have put the go-live date at risk."),
        Act("8", "Report progress on the workforce plan to the Staffing Committee", "Head of HR", "28/02/2025",
            "2025-02-28", 30, "amber", "First report scheduled for February."),
        Act("9", "Publish an annual Best Value statement", "Head of Strategy", "30/06/2025", "2025-06-30", 0,
            "not_started", "New action agreed by the Corporate Management Team in October."),
    ]
    rows: list = [h("No.", "Action", "Responsible Officer", "Target Date", "Progress (%)", "Status", "Commentary",
                    fill="E2EFDA")]
    rows += [std(a) for a in acts]
    title = ("Lybster Council: Best Value Action Plan – Update Report" if markup
             else "Balvenie Council: Best Value Action Plan – Update Report")
    rd = "2024-11-12"
    blocks = [P(title, "title"), P("Report Date: 12/11/2024"),
              P("The table below shows progress with each action of the Best Value action plan as at the end of "
                "October 2024."),
              T(rows, widths=[0.5, 3.2, 1.8, 1.1, 1.0, 1.0, 3.8])]
    spec = PaperSpec(LAYOUT, "lybster_bv_action_plan_update_2024-11" if markup else
                     "balvenie_bv_action_plan_update_2024-11", blocks, expected(title, rd, acts),
                     producers=("docx",) if markup else ("docx", "pdf", "lo-docx"),
                     note="tracked changes: ins/del dates, %, RAG, sentences, a deleted row, an inserted row")

    def hook(document):
        if markup:  # tracking on, the view left at 'All Markup': LibreOffice prints the changes
            s = document.settings.element
            s.insert(0, el("w:trackRevisions"))
        else:
            show_accepted(document)
        trs = table_rows(document)
        def tc(n: int, c: int) -> Any:  # row n = action n
            return cells(trs[n])[c]

        track_replace(tc(2, 3), "31/03/2025", "31/12/2024")
        track_insert(tc(2, 6), "Timescale extended to March to allow consultation with tenants. ")
        track_delete_after(tc(2, 6), "Draft policy prepared.", " On track for December.")
        track_delete_after(tc(3, 1), "Review the scheme of delegation", " and publish it on the council website")
        track_replace(tc(4, 4), "55%", "40%")
        track_replace(tc(4, 5), "Green", "Amber")
        track_insert(tc(5, 6), " Funding confirmed by the Scottish Government on 30 October.")
        track_replace(tc(7, 6), "Supplier delays have put the go-live date at risk.",
                      "Portal on track for launch in spring.")
        # a deleted action row between 6 and 7
        old = copy.deepcopy(trs[6])
        for c, text in zip(cells(old), ["6a", "Publish a quarterly Best Value newsletter for staff",
                                        "Head of Communications", "31/12/2024", "20%", "Red",
                                        "Action withdrawn: replaced by the staff intranet page."], strict=True):
            for shd in c.iter(qn("w:shd")):
                shd.getparent().remove(shd)
            ps = c.findall(qn("w:p"))
            for p in ps[1:]:
                c.remove(p)
            p = ps[0]
            for r in p.findall(qn("w:r")):
                p.remove(r)
            p.append(deleted(text))
            ppr = p.find(qn("w:pPr"))
            if ppr is None:
                ppr = el("w:pPr")
                p.insert(0, ppr)
            rpr = el("w:rPr")
            rpr.append(rev("del"))
            ppr.append(rpr)
        old.get_or_add_trPr().append(rev("del"))
        trs[6].addnext(old)
        # action 9 is an inserted row
        new = trs[9]
        for r in list(new.iter(qn("w:r"))):
            w = rev("ins")
            r.addprevious(w)
            w.append(r)
        new.get_or_add_trPr().append(rev("ins"))
        # the report date was revised too
        p = para_with(document, "Report Date:")
        track_replace(p, "12/11/2024", "05/11/2024")

    spec.post_docx = fresh(hook)
    return spec


# C: nested tables in commentary cells ------------------------------------------------------------------
def _cromarty() -> PaperSpec:
    MS = {
        "2": ("Procurement milestones:", [["Milestone", "Date", "Status"], ["Tender issued", "02/09/2024", "Complete"],
                                          ["Contract award", "31/01/2025", "On track"],
                                          ["Go-live", "30/06/2025", "At risk"]],
              "Contract award report due at the January committee."),
        "4": ("Key stages:", [["Stage", "Target", "%"], ["Options appraisal", "31/10/2024", "100%"],
                              ["Business case", "28/02/2025", "40%"]],
              "Business case to Council in March."),
        "7": ("The review has three phases:", [["Phase", "Due", "RAG"],
                                               ["Phase 1 – data collection", "30/09/2024", "Green"],
                                               ["Phase 2 – engagement", "31/12/2024", "Amber"],
                                               ["Phase 3 – recommendations", "31/03/2025", "Amber"]],
              "Engagement with parent councils has taken longer than planned."),
    }

    def upd(ref: str, plain: str) -> str:
        if ref not in MS:
            return plain
        before, tab, after = MS[ref]
        return "\n".join([before, *[c for r in tab for c in r], after])

    base = [
        ("1", "Approve a revised corporate asset management plan", "Head of Property", "31/12/2024", "2024-12-31",
         85, "green", "Plan presented to the Asset Board on 14 October."),
        ("2", "Re-procure the council's waste collection contract", "Head of Environment", "30/06/2025",
         "2025-06-30", 45, "amber", ""),
        ("3", "Introduce a corporate debt recovery policy", "Head of Revenues", "31/03/2025", "2025-03-31", 60,
         "green", "Policy drafted; equality impact assessment completed."),
        ("4", "Develop a business case for a shared payroll service", "Head of HR", "31/03/2025", "2025-03-31", 55,
         "green", ""),
        ("5", "Reduce sickness absence to 9 days per employee", "Head of HR", "31/03/2025", "2025-03-31", 25,
         "red", "Absence is running at 11.8 days per employee for the year to date."),
        ("6", "Publish a climate change action plan", "Sustainability Manager", "30/11/2024", "2024-11-30", 100,
         "complete", "Plan published on 5 November following approval by Council."),
        ("7", "Review the school estate in the west of the authority", "Head of Education Resources",
         "31/03/2025", "2025-03-31", 50, "amber", ""),
        ("8", "Extend the local employability partnership to 2027", "Economic Development Manager", "31/01/2025",
         "2025-01-31", 70, "green", "Partners have agreed funding; agreement being drafted."),
    ]
    acts = [Act(r, d, lead, raw, iso, pct, rag, upd(r, u)) for r, d, lead, raw, iso, pct, rag, u in base]
    rows: list = [h("Ref", "Action", "Lead Officer", "Target Date", "% Complete", "RAG", "Commentary", fill="DDEBF7")]
    rows += [std(a) for a in acts]
    title = "Cromarty Council – Best Value Action Plan Monitoring Report"
    rd = "2024-11-28"
    blocks = [P(title, "title"), P("Report Date: 28/11/2024"),
              P("Where an action has its own milestones, they are shown in the commentary."),
              T(rows, widths=[0.5, 2.9, 1.7, 1.1, 1.0, 0.9, 4.4])]
    spec = PaperSpec(LAYOUT, "cromarty_bv_action_plan_monitoring_2024-11", blocks, expected(title, rd, acts),
                     producers=("docx", "lo-docx"),
                     note="small milestone tables nested inside three commentary cells")

    def hook(document):
        trs = table_rows(document)
        for ref, (_, tab, _) in MS.items():
            tc = cells(trs[int(ref)])[6]
            room = int(tc.find(qn("w:tcPr")).find(qn("w:tcW")).get(qn("w:w"))) - 250
            put_nested(tc, 1, [room * 42 // 100, room * 30 // 100, room * 28 // 100], len(tab[0]))

    spec.post_docx = fresh(hook)
    return spec


# D: hyperlinks and fields -----------------------------------------------------------------------------
def _dornoch() -> PaperSpec:
    acts = [
        Act("1", "Adopt a new performance management framework", "Head of Policy", "31/12/2024", "2024-12-31", 75,
            "green", "Framework approved by the Executive Committee; see section 4.2 of the report."),
        Act("2", "Agree a five-year capital investment strategy", "Chief Finance Officer", "28/02/2025",
            "2025-02-28", 50, "amber", "Capital bids being prioritised against the strategy's criteria."),
        Act("3", "Publish the council's climate action plan", "Climate Change Officer", "30/09/2024", "2024-09-30",
            100, "complete", "The plan is published at www.dornoch.gov.uk/climate and was launched on 24 September."),
        Act("4", "Review the roles of the council's arm's-length organisations", "Head of Governance", "31/03/2025",
            "2025-03-31", 30, "amber", "Review of the leisure trust under way; the culture trust follows."),
        Act("5", "Improve the time taken to process planning applications", "Planning Manager", "31/03/2025",
            "2025-03-31", 40, "red", "Average time for local applications is 14.2 weeks against 9 weeks."),
        Act("6", "Deliver a members' induction and development programme", "Democratic Services Manager",
            "31/05/2025", "2025-05-31", 20, "green", "Programme designed with the Improvement Service."),
        Act("7", "Implement a single customer relationship management system", "Head of Digital", "30/06/2025",
            "2025-06-30", 35, "amber", "Data migration from the old system has started."),
        Act("8", "Introduce a corporate risk management policy", "Head of Governance", "31/01/2025", "2025-01-31",
            65, "green", "Policy out for consultation with services until 13 December."),
    ]
    mails = {"Head of Policy": "policy@dornoch.gov.uk", "Chief Finance Officer": "cfo@dornoch.gov.uk",
             "Climate Change Officer": "climate@dornoch.gov.uk", "Head of Governance": "governance@dornoch.gov.uk",
             "Planning Manager": "planning@dornoch.gov.uk", "Democratic Services Manager":
             "democratic.services@dornoch.gov.uk", "Head of Digital": "digital@dornoch.gov.uk"}
    rows: list = [h("Action Ref", "Improvement Action", "Lead", "Due Date", "% Complete", "RAG", "Progress Commentary",
                    fill="FFF2CC")]
    rows += [[a.ref, a.desc, a.lead, a.due_raw, pct_cell(a.pct), rag_fill(a.rag, {"red": "Red", "amber": "Amber",
              "green": "Green", "complete": "Complete"}[a.rag]), a.update] for a in acts]
    title = "Dornoch Council – Best Value Improvement Actions: Progress"
    rd = "2024-12-03"
    blocks = [P(title, "title"), P("Report Date: 03/12/2024"),
              P("Lead officers can be contacted by e-mail using the links in the table."),
              T(rows, widths=[0.7, 3.0, 1.9, 1.0, 1.0, 1.0, 3.8]),
              P("Background paper: Performance Management Framework, report to the Executive Committee of "
                "5 November 2024, section 4.2.")]
    spec = PaperSpec(LAYOUT, "dornoch_bv_improvement_actions_progress_2024-12", blocks, expected(title, rd, acts),
                     producers=("docx", "pdf", "lo-docx"),
                     note="SEQ refs, mailto leads (w:hyperlink / HYPERLINK field), FORMTEXT dates, fldSimple")

    def hook(document):
        document.core_properties.title = title
        trs = table_rows(document)
        for i, a in enumerate(acts, start=1):
            tcs = cells(trs[i])
            as_field(first_run(tcs[0]), " SEQ Action \\* ARABIC ")
            r = first_run(tcs[2])
            if i % 3 == 0:  # older rows: a HYPERLINK field
                link_style(r)
                as_field(r, f' HYPERLINK "mailto:{mails[a.lead]}" ')
            else:
                as_hyperlink(document, r, f"mailto:{mails[a.lead]}")
            as_field(first_run(tcs[3]), " FORMTEXT ", ff=True)
            if i % 2 == 0:
                as_field(first_run(tcs[4]), " FORMTEXT ", ff=True)
        r = find_run(cells(trs[3])[6], "www.dornoch.gov.uk/climate")
        as_hyperlink(document, r, "https://www.dornoch.gov.uk/climate")
        r = find_run(cells(trs[1])[6], "4.2")
        as_fld_simple(r, " REF _Ref183000001 \\h ")
        bp = para_with(document, "Background paper:")
        br = find_run(bp, "4.2")
        br.addprevious(el("w:bookmarkStart", id="0", name="_Ref183000001"))
        br.addnext(el("w:bookmarkEnd", id="0"))
        p = para_with(document, "Report Date:")
        as_fld_simple(find_run(p, "03/12/2024"), ' DOCPROPERTY "Report Date" \\* MERGEFORMAT ')
        tp = para_with(document, title)
        rs = tp.findall(qn("w:r"))
        as_fld_simple(rs[0], " TITLE \\* MERGEFORMAT ")

    spec.post_docx = fresh(hook)
    return spec


# E: gridBefore / gridAfter / short rows -----------------------------------------------------------------
def _ederton() -> PaperSpec:
    T1, T2 = "Governance and Scrutiny", "Use of Resources"
    acts = [
        Act("A1", "Strengthen the role of the Audit and Scrutiny Committee", "Head of Governance", "31/03/2025",
            "2025-03-31", 50, "green", "Committee self-assessment completed in October.", theme=T1),
        Act("A2", "Adopt a revised code of corporate governance", "Monitoring Officer", "31/12/2024",
            "2024-12-31", 80, "green", "Draft code considered by the committee in November.", theme=T1),
        Act(None, "Report on the council's response to the Accounts Commission findings", "Chief Executive",
            "28/02/2025", "2025-02-28", 10, "amber", "Added at the request of the committee in September.",
            theme=T1),
        Act("A3", "Introduce a forward plan of scrutiny reviews", "Scrutiny Officer", "31/01/2025", "2025-01-31",
            40, "amber", "Topics shortlisted; plan to be agreed with the committee chair.", theme=T1),
        Act("A4", "Publish committee decisions within five working days", "Committee Services Manager",
            "31/12/2024", "2024-12-31", 0, "not_started", "", theme=T1),
        Act("B1", "Set a balanced three-year revenue budget", "Chief Finance Officer", "28/02/2025", "2025-02-28",
            60, "green", "Budget options published for consultation.", theme=T2),
        Act("B2", "Complete a review of reserves", "Chief Finance Officer", "31/12/2024", "2024-12-31", 100,
            "complete", "Reserves strategy approved in November.", theme=T2),
        Act("B3", "Reduce the council's energy consumption by 10%", "Energy Manager", "31/03/2026", "2026-03-31",
            25, "red", "Consumption down 3% on the baseline year.", theme=T2),
        Act("B4", "Review fees and charges across all services", "Head of Finance", "31/03/2025", "2025-03-31",
            None, None, "", theme=T2),
        Act("B5", "Develop a procurement strategy with community benefit targets", "Procurement Manager",
            "30/06/2025", "2025-06-30", 15, "green", "Benchmarking with neighbouring councils under way.", theme=T2),
    ]
    n = 7
    rows: list = [h("Ref", "Action", "Lead Officer", "Target Date", "% Complete", "RAG", "Update")]
    idx: dict[str, int] = {}
    last = None
    for a in acts:
        if a.theme != last:
            k = "AB"[[T1, T2].index(a.theme)]
            idx[f"theme{k}"] = len(rows)
            rows.append(theme_row(f"Section {k}: {a.theme}", n))
            last = a.theme
        idx[a.ref or a.desc] = len(rows)
        rows.append([a.ref or "", a.desc, a.lead, a.due_raw, pct_cell(a.pct), rag_fill(a.rag), a.update])
    title = "Ederton Council – Best Value Action Plan: Progress to 31 October 2024"
    rd = "2024-11-19"
    blocks = [P(title, "title"), P("Report Date: 19/11/2024"),
              P("RAG: Red – off track; Amber – some slippage; Green – on track; Blue – complete; Grey – not started."),
              T(rows, widths=[0.5, 3.4, 1.8, 1.1, 1.0, 0.7, 3.6])]
    spec = PaperSpec(LAYOUT, "ederton_bv_action_plan_progress_2024-11", blocks, expected(title, rd, acts),
                     producers=("docx", "pdf", "lo-docx"),
                     note="theme rows with gridAfter, a row stopping early (gridAfter), a row with gridBefore, "
                          "a short row")

    def hook(document):
        tbl = document.tables[0]._tbl
        grid = [int(g.get(qn("w:w"))) for g in tbl.find(qn("w:tblGrid")).findall(qn("w:gridCol"))]
        trs = table_rows(document)

        def trpr_first(tr, child):
            # w:gridBefore / w:gridAfter / wBefore / wAfter come before w:tblHeader etc. in w:trPr
            pr = tr.get_or_add_trPr()
            order = ["cnfStyle", "divId", "gridBefore", "gridAfter", "wBefore", "wAfter"]
            pos = 0
            for k, c in enumerate(pr):
                name = c.tag.split("}")[1]
                if name in order and order.index(name) < order.index(child.tag.split("}")[1]):
                    pos = k + 1
            pr.insert(pos, child)

        def drop_tail(tr, k):
            tcs = cells(tr)
            for tc in tcs[-k:]:
                tr.remove(tc)
            trpr_first(tr, el("w:gridAfter", val=str(k)))
            trpr_first(tr, el("w:wAfter", w=str(sum(grid[-k:])), type="dxa"))

        for key in ("themeA", "themeB"):
            tr = trs[idx[key]]
            tc = cells(tr)[0]
            tc.find(qn("w:tcPr")).find(qn("w:gridSpan")).set(qn("w:val"), "2")
            tc.find(qn("w:tcPr")).find(qn("w:tcW")).set(qn("w:w"), str(sum(grid[:2])))
            trpr_first(tr, el("w:gridAfter", val="5"))
            trpr_first(tr, el("w:wAfter", w=str(sum(grid[2:])), type="dxa"))
        drop_tail(trs[idx["B4"]], 3)
        tr = trs[idx[acts[2].desc]]
        tr.remove(cells(tr)[0])
        trpr_first(tr, el("w:gridBefore", val="1"))
        trpr_first(tr, el("w:wBefore", w=str(grid[0]), type="dxa"))
        # A4: its (empty) Update cell absent, no gridAfter at all (a jagged row)
        tr = trs[idx["A4"]]
        tr.remove(cells(tr)[-1])

    spec.post_docx = fresh(hook)
    return spec


# F: the action table inside a text box (DrawingML with a VML fallback copy), after a two-column section ---
def _fearn() -> PaperSpec:
    acts = [
        Act("1", "Agree a refreshed set of council priorities", "Chief Executive", "31/12/2024", "2024-12-31", 90,
            "green", "Priorities agreed at the Council meeting in October."),
        Act("2", "Introduce six-monthly budget monitoring to full Council", "Chief Finance Officer", "31/03/2025",
            "2025-03-31", 50, "green", "First report presented in November."),
        Act("3", "Review the council's partnership governance arrangements", "Head of Governance", "30/06/2025",
            "2025-06-30", 25, "amber", "Mapping of partnership bodies has started."),
        Act("4", "Improve the council's response times to complaints", "Customer Services Manager", "31/03/2025",
            "2025-03-31", 35, "red", "Stage 2 responses average 31 working days."),
        Act("5", "Develop a digital strategy for the council", "Head of Digital", "28/02/2025", "2025-02-28", 60,
            "amber", "Draft strategy out for staff consultation."),
        Act("6", "Publish a public performance report each year", "Performance Manager", "30/09/2024", "2024-09-30",
            100, "complete", "2023/24 report published in September."),
    ]
    summary = T([h("RAG Status", "Number of actions"), ["Complete", "1"], ["Green", "2"], ["Amber", "2"],
                 ["Red", "1"]], widths=[1.0, 1.0])
    rows: list = [h("No.", "Action", "Lead", "Target Date", "%", "RAG", "Comment", fill="D9D9D9")]
    rows += [std(a) for a in acts]
    title = "Fearn Council – Best Value Action Plan Progress Report"
    rd = "2024-11-26"
    intro = ("This report updates the Audit Committee on the six actions of the Best Value action plan. Each action "
             "has a lead officer, a target date and a RAG status agreed by the Corporate Management Team.")
    blocks = [P(title, "title"), P("Report Date: 26/11/2024"), P(intro),
              P("Summary of progress: one action is complete, two are on track, two have some slippage and one "
                "is off track."), summary,
              T(rows, widths=[0.4, 3.0, 1.8, 1.0, 0.6, 0.9, 3.2])]
    spec = PaperSpec(LAYOUT, "fearn_bv_action_plan_progress_2024-11", blocks, expected(title, rd, acts),
                     producers=("docx", "lo-docx"),
                     note="two-column first section with a RAG summary table; the action table in a text box "
                          "(wps:txbx in mc:Choice, the same table again in the VML mc:Fallback)")

    def hook(document):
        from docx.oxml import parse_xml
        body = document.element.body
        # first section: two columns, up to and including the summary table's following paragraph
        summ = document.tables[0]._tbl
        final = body.find(qn("w:sectPr"))
        one = copy.deepcopy(final)  # title and report date: one column
        rdp = para_with(document, "Report Date:")
        rppr = el("w:pPr")
        rdp.insert(0, rppr)
        rppr.append(one)
        sect = copy.deepcopy(final)
        sect.insert(0, el("w:type", val="continuous"))
        cols = sect.find(qn("w:cols"))
        if cols is None:
            cols = el("w:cols")
            sect.append(cols)
        cols.set(qn("w:num"), "2")
        cols.set(qn("w:space"), "708")
        sp = para_with(document, "Summary of progress:")  # the two-column section ends here
        ppr = sp.find(qn("w:pPr"))
        if ppr is None:
            ppr = el("w:pPr")
            sp.insert(0, ppr)
        ppr.append(sect)
        t = el("w:type", val="continuous")
        final.insert(0, t)
        # the summary table half the page wide
        colw = (int(final.find(qn("w:pgSz")).get(qn("w:w"))) - int(final.find(qn("w:pgMar")).get(qn("w:left")))
                - int(final.find(qn("w:pgMar")).get(qn("w:right"))) - 708) // 2
        gcs = summ.find(qn("w:tblGrid")).findall(qn("w:gridCol"))
        for g in gcs:
            g.set(qn("w:w"), str(colw // len(gcs)))
        for tcw in summ.iter(qn("w:tcW")):
            tcw.set(qn("w:w"), str(colw // len(gcs)))
        for tw in summ.iter(qn("w:tblW")):
            tw.set(qn("w:w"), str(colw))
            tw.set(qn("w:type"), "dxa")
        # the action table into a text box
        tbl = document.tables[1]._tbl
        anchor_p = tbl.getnext()
        body.remove(tbl)
        W = int(document.sections[-1].page_width - document.sections[-1].left_margin
                - document.sections[-1].right_margin)
        H = int(W * 0.42)
        ns = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
              'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
              'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
              'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
              'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
              'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
              'xmlns:w10="urn:schemas-microsoft-com:office:word"')
        xml = f"""<w:r {ns}><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>
<wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="{W}" cy="{H}"/>
<wp:effectExtent l="0" t="0" r="0" b="0"/><wp:docPr id="11" name="Text Box 11"/><wp:cNvGraphicFramePr/>
<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">
<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{W}" cy="{H}"/></a:xfrm>
<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/>
<a:ln w="12700"><a:solidFill><a:srgbClr val="1F3864"/></a:solidFill></a:ln></wps:spPr>
<wps:txbx><w:txbxContent/></wps:txbx>
<wps:bodyPr rot="0" vert="horz" wrap="square" lIns="72000" tIns="72000" rIns="72000" bIns="72000" anchor="t"
 anchorCtr="0"><a:spAutoFit/></wps:bodyPr>
</wps:wsp></a:graphicData></a:graphic></wp:inline></w:drawing></mc:Choice>
<mc:Fallback><w:pict>
<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">
<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>
<v:shape id="Text Box 11" o:spid="_x0000_s1026" type="#_x0000_t202"
 style="width:{W / 12700:.1f}pt;height:{H / 12700:.1f}pt;mso-wrap-style:square" filled="f" strokecolor="#1f3864"
 strokeweight="1pt">
<v:textbox style="mso-fit-shape-to-text:t"><w:txbxContent/></v:textbox></v:shape></w:pict></mc:Fallback>
</mc:AlternateContent></w:r>"""
        r = parse_xml(xml)
        boxes = list(r.iter(qn("w:txbxContent")))
        for k, box in enumerate(boxes):
            box.append(tbl if k == 0 else copy.deepcopy(tbl))
            box.append(el("w:p"))
        anchor_p.append(r)

    spec.post_docx = fresh(hook)
    return spec


# G: an older template: smart tags, custom XML around rows/cells/runs, hidden guidance text, w:br/w:tab/
#    non-breaking hyphens inside cells ------------------------------------------------------------------
def _glenelg() -> PaperSpec:
    acts = [
        Act("BV1", "Refresh the Local Outcomes Improvement Plan with partners", "Community Planning Manager",
            "31/03/2025", "2025-03-31", 40, "amber", "Partners agreed the priorities in Inverness on 2 October."),
        Act("BV2", "Review the council's arm's-length external organisations", "Head of Governance", "30/06/2025",
            "2025-06-30", 20, "green", "Terms of reference for the review agreed."),
        Act("BV3", "Introduce a member development framework", "Democratic Services Manager", "31/01/2025",
            "2025-01-31", 70, "green", "Framework drafted with input from group leaders."),
        Act("BV4", "Set out a savings plan to close the 2025/26 budget gap", "Chief Finance Officer", "28/02/2025",
            "2025-02-28", 45, "red", "Savings of £3.2m identified against a gap of £6.9m."),
        Act("BV5", "Implement the new corporate performance system", "Performance Manager", "31/12/2024",
            "2024-12-31", 85, "green", "System live in four of five directorates; go-live in Education in December."),
        Act("BV6", "Publish a workforce strategy", "Head of HR", "30/04/2025", "2025-04-30", 15, "amber",
            "Staff survey results being analysed by the HR team."),
        Act("BV7", "Report on community engagement outcomes to Council", "Community Planning Manager",
            "30/09/2024", "2024-09-30", 100, "complete", "Report considered by Council on 26 September."),
    ]
    rows: list = [h("Ref", "Action", "Responsible Officer", "Target Date", "Progress %", "RAG", "Progress to Date",
                    fill="FCE4D6")]
    rows += [std(a) for a in acts]
    title = "Glenelg Council – Best Value Action Plan: Monitoring Report"
    rd = "2024-11-14"
    blocks = [P(title, "title"), P("Report Date: 14/11/2024"),
              P("Progress with each action of the plan is set out below."),
              T(rows, widths=[0.5, 3.2, 1.9, 1.1, 1.0, 0.9, 3.6])]
    spec = PaperSpec(LAYOUT, "glenelg_bv_action_plan_monitoring_2024-11", blocks, expected(title, rd, acts),
                     producers=("docx", "pdf", "lo-docx"),
                     note="smartTag around dates, places and names; customXml around rows, cells and runs; hidden "
                          "guidance text (w:vanish); w:noBreakHyphen, w:tab, w:br in cells")

    def smart(r, element, attrs):
        st = el("w:smartTag", uri="urn:schemas-microsoft-com:office:smarttags", element=element)
        pr = el("w:smartTagPr")
        for k, v in attrs.items():
            pr.append(el("w:attr", name=k, val=v))
        st.append(pr)
        r.addprevious(st)
        st.append(r)

    def custom(elements, element):
        cx = el("w:customXml", uri="http://www.glenelg.gov.uk/schemas/actionplan", element=element)
        elements[0].addprevious(cx)
        for e in elements:
            cx.append(e)
        return cx

    def hidden(text):
        rpr = el("w:rPr")
        rpr.append(el("w:i"))
        rpr.append(el("w:vanish"))
        rpr.append(el("w:color", val="808080"))
        return run(text, rpr=rpr)

    def hyphens(r):
        """Rewrite run r's '-' as w:noBreakHyphen elements."""
        t = r.find(qn("w:t"))
        parts = t.text.split("-")
        r.remove(t)
        for k, part in enumerate(parts):
            if k:
                r.append(el("w:noBreakHyphen"))
            nt = el("w:t")
            nt.text = part
            nt.set(XML_SPACE, "preserve")
            r.append(nt)

    def hook(document):
        trs = table_rows(document)
        for i, a in enumerate(acts, start=1):
            tr = trs[i]
            tcs = cells(tr)
            d, m, y = a.due_raw.split("/")
            smart(first_run(tcs[3]), "date", {"Day": str(int(d)), "Month": str(int(m)), "Year": y})
            # hidden guidance in the Target Date and Progress cells (a template's prompts, never printed)
            tcs[3].find(qn("w:p")).append(hidden(" (dd/mm/yyyy)"))
            g = el("w:p")
            g.append(hidden("Guidance: summarise progress since the last report and any risks to the target date."))
            tcs[6].find(qn("w:p")).addprevious(g)
            # custom XML: the % cell's run, the RAG cell, and rows 2-4 as elements
            custom([first_run(tcs[4])], "percent")
            custom([tcs[5]], "rag")
        for i in (2, 3, 4):
            custom([trs[i]], "action")
        # a smart tag around a place name and a person-name tag around a post
        smart(find_run(cells(trs[1])[6], "Inverness"), "place", {})
        smart(first_run(cells(trs[3])[2]), "PersonName", {})
        hyphens(find_run(cells(trs[2])[1], "arm's-length"))
        # a soft line break and a tab inside a cell's paragraph
        r = find_run(cells(trs[5])[6], "go-live in Education in December.")
        hyphens(r)
        r.addprevious(el("w:r"))
        r.getprevious().append(el("w:br"))
        r = find_run(cells(trs[6])[6], "by the HR team.")
        t = r.find(qn("w:t"))
        t.text = "by the HR team."
        r.insert(list(r).index(t), el("w:tab"))
        # hidden old text inside a sentence (struck through once, then hidden by the author)
        track = find_run(cells(trs[4])[6], "Savings of £3.2m identified")
        track.addnext(hidden(" (previously £2.1m)"))

    spec.post_docx = fresh(hook)
    return spec


# H: the action table nested inside a one-cell frame table; unfilled content controls showing placeholder text --
def _halkirk() -> PaperSpec:
    T1, T2 = "Leadership", "Use of Resources"
    acts = [
        Act("L1", "Agree a leadership charter for elected members and senior officers", "Chief Executive",
            "31/12/2024", "2024-12-31", 75, "green", "Charter discussed with group leaders in October.", theme=T1),
        Act("L2", "Hold annual joint development sessions for members and officers", "Head of Democratic Services",
            "31/03/2025", "2025-03-31", 30, "amber", "First session planned for February 2025.", theme=T1),
        Act("L3", "Publish the council's decision-making structure", "Head of Democratic Services", "31/01/2025",
            "2025-01-31", 10, "green", "", theme=T1),
        Act("R1", "Approve a five-year financial strategy", "Chief Finance Officer", "28/02/2025", "2025-02-28",
            60, "green", "Strategy to be considered with the budget in February.", theme=T2),
        Act("R2", "Review the use of the council's reserves", "Chief Finance Officer", "", None, 0, "not_started",
            "", theme=T2),
        Act("R3", "Develop an asset rationalisation programme", "Head of Property", "30/09/2025", "2025-09-30", 20,
            "amber", "Condition surveys 60% complete across the estate.", theme=T2),
        Act("R4", "Introduce service-level benchmarking", "Performance Manager", "31/03/2025", "2025-03-31", 45,
            "green", "Benchmarking family groups agreed with the Improvement Service.", theme=T2),
    ]
    PH_TEXT, PH_DATE = "Click or tap here to enter text.", "Click or tap to enter a date."
    n = 7
    rows: list = [h("Ref", "Action", "Lead Officer", "Target Date", "% Complete", "RAG", "Update")]
    last = None
    tidx: list[int] = []
    for a in acts:
        if a.theme != last:
            rows.append(theme_row(f"Priority Area: {a.theme}", n))
            last = a.theme
        tidx.append(len(rows))
        rows.append([a.ref, a.desc, a.lead, a.due_raw or PH_DATE, pct_cell(a.pct), rag_word(a.rag),
                     a.update or PH_TEXT])
    title = "Halkirk Council – Best Value Improvement Plan Update"
    rd = "2024-11-07"
    blocks = [P(title, "title"), P("Report Date: 07/11/2024"),
              P("Appendix 1 sets out progress with each improvement action."),
              T([[C("Appendix 1 – Improvement Plan Progress", bold=True, fill="1F3864", font_colour="FFFFFF")],
                 [""]], widths=[1.0]),
              T(rows, widths=[0.5, 3.2, 1.9, 1.2, 1.0, 1.0, 3.2])]
    spec = PaperSpec(LAYOUT, "halkirk_bv_improvement_plan_update_2024-11", blocks, expected(title, rd, acts),
                     producers=("docx", "lo-docx"),
                     note="action table nested in a one-cell frame table; placeholder text of unfilled content "
                          "controls")

    def hook(document):
        frame, inner = document.tables[0]._tbl, document.tables[1]._tbl
        body = document.element.body
        cell = frame.findall(qn("w:tr"))[1].find(qn("w:tc"))
        p = cell.find(qn("w:p"))
        # the empty paragraph between the two tables goes; the action table goes into the frame's second row
        between = frame.getnext()
        if between is not None and between.tag == qn("w:p") and not "".join(between.itertext()).strip():
            body.remove(between)
        body.remove(inner)
        p.addprevious(inner)
        # narrow the inner table to fit inside the frame's cell margins
        grid = inner.find(qn("w:tblGrid")).findall(qn("w:gridCol"))
        total = sum(int(g.get(qn("w:w"))) for g in grid)
        scale = (total - 300) / total
        for g in grid:
            g.set(qn("w:w"), str(int(int(g.get(qn("w:w"))) * scale)))
        for tcw in inner.iter(qn("w:tcW")):
            tcw.set(qn("w:w"), str(int(int(tcw.get(qn("w:w"))) * scale)))
        # placeholders: unfilled controls show their prompt in grey
        trs = inner.findall(qn("w:tr"))
        for a, i in zip(acts, tidx, strict=True):
            tcs = cells(trs[i])
            for k, (value, kind) in ((3, (a.due_raw, "date")), (6, (a.update, "richText"))):
                r = first_run(tcs[k])
                if value:
                    if kind == "date":
                        wrap([r], alias="Target date", tag="TargetDate", kind="date", date=a.due)
                    else:
                        wrap(tcs[k].findall(qn("w:p")), alias="Update", tag="Update")
                    continue
                rpr = r.find(qn("w:rPr"))
                if rpr is None:
                    rpr = el("w:rPr")
                    r.insert(0, rpr)
                rpr.append(el("w:color", val="808080"))
                kw = {"date": "2024-11-07"} if kind == "date" else {}
                s = wrap([r], alias="Target date" if kind == "date" else "Update", tag="Field", kind=kind, **kw)
                pr = s.find(qn("w:sdtPr"))
                if kind == "date":
                    pr.find(qn("w:date")).attrib.pop(qn("w:fullDate"))
                ph_el = el("w:placeholder")
                ph_el.append(el("w:docPart", val="DefaultPlaceholder_-1854013437" if kind == "date"
                                else "DefaultPlaceholder_-1854013440"))
                pr.find(qn("w:id")).addnext(ph_el)
                ph_el.addnext(el("w:showingPlcHdr"))

    spec.post_docx = fresh(hook)
    return spec


# I: tracked changes 2: a moved row (moveFrom/moveTo), a renamed theme row, a whole commentary paragraph
#    replaced, a deleted paragraph mark joining two paragraphs, a deleted theme row ------------------------
def _inveraray() -> PaperSpec:
    T1, T2 = "Partnership Working", "Performance and Improvement"
    acts = [
        Act("1.1", "Agree a joint delivery plan with the health and social care partnership", "Chief Officer HSCP",
            "31/03/2025", "2025-03-31", 40, "amber", "Joint plan drafted; IJB approval expected in March.",
            theme=T1),
        Act("1.2", "Strengthen links with the third sector interface", "Community Planning Manager", "31/12/2024",
            "2024-12-31", 70, "green", "Quarterly meetings in place since August.", theme=T1),
        Act("1.3", "Establish locality partnership forums", "Community Planning Manager", "30/06/2025",
            "2025-06-30", 30, "amber", "Two of four forums established.", theme=T1),
        Act("2.1", "Introduce a corporate self-assessment programme", "Performance Manager", "31/03/2025",
            "2025-03-31", 50, "green",
            "Self-assessments completed by five services using the PSIF model.", theme=T2),
        Act("2.2", "Improve the quality of performance reports to committees", "Performance Manager",
            "31/12/2024", "2024-12-31", 80, "green", "New report format used from September.", theme=T2),
        Act("2.3", "Publish benchmarking results with commentary", "Head of Policy", "28/02/2025", "2025-02-28",
            20, "red", "Work delayed by staff vacancies in the policy team.", theme=T2),
        Act("2.4", "Review the corporate complaints process", "Customer Services Manager", "31/05/2025",
            "2025-05-31", 25, "amber", "Complaints data for 2023/24 analysed.", theme=T2),
    ]
    n = 7
    rows: list = [h("Ref", "Action", "Lead Officer", "Due", "% Complete", "RAG", "Commentary", fill="E2EFDA")]
    idx: dict[str, int] = {}
    last = None
    for a in acts:
        if a.theme != last:
            k = [T1, T2].index(a.theme) + 1
            idx[f"theme{k}"] = len(rows)
            rows.append(theme_row(f"Outcome {k}: {a.theme}", n))
            last = a.theme
        idx[a.ref] = len(rows)
        rows.append(std(a))
    title = "Inveraray Council: Best Value Improvement Plan – Progress Update"
    rd = "2024-12-05"
    blocks = [P(title, "title"), P("Report Date: 05/12/2024"),
              P("Changes since the draft considered by the Corporate Management Team have been accepted."),
              T(rows, widths=[0.5, 3.2, 1.9, 1.1, 1.0, 0.9, 3.6])]
    spec = PaperSpec(LAYOUT, "inveraray_bv_improvement_plan_progress_2024-12", blocks, expected(title, rd, acts),
                     producers=("docx", "pdf", "lo-docx"),
                     note="tracked: a row moved (moveFrom/moveTo), theme row renamed, commentary paragraph replaced, "
                          "a deleted paragraph mark, a deleted theme row")

    def hook(document):
        show_accepted(document)
        trs = table_rows(document)
        # 2.3 was moved from above 2.1: the old copy sits there as a deleted row (moveFrom)
        moved = trs[idx["2.3"]]
        old = copy.deepcopy(moved)
        for tc in cells(old):
            for p in tc.findall(qn("w:p")):
                rs = p.findall(qn("w:r"))
                if not rs:
                    continue
                mf = el("w:moveFrom", id=str(next(_ids)), author=AUTHOR, date=WHEN)
                rs[0].addprevious(mf)
                for r in rs:
                    for t in r.findall(qn("w:t")):
                        t.tag = qn("w:delText")
                    mf.append(r)
        old.get_or_add_trPr().append(rev("del"))
        cells(old)[0].find(qn("w:p")).insert(1, el("w:moveFromRangeStart", id="901", name="move183000001",
                                                    author=AUTHOR, date=WHEN))
        cells(old)[-1].find(qn("w:p")).append(el("w:moveFromRangeEnd", id="901"))
        trs[idx["2.1"]].addprevious(old)
        for tc in cells(moved):
            for p in tc.findall(qn("w:p")):
                rs = p.findall(qn("w:r"))
                if rs:
                    mt = el("w:moveTo", id=str(next(_ids)), author=AUTHOR, date=WHEN)
                    rs[0].addprevious(mt)
                    for r in rs:
                        mt.append(r)
        moved.get_or_add_trPr().append(rev("ins"))
        cells(moved)[0].find(qn("w:p")).insert(1, el("w:moveToRangeStart", id="902", name="move183000001",
                                                      author=AUTHOR, date=WHEN))
        cells(moved)[-1].find(qn("w:p")).append(el("w:moveToRangeEnd", id="902"))
        # theme 2 renamed
        track_replace(cells(trs[idx["theme2"]])[0], "Performance and Improvement", "Performance Management")
        # a deleted theme row before 1.3 ('Outcome 1b: Locality Working'), its text deleted
        drow = copy.deepcopy(trs[idx["theme1"]])
        tc = cells(drow)[0]
        p = tc.find(qn("w:p"))
        for r in p.findall(qn("w:r")):
            p.remove(r)
        p.append(deleted("Outcome 1b: Locality Working"))
        drow.get_or_add_trPr().append(rev("del"))
        trs[idx["1.3"]].addprevious(drow)
        # 2.1: the whole old commentary paragraph deleted (its mark too), the new one inserted
        tc = cells(trs[idx["2.1"]])[6]
        newp = tc.find(qn("w:p"))
        oldp = el("w:p")
        ppr = el("w:pPr")
        rpr = el("w:rPr")
        rpr.append(rev("del"))
        ppr.append(rpr)
        oldp.append(ppr)
        oldp.append(deleted("Self-assessment framework being designed with the Improvement Service."))
        newp.addprevious(oldp)
        track_insert(tc, "Self-assessments completed by five services using the PSIF model.")
        # 1.1: a deleted paragraph mark joins the two halves of the commentary into one paragraph
        tc = cells(trs[idx["1.1"]])[6]
        p1 = tc.find(qn("w:p"))
        r = find_run(p1, "IJB approval expected in March.")
        p0 = el("w:p")
        ppr = el("w:pPr")
        rpr = el("w:rPr")
        rpr.append(rev("del"))
        ppr.append(rpr)
        p0.append(ppr)
        for rr in list(p1.findall(qn("w:r"))):
            if rr is r:
                break
            p0.append(rr)
        p1.addprevious(p0)
        # 2.4's % and RAG revised, old values deleted
        track_replace(cells(trs[idx["2.4"]])[4], "25%", "10%")
        # the report date revised
        track_replace(para_with(document, "Report Date:"), "05/12/2024", "28/11/2024")

    spec.post_docx = fresh(hook)
    return spec


# J: refs from Word's automatic list numbering (w:numPr, no text in the cell); RAG as coloured Wingdings
#    symbols (w:sym) -----------------------------------------------------------------------------------
def _john_o_groats() -> PaperSpec:
    acts = [
        Act("1", "Develop a long-term financial plan linked to the council plan", "Chief Finance Officer",
            "31/03/2025", "2025-03-31", 55, "green", "Ten-year projections prepared for the budget seminar."),
        Act("2", "Review the structure of the senior management team", "Chief Executive", "31/12/2024",
            "2024-12-31", 90, "green", "New structure approved; recruitment to two posts under way."),
        Act("3", "Improve the council's tenant satisfaction scores", "Head of Housing", "31/03/2026", "2026-03-31",
            20, "amber", "Tenant survey commissioned for the spring."),
        Act("4", "Deliver the roads capital programme for 2024/25", "Head of Roads", "31/03/2025", "2025-03-31",
            40, "red", "Programme behind schedule after contractor failure in August."),
        Act("5", "Adopt a corporate approach to equalities impact assessment", "Equalities Officer",
            "30/09/2024", "2024-09-30", 100, "complete", "Approach adopted and guidance issued to all services."),
        Act("6", "Extend flexible working to front-line services", "Head of HR", "30/06/2025", "2025-06-30", 35,
            "amber", "Pilot running in two depots."),
        Act("7", "Publish service standards for all customer-facing services", "Customer Services Manager",
            "31/01/2025", "2025-01-31", 60, "green", "Standards drafted for 11 of 14 services."),
    ]
    colour = {"red": "FF0000", "amber": "FFC000", "green": "00B050", "complete": "0070C0"}
    rows: list = [h("No.", "Action", "Lead Officer", "Target Date", "% Complete", "RAG", "Progress", fill="DEEAF6")]
    rows += [[a.ref, a.desc, a.lead, a.due_raw, pct_cell(a.pct), C("●", font_colour=colour[a.rag]), a.update]
             for a in acts]
    title = "John o' Groats Council – Best Value Action Plan: Progress Report"
    rd = "2024-11-29"
    blocks = [P(title, "title"), P("Report Date: 29/11/2024"),
              P("RAG key: red = off track, amber = at risk, green = on track, blue = complete."),
              T(rows, widths=[0.5, 3.2, 1.9, 1.1, 1.0, 0.7, 3.6])]
    spec = PaperSpec(LAYOUT, "john_o_groats_bv_action_plan_progress_2024-11", blocks, expected(title, rd, acts),
                     producers=("docx", "pdf", "lo-docx"),
                     note="refs by automatic numbering (w:numPr); RAG as coloured Wingdings w:sym circles")

    def hook(document: Any) -> None:
        # a numbering definition: decimal '%1.' (the list Word's 'Numbering' button makes)
        numbering = document.part.numbering_part.element
        aid, nid = "91", "91"
        absn = el("w:abstractNum", abstractNumId=aid)
        absn.append(el("w:multiLevelType", val="hybridMultilevel"))
        lvl = el("w:lvl", ilvl="0")
        for child in (el("w:start", val="1"), el("w:numFmt", val="decimal"), el("w:lvlText", val="%1."),
                      el("w:lvlJc", val="left")):
            lvl.append(child)
        ppr = el("w:pPr")
        ppr.append(el("w:ind", left="360", hanging="360"))
        lvl.append(ppr)
        absn.append(lvl)
        first_num = numbering.find(qn("w:num"))
        if first_num is not None:
            first_num.addprevious(absn)
        else:
            numbering.append(absn)
        num = el("w:num", numId=nid)
        num.append(el("w:abstractNumId", val=aid))
        numbering.append(num)
        trs = table_rows(document)
        for i in range(1, len(acts) + 1):
            tcs = cells(trs[i])
            p = tcs[0].find(qn("w:p"))
            for r in p.findall(qn("w:r")):
                p.remove(r)
            ppr = p.find(qn("w:pPr"))
            if ppr is None:
                ppr = el("w:pPr")
                p.insert(0, ppr)
            npr = el("w:numPr")
            npr.append(el("w:ilvl", val="0"))
            npr.append(el("w:numId", val=nid))
            ppr.append(npr)
            r = first_run(tcs[5])
            t = r.find(qn("w:t"))
            r.replace(t, el("w:sym", font="Wingdings", char="F06C"))

    spec.post_docx = fresh(hook)
    return spec


def variants() -> list[PaperSpec]:
    return finished([_ardgour(), _balvenie(), _cromarty(), _dornoch(), _ederton(), _fearn(), _glenelg(),
                     _halkirk(), _inveraray(), _balvenie(markup=True), _john_o_groats()])
