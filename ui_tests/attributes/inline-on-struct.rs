#[inline] //~ ERROR `#[inline]` attribute cannot be used on structs
struct Point;

fn main() {
    let _p = Point;
}
