"""The command lines as a user meets them, in a terminal (pexpect) and in pipes: `harness stress`,
`harness replay`, `harness bugs`, and `minirustc`/`python -m compiler`."""
from __future__ import annotations

import json
import os
import sys

import re

import pexpect

from compiler import bugs
from tests.conftest import ROOT, harness, minirustc

WL = "ui_tests/parallel/worker-local-cycle-handler.rs"


def spawn(args: list[str]) -> pexpect.spawn:
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    return pexpect.spawn(sys.executable, ["-m", "harness", *args], cwd=ROOT, encoding="utf-8", timeout=120,
                         dimensions=(50, 200), env=env)


ANSI = re.compile(r"\x1b\[[0-9;?]*[a-zA-Z]")


def screen(args: list[str]) -> tuple[int, str]:
    """Run in a pseudo-terminal (rich sees a real terminal) and return the text without colours."""
    child = spawn(args)
    text = child.read()
    child.close()
    return child.exitstatus, ANSI.sub("", text).replace("\r\n", "\n")


def test_bugs_list_in_a_terminal():
    status, text = screen(["bugs", "list"])
    assert status == 0
    flat = re.sub(r"[│┃\s]+", "", text)
    for b in bugs.CATALOGUE.values():
        assert b.name in flat and b.tests[0] in flat and b.fidelity in flat
        # a long reference wraps inside its cell, interleaved with the other columns: check its words
        assert all(word in flat for ref in b.upstream for word in ref.split()), b.name
    for h in bugs.REVIEWED_HAZARDS:
        assert h.name in flat


def test_bugs_show_gives_the_pinned_reproduction():
    status, text = screen(["bugs", "show", "worker-local-cycle-handler"])
    assert status == 0
    assert "worker-local-cycle-handler (rust#94654, PR #98570)" in text
    assert re.search(r"pinned reproduction: harness replay s1\.4\.\S+ " + re.escape(WL) + "#injected", text)
    p = harness(["bugs", "show", "no-such-bug"])
    assert p.returncode == 2 and p.stderr.startswith("error: unknown bug `no-such-bug`")


def test_replay_shows_the_pinned_ice():
    from harness.uitest.test import UiTest
    token = UiTest.load(os.path.join(ROOT, WL)).props("injected").pinned[len("replay:"):]
    p = harness(["replay", token, f"{WL}#injected"])
    assert p.returncode == 134      # the handler thread's panic aborts the process
    expected = open(os.path.join(ROOT, "ui_tests/parallel/worker-local-cycle-handler.injected.stderr")).read()
    assert p.stderr == expected.replace("$DIR/", "ui_tests/parallel/")
    bad = harness(["replay", "s1.4.1.AA.0000", WL])
    assert bad.returncode == 2 and bad.stderr.startswith("error: corrupt schedule token")


def test_stress_exit_codes_and_report(tmp_path):
    ok = harness(["stress", "ui_tests/cycles/const-cycle.rs", "--schedules", "30", "--report-dir", str(tmp_path)])
    assert ok.returncode == 0, ok.stdout
    found = harness(["stress", WL, "--inject-bug", "worker-local-cycle-handler", "--schedules", "60",
                     "--report-dir", str(tmp_path), "--jobs", "1"])
    assert found.returncode == 1
    assert "first divergence after" in found.stdout and "replay: minirustc" in found.stdout
    reports = sorted(tmp_path.glob("stress-*.json"))
    assert len(reports) == 2
    doc = json.loads(reports[-1].read_text()) if "worker-local" in reports[-1].name else \
        json.loads(reports[0].read_text())
    row = doc["tests"][0]
    assert doc["inject_bug"] == "worker-local-cycle-handler" and row["runs"] == 60 and row["divergent"] > 0
    assert row["first_token"].startswith("s1.4.")
    missing = harness(["stress", "no/such/dir"])
    assert missing.returncode == 2 and missing.stderr.strip() == "error: no such file or directory: no/such/dir"


def test_minirustc_entry_points_agree():
    a = minirustc(["-Z", "ui-testing", "ui_tests/typeck/arg-count.rs"])
    b = pexpect.run(os.path.join(os.path.dirname(sys.executable), "minirustc") +
                    " -Z ui-testing ui_tests/typeck/arg-count.rs", cwd=ROOT, withexitstatus=True, encoding="utf-8")
    assert a.returncode == 1 == b[1]
    assert a.stderr.replace("\n", "\r\n") == b[0]


def test_stress_shards_partition_the_work_and_write_junit(tmp_path):
    import xml.etree.ElementTree as ET
    runs = {}
    for i in (1, 2):
        junit = tmp_path / f"s{i}.xml"
        p = harness(["stress", "ui_tests/cycles", "--schedules", "50", "--shard", f"{i}/2", "--junit", str(junit),
                     "--report-dir", str(tmp_path), "--jobs", "1"])
        assert p.returncode == 0
        suite = ET.parse(junit).getroot()
        assert suite.get("failures") == "0"
        doc = json.loads(sorted(tmp_path.glob("stress-*.json"))[-1].read_text())
        for t in doc["tests"]:
            runs[t["test_id"]] = runs.get(t["test_id"], 0) + t["runs"]
        for f in tmp_path.glob("stress-*.json"):
            f.unlink()
    assert set(runs.values()) == {50} and len(runs) == 9
    bad = harness(["stress", "ui_tests/cycles", "--shard", "3/2"])
    assert bad.returncode == 2 and "--shard expects I/N" in bad.stderr


def test_stress_junit_records_the_failure(tmp_path):
    import xml.etree.ElementTree as ET
    junit = tmp_path / "j.xml"
    p = harness(["stress", WL, "--inject-bug", "worker-local-cycle-handler", "--schedules", "30", "--junit", str(junit),
                 "--report-dir", str(tmp_path), "--jobs", "1"])
    assert p.returncode == 1
    failure = ET.parse(junit).getroot().find("testcase/failure")
    assert failure is not None and "replay: minirustc" in failure.text


def test_backends_agree():
    from harness.backends import InProcess, Subprocess
    argv = ["-Z", "threads=4", "-Z", "schedule=pct:3", "-Z", "ui-testing", "ui_tests/cycles/const-cycle.rs"]
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        assert InProcess().run(argv) == Subprocess().run(argv)
    finally:
        os.chdir(cwd)


def test_pin_refuses_an_unblessed_reference_and_pins_a_reproducing_token(tmp_path):
    src = open(os.path.join(ROOT, "ui_tests/cycles/cycle-anchor-first.rs")).read()
    src = "\n".join(line for line in src.splitlines() if "schedule: replay:" not in line) + "\n"
    test = tmp_path / "anchor.rs"
    test.write_text(src)
    p = harness(["pin", str(test), "--inject-bug", "cycle-anchor-first"])
    assert p.returncode == 2 and "does not match its blessed expectation" in p.stderr and "bless it first" in p.stderr
    assert "schedule: replay:" not in test.read_text()
    from harness.uitest.runner import normalize
    from harness.uitest.test import UiTest
    from tests.conftest import compile_in_process
    _, out = compile_in_process(["-Z", "ui-testing", str(test)])
    (tmp_path / "anchor.fixed.stderr").write_text(normalize(out, UiTest.load(str(test)), []))
    p = harness(["pin", str(test), "--inject-bug", "cycle-anchor-first"])
    assert p.returncode == 0, p.stderr
    token = re.search(r"schedule: replay:(\S+)", test.read_text()).group(1)
    r = harness(["replay", token, f"{test}#injected"])
    assert r.returncode == 1 and not r.stderr.startswith("error[E0391]: cycle detected when expanding type alias `Sender`")
