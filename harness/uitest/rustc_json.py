"""rustc's JSON diagnostics read the way compiletest reads them (`--error-format json`), from rustc
(the real-rustc backend) or from minirustc (a UI test that asks for JSON):

- the text compared with `.stderr` is the concatenation of every diagnostic's `rendered` field, in
  order; a future-incompat report is rendered after its prefix; lines that are not JSON (an ICE's
  panic message) are kept as they are;
- the diagnostics matched against `//~` annotations: a diagnostic at its first primary span in the test
  file (or at no line), its message with the code appended (` [E0308]`), each span label as a NOTE at
  its line, suggestions as SUGGESTION, and children recursively (a child without spans at its parent's
  line)."""
from __future__ import annotations

import json
import os
import re

from harness.uitest.diagnostics import Actual

LEVEL = {"error": "ERROR", "error: internal compiler error": "ERROR", "warning": "WARN", "note": "NOTE",
         "help": "HELP"}
SUMMARY_RE = re.compile(r"^(aborting due to (\d+ )?previous errors?|\d+ warnings? emitted)")


def _spans_in(diag: dict, test_file: str) -> list[dict]:
    out = []
    for s in diag.get("spans") or []:
        span = s
        # a span inside a macro expansion counts at the macro call in the test file
        while span and os.path.basename(span.get("file_name", "")) != test_file:
            exp = span.get("expansion")
            span = exp.get("span") if exp else None
        if span:
            out.append({**s, "line_start": span["line_start"], "file_name": span["file_name"]})
    return out


def _push(diag: dict, test_file: str, out: list[Actual], default_line: int | None):
    kind = LEVEL.get(diag.get("level", ""))
    msg = diag.get("message", "")
    if kind is None or (kind in ("ERROR", "WARN") and SUMMARY_RE.match(msg)):
        return
    spans = _spans_in(diag, test_file)
    primary = [s for s in spans if s.get("is_primary")]
    line = primary[0]["line_start"] if primary else (default_line if not diag.get("spans") else None)
    code = (diag.get("code") or {}).get("code")
    suggestions = [s for s in spans if s.get("suggested_replacement") is not None]
    if suggestions and kind == "HELP":
        for s in suggestions:
            out.append(Actual(s["line_start"], "SUGGESTION", s["suggested_replacement"], None, test_file,
                              child=True))
    out.append(Actual(line, kind, msg + (f" [{code}]" if code else ""), code, test_file,
                      child=default_line is not None))
    for s in spans:
        if s.get("label") and s.get("suggested_replacement") is None:
            out.append(Actual(s["line_start"], "NOTE", s["label"], None, test_file, child=True))
    for child in diag.get("children") or []:
        _push(child, test_file, out, line)


def read(stderr: str, test_file: str) -> tuple[str, list[Actual]]:
    """(the rendered text, the diagnostics for annotation matching) of a JSON-format rustc run."""
    text: list[str] = []
    diags: list[Actual] = []
    for raw in stderr.splitlines(keepends=True):
        line = raw.rstrip("\n")
        doc = None
        if line.startswith("{"):
            try:
                doc = json.loads(line)
            except ValueError:
                doc = None
        if not isinstance(doc, dict):
            text.append(line + "\n")
            continue
        mtype = doc.get("$message_type", "diagnostic")
        if mtype == "diagnostic":
            if doc.get("rendered"):
                text.append(doc["rendered"])
            _push(doc, test_file, diags, None)
        elif mtype == "future_incompat":
            for item in doc.get("future_incompat_report") or []:
                rendered = (item.get("diagnostic") or {}).get("rendered")
                if rendered:
                    text.append("Future incompatibility report: Future breakage diagnostic:\n" + rendered)
        # artifact notifications and other message types are not part of the output
    return "".join(text), diags
