"""JUnit XML for stress runs, one test case per UI-test revision, for CI systems that read JUnit."""
from __future__ import annotations

import xml.etree.ElementTree as ET

from harness.fsutil import write_atomic


def write_junit(rows, cfg, seconds: float, path: str):
    suite = ET.Element("testsuite", name=f"minirustc-stress-{cfg.strategy}", tests=str(len(rows)),
                       failures=str(sum(1 for r in rows if r.divergent)), time=f"{seconds:.3f}")
    props = ET.SubElement(suite, "properties")
    for k, v in (("strategy", cfg.strategy), ("seed", cfg.seed), ("threads", cfg.threads),
                 ("schedules", cfg.schedules), ("inject_bug", cfg.inject_bug or "")):
        ET.SubElement(props, "property", name=k, value=str(v))
    for r in rows:
        case = ET.SubElement(suite, "testcase", classname="stress", name=r.test_id)
        if r.divergent:
            fail = ET.SubElement(case, "failure", message=f"{r.divergent} of {r.runs} schedules diverged")
            fail.text = (f"first divergence after {r.first_index} schedule(s): {r.first_spec}\n"
                         f"token: {r.first_token}\nreplay: {r.first_command}\n")
    ET.indent(suite)
    write_atomic(path, ET.tostring(suite, encoding="unicode", xml_declaration=True) + "\n")
