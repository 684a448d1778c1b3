"""The `harness` command line: `stress`, `report`, `replay`, `pin`, `minimize`, `explore`, `bugs`, `triage`, `perf`."""
from __future__ import annotations

import argparse
import contextlib
import os
import sys
import time

from rich.console import Console
from rich.table import Table

from compiler import bugs
from harness.backends import BackendError, InProcess
from harness.known import ROOT, KnownFailuresError
from harness.perturb import DEFAULT as DEFAULT_KNOB
from harness.perturb import KNOBS
from harness.uitest.directives import DirectiveError
from harness.uitest.runner import STRATEGIES, RunConfig
from harness.uitest.test import UiTest


DEFAULT_REPORTS = os.path.join(ROOT, "reports")
NO_WRAP_WIDTH = 1_000_000   # CI logs: lines as long as they are, so tokens and paths are never split


class CliError(Exception):
    pass


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="harness", description="Stress, replay and explain minirustc schedules.")
    sub = p.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("stress", help="run many controlled schedules over UI tests")
    s.add_argument("paths", nargs="*")
    s.add_argument("--compiler", default="minirustc",
                   help="minirustc (controlled schedules), minirustc-subprocess, rustc, rustc:+TOOLCHAIN, "
                        "rustc:/path/to/rustc (iterations at -Z threads=N with flake statistics)")
    s.add_argument("--runs", type=int, default=30, help="iterations per revision for a process backend (30)")
    s.add_argument("--until-fail", action="store_true", help="stop a revision at its first failing run")
    s.add_argument("--time-budget", type=float, metavar="SECONDS", help="iteration time per revision")
    s.add_argument("--mode", choices=["exact", "lines", "diagnostics"],
                   help="comparison for the whole run (default: each test's own, exact or by lines)")
    s.add_argument("--perturb", choices=list(KNOBS), default=None,
                   help=f"push the real compiler's threads (default: {DEFAULT_KNOB}, measured by make bench)")
    s.add_argument("--known-failures", metavar="FILE", help="the toolchain's known failures (TOML)")
    s.add_argument("--check-fixed", action="store_true", help="run the known failures: still failing, or not seen")
    s.add_argument("--timeout", type=float, default=120.0, help="kill a compiler run after this many seconds")
    s.add_argument("--schedules", type=int, default=100)
    s.add_argument("--strategy", choices=STRATEGIES, default="portfolio",
                   help="portfolio (default): random and PCT at several depths side by side")
    s.add_argument("--seed", type=int, default=0)
    s.add_argument("--threads", type=int, default=None, help="-Z threads=N (minirustc: 4; rustc: each test's own, else 4)")
    s.add_argument("--inject-bug", choices=bugs.names())
    s.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    s.add_argument("--report-dir", default=DEFAULT_REPORTS)
    s.add_argument("--junit", metavar="FILE", help="also write a JUnit XML report")
    s.add_argument("--shard", metavar="I/N", help="run only the I-th of N shares of the work (CI matrices)")
    s.add_argument("--minimize", type=int, default=100, metavar="RUNS",
                   help="shrink each revision's first diverging schedule in at most RUNS runs (default 100; 0: off)")
    rp = sub.add_parser("report", help="stress reports: merge shards (JSON, JUnit), render HTML")
    rp.add_argument("action", choices=["merge", "html"])
    rp.add_argument("reports", nargs="+", metavar="REPORT.json")
    rp.add_argument("-o", "--output", help="merge: the merged JSON (required); html: the HTML file "
                                           "(default: the report's name with .html)")
    rp.add_argument("--junit", metavar="FILE", help="merge: also write JUnit XML")
    rp.add_argument("--html", metavar="FILE", help="merge: also write the HTML report")
    r = sub.add_parser("replay", help="replay one schedule token on a file and show the output")
    r.add_argument("token")
    r.add_argument("file", help="a .rs file, or FILE#REVISION to use a UI test revision's compile-flags")
    r.add_argument("--inject-bug", choices=bugs.names())
    pn = sub.add_parser("pin", help="find a schedule that reproduces an injected bug and pin it in a test")
    pn.add_argument("file")
    pn.add_argument("--inject-bug", choices=bugs.names(), required=True)
    pn.add_argument("--revision", default="injected", help="the revision to pin (default: injected)")
    pn.add_argument("--from-revision", default="fixed", help="the revision whose expectation the bug breaks")
    pn.add_argument("--strategy", choices=STRATEGIES, default="portfolio")
    pn.add_argument("--schedules", type=int, default=500)
    pn.add_argument("--seed", type=int, default=0)
    mn = sub.add_parser("minimize", help="find a diverging schedule with hypothesis and shrink it")
    mn.add_argument("file", help="a UI test, or FILE#REVISION")
    mn.add_argument("--inject-bug", choices=bugs.names())
    mn.add_argument("--strategy", choices=STRATEGIES, default="portfolio",
                    help="how to search for the first diverging schedule")
    mn.add_argument("--seed", type=int, default=0)
    mn.add_argument("--threads", type=int, default=4)
    mn.add_argument("--schedules", type=int, default=500, help="random schedules to search first")
    mn.add_argument("--max-examples", type=int, default=300, help="hypothesis examples for the shrink")
    ex = sub.add_parser("explore", help="run every schedule with at most K preemptions (bounded DFS)")
    ex.add_argument("file", help="a UI test, or FILE#REVISION")
    ex.add_argument("--preemptions", type=int, default=1)
    ex.add_argument("--threads", type=int, default=2)
    ex.add_argument("--max-runs", type=int, default=2000)
    ex.add_argument("--inject-bug", choices=bugs.names())
    tr = sub.add_parser("triage", help="smallest flags, lowest thread count and (--reduce) smallest source "
                                       "that still reproduce a real rustc failure's signature")
    tr.add_argument("file", help="a test, or FILE#REVISION")
    tr.add_argument("--compiler", default="rustc", help="rustc, rustc:+TOOLCHAIN or rustc:/path (default rustc)")
    tr.add_argument("--runs", type=int, default=20, help="runs for the baseline and the final rate (20)")
    tr.add_argument("--confidence", type=float, default=0.95,
                    help="chance to see a candidate that fails at half the baseline rate (0.95)")
    tr.add_argument("--signature", help="the failure to keep (default: the most frequent one)")
    tr.add_argument("--reduce", action="store_true", help="also reduce the source (delta debugging over lines)")
    tr.add_argument("--out", help="where to write the reduced source (default reports/triage-NAME.rs)")
    tr.add_argument("--report-dir", default=DEFAULT_REPORTS)
    tr.add_argument("--timeout", type=float, default=120.0)
    pf = sub.add_parser("perf", help="wall and CPU time, peak RSS and speedup of a real rustc at several -Z threads")
    pf.add_argument("paths", nargs="+", help="crate roots (.rs files) or directories of them")
    pf.add_argument("--compiler", default="rustc")
    pf.add_argument("--threads", default="1,2,4", help="comma-separated thread counts (1,2,4)")
    pf.add_argument("--runs", type=int, default=5)
    pf.add_argument("--report-dir", default=DEFAULT_REPORTS)
    pf.add_argument("--timeout", type=float, default=600.0)
    b = sub.add_parser("bugs", help="the catalogue of injectable historical bugs: list, show NAME, hunt NAME")
    b.add_argument("action", choices=["list", "show", "hunt"])
    b.add_argument("name", nargs="?")
    b.add_argument("--strategy", choices=STRATEGIES, default="portfolio")
    b.add_argument("--schedules", type=int, default=200)
    b.add_argument("--seed", type=int, default=0)
    b.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    # in CI logs (no terminal) tables must not wrap tokens and paths at 80 columns
    console = Console() if sys.stdout.isatty() else Console(width=NO_WRAP_WIDTH)
    try:
        return {"stress": cmd_stress, "replay": cmd_replay, "bugs": cmd_bugs, "pin": cmd_pin,
                "minimize": cmd_minimize, "explore": cmd_explore, "triage": cmd_triage,
                "perf": cmd_perf, "report": cmd_report}[args.cmd](args, console)
    except Exception as e:
        from harness.pin import PinError
        if not isinstance(e, (CliError, DirectiveError, FileNotFoundError, PinError, BackendError,
                              KnownFailuresError)):
            raise
        msg = f"no such file or directory: {e.args[0]}" if isinstance(e, FileNotFoundError) else str(e)
        print(f"error: {msg}", file=sys.stderr)
        return 2


