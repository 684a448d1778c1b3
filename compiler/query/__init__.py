"""The query system (rustc_query_system): memoised queries, jobs and latches, cycle detection on the
stack, and the deadlock handler that breaks cycles spanning several workers."""
