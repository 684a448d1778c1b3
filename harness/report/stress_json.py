"""The stress report as JSON (schema: docs/report-schema.json, `schema_version` 1): building it from a
run, the summaries derived from it (per failure class, the detection matrix), merging shard reports,
and loading with validation.

Every field that a merge must reproduce is a function of the schedules run, not of the order in which
worker processes finished: counts, the schedule indices run (`ranges`), the divergent indices by
failure class and signature, the first divergent tokens by index, and the first failure's analysis.
Only timings (`seconds`, `schedules_per_second`, `created`) differ between equal runs."""
from __future__ import annotations

import json
import os
import time

from harness.known import ROOT

SCHEMA_VERSION = 1
SCHEMA_PATH = os.path.join(ROOT, "docs", "report-schema.json")
CONFIG_KEYS = ("compiler", "paths", "strategy", "seed", "threads", "schedules_per_revision", "inject_bug",
               "total_planned_runs")
SAMPLES = 10


class ReportError(Exception):
    pass


def _bug_of(path: str) -> str | None:
    from compiler import bugs
    p = path.replace(os.sep, "/")
    for b in bugs.CATALOGUE.values():
        if any(p == t or p.endswith("/" + t) for t in b.tests):
            return b.name
    return None


def test_doc(row, cfg) -> dict:
    return {
        "test_id": row.test_id,
        "path": row.path.replace(os.sep, "/"),
        "revision": row.revision,
        "bug": _bug_of(row.path),
        "threads": row.threads,
        "expected_status": row.expected_status,
        "runs": row.runs,
        "ranges": [list(r) for r in row.ranges],
        "seconds": round(row.seconds, 3),
        "divergent": row.divergent,
        "nondeterministic": row.nondeterministic,
        "nondeterministic_indices": list(row.nondeterministic_indices),
        "divergences": [{"class": c, "signature": s, "indices": list(ix)}
                        for (c, s), ix in sorted(row.divergences.items(), key=lambda kv: (kv[1][0], kv[0]))],
        "first_index": row.first_index,
        "first_spec": row.first_spec,
        "first_token": row.first_token,
        "first_command": row.first_command,
        "samples": [{"index": i, "token": t} for i, t in row._samples],
        "tokens": list(row.tokens),
        "failure": row.failure,
    }


def build(rows, cfg, paths, seconds: float, *, shard: tuple[int, int] | None, planned_runs: int,
          total_planned_runs: int, interrupted_by: str | None) -> dict:
    from compiler.driver import VERSION
    doc = {
        "kind": "stress",
        "schema_version": SCHEMA_VERSION,
        "created": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "compiler": VERSION,
        "paths": list(paths),
        "strategy": cfg.strategy,
        "seed": cfg.seed,
        "threads": cfg.threads,
        "schedules_per_revision": cfg.schedules,
        "inject_bug": cfg.inject_bug,
        "shard": f"{shard[0]}/{shard[1]}" if shard else None,
        "shards": [f"{shard[0]}/{shard[1]}"] if shard else [],
        "interrupted_by": interrupted_by,
        "planned_runs": planned_runs,
        "total_planned_runs": total_planned_runs,
        "seconds": round(seconds, 3),
        "tests": sorted((test_doc(r, cfg) for r in rows), key=lambda t: t["test_id"]),
    }
    return summarize(doc)


def member_of(strategy: str, index: int) -> str:
    from harness.stress import member_of as m
    return m(strategy, index)


