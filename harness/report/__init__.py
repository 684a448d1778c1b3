"""Report writers for stress runs (JSON is written by `harness.stress`)."""
