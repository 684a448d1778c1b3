"""Acceptance: bad input never produces a Python traceback or a hang; each case gives a one-line
`error:` naming the problem and a non-zero exit. A hypothesis test drives the whole front-end."""
from __future__ import annotations

import string

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import compile_in_process, minirustc


def _check(p, must_contain: str):
    assert p.returncode != 0
    assert "Traceback" not in p.stderr and "panicked" not in p.stderr
    first = p.stderr.splitlines()[0]
    assert first.startswith("error"), p.stderr
    assert must_contain in first, p.stderr


@pytest.mark.parametrize("name,data,expect", [
    ("junk.rs", b"\xff\xfe\x00\x9c junk", "stream did not contain valid UTF-8"),
    ("ctrl.rs", b"\x01\x02 fn main() {}", "unknown start of token: \\u{1}"),
    ("empty.rs", b"", "`main` function not found in crate `empty`"),
    ("string.rs", b'fn main() { let s = "never closed; }\n', "unterminated double quote string"),
    ("comment.rs", b"fn main() { /* never closed\n", "unterminated block comment"),
    ("parens.rs", b"fn main() { let x = " + b"(" * 10000 + b"1" + b")" * 10000 + b"; }", "nesting deeper"),
    ("blocks.rs", b"fn main() " + b"{" * 10000 + b"}" * 10000, "nesting deeper"),
    ("types.rs", b"fn main() { let x: " + b"&" * 10000 + b"i32 = 1; }", "nesting deeper"),
    ("chain.rs", b"fn main() { let x = " + b"1 + " * 10000 + b"1; }", "nested too deeply"),
    ("unclosed.rs", b"fn main() { let x = 1;", "unclosed delimiter"),
])
def test_bad_source(tmp_path, name, data, expect):
    f = tmp_path / name
    f.write_bytes(data)
    p = minirustc([str(f)], timeout=60)
    _check(p, expect)
    if "-->" not in p.stderr:
        assert name in p.stderr.splitlines()[0] or "`main`" in p.stderr or "UTF-8" in p.stderr


@pytest.mark.parametrize("argv,expect", [
    (["-Z", "bogus-flag", "x.rs"], "unknown unstable option: `bogus-flag`"),
    (["-Z", "threads=four", "x.rs"], "incorrect value `four` for unstable option `threads`"),
    (["-Z", "threads=4", "-Z", "schedule=replay:s1.4.3.AAB.ffff", "x.rs"], "corrupt schedule token"),
    (["-Z", "threads=4", "-Z", "schedule=replay:not-a-token", "x.rs"], "malformed schedule token"),
    (["-Z", "threads=2", "-Z", "schedule=replay:s1.4.73.M_JdeT_jRolqPhJ6K_0.be49", "x.rs"],
     "recorded with `-Z threads=4`"),
    (["-Z", "inject-bug=nonsense", "x.rs"], "unknown bug `nonsense`"),
    (["does-not-exist.rs"], "couldn't read `does-not-exist.rs`: No such file or directory"),
    ([], "no input filename given"),
])
def test_bad_command_line(argv, expect):
    _check(minirustc(argv), expect)


def test_replay_of_a_token_from_another_program_is_an_error(tmp_path):
    f = tmp_path / "other.rs"
    f.write_text("fn a() {}\nfn b() {}\nfn c() {}\nfn main() { a(); b(); c(); }\n")
    p = minirustc(["-Z", "threads=4", "-Z", "schedule=replay:s1.4.73.M_JdeT_jRolqPhJ6K_0.be49", str(f)])
    assert p.returncode == 1 and p.stderr.startswith("error: schedule replay diverged")


RUSTY = st.sampled_from(["fn", "main", "(", ")", "{", "}", "let", "x", "=", "1", ";", "type", "A", "B", "const",
                         ":", "i32", "struct", "S", "<", ">", "T", ",", "impl", "for", "trait", "mod", "m", "::",
                         "if", "else", "true", "&", "+", "==", "#", "[", "]", "!", "\"s\"", "'c'", "return",
                         "static", "where", "/*", "*/", "//", "\n", " "])
SOURCES = st.one_of(st.lists(RUSTY, max_size=60).map(" ".join), st.text(string.printable, max_size=80))


@given(SOURCES)
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_front_end_never_panics(tmp_path_factory, src):
    path = tmp_path_factory.mktemp("fuzz") / "fuzz.rs"
    path.write_text(src)
    code, out = compile_in_process(["-Z", "ui-testing", str(path)])
    assert code in (0, 1), out
    assert "panicked" not in out and "Traceback" not in out
    if code == 1:
        assert out.startswith("error")


@given(SOURCES, st.integers(0, 10_000))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_front_end_never_panics_under_schedules(tmp_path_factory, src, seed):
    path = tmp_path_factory.mktemp("fuzz") / "fuzz.rs"
    path.write_text(src)
    _, serial = compile_in_process(["-Z", "ui-testing", str(path)])
    code, out = compile_in_process(["-Z", "threads=3", "-Z", f"schedule=random:{seed}", "-Z", "ui-testing",
                                    str(path)])
    assert code in (0, 1) and out == serial
