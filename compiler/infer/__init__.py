"""Region relations and region checking (rustc_infer's `FreeRegionMap`, rustc_borrowck's outlives checks)."""
