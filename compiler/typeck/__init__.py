"""Well-formedness checking and body type checking (rustc_hir_analysis, rustc_hir_typeck)."""
