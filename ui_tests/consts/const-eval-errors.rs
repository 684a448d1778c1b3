// Constant evaluation failures (E0080) in the item's integer type, and the note at a use of an
// erroneous constant.
const PARTS: i32 = 10 / 0; //~ ERROR attempt to divide `10_i32` by zero
const SPARE: i32 = 2;
const TOTAL: i32 = PARTS + SPARE;
const WIDE: u8 = 200 + 100; //~ ERROR which would overflow
const LATE: i32 = SPARE * 3;
const NEG: i8 = -100 - 100; //~ ERROR which would overflow
const FINE: i64 = -7 / 2 + -7 % 2;
static S: u32 = 4294967295 + 1; //~ ERROR `u32::MAX + 1_u32`
const M: i32 = -2147483648 / -1; //~ ERROR `i32::MIN / -1_i32`
const R: i32 = -2147483648 % -1; //~ ERROR `i32::MIN % -1_i32`
const H: i16 = 32767 * 2; //~ ERROR `i16::MAX * 2_i16`
const Z: u64 = 5 % 0; //~ ERROR with a divisor of zero

fn main() {}