def summarize(doc: dict) -> dict:
    """Totals, `partial`, the per-class summary and the detection matrix, all derived from `tests`."""
    tests = doc["tests"]
    doc["runs"] = sum(t["runs"] for t in tests)
    doc["divergent_runs"] = sum(t["divergent"] for t in tests)
    doc["nondeterministic_runs"] = sum(t["nondeterministic"] for t in tests)
    doc["schedules_per_second"] = round(doc["runs"] / doc["seconds"], 1) if doc["seconds"] > 0 else None
    doc["partial"] = bool(doc["interrupted_by"]) or doc["runs"] < doc["planned_runs"]
    classes: dict = {}
    for t in tests:
        for d in t["divergences"]:
            c = classes.setdefault((d["class"], d["signature"]), {
                "class": d["class"], "signature": d["signature"], "bug": doc["inject_bug"],
                "divergent_runs": 0, "tests": [], "first": None})
            c["divergent_runs"] += len(d["indices"])
            c["tests"].append(t["test_id"])
            first = {"test_id": t["test_id"], "index": d["indices"][0]}
            if c["first"] is None or first["index"] < c["first"]["index"]:
                c["first"] = first
    doc["classes"] = sorted(classes.values(), key=lambda c: (-c["divergent_runs"], c["class"], c["signature"]))
    doc["detection"] = detection(doc)
    return doc


def detection(doc: dict) -> dict:
    """The detection matrix: for each failure class (rows) and each strategy that ran schedules
    (columns, the portfolio's members), the divergent runs, the runs, and the first detection counted
    in that strategy's own schedules (its n-th schedule of a revision, the smallest over revisions)."""
    strategy = doc["strategy"]
    members: list[str] = []
    runs: dict[str, int] = {}
    for t in doc["tests"]:
        for a, b in t["ranges"]:
            for i in range(a, b + 1):
                m = member_of(strategy, i)
                if m not in runs:
                    members.append(m)
                    runs[m] = 0
                runs[m] += 1
    rows = []
    for c in doc["classes"]:
        cells = {m: {"runs": runs[m], "divergent": 0, "first": None} for m in members}
        for t in doc["tests"]:
            for d in t["divergences"]:
                if (d["class"], d["signature"]) != (c["class"], c["signature"]):
                    continue
                for i in d["indices"]:
                    cell = cells[member_of(strategy, i)]
                    cell["divergent"] += 1
                    nth = member_ordinal(strategy, i)
                    if cell["first"] is None or nth < cell["first"]:
                        cell["first"] = nth
        rows.append({"class": c["class"], "signature": c["signature"], "bug": c["bug"], "cells": cells})
    return {"strategies": sorted(members, key=_member_order), "runs": runs, "rows": rows}


def member_ordinal(strategy: str, index: int) -> int:
    """Schedule `index` (1-based) is its strategy's n-th schedule of the revision: n."""
    from harness.uitest.runner import PORTFOLIO
    period = {"portfolio": len(PORTFOLIO), "mixed": 2}.get(strategy, 1)
    me = member_of(strategy, index)
    slots = [j for j in range(1, period + 1) if member_of(strategy, j) == me]
    full, r = divmod(index - 1, period)
    return full * len(slots) + sum(1 for j in slots if j <= r + 1)


def _member_order(m: str):
    parts = m.split(":")
    return (parts[0], [int(p) for p in parts[1:] if p.isdigit()])


