"""The Jinja template of the HTML stress report (rendered with autoescaping by harness.report.html)."""

TEMPLATE = r"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>stress report: {{ doc.paths | join(" ") }}{% if doc.partial %} (partial){% endif %}</title>
<style>
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 1.5em 2em; color: #1b1f24; }
h1 { font-size: 1.4em; margin-bottom: .2em; }
h2 { font-size: 1.15em; margin-top: 2em; border-bottom: 1px solid #d0d7de; padding-bottom: .2em; }
h3 { font-size: 1.05em; margin: 1.6em 0 .4em; }
table { border-collapse: collapse; margin: .5em 0; }
th, td { border: 1px solid #d0d7de; padding: 3px 8px; text-align: left; vertical-align: top; }
th { background: #f6f8fa; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
code, pre, .mono { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 12.5px; }
pre { background: #f6f8fa; padding: .6em .8em; overflow-x: auto; border: 1px solid #d0d7de; margin: .3em 0; }
.bad { color: #b3261e; font-weight: 600; }
.good { color: #1a7f37; font-weight: 600; }
.warn { background: #fff8c5; border: 1px solid #d4a72c; padding: .5em .8em; }
.partial { background: #ffebe9; border: 1px solid #cf222e; padding: .5em .8em; font-weight: 600; }
.diff .add { color: #116329; background: #dafbe1; display: block; }
.diff .del { color: #82071e; background: #ffebe9; display: block; }
.diff .hunk { color: #6639ba; display: block; }
.diff .file { color: #57606a; display: block; font-weight: 600; }
.diff .ctx { display: block; }
.diff span { min-height: 1.2em; }
.kv td:first-child { color: #57606a; white-space: nowrap; }
.timeline { overflow-x: auto; border: 1px solid #d0d7de; background: #fff; }
svg text { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 11px; }
svg .running { fill: #54aeff; }
svg .blocked { fill: url(#hatch); stroke: #cf222e; stroke-width: .5; }
svg .tick { stroke-width: 1.2; }
svg .query { stroke: #0550ae; } svg .query-done { stroke: #1a7f37; } svg .lock { stroke: #bc4c00; }
svg .wait { stroke: #cf222e; } svg .cell { stroke: #8250df; } svg .pool { stroke: #6e7781; }
svg .spawn { stroke: #000; } svg .other { stroke: #afb8c1; }
svg .span { fill: #0550ae; opacity: .55; }
svg .preempt { fill: #cf222e; } svg .exit { fill: #24292f; }
svg .rowline { stroke: #eaeef2; } svg .axis { stroke: #d0d7de; }
.legend span { display: inline-block; margin-right: 1em; }
.legend i { display: inline-block; width: 12px; height: 10px; margin-right: 4px; vertical-align: -1px; }
details > summary { cursor: pointer; color: #0969da; }
</style>
</head>
<body>
<h1>stress report{% if doc.inject_bug %}: <code>-Z inject-bug={{ doc.inject_bug }}</code>{% endif %}</h1>
<div class="mono">{{ doc.paths | join(" ") }}</div>
{% if doc.partial %}
<p class="partial" id="partial">Partial report:
{% if doc.interrupted_by %}the run was interrupted ({{ doc.interrupted_by }}) and stopped at a run boundary; {% endif %}
{{ doc.runs }} of {{ doc.planned_runs }} planned schedules ran{% if doc.missing_shards is defined and doc.missing_shards %}; missing shards: {{ doc.missing_shards | join(", ") }}{% endif %}.</p>
{% endif %}

<table class="kv">
<tr><td>compiler</td><td>{{ doc.compiler }}</td></tr>
<tr><td>strategy</td><td>{{ doc.strategy }}, seed {{ doc.seed }}, -Z threads={{ doc.threads }}, {{ doc.schedules_per_revision }} schedules per revision</td></tr>
{% if doc.shards %}<tr><td>shards</td><td>{{ doc.shards | join(", ") }}</td></tr>{% endif %}
<tr><td>created</td><td>{{ doc.created }}</td></tr>
<tr><td>runs</td><td>{{ doc.runs }} schedules in {{ "%.1f" | format(doc.seconds) }} s{% if doc.shards | length > 1 %} (summed over shards){% endif %}:
  <b>{{ doc.schedules_per_second if doc.schedules_per_second is not none else "-" }} schedules/s</b></td></tr>
<tr><td>result</td><td>
{% if doc.divergent_runs %}<span class="bad">{{ doc.divergent_runs }} divergent run(s)</span> in {{ doc.tests | selectattr("divergent") | list | length }} of {{ doc.tests | length }} revision(s){% else %}<span class="good">no divergent run</span> in {{ doc.tests | length }} revision(s){% endif %}
{% if doc.nondeterministic_runs %}; <span class="bad">{{ doc.nondeterministic_runs }} uncontrolled nondeterminism</span> (a token that does not replay to the same output){% endif %}
</td></tr>
</table>

<h2 id="classes">Failures by class</h2>
{% if doc.classes %}
<table>
<tr><th>class</th><th>signature</th>{% if doc.inject_bug %}<th>bug</th>{% endif %}<th>divergent runs</th><th>revisions</th><th>first</th></tr>
{% for c in doc.classes %}
<tr><td>{{ c["class"] | class_label }}</td><td class="mono">{{ c.signature }}</td>{% if doc.inject_bug %}<td class="mono">{{ c.bug }}</td>{% endif %}
<td class="n">{{ c.divergent_runs }}</td><td class="n">{{ c.tests | length }}</td>
<td class="mono">{% if c.first.test_id in anchors %}<a href="#{{ anchors[c.first.test_id] }}">{{ c.first.test_id }}</a>{% else %}{{ c.first.test_id }}{% endif %} at schedule {{ c.first.index }}</td></tr>
{% endfor %}
</table>
{% else %}
<p>None.</p>
{% endif %}

<h2 id="detection">Detection matrix</h2>
{% if doc.detection.rows %}
<p>Rows: failure classes; columns: the strategies that ran (for the portfolio, its members). A cell gives the divergent runs
of that class among the strategy's runs, and the first detection counted in the strategy's own schedules of a revision.</p>
<table>
<tr><th>class / signature</th>{% for m in doc.detection.strategies %}<th class="mono">{{ m }}</th>{% endfor %}</tr>
{% for r in doc.detection.rows %}
<tr><td><b>{{ r["class"] | class_label }}</b>{% if r.bug %} ({{ r.bug }}){% endif %}<br><span class="mono">{{ r.signature }}</span></td>
{% for m in doc.detection.strategies %}{% set cell = r.cells[m] %}
<td class="n">{{ cell.divergent }}/{{ cell.runs }}{% if cell.first is not none %}<br>first at #{{ cell.first }}{% else %}<br>not found{% endif %}</td>
{% endfor %}</tr>
{% endfor %}
</table>
{% else %}
<p>No divergent run, so nothing to compare: the strategies that ran were {{ doc.detection.strategies | join(", ") }}.</p>
{% endif %}

<h2 id="tests">Revisions</h2>
<table>
<tr><th>revision</th><th>bug</th><th>runs</th><th>divergent</th><th>nondeterministic</th><th>first divergence</th><th>schedules/s</th><th>verdict</th></tr>
{% for t in doc.tests %}
<tr><td class="mono">{% if t.test_id in anchors %}<a href="#{{ anchors[t.test_id] }}">{{ t.test_id }}</a>{% else %}{{ t.test_id }}{% endif %}</td>
<td class="mono">{{ t.bug or "" }}</td>
<td class="n">{{ t.runs }}</td><td class="n">{{ t.divergent }}</td><td class="n">{{ t.nondeterministic }}</td>
<td class="n">{{ t.first_index if t.first_index is not none else "-" }}</td><td class="n">{{ rate(t.runs, t.seconds) }}</td>
<td>{% if not t.divergent %}<span class="good">clean</span>{% elif t.failure and t.failure.stale %}<span class="bad">stale .stderr</span>{% else %}<span class="bad">diverges</span>{% endif %}</td></tr>
{% endfor %}
</table>

{% if failures %}
<h2 id="failures">Failures</h2>
{% for x in failures %}{% set t = x.test %}{% set f = x.f %}
<section class="failure" id="{{ x.anchor }}">
<h3 class="mono">{{ t.test_id }}</h3>
<p>{{ t.divergent }} of {{ t.runs }} schedules diverged; the first is schedule {{ f.index }} (<code>{{ f.spec }}</code>, exit {{ f.status }}):
<b>{{ f["class"] | class_label }}</b>: <span class="mono">{{ f.signature }}</span></p>
{% if f.stale %}
<p class="warn"><b>stale .stderr; bless?</b> <code>-Z threads=1</code> itself differs from <code>{{ f.expected_file }}</code>
(exit {{ f.reference.status }}), so every schedule does: <code>pytest {{ t.path }} --bless</code></p>
<details><summary>-Z threads=1 against the blessed file</summary>
<pre class="diff">{% for cls, line in f.reference.diff | diff_lines %}<span class="{{ cls }}">{{ line }}</span>{% endfor %}</pre></details>
{% else %}
<p><code>-Z threads=1</code> matches <code>{{ f.expected_file }}</code>: only schedules differ.</p>
{% endif %}
<table class="kv">
<tr><td>token</td><td class="mono">{{ f.token }}</td></tr>
<tr><td>replay</td><td class="mono">{{ f.replay }}</td></tr>
<tr><td>minirustc</td><td class="mono">{{ f.command }}</td></tr>
{% if f.minimized %}
<tr><td>minimised token</td><td class="mono">{{ f.minimized.token }}</td></tr>
<tr><td>minimised</td><td>{{ f.minimized.preemptions }} preemption(s) left of {{ f.minimized.original_preemptions }}, in {{ f.minimized.runs }} runs;
{% if f.minimized.same_failure %}the same failure{% else %}it still diverges, differently: {{ f.minimized["class"] | class_label }}: <span class="mono">{{ f.minimized.signature }}</span>{% endif %}</td></tr>
<tr><td>replay minimised</td><td class="mono">{{ f.minimized.replay }}</td></tr>
{% else %}
<tr><td>minimised token</td><td>not minimised{% if f.stale %} (a stale .stderr is no schedule's fault){% endif %}</td></tr>
{% endif %}
</table>
<h4>Diff against the blessed output</h4>
<pre class="diff">{% for cls, line in f.diff | diff_lines %}<span class="{{ cls }}">{{ line }}</span>{% endfor %}</pre>
{% if x.timeline %}{% set tl = x.timeline %}
<h4>Timeline of the {{ "minimised" if f.timeline.minimized else "failing" }} schedule</h4>
<p class="mono">{{ f.timeline.token }}: {{ tl.steps }} scheduling steps, {{ tl.preemptions | length }} preemption(s){% if tl.truncated %} (trace truncated){% endif %}{% if f.timeline.replay_matches is sameas false %} <span class="bad">(the traced replay's output differed from the run's)</span>{% endif %}</p>
<p class="legend"><span><i style="background:#54aeff"></i>holds the baton</span><span><i style="background:#ffd8d3;border:1px solid #cf222e"></i>blocked</span>
<span><i style="background:#0550ae"></i>query</span><span><i style="background:#1a7f37"></i>query done</span><span><i style="background:#bc4c00"></i>lock</span>
<span><i style="background:#cf222e"></i>wait</span><span><i style="background:#8250df"></i>cell / atomic</span><span><i style="background:#6e7781"></i>pool</span>
<span><i style="background:#cf222e;clip-path:polygon(0 0,100% 0,50% 100%)"></i>preemption</span><span>thin lanes: query spans (nested below)</span></p>
<div class="timeline">
<svg xmlns="http://www.w3.org/2000/svg" class="timeline-svg" width="{{ tl.width }}" height="{{ tl.height }}" viewBox="0 0 {{ tl.width }} {{ tl.height }}" role="img" aria-label="per-thread timeline of schedule {{ f.timeline.token }}">
<defs><pattern id="hatch" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="4" height="4" fill="#ffd8d3"/><line x1="0" y1="0" x2="0" y2="4" stroke="#cf222e" stroke-width="1"/></pattern></defs>
{% for a in tl.axis %}<line class="axis" x1="{{ a.x }}" y1="14" x2="{{ a.x }}" y2="{{ tl.height - 6 }}"/><text x="{{ a.x + 2 }}" y="11">{{ a.label }}</text>
{% endfor %}
{% for r in tl.rows %}<line class="rowline" x1="0" y1="{{ r.y + tl.bar_h + 22 }}" x2="{{ tl.width }}" y2="{{ r.y + tl.bar_h + 22 }}"/><text x="6" y="{{ r.y + 10 }}"><title>{{ r.title }}</title>{{ r.label }}</text>
{% endfor %}
{% for b in tl.rects %}<rect class="{{ b.cls }}" x="{{ b.x }}" y="{{ b.y }}" width="{{ b.w }}" height="{{ b.h }}"><title>{{ b.title }}</title></rect>
{% endfor %}
{% for s in tl.spans %}<rect class="span" x="{{ s.x }}" y="{{ s.y }}" width="{{ s.w }}" height="3"><title>{{ s.title }}</title></rect>
{% endfor %}
{% for k in tl.ticks %}<line class="tick {{ k.cls }}" x1="{{ k.x }}" y1="{{ k.y1 }}" x2="{{ k.x }}" y2="{{ k.y2 }}"><title>{{ k.title }}</title></line>
{% endfor %}
{% for m in tl.markers %}<polygon class="{{ m.cls }}" points="{{ m.points }}"><title>{{ m.title }}</title></polygon>{% if m.n is not none %}<text x="{{ m.x + 4 }}" y="{{ m.y }}" fill="#cf222e">{{ m.n }}</text>{% endif %}
{% endfor %}
</svg>
</div>
{% if tl.preemptions %}
<details{% if tl.preemptions | length <= 20 %} open{% endif %}><summary>{{ tl.preemptions | length }} preemption(s)</summary>
<table><tr><th>#</th><th>step</th><th>preempted thread</th><th>at</th><th>runs next</th></tr>
{% for p in tl.preemptions %}<tr><td class="n">{{ p.n }}</td><td class="n">{{ p.step }}</td><td class="mono">{{ p.from }}</td><td class="mono">{{ p.at }}</td><td class="mono">{{ p.to }}</td></tr>
{% endfor %}</table></details>
{% endif %}
{% endif %}
<details><summary>stderr of the failing run</summary><pre class="stderr">{{ f.stderr }}</pre></details>
<details><summary>blessed output ({{ f.expected_file }})</summary><pre class="expected">{{ f.expected }}</pre></details>
<details open><summary>test source ({{ t.path }})</summary><pre class="source">{{ f.source }}</pre></details>
</section>
{% endfor %}
{% endif %}
<p style="color:#57606a;margin-top:3em">minirustc-harness stress report, schema version {{ doc.schema_version }}.</p>
</body>
</html>
"""
