"""`--error-format=json`: rustc's JSON diagnostics. Every line is a JSON object in rustc's key order;
keys and values equal rustc 1.95's (byte for byte where no error code is involved, else with the
`explanation` text set aside: minirustc's are its own); the `rendered` fields concatenate to the human
output for every UI test; ICEs stay plain text; and the UI runner compares a JSON test as compiletest
does. The rustc comparisons skip without rustc."""
from __future__ import annotations

import glob
import io
import json
import os
import subprocess
import tempfile

import pytest

from compiler.errors import Diag
from compiler.errors.emitter import HumanEmitter
from compiler.errors.json import APPLICABILITY, APPLICABILITY_INFIX, JsonEmitter
from compiler.syntax.span import DUMMY_SP, SourceFile, Span
from harness.backends import InProcess
from harness.uitest import rustc_json
from harness.uitest.runner import RunConfig, Runner
from harness.uitest.test import UiTest
from tests.conftest import ROOT, compile_in_process
from tests.rustc_oracle import rustc_available

needs_rustc = pytest.mark.skipif(not rustc_available(), reason="rustc is not installed")

KEYS = ["$message_type", "message", "code", "level", "spans", "children", "rendered"]
SPAN_KEYS = ["file_name", "byte_start", "byte_end", "line_start", "line_end", "column_start", "column_end",
             "is_primary", "text", "label", "suggested_replacement", "suggestion_applicability", "expansion"]

# programs on which minirustc's JSON equals rustc's (explanations aside): errors with two codes, labels
# and a non-ASCII line; lints with inline suggestions and a whole-line removal; a cycle with span notes;
# a multipart suggestion with placeholders; a suggestion inserted after a bound
PROGRAMS = {
    "two-codes": 'fn main() {\n    let s = "héllo wörld"; let x: i32 = "ü";\n    let y = zzz;\n}\n',
    "lints": "#[inline]\n#[inline]\nfn foo() {}\nfn main() {\n    foo();\n    let x = 5;\n    let BadName = 3;\n}\n",
    "alias-cycle": "type A = B;\ntype B = A;\nfn main() {}\n",
    "recursive-struct": "struct List { next: List, value: i32 }\nfn main() {}\n",
    "trait-bound": "trait Speak { fn speak(&self) -> u8; }\nfn talk<T>(t: T) -> u8 { t.speak() }\nfn main() {}\n",
    "crlf": 'fn main() {\r\n    let x: i32 = (\r\n    );\r\n    let y: u8 = "a";\r\n}\r\n',
}
LINT_ONLY = ("lints",)


def _write(tmp_path, name: str, src: str) -> str:
    path = tmp_path / f"{name}.rs"
    path.write_bytes(src.encode("utf-8"))
    return str(path)


def _ours(argv: list[str]) -> tuple[int, str]:
    return compile_in_process(argv)


def _rustc(argv: list[str]) -> tuple[int, str]:
    with tempfile.TemporaryDirectory() as d:
        p = subprocess.run(["rustc", "--emit=metadata", "-o", os.path.join(d, "x.rmeta"), *argv],
                           capture_output=True, text=True, env=dict(os.environ, RUSTC_BOOTSTRAP="1"), timeout=120)
    return p.returncode, p.stderr


def _objects(stderr: str) -> list[dict]:
    return [json.loads(line) for line in stderr.splitlines()]


def _without_explanations(objs: list[dict]) -> list[dict]:
    for o in objs:
        if o.get("code") and o["code"]["explanation"] is not None:
            o["code"]["explanation"] = "<text>"
    return objs


def _check_shape(obj: dict, top: bool):
    assert list(obj) == (KEYS if top else KEYS[1:])
    assert isinstance(obj["message"], str) and obj["level"] in ("error", "warning", "note", "help", "failure-note")
    assert obj["code"] is None or list(obj["code"]) == ["code", "explanation"]
    assert (obj["rendered"] is not None) == top
    for s in obj["spans"]:
        assert list(s) == SPAN_KEYS
        assert s["byte_start"] <= s["byte_end"] and s["line_start"] <= s["line_end"]
        for line in s["text"]:
            assert list(line) == ["text", "highlight_start", "highlight_end"]
    for c in obj["children"]:
        _check_shape(c, top=False)
        assert c["children"] == []


def test_every_line_is_one_diagnostic_in_rustc_shape(tmp_path):
    path = _write(tmp_path, "shape", PROGRAMS["two-codes"])
    code, err = _ours(["--error-format=json", path])
    assert code == 1
    objs = _objects(err)        # every line parses
    for o in objs:
        _check_shape(o, top=True)
    assert [(o["level"], o["code"] and o["code"]["code"]) for o in objs] == [
        ("error", "E0425"), ("error", "E0308"), ("error", None), ("failure-note", None), ("failure-note", None)]
    assert [o["message"] for o in objs[2:]] == [
        "aborting due to 2 previous errors", "Some errors have detailed explanations: E0308, E0425.",
        "For more information about an error, try `rustc --explain E0308`."]
    e0308 = objs[1]
    primary = next(s for s in e0308["spans"] if s["is_primary"])
    # byte offsets count UTF-8 bytes, columns count characters
    line = 'let s = "héllo wörld"; let x: i32 = "ü";'
    col = line.index('"ü"') + 5
    assert (primary["column_start"], primary["column_end"]) == (col, col + 3)
    assert primary["byte_start"] == len(f'fn main() {{\n    {line[:col - 5]}'.encode()) and \
        primary["byte_end"] - primary["byte_start"] == len('"ü"'.encode())
    from compiler.explain import explain
    assert e0308["code"]["explanation"] == explain("E0308")