def progress_bar(console: Console, label: str):
    """A transient progress bar on a terminal; in CI logs, where it would print nothing, none."""
    import contextlib
    if not console.is_terminal:
        return contextlib.nullcontext(None)
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
    return Progress(TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), console=console,
                    transient=True)


def cmd_stress(args, console: Console) -> int:
    from harness.stress import Stop, install_stop_handlers
    if args.threads is not None and args.threads < 2:
        raise CliError(f"--threads must be at least 2 (the reference run is at -Z threads=1), found {args.threads}")
    if args.compiler != "minirustc":
        return cmd_flakes(args, console)
    if args.check_fixed or args.perturb or args.known_failures:
        raise CliError("--check-fixed, --perturb and --known-failures need a process backend (--compiler rustc)")
    if not args.paths:
        raise CliError("stress needs at least one test file or directory")
    if args.schedules < 1:
        raise CliError("--schedules must be at least 1")
    if args.minimize < 0:
        raise CliError("--minimize must be 0 (off) or a number of shrinking runs")
    cfg = RunConfig(schedules=args.schedules, threads=args.threads or 4, strategy=args.strategy, seed=args.seed,
                    inject_bug=args.inject_bug)
    shard = parse_shard(args.shard) if args.shard else None
    stop = Stop()
    restore = install_stop_handlers(stop)
    try:
        return _stress(args, console, cfg, shard, stop)
    except KeyboardInterrupt:
        console.print("interrupted twice: stopped at once, without a report", highlight=False)
        return 130
    finally:
        restore()


