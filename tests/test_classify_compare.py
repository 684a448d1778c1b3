"""Classification of runs by their text, ICE signatures, normalisation profiles, comparison modes,
flake statistics and known-failure files (no compiler needed)."""
from __future__ import annotations

import pytest

from harness import compare as cmp
from harness import normalize as norm
from harness.known import KnownFailuresError, load, signature_matches
from harness.outcome import classify_run
from harness.stats import Rate, runs_for_confidence, wilson, zero_bound

PANIC = ("thread 'rustc' (12345) panicked at /rustc-dev/59807616e1fa2540724bfbac14d7976d7e4a3860/compiler/"
         "rustc_hir_typeck/src/fn_ctxt/checks.rs:1662:34:\nindex out of bounds: the len is 0 but the index is 0\n"
         "stack backtrace:\n   0: __rustc::rust_begin_unwind\n   1: core::panicking::panic_fmt\n\n"
         "error: the compiler unexpectedly panicked. This is a bug\n\n"
         "note: we would appreciate a bug report: https://github.com/rust-lang/rust/issues/new\n\n"
         "note: rustc 1.95.0 (59807616e 2026-04-14) running on x86_64-unknown-linux-gnu\n\n"
         "note: compiler flags: -Z threads=4\n\nquery stack during panic:\n#0 [typeck] type-checking `main`\n"
         "end of query stack\n")
DELAYED = ("note: no errors encountered even though delayed bugs were created\n\n"
           "error: internal compiler error[E0391]: cycle detected when computing function signature of `f`\n"
           "  --> a.rs:1:1\n   |\n"
           "note: delayed at /rustc-dev/59807616e1fa2540724bfbac14d7976d7e4a3860/compiler/rustc_query_impl/"
           "src/job.rs:477:16\n         0: <rustc_errors::DiagCtxtInner>::emit_diagnostic\n")


def test_ice_signature_is_message_and_file_without_line_or_thread():
    c = classify_run(101, PANIC)
    assert (c.cls, c.signature) == ("ice", "index out of bounds: the len is N but the index is N @ "
                                           "compiler/rustc_hir_typeck/src/fn_ctxt/checks.rs")
    other = PANIC.replace("(12345)", "(999)").replace("1662:34", "1700:2").replace("is 0 but", "is 5 but")
    assert classify_run(101, other).signature == c.signature


def test_delayed_bug_deadlock_signal_timeout_and_plain_runs():
    assert classify_run(101, DELAYED).cls == "delayed-bug"
    assert classify_run(101, DELAYED).signature == ("delayed bug: [E0391] cycle detected when computing function "
                                                    "signature of `f` @ compiler/rustc_query_impl/src/job.rs")
    # a panic at the end of a session that flushes delayed bugs is the delayed bug
    flush = "thread 'rustc' panicked at compiler/rustc_errors/src/lib.rs:1:1:\n\n" + DELAYED
    assert classify_run(101, flush).cls == "delayed-bug"
    dl = "thread '<unnamed>' panicked at x/compiler/rustc_query_impl/src/job.rs:1:1:\ndeadlock detected as we're"
    assert classify_run(101, dl).cls == "deadlock"
    assert classify_run(None, "", signum=11).signature == "killed by SIGSEGV"
    assert classify_run(None, "", timed_out=True).cls == "timeout"
    assert classify_run(0, "").cls == "pass"
    assert classify_run(1, "error[E0308]: mismatched types\n").cls == "expected-errors"
    assert classify_run(101, "error: the compiler unexpectedly panicked. This is a bug\n").cls == "ice"


def test_ui_profile_normalises_paths_threads_long_types_and_allocs():
    text = ("thread 'rustc' (4242) panicked at /rustc/59807616e1fa2540724bfbac14d7976d7e4a3860/library/core/src/x.rs\n"
            "--> /home/u/t/a.rs:1:1\nwritten to '/home/u/t/a.long-type-1234567.txt'\nalloc17 and alloc3\n")
    out = norm.ui(text, "/home/u/t")
    assert out == ("thread 'rustc' ($TID) panicked at $SRC_DIR/core/src/x.rs\n--> $DIR/a.rs:1:1\n"
                   "written to '$DIR/a.long-type-$LONG_TYPE_HASH.txt'\nALLOC0 and ALLOC1\n")
    # compiletest strips `//~` annotations from the rendered source lines, and tabs become `\t`
    assert norm.ui("LL | let x = 1; //~ ERROR oops\n   |\tx\n", None) == "LL | let x = 1;\n   |\\tx\n"


def test_ice_profile_drops_backtrace_footer_and_query_stack():
    out = norm.apply("ice", PANIC, None)
    assert "stack backtrace" not in out and "rust_begin_unwind" not in out
    assert "query stack" not in out and "compiler flags" not in out and "appreciate" not in out
    assert "index out of bounds" in out and "error: the compiler unexpectedly panicked" in out