def test_pretty_json_is_the_same_objects_indented(tmp_path):
    path = _write(tmp_path, "pretty", PROGRAMS["lints"])
    _, compact = _ours(["--error-format=json", path])
    _, pretty = _ours(["--error-format=pretty-json", path])
    assert pretty.startswith('{\n  "$message_type": "diagnostic",\n  "message": ')
    assert [json.loads(b) for b in pretty.replace("\n}\n{", "\n}\x00{").split("\x00")] == _objects(compact)


@needs_rustc
@pytest.mark.parametrize("ui", [False, True], ids=["plain", "ui-testing"])
@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_same_json_as_rustc(tmp_path, name, ui):
    path = _write(tmp_path, name, PROGRAMS[name])
    argv = (["-Z", "ui-testing"] if ui else []) + ["--error-format=json", path]
    (code, ours), (theirs_code, theirs) = _ours(argv), _rustc(argv)
    assert code == theirs_code
    if name == "crlf":
        # the spans agree; the human rendering of a multi-line span is rustc's older layout
        ours_objs, theirs_objs = _objects(ours), _objects(theirs)
        for o in ours_objs + theirs_objs:
            o["rendered"] = None
        assert _without_explanations(ours_objs) == _without_explanations(theirs_objs)
        return
    if name in LINT_ONLY:
        assert ours == theirs           # byte for byte: key order, escapes, separators
    assert _without_explanations(_objects(ours)) == _without_explanations(_objects(theirs))
    # an explanation wherever rustc has one
    assert [o["code"] and o["code"]["explanation"] is not None for o in _objects(ours)] == \
        [o["code"] and o["code"]["explanation"] is not None for o in _objects(theirs)]


@needs_rustc
@pytest.mark.parametrize("fmt", ["json", "pretty-json"])
def test_lint_only_output_is_byte_identical_to_rustc(tmp_path, fmt):
    path = _write(tmp_path, "lints", PROGRAMS["lints"])
    argv = ["-Z", "ui-testing", f"--error-format={fmt}", "-W", "unused-variables", path]
    assert _ours(argv) == _rustc(argv)


@needs_rustc
@pytest.mark.parametrize("content", [None, b"\xff\xfe"], ids=["missing", "not-utf8"])
def test_unreadable_input_as_rustc_reports_it(tmp_path, content):
    path = str(tmp_path / "input.rs")
    if content is not None:
        with open(path, "wb") as f:
            f.write(content)
    for fmt in ("human", "json"):
        assert _ours([f"--error-format={fmt}", path]) == _rustc([f"--error-format={fmt}", path])


def _ui_revisions() -> list:
    out = []
    for path in sorted(glob.glob(os.path.join(ROOT, "ui_tests", "**", "*.rs"), recursive=True)):
        test = UiTest.load(os.path.relpath(path, ROOT))
        if test.ignored or test.real_rustc_only:
            continue
        for rev in test.revision_names():
            if os.path.exists(os.path.join(ROOT, test.expected_path(rev))):
                out.append(pytest.param(test, rev, id=test.test_id(rev)))
    return out


@pytest.mark.parametrize("test,rev", _ui_revisions())
def test_rendered_fields_concatenate_to_the_human_output(test, rev):
    props = test.props(rev)
    argv = ["-Z", "ui-testing", *[f for f in props.flags() if not f.startswith("--error-format")],
            "-Z", "threads=1", os.path.join(ROOT, test.path)]
    env = props.rustc_env or None
    human_status, human, _ = InProcess().run(argv, env=env)
    json_status, js, _ = InProcess().run(["--error-format=json", *argv], env=env)
    assert json_status == human_status
    rendered, _ = rustc_json.read(js, os.path.basename(test.path))
    assert rendered == human
    objs = [json.loads(line) for line in js.splitlines() if line.startswith("{")]
    assert all(o["rendered"] for o in objs) and (objs or not human)


def test_an_ice_stays_plain_text_after_the_json(tmp_path, monkeypatch):
    """As in rustc, whose ICE report goes through a fresh human emitter: the diagnostics before the
    panic are JSON, the panic message, banner and query stack plain text, the same as without JSON."""
    from compiler import driver

    def boom(tcx, d):
        raise RuntimeError("typeck exploded")
    monkeypatch.setitem(driver.PROVIDERS, "typeck", boom)
    path = _write(tmp_path, "ice", "fn main() { let x = undefined_name; }\n")
    human_code, human = _ours(["-Z", "ui-testing", path])
    code, err = _ours(["-Z", "ui-testing", "--error-format=json", path])
    assert code == human_code == 101
    lines = err.splitlines()
    assert json.loads(lines[0])["message"] == "cannot find value `undefined_name` in this scope"
    assert not any(line.startswith("{") for line in lines[1:])
    assert lines[1].startswith("thread 'rustc' panicked at ") and lines[-3:] == [
        "#0 [typeck] type-checking `main`", "#1 [analysis] running analysis passes on crate `ice`",
        "end of query stack"]
    assert rustc_json.read(err, "ice.rs")[0] == human