def _stress(args, console: Console, cfg: RunConfig, shard, stop) -> int:
    from harness.report import stress_json
    from harness.report.html import html_path_for, write_html
    from harness.stress import analyse, plan, shard_work, stress
    work = plan(args.paths, cfg)
    total_planned = sum(len(w[2]) for w in work)
    planned = sum(len(w[2]) for w in shard_work(work, shard))
    start = time.perf_counter()
    with progress_bar(console, "[bold]stress[/]") as progress:
        rows = stress(args.paths, cfg, args.jobs, progress, shard, stop)
    seconds = time.perf_counter() - start
    if any(r.divergent for r in rows) and not stop.is_set():
        with console.status("analysing the first failure of each revision (reference run, minimisation, "
                            "trace)") if console.is_terminal else contextlib.nullcontext():
            analyse(rows, cfg, minimize_examples=args.minimize, stop=stop)
    table = Table(title=f"stress: {args.strategy}, seed {args.seed}, {args.schedules} schedules per revision"
                        + (f", -Z inject-bug={args.inject_bug}" if args.inject_bug else "")
                        + (f", shard {shard[0]}/{shard[1]}" if shard else ""))
    for col in ("test", "runs", "divergent runs", "first divergent token"):
        table.add_column(col, overflow="fold")
    for row in rows:
        style = "red" if row.divergent else None
        table.add_row(row.test_id, str(row.runs), str(row.divergent), row.first_token or "-", style=style)
    console.print(table)
    doc = stress_json.build(rows, cfg, args.paths, seconds, shard=shard, planned_runs=planned,
                            total_planned_runs=total_planned, interrupted_by=stop.signal)
    report = write_stress_report(doc, args.report_dir, shard)
    html = write_html(doc, html_path_for(report))
    if args.junit:
        from harness.report.junit import write_junit
        write_junit(doc, args.junit)
    total = doc["runs"]
    bad = doc["divergent_runs"]
    rate = f"{total / seconds:.0f}/s" if seconds > 0 else "-"
    console.print(f"{total} runs in {seconds:.1f} s ({rate}); {bad} divergent; report: {_shown(report)}",
                  soft_wrap=True, highlight=False)
    console.print(f"html report: {_shown(html)}", soft_wrap=True, highlight=False)
    for row in rows:
        if row.divergent:
            show_failure(console, row, cfg)
        if row.nondeterministic:
            console.print(f"[red]{row.test_id}[/]: {row.nondeterministic} divergent run(s) did not replay to the "
                          "same output: uncontrolled nondeterminism (output that no schedule token decides)",
                          soft_wrap=True)
    if stop.is_set():
        console.print(f"interrupted ({stop.signal}): stopped at a run boundary after {total} of {planned} "
                      "schedules; the reports are marked partial", soft_wrap=True, highlight=False)
        return 130
    return 1 if bad else 0


