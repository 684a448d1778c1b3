"""Reports people read: the JSON report against its schema (docs/report-schema.json), the HTML report's
content and escaping (the browser test is tests/test_report_html.py), the scheduler's event trace
(observes only), the terminal's diffs and verdicts, usage errors, and how report files are written."""
from __future__ import annotations

import io
import json
import os
import re
import shutil
import stat

import jsonschema
import pytest

from harness.report import stress_json
from tests.conftest import ROOT, harness

ANCHOR = "ui_tests/cycles/cycle-anchor-first.rs"


STALE_SRC = """// A source with markup, which the HTML report must show as text: <script>window.__pwned = 1</script>
// </pre><img src=x onerror="window.__pwned = 2">
fn main() {
    let x: i32 = "one"; //~ ERROR mismatched types
}
"""


def stale_test(d) -> str:
    """A UI test in `d` whose blessed file is stale: its -Z threads=1 output, with one line changed."""
    from harness.uitest.runner import normalize
    from harness.uitest.test import UiTest
    from tests.conftest import compile_in_process
    d.mkdir(parents=True, exist_ok=True)
    path = d / "stale.rs"
    path.write_text(STALE_SRC)
    status, out = compile_in_process(["-Z", "ui-testing", str(path)])
    blessed = normalize(out, UiTest.load(str(path)), [])
    assert status == 1 and "error: aborting due to 1 previous error\n" in blessed
    (d / "stale.stderr").write_text(blessed.replace("aborting due to 1 previous error",
                                                    "aborting due to 2 previous errors"))
    return str(path)


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    """One stress run over a revision that diverges under schedules only (cycle-anchor-first
    re-injected) and a test whose blessed file is stale."""
    base = tmp_path_factory.mktemp("report")
    stale = stale_test(base / "tests")
    old = os.umask(0o022)
    try:
        p = harness(["stress", ANCHOR, stale, "--inject-bug", "cycle-anchor-first", "--schedules", "24",
                     "--minimize", "30", "--report-dir", str(base / "out"), "--jobs", "1"])
    finally:
        os.umask(old)
    (json_path,) = (base / "out").glob("stress-*.json")
    return base, p, json_path, json.loads(json_path.read_text())


def test_the_schema_is_valid_and_the_report_follows_it(reports):
    _, p, json_path, doc = reports
    jsonschema.Draft202012Validator.check_schema(stress_json.schema())
    assert stress_json.validate(doc) == []
    jsonschema.validate(doc, stress_json.schema(), cls=jsonschema.Draft202012Validator)
    assert doc["schema_version"] == 1 and doc["partial"] is False and doc["interrupted_by"] is None
    assert doc["runs"] == doc["planned_runs"] == doc["total_planned_runs"] == 48
    # an undocumented field is a schema error, so the schema cannot fall behind the code
    assert stress_json.validate({**doc, "surprise": 1}) == [
        "(top): Additional properties are not allowed ('surprise' was unexpected)"]
    t = doc["tests"][0]
    assert stress_json.validate({**doc, "tests": [{**t, "runs": -1}]}) == ["tests/0/runs: -1 is less than the minimum of 0"]


def test_first_failures_are_analysed(reports):
    base, p, _, doc = reports
    assert p.returncode == 1
    by_id = {t["test_id"]: t for t in doc["tests"]}
    anchor = by_id[ANCHOR + "#fixed"]
    f = anchor["failure"]
    assert anchor["divergent"] > 0 and f["index"] == anchor["first_index"] and f["token"] == anchor["first_token"]
    assert f["stale"] is False and f["reference"] == {"status": 1, "matches_blessed": True, "diff": ""}
    assert f["diff"].startswith("--- cycle-anchor-first.fixed.stderr\n+++ schedule " + f["spec"] + "\n@@ ")
    assert f["replay"] == (f"harness replay {f['token']} {ANCHOR}#fixed --inject-bug cycle-anchor-first")
    m = f["minimized"]
    assert m is not None and m["preemptions"] < m["original_preemptions"] and m["runs"] <= 30 + 1
    # the trace is of the minimised schedule
    assert f["timeline"]["token"] == m["token"] and f["timeline"]["minimized"] is True
    assert sum(1 for e in f["timeline"]["events"] if e[2] == "preempt") == m["preemptions"]
    assert sum(c["divergent_runs"] for c in doc["classes"]) == doc["divergent_runs"]
    stale = next(t for t in doc["tests"] if t["test_id"] == str(base / "tests" / "stale.rs"))
    assert stale["divergent"] == stale["runs"] == 24
    sf = stale["failure"]
    assert sf["stale"] is True and sf["minimized"] is None and sf["reference"]["matches_blessed"] is False
    assert sf["diff"].endswith("-error: aborting due to 2 previous errors\n+error: aborting due to 1 previous error\n \n"
                               " For more information about this error, try `rustc --explain E0308`.")
    assert sf["source"] == STALE_SRC
    assert sf["class"] == "changed-output"
    # the detection matrix counts every divergent run once, under the portfolio member that ran it
    det = doc["detection"]
    assert det["strategies"] == ["pct:2:100", "pct:3:300", "pct:3:1000", "pct:5:3000", "random"]
    assert det["runs"] == {"random": 24, "pct:2:100": 6, "pct:3:300": 6, "pct:3:1000": 6, "pct:5:3000": 6}
    assert sum(c["divergent"] for r in det["rows"] for c in r["cells"].values()) == doc["divergent_runs"]


