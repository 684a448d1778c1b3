"""Everyday Rust beyond minirustc's subset gets an honest one-line "minirustc does not support X yet"
error at the construct, and no rustc-looking error that blames the user's code (no E0405 for `Into`,
no E0433 for `From`, no E0599 cascade from a bound that did not resolve)."""
from __future__ import annotations

import re

import pytest

from harness.backends import InProcess

CASES = [
    ("fn f<T: Into<u64>>(x: T) -> u64 { x.into() }\nfn main() {}\n", ["`Into`"]),
    ("struct S;\nimpl Drop for S { fn drop(&mut self) {} }\nfn main() {}\n", ["`Drop`"]),
    ("fn main() { let c: u64 = From::from(3u8); }\n", ["`From`"]),
    ("fn main() { let v: Vec<u8> = Vec::new(); let w: Vec<u8> = v.into_iter().collect(); }\n",
     ["the method `Vec::into_iter`"]),
    ("trait T { fn f(&self); }\nfn g(x: Box<dyn T>) {}\nfn main() {}\n", ["trait objects"]),
    ("fn main() { for i in (0..10).step_by(2) { let _ = i; } }\n", ["the iterator method `step_by`"]),
]


@pytest.mark.parametrize("src,what", CASES)
def test_outside_the_subset_is_named_not_blamed(tmp_path, src, what):
    f = tmp_path / "prog.rs"
    f.write_text(src)
    code, err, _ = InProcess().run(["-Z", "ui-testing", str(f)])
    assert code == 1
    heads = [line for line in err.splitlines() if re.match(r"(error|warning)(\[E\d+\])?: ", line)]
    assert heads[-1].startswith("error: aborting due to")
    assert heads[:-1] == [f"error: minirustc does not support {w} yet" for w in what]


def test_a_rustc_lint_minirustc_never_checks(tmp_path):
    """In the source, a lint rustc knows is no `unknown_lints`; on the command line, where minirustc
    would have to enforce it, it is an error that names it."""
    f = tmp_path / "prog.rs"
    f.write_text("#![forbid(unsafe_code)]\nfn main() {}\n")
    assert InProcess().run(["-Z", "ui-testing", str(f)])[:2] == (0, "")
    code, err, _ = InProcess().run(["-Z", "ui-testing", "-D", "unsafe_code", str(f)])
    assert code == 1
    assert err.splitlines()[0] == "error: minirustc does not support the lint `unsafe_code` yet (requested with " \
                                  "`-D unsafe_code`)"