DIFF_LINES = 60


def show_failure(console: Console, row, cfg: RunConfig):
    """The first failing run of a revision in the terminal: the replay command, its class, whether
    `-Z threads=1` itself differs from the blessed file, the minimised token, and the unified diff
    against the blessed file."""
    from rich.text import Text
    console.print(f"[red]{row.test_id}[/]: first divergence after {row.first_index} schedule(s)\n"
                  f"  replay: {row.first_command}", soft_wrap=True)
    f = row.failure
    if f is None:
        return
    blessed = os.path.basename(f["expected_file"])
    console.print(f"  {f['class']}: {f['signature']}", soft_wrap=True, markup=False, highlight=False)
    if f["stale"]:
        console.print(Text.assemble("  -Z threads=1 differs from ", blessed, " too: ",
                                    ("stale .stderr; bless?", "bold yellow"), f" (pytest {row.path} --bless)"),
                      soft_wrap=True)
    else:
        console.print(f"  -Z threads=1 matches {blessed}: only schedules differ", soft_wrap=True,
                      markup=False, highlight=False)
    m = f["minimized"]
    if m:
        console.print(f"  minimised to {m['preemptions']} of {m['original_preemptions']} preemption(s): "
                      f"{m['replay']}", soft_wrap=True, markup=False, highlight=False)
        if not m["same_failure"]:
            console.print(f"    (it diverges differently: {m['class']}: {m['signature']})", soft_wrap=True,
                          markup=False, highlight=False)
    lines = f["diff"].splitlines()
    for line in lines[:DIFF_LINES]:
        style = ("bold" if line.startswith(("+++", "---")) else "green" if line.startswith("+")
                 else "red" if line.startswith("-") else "cyan" if line.startswith("@@") else None)
        console.print(Text(line, style=style or ""), soft_wrap=True, highlight=False)
    if len(lines) > DIFF_LINES:
        console.print(f"... {len(lines) - DIFF_LINES} more diff line(s) in the HTML report", highlight=False)


def _shown(path: str) -> str:
    rel = os.path.relpath(path)
    return rel if not rel.startswith("..") else os.path.abspath(path)


def write_stress_report(doc: dict, report_dir: str, shard) -> str:
    """reports/stress-STAMP-STRATEGY[-BUG][-shardIofN].json; a name already taken gets -2, -3, ..."""
    from harness.fsutil import write_atomic
    from harness.report.stress_json import dumps
    stamp = time.strftime("%Y%m%d-%H%M%S")
    base = (f"stress-{stamp}-{doc['strategy']}" + (f"-{doc['inject_bug']}" if doc["inject_bug"] else "")
            + (f"-shard{shard[0]}of{shard[1]}" if shard else ""))
    os.makedirs(report_dir, exist_ok=True)
    path = os.path.join(report_dir, base + ".json")
    n = 2
    while os.path.exists(path) or os.path.exists(path[:-5] + ".html"):
        path = os.path.join(report_dir, f"{base}-{n}.json")
        n += 1
    write_atomic(path, dumps(doc))
    return path


