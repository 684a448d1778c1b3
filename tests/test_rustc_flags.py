"""rustc's command-line flags in minirustc: lint levels (`-A/-W/-D/-F`, attached or spaced, and
`--cap-lints`), `--cfg`, `--edition`, and the informational ones; byte-identical to the installed
rustc where it can be, and an error that names the option where minirustc cannot honour it."""
from __future__ import annotations

import os
import subprocess

import pytest

from tests.conftest import ROOT, minirustc
from tests.rustc_oracle import rustc_available

SRC = """fn main() {
    let x = 5;
    let BadName = 3;
}
#[allow(unused_variables)]
fn helper() {
    let y = 1;
}
#[deny(unused_variables)]
fn other() {
    let z = 1;
}
"""
CASES = [["-D", "warnings"], ["-Dwarnings"], ["-Dunused-variables"], ["-A", "unused"], ["-W", "unused_variables"],
         ["--cap-lints", "allow"], ["--cap-lints=warn"], ["-D", "warnings", "--cap-lints", "warn"],
         ["-F", "unused-variables"], ["-D", "non-snake-case", "-A", "warnings"], ["-D", "no_such_lint"],
         ["-W", "unused-variables", "-A", "unknown-lints", "-D", "bogus"], ["--edition", "2021"],
         ["--edition=2018", "--color", "never", "--crate-type", "bin"], ["--cfg", "foo"], ["--cap-lints", "bogus"],
         ["--edition", "2030"], ["--color", "sometimes"], ["--emit=bogus"], ["--crate-type=foo"],
         ["--error-format=xml"], ["--cfg", "mode=fast"],
         # JSON diagnostics: every one here is a lint (no error code, so no explanation text to differ)
         ["--error-format=json"], ["--error-format", "json", "-D", "warnings"], ["--error-format=pretty-json"],
         ["--error-format=json", "--json=future-incompat"], ["--error-format=json", "--color", "always"],
         ["--json=future-incompat"], ["--error-format=json", "--json", "bogus"],
         ["--error-format=json", "--cap-lints", "allow"]]


def _rustc(args, cwd):
    env = dict(os.environ, RUSTC_BOOTSTRAP="1")
    return subprocess.run(["rustc", "-Z", "ui-testing", "--emit=metadata", "-o", os.path.join(cwd, "x.rmeta"),
                           *args, "flags.rs"], capture_output=True, text=True, cwd=cwd, env=env)


@pytest.mark.skipif(not rustc_available(), reason="rustc is not installed")
@pytest.mark.parametrize("args", CASES, ids=" ".join)
def test_same_output_as_rustc(args, tmp_path):
    (tmp_path / "flags.rs").write_text(SRC)
    theirs = _rustc(args, str(tmp_path))
    ours = subprocess.run([os.path.join(ROOT, ".venv", "bin", "python") if os.path.exists(
        os.path.join(ROOT, ".venv", "bin", "python")) else "python3", "-m", "compiler", "-Z", "ui-testing",
                           *args, "flags.rs"], capture_output=True, text=True, cwd=str(tmp_path),
                          env=dict(os.environ, PYTHONPATH=ROOT))
    assert (ours.returncode, ours.stderr) == (theirs.returncode, theirs.stderr)


@pytest.mark.parametrize("args,message", [
    (["--error-format=short"], "error: minirustc does not support `--error-format=short` (only `human`, `json` and "
                               "`pretty-json`)\n"),
    (["--emit=link"], "error: minirustc cannot honour `--emit=link`: it checks crates and emits nothing "
                      "(`--emit=metadata`)\n"),
    (["--target", "wasm32-unknown-unknown"], "error: minirustc cannot honour `--target wasm32-unknown-unknown`: "
                                             "it models the host target only\n"),
    (["--color", "always"], "error: minirustc cannot honour `--color always`: it never colours its output\n"),
    (["--error-format=json", "--json", "future-incompat,diagnostic-short"],
     "error: minirustc cannot honour `--json=diagnostic-short`: it renders only rustc's human format in "
     "`rendered`\n"),
    (["--json=artifacts", "--error-format=json"], "error: minirustc cannot honour `--json=artifacts`: it writes no "
                                                  "artifacts\n"),
    (["--bogus"], "error: unrecognized option `--bogus`\n"),
])
def test_options_minirustc_cannot_honour_are_errors(args, message):
    p = minirustc([*args, "ui_tests/pass/modules-and-items.rs"])
    assert (p.returncode, p.stderr) == (1, message + "\n")


def test_informational_flags():
    from compiler.driver import VERSION
    from compiler.session import Z_FLAGS
    for flag in ("--version", "-V"):
        p = minirustc([flag])
        assert (p.returncode, p.stdout, p.stderr) == (0, VERSION + "\n", "")
    p = minirustc(["--help"])
    assert p.returncode == 0 and p.stdout.startswith("Usage: minirustc [OPTIONS] INPUT\n") and "--cap-lints" in p.stdout
    p = minirustc(["-Z", "help"])
    assert p.returncode == 0 and all(f"-Z {z} " in p.stdout for z in Z_FLAGS)
    p = minirustc(["--explain", "E0308"])
    assert p.returncode == 0 and p.stdout.startswith("E0308: An expression's type is not the type")
    p = minirustc(["--explain", "E0001"])
    assert p.returncode == 1 and p.stderr.startswith("error: minirustc does not emit E0001")
    p = minirustc(["--explain", "bogus"])
    assert (p.returncode, p.stderr) == (1, "error: bogus is not a valid error code\n\n")


def test_every_code_minirustc_emits_has_an_explanation():
    import re

    from compiler.explain import EXPLANATIONS
    codes = set()
    for root, _, files in os.walk(os.path.join(ROOT, "compiler")):
        for f in files:
            if f.endswith(".py"):
                codes |= set(re.findall(r'"(E0\d{3})"', open(os.path.join(root, f)).read()))
    assert codes <= set(EXPLANATIONS), sorted(codes - set(EXPLANATIONS))
