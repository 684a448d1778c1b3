"""Interrupt safety: Ctrl-C (in a real terminal, so the whole foreground process group gets SIGINT,
worker processes included) or SIGTERM during `harness stress` stops at the next run boundary, writes
the partial JSON and HTML reports (marked partial), and exits 130, leaving no temporary file."""
from __future__ import annotations

import json
import os
import re
import signal
import sys

import pexpect
import pytest

from harness.report import stress_json
from tests.conftest import ROOT

ANSI = re.compile(r"\x1b\[[0-9;?]*[a-zA-Z]")


def spawn(args: list[str]) -> pexpect.spawn:
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    return pexpect.spawn(sys.executable, ["-m", "harness", *args], cwd=ROOT, encoding="utf-8", timeout=120,
                         dimensions=(50, 200), env=env)


@pytest.mark.parametrize("how,jobs", [("ctrl-c", "2"), ("sigterm", "1")])
def test_interrupted_stress_writes_partial_reports_and_exits_130(how, jobs, tmp_path):
    # far more schedules than can run before the interrupt: every revision of the suite, 400 each
    child = spawn(["stress", "ui_tests", "--schedules", "400", "--jobs", jobs, "--minimize", "0",
                   "--report-dir", str(tmp_path)])
    # the progress bar shows runs done: wait until some have
    child.expect(r"stress\S*\s.*?([1-9]\d*)/(\d+)")
    planned = int(child.match.group(2))
    if how == "ctrl-c":
        child.sendintr()                    # the terminal's ^C: SIGINT to the foreground process group
    else:
        child.kill(signal.SIGTERM)          # `kill PID`: the main process only
    child.expect(pexpect.EOF, timeout=60)
    child.close()
    text = ANSI.sub("", child.before).replace("\r\n", "\n")
    assert child.exitstatus == 130, text
    name = "SIGINT" if how == "ctrl-c" else "SIGTERM"
    m = re.search(rf"interrupted \({name}\): stopped at a run boundary after (\d+) of (\d+) schedules; the "
                  "reports are marked partial", text)
    assert m, text
    ran = int(m.group(1))
    assert int(m.group(2)) == planned and 0 < ran < planned

    names = sorted(os.listdir(tmp_path))
    assert len(names) == 2 and names[0].endswith(".html") and names[1].endswith(".json"), names
    assert names[0][:-5] == names[1][:-5]
    assert not any(n.startswith(".tmp-") for n in names)            # nothing half-written left behind
    doc = stress_json.load(str(tmp_path / names[1]))                  # parses and follows the schema
    assert doc["partial"] is True and doc["interrupted_by"] == name
    assert doc["runs"] == ran and doc["planned_runs"] == planned
    # the runs that were recorded are whole: each revision's ranges hold exactly its count of runs
    for t in doc["tests"]:
        assert sum(b - a + 1 for a, b in t["ranges"]) == t["runs"]
    html = (tmp_path / names[0]).read_text()
    assert "Partial report:" in html and f"the run was interrupted ({name})" in html
    assert f"{ran} of {planned} planned schedules ran" in html
