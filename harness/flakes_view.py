"""Shows a flake run in the terminal: one row per test revision (outcome, failure rate with its 95%
interval, first failing run), then every failure signature with its class, rate and upstream link."""
from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from harness.flakes import FlakeRun, check_fixed, issue_link
from harness.stats import Rate

STYLE = {"ok": "green", "known-failure": "yellow", "new-failure": "bold red", "failed": "bold red",
         "skipped": "dim"}


def show(fr: FlakeRun, console: Console):
    cfg = fr.cfg
    title = (f"{fr.version}: {cfg.runs} run(s) per revision"
             + (f" at -Z threads={cfg.threads}" if cfg.threads else " at each test's -Z threads (default 4)")
             + f", perturbation: {cfg.perturb.describe()}")
    table = Table(title=title)
    for col in ("test", "outcome", "runs", "failing runs (95% CI)", "first failure", "mode"):
        table.add_column(col, overflow="fold")
    for r in fr.reports:
        if r.skipped:
            table.add_row(r.test_id, "skipped", "-", r.skipped, "-", "-", style=STYLE["skipped"])
            continue
        table.add_row(r.test_id, r.outcome, str(len(r.runs)), str(r.rate),
                      str(r.first_failure) if r.first_failure else "-", r.mode, style=STYLE.get(r.outcome))
    console.print(table)
    for r in fr.reports:
        if r.skipped or not (r.signatures or r.problems):
            continue
        console.print(f"[bold]{r.test_id}[/]" + (f" (known-bug: {r.known_bug})" if r.known_bug else ""),
                      highlight=False)
        for p in r.problems:
            console.print(f"  [red]problem:[/] {escape(p)}", highlight=False, soft_wrap=True)
        for s in sorted(r.signatures.values(), key=lambda s: (-s.count, s.signature)):
            tag = f"known: {s.known_issue} {issue_link(s.known_issue)}" if s.known_issue else "[bold red]NEW[/]"
            console.print(f"  {s.cls:<11} {str(Rate(s.count, len(r.runs))):<36} first at run {s.first_run}\n"
                          f"              {escape(s.signature)}\n              {tag}", highlight=False, soft_wrap=True)
            if not s.known_issue and s.cls == "mismatch" and s.example:
                console.print(escape("\n".join("              " + x for x in s.example.splitlines()[:40])),
                              highlight=False, soft_wrap=True)
        by_class = ", ".join(f"{k} {v.failures}" for k, v in r.class_rates().items())
        console.print(f"  outcome classes over {len(r.runs)} runs: {by_class}", highlight=False)
    for e in fr.errors:
        console.print(f"[red]error:[/] {escape(e)}", highlight=False, soft_wrap=True)


def show_check_fixed(fr: FlakeRun, console: Console):
    table = Table(title=f"is it fixed? known failures of {fr.toolchain}")
    for col in ("issue", "test", "signature", "status", "rate"):
        table.add_column(col, overflow="fold")
    for row in check_fixed(fr):
        style = "yellow" if row["status"] == "still failing" else "green"
        table.add_row(row["issue"], row["test"], row["signature"], row["status"], str(row["rate"]), style=style)
    console.print(table)
