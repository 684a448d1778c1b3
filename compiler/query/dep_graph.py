"""A minimal dependency graph (rustc_query_system::dep_graph): each running task records the dep nodes it
reads, and an anonymous task's node is derived from that read set. Nodes are plain values (query nodes
`("query", name, key)`, anonymous nodes `("anon", kind, reads)`), so interning needs no shared state."""
from __future__ import annotations


class DepGraph:
    def __init__(self, rt):
        self.rt = rt

    def _task(self) -> list | None:
        stack = getattr(self.rt.local, "tasks", None)
        return stack[-1] if stack else None

    def read_index(self, node):
        task = self._task()
        if task is not None:
            task.append(node)

    @staticmethod
    def query_node(name: str, key) -> tuple:
        return ("query", name, getattr(key, "index", key))

    def with_anon_task(self, kind: str, op, inline: bool = False):
        """Run `op` as an anonymous task; returns (result, node). The caller then reads the node, or, for
        work done `inline` in the caller's own task, every edge the task read."""
        stack = getattr(self.rt.local, "tasks", None)
        if stack is None:
            stack = self.rt.local.tasks = []
        reads: list = []
        stack.append(reads)
        try:
            result = op()
        finally:
            stack.pop()
        node = ("anon", kind, tuple(sorted(set(reads), key=repr)))
        if inline and stack:
            stack[-1].extend(reads)
        else:
            self.read_index(node)
        return result, node
