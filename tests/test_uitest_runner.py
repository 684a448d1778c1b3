"""The UI-test runner: directive errors, annotation checking, blessing (atomic, stale files, refusal
when schedules disagree), and the pytest plugin end to end (with pytester)."""
from __future__ import annotations

import os
import shutil

import pytest

from harness.uitest.directives import DirectiveError
from harness.uitest.runner import RunConfig, Runner
from harness.uitest.test import UiTest
from tests.conftest import ROOT

pytest_plugins = ["pytester"]


def write(tmp_path, name, text):
    p = tmp_path / name
    p.write_text(text)
    return str(p)


@pytest.mark.parametrize("line,msg", [
    ("//@ compile-flag: -Z threads=2", "unknown directive `compile-flag`; did you mean `compile-flags`?"),
    ("//@ check-pass: yes", "directive `check-pass` takes no value"),
    ("//@[nope] check-pass", "revision `nope` is not declared"),
    ("//@ schedule: random:3", "`schedule` pins a token"),
    ("//@ schedule: replay:s1.4.1.AA.0000", "corrupt schedule token"),
    ("//@ schedules: many", "`schedules` expects a number"),
    ('//@ normalize-stderr: "(" -> "x"', "bad regex in normalize-stderr"),
])
def test_bad_directives_name_file_and_line(tmp_path, line, msg):
    path = write(tmp_path, "t.rs", "// a test\n" + line + "\nfn main() {}\n")
    with pytest.raises(DirectiveError) as e:
        UiTest.load(path).props(None)
    assert str(e.value).startswith(f"{path}:2: ")
    assert msg in str(e.value)


def test_annotation_mismatches_are_reported(tmp_path):
    path = write(tmp_path, "t.rs", "fn main() {\n    let x: i32 = true; //~ ERROR wrong message\n"
                                   "    let y: i32 = false;\n}\n")
    cfg = RunConfig(schedules=2, bless=True)
    result = Runner(cfg).run_revision(UiTest.load(path), None)
    assert "expected ERROR not found at line 2 (annotation on line 2): wrong message" in result.problems
    assert "unexpected ERROR at line 3: mismatched types" in result.problems
    assert "unexpected ERROR at line 2: mismatched types" in result.problems


def test_bless_writes_compares_and_deletes_stale_files(tmp_path):
    path = write(tmp_path, "t.rs", "//@ revisions: a b\nfn main() {\n    let x: i32 = true; //~ ERROR mismatched\n}\n")
    stale = tmp_path / "t.c.stderr"
    stale.write_text("old")
    old_plain = tmp_path / "t.stderr"
    old_plain.write_text("old")
    test = UiTest.load(path)
    assert sorted(os.path.basename(p) for p in test.stale_expected_files()) == ["t.c.stderr", "t.stderr"]
    r = Runner(RunConfig(schedules=3, bless=True))
    for rev in ("a", "b"):
        assert r.run_revision(test, rev).ok
    for p in test.stale_expected_files():
        os.unlink(p)
    assert sorted(os.listdir(tmp_path)) == ["t.a.stderr", "t.b.stderr", "t.rs"]
    blessed = (tmp_path / "t.a.stderr").read_text()
    assert blessed.startswith("error[E0308]: mismatched types\n  --> $DIR/t.rs:3:18\n")
    assert Runner(RunConfig(schedules=3)).run_revision(test, "a").ok
    (tmp_path / "t.a.stderr").write_text(blessed.replace("i32", "u32"))
    res = Runner(RunConfig(schedules=3)).run_revision(test, "a")
    assert not res.ok and "stderr differs from t.a.stderr" in res.problems[0]
    assert "-   |            ---   ^^^^ expected `u32`, found `bool`" in res.problems[0]


def test_bless_refuses_when_schedules_disagree(tmp_path):
    src = open(os.path.join(ROOT, "ui_tests/parallel/no-parallel-guard.rs")).read()
    src = src.replace("//@ revisions: fixed injected", "//@ compile-flags: -Z inject-bug=no-parallel-guard")
    src = "\n".join(line for line in src.splitlines() if not line.startswith("//@[injected]"))
    src = src.replace("//[fixed]~", "//~")
    path = write(tmp_path, "npg.rs", src)
    result = Runner(RunConfig(schedules=40, strategy="pct", bless=True)).run_revision(UiTest.load(path), None)
    assert result.problems[0] == "refusing to bless: the sampled schedules disagree"
    assert "schedule(s) diverged from the `-Z threads=1` output" in result.problems[1]
    assert "replay: minirustc -Z ui-testing -Z threads=4 -Z schedule=replay:s1.4." in result.problems[1]
    assert not (tmp_path / "npg.stderr").exists()


def test_pytest_plugin_end_to_end(pytester):
    ui = pytester.mkdir("ui_tests")
    shutil.copy(os.path.join(ROOT, "ui_tests/typeck/let-mismatch.rs"), ui / "let-mismatch.rs")
    shutil.copy(os.path.join(ROOT, "ui_tests/typeck/let-mismatch.stderr"), ui / "let-mismatch.stderr")
    (ui / "bad.rs").write_text("//@ check-pass\nfn main() { let _x: u8 = true; }\n")
    (ui / "typo.rs").write_text("//@ revisons: a b\nfn main() {}\n")
    res = pytester.runpytest("ui_tests", "--schedules", "3", "-p", "no:cacheprovider")
    res.assert_outcomes(passed=1, failed=2)
    out = res.stdout.str()
    assert "ui_tests/typo.rs:1: unknown directive `revisons`; did you mean `revisions`?" in out
    assert "expected exit status 0, got 1" in out
    assert "unexpected ERROR at line 2: mismatched types" in out
    res = pytester.runpytest("ui_tests", "--schedules", "3", "--bless", "-p", "no:cacheprovider")
    res.assert_outcomes(passed=1, failed=2)
    assert (ui / "bad.stderr").read_text().startswith("error[E0308]: mismatched types")
