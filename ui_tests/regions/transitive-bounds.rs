//@ check-pass
// Transitive lifetime bounds: declared on the parameters and in where-clauses, on free fns, on an
// impl (shared by its methods) and on a method inside an impl, with `'static` outliving everything.

fn chain<'a, 'b, 'c>(x: &'a u32) -> &'c u32
where
    'a: 'b,
    'b: 'c,
{
    x
}

fn inline<'c, 'b: 'c, 'a: 'b>(x: &'a u32, y: &'b u32, flag: bool) -> &'c u32 {
    if flag {
        return &*x;
    }
    y
}

fn from_static<'a>(x: &'static u32) -> &'a u32 {
    x
}

fn implied<'a, 'b>(x: &'a u32, _witness: &'b &'a u32) -> &'b u32 {
    x
}

struct Pair;

impl<'short, 'mid: 'short, 'long: 'mid> Pair {
    fn widest(&self, x: &'long u32) -> &'short u32 {
        x
    }

    fn middle(&self, x: &'mid u32, y: &'long u32, flag: bool) -> &'short u32 {
        if flag {
            return x;
        }
        y
    }

    fn own<'own>(&self, x: &'long u32) -> &'own u32
    where
        'short: 'own,
    {
        x
    }
}

fn main() {
    let n: u32 = 1;
    let r: &u32 = &n;
    let p = Pair;
    let _ = chain(&n);
    let _ = inline(&n, &n, true);
    let _ = from_static(&5);
    let _ = implied(&n, &r);
    let _ = p.widest(&n);
    let _ = p.middle(&n, &n, false);
    let _ = p.own(&n);
}
