// PR #99702: `TransitiveRelation` used to compute its transitive closure lazily, on the first query,
// into a `Lock<Option<BitMatrix>>` (a `RefCell` outside the parallel compiler), holding the mutable
// borrow for the whole computation. Here the outlives relation of the impl's lifetime bounds is one
// query result, read by the borrowck of each method below, on different threads; every method needs
// the closure (`'e: 'a` holds only transitively). Fixed: `TransitiveRelationBuilder::freeze` computes
// the closure before the relation is shared. Injected: a second method reads the relation while the
// first one builds the closure, and panics with `already borrowed: BorrowMutError`.
//@ revisions: fixed injected
//@[injected] schedule: replay:s1.4.269.MoASiakaOfv6Hm4tKcyW17Ftl7WoWNXeimvS2CigoIXnZc1oznT7i5897qJ36i72TZUmS62feSKnVNuBNb4.abb4
//@[fixed] check-pass
//@[injected] compile-flags: -Z inject-bug=lazy-transitive-relation
//@[injected] known-bug: lazy-transitive-relation
//@[injected] failure-status: 101

struct Chain;

impl<'a, 'b: 'a, 'c: 'b, 'd: 'c, 'e: 'd> Chain {
    fn first(&self, x: &'e u32) -> &'a u32 {
        x
    }

    fn second(&self, x: &'d u32) -> &'a u32 {
        x
    }

    fn third(&self, x: &'e u32) -> &'b u32 {
        x
    }

    fn fourth(&self, x: &'c u32, y: &'e u32, flag: bool) -> &'a u32 {
        if flag {
            return x;
        }
        y
    }
}

fn main() {
    let n: u32 = 5;
    let chain = Chain;
    let _ = chain.first(&n);
    let _ = chain.second(&n);
    let _ = chain.third(&n);
    let _ = chain.fourth(&n, &n, true);
}
