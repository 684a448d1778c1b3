"""`TransitiveRelation` (rustc_data_structures::transitive_relation), today's form and the historical one.

Today (since PR #99702): edges go into a `TransitiveRelationBuilder`; `freeze()` computes the transitive
closure eagerly and returns an immutable `TransitiveRelation`, which can then be shared between threads
with no interior mutability at all.

Before PR #99702 (re-injected by `-Z inject-bug=lazy-transitive-relation`): one mutable
`TransitiveRelation` took edges with `add` and kept the closure as a lazily built cache in a
`Lock<Option<BitMatrix>>`, thrown away whenever an edge was added. Every read went through
`with_closure`, which held the cache's mutable borrow while it took the cached matrix out, built it if
it was missing, ran the read, and put it back.

`compute_closure` is a fixpoint over the base edges: for each edge `s -> t`, insert `(s, t)` and union row
`t` into row `s`, until nothing changes. `LazyTransitiveRelation` restores exactly that shape over
`compiler.sync.types.RefCell` (`Lock` is a `RefCell` in a build without the parallel compiler, and the
whole `with_closure` runs inside one `borrow_mut()`), with a scheduling point after each row update of the
fixpoint. So the first reader of a shared relation computes the closure while holding the mutable
borrow for many scheduling points, and a second thread that reads the relation meanwhile hits the
borrow: the panic `already borrowed: BorrowMutError`, an ICE. Once computed, a read holds the borrow
across no scheduling point, so only the first computation is racy.

What this shape cannot give: a wrong answer. `take()` leaves `None` in the cell while the closure is
being built, but nobody can look at the cell without a borrow, and the borrow is what collides; the
closure is published (put back) only when complete. (With the parallel compiler `Lock` was a mutex and
the lazy computation was merely serialised: PR #64719, closed, had proposed dropping the cache "if we
think this Lock might be a problem in a threaded scenario".)

Elements are any hashable values; `contains(a, b)` is `a R+ b` (the transitive closure only: reflexivity
comes from `(a, a)` edges, which the region code adds)."""
from __future__ import annotations

from compiler.sync.types import RefCell


def _index(elements: dict, a) -> int:
    i = elements.get(a)
    if i is None:
        i = elements[a] = len(elements)
    return i


def _compute_closure(n: int, edges, between=None) -> list[int]:
    """rustc's `compute_closure`: a `BitMatrix` (one int per row) filled to a fixpoint. `between` runs
    after each row update (a scheduling point in the lazy form)."""
    rows = [0] * n
    changed = True
    while changed:
        changed = False
        for s, t in edges:
            old = rows[s]
            rows[s] = old | (1 << t) | rows[t]     # insert(s, t); union_rows(t, s)
            changed |= rows[s] != old
            if between is not None:
                between()
    return rows


class TransitiveRelationBuilder:
    """Collects the base edges; `freeze()` makes the immutable relation (PR #99702)."""

    def __init__(self):
        self.elements: dict = {}
        self.edges: list[tuple[int, int]] = []
        self._edge_set: set[tuple[int, int]] = set()

    def add(self, a, b):
        """Indicate that `a R b`."""
        edge = (_index(self.elements, a), _index(self.elements, b))
        if edge not in self._edge_set:
            self._edge_set.add(edge)
            self.edges.append(edge)

    def freeze(self) -> "TransitiveRelation":
        closure = _compute_closure(len(self.elements), self.edges)
        return TransitiveRelation(dict(self.elements), tuple(self.edges), tuple(closure))


class _Relation:
    elements: dict
    edges: tuple

    def base_edges(self) -> list[tuple]:
        names = list(self.elements)
        return [(names[s], names[t]) for s, t in self.edges]

    def elements_list(self) -> list:
        return list(self.elements)


class TransitiveRelation(_Relation):
    """Immutable: elements, base edges and the closure computed by `freeze()`."""
    __slots__ = ("elements", "edges", "closure")

    def __init__(self, elements: dict, edges: tuple, closure: tuple):
        object.__setattr__(self, "elements", elements)
        object.__setattr__(self, "edges", edges)
        object.__setattr__(self, "closure", closure)

    def __setattr__(self, name, value):
        raise AttributeError("a frozen TransitiveRelation is immutable")

    def contains(self, a, b) -> bool:
        i, j = self.elements.get(a), self.elements.get(b)
        if i is None or j is None:
            return False
        return bool((self.closure[i] >> j) & 1)

    def reachable_from(self, a) -> list:
        i = self.elements.get(a)
        if i is None:
            return []
        names = list(self.elements)
        return [names[j] for j in range(len(names)) if (self.closure[i] >> j) & 1]


class LazyTransitiveRelation(_Relation):
    """The relation before PR #99702: mutable, its closure a lazily computed cache in a `RefCell`."""

    def __init__(self, rt, name: str = "TransitiveRelation.closure"):
        self.rt = rt
        self.elements: dict = {}
        self.edges: list[tuple[int, int]] = []
        self.closure = RefCell(rt, None, name)    # Lock<Option<BitMatrix<usize, usize>>>

    def add(self, a, b):
        """`add(&mut self, a, b)`: a new element or edge throws the cached closure away (`get_mut`, so
        no borrow and no scheduling point: the caller owns the relation)."""
        n = len(self.elements)
        edge = (_index(self.elements, a), _index(self.elements, b))
        if len(self.elements) != n:
            self.closure.value = None
        if edge not in self.edges:
            self.edges.append(edge)
            self.closure.value = None

    def contains(self, a, b) -> bool:
        i, j = self.elements.get(a), self.elements.get(b)
        if i is None or j is None:
            return False
        return self._with_closure(lambda m: bool((m[i] >> j) & 1))

    def reachable_from(self, a) -> list:
        i = self.elements.get(a)
        if i is None:
            return []
        names = list(self.elements)
        return self._with_closure(lambda m: [names[j] for j in range(len(names)) if (m[i] >> j) & 1])

    def _with_closure(self, op):
        with self.closure.borrow_mut() as cell:
            closure, cell.value = cell.value, None          # closure_cell.take()
            if closure is None:
                closure = self._compute_closure()
            result = op(closure)
            cell.value = closure                            # *closure_cell = closure
            return result

    def _compute_closure(self) -> list[int]:
        rt = self.rt
        return _compute_closure(len(self.elements), self.edges,
                                lambda: rt.yield_point(f"compute_closure {self.closure.name}"))