def cmd_report(args, console: Console) -> int:
    from harness.report import stress_json
    from harness.report.html import html_path_for, write_html
    if args.action == "html":
        if len(args.reports) != 1:
            raise CliError("report html takes one report (merge shards first: harness report merge)")
        doc = _load_report(args.reports[0])
        out = write_html(doc, args.output or html_path_for(args.reports[0]))
        console.print(f"html report: {_shown(out)}", soft_wrap=True, highlight=False)
        return 0
    if not args.output:
        raise CliError("report merge needs -o MERGED.json")
    docs = [_load_report(p) for p in args.reports]
    try:
        merged = stress_json.merge(docs)
    except stress_json.ReportError as e:
        raise CliError(str(e)) from None
    from harness.fsutil import write_atomic
    write_atomic(args.output, stress_json.dumps(merged))
    if args.junit:
        from harness.report.junit import write_junit
        write_junit(merged, args.junit)
    if args.html:
        write_html(merged, args.html)
    failing = [t for t in merged["tests"] if t["divergent"]]
    console.print(f"merged {len(docs)} report(s) (shards {', '.join(merged['shards'])}): {merged['runs']} of "
                  f"{merged['planned_runs']} planned runs, {len(merged['tests'])} revisions, "
                  f"{merged['divergent_runs']} divergent; report: {_shown(args.output)}", soft_wrap=True,
                  highlight=False)
    if args.html:
        console.print(f"html report: {_shown(args.html)}", soft_wrap=True, highlight=False)
    for t in failing:
        console.print(f"{t['test_id']}: {t['divergent']} divergent, first after {t['first_index']} schedule(s)\n"
                      f"  replay: {t['first_command']}", soft_wrap=True, highlight=False, markup=False)
    if merged["partial"]:
        console.print(f"partial: missing shards {', '.join(merged['missing_shards']) or '(none)'}"
                      + (f"; interrupted: {merged['interrupted_by']}" if merged["interrupted_by"] else ""),
                      soft_wrap=True, highlight=False)
    return 1 if failing or merged["partial"] else 0


def _load_report(path: str) -> dict:
    from harness.report import stress_json
    try:
        return stress_json.load(path)
    except stress_json.ReportError as e:
        raise CliError(str(e)) from None


def cmd_flakes(args, console: Console) -> int:
    """Iterations on a process backend (the real rustc): flake statistics, ICE signatures, known failures."""
    from harness import backends, flakes, flakes_view, known
    from harness.iterate import IterConfig
    from harness.perturb import Perturbation
    if args.inject_bug:
        raise CliError("--inject-bug is a minirustc flag; it cannot be passed to " + args.compiler)
    if args.runs < 1:
        raise CliError("--runs must be at least 1")
    if args.time_budget is not None and args.time_budget <= 0:
        raise CliError("--time-budget must be positive")
    backend = backends.get(args.compiler, timeout=args.timeout)
    kf_path = args.known_failures or (known.default_path(backend.toolchain_id())
                                      if hasattr(backend, "toolchain_id") else None)
    if args.known_failures and not os.path.isfile(args.known_failures):
        raise FileNotFoundError(args.known_failures)
    kf = known.load(kf_path)
    paths = args.paths
    if args.check_fixed and not paths:
        paths = flakes.known_tests(kf)
        if not paths:
            raise CliError(f"no known failures to check in {kf_path}")
    if not paths:
        raise CliError("stress needs at least one test file or directory")
    cfg = IterConfig(runs=args.runs, threads=args.threads, until_fail=args.until_fail,
                     time_budget=args.time_budget, mode=args.mode,
                     perturb=Perturbation(args.perturb or DEFAULT_KNOB, args.seed), known=kf)
    shard = parse_shard(args.shard) if args.shard else None
    with progress_bar(console, "[bold]stress[/] {task.description}") as progress:
        task = progress.add_task(args.compiler, total=None) if progress else None
        fr = flakes.run(paths, backend, cfg, shard=shard,
                        on_revision=(lambda r: progress.advance(task)) if progress else None)
    flakes_view.show(fr, console)
    if args.check_fixed:
        flakes_view.show_check_fixed(fr, console)
    report = flakes.write_report(fr, args.report_dir)
    if args.junit:
        from harness.report.junit import write_flakes_junit
        write_flakes_junit(fr, args.junit)
    n = sum(len(r.runs) + (1 if r.reference else 0) for r in fr.reports)
    skipped = sum(1 for r in fr.reports if r.skipped)
    console.print(f"{n} compiler runs in {fr.seconds:.1f} s; {len(fr.reports) - skipped} revisions run, "
                  f"{skipped} skipped; known failures: {kf_path or 'none'}; report: {report}",
                  highlight=False, soft_wrap=True)
    return fr.exit_status


