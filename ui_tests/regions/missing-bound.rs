// A transitive chain with a link missing: `'a: 'b` and `'c: 'd` do not give `'a: 'd`. rustc 1.95's
// `lifetime may not live long enough`, with the bound to add; one error per lifetime that falls short,
// at the return site rustc blames, and the combined suggestion when a body needs several bounds.

fn broken_chain<'a, 'b, 'c, 'd>(x: &'a u32) -> &'d u32
where
    'a: 'b,
    'c: 'd,
{
    x //~ ERROR lifetime may not live long enough
}

fn two_short<'r, 'p: 'r, 'q, 's>(p: &'p u32, q: &'q u32, s: &'s u32, pick: u32) -> &'r u32 {
    if pick == 0 {
        return p;
    }
    if pick == 1 {
        return s; //~ ERROR lifetime may not live long enough
    }
    q //~ ERROR lifetime may not live long enough
}

fn forever<'a>(x: &'a u32) -> &'static u32 {
    x //~ ERROR lifetime may not live long enough
}

struct Window;

impl<'outer, 'inner: 'outer> Window {
    fn widen(&self, x: &'outer u32) -> &'inner u32 {
        x //~ ERROR lifetime may not live long enough
    }

    fn reborrow<'m>(&self, x: &'inner u32) -> &'m u32 {
        &*x //~ ERROR lifetime may not live long enough
    }
}

fn main() {
    let n: u32 = 3;
    let w = Window;
    let _ = broken_chain(&n);
    let _ = two_short(&n, &n, &n, 2);
    let _ = forever(&n);
    let _ = w.widen(&n);
    let _ = w.reborrow(&n);
}
