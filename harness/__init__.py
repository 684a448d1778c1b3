"""minirustc-harness: a compiletest-style UI-test runner with controlled-schedule stress testing."""