def test_terminal_shows_diffs_and_says_stale_or_schedules(reports):
    base, p, _, doc = reports
    lines = p.stdout.splitlines()
    anchor = next(t for t in doc["tests"] if t["test_id"] == ANCHOR + "#fixed")
    assert f"{ANCHOR}#fixed: first divergence after {anchor['first_index']} schedule(s)" in lines
    assert f"  replay: {anchor['first_command']}" in lines        # not wrapped: piped output is one line each
    assert any(anchor["first_token"] in line and line.startswith("│") for line in lines)
    assert "  -Z threads=1 matches cycle-anchor-first.fixed.stderr: only schedules differ" in lines
    assert "--- cycle-anchor-first.fixed.stderr" in lines
    stale = str(base / "tests" / "stale.rs")
    assert (f"  -Z threads=1 differs from stale.stderr too: stale .stderr; bless? "
            f"(pytest {stale} --bless)") in lines
    assert "-error: aborting due to 2 previous errors" in lines
    assert "+error: aborting due to 1 previous error" in lines
    (html_line,) = [line for line in lines if line.startswith("html report: ")]
    assert html_line == f"html report: {next((base / 'out').glob('stress-*.html'))}"


def test_html_report_is_self_contained_and_escaped(reports, tmp_path):
    base, _, json_path, doc = reports
    html_path = json_path.with_suffix(".html")
    html = html_path.read_text()
    again = harness(["report", "html", str(json_path), "-o", str(tmp_path / "again.html")])
    assert again.returncode == 0 and again.stdout == f"html report: {tmp_path / 'again.html'}\n"
    assert (tmp_path / "again.html").read_text() == html            # stress wrote the same page
    assert "<script" not in html.lower()                            # no script of ours, none from a test
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html)   # nothing fetched from outside
    assert "Content-Security-Policy" in html and "default-src 'none'" in html
    assert html.count('<svg xmlns="http://www.w3.org/2000/svg" class="timeline-svg"') == 2
    # the stderr and sources are text: `<` is escaped wherever test content appears
    assert "&lt;https://doc.rust-lang.org/reference/types.html#recursive-types&gt;" in html
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in html
    assert "&lt;/pre&gt;&lt;img src=x onerror=&#34;window.__pwned = 2&#34;&gt;" in html
    assert "stale .stderr; bless?" in html and "only schedules differ" in html
    for t in doc["tests"]:
        assert t["test_id"] in html and t["failure"]["token"] in html
    anchor = next(t for t in doc["tests"] if t["test_id"] == ANCHOR + "#fixed")
    assert anchor["failure"]["minimized"]["token"] in html


def test_report_files_are_0644_with_no_temporary_files_left(reports):
    base, _, json_path, _ = reports
    names = sorted(os.listdir(base / "out"))
    assert names == sorted([json_path.name, json_path.with_suffix(".html").name])
    for n in names:
        assert stat.S_IMODE(os.stat(base / "out" / n).st_mode) == 0o644


