"""JUnit XML for stress runs, one test case per UI-test revision, for CI systems that read JUnit."""
from __future__ import annotations

import xml.etree.ElementTree as ET

from harness.fsutil import write_atomic


def write_junit(doc: dict, path: str):
    """From a stress report (harness.report.stress_json), sharded, merged or whole."""
    tests = doc["tests"]
    suite = ET.Element("testsuite", name=f"minirustc-stress-{doc['strategy']}", tests=str(len(tests)),
                       failures=str(sum(1 for t in tests if t["divergent"])), time=f"{doc['seconds']:.3f}")
    props = ET.SubElement(suite, "properties")
    for k, v in (("strategy", doc["strategy"]), ("seed", doc["seed"]), ("threads", doc["threads"]),
                 ("schedules", doc["schedules_per_revision"]), ("inject_bug", doc["inject_bug"] or ""),
                 ("shards", ",".join(doc["shards"])), ("partial", str(doc["partial"]).lower())):
        ET.SubElement(props, "property", name=k, value=str(v))
    for t in tests:
        case = ET.SubElement(suite, "testcase", classname="stress", name=t["test_id"], time=f"{t['seconds']:.3f}")
        if t["divergent"]:
            fail = ET.SubElement(case, "failure", message=f"{t['divergent']} of {t['runs']} schedules diverged")
            text = (f"first divergence after {t['first_index']} schedule(s): {t['first_spec']}\n"
                    f"token: {t['first_token']}\nreplay: {t['first_command']}\n")
            f = t.get("failure")
            if f:
                if f["stale"]:
                    text += "stale .stderr; bless? (-Z threads=1 differs from the blessed file too)\n"
                text += f["diff"] + "\n"
            fail.text = text
    ET.indent(suite)
    write_atomic(path, ET.tostring(suite, encoding="unicode", xml_declaration=True) + "\n")


def write_flakes_junit(fr, path: str):
    """One test case per revision: a failure for a new signature or a broken reference run, skipped
    for a skipped test; the statistics and every signature (known ones too) in system-out."""
    from harness.flakes import issue_link
    reps = fr.reports
    suite = ET.Element("testsuite", name=f"harness-flakes-{fr.toolchain}", tests=str(len(reps)),
                       failures=str(sum(1 for r in reps if r.outcome in ("failed", "new-failure"))),
                       skipped=str(sum(1 for r in reps if r.skipped)), time=f"{fr.seconds:.3f}")
    props = ET.SubElement(suite, "properties")
    for k, v in (("compiler", fr.compiler), ("version", fr.version), ("runs", fr.cfg.runs),
                 ("perturbation", fr.cfg.perturb.knob), ("known_failures", fr.cfg.known.path or "")):
        ET.SubElement(props, "property", name=k, value=str(v))
    for r in reps:
        case = ET.SubElement(suite, "testcase", classname="flakes", name=r.test_id,
                             time=f"{sum(x.seconds for x in r.runs):.3f}")
        if r.skipped:
            ET.SubElement(case, "skipped", message=r.skipped)
            continue
        lines = [f"failing runs: {r.rate}", f"comparison: {r.mode}"]
        for s in r.signatures.values():
            lines.append(f"{s.cls}: {s.count}/{len(r.runs)} first at run {s.first_run}: {s.signature}"
                         + (f" (known: {s.known_issue} {issue_link(s.known_issue)})" if s.known_issue else " (NEW)"))
        if r.outcome in ("failed", "new-failure"):
            fail = ET.SubElement(case, "failure", message="; ".join(
                r.problems[:1] + [f"new: {s.signature}" for s in r.new_failures])[:500])
            fail.text = "\n".join(r.problems + lines) + "\n"
        ET.SubElement(case, "system-out").text = "\n".join(lines) + "\n"
    ET.indent(suite)
    write_atomic(path, ET.tostring(suite, encoding="unicode", xml_declaration=True) + "\n")
