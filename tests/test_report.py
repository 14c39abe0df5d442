"""The data-quality report: what it shows, that paper text is escaped, that it needs nothing from
outside (no scripts, no style sheets), and how it looks in headless Chromium."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import pandas as pd
import pytest

from pipeline import schema
from pipeline.config import Settings
from pipeline.publish import report
from pipeline.run import run

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
CHROMIUM = Path("/usr/bin/chromium")
NOW = dt.datetime(2021, 3, 2, 9, 30)
HOSTILE = "<script>alert('x')</script> & \"quoted\""


def f(check: str, severity: str, doc: str | None, action: str | None, message: str, value: str | None = None) -> dict:
    return {"check": check, "severity": severity, "doc_id": doc, "action_id": action, "column": None,
            "value": value, "message": message}


def tables() -> dict[str, pd.DataFrame]:
    return {
        "documents": schema.conform("documents", [
            {"doc_id": "d1", "file_name": "summary.xlsx", "source_path": "/ws/raw/summary.xlsx", "status": "extracted",
             "report_date": dt.date(2021, 3, 1)},
            {"doc_id": "d2", "file_name": "summary.pdf", "source_path": "/ws/raw/summary.pdf", "status": "extracted",
             "report_date": dt.date(2021, 3, 1)},
            {"doc_id": "d3", "file_name": f"odd {HOSTILE}.docx", "source_path": "/ws/raw/odd.docx",
             "status": "quarantined", "error": f"cannot be read: {HOSTILE}"},
        ]),
        "actions": schema.conform("actions", [
            {"action_id": "a1", "ref": "5", "lead": "Jenni Craig"},
            {"action_id": "a2", "ref": "7", "lead": None},
            {"action_id": "a3", "ref": "2", "lead": HOSTILE},
        ]),
        "snapshots": schema.empty("snapshots"), "items": schema.empty("items"),
        "findings": schema.conform("findings", [
            f("priority_missing", "warning", "d1", "a1", "Action 5: no priority", None),
            f("priority_missing", "warning", "d2", "a1", "Action 5: no priority", None),  # the same, in the PDF
            f("lead_missing", "error", "d1", "a2", "Action 7: no lead officer"),
            f("target_date_revised", "info", "d1", "a1", "Action 5: target date revised", "2021-03-31"),
            f("overdue", "warning", "d1", "a3", f"Action 2: {HOSTILE}", "2020-01-31"),
            f("percent_format_mixed", "warning", "d1", None, "summary.xlsx writes percentages both ways"),
        ]),
    }


@pytest.fixture
def ctx(tmp_path: Path) -> dict:
    link = report.relative_links(tmp_path / "ws" / "outputs", tmp_path / "ws" / "raw")
    t = tables()
    t["documents"]["source_path"] = [str(tmp_path / "ws" / "raw" / n) for n in ("summary.xlsx", "summary.pdf",
                                                                                 "odd.docx")]
    return report.context(t, [("Thumbs.db", "not a paper")], link, NOW)


def test_counts_and_subject(ctx: dict) -> None:
    assert ctx["subject"] == "Best Value tracker: 3 papers, 1 error, 4 warnings, 1 quarantined"
    assert ctx["counts"] == {"error": 1, "warning": 4, "info": 1}
    assert ctx["papers"] == {"total": 3, "extracted": 2, "no_actions": 0, "quarantined": 1, "duplicate": 0}
    assert report.subject({"documents": schema.empty("documents"), "findings": schema.empty("findings")}) == \
        "Best Value tracker: 0 papers, 0 errors, 0 warnings"


def test_what_the_office_should_fix_grouped_by_check_most_severe_first(ctx: dict) -> None:
    assert [(g["severity"], g["check"], g["count"]) for g in ctx["fix"]] == [
        ("error", "lead_missing", 1), ("warning", "percent_format_mixed", 1), ("warning", "priority_missing", 2)]


def test_chase_list_holds_the_leads_findings_only_by_lead(ctx: dict) -> None:
    got = [(g["lead"], [(i["check"], [p["file"] for p in i["papers"]]) for i in g["items"]]) for g in ctx["chase"]]
    assert got == [(HOSTILE, [("overdue", ["summary.xlsx"])]),
                   ("Jenni Craig", [("target_date_revised", ["summary.xlsx"])])]
    assert ctx["chase"][1]["items"][0]["what"] == "Action 5: "  # no organisation or plan known here


def test_a_superseded_finding_is_not_chased(tmp_path: Path) -> None:
    t = tables()
    t["actions"] = schema.conform("actions", [{"action_id": "a1", "ref": "5", "lead": "Jenni Craig",
                                               "organisation": "Strathbeg Council", "plan": "Best Value Action Plan",
                                               "description": "Review the asset strategy"}])
    t["findings"] = schema.conform("findings", [
        {**f("progress_stalled", "warning", "d1", "a1", "Action 5: progress 0% on 15/02/2021, unchanged"),
         "current": False},
        {**f("overdue", "warning", "d2", "a1", "Action 5: due 31/03/2021, progress 80%"), "current": True},
    ])
    ctx = report.context(t, [], report.file_links(tmp_path), NOW)
    assert [(g["lead"], [i["check"] for i in g["items"]]) for g in ctx["chase"]] == [("Jenni Craig", ["overdue"])]
    assert ctx["chase"][0]["items"][0]["what"] == ("Strathbeg Council, Best Value Action Plan, action 5: "
                                                   "Review the asset strategy")
    assert ctx["superseded"] == 1
    assert "1 earlier finding was superseded by later papers: not chased" in report.render_html(ctx)


def test_html_escapes_paper_text_and_needs_nothing_from_outside(ctx: dict) -> None:
    html = report.render_html(ctx)
    assert "<script" not in html and "alert('x')" not in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &#34;quoted&#34;" in html
    assert not re.search(r"<(link|style|img|iframe|object)\b", html)  # inline styles, nothing fetched
    assert not re.search(r"\bsrc=", html)
    assert 'href="../raw/summary.xlsx"' in html and 'href="../raw/odd.docx"' in html
    assert "Thumbs.db" in html and "not a paper" in html


def test_text_part_is_not_html_escaped(ctx: dict) -> None:
    text = report.render_text(ctx)
    assert f"Action 2: {HOSTILE}" in text and "&lt;" not in text
    assert "FINDINGS: 1 errors, 4 warnings, 1 info." in text
    assert "  - summary.pdf: Action 5: no priority" in text and "  - summary.xlsx: Action 5: no priority" in text
    assert f"  - [warning] Action 2: \n      Action 2: {HOSTILE} (summary.xlsx)" in text


def test_long_lists_are_cut(tmp_path: Path) -> None:
    t = tables()
    many = [f(check, "warning", "d1", "a1", f"Action 5: late {i}") for i in range(report.MAX_ROWS_PER_CHECK + 3)
            for check in ("overdue", "priority_missing")]
    t["findings"] = schema.conform("findings", many)
    ctx = report.context(t, [], report.file_links(tmp_path), NOW)
    html = report.render_html(ctx)
    assert html.count("Action 5: late ") == 2 * report.MAX_ROWS_PER_CHECK  # to chase, and to fix: cut
    assert html.count("and 3 more: see the Chase list sheet of tracker.xlsx.") == 1
    assert html.count("and 3 more: see the Data quality sheet of tracker.xlsx.") == 1


def test_file_links_for_the_email(tmp_path: Path) -> None:
    link = report.file_links(tmp_path / "raw")
    assert link("/srv/ws/raw/a b.docx", "a b.docx") == "file:///srv/ws/raw/a%20b.docx"
    assert link(None, "x.pdf") == (tmp_path / "raw" / "x.pdf").as_uri()
    assert link(None, None) is None


@pytest.fixture(scope="module")
def sample_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not CORPUS.exists():
        pytest.skip("../shared/corpus is not beside the repository")
    ws = tmp_path_factory.mktemp("ws")
    inp = ws / "in"
    shutil.copytree(CORPUS / "papers", inp)
    result = run(ws, Settings(), input_dir=inp, email=False, now=NOW)
    assert result.report is not None
    return result.report


def test_sample_report_shows_the_sample_findings(sample_report: Path) -> None:
    html = sample_report.read_text(encoding="utf-8")
    # the PDFs printed from the .docx and the .xlsx are read once: their findings are not counted twice
    assert "<title>Best Value tracker: 4 papers, 0 errors, 18 warnings</title>" in html
    assert "Action 5: progress 25% on 15/02/2021, unchanged since 28/09/2020" in html
    assert "lead &#39;н/н&amp;Р&#39; is typed with look-alike non-Latin letters" in html
    assert 'href="../raw/sbc_bv_audit_implementation_update_2021-02.docx"' in html
    chase = html[html.index("Chase list"):html.index("Papers and data to fix")]
    assert [m for m in re.findall(r"<h3[^>]*>([^<]+) <span", chase)] == [
        "C Hepburn / J Smyth", "CEx CPP", "H/GSP", "Jenni Craig", "Jenny Wilkinson", "John Curry", "Rob McC-G"]
    # H/GSP has nothing to chase but an action due within 60 days of the run; H/H&P's look-alike letters are
    # the office's to fix, not the lead's
    assert "H/GSP <span style=\"font-weight:normal;color:#5f6368;\">(0 to chase, 1 due soon)" in html
    assert "30/04/2021</td><td" in chase and "Continue to progress the Governance Review" in chase


@pytest.mark.skipif(not CHROMIUM.exists(), reason="no /usr/bin/chromium (apt-get install -y chromium)")
def test_report_renders_in_headless_chromium(sample_report: Path, tmp_path: Path) -> None:
    shot = tmp_path / "data_quality.png"
    common = [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", f"--user-data-dir={tmp_path / 'profile'}",
              "--window-size=1024,2400"]
    subprocess.run([*common, f"--screenshot={shot}", sample_report.as_uri()], check=True, capture_output=True,
                   timeout=120)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000
    dom = subprocess.run([*common, "--dump-dom", sample_report.as_uri()], check=True, capture_output=True,
                         text=True, timeout=120).stdout
    assert "Chase list, by lead officer" in dom and "unchanged since 28/09/2020" in dom


def test_chase_list_keeps_distinct_findings_of_one_check(tmp_path: Path) -> None:
    t = tables()
    t["findings"] = schema.conform("findings", [
        f("progress_stalled", "warning", "d1", "a1", "Action 5: progress 15% on 13/12/2021, unchanged since 20/09/2021",
          "15"),
        f("progress_stalled", "warning", "d1", "a1", "Action 5: progress 15% on 20/09/2021, unchanged since 30/06/2021",
          "15"),
        f("priority_missing", "warning", "d1", "a1", "Action 5: no priority (page 1, table 1, row 17)"),
        f("priority_missing", "warning", "d2", "a1", "Action 5: no priority (page 2, table 1, row 10)"),
    ])
    ctx = report.context(t, [], report.file_links(tmp_path), NOW)
    assert [(i["check"], len(i["papers"])) for i in ctx["chase"][0]["items"]] == [
        ("progress_stalled", 1), ("progress_stalled", 1)]
    assert [(g["check"], g["count"]) for g in ctx["fix"]] == [("priority_missing", 2)]
