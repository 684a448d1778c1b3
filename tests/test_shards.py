"""Scaling out: the shards of one seed cover exactly the schedules of the unsharded run, and
`harness report merge` of the four shard reports gives the unsharded run's report (same schedules, same
divergent set, same counts, same first failures with their analysis), timings aside."""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET

from harness.report import stress_json
from tests.conftest import harness

# cycle-anchor-first re-injected over the cycle tests: several revisions diverge, under several classes
ARGS = ["stress", "ui_tests/cycles", "--inject-bug", "cycle-anchor-first", "--schedules", "50", "--seed", "3",
        "--minimize", "20"]
TIMING = ("created", "seconds", "schedules_per_second")
SHARD_KEYS = ("shard", "shards", "missing_shards", "planned_runs")


def without_timing(doc: dict) -> dict:
    out = {k: v for k, v in doc.items() if k not in TIMING + SHARD_KEYS}
    out["tests"] = [{k: v for k, v in t.items() if k != "seconds"} for t in doc["tests"]]
    return out


def run_all(base):
    full_dir, shard_dir = base / "full", base / "shards"
    full = harness(ARGS + ["--jobs", "2", "--report-dir", str(full_dir)])
    shard_runs = [harness(ARGS + ["--jobs", "1", "--shard", f"{i}/4", "--report-dir", str(shard_dir)])
                  for i in range(1, 5)]
    return base, full, shard_runs


def test_four_shards_merge_to_the_unsharded_run(tmp_path):
    base, full, shard_runs = run_all(tmp_path)
    assert full.returncode == 1, full.stdout + full.stderr       # the injected bug is found
    (full_json,) = (base / "full").glob("stress-*.json")
    whole = json.loads(full_json.read_text())
    shards = sorted((base / "shards").glob("stress-*.json"))
    assert [p.name.rsplit("-", 1)[-1] for p in shards] == [f"shard{i}of4.json" for i in range(1, 5)]
    docs = [json.loads(p.read_text()) for p in shards]
    assert [r.returncode for r in shard_runs] == [1 if d["divergent_runs"] else 0 for d in docs]

    # every shard has work, the plans agree, and the shards partition the schedules
    assert [d["shard"] for d in docs] == ["1/4", "2/4", "3/4", "4/4"]
    assert all(d["runs"] > 0 and d["runs"] == d["planned_runs"] for d in docs)
    assert {d["total_planned_runs"] for d in docs} == {whole["runs"]} == {9 * 50}
    assert sum(d["runs"] for d in docs) == whole["runs"]
    seen: dict[str, set] = {}
    for d in docs:
        for t in d["tests"]:
            idx = {i for a, b in t["ranges"] for i in range(a, b + 1)}
            assert not idx & seen.get(t["test_id"], set()), t["test_id"]
            seen.setdefault(t["test_id"], set()).update(idx)
    assert seen == {t["test_id"]: set(range(1, 51)) for t in whole["tests"]}
    # some revision is split across shards (25-schedule chunks), so the merge really unions per test
    assert any(len(t["ranges"]) == 1 and t["ranges"] != [[1, 50]] for d in docs for t in d["tests"])

    out = base / "merged.json"
    junit = base / "merged.xml"
    html = base / "merged.html"
    m = harness(["report", "merge", *map(str, shards), "-o", str(out), "--junit", str(junit), "--html", str(html)])
    assert m.returncode == 1, m.stdout + m.stderr          # divergent runs: the merged verdict fails too
    assert "merged 4 report(s) (shards 1/4, 2/4, 3/4, 4/4): 450 of 450 planned runs" in m.stdout
    merged = json.loads(out.read_text())
    assert stress_json.validate(merged) == []
    assert merged["shards"] == ["1/4", "2/4", "3/4", "4/4"] and merged["missing_shards"] == []
    assert merged["partial"] is False and merged["planned_runs"] == merged["runs"] == 450

    # the result: the same schedules, divergent set, counts and first failures as the unsharded run
    assert whole["divergent_runs"] > 0
    assert [(t["test_id"], t["ranges"], t["divergences"]) for t in merged["tests"]] == \
           [(t["test_id"], t["ranges"], t["divergences"]) for t in whole["tests"]]
    assert without_timing(merged) == without_timing(whole)

    suite = ET.parse(junit).getroot()
    assert suite.get("tests") == "9"
    assert suite.get("failures") == str(sum(1 for t in whole["tests"] if t["divergent"]))
    assert "<svg" in html.read_text()

    # what merge refuses, and what it says when shards are missing
    check_refusals(shards, tmp_path / "refusals")


