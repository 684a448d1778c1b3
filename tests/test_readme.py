"""Every command the README shows (`$ ...` in a code block) is run here, so the README cannot go stale:
its exit status must be the documented one, and, for commands whose output is deterministic, every
output line the README shows (except `...` elisions and table rows, whose width depends on the
terminal) must appear in the real output, with timings and report paths masked. Run counts are scaled
down where the README uses large ones; real-rustc commands skip without rustc."""
from __future__ import annotations

import os
import re
import shutil
import subprocess

import pytest

from tests.conftest import ROOT

# (pattern, replacement) applied to a command to keep the suite fast
SCALE = [(r"--runs 30\b", "--runs 3"), (r"--runs 5\b", "--runs 1"), (r"--iterations 10\b", "--iterations 2"),
         (r"--schedules 50\b", "--schedules 2")]
# commands whose documented exit status is not 0
EXIT = {"harness stress ui_tests/cycles/cycle-anchor-first.rs --inject-bug": 1,
        "harness replay": 1, "--preemptions 1 --inject-bug": 1, "minirustc -Z threads=4": 1}
# commands whose output depends on timing or on the real rustc's races: exit status only
NONDETERMINISTIC = ("--compiler rustc", "pytest ui_tests", "gen_crate.py")
MASKS = [(re.compile(r"\d+\.\d+"), "F"), (re.compile(r"\(\d+/s\)"), "(N/s)"), (re.compile(r"report: \S+"), "report: R")]
TABLE = tuple("┏┃┡│└━┗")


def readme_commands() -> list[tuple[str, list[str]]]:
    """(command, the output lines shown after it) for every `$ ` line in a fenced block."""
    with open(os.path.join(ROOT, "README.md"), encoding="utf-8") as f:
        lines = f.read().splitlines()
    out: list[tuple[str, list[str]]] = []
    in_block = False
    for line in lines:
        if line.startswith("```"):
            in_block = not in_block
            current = None
            continue
        if not in_block:
            continue
        if line.startswith("$ "):
            current = (line[2:], [])
            out.append(current)
        elif current is not None and line:
            current[1].append(line)
    return out


def mask(line: str) -> str:
    for pat, repl in MASKS:
        line = pat.sub(repl, line)
    return line.rstrip()


@pytest.mark.parametrize("command,shown", readme_commands(), ids=lambda c: c if isinstance(c, str) else "")
def test_readme_command(command, shown):
    if "--compiler rustc" in command and shutil.which("rustc") is None:
        pytest.skip("rustc is not installed")
    cmd = command
    for pat, repl in SCALE:
        cmd = re.sub(pat, repl, cmd)
    r = subprocess.run(["bash", "-c", cmd], capture_output=True, text=True, cwd=ROOT, timeout=300)
    want = next((code for key, code in EXIT.items() if key in command), 0)
    assert r.returncode == want, f"{cmd}\nexit {r.returncode}\n{r.stdout}\n{r.stderr}"
    if any(k in command for k in NONDETERMINISTIC):
        return
    actual = {mask(line) for line in (r.stdout + r.stderr).splitlines()}
    for line in shown:
        if "..." in line or line.startswith(TABLE):
            continue
        assert mask(line) in actual, f"README line not in the output of `{cmd}`:\n{line}\n--- output:\n{r.stdout}{r.stderr}"
