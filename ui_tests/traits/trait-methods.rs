//@ check-pass
trait Area {
    fn area(&self) -> u32;
}

struct Rect { w: u32, h: u32 }

impl Area for Rect {
    fn area(&self) -> u32 { self.w * self.h }
}

fn total<T: Area>(shape: T) -> u32 {
    let _ = shape;
    0
}

fn main() {
    let r = Rect { w: 2, h: 3 };
    let _a = r.area();
    let _t = total(Rect { w: 1, h: 1 });
}
