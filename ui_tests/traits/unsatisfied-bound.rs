trait Shape {}
struct Circle;
impl Shape for Circle {}

fn draw<T: Shape>() {}

fn main() {
    draw::<Circle>();
    draw::<u32>(); //~ ERROR the trait bound `u32: Shape` is not satisfied
}
