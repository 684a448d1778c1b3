"""The per-thread timeline of one traced schedule (compiler.sync.trace), as geometry for an inline SVG:
one row per controlled thread, bars where it held the baton, hatched bars where it was blocked, a tick
per scheduling point (coloured by kind: query, lock, wait, cell/atomic, pool, spawn), the query spans
(a query's start to its `done`) as thin lanes under the bar, and a numbered red marker at every
preemption. Each element carries a `<title>` tooltip; nothing needs JavaScript."""
from __future__ import annotations

LABEL_W = 170
ROW_H = 40
TOP = 26
BAR_H = 12
LANES = 4


def category(op: str | None) -> str:
    if not op:
        return "other"
    if op.startswith("query "):
        return "query-done" if op.endswith(" done") else "query"
    if op.startswith("wait for") or op.startswith("join"):
        return "wait"
    if op.startswith("lock "):
        return "lock"
    if op.split(" ", 1)[0] in ("borrow", "borrow_mut", "get", "set", "load", "store", "fetch_add"):
        return "cell"
    if op.startswith("spawn"):
        return "spawn"
    if op.startswith(("worker", "install", "par_for_each", "join", "scope")):
        return "pool"
    return "other"


def layout(trace: dict) -> dict:
    threads = trace["threads"]
    events = trace["events"]
    names = {t["tid"]: t["name"] for t in threads}
    row_of = {t["tid"]: i for i, t in enumerate(threads)}
    last_step = max((e[0] for e in events), default=0) + 1
    scale = max(2.0, min(14.0, 1400.0 / max(last_step, 1)))

    def x(step: float) -> float:
        return round(LABEL_W + step * scale, 1)

    def y(tid: int) -> int:
        return TOP + row_of.get(tid, 0) * ROW_H

    rects, ticks, markers, spans, preemptions = [], [], [], [], []
    running_since: dict[int, int] = {0: 0} if threads else {}
    blocked_since: dict[int, tuple[int, str]] = {}
    last_op: dict[int, str] = {}
    stacks: dict[int, list[tuple[str, int]]] = {}
    for step, tid, kind, op, other in events:
        if kind == "point":
            cat = category(op)
            ticks.append({"x": x(step - 0.5), "y1": y(tid) - 2, "y2": y(tid) + BAR_H + 2, "cls": cat,
                          "title": f"step {step}: {names.get(tid, tid)}: {op}"})
            last_op[tid] = op
            st = stacks.setdefault(tid, [])
            if cat == "query":
                st.append((op[len("query "):], step))
            elif cat == "query-done":
                name = op[len("query "):-len(" done")]
                while st:
                    q, start = st.pop()
                    if q == name:
                        depth = len(st)
                        if depth < LANES:
                            spans.append({"x": x(start - 0.5), "w": max(x(step - 0.5) - x(start - 0.5), 1.0),
                                          "y": y(tid) + BAR_H + 4 + depth * 4,
                                          "title": f"query {name}: steps {start}-{step} on {names.get(tid, tid)}"})
                        break
        elif kind == "block":
            blocked_since[tid] = (step, op or "")
            last_op[tid] = op
        elif kind == "wake":
            if tid in blocked_since:
                b, what = blocked_since.pop(tid)
                rects.append({"x": x(b), "y": y(tid), "w": max(x(step) - x(b), 1.0), "h": BAR_H, "cls": "blocked",
                              "title": f"{names.get(tid, tid)} blocked at `{what}`, steps {b}-{step}"})
        elif kind in ("switch", "preempt"):
            if tid in running_since:
                a = running_since.pop(tid)
                rects.append({"x": x(a), "y": y(tid), "w": max(x(step) - x(a), 1.0), "h": BAR_H, "cls": "running",
                              "title": f"{names.get(tid, tid)} runs, steps {a}-{step}"})
            if other is not None:
                running_since[other] = step
            if kind == "preempt":
                n = len(preemptions) + 1
                at = last_op.get(tid, "")
                preemptions.append({"n": n, "step": step, "from": names.get(tid, str(tid)),
                                    "to": names.get(other, str(other)), "at": at})
                px, py = x(step), y(tid)
                markers.append({"points": f"{px - 4},{py - 9} {px + 4},{py - 9} {px},{py - 1}",
                                "x": px, "y": py - 11, "n": n, "cls": "preempt",
                                "title": f"preemption #{n} at step {step}: {names.get(tid, tid)} at `{at}` "
                                         f"gives way to {names.get(other, other)}"})
        elif kind == "exit":
            if tid in running_since:
                a = running_since.pop(tid)
                rects.append({"x": x(a), "y": y(tid), "w": max(x(step) - x(a), 1.0), "h": BAR_H, "cls": "running",
                              "title": f"{names.get(tid, tid)} runs, steps {a}-{step}"})
            markers.append({"points": f"{x(step)},{y(tid)} {x(step) + 6},{y(tid) + BAR_H / 2} {x(step)},{y(tid) + BAR_H}",
                            "x": None, "y": None, "n": None, "cls": "exit",
                            "title": f"{names.get(tid, tid)} exits at step {step}"})
    for tid, a in running_since.items():
        rects.append({"x": x(a), "y": y(tid), "w": max(x(last_step) - x(a), 1.0), "h": BAR_H, "cls": "running",
                      "title": f"{names.get(tid, tid)} runs, steps {a}-{last_step}"})
    for tid, (b, what) in blocked_since.items():
        rects.append({"x": x(b), "y": y(tid), "w": max(x(last_step) - x(b), 1.0), "h": BAR_H, "cls": "blocked",
                      "title": f"{names.get(tid, tid)} blocked at `{what}` from step {b} to the end"})
    axis = []
    every = _nice_step(last_step)
    for s in range(0, last_step + 1, every):
        axis.append({"x": x(s), "label": str(s)})
    rows = [{"y": y(t["tid"]), "label": t["name"], "title": f"thread #{t['tid']} {t['name']}"
             + (" (pool worker)" if t["worker"] else "")} for t in threads]
    return {
        "width": int(x(last_step) + 20),
        "height": TOP + len(threads) * ROW_H + 10,
        "rows": rows, "rects": rects, "ticks": ticks, "markers": markers, "spans": spans, "axis": axis,
        "preemptions": preemptions, "steps": last_step - 1, "truncated": trace.get("truncated", False),
        "bar_h": BAR_H, "label_w": LABEL_W,
    }


def _nice_step(n: int) -> int:
    for s in (10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000):
        if n / s <= 14:
            return s
    return 100000