def check_refusals(shards, tmp_path):
    tmp_path.mkdir()
    one = json.loads(shards[0].read_text())

    twice = harness(["report", "merge", str(shards[0]), str(shards[0]), "-o", str(tmp_path / "m.json")])
    assert twice.returncode == 2 and twice.stderr == "error: shard 1/4 given twice\n"

    other = dict(one, seed=4)
    (tmp_path / "other.json").write_text(json.dumps(other))
    mixed = harness(["report", "merge", str(shards[1]), str(tmp_path / "other.json"), "-o", str(tmp_path / "m.json")])
    assert mixed.returncode == 2
    assert mixed.stderr == "error: the reports are not shards of one run: `seed` is 3 in one and 4 in another\n"

    three = harness(["report", "merge", *map(str, shards[:3]), "-o", str(tmp_path / "m3.json")])
    assert three.returncode == 1
    assert "partial: missing shards 4/4" in three.stdout
    m3 = json.loads((tmp_path / "m3.json").read_text())
    assert m3["partial"] is True and m3["missing_shards"] == ["4/4"]
    assert m3["runs"] == sum(json.loads(p.read_text())["runs"] for p in shards[:3])

    (tmp_path / "junk.json").write_text('{"kind": "flakes"}')
    junk = harness(["report", "merge", str(tmp_path / "junk.json"), "-o", str(tmp_path / "m.json")])
    assert junk.returncode == 2 and junk.stderr.startswith(f"error: {tmp_path / 'junk.json'}: not a stress report")
    assert not (tmp_path / "m.json").exists()


def ci_workflow() -> dict:
    import re

    import yaml

    from tests.conftest import ROOT
    with open(f"{ROOT}/docs/ci.md", encoding="utf-8") as f:
        text = f.read()
    (block,) = re.findall(r"```yaml\n(.*?)```", text, re.S)
    return yaml.safe_load(block)


def test_the_ci_recipe_uses_current_actions_and_runs_as_written(tmp_path):
    """docs/ci.md's workflow: the actions at their current major versions, a shard matrix that matches
    SHARDS, and its `run` steps executed here as a runner would (the shards, then the merge over the
    downloaded reports), at 2 schedules per revision."""
    import os
    import subprocess
    import sys

    from tests.conftest import ROOT
    wf = ci_workflow()
    uses = [s["uses"] for job in wf["jobs"].values() for s in job["steps"] if "uses" in s]
    assert sorted(set(uses)) == ["actions/checkout@v4", "actions/download-artifact@v4", "actions/setup-python@v5",
                                 "actions/upload-artifact@v4"]
    stress, report = wf["jobs"]["stress"], wf["jobs"]["report"]
    assert stress["strategy"]["matrix"]["shard"] == list(range(1, wf["env"]["SHARDS"] + 1))
    assert report["needs"] == "stress"
    download = next(s for s in report["steps"] if s.get("uses", "").startswith("actions/download-artifact"))
    upload = next(s for s in stress["steps"] if s.get("uses", "").startswith("actions/upload-artifact"))
    assert download["with"] == {"pattern": "stress-shard-*", "merge-multiple": True, "path": "shards"}
    assert upload["with"]["name"] == "stress-shard-${{ matrix.shard }}" and upload["if"] == "always()"

    (tmp_path / "ui_tests").symlink_to(os.path.join(ROOT, "ui_tests"))
    env = {**os.environ, "SHARDS": str(wf["env"]["SHARDS"]), "STRESS_SEED": "7", "SCHEDULES": "2",
           "PATH": os.path.dirname(sys.executable) + os.pathsep + os.environ["PATH"]}

    def run(step: dict, shard: int | None = None):
        cmd = step["run"].replace("${{ matrix.shard }}", str(shard)).replace("${{ env.SHARDS }}", env["SHARDS"])
        assert "${{" not in cmd, cmd
        return subprocess.run(["bash", "-e", "-c", cmd], cwd=tmp_path, env=env, capture_output=True, text=True,
                              timeout=300)

    (shard_step,) = [s for s in stress["steps"] if "harness stress" in s.get("run", "")]
    for i in stress["strategy"]["matrix"]["shard"]:
        p = run(shard_step, i)
        assert p.returncode in (0, 1), p.stdout + p.stderr
        assert (tmp_path / "reports" / f"junit-shard-{i}.xml").is_file()
    (tmp_path / "shards").mkdir()             # what download-artifact's pattern + merge-multiple give
    for f in (tmp_path / "reports").glob("stress-*.json"):
        f.rename(tmp_path / "shards" / f.name)
    (merge_step,) = [s for s in report["steps"] if "harness report merge" in s.get("run", "")]
    m = run(merge_step)
    merged = stress_json.load(str(tmp_path / "merged" / "stress.json"))
    assert m.returncode == (1 if merged["divergent_runs"] else 0), m.stdout + m.stderr
    assert merged["shards"] == ["1/4", "2/4", "3/4", "4/4"] and merged["missing_shards"] == []
    assert merged["seed"] == 7 and merged["schedules_per_revision"] == 2
    assert merged["runs"] == merged["total_planned_runs"] == 2 * len(merged["tests"]) and not merged["partial"]
    assert sorted(os.listdir(tmp_path / "merged")) == ["junit.xml", "stress.html", "stress.json"]
