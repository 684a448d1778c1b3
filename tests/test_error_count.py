"""`error: aborting due to N previous errors` is never off by one: N is the number of errors printed,
under every schedule, with per-phase buffering and with immediate emission
(`-Z inject-bug=unordered-diagnostics`), and with errors from several threads at once."""
from __future__ import annotations

import re

import pytest

from tests.conftest import compile_in_process

FILES = ["ui_tests/parallel/errors-in-many-bodies.rs", "ui_tests/parallel/unordered-diagnostics.rs",
         "ui_tests/parallel/racy-error-count.rs", "ui_tests/consts/const-eval-errors.rs",
         "ui_tests/parallel/two-cycles.rs"]
ABORT = re.compile(r"^error: aborting due to (\d+) previous errors?", re.M)


def errors_printed(out: str) -> int:
    return len(re.findall(r"^error(\[E\d+\])?: (?!aborting due to)", out, re.M))


@pytest.mark.parametrize("path", FILES)
@pytest.mark.parametrize("bug", [None, "unordered-diagnostics", "racy-error-count"])
def test_abort_count_matches_the_errors_printed(path, bug):
    counts = set()
    for strategy in ("random", "pct"):
        for seed in range(60):
            argv = ["-Z", "ui-testing", "-Z", "threads=4", "-Z", f"schedule={strategy}:{seed}"]
            argv += ["-Z", f"inject-bug={bug}"] if bug else []
            status, out = compile_in_process(argv + [path])
            m = ABORT.search(out)
            assert status == 1 and m, out
            assert int(m.group(1)) == errors_printed(out), f"{strategy}:{seed}\n{out}"
            counts.add(int(m.group(1)))
    assert len(counts) == 1      # the same errors, whatever the order
