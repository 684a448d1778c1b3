// `overflowing_literals` (deny by default): a literal out of its type's range, with rustc's note and
// its type suggestion; negative literals, suffixes and constants too.
const C: u8 = 300; //~ ERROR literal out of range for `u8`
static S: i16 = -40000; //~ ERROR literal out of range for `i16`
fn f(x: i64) -> i64 { x }
fn main() {
    let a = 12345678901234567890123456; //~ ERROR literal out of range for `i32`
    let b: u8 = 300; //~ ERROR literal out of range for `u8`
    let c: i8 = 128; //~ ERROR literal out of range for `i8`
    let x: i8 = -129; //~ ERROR literal out of range for `i8`
    let y = 256u8; //~ ERROR literal out of range for `u8`
    let z: i8 = -128;
    let _ = f(9223372036854775808); //~ ERROR literal out of range for `i64`
    let _ = (a, b, c, x, y, z, C, S);
}