A = "error: one\n  --> $DIR/a.rs:1:1\n\nerror: two\n  --> $DIR/a.rs:2:1\n\nerror: aborting due to 2 previous errors\n\n"
B = "error: two\n  --> $DIR/a.rs:2:1\n\nerror: one\n  --> $DIR/a.rs:1:1\n\nerror: aborting due to 2 previous errors\n\n"


def test_comparison_modes_separate_order_from_content():
    assert cmp.compare(A, A).equal
    exact = cmp.compare(A, B, "exact")
    assert not exact.equal and exact.order_only
    assert cmp.compare(A, B, "lines").equal
    assert cmp.compare(A, B, "diagnostics").equal
    changed = B.replace("two", "three")
    for mode in cmp.MODES:
        c = cmp.compare(A, changed, mode)
        assert not c.equal and not c.order_only
    assert cmp.compare(A, changed, "lines").diff == "-error: two\n+error: three"
    with pytest.raises(ValueError):
        cmp.compare(A, B, "sorted")


def test_statistics():
    lo, hi = wilson(5, 10)
    assert (round(lo, 4), round(hi, 4)) == (0.2366, 0.7634)
    assert round(zero_bound(30), 4) == 0.0950
    assert str(Rate(0, 30)) == "0/30, p < 3/30 (10% at 95%)"
    assert str(Rate(26, 30)) == "26/30 = 87% (95% CI 70%-95%)"
    assert runs_for_confidence(0.5) == 5 and runs_for_confidence(1.0) == 1
    assert Rate(0, 30).to_json()["upper_bound95"] == 0.095


def test_known_failures_file(tmp_path):
    f = tmp_path / "k.toml"
    f.write_text('[[failure]]\ntest = "rustc/a.rs"\nsignature = "called `Option::unwrap()` * @ x.rs"\n'
                 'issue = "rust#1"\n')
    kf = load(str(f))
    assert kf.lookup("ui_tests/rustc/a.rs", "called `Option::unwrap()` on a `None` value @ x.rs").issue == "rust#1"
    assert kf.lookup("ui_tests/rustc/b.rs", "called `Option::unwrap()` on a `None` value @ x.rs") is None
    assert signature_matches("delayed bug: [E0391] *", "delayed bug: [E0391] cycle")
    assert not signature_matches("delayed bug: [E0391] *", "delayed bug: E cycle")
    f.write_text("[[failure]]\ntest = 1\n")
    with pytest.raises(KnownFailuresError, match="failure #1 needs a string `test`"):
        load(str(f))
    f.write_text("[[failure]\n")
    with pytest.raises(KnownFailuresError, match=r"k.toml: .*line 1"):
        load(str(f))
    assert load(str(tmp_path / "missing.toml")).entries == []


def test_rustc_json_is_read_as_compiletest_reads_it():
    import json

    from harness.uitest.rustc_json import read
    span = {"file_name": "/x/t.rs", "line_start": 6, "is_primary": True, "label": "expected `u32`, found `&str`",
            "suggested_replacement": None, "expansion": None}
    label = {**span, "line_start": 5, "is_primary": False, "label": "arguments to this function are incorrect"}
    sugg = {**span, "is_primary": True, "label": None, "suggested_replacement": "1"}
    diag = {"$message_type": "diagnostic", "message": "mismatched types", "code": {"code": "E0308"},
            "level": "error", "spans": [span, label], "rendered": "error[E0308]: mismatched types\n\n",
            "children": [{"message": "try this", "level": "help", "spans": [sugg], "children": []},
                         {"message": "see the docs", "level": "note", "spans": [], "children": []}]}
    at_start = {"$message_type": "diagnostic", "message": "cycle detected", "code": None, "level": "error",
                "spans": [{**span, "line_start": 1, "label": None}], "children": [], "rendered": "error: cycle\n"}
    summary = {"$message_type": "diagnostic", "message": "aborting due to 2 previous errors", "level": "error",
               "spans": [], "children": [], "rendered": "error: aborting due to 2 previous errors\n\n"}
    future = {"$message_type": "future_incompat",
              "future_incompat_report": [{"diagnostic": {"rendered": "warning: old\n"}}]}
    stderr = "\n".join([json.dumps(diag), "thread 'rustc' panicked at x.rs:1:1:", json.dumps(at_start),
                        json.dumps(summary), json.dumps(future), '{"$message_type":"artifact"}']) + "\n"
    text, diags = read(stderr, "t.rs")
    assert text == ("error[E0308]: mismatched types\n\nthread 'rustc' panicked at x.rs:1:1:\nerror: cycle\n"
                    "error: aborting due to 2 previous errors\n\n"
                    "Future incompatibility report: Future breakage diagnostic:\nwarning: old\n")
    assert [(d.line, d.kind, d.msg) for d in diags] == [
        (6, "ERROR", "mismatched types [E0308]"),
        (6, "NOTE", "expected `u32`, found `&str`"),
        (5, "NOTE", "arguments to this function are incorrect"),
        (6, "SUGGESTION", "1"),
        (6, "HELP", "try this"),
        (6, "NOTE", "see the docs"),
        (1, "ERROR", "cycle detected"),
    ]