def test_write_atomic_keeps_the_old_file_when_interrupted(tmp_path, monkeypatch):
    from harness import fsutil
    target = tmp_path / "r.json"
    target.write_text("old\n")
    os.chmod(target, 0o600)

    def interrupted(src, dst):
        raise KeyboardInterrupt
    monkeypatch.setattr(fsutil.os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        fsutil.write_atomic(str(target), "new\n")
    monkeypatch.undo()
    assert os.listdir(tmp_path) == ["r.json"] and target.read_text() == "old\n"
    fsutil.write_atomic(str(target), "new\n")
    assert target.read_text() == "new\n" and stat.S_IMODE(os.stat(target).st_mode) == 0o600   # mode kept


@pytest.mark.parametrize("threads", ["1", "0"])
def test_a_thread_count_below_two_is_a_usage_error(threads, tmp_path):
    p = harness(["stress", ANCHOR, "--threads", threads, "--report-dir", str(tmp_path)])
    assert p.returncode == 2
    assert p.stderr == (f"error: --threads must be at least 2 (the reference run is at -Z threads=1), "
                        f"found {threads}\n")
    assert p.stdout == "" and os.listdir(tmp_path) == []


def test_reports_go_to_the_project_reports_dir_from_any_directory(tmp_path):
    import subprocess
    import sys
    p = subprocess.run([sys.executable, "-m", "harness", "stress", os.path.join(ROOT, "ui_tests/cycles/const-cycle.rs"),
                        "--schedules", "2", "--jobs", "1"], capture_output=True, text=True, cwd=tmp_path, timeout=120,
                       env={**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [ROOT, os.environ.get("PYTHONPATH")]))})
    report = re.search(r"report: (\S+\.json)", p.stdout).group(1)
    html = re.search(r"html report: (\S+\.html)", p.stdout).group(1)
    try:
        assert os.path.dirname(report) == os.path.join(ROOT, "reports")
        assert os.path.isfile(report) and os.path.isfile(html)
        assert not (tmp_path / "reports").exists()
    finally:
        for f in (report, html):
            if os.path.exists(f):
                os.unlink(f)


@pytest.mark.parametrize("spec", ["random:1", "random:7", "pct:3:3:300", "pct:11:5:3000"])
def test_the_trace_observes_only(spec):
    """A traced replay gives the run's own output and token, and the trace's preemptions are the
    schedule's: every decision where the running thread could have gone on and another was picked."""
    from compiler.driver import run_compiler
    from compiler.sync import trace
    from compiler.sync.strategy import RecordingStrategy, parse_spec
    argv = ["-Z", "threads=4", "-Z", "ui-testing", "-Z", "inject-bug=cycle-anchor-first", "--cfg", "fixed", ANCHOR]
    rec = RecordingStrategy(parse_spec(spec))
    out, info = io.StringIO(), {}
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        status = run_compiler(argv, out, info=info, strategy=rec)
        replay = ["-Z", f"schedule=replay:{info['token']}", *argv]
        plain, traced = io.StringIO(), io.StringIO()
        plain_info, traced_info = {}, {}
        s1 = run_compiler(replay, plain, info=plain_info)
        with trace.recording() as tr:
            s2 = run_compiler(replay, traced, info=traced_info)
        untouched = io.StringIO()
        run_compiler(replay, untouched)          # the trace is claimed once: later runs are not traced
    finally:
        os.chdir(cwd)
    assert (s1, plain.getvalue(), plain_info["token"]) == (s2, traced.getvalue(), traced_info["token"]) \
        == (status, out.getvalue(), info["token"])
    preemptions = sum(1 for c, p in zip(rec.choices, rec.preemptible) if p and c != 0)
    kinds = [e[2] for e in tr.events]
    assert kinds.count("preempt") == preemptions
    assert kinds.count("exit") == len(tr.threads) - 1          # every spawned thread exits; main does not
    assert [t[1] for t in tr.threads[:5]] == ["main", "rustc-worker-0", "rustc-worker-1", "rustc-worker-2",
                                               "rustc-worker-3"]
    steps = [e[0] for e in tr.events if e[2] in ("point", "block")]
    assert steps == list(range(1, len(steps) + 1))              # one event per scheduling step, in order
    assert tr.truncated is False


def test_piped_output_never_wraps_a_long_token(tmp_path):
    """In a CI log (no terminal) the table and the replay line keep a token of several hundred
    characters whole, on one line each."""
    src = "\n".join(f'fn f{i}() -> i32 {{ "x" }}' for i in range(30)) + "\nfn main() {}\n"
    test = tmp_path / "long-token.rs"
    test.write_text(src)                                       # no .stderr: every run diverges
    p = harness(["stress", str(test), "--schedules", "1", "--minimize", "0", "--report-dir", str(tmp_path / "out")])
    assert p.returncode == 1
    (report,) = (tmp_path / "out").glob("stress-*.json")
    row = json.loads(report.read_text())["tests"][0]
    assert len(row["first_token"]) > 300
    lines = p.stdout.splitlines()
    assert len([line for line in lines if row["first_token"] in line and line.startswith("│")]) == 1
    assert f"  replay: {row['first_command']}" in lines
