// A constant defined in terms of itself.
const LOOP: i32 = LOOP + 1; //~ ERROR E0391

fn main() {
    let _v = LOOP;
}
