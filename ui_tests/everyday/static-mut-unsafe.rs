// Everyday Rust: static mut unsafe.
static mut COUNTER: u32 = 0;

fn main() {
    COUNTER += 1; //~ ERROR use of mutable static is unsafe and requires unsafe function or block
    unsafe {
        COUNTER += 1;
    }
}
