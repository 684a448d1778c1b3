// The leaf obligation is reported, as rustc does.
trait Small {}
trait Big {}
struct Wrap<T>(T);
impl Small for u8 {}
impl<T: Small> Big for Wrap<T> {}

fn need<T: Big>() {}

fn main() {
    need::<Wrap<u8>>();
    need::<Wrap<i32>>(); //~ ERROR the trait bound `i32: Small` is not satisfied
}
