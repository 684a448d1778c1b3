"""The self-contained HTML stress report (`harness report html REPORT.json`, and beside every stress
run's JSON): one file, inline CSS and SVG, no script and no external resource (a Content-Security-Policy
forbids both), so it opens offline from a CI artifact. Every piece of test content (sources, stderr,
diffs, signatures, paths) goes through Jinja's autoescaping."""
from __future__ import annotations

import os

from jinja2 import Environment, StrictUndefined

from harness.fsutil import write_atomic
from harness.report.template import TEMPLATE
from harness.report.timeline import layout

CLASS_LABELS = {"ice": "ICE", "abort": "abort", "deadlock": "deadlock", "livelock": "livelock",
                "exit-status": "exit status", "reordered": "reordered output", "changed-output": "changed output"}


def _diff_lines(diff: str) -> list[tuple[str, str]]:
    out = []
    for line in diff.splitlines():
        if line.startswith(("+++", "---")):
            cls = "file"
        elif line.startswith("@@"):
            cls = "hunk"
        elif line.startswith("+"):
            cls = "add"
        elif line.startswith("-"):
            cls = "del"
        else:
            cls = "ctx"
        out.append((cls, line))
    return out


def _rate(runs: int, seconds: float) -> str:
    return f"{runs / seconds:.0f}" if seconds > 0 else "-"


def render(doc: dict) -> str:
    env = Environment(autoescape=True, undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["diff_lines"] = _diff_lines
    env.filters["class_label"] = lambda c: CLASS_LABELS.get(c, c)
    env.globals["rate"] = _rate
    failures = []
    for t in doc["tests"]:
        f = t.get("failure")
        if f is None:
            continue
        tl = layout(f["timeline"]) if f.get("timeline") else None
        failures.append({"test": t, "f": f, "timeline": tl, "anchor": "f-" + str(len(failures) + 1)})
    anchors = {x["test"]["test_id"]: x["anchor"] for x in failures}
    return env.from_string(TEMPLATE).render(doc=doc, failures=failures, anchors=anchors)


def write_html(doc: dict, path: str) -> str:
    write_atomic(path, render(doc))
    return path


def html_path_for(json_path: str) -> str:
    base, ext = os.path.splitext(json_path)
    return base + ".html" if ext == ".json" else json_path + ".html"
