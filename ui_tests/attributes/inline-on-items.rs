#[inline] //~ ERROR `#[inline]` attribute cannot be used on constants
const LIMIT: i32 = 3;
#[inline] //~ ERROR `#[inline]` attribute cannot be used on statics
static START: i32 = 0;
#[inline] //~ ERROR `#[inline]` attribute cannot be used on type aliases
type Count = i32;

fn main() {
    let _c: Count = LIMIT + START;
}
