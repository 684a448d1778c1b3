"""Placeholder: `region_relations` and `mir_borrowck` providers (being written)."""
from __future__ import annotations


def region_relations(tcx, d):
    return None


def mir_borrowck(tcx, d):
    return None
