"""The real-rustc backend: classification through the whole pipeline with a fake rustc (ICE, deadlock,
signal, timeout that kills the process group), compiletest directives against the installed rustc
(aux crates, run-pass, revisions with --cfg, skips with reasons), and the CLIs: stress with known
failures, --check-fixed, the pytest plugin, triage and perf. Real-rustc tests skip without rustc."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time

import pytest

from harness.backends import BackendError, get
from harness.iterate import IterConfig, RevisionRunner
from harness.uitest.directives import DirectiveError
from harness.uitest.test import UiTest
from tests.conftest import ROOT, harness

FAKE = os.path.join(ROOT, "tests", "fakes", "fake-rustc")
needs_rustc = pytest.mark.skipif(shutil.which("rustc") is None, reason="rustc is not installed")


def write(tmp_path, name, text):
    p = tmp_path / name
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(text)
    return str(p)


@pytest.mark.parametrize("mode,cls,sig", [
    ("ice", "ice", "index out of bounds: the len is N but the index is N @ compiler/rustc_fake/src/lib.rs"),
    ("deadlock", "deadlock", "deadlock detected (reported by the compiler)"),
    ("segv", "signal", "killed by SIGSEGV"),
])
def test_fake_rustc_runs_are_classified_by_their_text(tmp_path, mode, cls, sig):
    path = write(tmp_path, "t.rs", f"// fake: {mode}\n//@ check-pass\nfn main() {{}}\n")
    rep = RevisionRunner(get(f"rustc:{FAKE}"), IterConfig(runs=3)).run(UiTest.load(path), None)
    assert [r.cls for r in rep.runs] == [cls] * 3
    assert list(rep.signatures) == [sig] and rep.signatures[sig].count == 3
    assert rep.outcome == "failed"            # the -Z threads=1 run fails too
    assert str(rep.rate) == "3/3 = 100% (95% CI 44%-100%)"


def test_timeout_kills_the_process_group_and_leaves_nothing(tmp_path, monkeypatch):
    import tempfile
    path = write(tmp_path, "t.rs", "// fake: hang\n//@ check-pass\nfn main() {}\n")
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))     # the backend's scratch directories go here
    start = time.perf_counter()
    backend = get(f"rustc:{FAKE}", timeout=0.5)
    rep = RevisionRunner(backend, IterConfig(runs=1)).run(UiTest.load(path), None)
    assert time.perf_counter() - start < 5
    assert rep.reference.cls == "timeout" and rep.runs[0].cls == "timeout"
    assert subprocess.run(["pgrep", "-f", "sleep 30"], capture_output=True).returncode == 1
    # between runs the kept scratch directories are empty; closing the backend removes them
    for root, dirs, files in os.walk(scratch):
        assert files == [], (root, files)
    backend.close()
    assert os.listdir(scratch) == []


def test_bad_compiler_specs_are_one_line_errors(tmp_path):
    with pytest.raises(BackendError, match="is not an executable rustc"):
        get("rustc:/nonexistent/rustc")
    with pytest.raises(BackendError, match="unknown compiler `gcc`"):
        get("gcc")
    r = harness(["stress", "--compiler", "rustc:/nope", "ui_tests/rustc"])
    assert r.returncode == 2 and r.stderr == "error: `/nope` is not an executable rustc\n"


def test_directives_the_backend_cannot_honour_skip_with_a_reason(tmp_path):
    fake = get(f"rustc:{FAKE}")
    cases = {
        "//@ only-windows\nfn main() {}\n": "only on windows (line 1)",
        "//@ ignore-linux: not here\nfn main() {}\n": "ignored on linux (not here) (line 1)",
        "//@ needs-rustc-debug-assertions\nfn main() {}\n": "needs a rustc built with debug assertions",
        "//@ compile-flags: -Z inject-bug=no-parallel-guard\nfn main() {}\n": "is a minirustc flag",
        "//@ schedule-strategy: pct\nfn main() {}\n": "rustc cannot honour `//@ schedule-strategy`",
    }
    for i, (src, reason) in enumerate(cases.items()):
        rep = RevisionRunner(fake, IterConfig(runs=1)).run(UiTest.load(write(tmp_path, f"t{i}.rs", src)), None)
        assert rep.skipped and reason in rep.skipped, (src, rep.skipped)
    path = write(tmp_path, "bad.rs", "//@ ignore-plan9x\nfn main() {}\n")
    with pytest.raises(DirectiveError, match=r"bad.rs:1: unknown condition `ignore-plan9x`"):
        RevisionRunner(fake, IterConfig(runs=1)).run(UiTest.load(path), None)
    minirustc = get("minirustc")
    rep = RevisionRunner(minirustc, IterConfig(runs=1)).run(
        UiTest.load(write(tmp_path, "aux.rs", "//@ aux-build: x.rs\nfn main() {}\n")), None)
    assert rep.skipped == "minirustc cannot honour `//@ aux-build` (auxiliary crates)"


@needs_rustc
def test_aux_crates_run_pass_revisions_and_error_patterns(tmp_path):
    write(tmp_path, "auxiliary/helper.rs", "pub fn answer() -> u32 { 42 }\n")
    main = write(tmp_path, "main.rs", "//@ run-pass\n//@ aux-crate: helper=helper.rs\n//@ check-run-results\n"
                                      "fn main() { assert_eq!(helper::answer(), 42); }\n")
    main_src = open(main).read().replace("assert_eq!(helper::answer(), 42);", "println!(\"{}\", helper::answer());")
    open(main, "w").write(main_src)
    (tmp_path / "main.run.stdout").write_text("41\n")
    rustc = get("rustc")
    rep = RevisionRunner(rustc, IterConfig(runs=2, threads=2)).run(UiTest.load(main), None)
    assert rep.outcome == "failed" and "mismatch: run.stdout of the program" in rep.problems[0]
    (tmp_path / "main.run.stdout").write_text("42\n")
    rep = RevisionRunner(rustc, IterConfig(runs=2, threads=2)).run(UiTest.load(main), None)
    assert rep.outcome == "ok", rep.problems
    revs = write(tmp_path, "revs.rs", "//@ revisions: good bad\n//@[good] check-pass\n"
                                      "//@[bad] error-pattern: mismatched types\n"
                                      "fn main() {\n    #[cfg(bad)]\n    let _x: u32 = \"no\"; //[bad]~ ERROR mismatched\n}\n")
    test = UiTest.load(revs)
    for rev in ("good", "bad"):
        rep = RevisionRunner(rustc, IterConfig(runs=1, threads=2, bless=True)).run(test, rev)
        assert rep.outcome == "ok", (rev, rep.problems)
    assert not os.path.exists(tmp_path / "revs.good.stderr")
    assert "mismatched types" in (tmp_path / "revs.bad.stderr").read_text()


@needs_rustc
def test_stress_finds_the_known_ices_and_fails_without_the_known_failures_file(tmp_path):
    r = harness(["stress", "--compiler", "rustc", "ui_tests/rustc", "--runs", "6", "--report-dir", str(tmp_path),
                 "--junit", str(tmp_path / "j.xml")])
    assert r.returncode == 0, r.stdout + r.stderr
    assert "known-failure" in r.stdout and "known: rust#154056 https://github.com/rust-lang/rust/issues/154056" \
        in r.stdout
    doc = json.load(open(next(tmp_path.glob("flakes-*.json"))))
    assert doc["version"].startswith("rustc 1.") and len(doc["tests"]) == 4
    sigs = [s for t in doc["tests"] for s in t["signatures"]]
    assert sigs and all(s["known_issue"] for s in sigs)
    assert all("ci95" in t["failure_rate"] for t in doc["tests"])
    assert "<failure" not in (tmp_path / "j.xml").read_text()
    empty = tmp_path / "empty.toml"
    empty.write_text("")
    r = harness(["stress", "--compiler", "rustc", "ui_tests/rustc", "--runs", "6", "--report-dir", str(tmp_path),
                 "--known-failures", str(empty)])
    assert r.returncode == 1 and "NEW" in r.stdout


@needs_rustc
def test_check_fixed_and_results_independent_of_the_working_directory(tmp_path):
    r = subprocess.run([sys.executable, "-m", "harness", "stress", "--compiler", "rustc", "--check-fixed",
                        "--runs", "4", "--report-dir", str(tmp_path)], capture_output=True, text=True,
                       cwd=str(tmp_path), env=dict(os.environ, PYTHONPATH=ROOT))
    assert r.returncode == 0, r.stdout + r.stderr
    assert "is it fixed? known failures of rustc-1.95" in r.stdout
    assert "still failing" in r.stdout or "not seen" in r.stdout
    doc = json.load(open(next(tmp_path.glob("flakes-*.json"))))
    assert sorted(t["test"] for t in doc["tests"]) == [
        "ui_tests/rustc/dyn-arg-check-153366.rs", "ui_tests/rustc/fn-sig-cycle-154056.rs",
        "ui_tests/rustc/sig-cycle-edition2024-153391.rs", "ui_tests/rustc/variance-cycle-154560.rs"]


@needs_rustc
def test_pytest_plugin_drives_rustc():
    r = subprocess.run([sys.executable, "-m", "pytest", "ui_tests/rustc", "--compiler", "rustc", "--iterations", "4",
                        "-q", "-p", "no:xdist", "-rsx"], capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0, r.stdout + r.stderr
    import re
    counts = dict((k, int(n)) for n, k in re.findall(r"(\d+) (xfailed|passed|failed|skipped)", r.stdout.splitlines()[-1]))
    assert "failed" not in counts and counts.get("xfailed", 0) + counts.get("passed", 0) == 4, r.stdout


@needs_rustc
def test_triage_reports_minimal_flags_and_threads(tmp_path):
    r = harness(["triage", "ui_tests/rustc/fn-sig-cycle-154056.rs", "--compiler", "rustc", "--runs", "8",
                 "--report-dir", str(tmp_path)])
    assert r.returncode == 0, r.stdout + r.stderr
    assert "minimal flags:" in r.stdout and "lowest reproducing -Z threads=" in r.stdout
    doc = json.load(open(tmp_path / "triage-fn-sig-cycle-154056.json"))
    assert 2 <= doc["threads"] <= 4
    assert all(f in doc["flags"] for f in doc["minimal_flags"]) and len(doc["minimal_flags"]) < len(doc["flags"])
    assert doc["rate"]["runs"] == 8 and doc["command"].startswith("RUSTC_BOOTSTRAP=1 rustc")


@needs_rustc
def test_perf_table_on_a_generated_crate(tmp_path):
    crate = tmp_path / "crate.rs"
    subprocess.run([sys.executable, os.path.join(ROOT, "bench", "gen_crate.py"), str(crate), "--modules", "4"],
                   check=True)
    r = harness(["perf", "--compiler", "rustc", str(crate), "--threads", "1,2", "--runs", "1",
                 "--report-dir", str(tmp_path)])
    assert r.returncode == 0, r.stdout + r.stderr
    assert "speedup over N=1" in r.stdout and "identical across all runs and all N" in r.stdout
    r = harness(["perf", "--compiler", "minirustc", str(crate)])
    assert r.returncode == 2 and "is not a real rustc" in r.stderr


def test_budgets_and_perturbation_knobs(tmp_path):
    from harness.perturb import SWEEP, Perturbation
    fake = get(f"rustc:{FAKE}")
    ice = UiTest.load(write(tmp_path, "ice.rs", "// fake: ice\n//@ check-pass\nfn main() {}\n"))
    rep = RevisionRunner(fake, IterConfig(runs=10, until_fail=True)).run(ice, None)
    assert len(rep.runs) == 1 and rep.stopped == "first failure (--until-fail)"
    rep = RevisionRunner(fake, IterConfig(runs=1000, time_budget=0.2)).run(ice, None)
    assert 1 <= len(rep.runs) < 1000 and rep.stopped == "time budget of 0.2 s"
    ok = UiTest.load(write(tmp_path, "ok.rs", "// fake: ok\n//@ check-pass\nfn main() {}\n"))
    rep = RevisionRunner(fake, IterConfig(runs=7, perturb=Perturbation("sweep"))).run(ok, None)
    assert [r.threads for r in rep.runs] == [SWEEP[i % len(SWEEP)] for i in range(7)]
    assert str(rep.rate) == "0/7, p < 3/7 (35% at 95%)" and rep.outcome == "ok"
    rep = RevisionRunner(fake, IterConfig(runs=4, perturb=Perturbation("stagger"))).run(ok, None)
    assert [r.index for r in rep.runs] == [1, 2, 3, 4]
    assert Perturbation("affinity").preexec(0) is not None and Perturbation("none").preexec(0) is None
    with pytest.raises(ValueError, match="unknown perturbation `wobble`"):
        Perturbation("wobble")
