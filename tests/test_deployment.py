"""docs/deployment.md installs bvtrack as written: the test runs the lines of its install block
in a temporary folder (paths moved there) and checks what they made.

Two steps differ, for want of root and network in a test: creating the service user and
handing it the workspace (``useradd``, ``chown``, ``sudo -u``) are left out, and the wheel is
installed without fetching its libraries (``--no-deps``, the libraries of the test's own
environment made visible to the new one). The wheel itself is built from the repository's
files exactly as the guide says, and runs from its own environment, far from the clone.
"""

from __future__ import annotations

import re
import shutil
import site
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
GUIDE = REPO / "docs" / "deployment.md"
BLOCK = re.compile(r"<!-- install:begin -->\s*```sh\n(.*?)```\s*<!-- install:end -->", re.S)
NEEDS_ROOT = ("useradd ", "chown ")


def install_steps() -> list[str]:
    found = BLOCK.search(GUIDE.read_text(encoding="utf-8"))
    assert found, "docs/deployment.md has no install block between <!-- install:begin/end --> markers"
    return [line.strip() for line in found.group(1).splitlines() if line.strip() and not line.startswith("#")]


def build_wheel(out: Path) -> Path:
    """``python3 -m pip wheel --no-deps -w dist .`` in a copy of the clone (building writes beside
    the sources), without build isolation: the build backend comes from the test's environment."""
    src = out / "clone"
    for name in ("pipeline", "extractors", "expectations"):
        shutil.copytree(REPO / name, src / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(REPO / name, src / name)
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w",
                    str(src / "dist"), str(src)], check=True, capture_output=True, timeout=300)
    return src


def test_the_install_steps_of_the_guide_make_a_working_deployment(tmp_path: Path) -> None:
    steps = install_steps()
    assert any("pip install dist/bvtrack-" in s for s in steps) and any(" init /srv/bvtrack" in s for s in steps)
    clone = build_wheel(tmp_path)
    (wheel,) = (clone / "dist").glob("bvtrack-*.whl")
    opt, srv, share = tmp_path / "opt" / "bvtrack", tmp_path / "srv" / "bvtrack", tmp_path / "shared"
    share.mkdir()
    papers = sorted((REPO.parent / "shared" / "corpus" / "papers").glob("*.docx"))[:1]
    for paper in papers:
        shutil.copy2(paper, share / paper.name)
    outputs: dict[str, subprocess.CompletedProcess[str]] = {}
    for step in steps:
        if step.startswith(NEEDS_ROOT):
            continue
        line = (step.removeprefix("sudo -u bvtrack ")
                .replace("/opt/bvtrack", str(opt)).replace("/srv/bvtrack", str(srv))
                .replace("/mnt/shared/best-value", str(share)).replace("dist/bvtrack-*.whl", str(wheel)))
        if "pip install --upgrade pip" in line:
            continue  # no network in a test; any pip that installs a wheel will do
        if "pip install" in line:
            line = line.replace("pip install", "pip install --no-deps --no-index")
            # the libraries bvtrack needs, from this environment (the guide fetches them from PyPI)
            new_site = next(opt.glob("lib/python3*/site-packages"))
            (new_site / "test-libraries.pth").write_text("\n".join(site.getsitepackages()) + "\n")
        result = subprocess.run(line, shell=True, cwd=tmp_path, capture_output=True, text=True, timeout=300)
        assert result.returncode == 0, f"{step}\n{result.stdout}\n{result.stderr}"
        outputs[step] = result
    version = next(r for s, r in outputs.items() if s.endswith("--version"))
    assert re.fullmatch(r"bvtrack \d+\.\d+\.\d+\n", version.stdout)
    run = next(r for s, r in outputs.items() if " run " in s)
    assert (run.stdout, run.stderr) == ("", "")  # no terminal, all well: nothing said
    # the installed code runs, not the clone's, and its suites came with it
    where = subprocess.run([str(opt / "bin" / "python"), "-c",
                            "import pipeline; from pipeline.checks.suites import SUITES_DIR; "
                            "print(pipeline.__file__); print(SUITES_DIR)"],
                           cwd=tmp_path, capture_output=True, text=True, check=True).stdout.split()
    assert all(Path(p).is_relative_to(opt) for p in where), where
    # the workspace bvtrack init made, with the share's papers only (no bundled samples)
    assert (srv / "bvtrack.toml").read_text().startswith("# bvtrack settings")
    assert sorted(p.name for p in (srv / "raw").iterdir()) == sorted(["manifest.json", "README.md",
                                                                     *(p.name for p in papers)])
    assert (srv / "outputs" / "tracker.xlsx").is_file() and (srv / "outputs" / "data_quality.html").is_file()


@pytest.mark.parametrize("scheduler", ["## cron", "## systemd", "## Windows Task Scheduler"])
def test_the_scheduler_examples_use_the_exit_statuses(scheduler: str) -> None:
    guide = GUIDE.read_text(encoding="utf-8")
    section = guide[guide.index(scheduler):]
    section = section[: section.find("\n## ", 1)]
    assert "/opt/bvtrack/bin/bvtrack run" in section or "bvtrack.exe\" run" in section
    if scheduler == "## cron":
        assert "MAILTO" in section and "exited $?" in section
    elif scheduler == "## systemd":
        assert "SuccessExitStatus=3" in section and "OnFailure=" in section and "UMask=" in section
    else:
        assert "0x4" in section and "0x3" in section
