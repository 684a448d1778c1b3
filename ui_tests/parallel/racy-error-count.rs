// rust#154260, fixed by PR #157282: a pass decided whether to attach a note to an item by comparing
// the global error count before and after processing it, so another thread's error in between
// blamed the wrong item. Here the note is rustc's `erroneous constant encountered`: with the
// injection it is decided from the error count around each use of a constant, and an error of
// `BYTE` or `WORD` on another thread puts it on a use of a constant that evaluated fine.
// Fixed: the note is decided from the evaluation's own result.
//@ revisions: fixed injected
//@[injected] schedule: replay:s1.4.412.D2tjP05flU_Zp9_56rUN6BAW-4onsmoT2s6pCqiN5U64xLucnm5hqSwz-8T3qWP-N5G8uvjetZEfysrKEAOzJ3fkudVLo4ub3W5QxIBt75pRZ-xt6-MWAtvvjNle.4ebe
//@[injected] compile-flags: -Z inject-bug=racy-error-count
//@[injected] known-bug: racy-error-count
const RATIO: i32 = QUOTIENT + 1;
const QUOTIENT: i32 = DIVIDEND / 0; //[fixed]~ ERROR attempt to divide `84_i32` by zero
const DIVIDEND: i32 = 84;
const DOUBLE: i32 = DIVIDEND * 2;
const BYTE: u8 = 255 + 1; //[fixed]~ ERROR which would overflow
const HALF: i32 = DOUBLE / 2 + DIVIDEND;
const WORD: u16 = 65535 * 2; //[fixed]~ ERROR which would overflow
const SUM: i32 = HALF + DOUBLE;

fn main() {}
