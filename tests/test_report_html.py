"""The HTML stress report in a real headless Chromium (Debian's `chromium`, driven by Playwright through
the system browser; `make test` installs it with apt-get where it can, see the Makefile's `browser`):
the page loads without console errors, the timeline SVG renders, and a test source containing
`<script>` is shown as text, not run. Skips, with the reason, where there is no chromium."""
from __future__ import annotations

import json
import os
import shutil

import pytest

from tests.conftest import harness
from tests.test_report import ANCHOR, STALE_SRC, stale_test

CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="module")
def page_and_report(tmp_path_factory):
    if CHROMIUM is None:
        pytest.skip("no chromium: `make browser` installs Debian's chromium with apt-get (as root); "
                    "or set CHROMIUM=/path/to/chromium")
    sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
    base = tmp_path_factory.mktemp("html")
    stale = stale_test(base / "tests")
    p = harness(["stress", ANCHOR, stale, "--inject-bug", "cycle-anchor-first", "--schedules", "16",
                 "--minimize", "30", "--report-dir", str(base / "out"), "--jobs", "1"])
    assert p.returncode == 1, p.stdout + p.stderr
    (json_path,) = (base / "out").glob("stress-*.json")
    doc = json.loads(json_path.read_text())
    messages: list[tuple[str, str]] = []
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            page.on("console", lambda m: messages.append((m.type, m.text)))
            page.on("pageerror", lambda e: messages.append(("pageerror", str(e))))
            page.goto(json_path.with_suffix(".html").as_uri())
            page.wait_for_load_state("load")
            yield page, doc, messages
        finally:
            browser.close()


def test_page_loads_without_console_errors(page_and_report):
    page, doc, messages = page_and_report
    assert [m for m in messages if m[0] in ("error", "warning", "pageerror")] == []
    assert page.title() == f"stress report: {ANCHOR} {doc['paths'][1]}"
    assert page.locator("section.failure").count() == 2
    assert page.locator("h2#tests + table tr").count() == 3            # the header and two revisions


def test_the_timeline_renders(page_and_report):
    page, doc, _ = page_and_report
    failure = next(t for t in doc["tests"] if t["test_id"] == ANCHOR + "#fixed")["failure"]
    svg = page.locator("section.failure", has_text=ANCHOR + "#fixed").locator("svg.timeline-svg")
    assert svg.count() == 1
    box = svg.bounding_box()
    assert box is not None and box["width"] > 600 and box["height"] > 100
    threads = len(failure["timeline"]["threads"])
    assert svg.locator("text").filter(has_text="rustc-worker-0").count() == 1
    assert svg.evaluate("s => s.getBBox().width") > 0
    # one running bar at least per thread that ran, one tick per scheduling point, a marker per preemption
    events = failure["timeline"]["events"]
    assert svg.locator("line.tick").count() == sum(1 for e in events if e[2] == "point")
    assert svg.locator("polygon.preempt").count() == sum(1 for e in events if e[2] == "preempt") \
        == failure["minimized"]["preemptions"]
    assert svg.locator("rect.running").count() >= threads - 1
    bar = svg.locator("rect.running").first.bounding_box()
    assert bar["width"] > 0 and bar["height"] == 12


def test_a_script_in_a_test_source_is_shown_as_text_not_run(page_and_report):
    page, doc, _ = page_and_report
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator("script").count() == 0 and page.locator("img").count() == 0
    source = page.locator("section.failure", has_text="stale.rs").locator("pre.source")
    assert source.text_content() == STALE_SRC
    assert "<script>window.__pwned = 1</script>" in source.text_content()
    assert page.get_by_text("stale .stderr; bless?").count() == 1