def _rustc_backend(spec: str, timeout: float):
    from harness import backends
    if not (spec == "rustc" or spec.startswith("rustc:")):
        raise CliError(f"`{spec}` is not a real rustc; for minirustc, `harness minimize` shrinks schedules")
    return backends.get(spec, timeout=timeout)


def cmd_triage(args, console: Console) -> int:
    import json

    from harness.fsutil import write_atomic
    from harness.triage import Triage, TriageError
    path, rev = _test_and_rev(args.file)
    if args.runs < 1:
        raise CliError("--runs must be at least 1")
    if not 0 < args.confidence < 1:
        raise CliError("--confidence must be between 0 and 1")
    backend = _rustc_backend(args.compiler, args.timeout)
    t = Triage(backend, path, rev, args.runs, args.confidence, args.signature,
               log=lambda m: console.print(m, highlight=False, markup=False, soft_wrap=True))
    try:
        res = t.run(reduce=args.reduce, out_path=args.out)
    except TriageError as e:
        raise CliError(str(e)) from None
    base = os.path.splitext(os.path.basename(path))[0]
    report = os.path.join(args.report_dir, f"triage-{base}.json")
    write_atomic(report, json.dumps(res.to_json(), indent=2) + "\n")
    removed = [f for f in res.flags if f not in res.minimal_flags]
    lines = [f"{res.version}",
             f"signature:     {res.signature} ({res.cls})",
             f"baseline:      {res.baseline} at -Z threads={res.baseline_threads} with {shlex_join(res.flags)}",
             f"minimal flags: {shlex_join(res.minimal_flags) or '(none)'}"
             + (f"  (dropped: {shlex_join(removed)})" if removed else ""),
             f"threads:       lowest reproducing -Z threads={res.threads}; tried "
             + ", ".join(f"{k}: {v}" for k, v in res.threads_tried.items()),
             f"reproduction:  {res.rate} at the minimal configuration "
             f"(a candidate counted as reproducing within {res.candidate_runs} runs, "
             f"confidence {args.confidence:.0%})",
             f"command:       {res.command()}"]
    if res.reduced_path:
        lines.append(f"reduced:       {res.reduced_lines[0]} -> {res.reduced_lines[1]} lines: {res.reduced_path}")
        lines.append(f"               {res.command(res.reduced_path)}")
    lines.append(f"{res.compiler_runs} compiler runs; report: {report}")
    console.print("\n".join(lines), highlight=False, markup=False, soft_wrap=True)
    return 0


def shlex_join(tokens) -> str:
    import shlex
    return shlex.join(tokens)


def cmd_perf(args, console: Console) -> int:
    from harness.perf import perf, show
    try:
        threads = [int(x) for x in args.threads.split(",") if x]
    except ValueError:
        raise CliError(f"--threads expects numbers like 1,2,4, found `{args.threads}`") from None
    if not threads or min(threads) < 1:
        raise CliError("--threads needs thread counts of at least 1")
    if args.runs < 1:
        raise CliError("--runs must be at least 1")
    backend = _rustc_backend(args.compiler, args.timeout)
    result = perf(backend, args.paths, threads, args.runs, args.report_dir)
    show(result, console)
    return 0 if result["identical"] else 1