def test_tool_only_suggestions_and_dummy_spans():
    f = SourceFile("t.rs", "fn main() {\n    let x = 1;\n}\n")
    d = Diag("warning", "something", lint="demo").primary(Span(20, 21, f))
    d.span_note(DUMMY_SP, "cycle used when running analysis passes on crate `t`")
    d.tool_only_suggestion("remove the whole statement", [(Span(16, 27, f), "")])
    human = HumanEmitter(ui_testing=False)
    text = human.render(d)
    assert "remove the whole statement" not in text
    assert "  = note: cycle used when running analysis passes on crate `t`" in text     # as rustc: no snippet
    out = io.StringIO()
    JsonEmitter(human, root=f).emit(out, d, text + "\n")
    obj = json.loads(out.getvalue())
    note, sugg = obj["children"]
    # rustc writes DUMMY_SP at the start of the root file, without source lines
    assert [(s["byte_start"], s["byte_end"], s["line_start"], s["column_start"], s["text"]) for s in note["spans"]] \
        == [(0, 0, 1, 1, [])]
    assert (sugg["level"], sugg["spans"][0]["suggested_replacement"], sugg["spans"][0]["byte_start"]) == ("help", "", 16)
    assert sugg["spans"][0]["suggestion_applicability"] == "Unspecified"
    assert obj["rendered"] == text + "\n"


def test_every_suggestion_minirustc_makes_has_rustcs_applicability():
    import re
    messages, infixes = set(), set()
    for root, _, files in os.walk(os.path.join(ROOT, "compiler")):
        if os.path.basename(root) == "errors":
            continue            # the emitters themselves
        for name in files:
            if name.endswith(".py"):
                src = open(os.path.join(root, name), encoding="utf-8").read()
                messages |= set(re.findall(r'multipart_suggestion\(\s*f?"([^"{]+)', src))
                messages |= set(re.findall(r'"help: ([^"{:]+)', src))
                # a message that starts with a name: its fixed part after the name
                infixes |= set(re.findall(r'"help: `\{[^}"]+\}([^"{]+)', src))
    messages = {m.strip() for m in messages if m.strip() != "`"}
    assert messages, "no suggestions found"
    known = [prefix for prefix, _ in APPLICABILITY]
    assert [m for m in messages if not any(m.startswith(k) for k in known)] == []
    assert infixes
    assert [m for m in infixes if not any(k in "`" + m for k, _ in APPLICABILITY_INFIX)] == []


# ---- the UI runner
JSON_TEST = """//@ compile-flags: --error-format=json
#![deny(unused_variables)]
fn main() {
    let total = 1; //~ ERROR unused variable: `total`
}
"""


def _run_ui(tmp_path, src: str, bless: bool = False):
    d = tmp_path / "ui_tests"
    d.mkdir(exist_ok=True)
    (d / "j.rs").write_text(src)
    test = UiTest.load(str(d / "j.rs"))
    return test, Runner(RunConfig(schedules=3, bless=bless)).run_revision(test, None)


def test_runner_compares_the_json_as_written_with_escaped_newlines_made_real(tmp_path):
    test, result = _run_ui(tmp_path, JSON_TEST, bless=True)
    assert result.ok, result.problems
    blessed = open(test.expected_path(None), encoding="utf-8").read()
    first = blessed.split("\n")[0]
    assert first.startswith('{"$message_type":"diagnostic","message":"unused variable: `total`"')
    assert '"file_name":"$DIR/j.rs"' in first and '"rendered":"error: unused variable: `total`' in first
    assert "\n  --> $DIR/j.rs:4:9\n" in blessed and "\\n" not in blessed
    test, result = _run_ui(tmp_path, JSON_TEST)
    assert result.ok, result.problems


def test_runner_matches_annotations_against_the_json(tmp_path):
    _run_ui(tmp_path, JSON_TEST, bless=True)
    wrong = JSON_TEST.replace("//~ ERROR unused variable: `total`", "//~ ERROR unused variable: `count`")
    _, result = _run_ui(tmp_path, wrong)
    assert any("expected ERROR not found at line 4" in p for p in result.problems), result.problems
    assert any("unexpected ERROR at line 4: unused variable: `total` [unused_variables]" in p
               for p in result.problems), result.problems
    # a NOTE annotation finds the child note at its own span (the lint level's attribute, line 2)
    noted = JSON_TEST.replace("#![deny(unused_variables)]", "#![deny(unused_variables)] //~ NOTE the lint level is defined here")
    _, result = _run_ui(tmp_path, noted, bless=True)
    assert result.ok, result.problems
