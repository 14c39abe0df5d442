"""Settings are checked before any paper is read: a mistake is exit 2 naming the setting and what
it accepts, and nothing is taken in, read or published."""

from __future__ import annotations

from pathlib import Path

import pytest
from paper_factory import good_paper

from pipeline import config
from pipeline.cli import main
from pipeline.errors import ConfigError

BAD = [  # (bvtrack.toml, words the error must hold)
    ('[headers]\nowner_name = ["Boss"]\n', ["[headers]", "owner_name", "lead", "progress"]),
    ('match_threshold = "high"\n', ["match_threshold", "a number from 0 to 100", "'high'"]),
    ("match_threshold = 150\n", ["match_threshold", "a number from 0 to 100", "150"]),
    ('[rag_labels]\npurple = ["Stalled"]\n', ["[rag_labels]", "purple", "red, amber, green, complete, not_started"]),
    ('[rag_labels]\nred = "Off Track"\n', ["[rag_labels] red", "a list of strings"]),
    ("timeout_seconds = -1\n", ["timeout_seconds", "a number above 0"]),
    ("memory_mb = 1.5\n", ["memory_mb", "a whole number, 1 or more"]),
    ("max_input_mb = 0\n", ["max_input_mb", "a whole number, 1 or more"]),
    ("max_rows = true\n", ["max_rows", "a whole number, 1 or more"]),
    ("workers = 0\n", ["workers", "1 or more"]),
    ('theme_labels = "Improvement Area:"\n', ["theme_labels", "a list of strings"]),
    ('[organisations]\n"borders*" = 3\n', ["[organisations] borders*", "text"]),
    ("headers = 3\n", ["[headers]", "a table"]),
    ("[email]\nsmtp_port = 70000\n", ["[email]", "smtp_port", "1 to 65535"]),
    ('[email]\nenabled = "yes"\n', ["[email]", "enabled", "true or false"]),
    ("[email]\nretries = -1\n", ["retries", "0 or more"]),
    ("[papers.\"x.docx\"]\nreport_date = \"March\"\n", ["x.docx", "report_date", "2022-03-14"]),
]


@pytest.mark.parametrize(("toml", "words"), BAD, ids=[t.split("\n")[-2] or t for t, _ in BAD])
def test_a_bad_setting_is_exit_2_before_any_paper_is_read(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                           toml: str, words: list[str]) -> None:
    shared, ws = tmp_path / "shared", tmp_path / "ws"
    good_paper(shared, 0)
    ws.mkdir()
    (ws / "bvtrack.toml").write_text(toml, encoding="utf-8")
    assert main(["run", "--input", str(shared), "--workspace", str(ws), "--no-email"]) == 2
    err = capsys.readouterr().err
    assert all(w in err for w in words), err
    assert "bvtrack.toml" in err
    assert sorted(p.name for p in ws.iterdir()) == ["bvtrack.toml"]  # nothing taken in, read or written


def test_good_settings_load_as_written(tmp_path: Path) -> None:
    path = tmp_path / "bvtrack.toml"
    path.write_text('match_threshold = 90\n[headers]\nlead = ["Accountable Executive"]\n'
                    '[rag_labels]\nred = ["Off Track"]\n[email]\nsmtp_port = 587\nbackoff_seconds = 0\n',
                    encoding="utf-8")
    settings = config.load(path)
    assert settings.match_threshold == 90 and settings.headers == {"lead": ["Accountable Executive"]}
    assert settings.rag_labels == {"red": ["Off Track"]} and settings.email.smtp_port == 587


def test_settings_given_as_a_dict_are_checked_the_same() -> None:
    with pytest.raises(ConfigError, match="match_threshold must be a number from 0 to 100"):
        config.load({"match_threshold": 101})
