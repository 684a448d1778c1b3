"""Free-running OS threads (`-Z threads=N` without `-Z schedule`): the fixed compiler gives the
`-Z threads=1` output, and never hangs (each run is a subprocess with a timeout)."""
from __future__ import annotations

import pytest

from tests.conftest import minirustc

TESTS = ["ui_tests/cycles/cycles-and-errors.rs", "ui_tests/parallel/two-cycles.rs",
         "ui_tests/lints/lint-store-taken.rs", "ui_tests/modules/file-modules.rs",
         "ui_tests/traits/evaluation-cache-overwrite.rs"]


@pytest.mark.parametrize("path", TESTS)
def test_free_threads_match_serial(path):
    serial = minirustc(["-Z", "ui-testing", "-Z", "verify-caches", path])
    for _ in range(5):
        p = minirustc(["-Z", "threads=4", "-Z", "ui-testing", "-Z", "verify-caches", path], timeout=60)
        assert (p.returncode, p.stderr) == (serial.returncode, serial.stderr)
