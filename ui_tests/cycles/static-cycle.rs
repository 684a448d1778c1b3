// Statics whose initializers read each other.
static PING: i32 = PONG; //~ ERROR cycle detected when evaluating initializer of static `PING`
static PONG: i32 = PING;

fn main() {
    let _p = PING;
}
