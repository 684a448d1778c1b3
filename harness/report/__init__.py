"""Stress reports: JSON with a schema (stress_json.py, docs/report-schema.json), merging of shard reports,
self-contained HTML with per-thread timelines (html.py, template.py, timeline.py), and JUnit XML (junit.py)."""