# ---- merging shards
def merge(docs: list[dict]) -> dict:
    """Merges shard reports of one run (same paths and configuration): per test, the union of the
    schedules run (which must not overlap), of the divergent indices, the first divergent run and its
    analysis. The result says which shards it holds and is `partial` when any is missing."""
    if not docs:
        raise ReportError("nothing to merge")
    base = docs[0]
    for d in docs:
        if d.get("kind") != "stress":
            raise ReportError(f"not a stress report (kind `{d.get('kind')}`)")
        for k in CONFIG_KEYS:
            if d[k] != base[k]:
                raise ReportError(f"the reports are not shards of one run: `{k}` is {json.dumps(base[k])} "
                                  f"in one and {json.dumps(d[k])} in another")
    shards = [s for d in docs for s in (d["shards"] or ["1/1"])]
    if len(set(shards)) != len(shards):
        dup = sorted({s for s in shards if shards.count(s) > 1})
        raise ReportError(f"shard {', '.join(dup)} given twice")
    ns = {s.split("/")[1] for s in shards}
    if len(ns) != 1:
        raise ReportError(f"shards of different splits: {', '.join(sorted(shards))}")
    n = int(ns.pop())
    tests: dict[str, dict] = {}
    for d in docs:
        for t in d["tests"]:
            m = tests.get(t["test_id"])
            if m is None:
                tests[t["test_id"]] = json.loads(json.dumps(t))
                continue
            _merge_test(m, t)
    merged = {k: base[k] for k in ("kind", "schema_version", "compiler", "paths", "strategy", "seed", "threads",
                                   "schedules_per_revision", "inject_bug", "total_planned_runs")}
    interrupted = sorted({d["interrupted_by"] for d in docs if d["interrupted_by"]})
    merged.update({
        "created": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "shard": None,
        "shards": sorted(shards, key=lambda s: int(s.split("/")[0])),
        "interrupted_by": ", ".join(interrupted) or None,
        "planned_runs": base["total_planned_runs"],
        "seconds": round(sum(d["seconds"] for d in docs), 3),
        "tests": sorted(tests.values(), key=lambda t: t["test_id"]),
    })
    missing = [f"{i}/{n}" for i in range(1, n + 1) if f"{i}/{n}" not in shards]
    merged["missing_shards"] = missing
    return summarize(merged)


def _merge_test(m: dict, t: dict):
    from harness.stress import merge_ranges
    for a, b in t["ranges"]:
        for c, e in m["ranges"]:
            if a <= e and c <= b:
                raise ReportError(f"{t['test_id']}: schedules {max(a, c)}-{min(b, e)} are in two reports")
    m["ranges"] = merge_ranges(m["ranges"] + t["ranges"])
    for k in ("runs", "divergent", "nondeterministic"):
        m[k] += t[k]
    m["seconds"] = round(m["seconds"] + t["seconds"], 3)
    m["nondeterministic_indices"] = sorted(m["nondeterministic_indices"] + t["nondeterministic_indices"])
    groups = {(d["class"], d["signature"]): list(d["indices"]) for d in m["divergences"]}
    for d in t["divergences"]:
        groups.setdefault((d["class"], d["signature"]), []).extend(d["indices"])
    m["divergences"] = [{"class": c, "signature": s, "indices": sorted(ix)}
                        for (c, s), ix in sorted(groups.items(), key=lambda kv: (min(kv[1]), kv[0]))]
    if t["first_index"] is not None and (m["first_index"] is None or t["first_index"] < m["first_index"]):
        for k in ("first_index", "first_spec", "first_token", "first_command"):
            m[k] = t[k]
    if t["failure"] is not None and (m["failure"] is None or t["failure"]["index"] < m["failure"]["index"]):
        m["failure"] = t["failure"]
    m["samples"] = sorted(m["samples"] + t["samples"], key=lambda s: s["index"])[:SAMPLES]
    m["tokens"] = [s["token"] for s in m["samples"]]


# ---- files
def load(path: str) -> dict:
    try:
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
    except FileNotFoundError:
        raise
    except (OSError, ValueError) as e:
        raise ReportError(f"{path}: not a JSON report ({e})") from None
    errors = validate(doc)
    if errors:
        raise ReportError(f"{path}: not a stress report of schema version {SCHEMA_VERSION}: {errors[0]}")
    return doc


def schema() -> dict:
    with open(SCHEMA_PATH, encoding="utf-8") as f:
        return json.load(f)


def validate(doc: dict) -> list[str]:
    """Schema errors (docs/report-schema.json), each as `path: message`; none when valid."""
    import jsonschema
    v = jsonschema.Draft202012Validator(schema())
    out = []
    for e in sorted(v.iter_errors(doc), key=lambda e: list(e.absolute_path)):
        where = "/".join(str(p) for p in e.absolute_path) or "(top)"
        out.append(f"{where}: {e.message}")
    return out


def dumps(doc: dict) -> str:
    return json.dumps(doc, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