def parse_shard(text: str) -> tuple[int, int]:
    i, _, n = text.partition("/")
    if not (i.isdigit() and n.isdigit()) or not 1 <= int(i) <= int(n):
        raise CliError(f"--shard expects I/N with 1 <= I <= N, found `{text}`")
    return int(i), int(n)


def cmd_replay(args, console: Console) -> int:
    token = args.token[len("replay:"):] if args.token.startswith("replay:") else args.token
    from compiler.sync.token import Decoder, TokenError
    try:
        threads = Decoder(token).threads
    except TokenError as e:
        raise CliError(str(e)) from None
    path, _, rev = args.file.partition("#")
    if not os.path.isfile(path):
        raise FileNotFoundError(path)
    flags: list[str] = []
    env = None
    if path.endswith(".rs"):
        test = UiTest.load(path)
        if rev and rev not in test.revisions:
            raise CliError(f"{path} has no revision `{rev}` (revisions: {', '.join(test.revisions) or 'none'})")
        flags = test.props(rev or None).flags()
        env = test.props(rev or None).rustc_env or None
    argv = ["-Z", f"threads={threads}", "-Z", f"schedule=replay:{token}", "-Z", "ui-testing", *flags]
    if args.inject_bug:
        argv += ["-Z", f"inject-bug={args.inject_bug}"]
    argv.append(path)
    status, stderr, _ = InProcess().run(argv, env=env)
    sys.stderr.write(stderr)
    console.print(f"[dim]minirustc {' '.join(argv)}[/] exited with {status}", highlight=False, soft_wrap=True)
    return status


def cmd_pin(args, console: Console) -> int:
    from harness.pin import pin
    token, index = pin(args.file, args.inject_bug, args.revision, args.from_revision,
                       RunConfig(schedules=args.schedules, strategy=args.strategy, seed=args.seed,
                                 inject_bug=args.inject_bug))
    if token is None:
        raise CliError(f"no schedule of {args.schedules} ({args.strategy}, seed {args.seed}) reproduced "
                       f"`{args.inject_bug}` on {args.file}#{args.from_revision}")
    console.print(f"pinned `//@[{args.revision}] schedule: replay:{token}` (found after {index} schedules); "
                  f"now bless: pytest {args.file} --bless", soft_wrap=True, markup=False, highlight=False)
    return 0


def cmd_minimize(args, console: Console) -> int:
    from harness.minimize import minimize
    path, _, rev = args.file.partition("#")
    if not os.path.isfile(path):
        raise FileNotFoundError(path)
    test = UiTest.load(path)
    if rev and rev not in test.revisions:
        raise CliError(f"{path} has no revision `{rev}`")
    if not rev and test.revisions:
        rev = test.revisions[0]
    result = minimize(path, rev or None, args.inject_bug, args.threads, args.schedules, args.max_examples,
                      strategy=args.strategy, seed=args.seed)
    if result is None:
        console.print(f"no diverging schedule in {args.schedules} {args.strategy} schedules", highlight=False)
        return 1
    sys.stderr.write(result.stderr)
    console.print(f"shrunk a diverging schedule from {result.original_preemptions} to {result.preemptions} "
                  f"preemption(s) in {result.runs} runs\ntoken: {result.token}\nreplay: harness replay "
                  f"{result.token} {args.file}" + (f" --inject-bug {args.inject_bug}" if args.inject_bug else ""),
                  highlight=False, markup=False, soft_wrap=True)
    return 0


def _test_and_rev(spec: str):
    path, _, rev = spec.partition("#")
    if not os.path.isfile(path):
        raise FileNotFoundError(path)
    test = UiTest.load(path)
    if rev and rev not in test.revisions:
        raise CliError(f"{path} has no revision `{rev}`")
    return path, rev or (test.revisions[0] if test.revisions else None)


