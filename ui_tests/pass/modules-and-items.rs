//@ check-pass
mod geometry {
    pub struct Size { pub w: i32, pub h: i32 }

    pub fn area(s: Size) -> i32 {
        s.w * s.h
    }

    pub mod units {
        pub const SCALE: i32 = 2;
    }
}

type Count = i32;

const BASE: Count = 10;
static OFFSET: i32 = 3;

fn scaled(n: Count) -> Count {
    if n > BASE { n * geometry::units::SCALE } else { n + OFFSET }
}

fn main() {
    let s = geometry::Size { w: 2, h: 3 };
    let total = geometry::area(s) + scaled(4);
    let mut acc = 0;
    while acc < total {
        acc = acc + 1;
    }
    let _ = acc;
}
