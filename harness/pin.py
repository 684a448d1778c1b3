"""`harness pin`: search schedules for one that reproduces an injected bug on a test's fixed revision,
and write it into the test as `//@[REV] schedule: replay:TOKEN` (atomically)."""
from __future__ import annotations

import dataclasses
import re

from harness.fsutil import write_atomic
from harness.uitest.runner import RunConfig, Runner, read_expected, schedule_specs
from harness.uitest.test import UiTest


class PinError(Exception):
    pass


def find_reproduction(test: UiTest, from_rev: str, cfg: RunConfig) -> tuple[str | None, int | None]:
    props = test.props(from_rev)
    expected = read_expected(test.expected_path(from_rev))
    runner = Runner(cfg)
    reference = Runner(dataclasses.replace(cfg, inject_bug=None)).execute(test, props, None, 1)   # the fixed compiler
    if reference.stderr != expected or reference.status != props.expected_status:
        raise PinError(f"the `{from_rev}` revision's output at -Z threads=1 does not match its blessed "
                       f"expectation ({test.expected_path(from_rev)}); bless it first "
                       f"(`pytest {test.path} --bless`), then pin")
    for i, spec in enumerate(schedule_specs(test.test_id(from_rev), cfg, None), 1):
        run = runner.execute(test, props, spec, props.threads or cfg.threads)
        if run.stderr != expected or run.status != props.expected_status:
            return run.token, i
    return None, None


def pin(path: str, bug: str, rev: str, from_rev: str, cfg: RunConfig) -> tuple[str | None, int | None]:
    test = UiTest.load(path)
    for r in (rev, from_rev):
        if r not in test.revisions:
            raise PinError(f"{path} has no revision `{r}`")
    token, index = find_reproduction(test, from_rev, cfg)
    if token is None:
        return None, None
    _check_replay(test, from_rev, token, cfg)
    line = f"//@[{rev}] schedule: replay:{token}"
    src = test.src
    pat = re.compile(rf"^//@\[{re.escape(rev)}\] schedule:.*$", re.M)
    if pat.search(src):
        src = pat.sub(line, src, count=1)
    else:
        anchor = re.compile(r"^//@ revisions:.*$", re.M).search(src)
        src = src[:anchor.end()] + "\n" + line + src[anchor.end():]
    write_atomic(path, src)
    return token, index


def _check_replay(test: UiTest, from_rev: str, token: str, cfg: RunConfig):
    """The token must reproduce: replayed, it differs from the fixed revision's expectation again."""
    props = test.props(from_rev)
    run = Runner(cfg).execute(test, props, f"replay:{token}", int(token.split(".")[1]))
    if run.stderr == read_expected(test.expected_path(from_rev)) and run.status == props.expected_status:
        raise PinError(f"the schedule {token} did not reproduce the divergence when replayed: uncontrolled "
                       "nondeterminism in the compiler; not pinned")