def cmd_explore(args, console: Console) -> int:
    from harness.explore import explore
    path, rev = _test_and_rev(args.file)
    start = time.perf_counter()
    res = explore(path, rev, args.inject_bug, args.preemptions, args.threads, args.max_runs)
    seconds = time.perf_counter() - start
    scope = "every schedule" if res.complete else f"the first {res.runs} schedules (stopped at --max-runs)"
    console.print(f"explored {scope} with at most {args.preemptions} preemption(s) at -Z threads={args.threads}: "
                  f"{res.runs} runs in {seconds:.1f} s, {res.divergent_count} divergent", highlight=False)
    for tok in res.divergent[:3]:
        console.print(f"  replay: harness replay {tok} {args.file}" +
                      (f" --inject-bug {args.inject_bug}" if args.inject_bug else ""), highlight=False,
                      markup=False, soft_wrap=True)
    return 1 if res.divergent_count else 0


def cmd_bugs(args, console: Console) -> int:
    if args.action == "list":
        table = Table(title="injectable historical bugs (-Z inject-bug=NAME)")
        for col in ("name", "fidelity", "upstream", "module", "UI tests"):
            table.add_column(col, overflow="fold")
        for b in bugs.CATALOGUE.values():
            table.add_row(b.name, b.fidelity, ", ".join(b.upstream), b.module, "\n".join(b.tests))
        console.print(table)
        console.print("fidelity: restored = upstream's code path and symptom text; modelled = a hazard upstream "
                      "named, the symptom is ours (see `harness bugs show NAME`)", highlight=False)
        hazards = Table(title="reviewed hazards: not modelled")
        for col in ("item", "note"):
            hazards.add_column(col, overflow="fold")
        for h in bugs.REVIEWED_HAZARDS:
            hazards.add_row(h.name, h.note)
        console.print(hazards)
        return 0
    if not args.name or args.name not in bugs.CATALOGUE:
        raise CliError(f"unknown bug `{args.name}`; known bugs: {', '.join(bugs.names())}")
    b = bugs.CATALOGUE[args.name]
    if args.action == "hunt":
        return hunt(b, args, console)
    console.print(f"[bold]{b.name}[/] ({', '.join(b.upstream)})\n\nfidelity: {b.fidelity}\nsymptom: {b.symptom}\n"
                  f"lives in: {b.module}\n\n{b.explanation}", soft_wrap=False, markup=True, highlight=False)
    if b.departures:
        console.print("\nwhere the model departs from upstream:", highlight=False)
        for dep in b.departures:
            console.print(f"  - {dep}", markup=False, highlight=False)
    console.print(f"\nUI tests: {', '.join(b.tests)}", markup=False, highlight=False)
    for t in b.tests:
        if os.path.exists(t):
            test = UiTest.load(t)
            for rev in test.revision_names():
                pinned = test.props(rev).pinned
                if pinned:
                    console.print(f"pinned reproduction: harness replay {pinned[len('replay:'):]} {t}#{rev}",
                                  soft_wrap=True)
    return 0


def hunt(b, args, console: Console) -> int:
    """Stress the bug's tests with the injection: first reproducing schedule and detection rate."""
    from harness.stress import stress
    cfg = RunConfig(schedules=args.schedules, strategy=args.strategy, seed=args.seed, inject_bug=b.name)
    start = time.perf_counter()
    rows = stress(list(b.tests), cfg, args.jobs)
    seconds = time.perf_counter() - start
    found = False
    for row in rows:
        rate = row.divergent / row.runs if row.runs else 0.0
        console.print(f"{row.test_id}: {row.divergent}/{row.runs} schedules reproduce `{b.name}` "
                      f"({rate:.0%})", markup=False, highlight=False)
        if row.divergent:
            found = True
            console.print(f"  first after {row.first_index} schedule(s): {row.first_spec}\n"
                          f"  replay: {row.first_command}", markup=False, highlight=False, soft_wrap=True)
    console.print(f"{sum(r.runs for r in rows)} runs in {seconds:.1f} s", highlight=False)
    return 0 if found else 1


if __name__ == "__main__":
    raise SystemExit(main())
